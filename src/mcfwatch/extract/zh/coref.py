"""Short forms of a name in one Chinese document: one entity, under the fullest name.

The guide: one entity per real-world party per document, every named occurrence (full name, short form, acronym)
a mention of it, the canonical name the fullest the document gives (docs/annotation.md 1.3). A Chinese story names
a body in full once and then by a short form: 深圳万联电子股份有限公司 … 万联电子, 中国航空工业集团有限公司 … 航空工业,
中国人民解放军火箭军 … 火箭军, 江西赣江航空工业集团有限责任公司 … 赣江集团, 常州市 … 常州.

What must stay true: a short form joins a longer name only when it is that name without what surrounds it (a
leading place, country or parent, a trailing legal form), or, for a firm, its abbreviation (the short form's
characters in order, 中国商飞 of 中国商用飞机有限责任公司); never when the longer name adds a unit of its own
(北京理工大学 and 北京理工大学珠海学院 stay two; 计算技术研究所 is 中国科学院计算技术研究所), and never when two longer names
fit (then the short form stays).
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from typing import Protocol

from mcfwatch.extract.zh import gov_short, units
from mcfwatch.extract.zh import typing_rules as tr

_ORGS = frozenset({"Company", "University", "PublicBody", "MilitaryUnit", "Organization"})
_GOVERNED = frozenset({"PublicBody", "Organization"})  # a body and a council (贸促会) a government's short form names
# What a place's full name adds to its short form (常州 -> 常州市, 宁夏 -> 宁夏回族自治区, 俄罗斯 -> 俄罗斯联邦).
_PLACE_TAILS = ("市", "省", "县", "区", "州", "自治区", "回族自治区", "壮族自治区", "维吾尔自治区", "特别行政区", "联邦",
                "阿拉伯", "王国", "共和国")


_HOME = frozenset({"中国", "中华人民共和国"})
_SCHOOLS = ("大学", "学院", "科学院", "研究院")


class Named(Protocol):
    name: str
    type: str
    surface: str


def _subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


def _place_before(prefix: str, places: Container[str], countries_only: bool) -> bool:
    """Whether ``prefix`` is a place (a country when ``countries_only``)."""
    if prefix in _HOME or prefix in tr.COUNTRIES or prefix in tr.PLACE_PREFIXES:
        return True
    return not countries_only and (prefix in places or prefix.endswith(("省", "市", "县")))


def _short_of(short: str, stype: str, full: str, ftype: str, places: Container[str], abbreviates: bool) -> bool:
    """Whether ``short`` (of type ``stype``) is a short form of ``full`` (of type ``ftype``); ``abbreviates``:
    whether ``short`` may be an abbreviation (not when it is already a name stripped of its place)."""
    if len(short) < 2 or len(full) <= len(short):
        return False
    if ftype == "Person":
        return _person_part(short, stype, full) and (stype != "Place" or short not in places)
    if stype in ("Place", "Person") and ftype == "Company":
        return (stype == "Person" or len(short) >= 3) and _opens_firm(short, full, places)
    if stype == ftype == "Technology":  # 卫星 of 遥感卫星: an item named again by its kind (docs/annotation.md,
        return full.endswith(short)  # Technology: "a short form of a marked item, 同型[无人机], is a mention of that item")
    if stype == "Place" or ftype == "Place":
        return stype == ftype == "Place" and full.startswith(short) and full[len(short):] in _PLACE_TAILS
    if stype not in _ORGS or ftype not in _ORGS:
        return False
    if {stype, ftype} <= _GOVERNED and gov_short.abbreviates(short, full):
        return True  # 市外办 of 南通市人民政府外事办公室, 市贸促会 of 中国国际贸易促进委员会南通市支会
    if stype == ftype == "University" and units.same_unit(short, full):
        return True  # 五十四所 of 中国电子科技集团有限公司第五十四研究所
    if stype != ftype and tr.head_type(short) is not None:
        return False  # two typed names (火箭军研究院 is no short form of a MilitaryUnit)
    k = full.find(short)
    if k >= 0:
        rest, prefix = full[k + len(short):], full[:k]
        ht = tr.head_type(rest) if rest else None
        if rest and not (rest in tr.LEGAL_FORMS or (ht is not None and ht[1] in tr.LEGAL_FORMS)):
            return False  # a unit of its own after the short form (…大学珠海学院)
        # Before the short form: nothing, a place (a country for a university: 西安电子科技大学 is not 电子科技大学),
        # a parent body (中国人民解放军火箭军, 中国科学院计算技术研究所), or before a firm's core and legal form a
        # short word, its place (绵阳启明星光电有限公司 of 启明星光电).
        if short[0] in "市省县区" and prefix and len(prefix) <= 4:
            return True  # 市贸促会 of 宁川市贸促会: the office of the city the story is about
        return (not prefix or _place_before(prefix, places, ftype == "University")
                or tr.head_type(prefix) is not None or (ftype == "Company" and bool(rest) and len(prefix) <= 3))
    # An abbreviation of a firm (中国商飞, 赣江集团 of 江西赣江航空工业集团有限责任公司): the short form's characters in
    # order, starting where the name does after a place; not a firm's full name (空中客车公司 of 空中客车中国公司).
    first = full.find(short[0])
    if stype == ftype and stype in ("University", "MilitaryUnit") and tr.SHORT_NAMES.fullmatch(short):
        return full.startswith(short[0]) and full.endswith(_SCHOOLS) and _subsequence(short, full)  # 哈工大
    return (abbreviates and len(short) >= 4 and full.endswith(tr.LEGAL_FORMS) and not short.endswith("公司")
            and first >= 0 and (first == 0 or _place_before(full[:first], places, False)) and _subsequence(short, full))


def _person_part(short: str, stype: str, full: str) -> bool:
    """A foreign person's surname or given name alone (克莱因 of 马蒂亚斯·克莱因, 颂猜 of 颂猜·帕尼, 吕克·莫罗 of
    让-吕克·莫罗), also where the model typed it an organisation without a head word (贝尔蒂)."""
    if stype not in ("Person", "Organization", "Place") or (stype != "Person" and tr.head_type(short) is not None):
        return False
    if not any(c in full for c in "·•-－"):
        return False
    return ((full.endswith(short) and full[-len(short) - 1] in "·•-－")
            or (full.startswith(short) and full[len(short)] in "·•-－"))


def _opens_firm(short: str, full: str, places: Container[str]) -> bool:
    """A foreign firm's first word the model read as a place or a person (菲尔德曼 of 菲尔德曼公司, 特斯拉 of 特斯拉公司,
    哈德逊 of 哈德逊精密工程公司): the firm's name opens with it, and it is no place the gazetteer knows nor a word
    ending like a place (绵阳 of 绵阳科技城发展投资（集团）有限公司 stays the city). A place read so must have three
    characters at least (``_short_of``): a Chinese city's two (大连, 嘉兴) open many firms' names the gazetteer does not
    strip, and corpus/extra marks them places."""
    return (len(short) >= 2 and full.startswith(short) and len(full) - len(short) >= 2 and short not in places
            and tr.head_type(short) is None  # 绵阳科技城 of 绵阳科技城发展投资（集团）有限公司: a place by its head
            and not short.endswith(("市", "省", "县", "区", "州", "国")) and not _place_before(short, places, False)
            and not full[len(short):].startswith(("（", "(")))


_FIRM_HEADS = ("公司", "集团", "基金", "资本")


def _firm_short(short: str, full: str, places: Container[str]) -> bool:
    """A firm named by the first word of its name and a head (维罗纳公司 of 维罗纳精密航空部件公司, 锐航公司 of 无锡锐航新材料
    有限公司, 鼎峰基金 of 深圳前海鼎峰创业投资基金): the word stands at the start of the fuller name, after a place or a
    short word at most, and is no place itself (中国公司 names nothing); not a branch named for a place after the word
    (空中客车中国公司, 菲尔德曼（佛山）智能装备有限公司)."""
    head = next((h for h in _FIRM_HEADS if short.endswith(h)), "")
    core = short[: -len(head)] if head else ""
    if len(core) < 2 or _place_before(core, places, False) or not full.endswith((*_FIRM_HEADS, *tr.LEGAL_FORMS)):
        return False
    k = full.find(core)
    if k < 0 or len(full) - k <= len(short) or not (k <= 4 or _place_before(full[:k], places, False)):
        return False
    mid = full[k + len(core):]
    ht = tr.head_type(mid)
    mid = mid[: -len(ht[1])] if ht else mid
    return not (mid.startswith(("（", "(")) or _place_before(mid, places, False))  # 空中客车中国公司: a branch


class _Also:
    """``base`` and a few more names."""

    def __init__(self, base: Container[str], more: set[str]) -> None:
        self.base, self.more = base, more

    def __contains__(self, name: object) -> bool:
        return name in self.more or name in self.base


def canonical(named: Sequence[Named], places: Container[str] = ()) -> dict[tuple[str, str], tuple[str, str]]:
    """(name, type) -> (fuller name, its type) for every short form among ``named`` with exactly one fuller name
    (the longest chain: 航空工业 -> 中国航空工业集团 -> 中国航空工业集团有限公司 ends at the last). ``places``: place
    names that may stand before a body's short form (the gazetteer's)."""
    keys = sorted({(n.name, n.type) for n in named}, key=lambda k: -len(k[0]))
    # a city the story names with 市 before a body (绍兴市…, 南京市江宁区…) is a place before a firm's short form too
    # (镜湖纺机 of 绍兴镜湖纺织机械有限公司)
    places = _Also(places, {n[:i] for n, t in keys if t != "Company" for i in (2, 3) if len(n) > i and n[i] == "市"})
    stripped = {n.name for n in named if n.surface != n.name}  # 新加坡港务集团 named 港务集团: no abbreviation
    out: dict[tuple[str, str], tuple[str, str]] = {}
    longer = 0  # keys[:longer] are the names longer than the short form: only they can be its fuller name
    for short in keys:
        while longer < len(keys) and len(keys[longer][0]) > len(short[0]):
            longer += 1
        fuller = keys[:longer]
        targets = {out.get(full, full) for full in fuller
                   if _short_of(short[0], short[1], full[0], full[1], places, short[0] not in stripped)}
        if not targets and short[1] == "Company" and short[0] not in stripped:  # only when no fuller name holds
            # it whole (中国船舶集团), and not a firm named with its own place (新加坡港务集团 named 港务集团)
            targets = {out.get(full, full) for full in fuller if full[1] == "Company"
                       and _firm_short(short[0], full[0], places)}
        if short[1] == "Place" and any(n.startswith(short[0]) for n, t in fuller if t not in ("Company", "Person")):
            targets = {t for t in targets if t[1] != "Company"}  # 阿布扎比 of 阿布扎比国际防务展: a place there
        if len(targets) == 1:
            out[short] = targets.pop()
    return out
