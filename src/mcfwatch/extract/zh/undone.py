"""Acts a Chinese sentence tells as not done: a takeover a government blocked (德国政府否决了烟台台海对莱菲尔德的收购,
禁止A收购B, 叫停, 撤回对A收购B的批准), one abandoned or failed (终止收购, 收购…未获批准, 收购要约被拒, 告吹), one only
planned or sought (拟收购, 计划收购, 寻求收购), and an agreement never signed (谈判破裂, 未能达成协议). docs/annotation.md
4.7 (✘ "[Government] blocked the takeover of [Y] by [X]"; 拟收购) and 5 (plans, negotiations, negated facts, blocked
or cancelled actions): no ownership, no agreement, whoever scored it. ``sieve.keep`` asks ``undone`` of the rules'
and the model's findings alike (the usertry report of session 28: the IMST veto read as ownership).

The act is the pair's own: a takeover or signing word between the two parties (A拟收购B, 禁止A收购B), or after the
second in its clause when the first is marked as its agent or object (A对B的收购, B被A收购, A与B不存在任何业务往来).
Denials count (a clarification notice: 不存在, 从未, 否认), and approaches that reached nothing (接洽，但未达成协议). A standing tie (A旗下的B,
A持有B 51%的股份) names no act and is never undone.
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import parties
from mcfwatch.extract.zh.items import Item, clause_bounds

# what a takeover, a stake or a signing is called
_TAKEOVER = r"收购|并购|兼并|购买|买下|入股|参股|控股|增持|持有|投资|注资|交易|要约|股权关系|控制关系"
_SIGNING = r"签署|签订|签约|协议|合同|合作|合资|达成|共建|结为|谈判|洽谈|磋商|商谈|接洽|往来"
ACTS: dict[str, re.Pattern[str]] = {
    "ownership": re.compile(_TAKEOVER),
    "agreement": re.compile(f"{_TAKEOVER}|{_SIGNING}"),
}
# a signing told as done stays an agreement whatever became of the deal after it (A与B签署了收购协议，但…否决了这笔
# 交易: signed, then blocked; docs/annotation.md 4.7 "agreed acquisition, not completed": agreement at most)
_SIGNED = re.compile(r"签署|签订|签约|达成|结为")
# before the act, governing it (at most a few words between, names and dates aside: 禁止A收购B, 否决了A对B的收购, A拟于
# 2021年收购B): someone stopped it (否决, 禁止, 叫停, 撤回…的批准), it was dropped or never happened (终止, 放弃, 未能,
# 未获), or it is only wanted (拟, 计划, 寻求, 提出…要约). 未 only as "did not" (未能, 未获, 未与, 未收购), not of 未披露
# (以未披露的价格收购: done), 未经 (done without approval) or 未来; 拟 not inside 模拟/虚拟/草拟/比拟, 计划 not a named
# plan (五年计划), 发起 not 发起人/发起设立. An ended agreement is still one (docs/annotation.md 5: facts now ended), so
# 终止/取消 undo no agreement. The zh-extract review of session 29 (#1): cues inside other words or far from the act
# vetoed done deals.
_STOPPED = (r"否决|禁止|叫停|阻止|阻挠|阻拦|驳回|拒绝|拒批|撤回|撤销|不予批准|不批准|未能|未获|"
            rf"未(?:曾|予|再|完成|签|达成|通过|实现|成功|与|同|和|对|(?={_TAKEOVER}|{_SIGNING}))|没有|无法|试图|企图|"
            # a denial (a clarification notice: 公司与X不存在任何业务往来, 从未与X合作)
            r"不存在|并无|从未|否认")
_WANTED = r"(?<![模虚草比])拟|(?<![年度期])计划(?![书中内])|寻求|谋求|打算|有意|意图|准备|欲|发起(?!人|设立|成立)|提出|发出"
_DROPPED = r"终止|中止|放弃|取消"
BEFORE: dict[str, re.Pattern[str]] = {
    "ownership": re.compile(f"{_STOPPED}|{_WANTED}|{_DROPPED}"),
    "agreement": re.compile(f"{_STOPPED}|{_WANTED}"),
}
# what may stand between a cue and the act it governs: the parties (□), a date, and a few words (了对, 于下月, 任何业务)
_NOT_WORDS = re.compile(r"[□\d\s]|[年月日号]")
_GAP = 6
_SIGNED_GAP = 2  # a signing told as done is vetoed only by a cue right before it (未能签署, 拟签署)
# after the act (in its clause, or the next one when that turns on it: 但/却/最终…, or the deal is the subject: 该交易
# 未获批准): it was stopped or came to nothing (收购要约被拒, 交易未获批准, 谈判破裂, 告吹). 不存在/并无 only of a tie
# (不存在业务往来; 收购乙公司不存在法律障碍 is done: review #2)
_FAILED = (r"否决|禁止|叫停|驳回|拒绝|被拒|遭拒|撤回|撤销|未获|未能|未果|未通过|告吹|失败|流产|搁浅|破裂|夭折|落空|作罢|受阻|"
           r"未达成|没有达成|未签署|未签订|(?:不存在|并无)[^，。；□]{0,6}(?:往来|关系|合作)")
AFTER: dict[str, re.Pattern[str]] = {
    "ownership": re.compile(f"{_FAILED}|{_DROPPED}"),
    "agreement": re.compile(_FAILED),
}
# the next clause turns on the act (收购C公司，但遭到德国政府否决), or names the deal as what failed (，该交易最终告吹);
# not 此前/这是/因 (此前乙公司的上市计划失败, 这是其海外并购失败后的首笔交易: another failure: review #2)
_TURN = re.compile(r"\s*(?:但是|但|却|然而|不过|最终|最后|随后|后因|遭到|遭|被)")
_DEAL = re.compile(r"\s*(?:(?:但是|但|却|然而|不过|最终|最后|随后)\s*)?(?:该|此|这笔|这项|此项|上述)?"
                   r"(?:交易|收购|并购|谈判|协议|计划|要约)(?:[^，。；□]{0,6}?)(?=(?:被|遭)?(?:" + _FAILED + r"))")
_MARKED = re.compile(r"(?:对|被|由|与|同|和|跟)$")
_JOINED = re.compile(r"[与和及、]")


def undone(text: str, items: list[Item], rtype: str, source: str, target: str, span: tuple[int, int],
           masked: str | None = None) -> bool:
    """Whether the sentence ``span`` tells the ``rtype`` act between ``source`` and ``target`` as not done (blocked,
    abandoned, failed or only planned). Only ownership and agreement; False when either party is not named in it.
    ``masked``: the sentence with ``items`` masked (``parties.mask``), when the caller holds it."""
    act = ACTS.get(rtype)
    if act is None:
        return False
    s, e = span
    here = [it for it in items if s <= it.start and it.end <= e]
    xs = [it for it in here if it.entity == source]
    ys = [it for it in here if it.entity == target]
    if not xs or not ys:
        return False
    if masked is None:
        masked = parties.mask(text, s, e, here)
    pairs = [(x, y) if x.start < y.start else (y, x) for x in xs for y in ys if x.end <= y.start or y.end <= x.start]
    if not pairs:
        return False
    a, b = min(pairs, key=lambda p: p[1].start - p[0].end)  # the closest mentions of the two tell the act
    return _pair_undone(text, masked, s, e, rtype, a, b)


def _pair_undone(text: str, masked: str, s: int, e: int, rtype: str, a: Item, b: Item) -> bool:
    between = masked[a.end - s:b.start - s]
    m = ACTS[rtype].search(between)
    if m is not None:
        p, pe = a.end + m.start(), a.end + m.end()
    elif _MARKED.search(between):  # A对B的收购, A与B不存在任何业务往来: the act later in B's clause
        _, be = clause_bounds(text, s, e, b.end)
        m = ACTS[rtype].search(masked, b.end - s, be - s)
        if m is None and _JOINED.fullmatch(between):  # 否决中资收购A与B: A and B, the act's objects, before them
            acs, _ = clause_bounds(text, s, e, a.start)
            m = next(reversed(list(ACTS[rtype].finditer(masked, acs - s, a.start - s))), None)
        if m is None:
            return False
        p, pe = s + m.start(), s + m.end()
    else:
        return False
    cs, ce = clause_bounds(text, s, e, p)
    signed = rtype == "agreement" and _SIGNED.fullmatch(text, p, pe) is not None
    if _governed(masked, BEFORE[rtype], cs - s, p - s, _SIGNED_GAP if signed else _GAP):
        return True
    if signed:
        return False
    if AFTER[rtype].search(masked, max(pe, b.end) - s, ce - s):
        return True
    if ce < e and text[ce] in "，,":  # 收购C公司，但遭到德国政府否决; ，该交易最终告吹
        _, ne = clause_bounds(text, s, e, ce + 1)
        if _DEAL.match(masked, ce + 1 - s, ne - s):
            return True
        return _TURN.match(text, ce + 1) is not None and bool(AFTER[rtype].search(masked, ce + 1 - s, ne - s))
    return False


def _governed(masked: str, cues: re.Pattern[str], a: int, p: int, gap: int) -> bool:
    """Whether a cue in ``masked[a:p]`` governs the act at ``p``: at most ``gap`` words between them, the parties and
    dates aside (禁止□收购, 否决了□对□的收购, 拟于2021年收购; not 在没有政府补贴的情况下签署)."""
    for m in cues.finditer(masked, a):  # to the end: 未 sees the act it negates (未收购)
        if m.end() > p:
            return False
        if len(_NOT_WORDS.sub("", masked[m.end():p])) <= gap:
            return True
    return False
