"""Short names a story declares for a party: 无锡锐航新材料有限公司（以下简称“锐航公司”）, 中国航空发动机集团有限公司（“中国航发”）.

The guide: every named occurrence of a party (full name, short form) is a mention of its one entity (docs/annotation.md
1.3). A declared short name is the party's wherever it stands later, whatever the head words or the model make of it
on their own (锐航公司 a firm of its own, 长春光机所 an Organization, 约定宏达公司 with the verb before it). Laws declare
short names for terms too (（以下简称出口管制法）): only a declaration right after a mention counts.
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import typing_rules as tr
from mcfwatch.extract.zh.ner import Mention

_PARTIES = frozenset({"Company", "University", "PublicBody", "MilitaryUnit", "Organization", "Person"})
# （以下简称“X”）, (简称X), （下称“X”）, （“X”）: the short name is quoted, or follows 简称/称.
DECLARED = re.compile(r"[（(](?:(?:以下)?(?:简称|称)|下称)[:：]?[“\"「]?([^”\"」）()（，,、。]{2,12}?)[”\"」]?[）)]"
                      r"|[（(][“\"「]([^”\"」）()（，,、。]{2,12})[”\"」][）)]"
                      # a name in Latin letters in brackets after the Chinese one (加德纳航空航天控股有限公司（Gardner
                      # Aerospace）): the guide's acronym or translation in brackets, a second mention
                      r"|[（(]([A-Z][A-Za-z0-9 .&'\-]{1,40}?)[）)]"
                      # an abbreviation in brackets whose characters the name holds in order (北京航空航天大学（北航）)
                      r"|[（(]([\u4e00-\u9fff]{2,5})[）)]")
# Short names that are roles, not names (以下简称“公司”, “本公司”, “发行人”, “原告”).
_ROLES = re.compile(r"^(?:本|该|我|贵)?(?:公司|集团|企业|单位|学校|本院|发行人|上市公司|标的公司|原告|被告|甲方|乙方|双方|"
                    r"买方|卖方|申请人|被申请人|上诉人|被上诉人|第三人|合资公司|项目公司)$")


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short``'s characters stand in ``name`` in order, starting with its first (北航 of 北京航空航天大学)."""
    it = iter(name)
    return name.startswith(short[0]) and all(ch in it for ch in short) and short not in name


def declarations(text: str, mentions: list[Mention]) -> dict[str, Mention]:
    """Short name -> the mention it is declared for, right after that mention."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.type not in _PARTIES:
            continue
        d = DECLARED.match(text, m.end)
        short = next((g for g in d.groups() if g), None) if d else None
        if d and d.group(4) and not _abbreviates(d.group(4), m.name):
            short = None  # （英国）, （集团）: a place or a word of the name, no abbreviation
        if short and not _ROLES.match(short) and short != m.name and short not in out:
            out[short] = m
    return out


def apply(text: str, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with every occurrence of a declared short name a mention of the party it names: an existing
    mention of it takes the party's name and type, a mention that ends in it after a word of three characters at
    most (约定宏达公司) or runs on two characters past it (Gardner Aerospace总部) is cut to it, mentions inside it (the
    place 江陵 of 江陵重机) give way to it, and an occurrence no mention covers is added."""
    declared = declarations(text, mentions)
    if not declared:
        return mentions
    out = list(mentions)
    for short, full in declared.items():
        for k in [k.start() for k in re.finditer(re.escape(short), text)]:
            end = k + len(short)
            over = [i for i, m in enumerate(out) if m.start < end and k < m.end]
            new = Mention(k, end, full.type, full.name, short, list(full.names_en), "declared")
            if not over:
                out.append(new)
            elif all(k <= out[i].start and out[i].end <= end and out[i] is not full for i in over):
                out = [m for i, m in enumerate(out) if i not in over] + [new]  # 江陵重机 read as the place 江陵
            elif len(over) == 1 and out[over[0]] is not full:
                m = out[over[0]]
                if ((m.start, m.end) == (k, end) or (m.end == end and 0 < k - m.start <= 3
                                                     and not tr.head_type(text[m.start : k]))
                        or (m.start == k and 0 < m.end - end <= 2)):  # Gardner Aerospace总部: the firm
                    out[over[0]] = new
    return sorted(out, key=lambda m: m.start)
