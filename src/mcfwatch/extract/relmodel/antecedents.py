"""What the English and the Chinese cross-sentence references (``crosssent``, ``crosssent_zh``) share: the agent
types, each entity's name as written, whether a span is free of mentions, and a clause's subject (its first
mention of fitting type). Language-neutral: no word of either language here.
"""

from __future__ import annotations

from bisect import bisect_left

from mcfwatch.extract.relmodel.candidates import Mention

AGENTS = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit"}


def names_of(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Each entity's longest mention text (its name as written)."""
    out: dict[str, str] = {}
    for m in mentions:
        if len(text[m.start:m.end]) > len(out.get(m.entity, "")):
            out[m.entity] = text[m.start:m.end]
    return out


def free(start: int, end: int, taken: list[Mention]) -> bool:
    """Whether [start, end) overlaps none of ``taken`` (any order; ``Occupied`` answers for a fixed list)."""
    return all(end <= m.start or start >= m.end for m in taken)


class Occupied:
    """The spans of a fixed list of mentions, indexed once, so that ``free`` costs a bisection and a short walk back
    instead of a pass over every mention (one question per reference candidate of a document)."""

    __slots__ = ("_ends", "_reach", "_starts")

    def __init__(self, mentions: list[Mention]) -> None:
        spans = sorted((m.start, m.end) for m in mentions)
        self._starts = [a for a, _b in spans]
        self._ends = [b for _a, b in spans]
        self._reach: list[int] = []  # the furthest end of any span up to each one
        far = -1
        for b in self._ends:
            far = max(far, b)
            self._reach.append(far)

    def free(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps none of the mentions (as ``free``)."""
        j = bisect_left(self._starts, end) - 1  # the spans that start before ``end``, walked back
        while j >= 0 and self._reach[j] > start:
            if self._ends[j] > start:
                return False
            j -= 1
        return True


def subject(sent_start: int, before: int, mentions: list[Mention], types: set[str]) -> Mention | None:
    """The first mention of one of ``types`` in [sent_start, before); ``mentions`` in order of their start."""
    for k in range(bisect_left(mentions, sent_start, key=lambda m: m.start), len(mentions)):
        m = mentions[k]
        if m.start >= before:
            return None
        if m.end <= before and m.type in types:
            return m
    return None
