"""Where a proposed Chinese name starts: not before a verb, a preposition or a second party joined to it; and where
an organisation's name ends: before a verb or preposition inside it, and before an adverb at its end (``inner_end``).

The model and the left extension of head words sometimes run a name over what comes before it: a verb or
preposition (经省国资委, 共建无人系统联合实验室, 法郎收购恩加丁精密仪器公司, 市工业和信息化局会同市国防动员办公室),
or a first party joined by 与/和/同/联合 (星途动力与西安航天基地管委会, 马克龙同欧盟委员会). The guide marks coordinated
names one by one and never puts a verb or function word in a name (docs/annotation.md 2.1).

What must stay true: a name whose own words hold 与/和 stays whole (工业和信息化部, 国际合作与交流处,
船舶与海洋工程学院, 2017无人系统与智能控制国际学术会议): it is cut at a joiner only when the part before the joiner
is a name itself (ends in an organisation's head word, or is one name token: a person, place or organisation).
Only whole tokens of the segmenter with a verb, preposition, conjunction, adverb or particle tag are cut at, so
驻 (德国驻成都总领事馆), 用 (反应堆用非核材料), 系 the noun (物理系) and 对外 (对外友好协会) stay inside.
"""

from __future__ import annotations

from mcfwatch.extract.zh import typing_rules as tr
from mcfwatch.extract.zh.tagger import Token

# Words that never stand inside a name: a proposed name starts after the last one it holds.
CONNECTORS = frozenset({
    "会同", "经", "至", "系", "应", "由", "向", "对", "将", "从", "被", "把", "给", "跟", "为", "了", "是", "即",
    "赴", "到", "于", "率", "率领", "收购", "并购", "入股", "加盟", "选派", "调入", "常驻", "共建", "成立",
    "联合成立", "设立", "组建", "签约", "签署", "配套", "告诉", "获悉", "携手", "牵头", "委托", "通过",
    "隶属于", "隶属", "属于", "归属",
})
# Connectors the segmenter tags as nouns of action (vn) that still never stand inside a name (配套 does: 产业配套联盟).
_VN_CONNECTORS = frozenset({"常驻", "调入", "选派", "共建", "签约", "入股", "加盟", "并购", "收购"})
# Joiners: a cut only when what stands before is a name of its own.
JOINERS = frozenset({"与", "和", "同", "及", "以及", "、", "联合"})
_PERSON_JOINERS = frozenset({"与", "和", "同"})  # 比尔及梅琳达·盖茨基金会: 及 joins two persons in one name
_CONNECTORS_OR_JOINERS = CONNECTORS | JOINERS  # one set: the cache below is keyed by it (a new set per call misses)
# Words that a connector's character starts (经济带, 应用数学, 2017无人系/统 split by the segmenter): no cut there.
_NOT_CUT = ("系统", "经济", "经营", "对外", "对接", "至今", "由于", "为了", "同步", "同济", "应用", "将军", "和平",
            "联合会", "联合体", "联合国", "给水", "到达", "是否", "应急", "对口", "经贸", "经开", "经信", "经管",
            "向阳", "于都", "为民")
# Chinese surnames of two characters: a four-character name opening with one is a person's (欧阳建州, 司马光明), not a
# foreign city's transliteration ending in 州 or 市 (因戈尔施塔特市).
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "宇文",
                     "长孙", "夏侯", "端木", "独孤", "南宫", "轩辕", "澹台", "公冶", "太史", "申屠", "钟离", "闻人",
                     "呼延", "万俟", "赫连", "百里", "东郭", "西门", "拓跋", "濮阳", "第五", "单于", "淳于", "仲孙")
_CUT_TAGS = frozenset({"p", "c", "v", "vd", "d", "ad", "u", "r", "w"})
_NAME_TAGS = frozenset({"PER", "LOC", "ORG", "nr", "ns", "nt"})


_BY_FIRST: dict[frozenset[str], dict[str, list[str]]] = {}
_BY_LAST: dict[frozenset[str], dict[str, list[str]]] = {}


def _indexed(words: frozenset[str], cache: dict[frozenset[str], dict[str, list[str]]], at: int) -> dict[str, list[str]]:
    """``tr.words_by_char(words, at)``, built once per word set."""
    index = cache.get(words)
    if index is None:
        index = cache[words] = tr.words_by_char(words, at)
    return index


def _word_at(text: str, pos: int, words: frozenset[str]) -> str:
    """The longest of ``words`` that starts at ``pos`` and is not the start of a word of ``_NOT_CUT``, or ''."""
    if text.startswith(_NOT_CUT, pos):
        return ""
    return tr.longest_at(text, pos, _indexed(words, _BY_FIRST, 0))


