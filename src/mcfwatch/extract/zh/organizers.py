"""An event notice's lists of organisers: 主办单位：A、B；承办单位：C；协办单位：D (docs/annotation.md 4.9: each body that
hosts, co-organises or undertakes the event organises it; the writers' annotations count 指导单位 and 支持单位 too).
The event is the latest named before the list, else the first the text names (a notice's title). In corpus/extra
zh.jsonl the 2 such lists hold 3 gold organizers (none in corpus/train); the phrasing 由A主办 is the model's and
relations.py's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mcfwatch.extract.zh.funding import GIVERS
from mcfwatch.extract.zh.items import Item

_LIST = re.compile(r"(?:联合主办|主办|承办|协办|指导|支持|合作)(?:单位|机构|方)\s*[：:]")
_END = re.compile(r"[。；;\n]")


def listed(text: str, items: Sequence[Item]) -> list[tuple[Item, Item]]:
    """(organiser, event) for each body of each list."""
    events = [it for it in items if it.type == "Event"]
    out: list[tuple[Item, Item]] = []
    for hit in _LIST.finditer(text):
        event = next((it for it in reversed(events) if it.end <= hit.start()), events[0] if events else None)
        if event is None:
            return []
        end = m.start() if (m := _END.search(text, hit.end())) else len(text)
        out += [(it, event) for it in items if hit.end() <= it.start and it.end <= end and it.type in GIVERS - {"Person"}]
    return out
