"""Who took part: every body of a list before 参加/参展/出席 (A、B等18家单位和C参加了X: A, B and C each; docs/annotation.md
4.8 counts each listed participant), and the event a list was drawn to (X吸引了A、B等单位参展: the event comes first).
In corpus/train + corpus/extra zh.jsonl, 28 gold participations have a list with 等…和/、 in their evidence.
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import parties as pt
from mcfwatch.extract.zh.items import Item

_JOIN = re.compile(r"\s*(?:、|和|及|以及|与|，以及)\s*|\s*等[^，。、；]{0,12}?(?:和|及|、|以及)\s*")
_TAIL = re.compile(r"\s*(?:等[^，。；]{0,14}?)?(?:单位|企业|代表|嘉宾)?\s*(?:也|还|均|共同|分别|一同|应邀)?\s*")
_DRAWN = re.compile(r"吸引了?")


def attendees(text: str, items: list[Item], cs: int, p: int) -> list[Item]:
    """The parties listed right before the trigger at ``p`` (two at least), else []."""
    out = pt.listed_before(text, items, cs, p, tail=_TAIL, join=_JOIN)
    return out if len(out) >= 2 else []


def drawn_to(text: str, items: list[Item], s: int, first: Item) -> Item | None:
    """The event that drew the list starting at ``first`` (X吸引了A、B…参展), or None."""
    event = next((it for it in reversed(items) if s <= it.start and it.end <= first.start
                  and it.type in ("Event", "Program")), None)
    if event is None or not _DRAWN.search(text, event.end, first.start):
        return None
    return event
