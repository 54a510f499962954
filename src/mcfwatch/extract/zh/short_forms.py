"""A firm's short name where the tagger saw only its first word: 赣江精密铸造 of 南昌赣江精密铸造有限公司, 太原重锻 of
太原重型锻压机械厂有限公司, 江淮重卡 of 安徽江淮重型卡车有限公司.

The guide: every named occurrence of a party is a mention of its entity (docs/annotation.md 1.3). A Chinese story
names a firm in full once and then by its first word and one or two words of its trade. The tagger reads that first
word as a place (赣江, 齐鲁, 太原) or the whole as an item (云翎无人机), so the firm loses its mention there, a spurious
place takes it, and the relation stated in that clause has no party. Held-out folds of corpus/train and
corpus/extra show the class in both (江淮重卡, 黔峰锻造, 航发湘江's 湘江, 华锐无人机's 华锐).

What must stay true: a short name is the firm's first word (two characters, as the name has it after its place)
followed by two or more characters that stand in the firm's name in order, with the legal form left out; it must fit
one firm of the document only; it replaces only mentions that lie inside it, never one that runs past it.
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import typing_rules as tr
from mcfwatch.extract.zh.ner import Mention

# Tails that the short name leaves out (…集团有限公司, …（集团）有限公司, …厂有限公司, …控股集团).
_TAILS = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "株式会社", "公司", "集团", "厂", "控股", "股份")
_FIRM_ENDS = (*tr.LEGAL_FORMS, "厂", "株式会社")
# First words that open too many names to stand for one firm (中国船舶重工 and 中国船舶工业 both start 中国).
_TOO_COMMON = frozenset({"中国", "中华", "国家", "北京", "上海", "天津", "重庆", "国际", "世界", "全球", "亚洲", "欧洲",
                         "美国", "英国", "德国", "法国", "日本", "中航", "航天", "航空", "中船", "中电", "中核", "中兵"})
_BODIES = frozenset({"Company", "University", "PublicBody", "MilitaryUnit", "Organization"})
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LONGEST = 8  # characters of a short name at most


def core(name: str) -> str:
    """A firm's name without its legal form and a bracketed place or 集团 (齐鲁重工装备集团有限公司 -> 齐鲁重工装备,
    东洋精机（无锡）有限公司 -> 东洋精机: then as short as its parent's, so that a short name fitting both stays)."""
    name = re.sub(r"[（(][^）)]{1,8}[）)]", "", name)
    changed = True
    while changed:
        changed = False
        for tail in _TAILS:
            if name.endswith(tail) and len(name) > len(tail) + 2:
                name, changed = name[: -len(tail)], True
    return name


def _cores(mentions: list[Mention]) -> dict[str, str]:
    """Each firm's core (without the place before it, as the mention's name has it) -> the firm's name."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.type != "Company" or not m.name.endswith(_FIRM_ENDS):
            continue
        c = core(m.name)
        if len(c) >= 4 and c[:2] not in _TOO_COMMON and all(_HAN.match(ch) for ch in c[:2]):
            out.setdefault(c, m.name)
    return out


def _reach(text: str, start: int, c: str) -> int:
    """The end of the longest run of ``text`` from ``start`` whose characters stand in ``c`` in order, opening with
    its first two."""
    if not text.startswith(c[:2], start):
        return start
    end, pos = start + 2, 2
    while end < len(text) and end - start < _LONGEST and _HAN.match(text[end]):
        k = c.find(text[end], pos)
        if k < 0:
            break
        end, pos = end + 1, k + 1
    return end


_JOINERS = "与和及、"


def _split_joined(text: str, mentions: list[Mention], cores: dict[str, str]) -> list[Mention]:
    """A body's span that opens with a firm's short name and a joiner (启航无人系统与人工智能学院 where the story named
    深圳启航无人系统有限公司): the firm, and the body after the joiner, whose own head types it. The guide marks
    coordinated names one by one (docs/annotation.md 2.1); a name whose own words hold 与 (船舶与海洋工程学院) opens
    with no firm of the document."""
    out: list[Mention] = []
    firsts = {c[:2] for c in cores}
    for m in mentions:
        if m.type in _BODIES - {"Company"} and m.source != "gazetteer" and m.surface[:2] in firsts:
            end = max(_reach(text, m.start, c) for c in cores if c[:2] == m.surface[:2])
            if end - m.start < 4 or end >= m.end - 1 or text[end] not in _JOINERS:
                out.append(m)
                continue
            rest = text[end + 1 : m.end]
            ht = tr.head_type(rest)
            fits = [c for c in cores if _reach(text, m.start, c) == end]
            if ht is not None and len(rest) > len(ht[1]) and len(fits) == 1:
                full = next(x for x in mentions if x.name == cores[fits[0]] and x.type == "Company")
                out.append(Mention(m.start, end, "Company", full.name, text[m.start:end], list(full.names_en), "short"))
                out.append(Mention(end + 1, m.end, ht[0], rest, rest, [], m.source))
                continue
        out.append(m)
    return out


def apply(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each firm's short name a mention of the firm (see the module's docstring)."""
    cores = _cores(mentions)
    if not cores:
        return mentions
    mentions = _split_joined(text, mentions, cores)
    out = list(mentions)
    by_first: dict[str, list[str]] = {}
    for c in cores:
        by_first.setdefault(c[:2], []).append(c)
    body_cores = [core(m.name) for m in mentions if m.type in _BODIES - {"Company"} and tr.head_type(m.name)]
    for first, cs in by_first.items():
        for hit in re.finditer(re.escape(first), text):
            k = hit.start()
            ends = {c: _reach(text, k, c) for c in cs}
            end = max(ends.values())
            fits = {cores[c] for c, e in ends.items() if e == end}
            if end - k < 4 or len(fits) != 1 or any(_reach(text, k, c) >= end for c in body_cores) \
                    or tr.head_type(text[k:end]) or text[end - 1] in "市省县区州":  # 汉江 of 汉江大学 too
                continue  # 绵阳科技城 of 绵阳科技城发展投资（集团）有限公司 is the place, a name of its own
            over = [m for m in out if m.start < end and k < m.end]
            if (any(m.start < k or m.end > end for m in over) or any(m.type == "Company" for m in over)
                    or any(m.type == "Place" and m.surface == text[k:end] for m in over)
                    or text[k:end] in tr.PLACE_PREFIXES):
                continue  # inside a longer mention (the firm's full name), already the firm's, or a place (克罗地亚
                # of 克罗地亚里耶卡造船厂)
            full = next(m for m in mentions if m.name in fits and m.type == "Company")
            out = [m for m in out if m not in over]
            out.append(Mention(k, end, "Company", full.name, text[k:end], list(full.names_en), "short"))
    return sorted(out, key=lambda m: m.start)
