"""Who owns whom in the phrasings of Chinese filings and press releases (docs/annotation.md 4.7): a subsidiary named
right after its parent (公司全资子公司X), a filing's list of holdings (X，公司全资子公司 / X：公司持股70%), a body
held by another (A是B控股的企业, A由B控股). ``ownership.ownership`` reads these; each returns (owner, owned) pairs
from the sentence's items in text order.
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.items import Item

# what may stand between the parent and 子公司 (公司全资子公司, 集团的控股子公司, 公司另一子公司)
_PARENT_GAP = re.compile(r"的?(?:另一(?:家|个)?|一家)?(?:全资|控股)?")
# 通过(其)全资子公司X收购…: the clause's subject holds X
_THROUGH = re.compile(r"通过(?:其|旗下)?(?:全资|控股)?$")
# what opens a filing's holding line before the holder (X，公司全资子公司 / X：公司持股70%)
_LINE_GAP = re.compile(r"\s*[，,：:]\s*")
_IS = re.compile(r"是|为|系|属于|成为")


def subsidiary_after(text: str, items: list[Item], cs: int, p: int, pe: int,
                     subject: Item | None) -> list[tuple[Item, Item]]:
    """B(的)(全资)子公司A / 通过全资子公司A: B (or the clause's subject) owns A named right after the trigger.
    In corpus/train/zh.jsonl 9 of the 12 such frames lie in the evidence of a gold ownership (corpus/extra: 7 of 10)."""
    owned = next((it for it in items if it.start == pe and it.type in tg.AGENTIVE - {"Person"}), None)
    if owned is None:
        return []
    before = [it for it in items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE - {"Person"}]
    ahead = text[before[-1].end : p] if before else ""
    if before and _PARENT_GAP.fullmatch(ahead):
        owner: Item | None = before[-1]
    elif _THROUGH.search(text, cs, p):
        owner = subject
    else:
        owner = None
    return [(owner, owned)] if owner is not None and owner.entity != owned.entity else []


def listed_holding(text: str, items: list[Item], s: int, p: int) -> list[tuple[Item, Item]]:
    """A filing's holdings list: "A，公司全资子公司，…" / "A：公司持股70%" / "A，公司参股企业" (the holder right before
    the trigger at ``p``, the held company opening the sentence or line). In corpus/train/zh.jsonl 7 gold ownerships
    lie in such lines (a list of a listed company's subsidiaries)."""
    before = [it for it in items if s <= it.start and it.end <= p]
    if len(before) < 2:
        return []
    owner, owned = before[-1], before[-2]
    if (owned.start != s or not _LINE_GAP.fullmatch(text, owned.end, owner.start)
            or not _PARENT_GAP.fullmatch(text, owner.end, p)):
        return []
    ok = {owner.type, owned.type} <= tg.AGENTIVE - {"Person"} and owner.entity != owned.entity
    return [(owner, owned)] if ok else []


def held_by(text: str, items: list[Item], cs: int, p: int, pe: int) -> list[tuple[Item, Item]]:
    """A是/为B(全资)控股的X: B owns A; A由B控股: B owns A (B下属C控股: C, the unit). In corpus/train/zh.jsonl 8 of 8
    "是B控股的" and 6 of the 11 "由B…控股/控制" frames lie in gold ownership evidence."""
    before = [it for it in items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE]
    if len(before) < 2:
        return []
    by = [it for it in before if tg.BY.search(text[max(cs, _glued_start(items, it) - 1) : _glued_start(items, it)])]
    if by:
        owned = next((it for it in before if it.end <= by[-1].start), None)
        owner = before[-1]  # the last name before the trigger: 由A下属B控股 -> B
        ok = owned is not None and (owner is by[-1] or _GAP_BY.fullmatch(text, by[-1].end, owner.start) is not None)
    elif text.startswith("的", pe):
        owned, owner = before[-2], before[-1]
        ok = bool(_IS.fullmatch(text, owned.end, owner.start)) and bool(_STAKE_GAP.fullmatch(text, owner.end, p))
    else:
        return []
    if not ok or owned is None or owner.entity == owned.entity or owner.type == "Person" and not by:
        return []
    return [(owner, owned)]


_GAP_BY = re.compile(r"(?:(?:下属|所属|旗下)的?)?")
_STAKE_GAP = re.compile(r"(?:全资|绝对|相对)?")


def _glued_start(items: list[Item], it: Item) -> int:
    """Where ``it`` starts with the places glued before it (瑞士格劳宾登家族基金: at 瑞士)."""
    start = it.start
    while (glued := next((x for x in items if x.end == start and x.type == "Place"), None)) is not None:
        start = glued.start
    return start
