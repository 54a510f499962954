"""Chinese relation triggers, subtype keywords and the cues that cancel a relation.

One table per idea; relations.py reads them. A trigger is a regex over simplified text.
"""

from __future__ import annotations

import re

# relation type -> trigger regex. Order matters only for readability.
TRIGGERS: dict[str, re.Pattern[str]] = {
    # 拜访: in corpus/train/zh.jsonl 4 occurrences, 4 gold visit relations in their evidence (1 meeting); 参观 (the
    # host visited, docs/annotation.md 4.1): 26 occurrences, 32 gold visits in their evidence
    "visit": re.compile(r"出访|访问(?!期间|团)|考察(?!团)|到访|赴|拜访|参观"),
    # 接待 (received), 通电话 (calls count: docs/annotation.md 4.2); a 座谈会 held, chaired or attended; 与X进行了交流
    "meeting": re.compile(r"会见|接见|会晤|会谈|座谈(?!会)|会面|见面|接待|通电话|通话|(?:(?<=主持|出席|参加|举行)|(?<=行了))座谈会|"
                          r"(?:(?<=进行|举行)|(?<=行了))交流"),
    # 续签 (renewed: it happened; docs/annotation.md 4.3): 13 gold agreements in the evidence of its 21 occurrences in
    # corpus/train + corpus/extra zh.jsonl; 达成…协议/合作 3 of 12; 合作创办/共建 2 of 4
    "agreement": re.compile(r"签署|签订|签约|续签|缔结|结为|达成(?=[^，。；]{0,8}(?:协议|合作))|合作(?:创办|共建)|建立(?=[^，。]{0,8}(?:友好城市|友城|合作关系))|"
                           r"共建(?!的?[^，。]{0,8}(?:高校|大学)|“?一带一路)|共同(?:组建|设立|成立|出资设立|发起设立|创办)|联合(?:成立|组建|设立)|"
                           # A与B合资建设/合资建厂, A与B成立合资公司 (a joint venture set up): in corpus/train + corpus/extra
                           # zh.jsonl 9 of 21 such lie in agreement evidence; 10 of the other 12 are talks or plans (MODALITY)
                           r"合资(?:组建|成立|设立|创办|建设|建厂|兴建|新建)|(?:成立|组建|设立)了?(?:一家)?合资(?:公司|企业)"),
    # 在X的推动/协调/支持…下: 31 of the 35 such frames in corpus/train/zh.jsonl lie in facilitation evidence
    # 经X介绍/推荐，A…: ``facilitation.helped`` keeps 介绍/推荐 only after 经X
    # 在X(的)推动/协调…下 (``facilitation.helped`` wants 的 or 在 before it); 推动/协调A与B签署… (docs/annotation.md 4.4:
    # 推动…签约); X的成功得益于Y的积极推动: Y helped. Official Chinese for brokering, not words of one document
    "facilitation": re.compile(r"帮助|促成|协助|牵线|撮合|引荐|搭桥|穿针引线|斡旋|(?:介绍|推荐)(?=[，,])|"
                               r"(?:大力|积极)?(?:推动|协调|支持|推荐|介绍|帮扶|推介)(?=下)|"
                               r"(?:推动|协调)(?=[^，。；]{2,40}?(?:与|和|同)[^，。；]{2,40}?"
                               r"(?:签署|签订|签约|达成|共建|合资|建立|合作))|"
                               r"得益于(?=[^，。；]{2,40}?(?:推动|协调|帮助|协助|支持|牵线|撮合|促成|推荐|引荐))|"
                               # X将Y介绍给Z / X介绍Y与Z相识: X helped Z (to a contact; case reports, 4.4)
                               r"(?:介绍|推荐)给|介绍(?=[^，。；]{1,20}?(?:与|和|同)[^，。；]{1,12}?(?:相识|认识|结识|见面))"),
    "participation": re.compile(r"参展|参加|出席|参与(?!了?军民融合)|参会"),
    "organizer": re.compile(r"主办|组织(?=的|了)|承办|举办"),
    "invitation": re.compile(r"邀请"),
    "position": re.compile(r"担任|兼任|出任|任职于|(?<![责担兼出])任(?=[\u4e00-\u9fff]{2,}(?:书记|市长|主任|董事长|总经理|院长|校长|所长|主席|部长|常委|局长|委员))"),
    # 实际控制人/控股股东: 19 gold ownerships of corpus/train/zh.jsonl in their 24 evidences; 所属 13 of 20, 下辖 2 of 2
    # 母公司 (the parent: docs/annotation.md 4.7; none in the corpus yet)
    "ownership": re.compile(r"母公司|实际控制人|控股股东|控股(?!股东)|持股|收购|全资子公司|子公司|旗下|隶属于|下属|所属|下辖|入股|参股|"
                           r"持有(?=[^，。；]{0,25}(?:股权|股份|%|％))"),
    # A从B引进/进口/采购…: B exported to A (docs/annotation.md 4.11; ``parties.imported``); 向B交付: 25 gold exports
    # of corpus/train/zh.jsonl lie in the evidence of its 33 occurrences, 发往 and 出售 4 of 6
    "export": re.compile(r"出口|出售|销往|发往|交付(?!使用)|引进|进口|采购|购买|购进|订购"),
    "recruitment": re.compile(r"招募|引进(?=[^，。]{0,12}(?:人才|专家|学者|教授|博士|研究员))|延揽|招聘|聘请|聘任"),
    # 向B(追加)投资3亿元: 4 of 4 such in corpus/train/zh.jsonl lie in funding evidence (``giving.given``
    # requires the 向B)
    "funding": re.compile(r"资助|出资(?!人)|赞助|拨款|拨付|捐赠|捐资|增资|注资|(?:追加)?投资(?=[\d.,]+\s*[万亿])|"
                         r"(?:获得?|收到)(?=[^，。；]{0,30}(?:资助|投资|奖励|补助|补贴|资金|经费|拨款))|认购|"
                         # A向B支付报酬/佣金/咨询费 (docs/annotation.md 4.13: paid money to; not 货款 or a licence fee:
                         # a contract's); ``giving.given`` wants the 向B
                         r"支付(?=[^，。；]{0,12}?(?:报酬|佣金|酬金|咨询费|劳务费|好处费|活动经费|资金|经费))|"
                         # 为B提供5000万元补贴, 给予B奖励: 40 of its 57 occurrences in corpus/train lie in funding evidence
                         r"(?:提供|给予|安排|下达|投入)(?=[^，。；]{0,15}?(?:资金|经费|补贴|补助|奖励|资助|贷款|授信|信贷|"
                         r"拨款|投资|\d[\d.,]*\s*[万亿]元))|"
                         # 学校为其配套科研经费600万元: 2 of 2 in corpus/train lie in funding evidence
                         r"配套(?=[^，。；]{0,10}(?:经费|资金))"),
    # X为<military unit>提供/配套/研制…: 32 gold mcf_links of corpus/train/zh.jsonl in the 34 such evidences
    "mcf_link": re.compile(r"军民融合|提供|配套|研制|生产|保障"),
}

