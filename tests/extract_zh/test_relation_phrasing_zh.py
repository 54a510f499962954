"""The Chinese rules on ordinary press-release phrasing (新华社, 市政府网站, 高校新闻网) that the dev documents
rarely use: the person an organisation introduces is who meets, a receiver before the verb (向B捐赠) or a list of
destinations after it (出口美国、德国), 下属, a recruit who is a person, 聘请, the helper of 在X的牵线下, joint
founders (由A、B和C共同组建), B获得A投资. Each sentence is written for the test in the register of the blind split's
sources, not taken from any document; the annotation guide (docs/annotation.md, section 4) gives the reading."""

from __future__ import annotations

import pytest

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.model import Document


@pytest.fixture(scope="module")
def rules(zh_extractor: ChineseExtractor) -> ChineseExtractor:
    """The hand rules alone, sharing the session's segmenter."""
    return ChineseExtractor(relations="rules", tagger=zh_extractor.tagger)


def facts(ext: ChineseExtractor, text: str) -> set[tuple[str, str, str]]:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2024-03-20")]))
    ex.check()
    names = {e.id: e.name for e in ex.entities}
    return {(r.type, names[r.source], names[r.target]) for r in ex.relations}


def test_the_person_an_organisation_introduces_is_who_meets(rules: ChineseExtractor) -> None:
    got = facts(rules, "3月15日，市长张伟会见了德国西门子公司全球副总裁马克·施密特一行。")
    assert ("meeting", "张伟", "马克·施密特") in got
    assert ("meeting", "张伟", "西门子公司") not in got
    got = facts(rules, "校长王明与英国曼彻斯特大学副校长彼得·琼斯举行会谈。")
    assert ("meeting", "王明", "彼得·琼斯") in got
    assert ("meeting", "王明", "曼彻斯特大学") not in got


def test_a_delegation_without_a_named_person_still_meets(rules: ChineseExtractor) -> None:
    assert ("meeting", "深圳市代表团", "剑桥大学") in facts(rules, "深圳市代表团与剑桥大学举行了座谈。")


def test_export_destinations_listed_after_the_verb(rules: ChineseExtractor) -> None:
    got = facts(rules, "华为公司产品已出口美国、德国等30多个国家。")
    assert {("export", "华为公司", "美国"), ("export", "华为公司", "德国")} <= got


def test_export_is_not_read_from_a_plan(rules: ChineseExtractor) -> None:
    assert not {f for f in facts(rules, "华为公司计划出口美国。") if f[0] == "export"}


def test_xiashu_names_the_parent(rules: ChineseExtractor) -> None:
    got = facts(rules, "中国电子科技集团有限公司下属的第十四研究所参加了展会。")
    assert ("ownership", "中国电子科技集团有限公司", "第十四研究所") in got


def test_a_recruit_is_a_person_not_the_former_employer(rules: ChineseExtractor) -> None:
    got = facts(rules, "西北工业大学全职引进原美国麻省理工学院教授张华。")
    assert ("recruitment", "西北工业大学", "张华") in got
    assert ("recruitment", "西北工业大学", "麻省理工学院") not in got


def test_pinqing_is_recruitment(rules: ChineseExtractor) -> None:
    got = facts(rules, "南京理工大学聘请德国亚琛工业大学教授汉斯·穆勒为客座教授。")
    assert ("recruitment", "南京理工大学", "汉斯·穆勒") in got


def test_money_given_to_the_party_before_the_verb(rules: ChineseExtractor) -> None:
    got = facts(rules, "比亚迪公司向清华大学捐赠5000万元，用于支持新能源研究。")
    assert ("funding", "比亚迪公司", "清华大学") in got
    assert ("funding", "清华大学", "比亚迪公司") not in got


def test_money_received_names_the_funder_after(rules: ChineseExtractor) -> None:
    got = facts(rules, "长风电子获得南京市军民融合产业基金1.5亿元投资。")
    assert {f for f in got if f[0] == "funding"} == {("funding", "南京市军民融合产业基金", "长风电子")}  # its place in its name


