"""Research units named by number or written under their parent: 五十四所, 航天科工二院, 中国电科14所, 一院102所.

The guide types research institutes and academies University (docs/annotation.md, Company and University) and
marks a unit whose name contains its parent as one mention (中国电子科技集团公司第十四研究所; corpus/train: 27 such
institutes, all one span), but a unit written after a parent that is a named unit itself as a mention of its own
(docs/annotation.md 2.1: [北京航空航天大学][自动化科学与电气工程学院]; corpus/train: [北京理工大学][信息与电子学院]
[雷达技术研究所]), so that the ownership chain parent → unit can be told (4.7). Here:

- ``numbered``: short forms the head words miss, because their head is a numeral and 所 or 院: 五十四所, 七二五所,
  102所, 中国电科14所 (one mention with the group's short name before it, as 中国电科第十四研究所 is one), 航天科工二院,
  集团一院 (the bare 集团 is an anaphor of the group: only 一院 is the name).
- ``chain_cut``: where a unit's span holds a named unit and a second unit after it: a school, department or numbered
  academy and an institute, lab or centre after it (航天学院卫星技术研究所, 第一研究院第十二研究所, 一院102所).
  The first-level unit of a group or of the Academy of Sciences stays whole (中国科学院自动化研究所).
"""

from __future__ import annotations

import re

_NUM = "一二三四五六七八九十〇零"
# Short names of the defence groups written before their numbered units (航天科工二院, 中国电科38所, 兵器203所).
_GROUPS = ("航天科技", "航天科工", "中国航天", "航天", "中国电科", "中电科", "电科", "中国兵器", "兵器工业", "兵器",
           "兵装", "中船重工", "中船工业", "中国船舶", "中船", "船舶", "中国航发", "航发", "航空工业", "中航工业", "中航",
           "中核", "核工业", "中国工程物理研究院", "中物院")
_GROUP = "|".join(sorted(_GROUPS, key=len, reverse=True))
# A numbered institute: 两 digits or Chinese numerals at least (三所 is "three institutes"), not a count of schools
# (五十所高校) and not 所 opening a word (102所属, 所有, 所在).
_INSTITUTE = rf"(?:第)?(?:\d{{2,4}}|[{_NUM}]{{2,4}})所(?![有属以在谓得示述需涉列用长等]|高校|大学|学校|院校|医院|中学|小学|高等|科研|单位)"
# A numbered academy: one or two numerals and 院, after a group's name or before a numbered institute.
_ACADEMY = rf"[{_NUM}]{{1,2}}院(?![长士校区线子内外落系])"
NUMBERED = re.compile(
    rf"(?<![\d{_NUM}第])(?:(?P<group>{_GROUP})?(?:{_ACADEMY})?{_INSTITUTE}"
    rf"|(?P<group2>{_GROUP}){_ACADEMY}|集团(?P<bare>{_ACADEMY}))")


def numbered(text: str) -> list[tuple[int, int]]:
    """(start, end) of the research units written with a number in ``text``: 五十四所, 航天科工二院, 中国电科14所."""
    out = []
    for m in NUMBERED.finditer(text):
        start = m.start("bare") if m.group("bare") else m.start()
        out.append((start, m.end()))
    return out


# A unit that has units of its own: a school or department of a university (not 科学院, the Academy of Sciences),
# a group's numbered academy (第一研究院, 航天一院, 一院), an institute before its lab or office (…研究所 | …研究室).
_PARENT_UNIT = re.compile(rf"(?<!科)学院|学部|第[{_NUM}\d]{{1,3}}研究院|[{_NUM}]{{1,2}}院|研究所(?=.{{2,}}(?:研究室|实验室|团队)$)")
_SUB_UNIT_HEADS = ("研究所", "实验室", "研究中心", "研究室", "工程中心", "创新中心", "团队", "所")
_NUMBERED_INSTITUTE = re.compile(rf"第?[\d{_NUM}]{{2,4}}所")


def chain_cut(surface: str) -> int:
    """Where ``surface`` (one unit's span) splits into a parent unit and its unit, or 0: 航天学院|卫星技术研究所,
    中国航天科技集团有限公司第一研究院|第十二研究所, 航天一院|102所. Not a group's first-level unit (…集团有限公司第十四
    研究所), not an institute of 中国科学院 (one name in corpus/train); the unit after the cut ends in an institute's,
    lab's or centre's head word and has three characters at least."""
    if not surface.endswith(_SUB_UNIT_HEADS):
        return 0
    for m in _PARENT_UNIT.finditer(surface):
        before, rest = surface[: m.start()], surface[m.end():]
        if m.group().endswith(("学院", "研究所")) and not before:
            continue  # 学院 alone is no parent's name
        if m.group()[0] in _NUM and before and not before.endswith((*_GROUPS, "集团")):
            continue  # 一院 is an academy after a group's name only (not 医院, 法院: no numeral there anyway)
        if len(rest) < 3 or rest.startswith(("的", "与", "和")):
            continue
        if rest.endswith("所") and not rest.endswith("研究所") and not _NUMBERED_INSTITUTE.fullmatch(rest):
            continue  # 事务所, 派出所: no institute
        return m.end()
    return 0


_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}
_NUMBER_OF = re.compile(rf"第?([\d{_NUM}]{{1,4}})(?:研究所|所|研究院|院)$")


def _number(s: str) -> int | None:
    """十四 -> 14, 五十四 -> 54, 七二五 -> 725, 七〇二 -> 702, 102 -> 102."""
    if s.isdigit():
        return int(s)
    if "十" not in s:
        return int("".join(str(_DIGITS[c]) for c in s)) if all(c in _DIGITS for c in s) else None
    tens, _, ones = s.partition("十")
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in _DIGITS) or (ones and ones not in _DIGITS):
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def number_key(name: str) -> tuple[int, str] | None:
    """(number, 所 or 院) of a numbered institute or academy (第五十四研究所, 54所 -> (54, 所)), or None."""
    m = _NUMBER_OF.search(name)
    n = _number(m.group(1)) if m else None
    if m is None or n is None:
        return None
    return n, "院" if m.group().endswith("院") else "所"


def same_unit(short: str, full: str) -> bool:
    """Whether the short form ``short`` (五十四所, 航天科工三院, 中国电科14所) names the numbered unit ``full``
    (中国电子科技集团有限公司第五十四研究所): same number and kind, and a group named in the short form is the
    full name's (its characters in order: 航天科工 of 中国航天科工集团有限公司, not of 中国航天科技集团有限公司)."""
    m = NUMBERED.fullmatch(short)
    key = number_key(short)
    if m is None or key is None or key != number_key(full) or len(full) <= len(short):
        return False
    group = m.group("group") or m.group("group2") or ""
    it = iter(full)
    return all(ch in it for ch in group)
