"""Chinese mentions: tagger entities + gazetteer + head-word (suffix) rules, one type per span.

Input is simplified text and its tokens; output is a list of Mention with offsets into that text (which
are offsets into the original, see normalise.py). Candidates overlap; the longest wins, then the
gazetteer over the rules over the tagger. A mention's ``name`` drops a leading country or, for a company,
a leading place (河北立中集团 -> 立中集团), while its span keeps the whole surface form.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from mcfwatch.extract.zh import boundaries, dateline, gazetteer, notplaces, technology, units
from mcfwatch.extract.zh import typing_rules as tr
from mcfwatch.extract.zh.crf_ner import Span
from mcfwatch.extract.zh.gazetteer import Gazetteer
from mcfwatch.extract.zh.tagger import Token

_TAGGER_TYPES = {"PER": "Person", "LOC": "Place", "TEC": "Technology", "EVT": "Event"}
# Tokens that end a name when extending left from its head word.
_STOP_WORDS = {"与", "和", "及", "以及", "同", "跟", "由", "在", "的", "了", "是", "为", "对", "向", "把",
               "将", "被", "从", "到", "于", "并", "也", "还", "其", "该", "等", "、", "即", "由于", "通过",
               "包括", "其中", "位于", "来自", "前往", "赴", "至", "代表", "作为", "以", "之", "帮助",
               "访问", "参加", "出席", "签署", "签订", "会见", "邀请", "组织", "主办", "担任", "率领", "率", "共建", "建立", "成立", "设立", "联合"}
_STOP_TAGS = {"w", "p", "c", "u", "r", "v", "TIME", "PER", "q", "d", "xc", "m", "ad", "vd"}
_TRAILING_VERBS = ("组织", "主办", "承办", "举办", "协办", "参加", "访问", "签署", "邀请", "资助", "控股", "联合",
                   "与", "和", "同", "及")  # the segmenter glues a joiner too: 绵阳高新区管委会与/ORG
_NOMINAL_TAGS = {"n", "nz", "nw", "ORG", "LOC", "nt", "ns", "j", "an", "vn", "eng"}
_NAMED_TAGS = {"ORG", "LOC", "PER", "nt", "ns", "nr"}
_NOT_STRIPPED = {"中国", "中华", "中央", "国家"}


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    type: str
    name: str                 # canonical name (may drop a leading place)
    surface: str              # text[start:end]
    names_en: list[str] = field(default_factory=list)
    source: str = ""          # gazetteer | rule | tagger


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    type: str
    priority: int
    names_en: list[str]
    source: str


def _stops(tok: Token) -> bool:
    if tok.text in _STOP_WORDS:
        return True
    if tok.tag == "m" and tok.text.startswith("第"):
        return False  # ordinals belong to institute names (第十四研究所)
    return tok.tag in _STOP_TAGS


def _extend_left(tokens: list[Token], j: int, start: int, max_tokens: int = 5) -> int:
    """Start offset of a name whose head starts at ``start``, extending over name-like tokens j, j-1 ..."""
    count = 0
    while j >= 0 and count < max_tokens and not _stops(tokens[j]) and start - tokens[j].start <= 20:
        start = tokens[j].start
        j -= 1
        count += 1
    return start


_HEADS: list[tuple[str, str]] = sorted(
    [("org", s) for _, sufs in tr.SUFFIX_TYPES for s in sufs]
    + [("Event", s) for s in tr.EVENT_SUFFIXES]
    + [("Program", s) for s in tr.PROGRAM_SUFFIXES]
    + [("Technology", s) for s in tr.TECH_SUFFIXES],
    key=lambda ks: -len(ks[1]),
)


# the heads by their last character, longest first as in ``_HEADS``: a head can end a token only with its last character
_HEADS_BY_LAST = tr.by_char(_HEADS, -1, lambda ks: ks[1])


def _rule_candidates(text: str, tokens: list[Token]) -> list[_Cand]:
    """Names ending in a head word (集团, 大学, 军分区, 展示会 ...) at a token end, extended left."""
    out: list[_Cand] = []
    index_of_start = {t.start: k for k, t in enumerate(tokens)}
    for i, tok in enumerate(tokens):
        if tok.tag == "w":
            continue
        for kind, suf in _HEADS_BY_LAST.get(text[tok.end - 1], ()):
            head_start = tok.end - len(suf)
            if head_start < 0 or text[head_start : tok.end] != suf:
                continue
            if head_start >= tok.start:  # head inside this token: the name starts at the token
                if head_start > tok.start and tok.tag not in _NOMINAL_TAGS:
                    continue  # 签署 is a verb, not a name ending in 署
                if (len(suf) == 1 and tok.end - tok.start == 2 and tok.tag in _COMMON_TAGS
                        and (tok.text[0] not in "总分" or tok.text == "总部")):
                    continue  # 布局, 大局, 干部, 总部: a common word ending in a one-character head; not 总署, 分局
                if head_start == tok.start and tok.tag in _FUNCTION_TAGS and kind == "org":
                    continue  # 总会 the adverb: no name ends here (会晤 the verb may end an event's)
                k, start = i - 1, tok.start
            elif head_start in index_of_start:  # head spans tokens (展示 会)
                k, start = index_of_start[head_start] - 1, head_start
            else:
                continue
            if kind == "Program" and tok.tag not in ("n", "nz", "ORG"):
                continue
            start = _extend_joined(text, tokens, _extend_left(tokens, k, start))
            if kind == "Technology":  # an item's name does not swallow its maker or place (华为5G设备)
                start = max([start, *(t.end for t in tokens[:i] if t.start >= start and t.tag in _NAMED_TAGS)])
                while text.startswith(tr.TECH_NOT_NAME, start) and tok.end - start > len(suf):
                    start += next(len(w) for w in tr.TECH_NOT_NAME if text.startswith(w, start))
                start = technology.span(text, start, tok.end)[0]  # HR-30无人机, 五轴数控机床; not 6架
                if tok.end - start <= len(suf):
                    continue
            name = text[start : tok.end]
            left = name[: -len(suf)]
            if ((len(left) < 2 and kind != "org") or not left or tr.generic(left, suf)
                    or (left[-2:] in tr.GENERIC_LEFT and len(left) == 2)):
                break
            typ = (tr.head_type(name) or ("Organization", ""))[0] if kind == "org" else kind
            if typ == "PublicBody":
                start = _extend_conjoined(tokens, start)
            elif typ == "Event":
                start = _extend_event(tokens, start)
                before = next((t for t in tokens if t.end == start), None)
                if before is not None and before.tag in ("LOC", "PER") and len(before.text) >= 2:
                    start = before.start  # the segmenter calls a city a person (阿斯塔纳国际投资论坛)
                year = _YEAR_BEFORE.search(text, max(0, start - 5), start)
                start = year.start() if year else start
            out.append(_Cand(start, tok.end, typ, 2, [], "rule"))
            break
    return out


_FUNCTION_TAGS = {"v", "vd", "d", "ad", "p", "c", "r", "u"}
# An officer's title the model runs an organisation's name into (…大使馆教育处参赞, …协会副会长).
_ORG_TITLE = re.compile(r"副?(?:参赞|大使|总领事|领事|秘书长|主任|书记|院长|校长|所长|部长|局长|厅长|处长|董事长|总经理|总裁|"
                        r"主席|会长|理事长|负责人|发言人)$")
# Verbs that stand inside an event's name (第五届军民融合发展高技术装备成果展览会, 中俄投资合作对接会): the left extension of
# an event's head goes on over them and the words before them.
_EVENT_VERBS = frozenset({"融合", "发展", "合作", "创新", "交流", "投资", "开发", "建设", "促进", "对接", "转化", "应用",
                          "制造", "创业", "招商", "推介", "协同", "共享", "开放", "引领", "驱动", "振兴", "服务"})


def _extend_event(tokens: list[Token], start: int) -> int:
    """An event's name extended left over the verbs of ``_EVENT_VERBS`` and the name-like words before them, and
    over its edition (第五届)."""
    by_end = {t.end: k for k, t in enumerate(tokens)}
    k, new, verb = by_end.get(start), start, False
    while k is not None and start - tokens[k].start <= 24:
        tok = tokens[k]
        if tok.text in _EVENT_VERBS and tok.tag in ("v", "vd", "vn"):
            verb = True
        elif _stops(tok) or (tok.tag == "m" and tok.text.startswith("第")):
            break
        new = tok.start
        k = by_end.get(tok.start)
    new = new if verb else start
    k = by_end.get(new)
    if k is not None and re.fullmatch(r"第[一二三四五六七八九十百〇零\d]+届", tokens[k].text):
        new = tokens[k].start  # its edition is in the span (not in the name: ``tr.EDITION``)
    return new
_COMMON_TAGS = {"n", "vn", "an", "a", "v", "d"}
_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d年?$")  # the year opening an event's name: 2018海峡两岸智能制造博览会
_CONJOINED = {"和", "与"}
_PLACE_ENDS = ("市", "州", "省", "县", "区", "郡", "岛")


def _extend_conjoined(tokens: list[Token], start: int) -> int:
    """A ministry's name joins two fields with 和/与 (工业和信息化局, 德国联邦经济和气候保护部, 发展和改革委员会):
    extend over the conjunction and the field before it, unless that field is a name or ends in a head itself
    (科技部和工业和信息化部 stays two)."""
    index_of_end = {t.end: k for k, t in enumerate(tokens)}
    for _ in range(2):
        k = index_of_end.get(start)
        if k is None or tokens[k].text not in _CONJOINED or k == 0:
            return start
        field = tokens[k - 1]
        if (field.tag not in ("n", "vn", "an", "nz") or tr.head_type(field.text) or len(field.text) < 2
                or field.text in tr.FIRM_DESCRIPTIONS):  # 国家高新技术企业和工业和信息化部: 企业 is no field
            return start
        start = _extend_left(tokens, k - 1, field.start, max_tokens=3)
    return start


_OPEN, _CLOSE, _DASHES = "（(", "）)", "—－–-"


def _extend_joined(text: str, tokens: list[Token], start: int) -> int:
    """Extend a name's start over a bracketed place and a dash-joined first party: 中国（廊坊）国际经济贸易洽谈会,
    中国（湖北）—中东欧经贸合作对接会, 中航国际（英国）投资有限公司."""
    index_of_end = {t.end: k for k, t in enumerate(tokens)}
    for _ in range(3):
        before = text[:start]
        if before.endswith(tuple(_CLOSE)):
            opened = max(before.rfind(c) for c in _OPEN)
            inner = before[opened + 1 : -1]
            if opened < 0 or not 1 <= len(inner) <= 8 or not all("\u4e00" <= ch <= "\u9fff" for ch in inner):
                break
            k = index_of_end.get(opened)
        elif before.endswith(tuple(_DASHES)) and len(before) >= 2 and before[-2] in _CLOSE:
            start -= 1  # 中国（湖北）—: the bracket comes next
            continue
        elif before.endswith(tuple(_DASHES)) and len(before) >= 2 and "\u4e00" <= before[-2] <= "\u9fff":
            opened = len(before) - 1
            k = index_of_end.get(opened)
        else:
            break
        if k is None or (_stops(tokens[k]) and not _brand(tokens[k])):
            break
        new = tokens[k].start if _brand(tokens[k]) else _extend_left(tokens, k, tokens[k].end, max_tokens=3)
        j = next((i for i, t in enumerate(tokens) if t.end == new), None)
        if j is not None and _brand(tokens[j]) and text[new - 1] not in _CLOSE:
            new = tokens[j].start  # 黑森精密轴承（常熟）有限公司: the brand the segmenter read as a person
        if new >= opened:
            break
        start = new
    return start


def _brand(tok: Token) -> bool:
    """A foreign brand that the segmenter reads as a person's name (丸山, 施泰纳, 菲尔德曼) before a firm's bracketed
    place (丸山精机（南通）有限公司): corpus/train and corpus/extra keep it in all 43 such names."""
    return tok.tag == "PER" and len(tok.text) >= 2 and "\u4e00" <= tok.text[0] <= "\u9fff"


_UNCUT = frozenset({"Person", "Program", "Event"})
_ROUND = re.compile(r"(?:天使|种子|Pre-?A|[A-F])\+?轮$")
_DOCTRINE = ("主义", "思想", "理论", "奖", "列宁主义")  # 马克思列宁主义
_BODIES = frozenset({"Company", "University", "PublicBody", "MilitaryUnit", "Organization"})
# Titles that open with the last character of their body's head (会社社长, 协会会长, 研究所所长, 报社社长).
_HEAD_TITLES = frozenset({"社长", "会长", "所长", "院长", "局长", "部长", "厂长", "校长", "行长", "台长", "司长"})  # programme and event names hold verbs (引进计划, 回乡投资大会)


_PARTNERSHIP = ("（有限合伙）", "(有限合伙)")
_AFTER_EVENT = frozenset("由都将在于是已正也还")
_EVENT_HEADS = (*tr.EVENT_SUFFIXES, "展")  # 2023无人系统装备展: a show named by its bare 展
_NOT_SHOWS = ("发展", "开展", "进展", "拓展", "扩展", "施展", "伸展")  # words ending in 展 that name no show


def _cut(text: str, tokens: list[Token], c: _Cand, model: list[Token]) -> _Cand:
    """A name does not start before a verb, a preposition or a first party joined to it (``boundaries``)."""
    session = tr.STANDING_SESSION.search(text, c.start, c.end) if c.type == "Event" else None
    if session and session.end() == c.end and session.start() - c.start >= 4:
        c.end, c.type = session.start(), "PublicBody"  # …常务委员会第二十九次会议: the standing committee
    if c.type == "Event" and c.source == "tagger":  # 汉中航空产业发展论坛都会…, 2023无人系统装备展由…: the model's
        # event runs on past its head word into the clause; it ends with the head before a function word
        end = max((k for k in range(c.start + 4, c.end) if text[k] in _AFTER_EVENT
                   and text.endswith(_EVENT_HEADS, c.start, k) and not text.endswith(_NOT_SHOWS, c.start, k)),
                  default=c.end)
        c.end = end
    if c.source != "gazetteer" and c.type not in _UNCUT:
        c.start = boundaries.model_start(text, boundaries.name_start(text, tokens, c.start, c.end), c.end, model)
        end = boundaries.party_end(text, c.start, c.end)
        if end != c.end:
            c.end, c.type = end, tr.org_type(text[c.start : end])
    if c.source != "gazetteer" and c.type in _BODIES:
        start, end = boundaries.inner_end(text, tokens, c.start, c.end)
        if (start, end) != (c.start, c.end):
            whole = next((t for t in tokens if (t.start, t.end) == (start, end) and t.tag in _TAGGER_TYPES), None)
            c.start, c.end = start, end  # 孙建国邀请来学院 -> the person 孙建国
            c.type = _TAGGER_TYPES[whole.tag] if whole else tr.org_type(text[start:end])
    if (c.type not in _UNCUT and text[c.end - 1 : c.end + 1] in _HEAD_TITLES and c.end - c.start >= 4
            and text[c.end - 2] == text[c.end - 1]):  # 东洋精机株式会社社长, 某协会会长: the title's first character
        c.end -= 1
        c.type = tr.org_type(text[c.start : c.end])
    if c.type == "Company" and text.startswith(_PARTNERSHIP, c.end) and text.endswith("合伙企业", c.start, c.end):
        c.end += len(_PARTNERSHIP[0])  # 杭州鼎元创业投资合伙企业（有限合伙）: the registered form is in the name
    funding_round = _ROUND.search(text, c.start, c.end) if c.type in _BODIES else None
    if funding_round and funding_round.start() - c.start >= 3:  # 苏州高新区天使投资基金天使轮: the fund, not its round
        c.end = funding_round.start()
        c.type = tr.org_type(text[c.start : c.end])
    if c.type == "Technology":
        if c.source == "rule" and text[c.start : c.end] in tr.TECH_FIELDS:
            c.start = technology.widen(text, tokens, c.start, c.end)  # 空间机器人: the field inside an item
            c.end = technology.widen_right(text, tokens, c.start, c.end)  # 碳纤维预浸料: the field before its head
        c.start, c.end = technology.span(text, c.start, c.end)
    return c


_OWNED = ("下属", "所属", "旗下")
# Words the model or segmenter sometimes call an organisation when cut out of a longer span: never a name.
_VERBS = frozenset({*_OWNED, "协办", "承办", "主办", "共建", "联合", "合作", "隶属"})


def _split_owned(text: str, c: _Cand) -> list[_Cand]:
    """A span the segmenter glued over 下属/所属/旗下 (中国船舶集团有限公司下属第七〇一研究所): the parent and the unit,
    or the parent alone when no name follows (…所属院所)."""
    if c.source == "gazetteer":
        return [c]
    surface = text[c.start : c.end]
    for w in _OWNED:
        k = surface.find(w)
        parent = tr.head_type(surface[:k]) if k >= 2 else None
        if parent is None:
            continue
        rest = surface[k + len(w):]
        out = [_Cand(c.start, c.start + k, parent[0], c.priority, [], c.source)]
        ht = tr.head_type(rest)
        if ht and len(rest) > len(ht[1]) and not tr.generic(rest[: -len(ht[1])], ht[1]):
            out.append(_Cand(c.end - len(rest), c.end, ht[0], c.priority, [], c.source))
        return out
    return [c]


# words that say a firm's trade, not which firm: what follows a role word must hold more than one of them
_TRADE_WORDS = frozenset({"科技", "技术", "服务", "信息", "服务中心", "网络", "智能", "数据", "咨询", "管理", "发展",
                          "实业", "贸易", "信息技术", "科技发展", "技术服务"})


_LOCAL_LEVELS = ("市", "省", "区", "县", "州", "镇", "校", "院", "所")
_OWN = ("我", "本", "该", "全", "各")
_LEVEL_WORDS = frozenset({"院士", "州立", "市场", "所属", "院系"})  # 该院士工作站: 院 opens a word, no "the academy"


def _trim(text: str, c: _Cand) -> _Cand:
    """Words before a name that are not part of it (原, 下属, 民营企业, 我校)."""
    if c.source == "gazetteer":
        return c
    surface = text[c.start : c.end]
    if "】" in surface[:-2]:  # 【哈尔滨】哈尔滨工业大学: a dateline's bracket closes before the name
        c.start += surface.rindex("】", 0, len(surface) - 2) + 1
        surface = text[c.start : c.end]
    if surface[:1] in _LOCAL_LEVELS and text[c.start - 1 : c.start] in _OWN and c.start > 0 and len(surface) >= 4 \
            and surface[:2] not in _LEVEL_WORDS:
        c.start += 1  # 我市临川汇达汽车零部件有限公司, 该校车辆工程学院: "our city", "the school" are no part of it
        surface = surface[1:]
    if c.type in _BODIES:
        while (verb := next((v for v in tr.LEADING_VERBS if surface.startswith(v)), "")) and tr.head_type(
                surface[len(verb):]) and not (verb == "新建" and surface[2:3] in ("区", "县")):  # 南昌市新建区
            c.start += len(verb)  # 全职加盟材料学院 -> 材料学院; 调入学院 -> 学院 (no name: dropped as generic)
            surface = surface[len(verb):]
    if c.type in _BODIES:
        for role in tr.ROLE_APPOSITIVES:  # 参股公司四川蜀芯微波技术有限公司, 发榜单位襄阳航宇动力机械有限公司
            k = surface.rfind(role)
            rest = surface[k + len(role):] if k >= 0 else ""
            ht = tr.head_type(rest) if len(rest) >= 4 and 0 <= k <= 4 else None  # the role opens it, or a qualifier
            # the rest must name a firm of its own: 航天云网平台科技有限公司 is one name, not 平台 + 科技有限公司
            if ht and len(rest) - len(ht[1]) >= 2 and not rest.startswith(("（", "(")) \
                    and rest[: -len(ht[1])] not in _TRADE_WORDS:
                c.start += k + len(role)
                surface = rest
                break
        if surface.startswith("前") and surface[1:].startswith(tuple(tr.PLACE_PREFIXES)):
            c.start += 1  # 前美国太平洋机器人公司: formerly, as 原
            surface = surface[1:]
    for lead in tr.LEADING_NOT_NAME:
        k = surface.find(lead)
        if lead == "原" and not (k == 0 and not surface[1:].startswith(tr.NOT_FORMER)):
            continue  # 原美国普渡大学, 原宝钢股份有限公司 (formerly), not 原子能研究院
        if k < 0:
            continue
        rest = surface[k + len(lead):]
        ht = tr.head_type(rest)
        if (k > 0 and len(rest[: -len(ht[1])] if ht else rest) < 3) or rest.startswith(tr.LEGAL_FORMS + ("（", "(")):
            continue  # 吉宝企业集团有限公司, 中关村企业管理有限公司: 企业 is part of the name
        if lead in tr.FIRM_DESCRIPTIONS and (ht is None or ht[0] != "Company"):
            continue  # a description of a firm comes before a firm only (国际企业家峰会 stays whole)
        if len(rest) >= 3 and (k == 0 or lead in tr.LEADING_ANYWHERE):
            c.start += k + len(lead)
            surface = text[c.start : c.end]
            break
    return c


def _split_parent(text: str, c: _Cand) -> list[_Cand]:
    """A head-word name that runs on past its parent's head: the parent and its named unit (University), or
    the parent alone when the rest is a branch, department or office (typing_rules.PARENT_HEADS)."""
    if c.source == "gazetteer":
        return [c]
    surface = text[c.start : c.end]
    k = surface.find("某")  # 火箭军某研究院, 中国人民解放军空军某装备修理厂: an unnamed unit of the named body
    if k >= 2:
        left = surface[:k]
        typ = tr.FIXED_NAMES.get(left) or ("MilitaryUnit" if tr.FOREIGN_SERVICE.fullmatch(left) else tr.org_type(left))
        return [_Cand(c.start, c.start + k, typ, c.priority, [], c.source)]
    delegation = next((d for d in tr.DELEGATIONS if surface.endswith(d)), "")
    named_for = tr.PLACE_DELEGATION.fullmatch(surface[: -len(delegation)]) if delegation else None
    if named_for and named_for.group("country"):
        return [_Cand(c.start + named_for.start(g), c.start + named_for.end(g), "Place", c.priority, [], c.source)
                for g in ("country", "place", "city") if named_for.group(g)]
    body = tr.head_type(surface[: -len(delegation)]) if delegation else None
    if body and body[0] in ("University", "Organization", "Company") and len(surface) - len(delegation) > len(body[1]):
        return [_Cand(c.start, c.end - len(delegation), body[0], c.priority, [], c.source)]
    if surface.endswith(tr.OFFICE_TAILS):
        for head in tr.OFFICE_PARENT_HEADS:
            k = surface.find(head)
            cut = k + len(head)
            if k >= 1 and cut < len(surface) and surface[cut:].endswith(tr.OFFICE_TAILS):
                typ = (tr.head_type(surface[:cut]) or ("Organization", ""))[0]
                return [_Cand(c.start, c.start + cut, typ, c.priority, [], c.source)]
    for head in tr.PARENT_HEADS:
        k = surface.find(head)
        cut = k + len(head)
        if k < 2 or cut >= len(surface):
            continue
        tail = surface[cut:]
        if tail.startswith(("第", "（", "(", "）", ")")) or tail in tr.LEGAL_FORMS or len(tail) < 2:
            return [c]
        parent = _Cand(c.start, c.start + cut, (tr.head_type(surface[:cut]) or ("Organization", ""))[0], c.priority,
                       [], c.source)
        if tail.endswith(tr.UNIT_HEADS) and len(tail) >= 4 and not tail.startswith("驻"):
            return [parent, _Cand(c.start + cut, c.end, "University", c.priority, [], c.source)]
        if tail.endswith(tr.BRANCH_HEADS) or tail.startswith("驻"):
            return [parent]
        full = next((f for f in tr.FULL_LEGAL_FORMS if surface.endswith(f, 0, cut)), "")
        if full and not (c.type == "Company" and tail.endswith(tr.LEGAL_FORMS)):
            return [parent]  # 越南河内机械制造总公司发运立式加工中心: the name ends with its legal form
        return [c]
    return [c]


# A firm's regional seat before 总部 (亚太区总部, 中国区总部, 华东总部)
_REGION = re.compile(r"(?:亚太|中国|大中华|华东|华南|华北|华中|西南|西北|东北|欧洲|北美|亚洲|全球|国际)区?$")


def _split_headquarters(text: str, c: _Cand, gaz: Gazetteer, places: dict[int, int]) -> list[_Cand]:
    """A body's span ending in 总部 (中国商飞上海总部, 飞利浦埃森总部, 辛北尔康普公司总部): a headquarters is no body of its
    own (corpus/train + corpus/extra mark none), so the body before it, and the place of the seat as a Place; a
    region (亚太区) is neither."""
    if c.type not in _BODIES or c.source == "gazetteer" or not text.endswith("总部", c.start, c.end) or c.end - c.start < 4:
        return [c]
    end = c.end - 2
    region = _REGION.search(text, c.start, end)
    if region and region.start() > c.start:
        end = region.start()
    place = next((k for k in range(c.start, end - 1) if places.get(k) == end
                  or ((e := gaz.entries.get(text[k:end])) is not None and e.type == "Place")), None)
    out = []
    body_end = place if place is not None else end
    if body_end - c.start >= 2:
        body = text[c.start : body_end]
        ht = tr.head_type(body)
        if not (ht and (body == ht[1] or tr.generic(body[: -len(ht[1])], ht[1]))) and not _REGION.fullmatch(body):
            out.append(_Cand(c.start, body_end, tr.org_type(body), c.priority, [], c.source))
    if place is not None:
        out.append(_Cand(place, end, "Place", c.priority, [], c.source))
    return out


def _object_candidates(text: str, tokens: list[Token], model: list[Token]) -> list[_Cand]:
    """Items traded or made (``technology.objects``) that hold no name the model found (赫尔维蒂高端数控机床)."""
    names = [t for t in model if t.tag != "TEC"]
    return [_Cand(s, e, "Technology", 2, [], "rule") for s, e in technology.objects(text, tokens)
            if not any(t.start < e and s < t.end for t in names)]


def _split_chain(text: str, c: _Cand) -> list[_Cand]:
    """A unit's span that holds a named parent unit and a unit of it (航天学院卫星技术研究所): two mentions (``units``)."""
    if c.source == "gazetteer":
        return [c]
    unit = next(((s, e) for s, e in units.numbered(text[c.start : c.end]) if e == c.end - c.start and s >= 2), None)
    parent = tr.head_type(text[c.start : c.start + unit[0]]) if unit else None
    if unit and parent and text.endswith("院", c.start, c.end):  # 航天科技集团一院: the group and its academy (an
        # institute with its group's name stays one: …集团公司第十四所, as …第十四研究所)
        return [_Cand(c.start, c.start + unit[0], parent[0], c.priority, [], c.source),
                _Cand(c.start + unit[0], c.end, "University", c.priority, [], c.source)]
    if c.type not in ("University", "MilitaryUnit"):
        return [c]
    cut = units.chain_cut(text[c.start : c.end])
    if not cut:
        return [c]
    return [_Cand(c.start, c.start + cut, c.type, c.priority, [], c.source),
            _Cand(c.start + cut, c.end, c.type, c.priority, [], c.source)]


