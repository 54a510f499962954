"""Dates and partners a Chinese clause leaves to the discourse (访问期间, 还与…, 其中一份, 又与其签署…).

Every sentence here is written by us in the style of the seed, except the Cork paragraph, which is our own
Chinese rendering of the founding document's paragraph (src/mcfwatch/data/samples/zh/cork_zh.txt).
"""

from __future__ import annotations

from importlib import resources

import pytest

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.model import Document, Extraction, Relation

SAMPLES = resources.files("mcfwatch.data").joinpath("samples", "zh")
SEED_ZH = SAMPLES.joinpath("seed_zh.txt").read_text(encoding="utf-8")
CORK_ZH = SAMPLES.joinpath("cork_zh.txt").read_text(encoding="utf-8")


def extract(ext: ChineseExtractor, text: str) -> Extraction:
    ex = next(ext.extract_many([Document(text=text, language="zh", published="2020-12-22")]))
    ex.check()
    return ex


def agreements(ex: Extraction) -> list[tuple[str, str, Relation]]:
    names = {e.id: e.name for e in ex.entities}
    return [(names[r.source], names[r.target], r) for r in ex.relations if r.type == "agreement"]


def agreement(ex: Extraction, a: str, b: str, method: str | None = None) -> Relation:
    (r,) = [r for x, y, r in agreements(ex) if (x, y) == (a, b) and (method is None or r.method == method)]
    return r


def test_during_the_visit_is_marked_as_inherited(zh_extractor: ChineseExtractor) -> None:
    ex = extract(zh_extractor, "2019年6月9日至16日，天津市经贸代表团访问了德国。访问期间，该代表团帮助华阳集团"
                               "与西门子公司签署了合作协议。")
    r = agreement(ex, "华阳集团", "西门子公司")
    assert (r.date, r.date_end) == ("2019-06-09", "2019-06-16")
    assert r.method == "zh-rules+discourse-date" and r.confidence == pytest.approx(0.55)
    visit = next(r for r in ex.relations if r.type == "visit")
    assert visit.method == "zh-rules" and visit.confidence == pytest.approx(0.6)


def test_during_the_visit_is_the_visits_date_not_the_last_date(zh_extractor: ChineseExtractor) -> None:
    ex = extract(zh_extractor, "2019年3月，天津市经贸代表团访问了德国。2019年5月，天津市代表团出席了汉诺威工业博览会。"
                               "访问期间，该代表团帮助华阳集团与西门子公司签署了合作协议。")
    assert agreement(ex, "华阳集团", "西门子公司").date == "2019-03"


def test_still_with_carries_on_the_episode(zh_extractor: ChineseExtractor) -> None:
    ex = extract(zh_extractor, "2019年3月，华阳集团与西门子公司签署了采购合同。华阳集团还与泰雷兹集团签订了投资协议。")
    first, second = agreement(ex, "华阳集团", "西门子公司"), agreement(ex, "华阳集团", "泰雷兹集团")
    assert (first.date, first.method) == ("2019-03", "zh-rules")
    assert (second.date, second.method, second.confidence) == ("2019-03", "zh-rules+discourse-date", 0.55)


def test_besides_and_at_the_same_time_carry_on_every_clause(zh_extractor: ChineseExtractor) -> None:
    ex = extract(zh_extractor, "2019年3月，华阳集团与西门子公司签署了采购合同。此外，华阳集团与泰雷兹集团签订了投资协议，"
                               "同时与空客公司签署了联合实验室协议。")
    assert agreement(ex, "华阳集团", "泰雷兹集团").date == "2019-03"
    assert agreement(ex, "华阳集团", "空客公司").date == "2019-03"


def test_one_of_them_and_the_other_two_carry_on(zh_extractor: ChineseExtractor) -> None:
    ex = extract(zh_extractor, "2019年3月，华阳集团签署了三份合同。其中一份是与西门子公司签订的。"
                               "另两项分别是与泰雷兹集团和空客公司签订的。")
    got = {(a, b): (r.date, r.method) for a, b, r in agreements(ex)}
    assert got == {(("华阳集团", b)): ("2019-03", "zh-rules+discourse-date")
                   for b in ("西门子公司", "泰雷兹集团", "空客公司")}


