"""Where a Chinese name starts (zh/boundaries.py): not before a verb, a preposition or a first party joined to it;
names whose own words hold 与/和 stay whole. Sentences from corpus/train (their gold marks each name below)."""

from __future__ import annotations

from mcfwatch.extract.zh import ChineseExtractor


def _names(ex: ChineseExtractor, text: str) -> set[str]:
    return {m.surface for m in ex.mentions([text])[0]}


def test_a_first_party_joined_by_yu_is_a_name_of_its_own(zh_extractor: ChineseExtractor) -> None:
    # zh-w-0062 and zh-w-0247: two parties signing; the gold marks each.
    found = _names(zh_extractor, "7月20日，绵阳高新区管委会与电子科技大学签约共建“电子科技大学绵阳研究院”。")
    assert {"绵阳高新区管委会", "电子科技大学"} <= found
    assert not any("与" in n for n in found)
    found = _names(zh_extractor, "论坛期间，鸣沙市人民政府与撒马尔罕市政府签署了建立友好城市关系协议。")
    assert {"鸣沙市人民政府", "撒马尔罕市政府"} <= found


def test_a_name_does_not_start_before_a_verb_or_preposition(zh_extractor: ChineseExtractor) -> None:
    # zh-w-0081: 会同 joins two offices; zh-w-0171: the acquired firm after 收购.
    found = _names(zh_extractor, "经企业申报、区县推荐、专家评审和网上公示，市工业和信息化局会同市国防动员办公室认定以下8家企业。")
    assert {"市工业和信息化局", "市国防动员办公室"} <= found
    found = _names(zh_extractor, "华峰精工集团股份有限公司3月27日晚间公告，公司以1.1亿瑞士法郎收购恩加丁精密仪器公司100%股权的交易已完成交割。")
    assert "恩加丁精密仪器公司" in found
    assert not any(n.startswith(("法郎", "收购")) for n in found)


def test_names_that_hold_he_or_yu_stay_whole(zh_extractor: ChineseExtractor) -> None:
    # zh-w-0136, zh-w-0097 and the guide's 国际合作与交流处 (a university's office): one name each.
    found = _names(zh_extractor, "江北省发展和改革委员会、江北省国防科学技术工业办公室关于下达专项资金计划的通知")
    assert "江北省发展和改革委员会" in found
    found = _names(zh_extractor, "公司已取得武器装备科研生产许可证，是国家高新技术企业和工业和信息化部认定的专精特新“小巨人”企业。")
    assert "工业和信息化部" in found
    assert "2017无人系统与智能控制国际学术会议" in _names(
        zh_extractor, "6月16日至18日，2017无人系统与智能控制国际学术会议在西岭大学召开。")


def test_a_person_does_not_start_with_the_title_before_it(zh_extractor: ChineseExtractor) -> None:
    # zh-w-0003: 董事长孙海鹰, proposed as 长孙海鹰 (长孙 is a surname too).
    found = {(m.surface, m.type) for m in zh_extractor.mentions(["公司董事长孙海鹰表示，本次收购将助力公司红外业务发展。"])[0]}
    assert ("孙海鹰", "Person") in found


def test_a_bodys_party_committee_is_the_body(zh_extractor: ChineseExtractor) -> None:
    # zh-w-0070 and zh-w-0159: the gold marks the association and the commission, never "X党组" / "X党委".
    found = {(m.surface, m.type) for m in zh_extractor.mentions(["湖南省科学技术协会党组书记陈刚会见了专家一行。"])[0]}
    assert ("湖南省科学技术协会", "Organization") in found
    found = {(m.surface, m.type) for m in zh_extractor.mentions(["湖北省国资委党委书记、主任邱东明出席签约仪式。"])[0]}
    assert ("湖北省国资委", "PublicBody") in found


def test_common_words_ending_in_a_head_character_are_no_names(zh_extractor: ChineseExtractor) -> None:
    # zh-p-rep-008-c, zh-p-rep-004-b, zh-w-0193: 布局, 开局 and 工厂 end in 局 and 厂 but name nothing.
    text = ("统筹推进总体布局，实现良好开局。公司在匈牙利建设的电池工厂投产。海关总署发布公告。"
            "双方将围绕航天科工产业布局开展合作，共建国家重点实验室。")
    found = {(m.surface, m.type) for m in zh_extractor.mentions([text])[0]}
    assert not any(s.endswith(("布局", "开局", "工厂")) or s == "国家重点实验室" for s, _ in found)
    assert ("海关总署", "PublicBody") in found


