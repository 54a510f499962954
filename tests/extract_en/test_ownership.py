"""Ownership, mcf_link and agreement parties told the way newswire tells them (``extract/en/ownership.py``,
``extract/en/mcflinks.py``), on passages of the training corpus (corpus/train/en.jsonl, the document named in
each test); relations made by the rules, not the model."""

from __future__ import annotations

import pytest

from .test_references import passage, rels

pytestmark = pytest.mark.slow


def test_belongs_to_and_controlled_by(extract_text) -> None:  # en-w-0007
    ex = extract_text(passage("en-w-0007", "Zhongyuan belongs to", "Provincial People's Government."))
    owned = rels(ex, "ownership")
    assert ("Henan Civil Aviation Development and Investment Co.", "Zhongyuan") in owned


def test_a_unit_of(extract_text) -> None:  # en-w-0037
    ex = extract_text(passage("en-w-0037", "Brightline Optics disclosed", "Science and Industry Corporation."))
    assert ("China Aerospace Science and Industry Corporation", "Beijing Aerospace Wanda") in rels(ex, "ownership")


def test_percent_owned_by(extract_text) -> None:  # en-w-0067
    ex = extract_text(passage("en-w-0067", "Skyline is 20 percent", "Investment Holding."))
    assert ("Guangdong Hengjian Investment Holding", "Skyline") in rels(ex, "ownership")


def test_stake_held_in_a_relative_clause(extract_text) -> None:  # en-w-1009
    ex = extract_text(passage("en-w-1009", "Sanhe, in which", "defence customers."))
    assert ("China North Industries Group", "Sanhe") in rels(ex, "ownership")


def test_possessive_unit_of_a_group(extract_text) -> None:  # en-w-1241, en-w-0047
    ex = extract_text(passage("en-w-1241", "The Marston University Energy", "Propulsion Technology."))
    assert ("China Aerospace Science and Technology Corporation", "Academy of Aerospace Propulsion Technology") in \
        rels(ex, "ownership")
    ex = extract_text(passage("en-w-0047", "In 2014 NPU hired her", "the same year."))
    assert {t for s, t in rels(ex, "ownership") if s == "NPU"} == {"School of Power and Energy"}


def test_a_pronoun_possessor_is_no_court(extract_text) -> None:  # en-w-1145
    ex = extract_text(passage("en-w-1145", "The court said Morita", "Professor Liu Ming."))
    assert not {(s, t) for s, t in rels(ex, "ownership") if "Court" in s}


def test_work_for_the_military_is_an_mcf_link(extract_text) -> None:  # en-w-1281, en-w-1245
    ex = extract_text(passage("en-w-1281", "The 14th Research Institute builds", "Liberation Army."))
    assert ("14th Research Institute", "People's Liberation Army") in rels(ex, "mcf_link")
    ex = extract_text(passage("en-w-1245", "The Ukrainian gas-turbine", "PLA Navy destroyers."))
    assert ("703rd Research Institute", "PLA Navy") in rels(ex, "mcf_link")


def test_military_civil_fusion_title(extract_text) -> None:  # en-w-1088
    ex = extract_text(passage("en-w-1088", "Shaanxi University of Aeronautics was", "from the office."))
    assert ("Shaanxi University of Aeronautics", "military-civil fusion") in rels(ex, "mcf_link")


def test_no_evidence_that_is_no_fact(extract_text) -> None:  # en-w-0036
    ex = extract_text(passage("en-w-0036", "We found no evidence that", "supplies the PLA"))
    assert not rels(ex, "mcf_link")
