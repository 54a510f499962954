"""Candidate pairs: two entities mentioned in one sentence, their types allowed by the schema.

A candidate is an unordered pair of entities, written in text order (``first`` before ``second``, the closest
pair of their mentions in the sentence). Its labels say the direction: ``T>`` first -> second, ``T<`` second
-> first for directed types, plain ``T`` for the symmetric ones (meeting, agreement), whose canonical order is
the text order. What must stay true: the same function builds the candidates for training and for extraction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from mcfwatch.model import SCHEMA

NOT_PARTIES = {"Technology"}  # the subject of an export, never a party to a relation


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: str
    type: str
    ref: str = ""  # a reference standing for the entity ("def:fair", "zh:company": relmodel.crosssent), else ""


@dataclass(frozen=True, slots=True)
class Candidate:
    first: Mention
    second: Mention
    sent_start: int
    sent_end: int
    between: tuple[Mention, ...]  # the other mentions strictly between the two


def labels() -> list[str]:
    """Every label the model can predict, in a fixed order."""
    out: list[str] = []
    for name, rt in SCHEMA.relation_types.items():
        out += [f"{name}>", f"{name}<"] if rt.directed else [name]
    return out


# the schema is fixed for the process: its answers are kept (asked for every pair of mentions in every sentence)
@cache
def allowed(label: str, first_type: str, second_type: str) -> bool:
    """Whether the schema lets ``label`` hold between mentions of these types (in text order)."""
    name, arrow = label.rstrip("<>"), label[len(label.rstrip("<>")):]
    rt = SCHEMA.relation_types[name]
    src, tgt = (second_type, first_type) if arrow == "<" else (first_type, second_type)
    return (not rt.source or src in rt.source) and (not rt.target or tgt in rt.target)


@cache
def any_allowed(first_type: str, second_type: str) -> bool:
    """Whether the schema lets some label hold between mentions of these types (in text order)."""
    return any(allowed(lab, first_type, second_type) for lab in labels())


def to_relation(label: str, first: str, second: str) -> tuple[str, str, str]:
    """(type, source entity, target entity) that ``label`` asserts of a candidate."""
    name = label.rstrip("<>")
    return (name, second, first) if label.endswith("<") else (name, first, second)


def label_of(rtype: str, source: str, target: str, first: str, second: str) -> str | None:
    """The label of a gold relation on the candidate (first, second), or None when it is not about them."""
    if {source, target} != {first, second}:
        return None
    if not SCHEMA.relation_types[rtype].directed:
        return rtype
    return f"{rtype}>" if source == first else f"{rtype}<"


def pairs(mentions: list[Mention], sent_start: int, sent_end: int, max_chars: int = 400,
          carried: tuple[Mention, ...] = (), named_too: bool = False) -> list[Candidate]:
    """Candidates of one sentence: each pair of distinct entities once, through their closest mentions.
    ``carried``: entities of earlier sentences (the last subject, the document's main entity), each paired with
    this sentence's mentions when the sentence does not name it (Chinese drops a subject the previous sentence
    gave, and refers to the document's event or institution as 本届博览会, 我校). ``named_too``: a pair
    whose closest mentions include a reference is also a candidate through its closest two named mentions, if
    the sentence has them ("Sheffield signed an agreement with Beihang and withdrew from it": Beihang - "it",
    which the reference binds to Sheffield, and Sheffield - Beihang; "its 14th Research Institute" keeps its
    own short path)."""
    ms = sorted((m for m in mentions if sent_start <= m.start and m.end <= sent_end and m.type not in NOT_PARTIES),
                key=lambda m: m.start)
    best: dict[tuple[str, str, bool], tuple[int, Mention, Mention]] = {}
    for i, a in enumerate(ms):
        for b in ms[i + 1:]:
            if a.entity == b.entity or b.start < a.end:
                continue
            gap = b.start - a.end
            if gap > max_chars:
                break
            named = named_too and not (a.ref or b.ref)
            for key in {(min(a.entity, b.entity), max(a.entity, b.entity), False),
                        (min(a.entity, b.entity), max(a.entity, b.entity), named)}:
                if key not in best or gap < best[key][0]:
                    best[key] = (gap, a, b)
    for (e1, e2, named), (_gap, a, b) in list(best.items()):
        if named and best[(e1, e2, False)][1:] == (a, b):
            del best[(e1, e2, named)]  # the closest pair is named already
    out = []
    seen_carried: set[tuple[str, str]] = set()
    for _gap, a, b in sorted(best.values(), key=lambda x: (x[1].start, x[2].start)):
        if any_allowed(a.type, b.type):
            between = tuple(m for m in ms if a.end <= m.start and m.end <= b.start and m.entity not in
                            {a.entity, b.entity})
            out.append(Candidate(a, b, sent_start, sent_end, between))
    for c in carried:
        if any(m.entity == c.entity for m in ms) or c.type in NOT_PARTIES or c.start >= sent_start:
            continue
        for b in ms:
            if (c.entity, b.entity) not in seen_carried and any_allowed(c.type, b.type):
                seen_carried.add((c.entity, b.entity))
                between = tuple(m for m in ms if m.end <= b.start and m.entity != b.entity)
                out.append(Candidate(c, b, sent_start, sent_end, between))
    return out


def previous_pair(bounds: list[tuple[int, int]], index: int, parties: Callable[[int, int], list[Mention]],
                  have: set[frozenset[str]], look_back: int) -> tuple[Mention, Mention] | None:
    """The two parties a pair word in sentence ``index`` stands for ("the two universities", 双方): the first two
    ``parties(start, end)`` of the latest of the ``look_back`` sentences before it (``bounds``) that names two, when
    some relation allows their types and ``have`` (the sentence's pairs, updated here) lacks them."""
    found: list[Mention] = []
    for k in range(index - 1, max(index - 1 - look_back, -1), -1):
        found = parties(*bounds[k])
        if len(found) >= 2:
            break
    if len(found) < 2:
        return None
    a, b = found[0], found[1]
    if frozenset((a.entity, b.entity)) in have or not any_allowed(a.type, b.type):
        return None
    have.add(frozenset((a.entity, b.entity)))
    return a, b