def _word_before(text: str, pos: int, words: frozenset[str]) -> str:
    """The longest of ``words`` that ends at ``pos`` (and starts no ``_NOT_CUT`` word there), or ''."""
    last = text[pos - 1 : pos] if pos > 0 else ""
    return next((w for w in _indexed(words, _BY_LAST, -1).get(last, ()) if text.endswith(w, 0, pos)
                 and not text.startswith(_NOT_CUT, pos - len(w))), "")


def _head_named(left: str) -> bool:
    """Whether ``left`` ends in an organisation's head word after a name of its own (四川九洲电器集团有限责任公司)."""
    ht = tr.head_type(left)
    return ht is not None and len(left) > len(ht[1])


def name_start(text: str, tokens: list[Token], start: int, end: int) -> int:
    """The start of the name proposed as ``text[start:end]``: after the last connector or joined first party
    among the whole ``tokens`` inside it (the last token, the head, is never cut at). ``start`` when none."""
    inner = [t for t in tokens if start <= t.start and t.end <= end]
    cut = start
    for t in inner[:-1]:
        cuts = t.tag in _CUT_TAGS or (t.tag == "vn" and t.text in _VN_CONNECTORS)  # 常驻/vn of 技术骨干常驻实验室
        if not cuts or _word_at(text, t.start, _CONNECTORS_OR_JOINERS) != t.text:
            continue
        left = text[cut : t.start]
        named = [b for b in inner if cut <= b.start and b.end <= t.start]
        one_name = (len(named) == 1 and named[0].tag in _NAME_TAGS and named[0].text == left
                    and t.text in _PERSON_JOINERS)
        firm = t.text in ("与", "同", "、") and len(left) >= 4 and left.endswith(tr.COMPANY_ENDINGS)  # 飞龙航空与临江大学
        if t.text in CONNECTORS or _head_named(left) or (one_name and len(left) >= 2) or firm:
            cut = t.end
    return cut if end - cut >= 2 else start


def leading_connector(word: str) -> str:
    """The connector a segmenter's name token opens with when the rest is an organisation's name (经省国资委 ->
    经; 对外友好协会, 经济技术开发区, 应急管理局 open with no connector), or ''."""
    lead = _word_at(word, 0, CONNECTORS)
    rest = word[len(lead):]
    return lead if lead and len(rest) >= 3 and _head_named(rest) else ""


def model_start(text: str, start: int, end: int, model: list[Token]) -> int:
    """The start of a span that ends where one of the ``model``'s names ends but starts before it with a connector
    or joiner right in front of the model's name (经省国资委 over the model's 省国资委; 马克龙同欧盟委员会 over
    欧盟委员会): the model's start. The segmenter glues such words into one token (经省国资委/ORG, 局会同市/n), so no
    whole-token cut (``name_start``) can find them. A joiner counts only after a name: an organisation's head
    word, or a model's name (星途动力与; not 发展和 of 发展和改革委员会)."""
    for m in model:
        if m.end != end or not start < m.start:
            continue
        if _word_before(text, m.start, CONNECTORS):
            return m.start
        joiner = _word_before(text, m.start, JOINERS)
        at = m.start - len(joiner)
        if joiner and (_head_named(text[start:at]) or (joiner in _PERSON_JOINERS and any(
                o.end == at and o.start >= start and o.end - o.start >= 2 for o in model))):
            return m.start
    return start


def widens(text: str, start: int, end: int, wide_start: int, wide_end: int) -> bool:
    """Whether a segmenter entity ``[wide_start, wide_end)`` around the model's name ``[start, end)`` may stand
    for it (都柏林市 for 都柏林): not when what it adds is a connector or joiner (四川九洲电器集团有限责任公司与)."""
    words = CONNECTORS | JOINERS
    return not ((end < wide_end and _word_at(text, end, words)) or (wide_start < start and _word_before(text, start, words)))


# Where a proposed organisation's name ends: before a verb or preposition inside it (星海电缆借助集团, 临江通航关于…公司,
# 成都市科学技术局为联合研究院) and before an adverb the model took in at its end (海鸿重工正与…, 海蓝船舶也曾…).
BREAKS = frozenset({"借助", "帮助", "协助", "邀请", "下设", "关于", "依托", "凭借", "推荐", "聘请", "委托", "支持", "为", "对",
                    "向", "给", "经", "由", "从", "把", "被", "跟", "按照", "根据"})
_BREAK_TAGS = frozenset({"p", "v", "vd"})
_END_ADVERBS = frozenset("正也还已将曾都又就则均亦仍才再")


