"""Chinese research units (zh/units.py): numbered short forms are University mentions of the unit they name, and a
unit written after a parent unit is a mention of its own. Sentences from corpus/train (document ids below), whose
gold marks each name asserted here."""

from __future__ import annotations

from mcfwatch.extract.zh import ChineseExtractor, units
from mcfwatch.model import Document


def _entities(ex: ChineseExtractor, text: str) -> dict[str, tuple[str, list[str]]]:
    doc = next(ex.extract_many([Document(text=text, id="t", language="zh")]))
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in doc.entities}


def test_numbered_short_forms() -> None:
    text = "五十四所与七二五所签约，航天科工二院、中国电科14所参与。全市五十所高校，102所属单位。"
    assert [text[s:e] for s, e in units.numbered(text)] == ["五十四所", "七二五所", "航天科工二院", "中国电科14所"]
    text = "该项目由集团一院102所承担。"  # the bare 集团 is an anaphor: 一院 is the name
    assert [text[s:e] for s, e in units.numbered(text)] == ["一院", "102所"]


def test_chain_cut_by_the_guide() -> None:
    def cut(s: str) -> str:
        k = units.chain_cut(s)
        return f"{s[:k]}|{s[k:]}" if k else s

    assert cut("信息与电子学院雷达技术研究所") == "信息与电子学院|雷达技术研究所"  # zh-w-0187
    assert cut("中国航天科技集团有限公司第一研究院第十二研究所") == "中国航天科技集团有限公司第一研究院|第十二研究所"
    assert cut("航天一院102所") == "航天一院|102所"
    # one name each: a group's first-level institute, an institute of the Academy of Sciences (corpus/train)
    assert cut("中国电子科技集团有限公司第十四研究所") == "中国电子科技集团有限公司第十四研究所"
    assert cut("中国科学院自动化研究所") == "中国科学院自动化研究所"
    assert cut("会计学院律师事务所") == "会计学院律师事务所"


def test_same_unit_by_number_and_group() -> None:
    assert units.same_unit("五十四所", "中国电子科技集团有限公司第五十四研究所")
    assert units.same_unit("七二五所", "中国船舶集团有限公司第七二五研究所")
    assert units.same_unit("航天科工三院", "中国航天科工集团有限公司第三研究院")
    assert not units.same_unit("航天科技三院", "中国航天科工集团有限公司第三研究院")
    assert not units.same_unit("五十四所", "中国电子科技集团有限公司第十四研究所")


def test_units_in_corpus_sentences(zh_extractor: ChineseExtractor) -> None:
    # zh-w-0187: university, school and institute, three mentions (the gold's), owned in a chain
    got = _entities(zh_extractor, "其核心团队来自北京理工大学信息与电子学院雷达技术研究所，双方共建了重点实验室。")
    assert {"北京理工大学", "信息与电子学院", "雷达技术研究所"} <= set(got)
    # zh-w-0198: the short form is a mention of the institute named in full before it
    got = _entities(zh_extractor, "12月12日，中国电子科技集团有限公司第五十四研究所与冀中理工大学共建的“卫星通信与导航联合"
                                  "实验室”揭牌。五十四所所长郝立军、冀中理工大学校长温建共同揭牌。")
    assert got["中国电子科技集团有限公司第五十四研究所"] == (
        "University", ["中国电子科技集团有限公司第五十四研究所", "五十四所"])
    assert "五十四所" not in got
    # zh-w-0024: 航天科工三院 is the third academy of the group named in full before it
    got = _entities(zh_extractor, "学院与中国航天科工集团有限公司第三研究院共建的“智能装配技术联合研究中心”已运行三年，"
                                  "航天科工三院每年投入研发经费1000万元。")
    assert "航天科工三院" in got["中国航天科工集团有限公司第三研究院"][1]


def test_descriptions_are_no_names(zh_extractor: ChineseExtractor) -> None:
    got = _entities(zh_extractor, "中国航天科技集团有限公司是世界一流航天防务集团公司，也是国内领先的导航企业。"
                                  "该集团与英国航宇公司签署了合作协议。")
    assert [n for n, (t, _) in got.items() if t == "Company"] == ["中国航天科技集团有限公司", "航宇公司"]


def test_a_groups_short_name_and_its_academy_are_two_mentions(zh_extractor: ChineseExtractor) -> None:
    # the guide 2.1 (a parent named apart is marked apart) and 4.7 (group -> academy ownership); corpus/train
    # zh-w-0198 and zh-w-0068: 共建联合实验室 names no lab
    found = {(m.surface, m.type) for m in zh_extractor.mentions(["航天科技集团一院下属的北京航天长征飞行器研究所参加了展会。"])[0]}
    assert {("航天科技集团", "Company"), ("一院", "University")} <= found
    found = {m.surface for m in zh_extractor.mentions(["中国电科14所与南京理工大学共建联合实验室。"])[0]}
    assert found == {"中国电科14所", "南京理工大学"}
