"""Findings of the end-of-session-24 code review, each on the sentence that showed it (English extraction)."""

from __future__ import annotations

import pytest

from .test_references import rels

pytestmark = pytest.mark.slow


def _names(ex, etype: str) -> set[str]:
    return {e.name for e in ex.entities if e.type == etype}


def test_people_supplied_are_no_items(extract_text) -> None:
    ex = extract_text("In 2019 Acme Ltd supplied engineers and technicians to the Harbin Institute of Technology.")
    assert not {"engineers", "technicians"} & _names(ex, "Technology")


def test_a_hotel_named_embassy_gets_no_seat(extract_text) -> None:
    # the seat joins a mission's name only when "Embassy" heads it (the hotel's type is the typer's, left alone)
    ex = extract_text("The Embassy Suites in Washington hosted the dinner on 3 May 2021.")
    assert "Embassy Suites in Washington" not in {e.name for e in ex.entities}
    assert "Washington" in _names(ex, "Place")
    ex = extract_text("He visited the Embassy of Canada to China on 3 May 2021.")
    assert "Embassy of Canada to China" in _names(ex, "PublicBody")


def test_every_pair_of_three_parties_to_one_agreement(extract_text) -> None:
    ex = extract_text("Acme Ltd, Beta Corp and Gamma GmbH entered into a consortium agreement in 2020.")
    found = {frozenset(p) for p in rels(ex, "agreement")}
    assert {frozenset({"Acme Ltd", "Beta Corp"}), frozenset({"Acme Ltd", "Gamma GmbH"}),
            frozenset({"Beta Corp", "Gamma GmbH"})} <= found


def test_an_order_to_halt_is_no_contract(extract_text) -> None:
    ex = extract_text("Acme Ltd received an order from the Ministry of Commerce to halt exports.")
    assert not rels(ex, "agreement")
    ex = extract_text("Acme Ltd won a contract from the Ministry of Defence of Laos in 2021.")
    assert rels(ex, "agreement")
