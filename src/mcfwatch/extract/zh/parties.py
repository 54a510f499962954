"""Which name around a Chinese trigger is the party: the person an organisation introduces, the unit a group's
下属 names, the founders listed before 共同组建. ``relations`` reads these; each takes the (simplified) text and
the sentence's items in text order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.items import Item

if TYPE_CHECKING:
    from mcfwatch.extract.zh.discourse import Told

_ROLE_GAP = re.compile(r"[^，,。；;、和与及]{0,12}")
_UNIT = re.compile(r"(?:下属|所属|旗下)的?")
_LIST_END = re.compile(r"\s*(?:等)?(?:单位|双方|三方|各方)?\s*")
# A founding trigger (共建, 共同组建, 联合成立, 合资设立): its parties stand before it, what follows is what they found.
FOUNDED = re.compile(r"共|联合|合资")
# 参加会见 / 陪同会见 / 出席会谈 / 主持座谈会: who attended the meeting the text has just told of
JOINED = re.compile(r"(?:参加|陪同|出席|主持)了?$")


def person_after(text: str, items: list[Item], it: Item) -> Item:
    """The person an organisation introduces (美国波音公司总裁约翰·史密斯): who meets is the person."""
    if it.type == "Person":
        return it
    nxt = next((x for x in items if x.start >= it.end), None)
    if nxt is not None and nxt.type == "Person" and _ROLE_GAP.fullmatch(text[it.end : nxt.start]):
        return nxt
    return it


def body_of(text: str, items: list[Item], it: Item) -> Item:
    """The organisation a person signs for (大连理工大学副校长罗钟铉与…签约: the university is the party, docs/annotation.md
    4.3): the body named right before the person with only a role between."""
    if it.type != "Person":
        return it
    prev = next((x for x in reversed(items) if x.end <= it.start), None)
    if (prev is not None and prev.type in tg.AGENTIVE - {"Person"} and prev.end < it.start
            and _ROLE_GAP.fullmatch(text[prev.end : it.start])):
        return prev
    return it


def unit_of(text: str, items: list[Item], it: Item) -> Item:
    """A下属(的)B / A所属B: the party is the unit B, A only says whose it is."""
    m = _UNIT.match(text, it.end)
    nxt = next((x for x in items if x.start == m.end()), None) if m else None
    return nxt if nxt is not None and nxt.type in tg.AGENTIVE else it


def listed_before(text: str, items: list[Item], cs: int, p: int, tail: re.Pattern[str] = _LIST_END,
                  join: re.Pattern[str] = tg.CONNECTORS) -> list[Item]:
    """The parties listed right before the trigger at ``p`` in the clause from ``cs`` (A、B和C共同组建): the last
    party before it with only ``tail`` between them, and the parties before that joined by ``join``."""
    before = [it for it in items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE]
    if not before or not tail.fullmatch(text[before[-1].end : p]):
        return []
    out = [before[-1]]
    for it in reversed(before[:-1]):
        if not join.fullmatch(text[it.end : out[0].start]):
            break
        out.insert(0, it)
    return out


def joined(items: list[Item], cs: int, p: int, told: list[Told]) -> list[tuple[Item, Item, str | None, str | None]]:
    """副市长A、局长B参加会见: each person before the trigger met the guest of the meeting told last (its second
    party: 市长X会见了Y一行 -> Y)."""
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


# 应X邀请 / 受X的邀请: X invited the clause's or the next clause's subject (not 供应, 响应, 应用 ...)
_ASKED = re.compile(r"(?<![供响适相反对感效答理])[应受](?![用对急该当变])")
_INVITER_END = re.compile(r"□(?:市?人民政府|政府|方面)?[的之]?$")
_THIS_VISIT = re.compile(r"(?:此访|此行|此次(?:来访|访问|出访)?|这次(?:来访|访问)?|本次(?:来访|访问)?)(?:系|是|为)?")
# where the guests of an invitation end: what they came to do (访问, 出席 ...), 一行/等 after the list
_GUEST_END = re.compile(r"访问|来(?!自)|赴|回|到(?!访)|出席|参加|参会|与会|作(?=了|大会|主旨|专题|学术|报告|题为)|考察|"
                        r"抵达|出访|进行|开展|对(?!外)|一行|等|先后")
_LED = re.compile(r"率")


def invited(text: str, items: list[Item], s: int, e: int, cs: int, ce: int, p: int, pe: int,
            told: list[Told], source: Item | None) -> list[tuple[Item, Item, str | None, str | None]]:
    """Who invited whom at the 邀请 at ``p`` (clause ``cs``-``ce`` of the sentence ``s``-``e``).

    应X邀请，Y率Z代表团访问…: X invited Y and Z (each person listed before what they came to do, the delegation
    led); Y应X邀请访问…: X invited Y; 此访系应X邀请: X invited who made the visit just told; X邀请Y、Z参加…: the
    persons listed after the verb (an organisation when none is named). docs/annotation.md 4.10; in
    corpus/train/zh.jsonl 77 gold invitations lie in an evidence of the first form."""
    masked = mask(text, cs, p, items)
    for it in items:  # a name that swallowed the 应 before it (应坦佩雷市)
        if cs <= it.start < p and text[it.start] in "应受":
            masked = masked[: it.start - cs] + text[it.start] + masked[it.start - cs + 1 :]
    asked = [m for m in _ASKED.finditer(masked) if _INVITER_END.search(masked, m.end())]
    if not asked:
        hosts = [source] if source is not None else []
        guests = _guests(text, items, pe, ce, _GUEST_END, lead=False)
    else:
        q = cs + asked[-1].start()
        inviters = [it for it in items if q <= it.start and it.end <= p and (it.type in tg.AGENTIVE or it.type == "Place")]
        if not inviters:
            return []  # 应邀: the inviter is not named
        hosts = _chain_back(text, inviters)
        before = [it for it in items if cs <= it.start and it.end <= q and it.type in tg.AGENTIVE]
        if before:  # Y应X邀请
            guests = [before[-1]]
        elif _THIS_VISIT.fullmatch(masked[: q - cs].strip()):
            last = next((r for r in reversed(told) if r.type == "visit"), None)
            guests = [Item(q, q, last.source, "Person", "")] if last else []  # the visitor's entity id only
        elif len(masked[: q - cs].strip()) <= 3:  # 应X邀请，(date，)Y率…: the subject of what follows
            guests = _guests(text, items, ce, e, _GUEST_END, lead=True)
        else:
            guests = []
    return [(h, g, None, None) for h in hosts for g in guests if h.entity != g.entity]


def mask(text: str, a: int, b: int, items: list[Item]) -> str:
    """``text[a:b]`` with every mention's characters replaced by □ (the words around the names)."""
    chars = list(text[a:b])
    for it in items:
        for k in range(max(it.start, a), min(it.end, b)):
            chars[k - a] = "□"
    return "".join(chars)


