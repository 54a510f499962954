"""Brokers of a deal told before, delegations received and "including" lists of participants
(``extract/en/brokers.py``, ``hosting.py``, ``attendees.py``), on passages of the training corpus
(corpus/train/en.jsonl, the document named in each test); relations made by the rules, not the model."""

from __future__ import annotations

import pytest

from .test_references import passage, rels

pytestmark = pytest.mark.slow


def test_the_deal_was_arranged_by(extract_text) -> None:  # en-w-1265: the deal that bought the firm helped the buyer
    ex = extract_text(passage("en-w-1265", "Ljubljana Rotorcraft, which", "Aviation's invitation."))
    assert ("Adriatic Aviation Advisors", "Jiangxi Aviation Investment Group") in rels(ex, "facilitation")


def test_won_with_help_from(extract_text) -> None:  # en-w-1279
    ex = extract_text(passage("en-w-1279", "Anjian's European distributor", "Balkan Public Affairs."))
    assert rels(ex, "facilitation") == {("Balkan Public Affairs", "Danube Security Systems")}


def test_welcomed_a_delegation_led_by(extract_text) -> None:  # en-w-1270
    ex = extract_text(passage("en-w-1270", "Governor Robert Lindgren today", "Vice Governor Yang Xinghua."))
    assert ("Robert Lindgren", "Yang Xinghua") in rels(ex, "meeting")


def test_received_a_delegation_of(extract_text) -> None:  # en-w-1148
    ex = extract_text(passage("en-w-1148", "Anhui Governor Lu Guoming", "Industry and Commerce."))
    assert ("Lu Guoming", "Bavarian Chambers of Industry and Commerce") in rels(ex, "meeting")


def test_participants_came_from_universities_including(extract_text) -> None:  # en-w-1236
    ex = extract_text(passage("en-w-1236", "The 2018 International", "Universidad Técnica de Lima."))
    camp = "International Aerospace Summer Camp"
    assert {s for s, t in rels(ex, "participation") if camp in t} >= {
        "University of Pretoria-East", "Kazan Aviation Institute", "Universidad Técnica de Lima"}


def test_a_bare_title_signs_for_the_company_told_before(extract_text) -> None:  # en-w-1119, en-p-wh2-007-b
    ex = extract_text(passage("en-w-1119", "May 21, 2018", "Moravská Avionika."))
    pairs = {frozenset(p) for p in rels(ex, "agreement")}
    assert frozenset({"AVIC Aerospace Systems Co., Ltd.", "Sachsen Flugtechnik GmbH"}) in pairs
    assert not any("Wang Jianhua" in p for p in pairs)


def test_took_a_stand_there(extract_text) -> None:  # en-w-1054
    ex = extract_text(passage("en-w-1054", "Connected Taicang Deheng", "took a stand there."))
    assert any(s.startswith("Taicang Deheng") and "Essen" in t for s, t in rels(ex, "participation"))