_JOINERS_IN_SPAN = re.compile("[与和同及]")
_NOT_JOINING_TONG = "协共合大如相赞"  # 协同, 共同, 合同, 大同, 如同, 相同, 赞同: 同 inside a word
# what may stand between a body and the joiner: nothing, 会 of 会同, or a work of the body (重点项目和…)
_OF_A_BODY = ("会", "项目", "课题", "专项", "资金")
_FIXED_NAME_WORDS = tuple(tr.FIXED_NAMES)


def _body_prefix(name: str) -> int:
    """The length of the longest named body (``_named_body``) that opens ``name``, or 0."""
    return next((k for k in range(len(name), 3, -1) if _named_body(name[:k])), 0)


_FIRM_HEADS = ("厂", "公司", "集团")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+)*")
_PERSON_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,8})+")


def _split_joined_bodies(text: str, c: _Cand) -> list[_Cand]:
    """A body's span over 与/和/同/及 whose part after the joiner is a named body of its own (马克龙同欧盟委员会,
    国家自然科学基金委员会重点项目和湖北省科学技术厅): the body after it, and the named body that opens the part before
    it (or the person before 同: 马克龙, a name of two to four characters or a transliteration with ·); a body whose fields are joined (材料科学与工程学院, 萨斯喀彻温省贸易与出口发展部) opens with none and stays one,
    and 同 inside a word (协同创新中心, 欧美同学会) joins nothing."""
    if c.type not in _BODIES and c.type != "Program" or c.source == "gazetteer":
        return [c]
    for m in _JOINERS_IN_SPAN.finditer(text, c.start + 2, c.end - 3):
        k = m.start()
        right = text[k + 1 : c.end]
        if not _named_body(right):
            continue
        left = text[c.start : k]
        opens = _body_prefix(left)
        if opens < len(left) and not left.endswith(_OF_A_BODY, opens):
            opens = 0  # 中国科学院苏州纳米技术与纳米仿生研究所: the institute's fields after its academy, joined
        person = (m.group() == "同" and text[k - 1] not in _NOT_JOINING_TONG and tr.head_type(left) is None
                  and (tr.place_prefix(right) or right.startswith(_FIXED_NAME_WORDS)))  # 马克龙同欧盟委员会
        ht = tr.head_type(right)
        # IMST与Elmos晶圆厂: two firms; not a field-named institute (AI与大数据研究中心, IoT与智能制造研究院: the
        # zh-extract review of session 29, #4), so only a firm or plant on the right
        latin = (not opens and _LATIN_NAME.fullmatch(left) is not None
                 and (right.endswith(_FIRM_HEADS) or (ht is not None and ht[0] == "Company")))
        if not opens and not person and not latin and not left.endswith(_BODY_NOUNS):
            continue
        out = [_Cand(c.start, c.start + opens, tr.org_type(left[:opens]), c.priority, [], c.source)] if opens else []
        if latin:  # a name in Latin letters joined to a body is a body of its kind (conjuncts share a kind)
            out = [_Cand(c.start, k, ht[0] if ht else c.type, c.priority, [], c.source)]
        if person and not opens and _PERSON_NAME.fullmatch(left):  # 马克龙同欧盟委员会: the person meets it
            out = [_Cand(c.start, k, "Person", c.priority, [], c.source)]
        return [*out, _Cand(k + 1, c.end, ht[0] if ht else c.type, c.priority, [], c.source)]
    opens = _body_prefix(text[c.start : c.end - 4]) if c.type == "Program" else 0
    runs = tr.org_type(text[c.start : c.start + opens]) if opens else ""
    if runs in ("PublicBody", "Organization"):  # 国家自然科学基金委员会优秀青年科学基金: who runs it, and the programme
        return [_Cand(c.start, c.start + opens, runs, c.priority, [], c.source),
                _Cand(c.start + opens, c.end, "Program", c.priority, [], c.source)]
    return [c]


