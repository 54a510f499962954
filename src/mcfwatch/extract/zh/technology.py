"""Where a Chinese technology's name starts: with its model designation or its technical numerals, after a count.

The guide marks a technology "in full, as the text lists it" (docs/annotation.md, Technology), and corpus/train
keeps in the span a model designation (HR-30无人机, VT4主战坦克, 035G型潜艇, S26T型潜艇) and a numeral that is part of
what the item is (五轴数控机床, 第三代半导体器件), but not a count of items (一艘S26T型潜艇 -> S26T型潜艇, 6台起重机).
Craft named with a series number (嫦娥四号, 神舟十号, 北斗三号) are technologies too (``series``): corpus/train marks
each of its four.
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import typing_rules as tr
from mcfwatch.extract.zh.tagger import Token

_CN_NUM = "一二三四五六七八九十两百千万"
_COUNT_WORDS = "艘架台套批辆枚颗件个种项条列组座门部型款"
# A count of items at a name's start: 一艘, 12架, 两套, 首批, 一批次.
COUNT = re.compile(rf"(?:(?:第?[{_CN_NUM}\d]+余?|首|每|多|数[十百千万]*|几[十百千万]*|上[百千万])[{_COUNT_WORDS}](?:次)?)+")  # and an ordinal: 第一台; 首批6列
# Just before a name: a designation (HR-30, VT4, 035G型) or a technical numeral (五轴, 第三代).
_DESIGNATION = r"(?<![A-Za-z0-9\-])[A-Za-z0-9][A-Za-z0-9\-]{0,9}[A-Za-z0-9]型?"
_TECH_NUMERAL = rf"[{_CN_NUM}\d]+(?:轴|坐标|通道)|第[{_CN_NUM}\d]+代"
_SERIES = r"(?<!第)(?![一二三四五六七八九十])[\u4e00-\u9fff]{2}[一二三四五六七八九十]{1,3}号"  # not 四十二号
BEFORE = re.compile(rf"(?:{_DESIGNATION}|{_TECH_NUMERAL}|{_SERIES})$")  # … and a series name: 北斗三号军用终端
SERIES = re.compile(rf"{_SERIES}(?!文件|令|公告|院|楼|线)")


# A trade verb or the armed service that uses an item is no part of its name (武装部队出口热像仪, 海军舰艇).
_NOT_INSIDE = re.compile(r"(?:出口|进口|交付|提供|采购|研制|销售|供应|出售|购买|引进)(?:了)?|海军|空军|陆军|火箭军|部队")


def span(text: str, start: int, end: int) -> tuple[int, int]:
    """A technology proposed as ``text[start:end]`` with a leading count cut off and a designation or technical
    numeral just before it taken in; it starts after a trade verb or an armed service inside it."""
    inside = [m.end() for m in _NOT_INSIDE.finditer(text, start, end) if end - m.end() >= 2]
    start = max([start, *inside])
    while (lead := next((w for w in tr.TECH_NOT_NAME if text.startswith(w, start)), "")) and end - start - len(lead) >= 3:
        start += len(lead)  # 配套生产机轮刹车系统 -> 机轮刹车系统
    kind = 1 if text.startswith("型", start) else 2 if text.startswith("某型", start) else 0
    if kind and end - start - kind >= 3:
        start += kind  # 出口型土压平衡盾构机, 出口型盾构机, 某型直升机发动机: a kind, no designation
    end = _cut_tail(text, start, end)
    count = COUNT.match(text, start, end)
    if count and end - count.end() >= 2:
        return count.end(), end
    before = BEFORE.search(text, max(0, start - 12), start)
    if before and not re.fullmatch(r"\d+", before.group()):  # 2019年 / 12 alone is no designation
        start = before.start()
    while start > 0 and re.match(r"[A-Za-z0-9]", text[start]) and (
            re.match(r"[A-Za-z0-9]", text[start - 1]) or (start > 1 and re.match(r"[A-Za-z0-9]-", text[start - 2 : start]))):
        start -= 2 if text[start - 1] == "-" else 1  # III-V族化合物集成电路: a designation is never cut inside
    return start, end


# What an item's span may end in that is not the item (飞行控制计算机样机, 激光清洗工艺专利): a prototype, a patent.
_TAILS = ("工艺专利", "技术专利", "专利技术", "专利", "样机", "金额")  # 煤制乙二醇催化剂专利技术  # …, 航空线缆组件金额


def _cut_tail(text: str, start: int, end: int) -> int:
    tail = next((t for t in _TAILS if text.endswith(t, start, end)), "")
    return end - len(tail) if tail and end - start - len(tail) >= 4 else end  # 机器人样机 stays (corpus/train)


def series(text: str) -> list[tuple[int, int]]:
    """(start, end) of the craft named with a series number: two characters, a Chinese numeral and 号 (嫦娥四号)."""
    return [(m.start(), m.end()) for m in SERIES.finditer(text)]


# What is traded or made: the item after these verbs (出口…, 交付了两套…, 研制的…, 携…参展) is named as the text lists it,
# and so is the item of a contract (签订了水轮机调速器供货合同, 《船用减摇鳍买卖合同》): the guide's Technology as the
# object of a transfer or export (docs/annotation.md, Technology).
_OBJECT_VERBS = frozenset({"出口", "进口", "交付", "采购", "引进", "提供", "供应", "销售", "出售", "购买", "供货", "研制",
                           "转让", "携", "订购", "配套", "运抵", "发运"})
_AFTER_DE = frozenset({"研制", "引进", "采购", "进口", "交付", "出口", "订购",  # 研制的X, 引进的X
                       # and what a firm made for a buyer, counted (建造的2艘近海巡逻艇, 制造的3台加氢反应器: corpus/extra)
                       "建造", "制造", "研发"})
# Classifiers of machines, craft and vehicles: an item counted with one after a trade verb ends before the count
# (出口侧扫声呐8台, 发运立式加工中心12台, 交付各类变压器40余台), whatever the segmenter made of its words.
_MACHINE_COUNT = re.compile(rf"(?:[\d]+|[{_CN_NUM}]+)余?[台套架艘列辆枚颗]")
_ITEM_BEFORE_COUNT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9\-]{2,12}?(?=(?:[\d]+|[一二两三四五六七八九十百]+)余?[台套架艘列辆枚颗])")
_NOT_IN_ITEM = frozenset({"p", "c", "u", "w", "r", "d", "m", "TIME", "PER", "LOC", "ORG", "nr", "ns", "nt", "q", "xc"})
_CONTRACT_KINDS = frozenset({"供货", "销售", "买卖", "采购", "配套", "升级", "出口", "维修", "订购", "转让", "许可", "进口",
                             "建造", "成果转化", "试车"})  # 两座卫星地面测控站的建造合同, 集群搜救算法成果转化协议
_SIGNED = frozenset({"签订", "签署", "签约", "达成", "了", "《"})
_NP_TAGS = frozenset({"n", "nz", "nw", "vn", "a", "an", "eng", "b", "s"})  # s: 近海巡逻艇, 空中加油机
_NP_END_TAGS = frozenset({"n", "nz", "nw", "eng"})
# Items too generic to be named (设备, 产品 ...: the corpora mark 矿山设备 and 航电设备 nowhere) and the words that describe
# an item rather than name it (民用气象雷达 -> 气象雷达, 大型航空发动机涡轮盘 -> 航空发动机涡轮盘).
_GENERIC_ITEMS = ("设备", "产品", "装备", "物项", "货物", "物资", "器材", "资料", "技术", "服务", "业务", "项目", "订单",
                  "资金", "人才", "专家", "样品", "部件", "零部件", "配件", "原料", "材料", "合同", "协议", "方案", "平台",
                  # money, help and paperwork are provided too (提供贷款, 提供报关手续, 提供国家秘密)
                  "贷款", "信贷", "补贴", "经费", "手续", "秘密", "罪", "学者", "奖励", "股权", "股份", "保险", "担保",
                  "证书", "许可证", "支持", "保障", "帮助", "便利", "咨询", "培训", "岗位", "机会", "信息", "情报", "工艺",
                  "费用", "资助", "贴息", "奖金", "场地", "指导", "意见", "建议", "条件", "环境", "政策",
                  # people recruited (引进研究员, 博士后, 人才团队) and a law's or a report's terms (出口管制条例, 管理清单,
                  # 申请表, 经营者, 退税负担机制, 典型案例): held-out folds of corpus/train
                  "员", "师", "博士", "博士后", "院士", "团队", "毕业生", "成员", "人员", "者", "商", "方", "工作",
                  "条例", "清单", "规定", "制度", "机制", "能力", "文件", "申请表", "情况", "案", "案件", "案例", "资格",
                  "申请权", "津贴", "部门", "单位", "企业", "业绩", "名录", "科研", "用品", "长期",
                  # and people, grants and paperwork of corpus/extra/zh.jsonl (引进外籍全职教授, 提供奖学金, 采购代理机构,
                  # 项目中标公告, 股东会决议, 奖励办法)
                  "教授", "人选", "奖学金", "机构", "公告", "决议", "办法", "通知", "证据", "证明", "渠道", "成效", "客户",
                  "用户", "市场", "知识产权", "造型", "学家", "责任", "保费",
                  # a class of machinery (工程机械, 港口机械: no gold Technology ends in 机械; held-out folds 0-3)
                  "机械",
                  # where goods go, not what they are (出口目的国家和地区: export-control law, zh-law-001/020)
                  "国家", "地区", "目的地", "目的国")
_DESCRIBING = ("民用", "军用", "大型", "小型", "高端", "新型", "先进", "国产", "多款", "相关", "关键", "自主", "部分", "全部",
               "新款", "多种", "各类", "首批", "型", "同型", "同款", "同类", "新一代", "海外", "国外", "境外", "国内")
# Bodies named by their trade (机器人企业, 国内机床和机器人企业, 航空发动机厂商): the words before them describe a body and
# name no item (docs/annotation.md, Technology: ✘ "an item word inside a name or a descriptor ... 无人机企业").
_TRADE_BODY = re.compile(r"(?:[和及与、][\u4e00-\u9fffA-Za-z0-9]{1,6}?)?(?:企业|公司|厂商|厂家|制造商|供应商|用户|客户)")
_NOT_IN_TRADE = re.compile("[给向为的在是被将把]")


def describes_a_body(text: str, end: int) -> bool:
    """Whether the item word ending at ``end`` describes the body named after it (``_TRADE_BODY``)."""
    m = _TRADE_BODY.match(text, end)
    return m is not None and not _NOT_IN_TRADE.search(m.group())


# Kinds of engineered items named by one word (雷达, 芯片, 导弹, 潜艇: ``tr.TECH_SUFFIXES`` without the generic heads
# 系统/设备/材料/部件…): as the object of a trade or in a list of items, the word alone is the item as the text names it
# (docs/annotation.md, Technology [s26]: "each engineered item ... as written"; 芯片、传感器和雷达, 向华为供应芯片).
CATEGORY_ITEMS = (frozenset(tr.TECH_SUFFIXES) - {"系统", "设备", "组件", "材料", "器件", "部件", "构件", "终端", "模块",
                                                 "地面站", "涂料", "钢材", "合金", "电器", "阀门", "加工中心", "细化剂", "半导体"}
                  # and the weapons and craft of two characters no head word names (出口军舰, 向其提供鱼雷)
                  | {"战机", "军舰", "舰船", "火箭", "炮弹", "弹药", "枪支", "鱼雷"})


# Words after 出口/进口 that make a term of trade, not an item (出口管制, 出口退税, 进口许可).
_TRADE_TERMS = ("管制", "退税", "许可", "经营", "申请", "额", "企业", "商", "总额", "贸易", "业务")


def _noun_phrase(text: str, toks: list[Token], j: int, step: int) -> tuple[int, int] | None:
    """Start and end offsets of the item's words from token ``j`` on (``step`` 1: rightwards, -1: leftwards)."""
    words = []
    while 0 <= j < len(toks) and toks[j].tag in _NP_TAGS and toks[j].text not in _CONTRACT_KINDS | _OBJECT_VERBS:
        words.append(toks[j])
        j += step
        if len(words) == 5:
            break
    words.sort(key=lambda t: t.start)
    while words and words[-1].tag not in _NP_END_TAGS:
        words.pop()
    while words and (words[0].text in _DESCRIBING or (len(words) > 1 and words[0].text in ("设备", "产品", "装备"))):
        words.pop(0)  # 关键设备立式成缆机: the item after the word for its kind
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    item = text[start:end]
    if ((end - start < 3 and item not in CATEGORY_ITEMS) or tr.head_type(item) is not None or item.endswith("式")
            or _generic(item)):
        return None  # …式 is a kind of item (轻型活塞式和涡轴式直升机), not one
    return start, end