def test_the_helper_of_a_signing_helps_the_first_signatory(rules: ChineseExtractor) -> None:
    got = facts(rules, "在市商务局的牵线搭桥下，江苏恒力机械有限公司与德国博世公司签订合作协议。")
    assert ("facilitation", "市商务局", "恒力机械有限公司") in got
    assert ("agreement", "恒力机械有限公司", "博世公司") in got


def test_joint_founders_are_each_a_pair(rules: ChineseExtractor) -> None:
    got = facts(rules, "由西安市人民政府、西北工业大学和航天科技集团共同组建的无人系统研究院正式揭牌。")
    pairs = {frozenset((a, b)) for t, a, b in got if t == "agreement"}
    assert {frozenset(("西安市人民政府", "西北工业大学")), frozenset(("西安市人民政府", "航天科技集团")),
            frozenset(("西北工业大学", "航天科技集团"))} <= pairs


def test_a_university_built_by_two_ministries_is_no_agreement(rules: ChineseExtractor) -> None:
    got = facts(rules, "哈尔滨工程大学是国家国防科技工业局与教育部共建高校。")
    assert not {f for f in got if f[0] == "agreement"}


def test_an_unnamed_exporter_is_not_the_datelines_agency(rules: ChineseExtractor) -> None:
    got = facts(rules, "新华社郑州8月8日电 记者8日从郑州嵩岳重工有限公司了解到，公司今年上半年向沙特阿拉伯、阿联酋出口环卫装备1400余台。")
    assert not {f for f in got if f[0] == "export" and f[1] == "新华社"}


def test_the_unit_of_a_group_is_the_exporter(rules: ChineseExtractor) -> None:
    got = facts(rules, "中国航天科技集团有限公司下属中国航天空气动力技术研究院研制的彩虹无人机已出口至伊拉克、约旦等国。")
    assert {("export", "中国航天空气动力技术研究院", "伊拉克"), ("export", "中国航天空气动力技术研究院", "约旦")} <= got
    assert ("ownership", "中国航天科技集团有限公司", "中国航天空气动力技术研究院") in got
    assert not {f for f in got if f[0] == "export" and f[1] == "中国航天科技集团有限公司"}


def test_founded_body_is_no_party(rules: ChineseExtractor) -> None:
    got = facts(rules, "2021年，公司与西安天弓动力技术研究所签署合资协议，共同出资设立西安天枢航天测控有限公司。")
    assert not {f for f in got if f[0] == "agreement" and "西安天枢航天测控有限公司" in f[1:]}


def test_officials_who_attended_meet_the_guest(rules: ChineseExtractor) -> None:
    text = "3月5日，市长张伟会见了德国西门子公司全球副总裁马克·施密特一行。副市长李红、市商务局局长王强参加会见。"
    got = facts(rules, text)
    assert {("meeting", "李红", "马克·施密特"), ("meeting", "王强", "马克·施密特")} <= got
    assert not {f for f in got if f[0] == "meeting" and f[1] in ("李红", "王强") and f[2] == "张伟"}


def test_attending_with_no_meeting_told_gives_nothing(rules: ChineseExtractor) -> None:
    assert not {f for f in facts(rules, "副市长李红参加会见。") if f[0] == "meeting"}


def test_a_unit_named_after_its_parent_is_owned(rules: ChineseExtractor) -> None:
    got = facts(rules, "南京航空航天大学航空学院院长李明介绍了学院的发展情况。")
    assert ("ownership", "南京航空航天大学", "航空学院") in got
    assert ("position", "李明", "航空学院") in got



def test_money_provided_to_a_party(rules: ChineseExtractor) -> None:
    assert ("funding", "深圳市政府", "华为技术有限公司") in facts(rules, "深圳市政府为华为技术有限公司提供了5000万元研发补贴。")
    assert ("funding", "中国工商银行", "三一重工") in facts(rules, "中国工商银行向三一重工提供50亿元授信。")


