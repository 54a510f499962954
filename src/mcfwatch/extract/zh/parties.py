"""Which name around a Chinese trigger is the party: the person an organisation introduces, the unit a group's
下属 names, the founders listed before 共同组建. ``relations`` reads these; each takes the (simplified) text and
the sentence's items in text order.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mcfwatch.extract.zh import triggers as tg

if TYPE_CHECKING:
    from mcfwatch.extract.zh.discourse import Told
    from mcfwatch.extract.zh.relations import Item

_ROLE_GAP = re.compile(r"[^，,。；;、和与及]{0,12}")
_UNIT = re.compile(r"(?:下属|所属|旗下)的?")
_LIST_END = re.compile(r"\s*(?:等)?(?:单位|双方|三方|各方)?\s*")
# A founding trigger (共建, 共同组建, 联合成立, 合资设立): its parties stand before it, what follows is what they found.
FOUNDED = re.compile(r"共|联合|合资")
# 参加会见 / 陪同会见 / 出席会谈: who attended the meeting the text has just told of
JOINED = re.compile(r"(?:参加|陪同|出席)了?$")


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


def joined(items: list[Item], cs: int, p: int, told: list[Told]) -> list[tuple[Item, Item, str | None, str | None]]:
    """副市长A、局长B参加会见: each person before the trigger met the guest of the meeting told last (its second
    party: 市长X会见了Y一行 -> Y)."""
    from mcfwatch.extract.zh.relations import Item  # relations imports this module

    last = next((r for r in reversed(told) if r.type == "meeting"), None)
    if last is None:
        return []
    persons = [it for it in items if cs <= it.start and it.end <= p and it.type == "Person"]
    guest = Item(p, p, last.target, "Person", "")  # stands for the entity only: the relation keeps its id
    return [(it, guest, None, None) for it in persons if it.entity not in (last.source, last.target)]


_UNIT_NAME = re.compile(r"(?:学院|实验室|研究所|研究院|研究中心|中心|系|分校|医院|学部|书院)$")
_PARENTS = {"University", "Company", "PublicBody", "Organization"}
_CUT = re.compile(r"下属|所属|旗下|共建|共同|校|.{0,2}$")  # a name that is a word of the sentence, or a fragment


def units(text: str, items: list[Item]) -> list[tuple[Item, Item]]:
    """(parent, unit) for a unit named right after its parent (南京航空航天大学航空学院, 学校的瞬态物理国家重点实验室):
    docs/annotation.md 4.7, the parent of a named department, school, institute or lab. In corpus/train/zh.jsonl
    all 28 such adjacent gold mentions are annotated as ownership."""
    out = []
    for a, b in zip(items, items[1:], strict=False):
        if (a.entity != b.entity and a.type in _PARENTS and b.type in _PARENTS and text[a.end : b.start] in ("", "的")
                and _UNIT_NAME.search(b.name) and not _CUT.match(a.name) and not _CUT.match(b.name)):
            out.append((a, b))
    return out