# kinds of items a member may end in (核设备, 新能源技术, 装甲车辆配套产品), unlike the rest of ``_GENERIC_ITEMS``
_ITEM_KINDS = ("技术", "设备", "装备", "材料", "产品", "器材", "部件", "零部件", "配件", "机械")
_NAMED_KINDS = tuple(k for k in _ITEM_KINDS if k != "产品")  # X产品: 天线产品 marked, 红外测温产品, 光电侦察产品 not
_NO_MODIFIER = frozenset({*_DESCRIBING, *tr.TECH_NOT_NAME, "公司", "整机", "企业", "自有", "同类", "其他", "其它"})


def _generic(item: str) -> bool:
    """Whether ``item`` names no item: a generic word (设备, 相关资料), unless a kind of items after two characters or
    more of its own (警用装备, 工程机械, 高速冲压技术: docs/annotation.md 3 [s26] marks them; 核心设备, 公司产品 not)."""
    kind = next((k for k in _NAMED_KINDS if item.endswith(k)), "")
    modifier = item[: len(item) - len(kind)]
    return item.endswith(_GENERIC_ITEMS) and not (kind and len(modifier) >= 2 and modifier not in _NO_MODIFIER)


# Words between an item and its contract that say how long or of what kind (变压器长期供货协议, 城市轻轨车辆采购框架协议);
# of these, the ones that make the contract one about the item (永磁同步牵引电机技术合作协议, 精密冲压模具委托加工合同).
_CONTRACT_MODS = frozenset({"长期", "框架", "战略", "合作", "技术合作", "技术", "设计", "委托加工", "加工", "研制", "开发",
                            "成果", "转化"})  # 成果/n 转化/vn 协议
