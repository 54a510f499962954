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
from mcfwatch.extract.zh.items import Item, clause_bounds
from mcfwatch.extract.zh.sentence import Sentence

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


# A(、B和C)(等单位)(共同/联合) right before 主办/承办/协办/举办, after 由 or not (docs/annotation.md 4.9: each body that
# hosts, co-organises or undertakes the event organises it): the hosts are the names of the list
_HOSTS = re.compile(r"(由\s*)?(□+(?:(?:、|和|与|及|以及)□+)*)(?:等[^，,。；□]{0,6})?(?:共同|联合|牵头|负责|组织|持续|深入|大力|"
                    r"继续|全面|出资)?$")
HOSTING = re.compile(r"(?:共同|联合)?(?:主办|承办|协办|举办|组织(?=的|了))")
# a programme run or set up (Y计划由X牵头实施, X持续实施Y计划, X出资设立Y奖学金): its organiser (4.9: "runs the programme")
_RUNNING = re.compile(r"(?:组织)?实施|设立")
# what may stand between the trigger and the event's 的 (由A主办、B承办的Y) or between 的 and the event (第三届)
_MORE_HOSTS = re.compile(r"(?:[、，,]□+(?:(?:、|和|与|及|以及)□+)*(?:等[^，,。；□]{0,6})?(?:共同|联合)?"
                         r"(?:主办|承办|协办|支持|指导))*(?:的|了)")
_GAP = re.compile(r"[^，,。；;□]{0,8}")
# a bare event head opening the clause of 由 or the sentence (论坛由A主办, 本届大会以…为主题，由A承办): the event the
# text spoke of last (its head alike)
_BARE_EVENT = re.compile(r"\s*(?:本届|本次|此次|该|这次|这届|上述)?(大会|论坛|会议|博览会|展会|展览会|对接会|洽谈会|峰会|交流会|"
                         r"年会|研讨会|推介会|招商会|交易会|大赛|比赛|竞赛|活动|赛事|会晤)")
# the whole of the clause before 由, a short word for an event (推介会由A主办, 会晤由B主办)
_BARE_CLAUSE = re.compile(r"\s*(?:本届|本次|此次|该|这次|这届|上述)?([\u4e00-\u9fff]{0,4}(?:会|论坛|赛|展|会晤|活动|周))\s*$")
_WILL = re.compile(r"(?:将|拟|计划|预计|准备|有望)\s*$")
_HOST_TYPES = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit"}
_EVENTS = {"Event", "Program"}


def hosts(sent: Sentence, cs: int, p: int) -> tuple[list[Item], bool]:
    """The bodies listed right before the hosting word at ``p`` in the clause from ``cs`` (由A、B共同主办, A承办),
    and whether 由 opens the list."""
    text, items = sent.text, sent.items
    masked = sent.words(cs, p)
    m = _HOSTS.search(masked)
    if m is None:
        return [], False
    a, b = cs + m.start(2), cs + m.end(2)
    listed = [it for it in items if a <= it.start and it.end <= b]
    # a place glued to the next name is its modifier (青岛市 of 青岛市人民政府 when tagged apart)
    listed = [it for it in listed if not (it.type == "Place" and any(x.start == it.end for x in listed))]
    by = m.group(1) is not None
    # a country hosts a summit (会晤由南非主办: docs/annotation.md 4.9), only after 由: 北京举办的X names where
    if not listed or any(it.type not in _HOST_TYPES and not (by and it.type == "Place") for it in listed) \
            or text[a - 1 : a] in ("在", "于"):
        return [], False  # 在X举办: where it was held
    if _WILL.search(masked, 0, m.start()):
        return [], False  # 将由X主办: not (yet) hosted (docs/annotation.md 4.9)
    return listed, by


def in_sentence(sent: Sentence, earlier: Sequence[Item] = ()) -> list[tuple[Item, Item, int, int]]:
    """(host, event, where the hosting word starts and ends) for each hosting word of ``sent`` with its hosts right
    before it; a programme's for each word that runs or sets one up. ``earlier``: the names of the document's lead
    (its first two sentences: a headline and the lead name the event the story is about) and of the sentence or two
    before, where a bare 本次会议/本届博览会 finds its event (``_event``)."""
    text, s, e = sent.text, sent.s, sent.e
    out: list[tuple[Item, Item, int, int]] = []
    for rx, kinds in ((HOSTING, _EVENTS), (_RUNNING, {"Program"})):
        for m in rx.finditer(text, s, e):
            if text.startswith(("单位", "方"), m.end()) or sent.words(m.start(), m.start() + 1) == "□":
                continue  # 主办单位：A (``listed``), a name that holds the word
            cs, _ = clause_bounds(text, s, e, m.start())
            out += [(a, b, m.start(), m.end()) for a, b in hosted(sent, cs, m.start(), m.end(), earlier)
                    if b.type in kinds]
    return out