@pytest.mark.parametrize(
    "text",
    [
        # a later time starts a new episode
        "2019年3月，华阳集团与西门子公司签署了采购合同。后来，华阳集团还与泰雷兹集团签订了投资协议。",
        # no continuation cue
        "2019年3月，华阳集团与西门子公司签署了采购合同。华阳集团与泰雷兹集团签订了投资协议。",
        # a new paragraph
        "2019年3月，华阳集团与西门子公司签署了采购合同。\n华阳集团还与泰雷兹集团签订了投资协议。",
        # 还 but no party in common with the dated agreements
        "2019年3月，华阳集团与西门子公司签署了采购合同。长城科技公司还与泰雷兹集团签订了投资协议。",
    ],
)
def test_a_new_episode_stays_undated(zh_extractor: ChineseExtractor, text: str) -> None:
    ex = extract(zh_extractor, text)
    (a, b, r) = agreements(ex)[-1]
    assert b == "泰雷兹集团" and r.date is None and r.method == "zh-rules"


def test_seed_agreements_after_the_visit_take_its_range(zh_extractor: ChineseExtractor) -> None:
    ex = extract(zh_extractor, SEED_ZH)
    for partner in ("MQP公司", "布鲁内尔大学", "HT&L公司"):
        r = agreement(ex, "立中集团", partner)
        assert (r.date, r.date_end, r.method) == ("2018-11-19", "2018-11-26", "zh-rules+discourse-date")


def test_cork_another_memo_with_it_is_with_cork(zh_extractor: ChineseExtractor) -> None:
    ex = extract(zh_extractor, CORK_ZH)
    r = agreement(ex, "保定市", "科克郡", method="zh-rules+ellipsis")
    assert (r.subtype, r.date, r.confidence) == ("cooperation", None, 0.6)
    assert r.evidence.text == "随后，保定市又与其签署了经贸合作备忘录。"
    stated = [(r.subtype, r.date) for a, b, r in agreements(ex) if (a, b) == ("保定市", "科克郡") and r.method == "zh-rules"]
    assert ("friendship_city", "2018-10") in stated  # the first step, dated by its own clause


@pytest.mark.parametrize(
    ("text", "subtype", "date"),
    [
        ("2017年，华阳集团与西门子公司签署了合作备忘录。此后又签署了一份经贸合作备忘录。", "cooperation", None),
        ("2017年，华阳集团与西门子公司签署了合作备忘录。此后，华阳集团又签署了一份科研合作备忘录。", "cooperation", None),
        ("2017年，华阳集团与西门子公司签署了合作备忘录。2019年，华阳集团又同其签署了一份投资协议。", "investment", "2019"),
    ],
)
def test_another_memo_is_with_the_previous_partner(zh_extractor: ChineseExtractor, text: str, subtype: str,
                                                   date: str | None) -> None:
    ex = extract(zh_extractor, text)
    r = agreement(ex, "华阳集团", "西门子公司", method="zh-rules+ellipsis")
    assert (r.subtype, r.date, r.confidence) == (subtype, date, 0.6)


def test_another_memo_with_a_named_partner_is_not_elliptical(zh_extractor: ChineseExtractor) -> None:
    ex = extract(zh_extractor, "2017年，华阳集团与西门子公司签署了合作备忘录。此后，华阳集团又与泰雷兹集团签署了另一份备忘录。")
    assert {(a, b) for a, b, _ in agreements(ex)} == {("华阳集团", "西门子公司"), ("华阳集团", "泰雷兹集团")}
    assert all(r.method == "zh-rules" for r in ex.relations)


@pytest.mark.parametrize(
    "text",
    [
        "华阳集团签署了另一份科研合作备忘录。",
        "2017年，华阳集团与西门子公司签署了合作备忘录。长城科技公司又签署了另一份备忘录。",  # not this signer's
    ],
)
def test_another_memo_without_an_earlier_one_names_nobody(zh_extractor: ChineseExtractor, text: str) -> None:
    ex = extract(zh_extractor, text)
    assert not [r for r in ex.relations if r.method.endswith("+ellipsis")]
    assert len(agreements(ex)) == text.count("与")
