"""The Chinese relation features see the verb that follows both parties (features_zh._clause_context)."""

from __future__ import annotations

from mcfwatch.extract.relmodel.candidates import Candidate, Mention
from mcfwatch.extract.relmodel.features_zh import features


def _cand(text: str, a: str, b: str) -> Candidate:
    i, j = text.index(a), text.index(b)
    return Candidate(Mention(i, i + len(a), "a", "PublicBody"), Mention(j, j + len(b), "b", "University"),
                     0, len(text), ())


def test_the_rest_of_the_clause_and_a_sum_are_features() -> None:
    # the shape of corpus/train zh-w-0085 and zh-w-0095: the verb and the sum come after both parties
    text = "湖南省科学技术厅向中南大学拨付科研经费2000万元，用于实验室建设。"
    got = features(text, _cand(text, "湖南省科学技术厅", "中南大学"))
    assert {"c2=拨付", "c2=经费", "sum_after", "tp_sum=PublicBody|University"} <= set(got)
    assert not [f for f in got if f.startswith("c2=") and ("用于" in f or "建设" in f)]  # the clause ends at ，


def test_no_sum_feature_without_a_sum_and_the_first_partys_clause_opening() -> None:
    text = "今年，根据协议，湖南省科学技术厅与中南大学共建联合实验室。"
    got = features(text, _cand(text, "湖南省科学技术厅", "中南大学"))
    assert "sum_after" not in got and "c2=共建" in got
    assert "c1=协议" not in got and not [f for f in got if f.startswith("c1=")]  # a comma opens its clause
