"""Chinese pair words (relmodel/crosssent_zh.py) on the shipped corpus: 双方 / 两校 in a sentence that does not
name the two parties becomes a candidate of the two parties the sentence before named, in its own sentence."""

from __future__ import annotations

from mcfwatch.extract.relmodel import crosssent_zh, examples
from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.extract.zh.relations import sentences


def _doc(corpus: list[TrainDoc], doc_id: str) -> TrainDoc:
    return next(d for d in corpus if d.id == doc_id)


def _pair_examples(doc: TrainDoc) -> list[examples.Example]:
    exs = examples.label(doc, examples.chinese(doc.text, doc.mentions, pair_words=True))
    return [ex for ex in exs if ex.cand.first.ref == crosssent_zh.REF]


def test_both_parties_of_the_sentence_before_are_a_candidate_with_the_gold_label(corpus: list[TrainDoc]) -> None:
    # zh-w-0056: "山东省与南澳州于1986年结为友好省州……。双方当天签署了《关于加强农业与食品领域合作的备忘录》。"
    doc = _doc(corpus, "zh-w-0056")
    found = _pair_examples(doc)
    hit = [ex for ex in found if {ex.cand.first.entity, ex.cand.second.entity} == {"shandong", "sa_au"}]
    assert len(hit) == 1
    ex = hit[0]
    sentence = doc.text[ex.cand.sent_start:ex.cand.sent_end]
    assert sentence.startswith("双方当天签署了") and doc.text[ex.cand.first.start:ex.cand.first.end] == "双方"
    assert "agreement" in ex.labels and "ref1=zh:both" in ex.features


def test_no_pair_word_no_extra_candidate_and_extraction_follows_the_model_record(corpus: list[TrainDoc]) -> None:
    doc = _doc(corpus, "zh-w-0056")
    without = examples.chinese(doc.text, doc.mentions, pair_words=False)
    assert not [ex for ex in without if ex.cand.first.ref == crosssent_zh.REF]
    spans = sentences(doc.text)
    plain = next(i for i, (s, e) in enumerate(spans) if "双方" not in doc.text[s:e] and "两" not in doc.text[s:e])
    new, after = crosssent_zh.pair_candidates(doc.text, doc.mentions, spans, plain, [])
    assert new == [] and after == set()


def test_parties_named_before_the_pair_word_in_its_sentence_are_marked_not_repeated(corpus: list[TrainDoc]) -> None:
    # zh-w-0071: "访问期间，王毅同布林肯在北京举行会谈，双方就落实两国元首旧金山会晤共识进行了深入沟通。"
    doc = _doc(corpus, "zh-w-0071")
    exs = examples.chinese(doc.text, doc.mentions, pair_words=True)
    talks = [ex for ex in exs if "双方就落实" in doc.text[ex.cand.sent_start:ex.cand.sent_end]]
    names = {ex.cand.first.entity for ex in talks} | {ex.cand.second.entity for ex in talks}
    assert "blinken" in names
    marked = {frozenset((ex.cand.first.entity, ex.cand.second.entity)) for ex in talks if "both_after" in ex.features}
    assert frozenset(("wangyi", "blinken")) in marked
    paired = [ex for ex in talks if ex.cand.first.ref == crosssent_zh.REF]
    assert all("Person" not in (ex.cand.first.type, ex.cand.second.type) for ex in paired)  # no second pair of people