# 在X举办的Y: where the event was held, a relative clause that names no host (公司参加了在德国汉诺威举办的博览会)
_HELD_AT = re.compile(r"在[^，,。；;]*$")


def held_at(sent: Sentence, cs: int, p: int, pe: int) -> bool:
    """Whether the hosting word at [p, pe) only says where the event it qualifies was held (在X举办的Y)."""
    at = _HELD_AT.search(sent.words(cs, p))
    # 在X组织的Y上 with X a body: X organised it
    return (sent.text.startswith("的", pe) and at is not None
            and not any(cs + at.start() <= it.start and it.end <= p and it.type in _HOST_TYPES for it in sent.items))


def hosted(sent: Sentence, cs: int, p: int, pe: int, earlier: Sequence[Item] = ()) -> list[tuple[Item, Item]]:
    """(host, event) for the hosting word at [p, pe) of ``sent``: 由A主办(、B承办)的Y and A、B联合主办Y (the event
    after), Y由A、B共同主办 and 论坛由A承办 (the event before 由: named, else the one a bare head stands for), A主办，
    B承办 after either (the event of the sentence's earlier hosting word). No hosts right before: []."""
    listed, by = hosts(sent, cs, p)
    if not listed:
        return []
    event = _event(sent, cs, p, pe, by, earlier)
    return [(it, event) for it in listed] if event is not None and event.entity not in {x.entity for x in listed} else []


# what a generic bare head may stand for: 本次活动 any event, 展会 an 展 or a 博览会, 会议 a 会议 or a 大会, 赛事 a 大赛
_GENERIC_HEADS = {"活动": ("",), "展会": ("展", "会"), "展览会": ("展", "会"), "会议": ("议", "会"),
                  "赛事": ("赛",), "比赛": ("赛",), "竞赛": ("赛",)}


def _stands_for(head: str, name: str) -> bool:
    """Whether the bare event head ``head`` (论坛, 本届博览会's 博览会, 推介会) can stand for the event ``name``: its
    last character alike (a 论坛 for a 论坛, not a 会议), a generic head for its kinds (``_GENERIC_HEADS``)."""
    return name.endswith(next((v for k, v in _GENERIC_HEADS.items() if head.endswith(k)), (head[-1],)))


def _event(sent: Sentence, cs: int, p: int, pe: int, by: bool, earlier: Sequence[Item]) -> Item | None:
    text, items, s, e = sent.text, sent.items, sent.s, sent.e
    masked = sent.words(pe, e)
    if (m := _MORE_HOSTS.match(masked)) is not None:  # 主办、B承办的Y / 联合主办了Y
        q = pe + m.end()
        gap = _GAP.match(masked, m.end())
        nxt = next((it for it in items if q <= it.start <= q + (gap.end() - m.end() if gap else 0)), None)
        return nxt if nxt is not None and nxt.type in _EVENTS else None
    nxt = next((it for it in items if it.start >= pe), None)
    if nxt is not None and text[pe : nxt.start] in ("", "“", "《", "\"") and nxt.type in _EVENTS:  # A、B联合主办Y
        return nxt
    if by:  # Y由A主办: the event named before 由 in its clause, else a bare head's at the clause or sentence start,
        # else the last named before 由 in the sentence
        start = text.rfind("由", cs, p)
        before = [it for it in items if s <= it.start and it.end <= start and it.type in _EVENTS]
        if before and before[-1].start >= cs:
            return before[-1]
        head = (_BARE_CLAUSE.match(sent.words(cs, start)) or _BARE_EVENT.match(sent.words(cs, start))
                or _BARE_EVENT.match(sent.words(s, start)))
        if head is not None:
            # the event a bare 论坛/本次会议 stands for: the last Event with its head in this sentence or the one or
            # two before (not a programme, not one named paragraphs earlier: review s26 #2)
            near = [*earlier, *(it for it in items if it.end <= start)]
            return next((it for it in reversed(near) if it.type == "Event" and _stands_for(head.group(1), it.name)),
                        None)
        return before[-1] if before else None
    # A主办，B承办: the event of an earlier hosting word of the sentence
    for prev in reversed(list(HOSTING.finditer(text, s, cs))):
        pcs, _ = clause_bounds(text, s, e, prev.start())
        listed, pby = hosts(sent, pcs, prev.start())
        if listed:
            return _event(sent, pcs, prev.start(), prev.end(), pby, earlier)
    return None