def test_equipment_provided_is_not_funding(rules: ChineseExtractor) -> None:
    got = facts(rules, "西安天衡电子科技股份有限公司为中国人民解放军空军提供雷达配套产品。")
    assert not {f for f in got if f[0] == "funding"}


def test_the_invitee_is_the_person_an_organisation_introduces(rules: ChineseExtractor) -> None:
    got = facts(rules, "西北工业大学邀请英国帝国理工学院教授约翰·史密斯来校讲学。")
    assert ("invitation", "西北工业大学", "约翰·史密斯") in got
    assert ("invitation", "西北工业大学", "帝国理工学院") not in got



def test_invited_by_at_the_head_of_the_sentence_names_who_came(rules: ChineseExtractor) -> None:
    got = facts(rules, "应德国慕尼黑市市长迪特尔·赖特邀请，5月8日至12日，副市长张伟率成都市政府代表团访问德国。")
    assert {("invitation", "迪特尔·赖特", "张伟"), ("invitation", "迪特尔·赖特", "成都市政府代表团")} <= got
    assert not {f for f in got if f[0] == "invitation" and f[2] in ("德国", "慕尼黑市")}


def test_each_inviter_and_each_guest_of_a_list(rules: ChineseExtractor) -> None:
    got = facts(rules, "应英国剑桥大学、法国巴黎综合理工学院邀请，9月3日至10日，校长王明率团访问英国、法国。")
    assert {("invitation", "剑桥大学", "王明"), ("invitation", "巴黎综合理工学院", "王明")} <= got


def test_the_guest_before_the_inviter(rules: ChineseExtractor) -> None:
    got = facts(rules, "德国弗劳恩霍夫研究所所长汉斯·施密特应西安电子科技大学邀请于8月访问西安。")
    assert ("invitation", "西安电子科技大学", "汉斯·施密特") in got
    assert ("invitation", "西安电子科技大学", "西安") not in got


def test_this_visit_was_at_the_invitation_of(rules: ChineseExtractor) -> None:
    got = facts(rules, "3月5日，英国帝国理工学院副校长彼得·琼斯访问北京航空航天大学。此访系应北京航空航天大学邀请。")
    assert ("invitation", "北京航空航天大学", "彼得·琼斯") in got


def test_every_person_invited_in_a_list(rules: ChineseExtractor) -> None:
    got = facts(rules, "清华大学邀请美国斯坦福大学教授约翰·米勒、英国牛津大学教授艾伦·怀特来校作学术报告。")
    assert {("invitation", "清华大学", "约翰·米勒"), ("invitation", "清华大学", "艾伦·怀特")} <= got


def test_received_is_a_meeting(rules: ChineseExtractor) -> None:
    got = facts(rules, "市长张伟接待了德国西门子公司全球副总裁马克·施密特一行。")
    assert ("meeting", "张伟", "马克·施密特") in got


def test_an_unnamed_delegation_is_the_person_who_led_it(rules: ChineseExtractor) -> None:
    got = facts(rules, "美国图森市市长卡拉·莫里森率团访问兰州。市委书记林国栋会见了代表团。")
    assert ("meeting", "林国栋", "卡拉·莫里森") in got


def test_who_chairs_the_talks_meets_the_guest(rules: ChineseExtractor) -> None:
    got = facts(rules, "校长王明会见了英国曼彻斯特大学副校长彼得·琼斯。副校长李华主持座谈会。")
    assert ("meeting", "李华", "彼得·琼斯") in got


def test_bought_from_is_an_export_by_the_seller_but_talent_is_recruited(rules: ChineseExtractor) -> None:
    got = facts(rules, "陕西华星电子有限公司从德国蔡司公司引进了激光加工设备。")
    assert {f for f in got if f[0] == "export"} == {("export", "蔡司公司", "华星电子有限公司")}
    got = facts(rules, "西北工业大学从美国麻省理工学院引进张华教授。")
    assert ("recruitment", "西北工业大学", "张华") in got
    assert not {f for f in got if f[0] == "export" or f[1] == "麻省理工学院"}