_HAN = re.compile(r"[\u4e00-\u9fff]+")
_BEFORE_DESIGNATED_PLACE = "为的是和与及、，。：“（"  # 认定为南川省…, 和江北市…: the word before a place of two characters


def _designations(text: str) -> list[tuple[int, int]]:
    """The designation 专精特新…企业 with the province or city in front when there is one: a place the gazetteer or
    the country list knows (黑龙江省, 哈尔滨市), else two characters after a word boundary (认定为南川省); never
    the tail of a word (龙江省 of 黑龙江省, 定为市 of 认定为市)."""
    places = gazetteer.load().entries
    out = []
    for m in tr.DESIGNATION.finditer(text):
        start = m.start()
        if start and text[start - 1] in "省市":
            level = start - 1
            for n in (4, 3, 2):
                name = text[level - n : level]
                if level - n < 0 or not _HAN.fullmatch(name):
                    continue
                known = any(places[w].type == "Place" for w in (name, name + text[level]) if w in places)
                if known or name in tr.PLACE_PREFIXES or (
                        n == 2 and (level - n == 0 or text[level - n - 1] in _BEFORE_DESIGNATED_PLACE)):
                    start = level - n
                    break
        out.append((start, m.end()))
    return out


def _fixed_candidates(text: str) -> list[_Cand]:
    out = [_Cand(m.start(), m.end(), "MilitaryUnit", 2, [], "rule") for m in tr.FOREIGN_SERVICE.finditer(text)]
    out += [_Cand(m.start(1), m.end(1), "Program", 2, [], "rule") for m in tr.PROGRAM_NAME.finditer(text)
            if not tr.PROGRAM_NOT_INSIDE.search(m.group(1))]
    out += [_Cand(m.start(1), m.end(1), "Program", 2, [], "rule") for m in tr.QUOTED_PROGRAM.finditer(text)
            if not tr.PROGRAM_NOT_INSIDE.search(m.group(1))]
    out += [_Cand(m.start(), m.end(), "Event", 2, [], "rule") for m in tr.SESSION.finditer(text)]
    out += [_Cand(s, e, "Program", 2, [], "rule") for s, e in _designations(text)]
    out += [_Cand(s, e, "Technology", 2, [], "rule") for s, e in technology.series(text)]
    out += [_Cand(s, e, "University", 2, [], "rule") for s, e in units.numbered(text)]
    out += [_Cand(m.start(), m.end(), m.lastgroup or "", 2, [], "rule") for m in tr.SHORT_NAMES.finditer(text)]
    out += [_Cand(s, e, "Person", 2, [], "rule") for s, e in dateline.bylined(text)]
    out += [_Cand(m.start(1), m.end(1), "Organization", 2, [], "rule") for m in tr.NEWSPAPER_DATELINE.finditer(text)]
    for name, typ in [*tr.FIXED_NAMES.items(), *((t, "Technology") for t in tr.TECH_FIELDS)]:
        k = text.find(name)
        while k >= 0:
            out.append(_Cand(k, k + len(name), typ, 2, [], "rule"))
            k = text.find(name, k + len(name))
    return out


