"""Short forms in one Chinese document are one entity under the fullest name (zh/coref.py)."""

from __future__ import annotations

from dataclasses import dataclass

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh.coref import canonical
from mcfwatch.model import Document


@dataclass
class _N:
    name: str
    type: str
    surface: str = ""

    def __post_init__(self) -> None:
        self.surface = self.surface or self.name


def _canon(*named: tuple[str, str]) -> dict[str, str]:
    return {k[0]: v[0] for k, v in canonical([_N(n, t) for n, t in named], {"深圳", "江西"}).items()}


def test_short_forms_and_abbreviations() -> None:
    # Pairs from corpus/train, where the gold marks both as mentions of one entity.
    assert _canon(("深圳万联电子股份有限公司", "Company"), ("万联电子", "Company")) == {"万联电子": "深圳万联电子股份有限公司"}
    assert _canon(("中国航空工业集团有限公司", "Company"), ("航空工业", "Company")) == {"航空工业": "中国航空工业集团有限公司"}
    assert _canon(("中国人民解放军火箭军", "MilitaryUnit"), ("火箭军", "MilitaryUnit")) == {"火箭军": "中国人民解放军火箭军"}
    assert _canon(("江西赣江航空工业集团有限责任公司", "Company"), ("赣江集团", "Company")) == {
        "赣江集团": "江西赣江航空工业集团有限责任公司"}
    assert _canon(("中国商用飞机有限责任公司", "Company"), ("中国商飞", "Organization")) == {"中国商飞": "中国商用飞机有限责任公司"}
    assert _canon(("常州市", "Place"), ("常州", "Place"), ("宁夏回族自治区", "Place"), ("宁夏", "Place")) == {
        "常州": "常州市", "宁夏": "宁夏回族自治区"}
    assert _canon(("宁川市贸促会", "Organization"), ("市贸促会", "Organization")) == {"市贸促会": "宁川市贸促会"}
    assert _canon(("中国科学院计算技术研究所", "University"), ("计算技术研究所", "University")) == {
        "计算技术研究所": "中国科学院计算技术研究所"}


def test_what_stays_apart() -> None:
    # A unit of a university, the parent of an institute, two fuller names that fit, a place and a body.
    assert _canon(("北京理工大学", "University"), ("北京理工大学珠海学院", "University")) == {}
    assert _canon(("中国科学院计算技术研究所", "University"), ("中国科学院", "University")) == {}
    assert _canon(("中国电子信息产业集团有限公司", "Company"), ("中国电子科技集团有限公司", "Company"),
                  ("中国电子", "Company")) == {}
    assert _canon(("北京大学", "University"), ("北京航空航天大学", "University")) == {}
    assert _canon(("西安电子科技大学", "University"), ("电子科技大学", "University")) == {}
    assert _canon(("空中客车中国公司", "Company"), ("空中客车公司", "Company")) == {}
    stripped = [_N("鹭岛港务控股集团", "Company"), _N("港务集团", "Company", "新加坡港务集团")]
    assert canonical(stripped, {"鹭岛"}) == {}
    assert _canon(("常州", "Place"), ("常州新创投资集团", "Company")) == {}


def test_one_entity_in_a_story(zh_extractor: ChineseExtractor) -> None:
    text = ("深圳万联电子股份有限公司与德国一家公司签署合作协议。根据协议，万联电子将向对方出口雷达组件。")
    ex = next(zh_extractor.extract_many([Document(text=text, language="zh")]))
    firms = [e for e in ex.entities if "万联电子" in e.name]
    assert [e.name for e in firms] == ["深圳万联电子股份有限公司"] or [e.name for e in firms] == ["万联电子股份有限公司"]
    assert len(firms[0].mentions) == 2


def test_a_foreign_name_the_model_read_as_a_place_or_person() -> None:
    # corpus/extra/zh.jsonl zh-x-0041 (汉森 as a place), zh-x-0025 (菲尔德曼 as a place); corpus/train zh-w-0076 (奥迪
    # as a person): the gold marks each as a mention of the person or firm
    got = _canon(("奥拉夫·汉森", "Person"), ("汉森", "Place"), ("菲尔德曼公司", "Company"), ("菲尔德曼", "Place"),
                 ("奥迪股份公司", "Company"), ("奥迪", "Person"))
    assert got == {"汉森": "奥拉夫·汉森", "菲尔德曼": "菲尔德曼公司", "奥迪": "奥迪股份公司"}
    # a city of two characters opening a firm's name stays the city (大连 of 大连船舶重工有限公司)
    assert _canon(("大连船舶重工有限公司", "Company"), ("大连", "Place")) == {}


def test_a_doctrine_or_prize_named_for_a_person_and_the_chinese_side(zh_extractor: ChineseExtractor) -> None:
    # corpus/train zh-p-law-014 (0 of 13 such persons marked), zh-w-0162 (中方 is no place)
    found = {m.surface for m in zh_extractor.mentions(["坚持以马克思列宁主义、毛泽东思想、邓小平理论为指导。感谢中方的支持。"])[0]}
    assert not found & {"马克思", "列宁", "毛泽东", "邓小平", "中方"}


def test_a_city_the_story_names_with_shi_stands_before_a_firms_short_form() -> None:
    # corpus/extra/zh.jsonl zh-x-0063: 镜湖纺机 of 绍兴镜湖纺织机械有限公司, the story naming 绍兴市 elsewhere
    got = _canon(("绍兴镜湖纺织机械有限公司", "Company"), ("镜湖纺机", "Company"), ("绍兴市人民政府", "PublicBody"))
    assert got == {"镜湖纺机": "绍兴镜湖纺织机械有限公司"}
    assert _canon(("绍兴镜湖纺织机械有限公司", "Company"), ("镜湖纺机", "Company")) == {}


def test_a_deal_role_and_a_funding_round_stay_outside_a_firm(zh_extractor: ChineseExtractor) -> None:
    # zhrel and zhdata (session 23), corpus/extra/zh.jsonl zh-x-0112 and zh-x-0138: the gold marks the firm alone
    def names(text: str) -> set[str]:
        return {m.surface for m in zh_extractor.mentions([text])[0]}

    assert "江南重工集团有限公司" in names("江南精密机械有限公司的母公司江南重工集团有限公司成立于1998年。")
    assert "苏州高新区天使投资基金" in names("公司2021年获得苏州高新区天使投资基金天使轮投资500万元。")
    assert "蓝湾资本" in names("崂山科创引导基金跟投，老股东蓝湾资本超额认购。")