def _chain_back(text: str, found: list[Item]) -> list[Item]:
    """The last of ``found`` and those listed before it (A和B, A、B); a place glued to a name is its modifier."""
    out, cur = [found[-1]], found[-1]
    for it in reversed(found[:-1]):
        gap = text[it.end : cur.start]
        if gap == "" and it.type == "Place":
            cur = it
        elif tg.CONNECTORS.match(gap):
            out.insert(0, it)
            cur = it
        else:
            break
    return out


def _guests(text: str, items: list[Item], a: int, b: int, end: re.Pattern[str], lead: bool) -> list[Item]:
    """The persons named from ``a`` up to what they came to do (``end``), with the delegation one of them leads
    (``lead``: 率Z代表团); with no person, the first organisation (a place glued to the next name is its
    modifier)."""
    masked = mask(text, a, b, items)
    skip = re.match(r"[到了]*", masked)
    stop = end.search(masked, skip.end() if skip else 0)
    z = a + (stop.start() if stop else len(masked))
    led = _LED.search(masked, 0, z - a) if lead else None
    if led is not None:
        rest = end.search(masked, led.end())
        led_end = a + (rest.start() if rest else len(masked))
        z = a + led.start()
    inside = [it for it in items if a <= it.start and it.end <= z]
    persons = [it for it in inside if it.type == "Person"]
    if led is not None:
        persons += [it for it in items if a + led.end() <= it.start and it.end <= led_end and it.type in tg.AGENTIVE]
    if persons:
        return persons
    named = [it for it in inside if it.type in tg.AGENTIVE or it.type == "Place"]
    while len(named) > 1 and named[0].type == "Place" and named[1].start == named[0].end:
        named = named[1:]
    out = named[:1]  # 邀请A公司、B公司和C公司: each
    for it in named[1:]:
        if not tg.CONNECTORS.match(text[out[-1].end : it.start]):
            break
        out.append(it)
    if out and all(it.type == "Place" for it in out) and (
            "来自" in masked[: out[0].start - a] or _PLACE_OF.match(text, out[-1].end)):
        return []  # 邀请日本、韩国企业 / 来自美国、英国的学者: the places say where the guests come from
    return out


# a place before what it qualifies: the guests are the firms or scholars of the place, not the place (a place's
# delegation is the place's: 邀请塞维利亚市派团, docs/annotation.md 4.10)
_PLACE_OF = re.compile(r"(?:等(?:国家|国|地区|地|城市)?的?)?(?:\d+[家位名个所])?(?:企业|公司|厂商|学者|专家|高校|客商|嘉宾|人士|同行|"
                       r"青年|知名|优秀|科学家|工程师|采购商|投资者|业界)")