_ABOUT_ITEM = frozenset({"技术合作", "技术", "设计", "委托加工", "加工", "研制", "开发", "转化"})
_ANY_KIND = _CONTRACT_KINDS | _CONTRACT_MODS
_ITEM_KIND = _CONTRACT_KINDS | _ABOUT_ITEM
# longest first, in a fixed order: a set's order changes with the process's hash seed, and 委托加工 must win over 加工
_KINDS_LONGEST = tuple(sorted(_ANY_KIND, key=lambda k: (-len(k), k)))
# Verbs whose item may stand before its source (伺服电机则主要从日本富山电机株式会社采购, 立式成缆机由芬兰北方线缆设备公司提供).
_FROM_VERBS = frozenset({"采购", "引进", "进口", "提供", "供应", "供货", "购买", "订购"})
_ADVERBS = frozenset({"d", "ad", "c"})


def _split(toks: list[Token]) -> list[Token]:
    """Tokens with a trade verb the segmenter glued to its item split off (出口智能/n 电表 -> 出口/v 智能/n 电表), and a
    contract named in one token split into its item, its kinds and the contract (极地科考船设计合同/nz ->
    极地科考船/n 设计/vn 合同/n)."""
    out: list[Token] = []
    for tok in toks:
        verb = next((v for v in ("出口", "进口", "采购", "引进") if tok.text.startswith(v) and len(tok.text) > len(v) + 1),
                    "")
        if verb and tok.tag in ("n", "nz", "vn") and not tok.text[len(verb):].startswith(_TRADE_TERMS):
            cut = tok.start + len(verb)
            out += [Token(tok.start, cut, verb, "v"), Token(cut, tok.end, tok.text[len(verb):], "n")]
            continue
        if tok.tag in ("n", "nz") and tok.text.endswith(("合同", "协议")) and len(tok.text) >= 6:
            pieces, rest = [Token(tok.end - 2, tok.end, tok.text[-2:], "n")], tok.text[:-2]
            while kind := next((k for k in _KINDS_LONGEST if rest.endswith(k)
                                and len(rest) - len(k) >= 2), ""):
                rest = rest[: -len(kind)]
                pieces.insert(0, Token(tok.start + len(rest), tok.start + len(rest) + len(kind), kind, "vn"))
            if len(pieces) > 1:
                out += [Token(tok.start, tok.start + len(rest), rest, "n"), *pieces]
                continue
        out.append(tok)
    return out


def _before_source(text: str, toks: list[Token], i: int) -> tuple[int, int] | None:
    """The item before 从/由 and its source, in the clause of the verb ``toks[i]`` (…伺服电机则主要从…采购)."""
    j = i - 1
    while j >= 0 and toks[j].tag != "w" and toks[j].text not in ("从", "由"):
        j -= 1
    if j < 1 or toks[j].tag == "w":
        return None
    j -= 1
    while j >= 0 and toks[j].tag in _ADVERBS:
        j -= 1
    return _noun_phrase(text, toks, j, -1) if j >= 0 else None


# A technology licensed or transferred, named before its kind of right (将两项高速电主轴专利以普通许可方式许可给,
# 将碳化硅陶瓷膜制备技术转让给, 将其激光熔覆工艺技术…许可给): the item without its kind (corpus/extra marks 9 of 9 so).
_LICENSED = re.compile(r"(?:将|把|的|项|其)(?P<item>[\u4e00-\u9fffA-Za-z0-9\-]{2,16}?)"
                       r"(?:专利技术|工艺技术|制备技术|生产技术|专利|技术)[^，。；、：]{0,14}?(?:许可|转让|授权|转移)给")
