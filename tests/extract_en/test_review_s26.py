"""Findings of the end-of-session-26 code review of the English relation rules (/work/notes/review/s26/en-extract.md
items 2, 6, 7, 12), each on a phrasing of newswire or of corpus/train."""

from __future__ import annotations

import pytest

from mcfwatch.extract.en.exports import _export_told_before
from mcfwatch.extract.en.found import Found
from mcfwatch.extract.en.ownership import unit_name

from .test_references import passage, rels


@pytest.mark.slow
def test_counterpart_aid_pairing_is_no_friendship_city(extract_text) -> None:  # type: ignore[no-untyped-def]
    # China's domestic pairing assistance (state-media English) is no sister-city tie
    ex = extract_text("Shanghai has been paired with Xinjiang's Kashgar region under the counterpart assistance "
                      "programme since 2010.")
    assert not rels(ex, "agreement")
    # "Zhaoqing, which Clearbrook County has been paired with since 2012" (en-w-1027) still is one
    found = rels(extract_text(passage("en-w-1027", "CPAFFC vice president", "for Almeida.")), "agreement")
    assert any({s, t} == {"Clearbrook County", "Zhaoqing"} for s, t in found)


@pytest.mark.slow
def test_showing_something_that_is_no_goods_is_no_exhibiting(extract_text) -> None:  # type: ignore[no-untyped-def]
    for text in ("The China Digital Summit opened in Fuzhou on Monday. Huawei showed strong growth in 2023, its "
                 "chairman said.",
                 "The China Digital Summit opened in Fuzhou on Monday. Huawei demonstrated its commitment to openness.",
                 "The Boao Forum for Asia opened on Tuesday. Lenovo made a presentation to investors on Wednesday."):
        assert not rels(extract_text(text), "participation"), text
    # goods shown in a report of the show: taking part (docs/annotation.md 4.8)
    ex = extract_text("The 14th China International Aviation and Aerospace Exhibition opened in Zhuhai on Tuesday. "
                      "COMAC displayed a C919 cabin mock-up.")
    assert ("COMAC", "14th China International Aviation and Aerospace Exhibition") in rels(ex, "participation")


def test_top_level_academies_and_universities_are_no_units() -> None:
    # a field ending as a university's or an academy's does: no unit; a research institute's name is one
    assert not unit_name("Chinese Academy of Fishery Sciences")
    assert not unit_name("Chinese Academy of Agricultural Sciences")
    assert not unit_name("PLA Academy of Military Science")
    assert not unit_name("Beijing Institute of Technology")
    assert unit_name("Nanjing Research Institute of Electronics Technology")
    assert unit_name("Hefei Institutes of Physical Science")
    assert unit_name("Shanghai Institute of Optics and Fine Mechanics")


def test_an_export_told_before_is_found_past_a_finding_with_an_earlier_trigger() -> None:
    # the window's findings in the order they were made; a broker's finding made while reading the last sentence
    # carries the trigger of an earlier one (brokers.py): it must not hide the export told before it
    export = Found("export", "keel", "orion", 30, 0.9)
    broker = Found("facilitation", "orion", "keel", 5, 0.75)
    assert _export_told_before(60, [], [export, broker]) is export
    assert _export_told_before(60, [], [broker]) is None
    here = Found("export", "keel", "wuhan", 52, 0.9)
    assert _export_told_before(60, [here], [export]) is here
