"""Funding frames that the trigger-by-trigger reading of relations.py misses (docs/annotation.md 4.13: the giver
funds the receiver). Counts are gold funding relations of corpus/train + corpus/extra zh.jsonl whose evidence has
the frame:

- a fund's or institute's shareholders putting in their shares: X总规模100亿元，其中A出资15亿元，B出资20亿元 (A and B
  fund X, the last body before 其中 that puts in no share; 3 gold);
- a financing round's lead and followers: (由)A领投，B、C跟投 (each funds the company that raised the round: the
  agent before the last 融资 before them, or the one right after 领投; 6 gold, all 6 such frames);
- a funding notice's list: 江北某某有限公司“…”项目，支持资金1000万元 / 承担单位X，合作单位Y，资助经费500万元 (the
  bodies that issue the notice, named before 关于 in its title, fund the first body of the line; 36 gold).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.items import Item

GIVERS = tg.AGENTIVE
RECEIVERS = tg.AGENTIVE - {"Person"}
ISSUERS = {"PublicBody", "Organization"}

_AMONG = re.compile(r"其中")
_PUT_IN = re.compile(r"出资(?=[\d.,]+\s*[万亿])")
_CLAUSE = re.compile(r"[，,、；;]")
_LEAD = re.compile(r"领投|跟投")
_RAISED = re.compile(r"融资")
_LISTED = re.compile(r"(?:支持|资助|补助|补贴|扶持)(?:资金|经费)[\d.,]+\s*[万亿]")
_TITLE_JOIN = re.compile(r"\s*(?:、|和|与|及)\s*")
_ABOUT = re.compile(r"\s*关于")
LOOK_BACK = 200  # characters before a 领投/跟投 searched for the round's 融资


def in_sentence(text: str, items: Sequence[Item], s: int, e: int) -> list[tuple[Item, Item]]:
    """(giver, receiver) pairs of the shares (其中A出资) and round (领投/跟投) frames in the sentence [s, e)."""
    return _shares(text, items, s, e) + _round(text, items, s, e)


def _agent_before(items: Sequence[Item], start: int, end: int, types: set[str]) -> Item | None:
    return next((it for it in reversed(items) if start <= it.start and it.end <= end and it.type in types), None)


def _shares(text: str, items: Sequence[Item], s: int, e: int) -> list[tuple[Item, Item]]:
    among = _AMONG.search(text, s, e)
    if among is None:
        return []
    givers = []
    for put in _PUT_IN.finditer(text, among.end(), e):
        cs = max([m.end() for m in _CLAUSE.finditer(text, among.end(), put.start())], default=among.end())
        giver = _agent_before(items, cs, put.start(), GIVERS)
        if giver is not None:
            givers.append(giver)
    # what 其中 divides: the last body before it that puts in no share (由A、B共同出资设立的X，规模50亿元，其中A出资15亿元:
    # X, not A)
    fund = next((it for it in reversed(items) if s <= it.start and it.end <= among.start() and it.type in RECEIVERS
                 and it.entity not in {g.entity for g in givers}), None)
    return [(g, fund) for g in givers] if fund is not None else []


def _round(text: str, items: Sequence[Item], s: int, e: int) -> list[tuple[Item, Item]]:
    out: list[tuple[Item, Item]] = []
    for lead in _LEAD.finditer(text, s, e):
        cs = max([m.end() for m in re.finditer(r"[，,；;]", text[s : lead.start()])], default=0) + s
        givers = [it for it in items if cs <= it.start and it.end <= lead.start() and it.type in GIVERS]
        if not givers:
            continue
        ce = next((m.start() for m in re.finditer(r"[，,；;。]", text[lead.end() : e])), e - lead.end()) + lead.end()
        receiver = next((it for it in items if lead.end() <= it.start and it.end <= ce and it.type in RECEIVERS), None)
        if receiver is None:
            raised = [m.start() for m in _RAISED.finditer(text, max(0, lead.start() - LOOK_BACK), lead.start())]
            if not raised:
                continue
            sent = max(text.rfind(ch, 0, raised[-1]) for ch in "。！？\n") + 1
            receiver = _agent_before(items, sent, raised[-1], RECEIVERS)
        if receiver is None:
            continue
        out += [(g, receiver) for g in givers if g.entity != receiver.entity]
    return out


def issuers(text: str, items: Sequence[Item]) -> list[Item]:
    """The public bodies a notice's title names before 关于 (江北省发展和改革委员会、江北省国防科工办关于下达…的通知)."""
    first = next((it for it in items if it.start < 200), None)
    if first is None or text[text.rfind("\n", 0, first.start) + 1 : first.start].strip():
        return []
    out: list[Item] = []
    end = first.start
    for it in items:
        if it.start < end:
            continue
        if it.start != end and not _TITLE_JOIN.fullmatch(text, end, it.start):
            break
        if it.type not in ISSUERS:
            return []
        out.append(it)
        end = it.end
    return out if out and _ABOUT.match(text, end) else []


def listed(text: str, items: Sequence[Item], s: int, e: int, by: Sequence[Item]) -> list[tuple[Item, Item]]:
    """A notice's line of money (X“…”项目，支持资金N万元) naming no giver: each issuer ``by`` funds its first body."""
    if not by or not _LISTED.search(text, s, e):
        return []
    first = next((it for it in items if s <= it.start and it.end <= e and it.type in GIVERS), None)
    if first is None or first.type not in RECEIVERS or any(first.entity == b.entity for b in by):
        return []
    return [(b, first) for b in by]