_CLAUSE_MARKS = frozenset("，。；、;")
_JOINED = re.compile("[与和及]")


_GENERIC_HEADS = frozenset({*tr.LEGAL_FORMS, "学院", "大学", "研究院", "研究所", "中心", "实验室", "政府", "人民政府",
                            "委员会", "协会", "学会", "基金", "资本", "厂", "工厂", "代表团", "联盟"})


_PLAN_VERB_TAGS = frozenset({"v", "vd", "d", "p", "c", "TIME", "m"})
_PROGRAMME_VERBS = frozenset({"入选", "支持", "资助", "实施", "申报", "评审", "项目", "人选", "专项", "经费", "是", "为",
                             "由", "被", "经"})  # 河洛英才计划由洛阳市委组织部牵头实施: the programme, then its agent


# After the noun 计划, never after the verb: an adverb of what is done (泰山学者计划已引进…, 该计划累计资助…), a batch or an
# edition (入选千人计划第十批, 国家重点研发计划2015年度项目).
_NOUN_ADVERBS = frozenset({"已", "已经", "曾", "曾经", "先后", "累计", "共", "共计", "业已", "正在"})
_BATCH = re.compile(r"第[一二三四五六七八九十百〇零\d]+|.*[批期届]$|(?:19|20)\d\d年度$")


def _plans(text: str, at: dict[int, Token], c: _Cand) -> bool:
    """Whether a programme's head 计划 is the verb "plans to" (公司计划三年内启动上市, 园区计划引进…, 按照计划，…将;
    杨光明与老挝计划与投资部): a verb, an adverb, a preposition, a time or a joiner follows it. ``at``: the tokens by
    their start. Not after an adverb of what was done, a batch or a year's round (泰山学者计划已引进, 入选千人计划第十批,
    863计划2015年度项目), nor 将 before a programme's own verb (国家重点研发计划将支持…)."""
    if c.type != "Program" or not text.endswith("计划", c.start, c.end):
        return False
    after = at.get(c.end)
    if after is None or after.tag not in _PLAN_VERB_TAGS or after.text in _PROGRAMME_VERBS:
        return False
    if after.text in _NOUN_ADVERBS or (after.tag in ("m", "TIME") and _BATCH.match(after.text)):
        return False
    then = at.get(after.end)
    return not (after.text == "将" and then is not None and then.text in _PROGRAMME_VERBS)


def _generic_after_cut(surface: str) -> bool:
    """A candidate left with a head word alone or a generic left part once cut (实际控制人为公司 -> 公司)."""
    ht = tr.head_type(surface)
    if ht is None:
        return False
    if surface == ht[1]:
        return surface in _GENERIC_HEADS  # 火箭军, 国务院 name a body by their head alone; 公司 does not
    return tr.generic(surface[: -len(ht[1])], ht[1])


def _common_tail(name: Token, tokens: list[Token]) -> bool:
    """A model's organisation whose one-character head ends a common two-character word (航天科工产业布局: 布局), as
    the head-word rules skip (``_COMMON_TAGS``)."""
    ht = tr.head_type(name.text) if name.tag == "ORG" else None
    if ht is None or len(ht[1]) != 1:
        return False
    last = next((t for t in tokens if t.end == name.end and t.start < name.end), None)
    return (last is not None and last.end - last.start == 2 and last.tag in _COMMON_TAGS
            and last.text[0] not in "总分")


_DESCRIBED = re.compile(r"(?:一流|领先|知名|著名|最大|首家|唯一|顶尖|龙头|骨干)的?$")


def _described(text: str, c: _Cand) -> bool:
    """An organisation's head word right after a description (世界一流航天防务集团公司, 国内领先的导航企业): what the
    model proposes after the description is the rest of it, no name (``typing_rules.generic`` drops the whole)."""
    return c.type in _AGENTS and _DESCRIBED.search(text, max(0, c.start - 4), c.start) is not None


# A body's name holds a proper part: a place or a brand the segmenter knows (LOC, ORG, PER, ns, nt, nr, nz), a region
# (南方先进制造产业基金: 南方 is s, as 境外 is; 北方: f), letters or digits, a quotation or a bracket, a word of the nation or the state (中国进出口银行,
# 国家集成电路产业投资基金) or a local level before an office's short name (市贸促会).
_COMMON_WORD_TAGS = frozenset({"n", "vn", "v", "a", "an", "ad", "d", "vd"})
_NATIONAL = ("中国", "中华", "国家", "中央", "全国", "国务院", "国际", "市", "省", "县", "区", "州")
_COMMON_BODIES = frozenset({"Company", "University", "Organization"})
# Heads that a field or a brand of common words names (先进材料联合实验室, 智能制造研究院, 蓝湾资本: corpus/train and
# corpus/extra mark them as names).
_NAMED_BY_FIELD = ("实验室", "资本", "研究院", "研究所", "研究室", "研究中心", "研发中心")
_QUOTES = "“「《‘\"'"


# A locative noun and the preposition after it (从中华人民共和国境内向境外转移: the model's 境内向), no name.
_LOCATIVE_FRAGMENT = re.compile(r"(?:境内|境外|国内|国外|海外|省内|市内|区内)[向从在对往由于]")


def _branded(surface: str, inside: list[Token]) -> bool:
    """A firm's registered name, never a kind: it ends in a full legal form (粤港固态电池技术有限公司, 小米科技有限责任公司,
    蓝箭航天空间科技股份有限公司: a kind of firm has none before it, 一人有限责任公司 is one word), or a brand word then a
    trade before 公司/集团 (海岸线咨询公司, 草原能源公司; not 基金管理公司, 融资租赁公司, 财务公司: a trade or an activity
    first)."""
    if surface.endswith(tr.FULL_LEGAL_FORMS):
        return True
    form = next((f for f in ("集团", "公司") if surface.endswith(f)), "")
    core = surface[: -len(form)] if form else ""
    first = inside[0]
    return (bool(core) and first.tag in ("n", "v") and first.end - first.start < len(core)
            and first.text not in tr.INDUSTRY_WORDS and tr.head_type(first.text) is None
            and any(core.endswith(w) and len(core) - len(w) >= first.end - first.start for w in tr.INDUSTRY_WORDS))