IMPORT = re.compile(r"引进|进口|采购|购买|购进|订购")
_FROM = re.compile(r"[从向自]")
_NOT_GOODS = re.compile(r"人才|专家|学者|教授|博士|研究员|工程师|毕业生|人员|员工|骨干|团队|\d+[人名]|"
                        r"资金|投资|外资|资本|项目")


def imported(text: str, items: list[Item], cs: int, ce: int, p: int, pe: int,
             buyer_before: Callable[[int], Item | None]) -> list[tuple[Item, Item, str | None, str | None]]:
    """A从B引进/进口/采购… (向B采购): B exported to A, A named before 从 in the clause (``buyer_before``); not talent, money
    or projects brought in (that is recruitment or funding), not a person. In corpus/train/zh.jsonl 14 gold
    exports lie in an evidence of A从B引进/进口."""
    masked = mask(text, cs, p, items)
    marks = list(_FROM.finditer(masked))
    if not marks or _NOT_GOODS.search(text, pe, min(ce, pe + 12)):
        return []
    q = cs + marks[-1].start()
    named = [it for it in items if q < it.start and it.end <= p and (it.type in tg.AGENTIVE or it.type == "Place")]
    if not named or named[0].start != q + 1 or any(it.type == "Person" for it in items if pe <= it.start < ce):
        return []
    seller = named[0]
    while seller.type == "Place":  # 德国力士乐液压公司: the company (a country alone sells nothing here)
        end = seller.end
        glued = [it for it in named if it.start == end]
        if not glued:
            return []
        seller = glued[0]
    buyer = buyer_before(q)
    ok = buyer is not None and buyer.type != "Person" and buyer.entity != seller.entity  # 任卫国是从X引进的: a recruit
    return [(seller, buyer, None, None)] if ok and buyer is not None else []


def controller(text: str, items: list[Item], before: list[Item], after: list[Item],
               subject: Item | None) -> list[tuple[Item, Item, str | None, str | None]]:
    """Who owns whom at 控股股东 / 实际控制人: A(的)控股股东(为)B -> B owns A (A: the name before, else the clause's
    subject); B系/为/成为A(的)实际控制人 -> B owns A (docs/annotation.md 4.7)."""
    owner = next((it for it in after if it.type in tg.AGENTIVE), None)
    if owner is not None:
        owned = before[-1] if before else subject
        return [(owner, owned, None, None)] if owned is not None and owned.entity != owner.entity else []
    if len(before) >= 2 and before[-1].entity != before[-2].entity:
        return [(before[-2], before[-1], None, None)]
    return []



_FOR = re.compile(r"为[^，。；为]{0,25}$")


def served(text: str, items: list[Item], cs: int, p: int) -> Item | None:
    """The military body after 为 that the verb at ``p`` serves (为中国人民解放军海军提供…, 为火箭军配套…)."""
    m = _FOR.search(mask(text, cs, p, items))
    if m is None:
        return None
    q = cs + m.start()
    return next((it for it in items if q < it.start and it.end <= p and it.type == "MilitaryUnit"), None)


# a title between an organisation and its person (副校长, 研究中心主任, 退休研究员), no verb (聘请, 引进, 以…)
_TITLED = re.compile(r"(?:(?![聘引请任邀派向为以给对从])[^，,。；;、和与及\d]){0,8}?(?:" + tg.ROLE.pattern
                     + r"|院士|工程师|总监|经理|负责人|专家|主管|董事|首席\w{0,4})")


def homes(text: str, items: list[Item]) -> set[tuple[str, str]]:
    """(person, organisation) for each person introduced by their own organisation (英国北沼大学副校长海伦·马什, with
    the parent of a unit so introduced: 北沼大学复合材料研究中心主任大卫·布朗 -> the centre and the university). A
    person neither visits nor is recruited by their own organisation (the lead's probe, session 22)."""
    out: set[tuple[str, str]] = set()
    for n, it in enumerate(items):
        if it.type != "Person" or n == 0:
            continue
        org = body_of(text, items[: n + 1], it)
        if org is not it and not _TITLED.fullmatch(text, org.end, it.start):
            continue  # 晶辉公司以年薪150万元聘请范某: a verb between, not a title
        while org is not it and org.type in tg.AGENTIVE:
            out.add((it.entity, org.entity))
            k = items.index(org)
            parent = items[k - 1] if k > 0 else None
            if parent is None or parent.end != org.start or parent.type not in _PARENTS:
                break
            org = parent
    return out
