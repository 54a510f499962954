"""Chinese cross-sentence references (relmodel/crosssent_zh.py) on the shipped corpus: 本届博览会, 研究院, 其 become
mentions of the entity an earlier sentence named, so the relation told through them gets a candidate."""

from __future__ import annotations

from mcfwatch.extract.relmodel import crosssent_zh, examples
from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.extract.zh.normalise import simplify


def _doc(corpus: list[TrainDoc], doc_id: str) -> TrainDoc:
    return next(d for d in corpus if d.id == doc_id)


def _refs(doc: TrainDoc) -> dict[str, tuple[str, str]]:
    """reference text -> (the name of the entity it stands for, its kind), first occurrence of each text."""
    name = {m.entity: doc.text[m.start:m.end] for m in sorted(doc.mentions, key=lambda m: m.end - m.start)}
    out: dict[str, tuple[str, str]] = {}
    for r in crosssent_zh.chinese(doc.text, doc.mentions):
        out.setdefault(doc.text[r.start:r.end], (name[r.entity], r.ref))
    return out


def test_bare_nouns_and_this_edition_stand_for_the_named_entity(corpus: list[TrainDoc]) -> None:
    assert _refs(_doc(corpus, "zh-w-0048"))["本届"] == ("中国—阿拉伯国家博览会", "zh:event")
    assert _refs(_doc(corpus, "zh-w-0201"))["研究院"] == ("粤港澳大湾区先进材料研究院", "zh:institute")
    assert _refs(_doc(corpus, "zh-w-0139"))["该校"] == ("浙江大学", "zh:school")


def test_a_noun_inside_a_longer_name_is_no_reference(corpus: list[TrainDoc]) -> None:
    for doc in corpus[:60]:
        for r in crosssent_zh.chinese(doc.text, doc.mentions):
            assert all(r.end <= m.start or r.start >= m.end for m in doc.mentions)
            if doc.text[r.start:r.end] in {"公司", "学校", "研究院", "代表团"}:
                before = doc.text[r.start - 1] if r.start else "。"
                assert not ("\u4e00" <= before <= "\u9fff") or before in "与和同及由向为对被将从经并即且后时据在予助励给"


def test_references_add_candidates_for_gold_relations_across_sentences(corpus: list[TrainDoc]) -> None:
    # 本届博览会由商务部、中国国际贸易促进委员会和宁夏回族自治区人民政府共同主办: three organizers of a fair the
    # previous sentence named; and over the whole Chinese training corpus, more gold relations get a candidate
    doc = _doc(corpus, "zh-w-0048")
    text = simplify(doc.text)
    exs = examples.label(doc, examples.chinese(text, doc.mentions, references=True))
    organizer = [e for e in exs if {"organizer>", "organizer<"} & e.labels]
    assert len(organizer) == 3 and all("ref1" in e.features for e in organizer)
    hit = {True: 0, False: 0}
    for doc in corpus:
        text = simplify(doc.text)
        for refs in (True, False):
            hit[refs] += examples.candidate_recall(doc, examples.label(doc, examples.chinese(
                text, doc.mentions, references=refs)))[0]
    total = sum(len(d.relations) for d in corpus)
    assert hit[True] > hit[False] + 0.02 * total
