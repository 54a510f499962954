"""A forum named by its members' club is an event where the text meets at it: "President Xi will be at APEC and
the G20 later this year", "on the margins of the G20" (the annotators' Event), but "the G7 will release ..." and
"G7 partners" stay the Organization.

A document's club of leaders that meets as a summit (``FORUMS``) becomes an Event when most of its mentions
follow a word of place or time ("at", "after", "margins of", "upcoming") and are not followed by a word of the
body's members ("summit", "partners", "leaders", "countries"; "the G20 summit" names the meeting by its own word).
"""

from __future__ import annotations

from spacy.tokens import Doc

from mcfwatch.extract.en.entities import EntityTable

FORUMS = {"g7", "g-7", "g20", "g-20", "apec", "brics"}  # clubs named for their summits; not NATO, the EU or the UN
MEETING_BEFORE = {"at", "after", "before", "during", "ahead", "upcoming", "margins", "sidelines", "attend", "attended",
                  "attending", "host", "hosted", "hosting", "in", "on", "through", "to"}
MEMBERS_AFTER = {"summit", "summits", "partners", "leaders", "countries", "members", "member", "nations", "states",
                 "economies", "ministers", "'s", "’s"}


def _meeting(doc: Doc, start: int, end: int) -> bool:
    i = start - 1
    while i >= 0 and doc[i].lower_ in {"the", "of", "this", "next", "last", "year", "year's"}:
        i -= 1
    before = doc[i].lower_ if i >= 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    if after in MEMBERS_AFTER:
        return False
    if before in {"and", "or"} and i >= 1 and doc[i - 1].lower_ in FORUMS:  # "at APEC and the G20"
        return _meeting(doc, i - 1, i)
    return before in MEETING_BEFORE


def meeting_forums(doc: Doc, table: EntityTable) -> None:
    """Retype the international bodies the document speaks of as meetings as Event."""
    mentions: dict[str, list[tuple[int, int]]] = {}
    for i, eid in sorted(table.token_entity.items()):
        if table.types.get(eid) == "Organization" and table.names.get(eid, "").lower() in FORUMS:
            spans = mentions.setdefault(eid, [])
            if spans and spans[-1][1] == i:
                spans[-1] = (spans[-1][0], i + 1)
            else:
                spans.append((i, i + 1))
    for eid, spans in mentions.items():
        meetings = sum(_meeting(doc, s, e) for s, e in spans)
        if meetings * 2 > len(spans):
            table.types[eid] = "Event"
