"""A fund's parties (corpus/train zh-w-0095, a provincial aerospace fund's first investments): the fund told by its
bare head (基金已完成首批三个项目投资：向X投资3亿元; relmodel/crosssent_zh.py, read by the rules and the model alike), not
its manager (基金管理人); and what 其中 divides is the body its shares are put into, not the first co-founder named
(由A、B共同出资设立的X…规模50亿元，其中A出资15亿元: zh/funding.py). Each assertion failed on main 9f10fb2."""

from __future__ import annotations

from mcfwatch.extract.relmodel import crosssent_zh
from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.extract.zh import ChineseExtractor
from tests.extract_zh.conftest import relation_pairs

FUND = "四川天府航空航天产业投资基金"


def _doc(corpus: list[TrainDoc]) -> TrainDoc:
    return next(d for d in corpus if d.id == "zh-w-0095")


def test_a_bare_fund_is_the_fund_of_the_text(corpus: list[TrainDoc]) -> None:
    d = _doc(corpus)
    name = {m.entity: d.text[m.start:m.end] for m in sorted(d.mentions, key=lambda m: m.end - m.start)}
    refs = [(d.text[r.start:r.end], name[r.entity], d.text[r.end:r.end + 6]) for r in crosssent_zh.chinese(d.text, d.mentions)]
    assert ("基金", FUND, "已完成首批三") in refs
    assert not any(after.startswith("管理人") for _, _, after in refs)


def test_the_shares_go_to_the_fund_not_to_a_co_founder(zh_rules: ChineseExtractor, corpus: list[TrainDoc]) -> None:
    d = _doc(corpus)
    found = relation_pairs(zh_rules, d.text, "funding", d.published or "2023-03-30")
    assert ("成都高新投资集团有限公司", "四川省财政厅") not in found
    # the tagger names the fund without its province (天府航空航天产业投资基金)
    assert {src for src, tgt in found if FUND.endswith(tgt)} == {"成都高新投资集团有限公司", "四川省财政厅"}
