"""Dates and parties the clause leaves to the discourse: "during the visit", "One of the contracts",
"another memo". Sentences written in the style of the seed (the seed itself is in test_seed.py)."""

from __future__ import annotations

import pytest

from mcfwatch.model import Extraction, Relation

pytestmark = pytest.mark.slow


def agreements(ex: Extraction) -> dict[tuple[str, str], Relation]:
    names = {e.id: e.name for e in ex.entities}
    return {(names[r.source], names[r.target]): r for r in ex.relations if r.type == "agreement"}


def test_during_the_trip_takes_the_visits_range(extract_text) -> None:
    ex = extract_text("From June 9 to 16, 2019, the Tianjin Trade Delegation visited Germany. During the trip, it "
                      "helped Huayang Group to sign an agreement with Siemens AG.")
    r = agreements(ex)[("Huayang Group", "Siemens AG")]
    assert (r.date, r.date_end) == ("2019-06-09", "2019-06-16")
    assert r.method == "rule+discourse-date" and r.confidence == pytest.approx(0.85)


def test_a_visit_named_in_the_phrase_must_be_that_visit(extract_text) -> None:
    ex = extract_text("The Tianjin Trade Delegation visited Germany in May 2019. During the visit to Germany, it "
                      "helped Huayang Group to sign an agreement with Siemens AG.")
    assert agreements(ex)[("Huayang Group", "Siemens AG")].date == "2019-05"


def test_an_indefinite_visit_is_a_new_event_not_a_reference(extract_text) -> None:
    ex = extract_text("The Tianjin Trade Delegation visited Germany in May 2019. During a visit to France, it "
                      "helped Huayang Group to sign an agreement with Thales Group.")
    r = agreements(ex)[("Huayang Group", "Thales Group")]
    assert r.date is None and r.method == "rule"


def test_at_the_summit_takes_the_summits_date(extract_text) -> None:
    ex = extract_text("On March 3, 2019, Huayang Group participated in the Global Entrepreneurs Summit in Shenzhen. "
                      "At the summit, Huayang Group signed an agreement with Siemens AG.")
    assert agreements(ex)[("Huayang Group", "Siemens AG")].date == "2019-03-03"


def test_one_of_the_contracts_carries_on_the_episode(extract_text) -> None:
    ex = extract_text("In March 2019, Huayang Group signed three contracts. One of the contracts was with Siemens AG.")
    r = agreements(ex)[("Huayang Group", "Siemens AG")]
    assert r.date == "2019-03" and r.method == "rule+discourse-date"


def test_an_agreement_that_does_not_refer_back_stays_undated(extract_text) -> None:
    ex = extract_text("In March 2019, Huayang Group signed three contracts. Later, Huayang Group signed a memo "
                      "with Siemens AG.")
    r = agreements(ex)[("Huayang Group", "Siemens AG")]
    assert r.date is None and r.method == "rule"


def test_another_memo_is_with_the_previous_partner(extract_text) -> None:
    ex = extract_text("Huayang Group signed a memo with Siemens AG in 2017. Huayang Group later signed another "
                      "memo to expand research cooperation.")
    second = [r for r in ex.relations if r.method == "rule+ellipsis"]
    assert [(r.subtype, r.subject, r.date, r.confidence) for r in second] == [
        ("cooperation", "research cooperation", None, 0.6)]
    names = {e.id: e.name for e in ex.entities}
    assert (names[second[0].source], names[second[0].target]) == ("Huayang Group", "Siemens AG")


def test_another_memo_with_a_named_partner_is_not_elliptical(extract_text) -> None:
    ex = extract_text("Huayang Group signed a memo with Siemens AG in 2017. Huayang Group later signed another "
                      "memo with Thales Group.")
    assert set(agreements(ex)) == {("Huayang Group", "Siemens AG"), ("Huayang Group", "Thales Group")}
    assert all(r.method == "rule" for r in ex.relations)


def test_another_memo_without_an_earlier_one_names_nobody(extract_text) -> None:
    ex = extract_text("Huayang Group signed another memo to expand research cooperation.")
    assert not ex.relations
