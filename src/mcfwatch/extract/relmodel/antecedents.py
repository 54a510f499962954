"""What the English and the Chinese cross-sentence references (``crosssent``, ``crosssent_zh``) share: the agent
types, each entity's name as written, whether a span is free of mentions, and a clause's subject (its first
mention of fitting type). Language-neutral: no word of either language here.
"""

from __future__ import annotations

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
    """Whether [start, end) overlaps none of ``taken``."""
    return all(end <= m.start or start >= m.end for m in taken)


def subject(sent_start: int, before: int, mentions: list[Mention], types: set[str]) -> Mention | None:
    """The first mention of one of ``types`` in [sent_start, before)."""
    return next((m for m in mentions if sent_start <= m.start and m.end <= before and m.type in types), None)
