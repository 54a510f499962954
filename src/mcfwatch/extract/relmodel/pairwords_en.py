"""English pair words: "the two universities", "both sides", "The two signed ...". A sentence that names the two
parties of its relation only through a word for the pair ("Carrow University hosted a delegation from Nanjing
University of Science and Technology. The two universities signed a memorandum of understanding") gets a
candidate of those two in its own sentence, so that sentence is the evidence, as ``crosssent_zh`` does for
双方 and 两校. The pair word stands for the first two parties of the latest of the two sentences before it that
names two of the fitting types (two bodies, and apart from them two people), unless its own sentence names two
before it. What must stay true: training and extraction call the same function on their own mentions.
"""

from __future__ import annotations

from functools import partial

from spacy.tokens import Span, Token

from mcfwatch.extract.relmodel import features_en
from mcfwatch.extract.relmodel.candidates import Candidate, Mention, previous_pair

BODIES = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Place"}
# the noun after "the two" / "both" -> the types its parties can have (None: any body or person)
NOUN_TYPES: dict[str, set[str] | None] = {
    **dict.fromkeys(("side", "party", "partner", "organisation", "organization", "institution", "body"), None),
    **dict.fromkeys(("university", "college", "school", "institute"), {"University", "Organization"}),
    **dict.fromkeys(("company", "firm", "business", "group", "manufacturer", "enterprise", "corporation"),
                    {"Company", "Organization"}),
    **dict.fromkeys(("country", "nation", "city", "province", "state", "region", "county", "town",
                     "municipality"), {"Place", "PublicBody"}),
    **dict.fromkeys(("government", "ministry", "agency", "department", "delegation"), {"PublicBody", "Organization"}),
    **dict.fromkeys(("man", "woman", "leader", "minister", "president", "official", "executive", "scientist",
                     "researcher", "professor"), {"Person"}),
}
REF = "en:both"
_PAIR_STARTS = frozenset({"two", "both"})  # the words ``pair_word`` can begin a pair phrase at
LOOK_BACK = 2  # sentences before the pair word's own searched for its two parties


def pair_word(t: Token) -> tuple[int, int, set[str] | None] | None:
    """(start char, end char, party types) of the pair phrase ``t`` begins ("the two universities", "both
    sides", "The two" alone), else None."""
    low = t.lower_
    if low == "two" and t.i > 0 and t.doc[t.i - 1].lower_ == "the":
        det = t.doc[t.i - 1]
        nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
        if nxt is not None and nxt.pos_ == "NOUN":
            lemma = nxt.lemma_.lower()
            if lemma not in NOUN_TYPES:
                return None
            return det.idx, nxt.idx + len(nxt.text), NOUN_TYPES[lemma]
        if t.dep_ in {"nsubj", "nsubjpass"}:  # "The two signed a memorandum"
            return det.idx, t.idx + len(t.text), None
        return None
    if low == "both" and t.i + 1 < len(t.doc):
        nxt = t.doc[t.i + 1]
        lemma = nxt.lemma_.lower()
        if nxt.pos_ == "NOUN" and lemma in NOUN_TYPES and nxt.tag_ == "NNS":
            return t.idx, nxt.idx + len(nxt.text), NOUN_TYPES[lemma]
    return None


def _parties(mentions: list[Mention], start: int, end: int, types: set[str]) -> list[Mention]:
    """The distinct named entities of [start, end) of ``types``, each at its first mention, in text order."""
    seen: dict[str, Mention] = {}
    for m in mentions:
        if start <= m.start and m.end <= end and m.type in types and not m.ref and m.entity not in seen:
            seen[m.entity] = m
    return list(seen.values())


def pair_candidates(sents: list[Span], index: int, ordered: list[Mention],
                    existing: list[Candidate]) -> list[Candidate]:
    """New candidates for sentence ``index``: the two parties each pair word in it stands for (``ordered``: the
    document's mentions in text order; ``existing``: the sentence's candidates, never repeated)."""
    sent = sents[index]
    out: list[Candidate] = []
    have = {frozenset((c.first.entity, c.second.entity)) for c in existing}
    low = features_en.tokens(sent.doc).lower  # the features' columns: only "two" / "both" is made a ``Token``
    for i in range(sent.start, sent.end):
        if low[i] not in _PAIR_STARTS:
            continue
        hit = pair_word(sent.doc[i])
        if hit is None:
            continue
        start, end, types = hit
        bounds = [(s.start_char, s.end_char) for s in sents[: index]]
        kinds = types or BODIES | {"Person"}
        for group in (kinds - {"Person"}, kinds & {"Person"}):
            if not group or len(_parties(ordered, sent.start_char, start, group)) >= 2:
                continue  # "A and B said the two sides ..." names them itself
            pair = previous_pair(bounds, index, partial(_parties, ordered, types=group), have, LOOK_BACK)
            if pair is None:
                continue
            a, b = pair
            out.append(Candidate(Mention(start, end, a.entity, a.type, REF), Mention(start, end, b.entity, b.type, REF),
                                 sent.start_char, sent.end_char, ()))
    return out
