"""What the Chinese relation rules read and write: typed items (entity mentions and resolved anaphors), relation
candidates with their evidence span, and the sentences and clauses of simplified text they are found in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Item:
    start: int
    end: int
    entity: str     # entity id
    type: str
    name: str


@dataclass(frozen=True, slots=True)
class RelCand:
    type: str
    source: str
    target: str
    start: int      # evidence span: the sentence
    end: int
    subtype: str | None = None
    date: str | None = None
    date_end: str | None = None
    subject: str | None = None
    inherited: bool = False  # the date comes from the discourse, not the clause
    elided: bool = False     # the partner comes from the signer's previous agreement


# (source, target, agreement subtype, position's role) as a trigger's reading gives them
Pair = tuple[Item, Item, str | None, str | None]

_SENT = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_CLAUSE_SEP = re.compile(r"[，,：:]")


def sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def sentence_of(text: str, at: int) -> tuple[int, int]:
    return next(((s, e) for s, e in sentences(text) if s <= at < e), (at, at))


def clause_bounds(text: str, s: int, e: int, p: int) -> tuple[int, int]:
    """The clause (between commas and colons) of the sentence [s, e) that holds ``p``."""
    cs = s
    for m in _CLAUSE_SEP.finditer(text, s, e):
        if m.start() < p:
            cs = m.end()
        else:
            return cs, m.start()
    return cs, e
