"""Persons on the lists that publish no entity type (the nsfreg extractions): typed from their own names."""

from __future__ import annotations

from collections import Counter

import pytest

from mcfwatch.lists import load_lists
from mcfwatch.lists.model import ListEntry, WatchList
from mcfwatch.lists.persons import is_person_name, looks_like_person


@pytest.fixture(scope="module")
def lists() -> dict[str, WatchList]:
    return {wl.id: wl for wl in load_lists(None)}


def _entry(wl: WatchList, name: str) -> ListEntry:
    return next(e for e in wl.entries if e.name == name)


def test_the_entity_list_types_its_individuals_as_persons(lists: dict[str, WatchList]) -> None:
    el = lists["us-bis-entity-list"]
    hans = _entry(el, "Hans Maria De Geetere")
    assert hans.schema == "Person" and hans.aliases == ["Hans De Geetere"] and hans.country == "be"
    for name in ("Longkui Qu", "Sergei (Sergi) Ivanovich Tomchani", "H. Farahani", "Zulkefli bin Yusuf"):
        assert _entry(el, name).schema == "Person", name
    # bodies stay bodies, whatever their names start with
    assert _entry(el, "Hansen Technologies Limited").schema == "Company"
    for name in ("Huawei Denmark", "OOO Alabuga Development", "Transsphere Oy", "Address 13", "GBNTT",
                 "Islamic Revolutionary Guard Corps Research and Self-Sufficiency Jihad Organization"):
        assert _entry(el, name).schema != "Person", name
    counts = Counter(e.schema for e in el.entries)
    assert 350 <= counts["Person"] <= 500, counts  # hundreds of individuals, no longer 0


def test_the_denied_persons_list_in_capitals_and_state_lists_have_persons(lists: dict[str, WatchList]) -> None:
    dpl = lists["us-bis-dpl"]
    assert _entry(dpl, "ANDREE AGNESE").schema == "Person"
    assert _entry(dpl, 'IHSAN MEDHAT "SAMMY" ELASHI').schema == "Person"     # a nickname in quotes
    assert _entry(dpl, "PHOTOMASKING SERVICES LTD.").schema != "Person"
    assert _entry(dpl, "MICROCIRCUIT TECHNOLOGY").schema != "Person"
    assert Counter(e.schema for e in dpl.entries)["Person"] >= 400
    state = lists["us-state-nonproliferation"]
    assert _entry(state, "Emily Liu (individual)").schema == "Person"       # the list says so
    assert _entry(state, "Abdul Qadeer Khan").schema == "Person"
    assert _entry(state, "Government of the Russian Federation").schema != "Person"


def test_lists_of_bodies_get_no_person(lists: dict[str, WatchList]) -> None:
    for list_id in ("us-bis-meu", "us-fcc-covered", "us-ndaa-procurement-bans", "us-dod-1260h"):
        assert not [e.name for e in lists[list_id].entries if e.schema == "Person"], list_id


def test_the_rule_agrees_with_the_lists_that_publish_types(lists: dict[str, WatchList]) -> None:
    """OpenSanctions' transcriptions type every entry: the name rule, blind to those types, agrees with them.
    (Its word lists were written while reading these lists' errors, so this bounds, not estimates, its error.)"""
    rows = [(e.schema == "Person", looks_like_person(e.name, e.aliases))
            for list_id in ("cn-countersanctions", "eu-sanctions-china", "us-state-inksna")
            for e in lists[list_id].entries]
    tp = sum(g and p for g, p in rows)
    precision = tp / sum(p for _, p in rows)
    recall = tp / sum(g for g, _ in rows)
    assert sum(g for g, _ in rows) >= 200
    assert precision >= 0.97 and recall >= 0.97, (precision, recall)


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Hans Maria De Geetere", True), ("Aleksey Konstantinovich PUSHKOV", True), ("WU Haibo", True),
        ("Michael J. Abramowitz", True), ("Alex M. Azar II", True), ("Rabi' Madkhanah", True),
        ("Hans", False), ("Sputnik E", False), ("NPC Granat", False), ("Huawei Cloud Mexico", False),
        ("Hunan Haotyanyi", False), ("Human Rights Watch", False), ("Asa’ib Ahl al-Haq (AAH)", False),
        ("Albrecht Import-Export", False), ("Well Smart (HK) Technology", False),
    ],
)
def test_person_shaped_names(name: str, person: bool) -> None:
    assert is_person_name(name) is person