def _common_words(text: str, tokens: list[Token], starts: list[int], c: _Cand) -> bool:
    """A head-word rule's firm, university or organisation made of common words alone (外汇指定银行, 风险基金,
    保税物流中心, 高等学校: laws and regulations name kinds of bodies): no place, no brand, no quoted or Latin part, no
    national or local word; each of its words a common noun, verb or adjective to the segmenter (``starts``: the
    tokens' starts, in order), and no firm's registered name (``_branded``)."""
    if c.source != "rule" or c.type not in _COMMON_BODIES:
        return False
    surface = text[c.start : c.end]
    ht = tr.head_type(surface)
    if ht is None or surface.endswith(_NAMED_BY_FIELD) or not all("\u4e00" <= ch <= "\u9fff" for ch in surface):
        return False
    if surface.startswith((*_NATIONAL, *tr.PLACE_PREFIXES, *tr.COUNTRIES)) or any(ch in surface for ch in "省市县州"):
        return False  # 江海省政府代表团: a place inside
    if c.start > 0 and text[c.start - 1] in _QUOTES:
        return False  # 共建了“大飞机维修实训中心”: a quoted name
    k = bisect.bisect_left(starts, c.start)
    inside = []
    while k < len(tokens) and tokens[k].end <= c.end:
        inside.append(tokens[k])
        k += 1
    if not inside or inside[0].start != c.start or inside[-1].end != c.end:
        return False
    return all(t.tag in _COMMON_WORD_TAGS for t in inside) and not _branded(surface, inside)


# A count or a demonstrative inside a body's span: a description (韩国釜山一家贸易公司, 北京一家研究院, 当地一家电力工程
#公司, 某国国防部, 一家央企研究所), no name (corpus/train + corpus/extra: no gold mention of a body holds one).
# 一所 after a numeral is a numbered institute (航天科工三院三十一所, 航天六院十一所), no count.
_QUANTIFIED = re.compile("一家|(?<![一二三四五六七八九十百零〇0-9０-９])一所|两家|多家|几家|数家|这家|那家|某|该")
_COUNTED_BEFORE = re.compile("(?:一家|(?<![一二三四五六七八九十百零〇0-9０-９])一所|两家|多家|几家|数家|这家|那家|某)$")


def _quantified(text: str, tokens: list[Token], starts: list[int], c: _Cand) -> list[_Cand]:
    """A body's candidate holding a count or a demonstrative (``_QUANTIFIED``) names no body: the places the segmenter
    found before the count stay, as Place candidates (韩国釜山一家贸易公司 -> 韩国, 釜山)."""
    if c.type not in _AGENTS or c.source == "gazetteer":
        return [c]
    if _COUNTED_BEFORE.search(text, max(0, c.start - 2), c.start):
        return []  # 某国国防部 (the segmenter's 国国防部), 一家航空企业: what the count describes
    q = _QUANTIFIED.search(text, c.start, c.end)
    if q is None:
        return [c]
    k = bisect.bisect_left(starts, c.start)
    out = []
    while k < len(tokens) and tokens[k].end <= q.start():
        if tokens[k].tag in ("LOC", "ns") and tokens[k].start >= c.start:
            out.append(_Cand(tokens[k].start, tokens[k].end, "Place", 1, [], c.source))
        k += 1
    return out


def _joined(tok: Token) -> bool:
    """A model's organisation that joins two names and ends in no organisation's head word (保定市与科克郡): no
    name; the segmenter's names fill its place."""
    return tok.tag == "ORG" and tr.head_type(tok.text) is None and _JOINED.search(tok.text, 1) is not None


def _tagger_candidates(tokens: list[Token]) -> list[_Cand]:
    out: list[_Cand] = []
    for tok in tokens:
        if _CLAUSE_MARKS.intersection(tok.text):
            continue  # no name runs over a comma (a model's 合作论坛，论坛)
        if tok.tag in _TAGGER_TYPES and len(tok.text) >= 2:
            end = tok.end
            title = tr.PERSON_TITLES.search(tok.text) if tok.tag == "PER" else None
            if title and title.start() >= 2:
                end = tok.start + title.start()  # 李明教授 -> 李明
            elif tok.tag == "PER" and len(tok.text) >= 4 and tok.text[-2:] in boundaries.WORDS_AFTER_NAME:
                end -= 2  # the segmenter's 理查德·李正式: the name ends before the word
            typ = _TAGGER_TYPES[tok.tag]
            if typ == "Person" and end - tok.start >= 4 and "·" not in tok.text and tok.text.endswith(tr.COMPANY_ENDINGS):
                typ = "Company"  # 凌云光电, 华辰科技: a firm's short name, not a person's
            out.append(_Cand(tok.start, end, typ, 1, [], "tagger"))
        elif tok.tag == "ORG" and len(tok.text) >= 2:
            ht = tr.head_type(tok.text)
            if ht and (tok.text == ht[1] or tr.generic(tok.text[: -len(ht[1])], ht[1])):
                continue  # 联合实验室, 该公司: a description, not a name
            if ht is None and (tok.text in tr.PLACE_PREFIXES or tok.text in tr.COUNTRIES):
                out.append(_Cand(tok.start, tok.end, "Place", 1, [], "tagger"))  # 斯洛伐克: a country, not a body
                continue
            if ht is None and tok.text.endswith(_PLACE_ENDS) and tr.org_type(tok.text) == "Organization":
                out.append(_Cand(tok.start, tok.end, "Place", 1, [], "tagger"))  # 爱尔兰科克郡: a place's head
                continue
            end = tok.end - (1 if tok.text.endswith("报讯") and len(tok.text) >= 4 else 0)  # 科技日报讯: the paper
            for verb in _TRAILING_VERBS:  # IEEE联合主办: a name in Latin letters ends before the verb too
                rest = tok.text[: -len(verb)]
                if tok.text.endswith(verb) and (tr.head_type(rest) or _LATIN_NAME.fullmatch(rest)):
                    end -= len(verb)
                    break
            title = _ORG_TITLE.search(tok.text[: end - tok.start])
            if title and any(tr.head_type(tok.text[:k]) for k in range(2, title.start() + 1)):
                end = tok.start + title.start()  # 中国驻英国大使馆教育处参赞: the body, not its officer
            out.append(_Cand(tok.start, end, tr.org_type(tok.text[: end - tok.start]), 1, [], "tagger"))
    return out


_TRADE_TAGS = frozenset({"n", "nz", "nt", "ORG"})  # a noun or a name ends there, not a verb (王健林投资了…)
_TRADES_BY_FIRST = tr.words_by_char(tr.COMPANY_ENDINGS, 0)


# Words after a trade that make it a field of work, not a firm's name (能源领域, 汽车行业, 通信方面)
_FIELD_AFTER = ("领域", "行业", "产业", "方面", "方向", "专业", "板块", "赛道", "技术", "研究")


def _brand_with_trade(text: str, tokens: list[Token], tagged: list[_Cand]) -> None:
    """A model's person followed by a word of a firm's trade (达索 + 航空, 三星 + 电子: ``tr.COMPANY_ENDINGS``) is the
    firm's brand: the candidate runs on over the word, where a noun or a name the segmenter found ends, as a Company. A foreign person's full name (with ·) stays a
    person; a place before a trade is left alone (中国 + 汽车产业 names no firm), and so is a trade that names a field
    (李明 + 能源领域: ``_FIELD_AFTER``)."""
    nominal: set[int] | None = None
    for c in tagged:
        if c.type != "Person" or "·" in text[c.start : c.end]:
            continue
        word = tr.longest_at(text, c.end, _TRADES_BY_FIRST)
        if word and nominal is None:
            nominal = {t.end for t in tokens if t.tag in _TRADE_TAGS}
        if (word and nominal is not None and c.end + len(word) in nominal
                and not text.startswith(_FIELD_AFTER, c.end + len(word))):  # 李明 + 能源领域: a field, no brand
            c.end += len(word)
            c.end += len(next((f for f in tr.LEGAL_FORMS if text.startswith(f, c.end)), ""))  # 航宇 + 动力 + 集团
            c.type = "Company"


# Nouns of a body (not of a field) that a list of bodies joins with 与/和 (中央国家机关与中央军事委员会)
_BODY_NOUNS = ("机关", "部门", "单位", "机构")


def _named_body(name: str) -> bool:
    """Whether ``name`` is a body's whole name: its own words before a head word, no description."""
    ht = tr.head_type(name)
    return ht is not None and len(name) > len(ht[1]) and not tr.generic(name[: -len(ht[1])], ht[1])


def _two_bodies(tok: Token) -> list[Token]:
    """The segmenter's organisation that joins two bodies with 与/和/同/及 (中央国家机关与中央军事委员会): the two, and the
    joiner between them; [] when the part before the joiner is no body of its own (材料科学与工程学院,
    萨斯喀彻温省贸易与出口发展部, 工业和信息化部: one body, its fields joined)."""
    for k in range(2, len(tok.text) - 3):
        if tok.text[k] not in "与和同及":
            continue
        left, right = tok.text[:k], tok.text[k + 1 :]
        if _named_body(right) and (_named_body(left) or left.endswith(_BODY_NOUNS)):
            cut = tok.start + k
            return [Token(tok.start, cut, left, "ORG" if tr.head_type(left) else "n"), Token(cut, cut + 1, tok.text[k], "c"),
                    Token(cut + 1, tok.end, right, "ORG")]
    return []


# What a sentence does with a technology by the guide's definition (docs/annotation.md, Technology: the subject of a
# transfer, export, agreement or research): a field word (tr.TECH_FIELDS) in a sentence with none of these is no
# mention (a fund, a firm's or a fair's name, a law's subject). corpus/train (held-out) + corpus/extra: of 46 field
# entities, the 18 gold ones each have such a sentence, 7 of the 28 spurious ones none.
_AT_WORK = re.compile("合作|研发|研究|研制|开发|攻关|转让|转移|出口|进口|引进|采购|供货|销售|领域|技术|项目|联合|共建|生产|"
                      "制造|应用|方向|产品|专家|人才|发展|突破|创新")
_SENTENCE_ENDS = "。；！？\n"


_SENTENCE_END_RX = re.compile("[" + _SENTENCE_ENDS + "]")


