"""The exporter of an export whose clause names none, from the grammar of enforcement and trade text
(``extract/en/exports.py: exporter_in_context``; docs/annotation.md 4.11): "the company shipped ..." with no company
named in its paragraph is the company the document named first; a filing's "the Company" is its filer; an agentless
passive ("they were shipped to Xiamen") takes the exporter of the export told just before, or the owner of the goods
("its equipment was shipped"); a place the goods went through is no buyer. Passages of corpus/train; relations made
by the rules, at a fallback's confidence (below a one-sentence statement)."""

from __future__ import annotations

import pytest

from .test_references import passage, rels

pytestmark = pytest.mark.slow


def _confidence(ex, rtype: str, source: str, target: str) -> float:  # type: ignore[no-untyped-def]
    n = {e.id: e.name for e in ex.entities}
    return max(r.confidence for r in ex.relations if r.type == rtype and n[r.source] == source and n[r.target] == target)


def test_agentless_passive_takes_the_seller_told_before(extract_text) -> None:  # en-w-1028
    ex = extract_text(passage("en-w-1028", "3. I find", "December 2017."))
    found = rels(ex, "export")
    sellers = {s for s, t in found if t == "Xiamen"}
    assert sellers and all(s.startswith("Brightwater") for s in sellers)
    assert _confidence(ex, "export", sellers.pop(), "Xiamen") <= 0.55  # a fallback's, not a one-sentence statement's


def test_the_company_in_a_new_paragraph_is_the_documents_company(extract_text) -> None:  # en-w-1283
    text = passage("en-w-1283", "TORONTO", "without the permits required by Global Affairs Canada.") + "\n\n" + \
        passage("en-w-1283", "The court heard", "PLA Ground Force.")
    found = rels(extract_text(text), "export")
    assert any(t == "Wuhan Jingwei Optics" and s.startswith("Great Lakes Optics") for s, t in found)


def test_a_filings_company_is_its_filer(extract_text) -> None:  # en-w-1003
    ex = extract_text(passage("en-w-1003", "ITEM 7.", "shipped from Turin to Chengdu."))
    found = rels(ex, "export")
    assert ("Valdora Precision S.p.A.", "Chengdu Jinjiang Aero Components Co.") in found
    assert not any(s.startswith("Zhongding") for s, _t in found)


def test_the_goods_owner_and_no_transit_place(extract_text) -> None:  # en-w-1106
    ex = extract_text(passage("en-w-1106", "Shenzhen Jinghong Security built", "through Kazakhstan."))
    assert not any(t == "Kazakhstan" for _s, t in rels(ex, "export"))


def test_no_export_told_before_no_exporter(extract_text) -> None:  # en-w-1047
    ex = extract_text(passage("en-w-1047", "Kapadia prepared false", "Aviation Industry Corporation of China."))
    assert not rels(ex, "export")


def test_the_defendant_is_the_accused_not_the_prosecutor(extract_text) -> None:  # en-w-1001
    # a DOJ release names the prosecutor first; "the defendant" is the man who admitted the conduct, not
    # "Assistant U.S. Attorney Maria Ochoa" (the first person named)
    text = passage("en-w-1001", "Assistant U.S. Attorney Maria Ochoa", "prosecuted the case.") + "\n\n" + \
        passage("en-w-1001", "According to court documents", "PLA Ground Force.") + \
        "\n\nIn 2020 the defendant also shipped 40 cores to Everbright Trading Ltd. in Hong Kong."
    found = rels(extract_text(text), "export")
    assert ("Raymond Keel", "Everbright Trading Ltd.") in found
    assert not any(s == "Maria Ochoa" for s, _t in found)


def test_a_defendant_who_is_a_purchasing_agent_is_no_official(extract_text) -> None:  # type: ignore[no-untyped-def]
    # review s26: a lower-case "agent" is the defendant's trade, not "Special Agent X" (an investigator); the
    # export was credited to the firm he bought for
    ex = extract_text("Wang Wei, a purchasing agent for Huawei, pleaded guilty on Monday in federal court in Boston. "
                      "The defendant shipped 40 amplifiers to Beihang University in 2019, according to court documents.")
    found = rels(ex, "export")
    assert ("Wang Wei", "Beihang University") in found
    assert ("Huawei", "Beihang University") not in found
