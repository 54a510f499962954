"""The founding document, hop by hop: every fact the acceptance lists, with dates and evidence,
and nothing the text does not state."""

from __future__ import annotations

import pytest

from mcfwatch.data import SEED, sample_path
from mcfwatch.model import Extraction, Relation

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed(extract_text) -> Extraction:
    return extract_text(sample_path(SEED).read_text(encoding="utf-8"), published="2020-12-22")


def entity(ex: Extraction, name: str):
    low = name.lower()
    for e in ex.entities:
        if e.name.lower() == low or low in (a.lower() for a in e.aliases):
            return e
    raise AssertionError(f"no entity {name!r} in {[e.name for e in ex.entities]}")


def relation(ex: Extraction, rtype: str, source: str, target: str, either: bool = False) -> Relation:
    s, t = entity(ex, source).id, entity(ex, target).id
    for r in ex.relations:
        if r.type == rtype and ((r.source, r.target) == (s, t) or (either and (r.source, r.target) == (t, s))):
            return r
    raise AssertionError(f"no {rtype} {source} -> {target}")


def assert_evidence(ex: Extraction, r: Relation, *words: str) -> None:
    assert ex.document.text[r.evidence.start:r.evidence.end] == r.evidence.text
    for w in words:
        assert w in r.evidence.text, (w, r.evidence.text)


@pytest.mark.parametrize(("name", "etype"), [
    ("Lizhong Group", "Company"), ("UK MQP Limited", "Company"), ("Brunel University", "University"),
    ("HT&L Fitting", "Company"), ("Benvolant Artificial Intelligence Company", "Company"),
    ("PLA Baoding branch", "MilitaryUnit"), ("Baoding Economic and Trade Delegation", "Organization"),
    ("Cork County", "Place"), ("Baoding", "Place"), ("United Kingdom", "Place"), ("Italy", "Place"),
    ("Ireland", "Place"), ("Baoding Municipal government", "PublicBody"),
    ("CCP Baoding City Standing Committee", "PublicBody"), ("military-civil fusion", "Program"),
])
def test_entities(seed: Extraction, name: str, etype: str) -> None:
    assert entity(seed, name).type == etype


def test_clean_spans(seed: Extraction) -> None:
    for e in seed.entities:
        for m in e.mentions:
            assert not m.text.lower().startswith("the "), m
            assert not m.text.endswith(("'s", "’s")), m
    names = {e.name for e in seed.entities}
    assert "Gain Access to Advanced Technology Overseas" not in names
    assert "Friendly City" not in names


def test_hop1_delegation_visits_uk_and_italy(seed: Extraction) -> None:
    for country in ("United Kingdom", "Italy"):  # coordination: two visits
        r = relation(seed, "visit", "Baoding Economic and Trade Delegation", country)
        assert (r.date, r.date_end) == ("2018-11-19", "2018-11-26")
        assert_evidence(seed, r, "visited the United Kingdom and Italy")


VISIT = ("2018-11-19", "2018-11-26")


def test_hop2_delegation_helps_lizhong(seed: Extraction) -> None:
    r = relation(seed, "facilitation", "Baoding Economic and Trade Delegation", "Lizhong Group")  # "it" resolved
    assert_evidence(seed, r, "it helped the Lizhong Group")
    # "During the official visit": the visit's dates, inherited from the sentence before and marked so
    assert (r.date, r.date_end) == VISIT
    assert r.method == "rule+discourse-date" and r.confidence == 0.7


def test_hop3_agreements(seed: Extraction) -> None:
    mqp = relation(seed, "agreement", "Lizhong Group", "UK MQP Limited", either=True)
    assert mqp.subtype == "contract" and mqp.subject == "super grain refiner"
    assert_evidence(seed, mqp, "UK MQP Limited")
    brunel = relation(seed, "agreement", "Lizhong Group", "Brunel University", either=True)
    assert brunel.subtype == "joint_lab"
    assert_evidence(seed, brunel, "joint development laboratory")
    htl = relation(seed, "agreement", "Lizhong Group", "HT&L Fitting", either=True)
    assert htl.subtype == "investment"
    assert_evidence(seed, htl, "strategic investment agreement")
    for r in (mqp, brunel, htl):  # "One of the contracts", "The other two": the contracts secured during the visit
        assert (r.date, r.date_end) == VISIT
        assert r.method == "rule+discourse-date" and r.confidence < 0.75