def _field_at_work(text: str, c: _Cand, stops: list[int]) -> bool:
    """Whether the rule's technology ``c`` is more than a bare field word, or its sentence does something with it
    (``stops``: the offsets of ``_SENTENCE_ENDS`` in the text, found once per document)."""
    if text[c.start : c.end] not in tr.TECH_FIELD_SET:
        return True
    i = bisect.bisect_left(stops, c.start)
    start = stops[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(stops, c.end)
    end = stops[j] if j < len(stops) else len(text)
    return bool(_AT_WORK.search(text, start, c.start) or _AT_WORK.search(text, c.end, end))


def _split_trailing_verbs(tokens: list[Token]) -> list[Token]:
    """LAC glues a verb onto an organisation (保定军分区组织) or a preposition before it (经省国资委): split it off."""
    out: list[Token] = []
    for tok in tokens:
        lead = boundaries.leading_connector(tok.text) if tok.tag in _NOMINAL_TAGS else ""
        if lead:
            cut = tok.start + len(lead)
            out.append(Token(tok.start, cut, lead, "p"))
            tok = Token(cut, tok.end, tok.text[len(lead):], tok.tag)
        if tok.tag == "ORG" and (pair := _two_bodies(tok)):
            out += pair
            continue
        verb = next((v for v in _TRAILING_VERBS if tok.tag == "ORG" and tok.text.endswith(v)), "")
        if verb and tr.head_type(tok.text[: -len(verb)]):
            cut = tok.end - len(verb)
            out += [Token(tok.start, cut, tok.text[: -len(verb)], "ORG"), Token(cut, tok.end, verb, "v")]
        else:
            out.append(tok)
    return out


_DISCIPLINE = ("学", "工程", "技术", "科学", "语")
_UNIVERSITY_HEADS = re.compile(r"大学|学院")


def _split_department(text: str, c: _Cand) -> list[_Cand]:
    """A span ending in 系: a university's department is not annotated (corpus/train: 清华大学物理系, 材料科学系 …
    unmarked, the university marked), so it is the university, or nothing for a department named alone; else 系 is
    the copula the model ran into (星辰传感器系马来西亚…, 哈桑系…) and stays out."""
    surface = text[c.start : c.end]
    if c.source == "gazetteer" or not surface.endswith("系") or len(surface) < 3 or c.type not in _BODIES | {"Person"}:
        return [c]
    heads = list(_UNIVERSITY_HEADS.finditer(surface))
    if heads and heads[-1].end() < len(surface) - 1:
        cut = c.start + heads[-1].end()
        return [_Cand(c.start, cut, tr.org_type(text[c.start : cut]), c.priority, [], c.source)]
    if surface[:-1].endswith(_DISCIPLINE):
        return []  # 材料科学系, 航空航天工程系: a department named alone
    typ = c.type if c.type == "Person" else tr.org_type(surface[:-1])
    return [_Cand(c.start, c.end - 1, typ, c.priority, [], c.source)]


_NOT_COPULA_AFTER = ("统", "列")  # 系统, 系列
_NOT_COPULA_BEFORE = tuple("关体联派院水星语谱直旁世")  # 关系, 体系, 院系 …
# A university's department 系 (浙江大学物理系核物理研究所, 清华大学计算机系…; review zh-extract 2): no copula.
_DISCIPLINES = ("物理", "数学", "化学", "计算机", "中文", "经济", "力学", "天文", "地理", "生物", "哲学", "历史",
                "自动化", "电子工程", "机械工程", "航空工程", "工程物理", "材料科学")


def _split_copula(text: str, c: _Cand) -> list[_Cand]:
    """A firm's name, the copula 系 ("is") and another body's full name that the segmenter glued into one span
    (宏远机电系宏远控股集团有限公司全资子公司, 光锐精密系无锡光谷控股集团有限公司于2017年出资设立): the two names.
    In corpus/train and corpus/extra a gold name holds 系 only in 系统, 系列 and 关系."""
    if c.source == "gazetteer" or c.type not in _BODIES or "系" not in text[c.start : c.end]:
        return [c]
    surface = text[c.start : c.end]
    for k in range(2, len(surface) - 3):
        if (surface[k] != "系" or surface[k + 1] in _NOT_COPULA_AFTER or surface[k - 1] in _NOT_COPULA_BEFORE):
            continue
        if _UNIVERSITY_HEADS.search(surface[:k]) or surface[:k].endswith(_DISCIPLINES):
            continue
        rest = surface[k + 1 :]
        ht = tr.head_type(rest)
        if ht is None or len(rest) - len(ht[1]) < 2 or tr.generic(rest[: -len(ht[1])], ht[1]):
            continue
        return [_Cand(c.start, c.start + k, tr.org_type(surface[:k]), c.priority, [], c.source),
                _Cand(c.start + k + 1, c.end, ht[0], c.priority, [], c.source)]
    return [c]


_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_HYPHENED = re.compile("(?<![A-Za-z\u00c0-\u024f0-9])[A-Za-z\u00c0-\u024f0-9]+-$")


def _split_latin(text: str, c: _Cand) -> list[_Cand]:
    """A body's span that opens with a country before a name in Latin script (德国Q-Sense GmbH, 哈萨克斯坦Astana Test
    Solutions LLP): the country and the firm, which ends with its legal form (荷兰Vanderlift B.V.供货 -> Vanderlift
    B.V.) and is a Company."""
    if c.source == "gazetteer" or c.type not in _BODIES or not _LATIN_LETTER.search(text, c.start, c.end):
        return [c]
    if text.endswith("PT ", 0, c.start) and (c.start == 3 or not text[c.start - 4].isascii()):
        c.start -= 3  # PT Galangan Samudra Timur: the Indonesian form opens the name
    hyphened = _HYPHENED.search(text, max(0, c.start - 30), c.start)
    if hyphened:
        c.start = hyphened.start()  # Rolls-Royce: the segmenter cut the name at its hyphen
    surface = text[c.start : c.end]
    country = tr.place_prefix(surface)
    rest = surface[len(country):]
    if not rest or not ("A" <= rest[0] <= "Z" or "a" <= rest[0] <= "z" or "\u00c0" <= rest[0] <= "\u024f"):
        return [c]
    start = c.start + len(country)
    firm = tr.LATIN_FIRM.match(text, start, min(len(text), c.end + 8))
    if firm and firm.end() > c.end and not re.fullmatch(r"[A-Za-z.& ]+", text[c.end : firm.end()]):
        firm = None  # the form may complete a name the model cut short (Agrotani Sdn + . Bhd.), nothing else
    if firm is None and country:
        return [c]  # 英国MQP公司: a Chinese suffix, the country stays part of how the text names the firm (an alias)
    end = firm.end() if firm else c.end
    out = [_Cand(c.start, start, "Place", c.priority, [], c.source)] if country else []
    out.append(_Cand(start, end, "Company" if firm else tr.org_type(text[start:end]), c.priority, [], c.source))
    joined = _LATIN_AND.match(text, end) if firm and end < c.end else None
    second = tr.LATIN_FIRM.match(text, joined.end(), min(len(text), c.end + 8)) if joined else None
    if second and second.end() >= c.end:
        out.append(_Cand(joined.end() if joined else end, second.end(), "Company", c.priority, [], c.source))
    return out  # Siemens AG and Bosch GmbH: two firms


_LATIN_AND = re.compile(rf"(?:{tr.LATIN_JOINERS}|, )")


def _split_place(text: str, c: _Cand) -> list[_Cand]:
    """A model's place that opens with a country (芬兰坦佩雷市, 阿联酋迪拜) is the country and the place after it."""
    if c.type != "Place" or c.source != "tagger":
        return [c]
    surface = text[c.start : c.end]
    country = tr.place_prefix(surface)
    rest = surface[len(country):]
    if not country or not all("\u4e00" <= ch <= "\u9fff" or ch == "·" for ch in rest):
        return [c]
    if len(rest) < 3 and not (len(rest) == 2 and rest.endswith(_PLACE_ENDS)):
        return [c]  # 巴西利亚, 沙特阿拉伯王国, 德国联邦: one name
    cut = c.start + len(country)
    return [_Cand(c.start, cut, "Place", c.priority, [], c.source), _Cand(cut, c.end, "Place", c.priority, [], c.source)]


_HAN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff）)])[ \t\u3000]+(?=[\u4e00-\u9fff])|\s*\n\s*")


def _split_space(text: str, c: _Cand) -> list[_Cand]:
    """A span over a space between Chinese words, or over a line break, is two names or none: a notice's signature
    (川江市科学技术局　　川江市财政局) or a heading glued to a line. The part holding the head keeps the type; a body
    before it stays one where its own head types it. Latin names keep their spaces (Rolls-Royce Deutschland Ltd).
    One name stays whole, its name without the gap (``_unspaced``): a person's name padded to the width of three
    characters (王　伟), a part of one character, and a line break inside a name, where the part before it has no
    head of its own or the part after it is a bare head (中国航天科工集团\n有限公司)."""
    gaps = list(_HAN_SPACE.finditer(text, c.start, c.end))
    if not gaps:
        return [c]
    parts = _parts(c, gaps)
    if c.type == "Person":
        return [c]
    out: list[_Cand] = []
    start = c.start
    for g, before, after in zip(gaps, parts[:-1], parts[1:], strict=True):
        if before[1] - before[0] < 2 or after[1] - after[0] < 2:
            continue  # a part of one character beside this gap: it goes with its neighbour (王　伟), other gaps still cut
        if "\n" in g.group() and _generic_after_cut(text[after[0] : after[1]]):
            continue  # a name the line wrapped before its legal form: one name
        ht = tr.head_type(text[start : g.start()]) if c.type in _BODIES else None
        if ht is not None and g.start() - start > len(ht[1]):
            out.append(_Cand(start, g.start(), ht[0], c.priority, [], c.source))
        start = g.end()
    if start == c.start:
        return [c]
    if c.end - start >= 2:
        out.append(_Cand(start, c.end, c.type, c.priority, c.names_en, c.source))
    return out


