"""Which name around a Chinese trigger is the party: the person an organisation introduces, the unit a group's
下属 names, the founders listed before 共同组建. ``relations`` reads these; each takes the (simplified) text and
the sentence's items in text order.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mcfwatch.extract.zh import triggers as tg

if TYPE_CHECKING:
    from mcfwatch.extract.zh.relations import Item

_ROLE_GAP = re.compile(r"[^，,。；;、和与及]{0,12}")
_UNIT = re.compile(r"(?:下属|所属|旗下)的?")
_LIST_END = re.compile(r"\s*(?:等)?(?:单位|双方|三方|各方)?\s*")
# A founding trigger (共建, 共同组建, 联合成立, 合资设立): its parties stand before it, what follows is what they found.
FOUNDED = re.compile(r"共|联合|合资")


def person_after(text: str, items: list[Item], it: Item) -> Item:
    """The person an organisation introduces (美国波音公司总裁约翰·史密斯): who meets is the person."""
    if it.type == "Person":
        return it
    nxt = next((x for x in items if x.start >= it.end), None)
    if nxt is not None and nxt.type == "Person" and _ROLE_GAP.fullmatch(text[it.end : nxt.start]):
        return nxt
    return it


def unit_of(text: str, items: list[Item], it: Item) -> Item:
    """A下属(的)B / A所属B: the party is the unit B, A only says whose it is."""
    m = _UNIT.match(text, it.end)
    nxt = next((x for x in items if x.start == m.end()), None) if m else None
    return nxt if nxt is not None and nxt.type in tg.AGENTIVE else it


def listed_before(text: str, items: list[Item], cs: int, p: int) -> list[Item]:
    """The parties listed right before the trigger at ``p`` in the clause from ``cs`` (A、B和C共同组建)."""
    before = [it for it in items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE]
    if not before or not _LIST_END.fullmatch(text[before[-1].end : p]):
        return []
    out = [before[-1]]
    for it in reversed(before[:-1]):
        if not tg.CONNECTORS.match(text[it.end : out[0].start]):
            break
        out.insert(0, it)
    return out