def test_hop4_mcf(seed: Extraction) -> None:
    link = relation(seed, "mcf_link", "Lizhong Group", "military-civil fusion")
    assert_evidence(seed, link, "active member")
    conf = next(e for e in seed.entities if e.type == "Event" and "achievement conference" in e.name)
    part = relation(seed, "participation", "Lizhong Group", conf.name)
    assert part.date == "2016-08-01"
    assert_evidence(seed, part, "participated as an exhibitor")
    org = relation(seed, "organizer", "PLA Baoding branch", conf.name)  # passive: "organized by"
    assert_evidence(seed, org, "organized by the PLA Baoding branch")


def test_hop5_friendship_city(seed: Extraction) -> None:
    r = relation(seed, "agreement", "Baoding", "Cork County", either=True)
    assert r.subtype == "friendship_city" and r.date == "2018-10"
    assert_evidence(seed, r, "signed a memo")


def test_hop5_second_memo_is_with_the_same_partner(seed: Extraction) -> None:
    """"After that, it signed another memo to establish economic and trade cooperation": no "with X", so the
    partner is that of Baoding's previous memo; inferred, so lower confidence and its own method; undated."""
    baoding, cork = entity(seed, "Baoding").id, entity(seed, "Cork County").id
    [r] = [x for x in seed.relations if x.type == "agreement" and (x.source, x.target) == (baoding, cork)
           and x.subtype == "cooperation"]
    assert r.subject == "economic and trade cooperation"
    assert r.date is None and r.method == "rule+ellipsis" and r.confidence == 0.6
    assert_evidence(seed, r, "signed another memo")


def test_hop6_invitation_is_not_a_visit(seed: Extraction) -> None:
    r = relation(seed, "invitation", "Baoding", "Cork County")  # "officials of Cork County" -> Cork County
    assert r.date == "2019-07"
    assert_evidence(seed, r, "invited officials of Cork County")
    cork = entity(seed, "Cork County").id
    assert not [x for x in seed.relations if x.type in {"visit", "participation"} and x.source == cork]


def test_hop7_june_visit_and_position(seed: Extraction) -> None:
    mayor = entity(seed, "Deputy Mayor")
    assert mayor.type == "Person"
    for country in ("United Kingdom", "Ireland"):
        r = relation(seed, "visit", "Deputy Mayor", country)
        assert (r.date, r.date_end) == ("2019-06-09", "2019-06-16")
        assert_evidence(seed, r, "visited the UK and Ireland")
    pos = relation(seed, "position", "Deputy Mayor", "CCP Baoding City Standing Committee")
    assert pos.subject == "member"


def test_hop8_meeting_with_benvolant(seed: Extraction) -> None:
    r = relation(seed, "meeting", "Deputy Mayor", "Benvolant Artificial Intelligence Company", either=True)
    assert_evidence(seed, r, "had a meeting with companies")


def test_nothing_unstated(seed: Extraction) -> None:
    """Exactly these relations, with these subtypes and dates; the second Cork memo and the dates inherited from
    the November visit are deliberate (see test_hop2, test_hop3, test_hop5)."""
    nov, conf = "2018-11-19", "CCP military-civil fusion achievement conference"
    expected = {
        ("visit", None, "Baoding Economic and Trade Delegation", "United Kingdom", nov),
        ("visit", None, "Baoding Economic and Trade Delegation", "Italy", nov),
        ("facilitation", None, "Baoding Economic and Trade Delegation", "Lizhong Group", nov),
        ("agreement", "contract", "Lizhong Group", "UK MQP Limited", nov),
        ("agreement", "joint_lab", "Lizhong Group", "Brunel University", nov),
        ("agreement", "investment", "Lizhong Group", "HT&L Fitting", nov),
        ("mcf_link", None, "Lizhong Group", "military-civil fusion", None),
        ("participation", None, "Lizhong Group", conf, "2016-08-01"),
        ("organizer", None, "PLA Baoding branch", conf, "2016-08-01"),
        ("agreement", "friendship_city", "Baoding", "Cork County", "2018-10"),
        ("agreement", "cooperation", "Baoding", "Cork County", None),
        ("invitation", None, "Baoding", "Cork County", "2019-07"),
        ("visit", None, "Deputy Mayor", "United Kingdom", "2019-06-09"),
        ("visit", None, "Deputy Mayor", "Ireland", "2019-06-09"),
        ("position", None, "Deputy Mayor", "CCP Baoding City standing Committee", None),
        ("meeting", None, "Deputy Mayor", "Benvolant Artificial Intelligence Company", None),
    }
    names = {e.id: e.name for e in seed.entities}
    got = {(r.type, r.subtype, names[r.source], names[r.target], r.date) for r in seed.relations}
    assert got == expected
