"""Aliases that let Chinese and English mentions of one party meet: pinyin and English head words.

立中集团 -> "Lizhong Jituan", "Lizhong Group", "Lizhong"; 保定市 -> "Baoding Shi", "Baoding City",
"Baoding". Gazetteer English names (布鲁内尔大学 -> "Brunel University") come first.
"""

from __future__ import annotations

import re

from pypinyin import Style, lazy_pinyin

from mcfwatch.extract.zh.boundaries import COMPOUND_SURNAMES

# Head word -> its usual English form; longest first.
HEADS_EN: list[tuple[str, str]] = sorted(
    [("有限公司", "Co., Ltd."), ("股份有限公司", "Co., Ltd."), ("集团公司", "Group Corporation"),
     ("集团", "Group"), ("公司", "Company"), ("大学", "University"), ("学院", "College"),
     ("研究所", "Research Institute"), ("研究院", "Research Institute"), ("科学院", "Academy of Sciences"),
     ("实验室", "Laboratory"), ("军分区", "Military Sub-district"), ("军区", "Military Region"),
     ("代表团", "Delegation"), ("经贸代表团", "Economic and Trade Delegation"), ("委员会", "Committee"),
     ("人民政府", "People's Government"), ("政府", "Government"), ("市委", "Municipal Committee"),
     ("省", "Province"), ("市", "City"), ("区", "District"), ("县", "County"), ("郡", "County"),
     ("协会", "Association"), ("商会", "Chamber of Commerce"), ("博览会", "Expo"), ("论坛", "Forum"),
     ("峰会", "Summit"), ("展示会", "Exhibition"), ("部队", "Unit")],
    key=lambda p: -len(p[0]),
)
_HAN = re.compile(r"[\u4e00-\u9fff]+")


# Words with a fixed English form inside names.
WORDS_EN = {"军民融合成果": "Military-Civil Fusion Achievement", "军民融合": "Military-Civil Fusion",
            "解放军": "PLA", "中国人民解放军": "PLA", "中共": "CCP", "中国共产党": "CCP"}
_PLACE_TAIL = ("省", "市", "县", "区")


def _word(piece: str) -> str:
    return "".join(lazy_pinyin(piece, style=Style.NORMAL)).capitalize()


def pinyin_word(text: str, english_words: bool = False) -> str:
    """Toneless pinyin of a Han string as capitalised words (保定 -> Baoding); other text kept.

    With ``english_words``, known words take their English form and a place's 市/省 is dropped
    (解放军保定 -> "PLA Baoding", 保定市 -> "Baoding").
    """
    out = []
    for piece in re.split(r"([\u4e00-\u9fff]+)", text):
        if not _HAN.fullmatch(piece):
            if piece.strip():
                out.append(piece.strip())
            continue
        if english_words:
            for zh, en in sorted(WORDS_EN.items(), key=lambda kv: -len(kv[0])):
                if piece.startswith(zh):
                    out.append(en)
                    piece = piece[len(zh) :]
                    break
            if len(piece) > 2 and piece.endswith(_PLACE_TAIL):
                piece = piece[:-1]
        if piece:
            out.append(_word(piece))
    return " ".join(out)


def pinyin_aliases(name: str) -> list[str]:
    """Pinyin forms of a Chinese name, with the head word in pinyin and in English where known."""
    if not _HAN.search(name):
        return []
    aliases: list[str] = []
    for head, english in HEADS_EN:
        if name.endswith(head) and len(name) > len(head):
            core = name[: -len(head)]
            core_py = pinyin_word(core)
            core_en = pinyin_word(core, english_words=True)
            aliases += [f"{core_py} {pinyin_word(head)}", f"{core_en} {english}", core_en, core_py]
            break
    else:
        aliases.append(pinyin_word(name))
    seen: list[str] = []
    for a in aliases:
        if a and a not in seen and a != name:
            seen.append(a)
    return seen


def person_aliases(name: str) -> list[str]:
    """张三 -> "Zhang San", 欧阳建州 -> "Ouyang Jianzhou" (surname first, as in English press usage)."""
    if len(name) < 2 or not _HAN.fullmatch(name):
        return []
    k = 2 if len(name) >= 3 and name.startswith(COMPOUND_SURNAMES) else 1
    return [f"{_word(name[:k])} {_word(name[k:])}"]


_SESSION = re.compile(r"第[一二三四五六七八九十百〇零\d]+届")


def aliases_for(name: str, surfaces: list[str], names_en: list[str], typ: str = "") -> list[str]:
    """All aliases of an entity: English names, other surface forms, and pinyin of each."""
    out: list[str] = person_aliases(name) if typ == "Person" else []
    session = _SESSION.match(name) if typ == "PublicBody" else None
    if session and len(name) - session.end() >= 3:
        out.append(name[session.end():])  # 第十三届全国人民代表大会常务委员会: the body of every session
    for a in [*names_en, *surfaces]:
        if a != name and a not in out:
            out.append(a)
    for form in [name, *surfaces]:
        for a in pinyin_aliases(form):
            if a not in out:
                out.append(a)
    return out