_LICENSED_LEAD = re.compile(r".*(?:将|把|的|项|其)")  # the last of these opens the item (团队的6项太赫兹成像)
_NOT_LICENSED = ("同一", "相关", "上述", "这项", "此项", "该项", "有关", "核心", "关键", "多项", "全部", "部分")


def licensed(text: str) -> list[tuple[int, int]]:
    """(start, end) of the technologies licensed or transferred in ``text``."""
    out = []
    for m in _LICENSED.finditer(text):
        start, item = m.start("item"), m.group("item")
        lead = _LICENSED_LEAD.match(item)
        if lead:
            start, item = start + lead.end(), item[lead.end():]
        if len(item) >= 3 and not item.startswith(_NOT_LICENSED) and not item[0].isdigit():
            out.append((start, start + len(item)))
    return out


# A firm's line of business: the products after 主要生产/主要从事/主要产品为/专注于 (docs/annotation.md, Technology [s26]:
# "主要生产[航空仪表用精密轴承]", "主要从事[机载显示器]研制"; corpus/train and corpus/extra mark 19 of 21 such lines).
_LINE_OF_BUSINESS = re.compile(r"(?:主要(?:生产|从事|研制|研发|制造)|(?:主要|公司|其)产品(?:主要)?(?:为|是|包括|涵盖|有)|专注于|"
                               r"主营(?:产品)?(?:为|包括)?)")  # and a firm's products listed (该公司产品涵盖伺服电机、…)


_CLAUSE_END = re.compile("[，。；;,]")


