"""Agreements made, won or signed to do something for someone (``extract/en/contracts.py``), taking part through a
programme or by addressing an event (``parts.py``), title chains and spin-outs (``positions.py``, ``ownership.py``), money paid to the one a pronoun object names (``args.pronoun``,
``money.py``). Passages of corpus/train; relations made by the rules."""

from __future__ import annotations

import pytest

from .test_references import passage, rels
from .test_trade import extra_passage

pytestmark = pytest.mark.slow


def test_a_contract_to_sell_to_y(extract_text) -> None:  # en-w-1270
    ex = extract_text(passage("en-w-1270", "Heartland Genetics signed a contract", "Livestock Group"))
    assert ("Heartland Genetics", "Sichuan Tianfu Livestock Group") in rels(ex, "agreement")


def test_won_a_contract_to_supply(extract_text) -> None:  # en-w-1069
    ex = extract_text(passage("en-w-1069", "In 2021 the alliance organised", "to the Eastern Theater Command."))
    found = rels(ex, "agreement")
    assert any("Tianxiang" in s and t == "PLA Eastern Theater Command" for s, t in found | {(b, a) for a, b in found})


def test_recruited_through_a_programme(extract_text) -> None:  # en-w-1253
    ex = extract_text(passage("en-w-1253", "Finding 1.", "1 million yuan."))
    assert ("Henry Sun", "Sichuan Tianfu Talent Plan") in rels(ex, "participation")


def test_an_object_pronoun_is_not_its_own_subject(extract_text) -> None:  # en-w-1253
    ex = extract_text(passage("en-w-1253", "Finding 1.", "1 million yuan."))
    assert ("Sichuan Tianfu Talent Plan", "Henry Sun") in rels(ex, "funding")


def test_addressed_the_expo(extract_text) -> None:  # en-w-1121
    ex = extract_text(passage("en-w-1121", "Lieutenant Governor Maria Delgado", "for the first time."))
    assert ("Maria Delgado", "China–ASEAN Expo") in rels(ex, "participation")


def test_a_title_chain_ends_at_another_named_person(extract_text) -> None:  # en-w-1188
    ex = extract_text(passage("en-w-1188", "Governor Ye Jianfeng attended", "Chen Zhaoming."))
    posts = rels(ex, "position")
    assert ("Chen Zhaoming", "AVIC") not in posts and ("Chen Zhaoming", "CASIC") not in posts
    assert ("Luo Wenqing", "AVIC") not in posts


def test_a_spin_out_company_of_x(extract_text) -> None:  # corpus/extra en-x-0056
    ex = extract_text(extra_passage("en-x-0056", "Two transfers are documented.", "in May of that year."))
    assert any(t == "Grafex Ltd" and "Thamesmead" in s for s, t in rels(ex, "ownership"))


def test_an_event_named_in_apposition_is_what_was_organised(extract_text) -> None:  # en-w-1118
    ex = extract_text(passage("en-w-1118", "Every autumn since 2016", "for Strategic Communication"))
    assert ("China Institute for Strategic Communication", "Yanqi Lake Dialogue on Global Governance") in rels(
        ex, "organizer")