# Agreement subtypes, checked in this order in the clause of the trigger.
SUBTYPES: list[tuple[str, re.Pattern[str]]] = [
    ("joint_lab", re.compile(r"联合实验室|联合研发中心|联合研究中心")),
    ("investment", re.compile(r"投资")),
    ("friendship_city", re.compile(r"友好城市|友城|友好交流城市")),
    ("mou", re.compile(r"备忘录|意向书")),
    ("contract", re.compile(r"合同|订单|采购")),
    ("cooperation", re.compile(r"合作")),
]

# Cues before a trigger (in its clause, outside names) that mean the relation did not happen (yet).
# 将 before a coverb (将与B签署, 将向B转让, 将在X设立) is "will": docs/annotation.md 5 (plans: 将, 拟, 计划, 准备);
# before a noun it marks the object (将同事甘某介绍给, 将在华利润再投资于), not a plan
MODALITY = re.compile(
    r"计划|拟|将要|将于|将会|将(?:向|与|跟|给|为|和|在(?!华)|对(?!方)|同(?!事))|准备|打算|有意|有望|预计|希望|寻求|争取|"
    r"尚未|并未|未能|未|没有|没|拒绝|否认|"
    r"洽谈(?!会)|商谈|磋商|谈判(?!会)|讨论(?!会)|考虑|可能|或将|调查|如果|若|是否|(?<![仅断少同])不(?![断仅少同])"
)
# The sentence-wide gate of the funding and adviser frames (relations.py): the cues of a whole sentence that was
# not told as a fact. Without the forecasts (有望, 预计) and 将+coverb of MODALITY, which belong to their own clause:
# "其中甲公司出资6000万元、乙公司出资4000万元，预计年产值10亿元" still tells both fundings
SENTENCE_MODALITY = re.compile(
    r"计划|拟|将要|将于|将会|准备|打算|有意|希望|寻求|争取|尚未|并未|未能|未|没有|没|拒绝|否认|"
    r"洽谈(?!会)|商谈|磋商|谈判(?!会)|讨论(?!会)|考虑|可能|或将|调查|如果|若|是否|(?<![仅断少同])不(?![断仅少同])"
)
# 就<trigger>…进行了(初步)洽谈/磋商: talks about the act, after it in its clause (``relations._blocked`` wants 就 before it)
TALKS_AFTER = re.compile(r"[^，。；]{0,20}?(?:进行|开展|展开)了?(?:初步|深入|多轮|广泛)?(?:的)?(?:洽谈|磋商|商谈|谈判|讨论|探讨|沟通|交流)")
WILL = re.compile(r"将$")  # 将 right before a trigger is "will"; elsewhere it may be the object marker
# 将(要/会) right before any trigger, wherever it stands (the model's text between two parties): in corpus/train/zh.jsonl
# 3 occurrences, none in the evidence of a gold relation
WILL_DO = re.compile(r"将(?:要|会)?(?=" + "|".join(f"(?:{rx.pattern})" for rx in TRIGGERS.values()) + ")")
# a cue right before a trigger (A正在与B洽谈签署…, B拟收购): read after the second party, where Chinese puts the verb
MODAL_DO = re.compile(r"(?:正在|正|已)?(?:" + MODALITY.pattern + r")(?=" + "|".join(f"(?:{rx.pattern})" for rx in TRIGGERS.values()) + ")")