def inner_end(text: str, tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """(start, end) of an organisation proposed as ``text[start:end]`` that holds a verb or preposition of ``BREAKS``
    (a whole token after the first, or a word right after a name ending in a head inside one token): the name after
    it when that is a name with its own head (…局为 | 某某研究院), else the name before it; and without a one-character
    adverb at its end (海鸿重工正). Unchanged when neither part is a name of two characters or more."""
    inner = [t for t in tokens if start < t.start and t.end <= end]
    cuts = [(t.start, t.end) for t in inner if t.text in BREAKS and t.tag in _BREAK_TAGS
            and _word_at(text, t.start, BREAKS) == t.text]
    if not cuts:
        for k in range(start + 3, end - 2):
            w = _word_at(text, k, BREAKS)
            if w and _head_named(text[start:k]):
                cuts = [(k, k + len(w))]  # 成都市科学技术局为联合研究院/ORG: one token of the segmenter
                break
    if cuts:
        at, after = cuts[0]
        right = text[after:end]
        ht = tr.head_type(right)
        if ht and len(right) > len(ht[1]) and not tr.generic(right[: -len(ht[1])], ht[1]):
            return after, end
        if at - start >= 2:
            end = at
    last = next((t for t in reversed(tokens) if t.end == end), None)
    if (last is not None and last.start == end - 1 and last.tag in ("d", "ad") and text[end - 1] in _END_ADVERBS
            and end - start >= 4):
        end -= 1
    return start, end


_AFTER_NAME = frozenset("曾作为于系在将是向与和等称说会任兼及")


# Words that the model or the segmenter run a name on into (谢文会见了, 理查德·李正式加入, 马明本月, 托马斯·莱利率团,
# 陈立恒等人): the name ends before them, whatever the segmenter made of them.
WORDS_AFTER_NAME = frozenset({"会见", "会谈", "正式", "同时", "本月", "本周", "今年", "率团", "率领", "共同", "作为",
                              "原任", "先后", "等人"})


def person_end(text: str, tokens: list[Token], start: int, end: int) -> int:
    """A person's name without the word after it that the model took in (李娜曾在…, 董浩为其颁发, 许峰会见): its last
    character opens a segmenter token of its own, or one of ``WORDS_AFTER_NAME`` with the next character; or the span
    ends in one of them (理查德·李正式)."""
    if end - start >= 3 and text[end - 1] in _AFTER_NAME and any(t.start == end - 1 for t in tokens):
        return end - 1
    if end - start >= 3 and text[end - 1 : end + 1] in WORDS_AFTER_NAME:
        return end - 1
    if end - start >= 4 and text[end - 2 : end] in WORDS_AFTER_NAME:
        return end - 2
    return end


_TITLE_CHARS = frozenset("校院市所部局厅处科社行会团组队省县区州镇馆站师军旅营连舰台事书")  # 董事长, 秘书长


_HYPHENS = frozenset("-－‐–")
_BEFORE_NAME = frozenset("的由是和与及将为在派任请邀聘向对同")


def person_start(text: str, start: int, end: int) -> int:
    """A person's name cut from a title ending in 长 (院长孙海鹰 proposed as 长孙海鹰): the name starts after it."""
    if end - start >= 3 and text[start] == "长" and start > 0 and text[start - 1] in _TITLE_CHARS:
        return start + 1
    if start >= 2 and text[start - 1] in _HYPHENS and "·" in text[start:end]:
        k = start - 1  # 让-吕克·莫罗 proposed as 吕克·莫罗: a hyphenated given name is in the name
        while k > 0 and start - k < 4 and "\u4e00" <= text[k - 1] <= "\u9fff" and text[k - 1] not in _BEFORE_NAME:
            k -= 1
        return k if k < start - 1 else start
    return start


_PAIRS = {"（": "）", "(": ")", "《": "》", "“": "”", "【": "】"}
_CLOSING = {v: k for k, v in _PAIRS.items()}


def balanced(text: str, start: int, end: int) -> tuple[int, int]:
    """A proposed name without a bracket or quote mark at either edge that it does not also open or close
    (周南） of "编辑：周南）" -> 周南; 中航国际（英国）投资有限公司 keeps its brackets)."""
    while end - start > 1:
        span = text[start:end]
        if span[-1] in _CLOSING and span.count(_CLOSING[span[-1]]) < span.count(span[-1]):
            end -= 1
        elif span[0] in _PAIRS and span.count(_PAIRS[span[0]]) < span.count(span[0]):
            start += 1
        else:
            break
    return start, end


_PARTY = ("党委", "党组", "党工委")
_PLACE_ENDS = tuple("市省县区州镇乡村")


def party_end(text: str, start: int, end: int) -> int:
    """The end of a body named before its party committee (江淮理工大学党委, 湖南省科学技术协会党组 -> the university,
    the association: corpus/train marks the body, never "X党委", and its 党委书记 holds a post at the body). A
    place's committee stays (区党委 is the district's party committee, a PublicBody)."""
    name = text[start:end]
    party = next((p for p in _PARTY if name.endswith(p)), "")
    body = name[: -len(party)] if party else ""
    if len(body) < 3 or body.endswith(_PLACE_ENDS):
        return end
    ht = tr.head_type(body)
    return end - len(party) if ht is None or len(body) > len(ht[1]) else end