def _parts(c: _Cand, gaps: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The spans of ``c`` between its gaps."""
    edges = [c.start, *(x for g in gaps for x in (g.start(), g.end())), c.end]
    return list(zip(edges[::2], edges[1::2], strict=True))


def _unspaced(surface: str) -> str:
    """A name without the spaces between its Chinese characters and the line breaks inside it (王　伟 -> 王伟); a line
    break between Latin words is a space."""
    return _HAN_SPACE.sub(lambda g: "" if _han_around(g) else " ", surface)


def _han_around(g: re.Match[str]) -> bool:
    """Whether a Chinese character (or a closing bracket) stands right before or after the gap ``g``."""
    s = g.string
    return (g.start() == 0 or "\u4e00" <= s[g.start() - 1] <= "\u9fff" or s[g.start() - 1] in "）)"
            or g.end() == len(s) or "\u4e00" <= s[g.end()] <= "\u9fff")


_HOME = frozenset({"中国", "中华人民共和国"})
_GOVERNMENT_FIRST = frozenset("市州省县区人政")  # how a government's word after a place opens
_LOCAL_GOVERNMENT = ("市人民政府", "州人民政府", "省人民政府", "县人民政府", "区人民政府", "市政府", "州政府", "省政府",
                     "县政府", "区政府")


def _government(text: str, c: _Cand) -> _Cand:
    """docs/annotation.md 2.1 [s26]: a country's government is the country (匈牙利政府, 中国政府: the place, 政府
    outside); a city's, state's or province's government written as one word is one PublicBody span (因戈尔施塔特市政府,
    波城市政府, where the model or the gazetteer proposed the place alone)."""
    if c.type == "PublicBody" and text.endswith("政府", c.start, c.end):
        country = text[c.start : c.end - 2]
        if country in tr.PLACE_PREFIXES or country in _HOME:
            return _Cand(c.start, c.end - 2, "Place", c.priority, [], c.source)
    elif c.type == "Place" and text[c.end : c.end + 1] in _GOVERNMENT_FIRST and text[c.start : c.end] not in tr.PLACE_PREFIXES:
        tail = next((g for g in _LOCAL_GOVERNMENT if text.startswith(g, c.end)), "")
        if not tail and text[c.end - 1] in "市州省县区":
            tail = next((g for g in ("人民政府", "政府") if text.startswith(g, c.end)), "")
        if tail:
            return _Cand(c.start, c.end + len(tail), "PublicBody", c.priority, [], "rule")
    return c


def _gazetteer_candidates(text: str, gaz: Gazetteer) -> list[_Cand]:
    return [_Cand(s, e, g.type, 3, list(g.names_en), "gazetteer") for s, e, g in gaz.find_all(text)]


def _leading_place(name: str, offset: int, gaz: Gazetteer, places: dict[int, int], typ: str) -> str:
    """The place name that starts ``name`` (gazetteer place, or a tagger LOC for companies), or ''."""
    entry = gaz.match_at(name, 0) if name else None
    if entry is not None and entry.type == "Place" and (typ == "Company" or entry.name in tr.COUNTRIES):
        return entry.name
    if typ == "Company" and offset in places:
        return name[: places[offset] - offset]
    return ""


# Words that open a fund's or a platform's description, not a brand: a place before them is the name's.
_NO_BRAND = ("军民融合", "产业", "投资", "发展", "国有", "国资", "创业", "引导", "科技创新", "高新技术", "战略性")


# A state's own qualifier alone before the head (新加坡国立大学, 瑞典皇家学会, 德国联邦银行): the place is the name's
_OF_STATE = frozenset({"国立", "皇家", "国家", "联邦", "州立", "国民"})


def _canonical(surface: str, start: int, typ: str, gaz: Gazetteer, places: dict[int, int]) -> str:
    """Drop a leading foreign country (any organisation) or leading places (companies); an event's name drops
    its year and edition (2019第三届西安军民融合产业博览会 -> 西安军民融合产业博览会), which its span keeps."""
    if typ in ("Event", "PublicBody"):  # 第十三届全国人民代表大会常务委员会: the committee, one entity over its terms
        m = tr.EDITION.match(surface)
        return surface[m.end():] if m and len(surface) - m.end() >= 3 else surface
    if typ not in ("Company", "University", "Organization"):
        return surface
    name = surface
    while True:
        place = _leading_place(name, start + len(surface) - len(name), gaz, places, typ)
        if not place or place in _NOT_STRIPPED or len(place) >= len(name):
            break
        if "（" in name and place not in tr.COUNTRIES:
            break  # 上海国盛（集团）有限公司, 丸山精机（南通）有限公司: the word before the bracket is the brand's (corpus: all 43)
        rest = name[len(place) :]
        ht = tr.head_type(rest)
        core = rest[: -len(ht[1])] if ht else rest
        if (len(core) < 2 or core in _OF_STATE
                or (typ == "Organization" and ht and ht[0] == "Organization" and "团" in ht[1])
                or core.startswith(_NO_BRAND)  # 江苏省军民融合产业投资基金: without its place, no name
                or tr.industry_only(core)):  # 西安飞机工业有限公司: the place is the brand
            break
        name = rest
    return name


def _snap(text: str, proposed: list[Span], tokens: list[Token]) -> list[Token]:
    """Model spans as tokens; a span inside a longer segmenter entity of its type takes that entity's
    extent (都柏林 inside 都柏林市/LOC), and a trailing verb is split off (保定军分区组织)."""
    out = []
    for sp in proposed:
        start, end = sp.start, sp.end
        for tok in tokens:
            if (tok.tag == sp.label and tok.start <= start and end <= tok.end and tok.end - tok.start > end - start
                    and boundaries.widens(text, start, end, tok.start, tok.end)):
                start, end = tok.start, tok.end
                break
        start, end = boundaries.balanced(text, start, end)
        if sp.label == "PER":
            start = boundaries.person_start(text, start, end)
            end = boundaries.person_end(text, tokens, start, end)
        elif sp.label == "TEC":  # an item's name ends and starts at word ends (国产大型客机C91 -> …C919)
            end = next((t.end for t in tokens if t.start < end < t.end <= end + 2 and t.tag in _ITEM_WORD_TAGS
                        and not t.text.endswith(("合同", "协议"))), end)
            start = next((t.start for t in tokens if start - 2 <= t.start < start < t.end and t.tag in _ITEM_WORD_TAGS),
                         start)
        elif sp.label != "EVT":
            start = boundaries.name_start(text, tokens, start, end)
        out.append(Token(start, end, text[start:end], sp.label))
    return _split_trailing_verbs(out)


_ITEM_WORD_TAGS = frozenset({"n", "nz", "nw", "eng", "vn"})
ALL_PARTS = ("tagger", "segmenter", "gazetteer", "rules")
_NAME_TAGS = {"PER", "LOC", "ORG"}


def _overlaps(tok: Token, others: list[Token]) -> bool:
    return any(o.start < tok.end and tok.start < o.end for o in others)


_AGENTS = {"Company", "University", "MilitaryUnit", "PublicBody", "Organization"}


def _joins_organisations(cand: _Cand, known: list[_Cand]) -> bool:
    """A model span holding two organisations the gazetteer or rules found (华宇集团控股长城科技公司)."""
    inside = [k for k in known if k.type in _AGENTS and cand.start <= k.start and k.end <= cand.end]
    return len(inside) >= 2 and any(a.end <= b.start for a in inside for b in inside)


def _ends_in_action(text: str, c: _Cand, tokens: list[Token]) -> bool:
    """A model's body without a head word that ends in a verb or a noun of action (雷达信号处理, 舰船电力推进, 智能网联):
    a field of work, no name (a headless name ends in a noun or a brand: 联合国, 中国航发, 海鹰智能)."""
    surface = text[c.start : c.end]
    if c.type not in _BODIES or tr.head_type(surface) or surface.endswith(tr.COMPANY_ENDINGS) or c.end - c.start < 4:
        return False
    last = next((t for t in tokens if t.start < c.end <= t.end), None)
    return last is not None and last.end == c.end and last.tag in ("v", "vn") and last.start > c.start


# Where a name stands as a place: after a verb of location or motion, or between 在 and an event's verb.
# Words that name a kind of engineered item or a technical field (雷达, 导弹, 卫星通信): never a person's name, though a
# surname opens some of them (雷达: the model's person in usertry s28's list 雷达、卫星通信和半导体制造设备).
_ITEM_WORDS = frozenset({*tr.TECH_SUFFIXES, *tr.TECH_FIELDS})
_HYPHEN_PARTS = frozenset({"n", "nz", "nr", "ns", "PER", "LOC"})


def _hyphenated(text: str, tokens: list[Token], tagged: list[_Cand]) -> None:
    """A transliterated name written in two parts joined by a dash (坎普－林特福特 Kamp-Lintfort, 克兰普－卡伦鲍尔): the
    model's person or place over the second part runs back over the dash and the first part, one name; a full name
    with · (让－保罗·萨特) already holds its parts."""
    for c in tagged:
        if c.type not in ("Person", "Place") or c.start < 3 or text[c.start - 1] not in _DASHES[1:]:
            continue
        before = next((t for t in tokens if t.end == c.start - 1), None)
        if (before is not None and before.tag in _HYPHEN_PARTS and 2 <= len(before.text) <= 6
                and all("\u4e00" <= ch <= "\u9fff" for ch in before.text) and tr.head_type(before.text) is None):
            c.start = before.start


_REPORTS = ("报道", "援引", "记者", "消息", "披露", "报导")
_FIRM_TITLES = ("董事长", "总经理", "总裁", "创始人", "首席执行官", "董事会", "党委书记")
# A firm's officers written between the firm and the officer's name (庞巴迪宇航总裁盖伊·哈切, 空客首席执行官傅里)
_OFFICERS = re.compile(r"(?:执行|联席)?副?(?:董事长|总经理|总裁|首席(?:执行|运营|技术|财务)官|CEO|创始人)")


def _firm_before_officer(text: str, c: _Cand, person_at: set[int]) -> bool:
    """Whether the model's person ``c`` is the firm of an officer named right after the title (庞巴迪宇航总裁盖伊·哈切):
    a person's name is never followed by a firm's title and then another person's name (王传福董事长 is one person,
    his title after him)."""
    title = _OFFICERS.match(text, c.end)
    return title is not None and title.end() in person_at
_TO_PLACE = re.compile(r"(?:位于|发往|运往|运抵|驶往|飞往|抵达|前往|落户|坐落于|总部设在)$")
# a name after a place it lies in: 位于北莱茵－威斯特法伦州的坎普－林特福特 (a person lies in no region)
_IN_REGION = re.compile(r"(?:位于|地处|坐落于)[^，。；、\s]{2,14}(?:州|省|地区|市|县|郡|国)的$")
_EVENT_AFTER = re.compile(r"(?:举办|举行|召开|开幕|闭幕)")


def _placed(text: str, start: int, end: int) -> bool:
    """Whether the person's name ``text[start:end]`` stands where only a place can: after 位于/发往/抵达…, between
    在 and 举办/举行/召开, or with a city's or a state's suffix (因戈尔施塔特市)."""
    if "·" in text[start:end]:
        return False  # 马克·布朗: a foreign person's full name
    return bool(_TO_PLACE.search(text, max(0, start - 5), start) or _IN_REGION.search(text, max(0, start - 22), start)
                or (text[start - 1 : start] == "在" and _EVENT_AFTER.match(text, end))
                or (end - start >= 4 and text[end - 1] in "市州"
                    and not text.startswith(boundaries.COMPOUND_SURNAMES, start)))  # 欧阳建州: a Chinese name


# Two-character surnames that are ordinary words far more often (第五大道, 东方明珠, 西门町, 百里, 单于); a level of a
# place (镇, 町: a given name is never one) and the common nouns of a street or a landmark as a given name's place
# (第五大道, 东方明珠, 西单广场: 海港, 光明, 建州 are given names as often as words, so no single character decides).
_WORD_SURNAMES = ("东方", "第五", "西门", "百里", "单于", "东郭")
_PLACE_LEVELS = frozenset("市县区省镇乡村町")
_LANDMARKS = frozenset({"大道", "大街", "街道", "马路", "公路", "明珠", "广场", "公园", "大桥", "寺庙", "古镇", "海峡",
                        "岛屿", "大厦", "胡同", "码头", "机场"})


def _surnamed(text: str, start: int, end: int, gaz: Gazetteer) -> bool:
    """Whether the model's place ``text[start:end]`` is a Chinese person's name: three or four characters opening
    with a two-character surname (欧阳建州, 司马光明), no level of a place at its end or after it (濮阳市, 南宫市 are
    cities), and no place the gazetteer knows."""
    surface = text[start:end]
    return (3 <= end - start <= 4 and surface.startswith(boundaries.COMPOUND_SURNAMES)
            and not surface.startswith(_WORD_SURNAMES) and surface[-1] not in _PLACE_LEVELS
            and surface[-2:] not in _LANDMARKS
            and text[end : end + 1] not in ("市", "县", "区", "省") and surface not in gaz.entries)


def find_mentions(
    text: str, tokens: list[Token], gaz: Gazetteer, proposed: list[Span] | None = None, parts: str = "all"
) -> list[Mention]:
    """Typed, non-overlapping mentions in ``text`` (simplified), in text order.

    ``proposed``: PER/LOC/ORG spans of the trained model (``crf_ner``); they replace the tagger's own
    entity tags, while ``tokens`` still give the word boundaries the rules extend over. ``parts`` leaves
    candidate sources out for ablations: "all", or a "+"-joined subset of ``ALL_PARTS`` ("tagger": the model's
    spans, or the segmenter's entity tags when ``proposed`` is None; "segmenter": with the model, also the
    segmenter's entity tags where the model found nothing; "gazetteer"; "rules").
    """
    tokens = _split_trailing_verbs(tokens)
    places = {t.start: t.end for t in tokens if t.tag == "LOC"}
    use = set(ALL_PARTS) if parts == "all" else set(parts.split("+"))
    named = tokens if proposed is None else [t for t in _snap(text, proposed, tokens)
                                             if not _joined(t) and not _common_tail(t, tokens)]
    model = named if proposed is not None else []
    if proposed is not None:
        places |= {t.start: t.end for t in named if t.tag == "LOC"}
        if "segmenter" in use:  # the segmenter's own names where the model saw none
            named = sorted(named + [t for t in tokens if t.tag in _NAME_TAGS and not _overlaps(t, named)],
                           key=lambda t: t.start)
    known = ((_gazetteer_candidates(text, gaz) if "gazetteer" in use else [])
             + (_rule_candidates(text, tokens) + _fixed_candidates(text) + _object_candidates(text, tokens, model)
                if "rules" in use else []))
    tagged = _tagger_candidates(named) if "tagger" in use else []
    if tagged:
        _brand_with_trade(text, tokens, tagged)
        tagged = [c for c in tagged if not (c.type == "Person" and text[c.start : c.end] in _ITEM_WORDS)]
        _hyphenated(text, tokens, tagged)
    if proposed is not None:
        tagged = [c for c in tagged if not _joins_organisations(c, known) and not _ends_in_action(text, c, tokens)]
    spaced = _HAN_SPACE.search(text) is not None  # a space between Chinese words or a line break in this text
    cands = [r for c in known + tagged for o in _split_owned(text, _cut(text, tokens, c, model))
             for h in _split_headquarters(text, _trim(text, o), gaz, places)
             for p in _split_parent(text, h) for d in _split_department(text, p)
             for y in _split_copula(text, d) for x in _split_latin(text, _government(text, y)) for q in _split_place(text, x)
             for w in (_split_space(text, q) if spaced else (q,))
             for j in _split_chain(text, w) for r in _split_joined_bodies(text, j)]
    starts = [t.start for t in tokens]
    if _QUANTIFIED.search(text):
        cands = [x for c in cands for x in _quantified(text, tokens, starts, c)]
    at = {t.start: t for t in tokens}
    cands = [c for c in cands if c.source == "gazetteer" or not (_generic_after_cut(text[c.start : c.end])
                                                                 or _described(text, c) or text[c.start : c.end] in _VERBS
                                                                 or _plans(text, at, c)
                                                                 or _LOCATIVE_FRAGMENT.fullmatch(text, c.start, c.end))]
    kinds = [c for c in cands if _common_words(text, tokens, starts, c)  # 外汇指定银行, 风险基金: a kind of body, no name
             and not any(k.end == c.start and k.type in _AGENTS for k in cands)]  # …大学 技术转移中心: its parent's unit
    cands = [c for c in cands if not any(k.start <= c.start and c.end <= k.end and c.source != "gazetteer"
                                         and (c is k or c.source == "rule" or (c.start, c.end) != (k.start, k.end))
                                         for k in kinds)]  # nor a part of it (风险基金 -> 基金); the model's same span stays
    cands.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    taken = [False] * (len(text) + 1)
    chosen: list[_Cand] = []
    for c in cands:
        if any(taken[c.start : c.end]):
            continue
        for k in range(c.start, c.end):
            taken[k] = True
        chosen.append(c)
    if "rules" in use:  # the other members of a list that holds a technology (热像仪、观瞄镜等产品)
        techs = [(c.start, c.end) for c in chosen if c.type == "Technology"]
        for s, e in technology.listed(text, tokens, techs, taken):
            if not any(taken[s:e]):
                taken[s:e] = [True] * (e - s)
                chosen.append(_Cand(s, e, "Technology", 2, [], "rule"))
    chosen.sort(key=lambda c: c.start)
    person_at = {c.start for c in chosen if c.type == "Person"}
    stops = [m.start() for m in _SENTENCE_END_RX.finditer(text)]
    out = []
    for c in chosen:
        if c.type == "Place" and notplaces.names_no_place(text, c.start, c.end):
            continue  # 《中华人民共和国出口管制法》, 中国特色, 中美
        if c.type == "Technology" and c.source == "rule" and technology.describes_a_body(text, c.end):
            continue  # 供应国内机床和机器人企业: firms described by their trade, no item
        if c.type == "Technology" and c.source == "rule" and not _field_at_work(text, c, stops):
            continue  # 国家集成电路产业投资基金, 云帆机器人迎来新任首席执行官: a field named, nothing done with it
        if (c.type == "Person" and c.source == "tagger" and text.endswith("社", c.start, c.end) and "·" not in text[c.start : c.end]
                and (text.endswith("据", 0, c.start) or text.startswith(_REPORTS, c.end))):
            c.type = "Organization"  # 据彭博社报道: a news agency (docs/annotation.md: news outlets are Organization)
        if c.type == "Person" and text.startswith(_DOCTRINE, c.end):
            continue  # 邓小平理论, 毛泽东思想, 诺贝尔奖: a doctrine or a prize named for a person (corpus/train: 0 of 13)
        if c.type == "Technology" and c.source != "gazetteer" and text.startswith(_FIRM_TITLES, c.end):
            c.type = "Company"  # 启航无人系统董事长: an item has no chairman; the firm named by its trade
        if c.type == "Person" and c.source == "tagger" and _firm_before_officer(text, c, person_at):
            c.type = tr.org_type(text[c.start : c.end]) if tr.head_type(text[c.start : c.end]) else "Company"
        if c.type == "Place" and c.source == "tagger" and _surnamed(text, c.start, c.end, gaz):
            c.type = "Person"  # 会见欧阳建州: a Chinese name with a two-character surname, no place
        if c.type == "Person" and c.source == "tagger" and _placed(text, c.start, c.end):
            c.type = "Place"  # 总部位于谢菲尔德, 发往达曼, 在阿德莱德举办: the model's foreign person is a city there
        surface = text[c.start : c.end]
        name = _canonical(_unspaced(surface) if spaced else surface, c.start, c.type, gaz, places)
        names_en = c.names_en or (gaz.entries[name].names_en if name in gaz.entries else [])
        out.append(Mention(c.start, c.end, c.type, name, surface, names_en, c.source))
    return out


_LINE_BREAK = re.compile(r"[ \t\u3000]*\n\s*")


def join_wrapped(text: str, mentions: list[Mention]) -> list[Mention]:
    """A firm's name that a hard-wrapped text (a PDF's lines) breaks before its legal form (中国航天科工集团\\n有限公司):
    the mention runs on over the break to the form's end, its name without the break. Sentences end at a line break,
    so the form alone on the next line is no name of its own (``_generic_after_cut``); a name that opens there stays."""
    if "\n" not in text:
        return mentions
    opens = {m.start for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        out.append(m)
        if m.name.endswith("公司"):  # a whole legal form already: the next line's 公司 is a heading (公司简介)
            continue
        brk = _LINE_BREAK.match(text, m.end) if m.type in _BODIES and text[m.end : m.end + 1] in " \t\u3000\n" else None
        if brk is None or brk.end() in opens or not ("\u4e00" <= text[m.end - 1] <= "\u9fff"):
            continue
        form = max((f for f in tr.LEGAL_FORMS if text.startswith(f, brk.end())), key=len, default="")
        if not form or (form in ("公司", "集团") and m.type != "Company") or (form == "集团" and m.name.endswith("集团")):
            continue
        end = brk.end() + len(form)
        out[-1] = replace(m, end=end, surface=text[m.start : end], name=m.name + form, type="Company")
    return out