def test_a_trade_promotion_council_is_an_organization(zh_extractor: ChineseExtractor) -> None:
    # docs/annotation.md: chambers are Organization (corpus/train: 中国贸促会, 中国国际贸易促进委员会 in zh-w-0260).
    text = "中国国际贸易促进委员会和江苏省贸促会共同主办了对接会。"
    found = {(m.surface, m.type) for m in zh_extractor.mentions([text])[0]}
    assert {("中国国际贸易促进委员会", "Organization"), ("江苏省贸促会", "Organization")} <= found


def test_a_preposition_the_segmenter_glues_to_a_name(zh_extractor: ChineseExtractor) -> None:
    # zh-w-0077: LAC reads 经省国资委 as one organisation.
    found = _names(zh_extractor, "日前，经省国资委批准，陕西秦岭装备集团有限公司完成对西安天衡电子科技股份有限公司的收购。")
    assert "省国资委" in found and "经省国资委" not in found


def test_a_firms_short_name_is_no_person(zh_extractor: ChineseExtractor) -> None:
    # zh-w-0084: 证券简称：凌云光电 (the gold: a mention of the company).
    found = {(m.surface, m.type) for m in zh_extractor.mentions(["证券代码：688XXX　证券简称：凌云光电　公告编号：2022-031"])[0]}
    assert ("凌云光电", "Person") not in found


def test_only_a_delegation_named_for_a_place_or_body_is_a_name(zh_extractor: ChineseExtractor) -> None:
    # docs/annotation.md Organization: ✔ 石家庄市经贸代表团, ✘ 代表团 alone; corpus/train marks 6 delegations, each
    # named for a place or body, and none of 经贸代表团 / 企业代表团 / 企业家代表团 (zh-w-0031, zh-w-0048, zh-w-0076).
    found = _names(zh_extractor, "应邀，廊坊市经贸代表团访问法国。另一个企业家代表团同期抵达。")
    assert "廊坊市经贸代表团" in found
    assert not any(n.endswith("代表团") and n != "廊坊市经贸代表团" for n in found)


def test_a_person_does_not_take_in_the_word_after(zh_extractor: ChineseExtractor) -> None:
    # zh-w-0179: 首席科学家李娜曾在新加坡… (the gold: 李娜).
    found = {(m.surface, m.type) for m in zh_extractor.mentions(["首席科学家李娜曾在新加坡科技研究局工作多年。"])[0]}
    assert ("李娜", "Person") in found and ("李娜曾", "Person") not in found


def test_firms_described_by_their_role_are_no_names(zh_extractor: ChineseExtractor) -> None:
    # zh-w-0084, zh-w-0097: 公司全资子公司, 合资公司, 注册资本 (the gold marks none); named firms stay.
    text = ("公司全资子公司凌云光电（德国）有限公司以自有资金收购标的公司100%股权，双方成立合资公司，注册资本1亿元。"
            "西门子公司与沙特阿拉伯先进电子公司出席。")
    found = _names(zh_extractor, text)
    assert not found & {"公司全资子公司", "标的公司", "合资公司", "注册资本", "公司"}
    assert {"西门子公司", "沙特阿拉伯先进电子公司"} <= found


def test_a_name_ends_before_a_verb_preposition_or_adverb_inside_it(zh_extractor: ChineseExtractor) -> None:
    # corpus/extra/zh.jsonl, whose gold marks the names kept: zh-x-0037 (为 inside one segmenter token), zh-x-0066
    # (借助), zh-x-0048 (关于), zh-x-0021 and zh-x-0041 (an adverb at the end), zh-x-0067 (a person, not a school)
    got = _names(zh_extractor, "成都市科学技术局为联合研究院提供了首期建设经费500万元。")
    assert "成都市科学技术局" in got and not any("为" in n for n in got)
    assert "星海电缆" in _names(zh_extractor, "半年来，星海电缆借助集团平台加快拓展海外市场。")
    got = _names(zh_extractor, "一、会议听取了临江通航关于临江飞龙航空科技有限公司无人机总装项目的汇报。")
    assert "临江飞龙航空科技有限公司" in got and not any("关于" in n for n in got)
    assert "海鸿重工" in _names(zh_extractor, "目前，海鸿重工正与智利一家机构商谈同型船订单。")
    assert "海蓝船舶" in _names(zh_extractor, "海蓝船舶也曾邀请迈尔加盟，但他表示暂无来华计划。")
    got = _names(zh_extractor, "安德森此前已多次应孙建国邀请来学院讲学。")
    assert not any("邀请" in n for n in got)
