"""Gold relations whose parties never share a sentence, by how the text tells them, and how many the relation
model's candidates reach with and without cross-sentence references (relmodel/crosssent.py).

    .venv/bin/python benchmarks/cross_sentence.py [en|zh] [--docs N]

Reads the annotated training corpus (corpus/train/{lang}.jsonl, never the blind split). A relation is
cross-sentence when no sentence (spaCy's parse in English, ``zh.relations.sentences`` in Chinese) holds a
mention of both parties. Each is put in the first situation whose cue its evidence span shows, names masked:

- both parties in the evidence (a span over two sentences) / neither party in it;
- "two sides": the two sides, both parties, together, jointly / 双方, 两国, 共同, 联合;
- pronoun: it, its, they, he, she / 其, 他, 她;
- bare noun (Chinese): 公司, 学校, 研究院, 代表团 at a clause edge;
- definite description: the company, the fair, this university / 该公司, 本届, 我校, 此次;
- continuation: also, in addition / 此外, 同时, 并, 也;
- heading or first sentence: the absent party is named only in the first sentence;
- zero subject (Chinese): the evidence does not start with a name; other: none of these.

"candidates" counts the relations some labelled candidate carries (``examples.candidate_recall``): the model can
find no relation without one. Run it to print the figures (the README's Benchmarks table names it).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from mcfwatch.extract.relmodel import data, examples
from mcfwatch.extract.relmodel.candidates import label_of

REPO = Path(__file__).resolve().parents[1]
CUES = {
    "en": [("two sides / together", r"\b(the two sides|both sides|both parties|the two \w+s|the partners|each other|"
                                    r"one another|together|jointly)\b"),
           ("pronoun", r"\b(it|its|they|their|them|he|his|she|her|him)\b"),
           ("definite description", r"\b(the|this|that) (\w+ )?(" + "|".join(
               ("company", "firm", "group", "university", "college", "school", "institute", "academy", "centre",
                "center", "laboratory", "department", "bureau", "ministry", "agency", "government", "council",
                "association", "chamber", "foundation", "fair", "expo", "exhibition", "forum", "summit",
                "conference", "festival", "show", "event", "edition", "programme", "program", "delegation",
                "city", "province", "trust", "station")) + r")\b"),
           ("continuation", r"^\W*(also|in addition|additionally|moreover|meanwhile|separately)\b")],
    "zh": [("two sides / together", r"(双方|两国|两校|两家|两市|两地|双边|彼此|各方|共同|一道|联合)"),
           ("pronoun", r"(其|他们|他|她|它)"),
           ("bare noun", r"(?<![\u4e00-\u9fff\u25a1])(公司|学校|学院|集团|大学|研究院|研究所|学会|协会|基金会|"
                         r"市政府|代表团|博览会|大会|论坛|中心|实验室)"),
           ("definite description", r"(该[\u4e00-\u9fff]|本[届次校院所市公会]|我[校院所市省]|此次|上述|校方)"),
           ("continuation", r"^[\s“]*(此外|同时|另外|其中|随后|此后|并|还|也|另)")],
}


def sentences_of(lang: str, docs: list[data.TrainDoc]) -> tuple[list[list[tuple[int, int]]], list[object]]:
    if lang == "en":
        from mcfwatch.extract.en.model import load_nlp

        nlp = load_nlp()
        keep = [p for p in ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer") if p in nlp.pipe_names]
        with nlp.select_pipes(enable=keep):
            parsed = list(nlp.pipe([d.text for d in docs], batch_size=16))
        return [[(s.start_char, s.end_char) for s in p.sents] for p in parsed], list(parsed)
    from mcfwatch.extract.zh.normalise import simplify
    from mcfwatch.extract.zh.relations import sentences

    texts = [simplify(d.text) for d in docs]
    return [list(sentences(t)) for t in texts], list(texts)


def situation(lang: str, doc: data.TrainDoc, r: data.GoldRelation, sents: list[tuple[int, int]],
              where: dict[str, set[int]]) -> str | None:
    """The situation of one gold relation, or None when a sentence names both parties."""
    if where[r.source] & where[r.target]:
        return None
    in_ev = {i for i, (s, e) in enumerate(sents) if s < r.end and r.start < e}
    present = [p for p in (r.source, r.target) if where[p] & in_ev]
    if len(present) == 2:
        return "both parties in the evidence"
    if not present:
        return "neither party in the evidence"
    chars = list(doc.text[r.start:r.end])
    for m in doc.mentions:
        if r.start <= m.start and m.end <= r.end:
            chars[m.start - r.start:m.end - r.start] = "\u25a1" * (m.end - m.start)
    ev = "".join(chars)
    for name, rx in CUES[lang]:
        if re.search(rx, ev, flags=re.I if lang == "en" else 0):
            return name
    absent = ({r.source, r.target} - set(present)).pop()
    if where[absent] == {0}:
        return "heading or first sentence"
    if lang == "zh" and not ev.lstrip("“ ").startswith("\u25a1"):
        return "zero subject"
    return "other"


def main(argv: list[str]) -> int:
    lang = argv[0] if argv and argv[0] in ("en", "zh") else "en"
    limit = int(argv[argv.index("--docs") + 1]) if "--docs" in argv else None
    docs = data.from_corpus(REPO / "corpus" / "train" / f"{lang}.jsonl")[:limit]
    sents_by_doc, inputs = sentences_of(lang, docs)
    total, same = 0, 0
    count: Counter[str] = Counter()
    reach: dict[bool, Counter[str]] = {False: Counter(), True: Counter()}
    for doc, sents, inp in zip(docs, sents_by_doc, inputs, strict=True):
        where: dict[str, set[int]] = {}
        for m in doc.mentions:
            where.setdefault(m.entity, set()).update(i for i, (s, e) in enumerate(sents) if s <= m.start < e)
        labelled = {}
        for refs in (False, True):
            exs = (examples.english(inp, doc.mentions, references=refs) if lang == "en"  # type: ignore[arg-type]
                   else examples.chinese(str(inp), doc.mentions, references=refs))
            labelled[refs] = examples.label(doc, exs)
        for r in doc.relations:
            total += 1
            kind = situation(lang, doc, r, sents, where)
            if kind is None:
                same += 1
                continue
            count[kind] += 1
            for refs, exs in labelled.items():
                reach[refs][kind] += any(
                    label_of(r.type, r.source, r.target, e.cand.first.entity, e.cand.second.entity) in e.labels
                    for e in exs)
    cross = total - same
    print(f"{lang}: {len(docs)} documents, {total} gold relations; parties never in one sentence: {cross} "
          f"({cross / total:.0%})")
    print(f"  {'situation':32s} {'gold':>5s} {'share':>6s} {'candidates':>11s} {'+references':>12s}")
    for kind, n in count.most_common():
        print(f"  {kind:32s} {n:5d} {n / cross:6.0%} {reach[False][kind]:11d} {reach[True][kind]:12d}")
    print(f"  {'all cross-sentence':32s} {cross:5d} {'':6s} {sum(reach[False].values()):11d} "
          f"{sum(reach[True].values()):12d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