def test_with_the_help_of_frame_names_the_helper(rules: ChineseExtractor) -> None:
    got = facts(rules, "在省商务厅的推动下，济州汽车集团与匈牙利投资促进局签署了投资协议。")
    assert ("facilitation", "省商务厅", "济州汽车集团") in got


def test_the_school_and_its_recruit_across_sentences(rules: ChineseExtractor) -> None:
    got = facts(rules, "2019年，西北工业大学全职引进美国学者张华教授。学校为其团队提供科研启动经费600万元。")
    assert ("funding", "西北工业大学", "张华") in got


def test_the_company_of_a_company_story_gives(rules: ChineseExtractor) -> None:
    got = facts(rules, "华星电子有限公司成立于2001年。2018年，公司向德国慕尼黑工业大学捐赠500万欧元。")
    assert ("funding", "华星电子有限公司", "慕尼黑工业大学") in got


def test_controlling_shareholder_and_actual_controller_own_the_company(rules: ChineseExtractor) -> None:
    got = facts(rules, "华星电子有限公司成立于2001年。公司控股股东为中电科投资控股有限公司，持股比例为38.6%。")
    assert {f for f in got if f[0] == "ownership"} == {("ownership", "中电科投资控股有限公司", "华星电子有限公司")}
    got = facts(rules, "华星电子有限公司成立于2001年。公司实际控制人为中国电子科技集团有限公司。")
    assert ("ownership", "中国电子科技集团有限公司", "华星电子有限公司") in got


def test_each_unit_a_group_has_under_it(rules: ChineseExtractor) -> None:
    got = facts(rules, "重庆长江机电集团有限公司下辖重庆长江光电有限公司、重庆长江特种车辆有限公司等8家子公司。")
    owned = {f for f in got if f[0] == "ownership"}
    assert len(owned) == 2 and all(f[1].endswith("长江机电集团有限公司") for f in owned), owned
    assert {f[2][-8:] for f in owned} == {"长江光电有限公司", "特种车辆有限公司"}, owned


def test_officials_signing_for_their_bodies(rules: ChineseExtractor) -> None:
    got = facts(rules, "中国航天科工集团有限公司党组副书记黄兴东与大连理工大学副校长罗钟铉签署了战略合作协议。")
    assert ("agreement", "中国航天科工集团有限公司", "大连理工大学") in got
    assert not {f for f in got if f[0] == "agreement" and "黄兴东" in f[1:]}
    assert ("position", "黄兴东", "中国航天科工集团有限公司") in got


def test_a_phone_call_is_a_meeting(rules: ChineseExtractor) -> None:
    assert ("meeting", "王毅", "布林肯") in facts(rules, "4月2日，外交部部长王毅同美国国务卿布林肯通电话。")


def test_serving_a_military_body_is_an_mcf_link(rules: ChineseExtractor) -> None:
    got = facts(rules, "华星电子有限公司成立于2001年，长期为中国人民解放军火箭军配套加固计算机。")
    assert ("mcf_link", "华星电子有限公司", "中国人民解放军火箭军") in got


def test_delivered_to_a_buyer_abroad_is_an_export(rules: ChineseExtractor) -> None:
    got = facts(rules, "华星电子有限公司今年4月向约旦皇家空军交付6架无人机。")
    assert ("export", "华星电子有限公司", "约旦皇家空军") in got


def test_the_host_visited(rules: ChineseExtractor) -> None:
    got = facts(rules, "西安市经贸代表团参观了慕尼黑工业大学和宝马集团。")
    assert {("visit", "西安市经贸代表团", "慕尼黑工业大学"), ("visit", "西安市经贸代表团", "宝马集团")} <= got


def test_a_place_meets_no_one(rules: ChineseExtractor) -> None:
    got = facts(rules, "6日，国家主席习近平在巴黎同法国总统马克龙举行会谈。")
    assert ("meeting", "习近平", "马克龙") in got
    assert not {f for f in got if f[0] == "meeting" and ({"巴黎", "法国"} & set(f[1:]))}
    got = facts(rules, "副省长冯立群会见智利驻华大使。")
    assert not {f for f in got if f[0] == "meeting"}