def business_lines(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of the products a firm makes, as its line of business names them (主要生产户用储能电池)."""
    out = []
    by_start = {t.start: k for k, t in enumerate(toks)}
    for m in _LINE_OF_BUSINESS.finditer(text):
        j = by_start.get(m.end())
        words = toks
        if j is None:  # the segmenter glued the verb to the item (主要从/事雷达 …): the item's part of that word
            k = next((k for k, t in enumerate(toks) if t.start < m.end() < t.end), None)
            if k is None:
                continue
            t = toks[k]
            words, j = [*toks[:k], Token(m.end(), t.end, text[m.end() : t.end], t.tag), *toks[k + 1 :]], k
        found = _noun_phrase(text, words, j, 1)
        if found is None or found[0] != m.end() or text.startswith("用", found[1]):
            continue  # not the words right after the verb (主要研制单位), nor what an item is for (航空仪表用精密轴承)
        clause = _CLAUSE_END.split(text[found[1] : found[1] + 30], maxsplit=1)[0]
        if "业务" not in clause and "服务" not in clause:  # a business is no item (海上能源工程服务, 海洋工程与…业务)
            out.append(found)
    return out


# A named project's item without its action word (docs/annotation.md, Technology [s26]: “[北斗三号军用终端]产业化”项目,
# “[高档数控系统]可靠性提升”项目): quoted, the item, an action on it, then 项目 (and a kind of project before it:
# 采购项目, 科技项目). A project named by its item alone is that item where its name has five characters or more
# (“[钛合金薄壁铸件]”项目, “[大型齿轮箱故障诊断]”项目, “[高精度MEMS陀螺仪]”项目: corpus/train and corpus/extra mark 13 of
# 13 so), not a slogan of four (“揭榜挂帅”, “民参军”, “智改数转”: a policy, a Program where named as one) nor a programme
# or plan (…计划, …工程, …行动).
_PROJECT = re.compile(r"“(?:进口)?(?P<item>[\u4e00-\u9fffA-Za-z0-9\-]{3,20}?)(?:(?:精密)?(?:锻造|铸造|制造|加工|装配|生产|研制))?"
                      r"(?P<action>产业化|工程化|国产化|研制|研发|开发|攻关|研究|规模化生产|批量生产|生产线建设|能力建设|可靠性提升|"
                      r"性能提升|能力提升|关键技术研究|关键技术|(?:智能)?(?:生产线|产线)|替代)?”"
                      r"(?:[\u4e00-\u9fff]{0,4})项目")
_NOT_PROJECT_ITEM = ("计划", "工程", "行动", "专项", "活动", "战略", "模式", "机制", "体系")


def projects(text: str) -> list[tuple[int, int]]:
    """(start, end) of the items of the quoted projects in ``text`` (“非制冷红外机芯产业化”项目 -> 非制冷红外机芯,
    “钛合金薄壁铸件”项目 -> 钛合金薄壁铸件)."""
    out = []
    for m in _PROJECT.finditer(text):
        item = m.group("item")
        if m.group("action") is None and (len(item) < 5 or item.endswith(_NOT_PROJECT_ITEM)):
            continue
        if (m.group("action") is None or not item.endswith(_GENERIC_ITEMS)) and tr.head_type(item) is None:
            out.append((m.start("item"), m.end("item")))
    return out


# A count of machines, craft or vehicles (8台, 首批2架, 两艘, 4套): what follows it is an engineered item, whatever the
# verb (首批8台隧道掘进机运抵沙特, 双方签署了两台万吨级锻造压机的供货合同, 满载40台数控车床的班列).
_MACHINES = re.compile(rf"{COUNT.pattern}(?<=[台套架艘列辆])")
_IN_MACHINE = frozenset({"n", "nz", "nw", "vn", "v", "a", "b", "eng", "s"})
_COPULAS = frozenset({"是", "为", "像", "有", "在", "用", "被", "将", "成", "称"})


def counted_machines(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of the items after a count of machines (``_MACHINES``): the words up to a function word, a name or a
    punctuation mark, ending in a noun; a describing word first stays out, as do generic items (5台设备) and words of
    two characters (3架飞机: a kind, not a named item)."""
    out = []
    for i, tok in enumerate(toks):
        if tok.tag != "m" or not _MACHINES.fullmatch(tok.text):
            continue
        j, measure = i + 1, None
        if j < len(toks) and toks[j].tag == "m" and re.fullmatch(r"[\d.]*万?[吨米]级?", toks[j].text):
            measure, j = toks[j], j + 1  # 两台万吨级锻造压机: a technical measure opens the item
        words: list[Token] = []
        while j < len(toks) and toks[j].tag in _IN_MACHINE and len(words) < 6:
            words.append(toks[j])
            j += 1
        while words and words[-1].tag not in _NP_END_TAGS:
            words.pop()
        while measure is None and words and words[0].text in _DESCRIBING:
            words.pop(0)
        if not words or words[0].tag == "v" or words[0].text[0] in "台套架艘列辆" or any(
                w.text in _COPULAS for w in words):
            continue  # 一列满载小家电的班列, 首台出口型盾构机, 一台台, 外形像安检门: the count is of something else
        begin = (measure or words[0]).start
        item = text[begin : words[-1].end]
        if (len(item) >= 3 and "\u4e00" <= item[-1] <= "\u9fff" and tr.head_type(item) is None and not _generic(item)
                and not item.endswith(("式", *_NOT_PROJECT_ITEM))):
            out.append((begin, words[-1].end))
    return out


# An item before its production line or its mass production, where money goes to it (本轮资金将用于协作机器人的量产,
# 支持其耐烧蚀复合材料扩产, 用于建设锂电池隔膜生产基地), and an item sold abroad after its maker (公司的电液伺服阀已批量
# 供应德国, 工厂生产的储能电池模组已销往德国): the words between the verb or 的 and that line or sale.
# (the words searched, then the words that may stand before them, read backwards: a literal search is the fast one)
_PRODUCED = re.compile("量产|扩产|产线|生产基地")
_PRODUCED_LEAD = re.compile("的?(?:自动化|智能)?生?$")
_FUNDED = re.compile(r"(?:用于|支持其?|建设|投建|新建)$")
_MAKERS = re.compile("的$")
_SOLD = re.compile("销往|远销|出口到|出口至|供应(?![链商])")
_SOLD_LEAD = re.compile("(?:已经|已|还|均|也|先后)?(?:批量|陆续)?$")
_ABROAD = ("国外", "海外", "境外")


def produced_or_sold(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of the items funded for production or sold abroad by their maker (see ``_PRODUCED``); a sale
    names where to (a place, 海外) right after its verb (保障市场的天然气供应 sells nothing abroad)."""
    found_at = [(m.start() - len(lead.group()), opener, -1 if opener is _FUNDED else m.end())
                for pattern, before, opener in ((_PRODUCED, _PRODUCED_LEAD, _FUNDED), (_SOLD, _SOLD_LEAD, _MAKERS))
                for m in pattern.finditer(text) if (lead := before.search(text, max(0, m.start() - 6), m.start()))]
    if not found_at:
        return []
    by_end = {t.end: k for k, t in enumerate(toks)}
    places = {t.start for t in toks if t.tag in ("LOC", "ns")}
    out = []
    for at, opener, to in found_at:
        if to >= 0 and to not in places and not text.startswith(_ABROAD, to):
            continue
        k = by_end.get(at)
        found = _noun_phrase(text, toks, k, -1) if k is not None else None
        if found and found[1] == at and opener.search(text, max(0, found[0] - 4), found[0]):
            out.append(found)
    return out


# Nouns of making an item (…的研制, …的研发工作, …的生产): the item before 的 is what is developed or made
# (docs/annotation.md, Technology: the subject of research; "the [hypersonic glide vehicle] research project")
_DEVELOPED = frozenset({"研制", "研发", "开发", "生产", "制造"})
_BEFORE_SENT = frozenset({"被", "已被", "已", "已经", "均", "也", "还", "曾", "将", "陆续", "批量", "全部", "非法"})
# Verbs that send an item to a place (装载机出口俄罗斯, 盾构机运往新加坡): the item stands before them.
_TO_PLACE = frozenset({"出口", "销往", "运往", "发往", "远销", "运抵"})


# The fields or items two parties work on together or a body researches (docs/annotation.md, Technology: "named
# technology fields or items ... when they are the subject of a transfer, export, agreement or research"): the list
# between 在/围绕/聚焦 and 领域/方向 before a word of cooperation or research (双方在卫星通信和遥感领域开展合作), and the
# list between 从事 and its research or production (从事雷达、卫星通信和5G天线技术的研发).
# No second 在 inside the list (双方同意在现有基础上在航空发动机领域深化合作: the last 在 opens it; the zh-extract
# review of session 29, #5), 在线 aside.
_FIELD_FRAME = re.compile(r"(?:在|围绕|聚焦于?|面向)(?P<list>(?!在(?!线))[^，。；：、“”（）《》\n]"
                          r"(?:(?!在(?!线))[^，。；：“”（）《》\n]){1,47}?)等?"
                          r"(?:多个|相关|前沿|关键|重点)?(?:领域|方向)(?:的|上|内|中)?[^，。；\n]{0,8}?"
                          r"(?:合作|研究|研发|研制|攻关|开发|交流)")
_WORK_FRAME = re.compile(r"从事(?P<list>[^，。；：“”（）《》\n]{2,48}?)等?(?:产品|领域)?的?(?:研发|研制|研究|开发|设计|生产|制造)")
_MEMBER_SPLIT = re.compile("以及|[、和及与]")
# The word parts of a technical field or item, so that 农业、教育、文化旅游、物流 stay out of such a list
_TECHNICAL = re.compile("电子|电力|电池|电磁|电机|电网|电气|光电|光学|光纤|光通信|光刻|激光|声学|声呐|微波|毫米波|太赫兹|通信|"
                        "导航|遥感|雷达|芯片|半导体|集成电路|智能|计算|数据|网络|信息|量子|材料|制造|航空|航天|卫星|火箭|"
                        "导弹|机器人|无人|动力|发动机|核|生物|器件|传感|装备|软件|算法|自动|控制|精密|微|机械|船舶|舰|"
                        "测控|仿真|纳米|合金|复合|器|仪|5G|6G")


def fields_of_work(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of the members of the lists in the frames ``_FIELD_FRAME`` and ``_WORK_FRAME`` in ``text``: each
    word-aligned (``toks``), two to twelve characters of nouns, technical (``_TECHNICAL``), no body's head or generic
    word; a list with a member that is none of these gives nothing (在扶贫、卫生、农业等领域)."""
    found = [m for rx in (_FIELD_FRAME, _WORK_FRAME) for m in rx.finditer(text)]
    if not found:
        return []
    by_start = {t.start: t for t in toks}
    ends = {t.end for t in toks}
    out: list[tuple[int, int]] = []
    for m in found:
        members: list[tuple[int, int]] = []
        pos = m.start("list")
        for part in _MEMBER_SPLIT.split(m.group("list")):
            start, end = pos, pos + len(part)
            pos = end + (2 if text.startswith("以及", end) else 1)
            while (t := by_start.get(start)) is not None and t.text in _DESCRIBING and t.end < end:
                start = t.end  # 新型发动机
            item = text[start:end]
            words: list[Token] = []
            k = start
            while k < end and (t := by_start.get(k)) is not None and t.tag in _MEMBER_TAGS | {"v", "a"}:
                words.append(t)
                k = t.end
            if (k != end or end not in ends or not 2 <= end - start <= 12 or not words
                    or words[-1].tag not in _NP_END_TAGS | {"vn", "v"}
                    or not (_TECHNICAL.search(item) or item in tr.TECH_FIELD_SET)
                    or tr.head_type(item) is not None or _generic(item) or item.endswith(_LIST_KINDS)):
                members = []
                break
            members.append((start, end))
        out += members
    return out


# An item moved by 将/把 before the verb that sends or sells it (被告人将一批军用级加速度计非法出口至中国, 把这些芯片运往
# 香港): the words between, without a count, a demonstrative or what stands before a 的 (docs/annotation.md, Technology:
# the object of an export); the segmenter often cuts such an item's words apart (加速度/n 计/v).
_MOVED = re.compile(r"[将把](?P<item>(?:(?![于以在为从向与和及，。；、])[\u4e00-\u9fffA-Za-z0-9\-]){2,16}?)"
                    r"(?:非法|秘密|违规|私自|擅自|分批|多次|陆续|偷偷)*"
                    r"(?:出口|运往|销往|出售给|转卖给|走私|转运至|运至|发往|交付给)(?!的|许可|管制)")
_QUANTITY = re.compile(r"一批|一些|多批|大量|若干")  # an amount without a measure word (将一批加速度计出口)
# what follows 将 as "will" (将积极推动, 将进一步扩大, 将逐步恢复, 将大幅增加)
_WILL_ADVERBS = ("进一步", "积极", "逐步", "大幅", "继续", "努力", "不断", "全面", "大力", "加快", "持续", "稳步", "尽快")
_NOT_MOVED = ("这", "那", "该", "此", "上述", "相关", "其", "所", "有关", "部分", "全部", "自己", "它们", "他们", "公司", "企业")


def moved(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of the items moved by 将/把 in ``text`` (``_MOVED``; its segmenter tokens ``toks``). 将 is mostly
    "will": after it, without a count, an item that opens with an adverb is a verb phrase (公司将积极推动出口,
    中国将进一步扩大出口规模: the zh-extract review of session 29, #3)."""
    out = []
    starts: dict[int, Token] | None = None
    for m in _MOVED.finditer(text):
        start, end = m.start("item"), m.end("item")
        start += m.group("item").rfind("的") + 1
        count = COUNT.match(text, start, end) or _QUANTITY.match(text, start, end)
        if count:
            start = count.end()
        elif text[m.start()] == "将":
            if starts is None:
                starts = {t.start: t for t in toks}
            first = starts.get(start)
            if text.startswith(_WILL_ADVERBS, start) or (first is not None and first.tag in ("d", "ad")):
                continue
        item = text[start:end]
        if (len(item) >= 3 and not item.startswith(_NOT_MOVED) and tr.head_type(item) is None and not _generic(item)
                and "\u4e00" <= item[-1] <= "\u9fff"):
            out.append((start, end))
    return out


def objects(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """(start, end) of the items traded, delivered, made or licensed in ``text`` (its segmenter tokens ``toks``)."""
    out = (licensed(text) + business_lines(text, toks) + projects(text) + counted_machines(text, toks)
           + produced_or_sold(text, toks) + fields_of_work(text, toks) + moved(text, toks))
    toks = _split(toks)
    for i, tok in enumerate(toks):
        if (tok.text in _DEVELOPED and i >= 2 and toks[i - 1].text == "的" and tok.tag in ("vn", "v", "n")
                and (found := _noun_phrase(text, toks, i - 2, -1)) and found[1] == toks[i - 2].end):
            out.append(found)  # 参与了歼-20战斗机的研制: the item whose development a party takes part in
            continue
        if (tok.text in _FROM_VERBS and tok.tag in ("v", "vn") and (i + 1 == len(toks) or toks[i + 1].tag == "w")
                and (found := _before_source(text, toks, i))):
            out.append(found)
            continue
        if tok.text in _TO_PLACE and i > 0:  # 其装载机出口俄罗斯: the item before the verb, the place after it;
            # also passive, and with 到/至 (该厂生产的坦克炮弹被出口到中东)
            k = i - 1
            while k > 0 and toks[k].text in _BEFORE_SENT:
                k -= 1
            j = i + 1 if i + 1 < len(toks) and toks[i + 1].text not in ("到", "至") else i + 2
            if (k >= 0 and j < len(toks) and toks[j].tag in ("LOC", "ns")
                    and (found := _noun_phrase(text, toks, k, -1)) and found[1] == toks[k].end):
                out.append(found)
                continue
        if (tok.text in _OBJECT_VERBS and tok.tag in ("v", "vn")) or (tok.text in _AFTER_DE and tok.tag == "v"):
            j = i + 1
            if j < len(toks) and toks[j].text == "出" and tok.text in ("研制", "研发"):
                j += 1  # 研制出新型高温超导限流器
            if j < len(toks) and (toks[j].text == "了" or (toks[j].text == "的" and tok.text in _AFTER_DE)):
                j += 1
            elif tok.text not in _OBJECT_VERBS and tok.text != "研发":
                continue  # 建造, 制造: their item only after 的 (制造的3台加氢反应器), not 制造业
            if j < len(toks) and (counted := _counted(text, toks, j)):
                out.append(counted)
                continue
            if j < len(toks) and toks[j].tag == "m" and COUNT.fullmatch(toks[j].text):
                j += 1
            if j < len(toks) and toks[j].tag == "m" and re.fullmatch(r"[\d.]*万?[吨米]级?", toks[j].text):
                found = _noun_phrase(text, toks, j + 1, 1)  # 4万吨模锻压机: a technical measure
                out += [(toks[j].start, found[1])] if found else []
                continue
            if j < len(toks) and toks[j].text.startswith(_TRADE_TERMS):
                continue
            found = _noun_phrase(text, toks, j, 1)
        elif tok.text in ("合同", "协议") and i >= 2:
            j, about = i - 1, False
            while j >= 0 and toks[j].text in _ANY_KIND:
                about = about or toks[j].text in _ITEM_KIND
                j -= 1
            if not about:
                continue  # 合作协议, 框架协议: an item stands before a kind of contract only
            if j >= 1 and toks[j].text == "的":
                j -= 1  # 签订了两艘自升式海上风电安装船的建造合同
            found = _noun_phrase(text, toks, j, -1)
            if found is not None:  # signed: 签订了(两艘)…
                count = COUNT.search(text, max(0, found[0] - 6), found[0])
                signed_at = count.start() if count and count.end() == found[0] else found[0]
                if not (text[:signed_at].endswith(tuple(_SIGNED))
                        or any(t.end == signed_at and t.text in _SIGNED for t in toks)):
                    found = None
        else:
            continue
        if found and not text.startswith("用", found[1]):  # 研制出风电齿轮箱用高精度齿轮: what it is for, not the item
            out.append(found)
    return out


def _counted(text: str, toks: list[Token], j: int) -> tuple[int, int] | None:
    """The item from token ``j`` on that a machine's count ends (侧扫声呐8台), its words of any tag but a name's or a
    function word's; a count and a describing word before it stay out (交付各类变压器40余台 -> 变压器)."""
    while j < len(toks) and (toks[j].text in _DESCRIBING or toks[j].text in ("各类", "各种", "一批", "一些")):
        j += 1
    if j >= len(toks):
        return None
    m = _ITEM_BEFORE_COUNT.match(text, toks[j].start)
    if m is None:
        return None
    last = None
    for k in range(j, len(toks)):  # the item's tokens only: a walk from j that stops at the item's end
        t = toks[k]
        if t.start >= m.end():
            break
        if t.tag in _NOT_IN_ITEM and m.start() < t.end:
            return None
        if t.end == m.end():
            last = t
    item = m.group()
    if (last is None or last.tag not in _NP_END_TAGS or item.endswith(_GENERIC_ITEMS)
            or tr.head_type(item) is not None):
        return None  # 销售数控折弯机合计860台: the item ends in a noun
    return m.start(), m.end()


# The tokens of the document last widened in, by start and by end: built once per document, not per field mention
# (a report naming 人工智能 hundreds of times). The list is held, so ``is`` tells the same document's tokens.
_EDGES: list[tuple[list[Token], int, dict[int, Token], dict[int, Token]]] = []


def _edges(toks: list[Token]) -> tuple[dict[int, Token], dict[int, Token]]:
    """``toks`` by start and by end (the last token wins, as a dict built in order keeps it)."""
    if not _EDGES or _EDGES[0][0] is not toks or _EDGES[0][1] != len(toks):
        _EDGES[:] = [(toks, len(toks), {t.start: t for t in toks}, {t.end: t for t in toks})]
    return _EDGES[0][2], _EDGES[0][3]


def widen(text: str, toks: list[Token], start: int, end: int) -> int:
    """The start of a technology field named inside a longer item (空间机器人, 激光焊接机器人, 高强度碳纤维): the item
    is the span, so the start moves left over up to two nouns or nouns of action right before it."""
    by_end = _edges(toks)[1]
    for _ in range(2):
        t = by_end.get(start)
        if (t is None or t.tag not in ("n", "nz", "vn") or t.text in _DESCRIBING or t.text in _OBJECT_VERBS
                or t.text in _CONTRACT_KINDS or t.text in tr.TECH_NOT_NAME or len(t.text) < 2
                or t.text in ("国际", "国内", "全球", "世界")):  # 国际自动驾驶…: a scope, no part of the item
            break
        start = t.start
    return start


# Nouns after a field that name no item of it: a scope, a trade, its people or bodies (网络安全产品, 集成电路产业,
# 人工智能专家, 机器人企业), and work on it.
_NOT_ITEM_HEADS = frozenset({"领域", "方向", "产品", "行业", "产业", "研究", "研发", "研制", "开发", "配套", "企业", "公司",
                             "专家", "人才", "团队", "项目", "基地", "园区", "集群", "市场", "方面", "工作", "专业", "技术",
                             "产业链", "产销量", "销量", "产量", "赛道", "板块", "概念", "业务", "人员", "工程师"})
# and what ends such a noun (产业基地, 科技专项, 生产线, 部件制造商), or an abstract one (网络安全等级保护制度)
_NOT_ITEM_ENDS = (*_NOT_ITEM_HEADS, "基地", "专项", "生产线", "产线", "商", "厂", "计划", "等级", "制度", "体系", "水平",
                  "能力", "政策", "法规", "标准", "规划", "战略")


def widen_right(text: str, toks: list[Token], start: int, end: int) -> int:
    """The end of a technology field that modifies the noun after it (碳纤维预浸料, 集成电路芯片: a compound ends in
    its head): the end moves right over up to two nouns that name no organisation, trade or scope."""
    by_start = _edges(toks)[0]
    for _ in range(2):
        t = by_start.get(end)
        if (t is None or t.tag not in ("n", "nz") or len(t.text) < 2 or t.text.endswith(_NOT_ITEM_ENDS)
                or t.text in tr.TECH_NOT_NAME or tr.head_type(t.text) is not None):
            break
        end = t.end
    return end


# Conjuncts share a kind: the members of a list (、 和 及 以及) next to a technology are technologies too (出口热像仪、
# 观瞄镜等产品; 在集成电路、微波射频等方向; 载人航天、探月探火、深海深地探测、超级计算机 …), when each is a noun phrase
# of 3-12 characters that holds no name, no organisation's head and no generic word.
_LIST_JOINERS = ("以及", "、", "和", "及")
_MEMBER_TAGS = frozenset({"n", "nz", "nw", "vn", "an", "eng", "b", "s"})  # s: 水下目标探测, 空中加油机
# what closes a list rather than a member (等领域, 方向, 产品): left out of the last member
_LIST_KINDS = ("领域", "方向", "产品", "行业", "产业",
               "研究", "研发", "研制", "开发", "配套")  # and work on the item (热障涂层研究, 航空航天配套)


def _member(text: str, words: list[Token]) -> tuple[int, int] | None:
    """The member made of ``words`` (in text order), or None when it is no item."""
    while words and (words[0].text in _DESCRIBING or words[0].text in tr.TECH_NOT_NAME):
        words = words[1:]
    while words and words[-1].text in _LIST_KINDS and len(words) > 1:
        words = words[:-1]
    if not words or words[-1].tag not in _NP_END_TAGS | {"vn"}:
        return None
    start, end = words[0].start, words[-1].end
    item = text[start:end]
    kind = next((k for k in _ITEM_KINDS if item.endswith(k)), "")
    if (not (3 <= end - start <= 12 or item in CATEGORY_ITEMS) or tr.head_type(item) is not None or item in _ITEM_KINDS
            or (item.endswith(_GENERIC_ITEMS) and not (kind and len(item) - len(kind) >= 2))):
        return None
    return start, end


def listed(text: str, toks: list[Token], items: list[tuple[int, int]], taken: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of the untaken members of the lists that hold one of ``items`` (technologies), in ``text``
    (``taken[k]``: a mention covers offset k)."""
    by_start = {t.start: k for k, t in enumerate(toks)}
    by_end = {t.end: k for k, t in enumerate(toks)}
    out: list[tuple[int, int]] = []
    for start, end in items:
        pos = end  # rightwards: 、X、Y等
        while (joiner := next((j for j in _LIST_JOINERS if text.startswith(j, pos)), "")) and (
                k := by_start.get(pos + len(joiner))) is not None:
            words: list[Token] = []
            while k < len(toks) and (toks[k].tag in _MEMBER_TAGS or (toks[k].text in _DESCRIBING and not words)) \
                    and toks[k].text not in _LIST_JOINERS:  # 和新型发动机: a describing word opens the member
                words.append(toks[k])
                k += 1
            found = _member(text, words)
            after = words[-1].end if found else 0
            if found is None and (found := _activity(text, toks, by_start[pos + len(joiner)], 1)):
                after = found[1]
            if found is None or any(taken[found[0] : found[1]]):
                break
            out.append(found)
            pos = after
        pos = start  # leftwards: X、Y、<item>
        while (joiner := next((j for j in _LIST_JOINERS if text.endswith(j, 0, pos)), "")) and (
                k := by_end.get(pos - len(joiner))) is not None:
            words = []
            while k >= 0 and toks[k].tag in _MEMBER_TAGS and toks[k].text not in _LIST_JOINERS:
                words.insert(0, toks[k])
                k -= 1
            found = _member(text, words)
            if found is None or found[1] != pos - len(joiner):
                found = _activity(text, toks, by_end[pos - len(joiner)], -1)
            if found is None or any(taken[found[0] : found[1]]) or found[1] != pos - len(joiner):
                break
            out.append(found)
            pos = found[0]
    return out


# A member the segmenter reads as a verb or an adverb (载人航天/v, 探月/n 探火/v, 深海/n 深地/d 探测/v, 大飞机/n 制造/v):
# between a list's marks a verb is named, not done, so it is a member when 、 closes it on both sides (or 等 after it).
_ACTIVITY_TAGS = frozenset({*_MEMBER_TAGS, "v", "d", "vd", "a", "ad"})
_ACTIVITY_CLOSE = ("、", "等")


def _activity(text: str, toks: list[Token], k: int, step: int) -> tuple[int, int] | None:
    """The member of the list that token ``k`` opens (step 1) or closes (step -1), read as a named activity: words of
    ``_ACTIVITY_TAGS`` up to a list mark on both sides, 3-12 characters, no organisation's head; else None."""
    j = k
    while 0 <= j < len(toks) and toks[j].tag in _ACTIVITY_TAGS and toks[j].text not in _LIST_JOINERS:
        j += step
    first, last = (k, j - 1) if step == 1 else (j + 1, k)
    while first < last and not text.endswith("、", 0, toks[first].start) and toks[first].tag in ("v", "d", "vd", "ad"):
        first += 1  # 涵盖电子信息、…: the list's opener holds the verb that governs the list
    if first > last:
        return None
    start, end = toks[first].start, toks[last].end
    if not (text.endswith("、", 0, start) or text.startswith("、", end)) or not (
            text.endswith(("、", "，", "：", "。"), 0, start) or start == 0) or not text.startswith(_ACTIVITY_CLOSE, end):
        return None
    item = text[start:end]
    if not 3 <= end - start <= 12 or tr.head_type(item) is not None or item.endswith(_LIST_KINDS):
        return None
    return start, end
