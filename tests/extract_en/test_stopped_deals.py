"""A deal stopped before it happened is no relation, whoever reads it (issue 8, session 29; docs/annotation.md 4.7:
"[Government] blocked the takeover of [Y] by [X]" ✘; 5: blocked or cancelled actions, plans, negotiations). The
phrasings are newswire's on public cases: the German veto of Addsino's takeover of IMST (2020), the withdrawn approval
of Fujian Grand Chip's bid for Aixtron (2016), Yantai Taihai and Leifeld (2018), Canyon Bridge and Lattice (blocked by
the U.S. President, 2017) and Imagination (2017), Broadcom and Qualcomm (2018). Asserted on the whole extraction
(rules and model, ``both``): the combined output is what a user reads. What happened stays: a completed
acquisition, an agreement since terminated (4.3, 5: facts now ended count)."""

from __future__ import annotations

import pytest

from mcfwatch.model import Extraction

pytestmark = pytest.mark.slow


def pairs(ex: Extraction, rtype: str) -> set[tuple[str, str]]:
    """(source, target) names of the relations of a type, rules and model alike."""
    n = {e.id: e.name for e in ex.entities}
    return {(n[r.source], n[r.target]) for r in ex.relations if r.type == rtype}


def owned(ex: Extraction) -> set[str]:
    return {t for _s, t in pairs(ex, "ownership")}


@pytest.mark.parametrize("text", [
    "Berlin withdrew its approval for the acquisition of Aixtron by Fujian Grand Chip Investment Fund.",
    "President Trump blocked Broadcom's takeover of Qualcomm.",
    "Canyon Bridge Capital Partners abandoned its takeover of Imagination Technologies.",
    "Talks to buy Leifeld Metal Spinning by Yantai Taihai Group collapsed.",
    "The acquisition of Aixtron by Fujian Grand Chip Investment Fund collapsed after the U.S. intervened.",
    "The sale of Leifeld Metal Spinning to Yantai Taihai Group was blocked by the German government in 2018.",
    "Germany's veto of the takeover of IMST by Addsino was the first of its kind.",
    "The vetoed takeover of IMST by Addsino would have given its parent radar know-how.",
    "President Trump blocked the acquisition of Lattice Semiconductor by Canyon Bridge Capital Partners.",
    "Yantai Taihai Group pulled its offer for Leifeld Metal Spinning.",
])
def test_a_stopped_takeover_is_no_ownership(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text(text)
    assert not owned(ex) & {"Aixtron", "Qualcomm", "Imagination Technologies", "Leifeld Metal Spinning", "IMST",
                            "Lattice Semiconductor"}, ex.relations


def test_the_imst_veto_keeps_the_parent_of_the_bidder(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("The German government vetoed the takeover of IMST GmbH by Addsino Co., Ltd., a subsidiary of "
                      "China Aerospace Science and Industry Corporation.")
    assert pairs(ex, "ownership") == {("China Aerospace Science and Industry Corporation", "Addsino Co., Ltd.")}


def test_talks_that_broke_down_are_no_agreement(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Talks on a cooperation agreement between Huawei and Imperial College broke down.")
    assert not pairs(ex, "agreement")


def test_what_happened_stays(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Aixtron was acquired by Fujian Grand Chip Investment Fund in 2016.")
    assert ("Fujian Grand Chip Investment Fund", "Aixtron") in pairs(ex, "ownership")
    ex = extract_text("Canyon Bridge acquired Imagination Technologies in 2017.")
    assert ("Canyon Bridge", "Imagination Technologies") in pairs(ex, "ownership")
    ex = extract_text("Huawei terminated its research agreement with Imperial College in 2020.")
    assert pairs(ex, "agreement") == {("Huawei", "Imperial College")}


def test_co_owners_do_not_own_each_other(extract_text) -> None:  # type: ignore[no-untyped-def]
    # usertry s27 (Alpi Aviation): the model read the second "by" as the owner of the first
    ex = extract_text("Investigators said that Mars Information Technology was controlled by Wuxi Industrial "
                      "Development Group, an investment company owned by the municipal government of Wuxi, and by "
                      "China Corporate United Investment Holdings.")
    found = pairs(ex, "ownership")
    assert ("Wuxi Industrial Development Group", "Mars Information Technology") in found
    assert ("China Corporate United Investment Holdings", "Wuxi Industrial Development Group") not in found


def test_one_party_named_as_the_other_is_no_relation(extract_text) -> None:  # type: ignore[no-untyped-def]
    # usertry s28 (Cadence): "X was NUDT" read as NUDT's ownership of X
    ex = extract_text("Employees of Cadence China knew that the Central South CAD Center was NUDT, prosecutors said.")
    assert not ex.relations


def test_an_export_to_a_military_university_is_no_mcf_link(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Cadence Design Systems, the electronic design automation company based in San Jose, "
                      "California, pleaded guilty on 28 July 2025 to conspiring to export its design tools to the "
                      "National University of Defense Technology in China.")
    exporter, buyer = "Cadence Design Systems", "National University of Defense Technology"
    assert (exporter, buyer) in pairs(ex, "export")
    assert not pairs(ex, "mcf_link")


def test_a_divestment_ordered_or_done_tells_who_owned(extract_text) -> None:  # type: ignore[no-untyped-def]
    # 4.7 and 5: a sold-off unit is a fact now ended (CFIUS and Beijing Kunlun / Grindr, 2019)
    for text in ("CFIUS ordered Beijing Kunlun Tech Co. to divest Grindr LLC.",
                 "In 2020 Beijing Kunlun Tech Co. divested Grindr LLC."):
        assert ("Beijing Kunlun Tech Co.", "Grindr LLC") in pairs(extract_text(text), "ownership")
    ex = extract_text("The Treasury required ByteDance Ltd. to divest itself of Musical.ly Inc.")
    assert pairs(ex, "ownership") == {("ByteDance Ltd.", "Musical.ly Inc.")}


def test_what_talks_are_about_is_stopped_not_who_holds_them(extract_text) -> None:  # type: ignore[no-untyped-def]
    # en-w-1066's phrasing: the partner's post, told beside "talks with", is a stated fact
    ex = extract_text("Cao held separate talks with Henrik Dahl, chief executive of the Danish sensor maker "
                      "Nordsense A/S.")
    assert any(s == "Henrik Dahl" and t.startswith("Nordsense") for s, t in pairs(ex, "position"))


def test_a_domestic_supplier_of_the_pla_keeps_its_mcf_link(extract_text) -> None:  # type: ignore[no-untyped-def]
    # 4.5: "supplies the PLA" is an mcf_link; only goods "exported" (the word) make the mcf_link redundant
    ex = extract_text("Changsha Tianyi Space supplied a technology-demonstration satellite to the PLA Rocket Force "
                      "in 2020.")
    assert ("Changsha Tianyi Space", "PLA Rocket Force") in pairs(ex, "mcf_link")