CONNECTORS = re.compile(r"^\s*(?:和|、|及|以及|与|同|，以及)\s*$")
PARTNER = re.compile(r"(?:与|同|和|跟)\s*$")
BY = re.compile(r"由\s*$")

# Anaphors: regex -> which antecedent they take.
ANAPHORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"该(?:公司|集团|企业)"), "Company"),
    (re.compile(r"该(?:代表团|团)|代表团(?!成员)|访问团|考察团"), "delegation"),
    (re.compile(r"该(?:校|大学|学院)"), "head:大学|学院|学校"),
    (re.compile(r"该(?:研究所|所)"), "head:所"),
    (re.compile(r"该(?:研究院|院)"), "head:院"),
    # a public body, a works, an alliance, a commission by its head (该局 / 我局 / 本局 of X投资促进局, 经联盟牵线 of
    # X产业联盟, 在管委会的牵线下, 经工作站牵线; a bare head only at a clause edge or after a function word, never
    # inside a longer name): the last named body whose name ends so (docs/annotation.md 1.4: a relation told through an anaphor)
    (re.compile(r"(?:该|(?<!自)我|本)(?:局|厅)(?![面限势部长])"), "head:局|厅"),  # not 该局面, 该局限性, 自我局限
    (re.compile(r"该厂(?![商家])"), "head:厂"),  # not 该厂商, 该厂家
    *((re.compile(rf"[该本]{w}|(?:(?<=^)|(?<=[\s，。；：、“”（）,;:与和同及由向为对被从经并在])){w}"), f"head:{heads}")
      for w, heads in (("联盟", "联盟"), ("管委会", "管委会|管理委员会"), ("工作站", "工作站"))),
    (re.compile(r"[该本](?:委员会|委(?![托屈婉员]))"), "head:委员会|委"),  # not 该委托合同, 本委托书
    (re.compile(r"该市|该省|该郡"), "Place"),
    (re.compile(r"(?<![尤极与])其(?!中|他|它|实|余|次)|它(?!们)"), "topic"),
    (re.compile(r"他(?!们|人|国)|她(?!们)"), "Person"),
]

ROLE = re.compile(r"(?:(?:党组|党委)?副?书记|副?市长|副?省长|副?区长|副?县长|副?主任|副?董事长|副?总经理|副?总裁|"
                  r"首席执行官|总工程师|总设计师|副?院长|副?校长|副?所长|副?主席|副?部长|常委|副?理事长|副?会长|"
                  r"秘书长|副?局长|委员|司令员|政委|首席科学家|研究员|教授)")
AGENTIVE = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Person"}
