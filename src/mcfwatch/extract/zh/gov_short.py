"""A government body's short form: 市外办 of 南通市人民政府外事办公室, 省工信厅 of 江苏省工业和信息化厅, 区科技局 of
南京市江宁区科学技术局, 市发展改革委 of 川江市发展和改革委员会, 省国防科工办 of 江南省国防科学技术工业办公室, 市贸促会 of
中国国际贸易促进委员会南通市支会.

How Chinese writes them (docs/annotation.md 1.3: a short form is a mention of the body's entity): the body's level
(省/市/区/县, with its place or without it: 南通市外办, 市外办; 市政府外办 with the government it belongs to), then the
first character of each word of the body's own name in order (工业和信息化 -> 工信, 科学技术 -> 科技, 外事 -> 外,
国有资产监督管理 -> 国资), then its kind cut to one character (办公室 -> 办, 委员会 -> 委 or 会, 局, 厅, 协会 -> 协). A
branch of a national council named for its place (中国国际贸易促进委员会南通市支会, …江苏省分会) goes by the place's level
and the council's short name (市贸促会, 江苏省贸促会).

What must stay true: the level is the full name's own (区科技局 is no short form of 南京市科学技术局), a place the short
form names is the full name's, and the short form's words open the full name's words in order. ``coref`` joins a
short form only when one full name of the document fits.
"""

from __future__ import annotations

_LEVELS = "省市区县"
# Words that open with a level's character but name no level (市场监管局, 区域合作办, 县域经济局).
_LEVEL_WORDS = ("市场", "区域", "县域", "区块")


def _level_at(name: str, i: int) -> bool:
    """Whether ``name[i]`` is a level (省/市/区/县), not the first character of a word such as 市场 or 区域."""
    return name[i] in _LEVELS and not name.startswith(_LEVEL_WORDS, i)
_GOVERNMENT = ("人民政府", "政府")
# A kind as the short form ends -> how the full name ends.
_KINDS: dict[str, tuple[str, ...]] = {"办": ("办公室", "办"), "局": ("局",), "厅": ("厅",), "委": ("委员会", "委"),
                                      "会": ("委员会", "会"), "协": ("协会",)}
_BRANCHES = ("分会", "支会")


def _subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


def _own(rest: str) -> str:
    """``rest`` after a level without the government it belongs to (人民政府外事办公室 -> 外事办公室)."""
    for g in _GOVERNMENT:
        if rest.startswith(g) and len(rest) > len(g):
            return rest[len(g):]
    return rest


def _words_open(short: str, full: str) -> bool:
    """Whether ``short``'s characters stand in ``full`` (Chinese words only) in order, the first opening it."""
    return (bool(short) and full.startswith(short[0]) and all("\u4e00" <= ch <= "\u9fff" for ch in full)
            and _subsequence(short, full))


def _branch(place: str, level: str, words: str, kind: str, full: str) -> bool:
    """市贸促会 of 中国国际贸易促进委员会南通市支会: a council's branch named for its place and level."""
    if kind != "会" or len(words) < 2 or not full.endswith(_BRANCHES) or full[-3] != level:
        return False
    council_end = full.rfind("会", 0, len(full) - 3) + 1
    where = full[council_end:-3]
    return council_end > 0 and bool(where) and place in ("", where) and _subsequence(words, full[:council_end])


def abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is a government body's short form of ``full`` (see the module's docstring)."""
    at = next((i for i in range(len(short)) if _level_at(short, i)), -1)
    if at < 0 or len(short) - at < 3 or short[-1] not in _KINDS or len(full) <= len(short):
        return False
    place, level, kind = short[:at], short[at], short[-1]
    words = _own(short[at + 1:-1])
    if not words:
        return False
    if _branch(place, level, words, kind, full):
        return True
    for i, ch in enumerate(full):
        if ch != level or i == 0 or not _level_at(full, i) or (place and full[:i] != place):
            continue
        own = _own(full[i + 1:])
        for ending in _KINDS[kind]:
            if own.endswith(ending) and len(own) > len(ending) and _words_open(words, own[: -len(ending)]):
                return True
    return False
