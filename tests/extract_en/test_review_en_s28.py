"""Findings of the session-28 English review (/work/notes/review/en-extract.md), each on an ordinary phrasing of
enforcement, trade or press-release English: a "not guilty" plea is no export however the parse hangs "to"; a
pronoun under a punishing verb is the punished party only when a reported clause or a passive says so; every mention
of a Place is read for "the parent company of X"; "near X" / "outside X" makes a place only of a sited thing."""

from __future__ import annotations

import pytest

from mcfwatch.extract.en.args import _faulted

from .test_references import rels

pytestmark = pytest.mark.slow


def _types(ex) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {e.name: e.type for e in ex.entities}


@pytest.mark.parametrize("text", [
    # "to" hung on "pleaded" (an adverb between), and a count five steps under "guilty"
    "Chen Wei pleaded not guilty today to exporting the amplifiers to Harbin Engineering University.",
    "Chen Wei pleaded not guilty to charges of conspiring to export amplifiers to Harbin Engineering University.",
    "Chen Wei was found not guilty of exporting the amplifiers to Harbin Engineering University.",
])
def test_a_denied_plea_is_no_export(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not rels(extract_text(text), "export"), text


def test_a_plea_of_guilty_still_an_export(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Chen Wei pleaded guilty today to exporting the amplifiers to Harbin Engineering University.")
    assert ("Chen Wei", "Harbin Engineering University") in rels(ex, "export")


@pytest.mark.parametrize("text", [
    "Huawei sued the company after it discovered the leak.",
    "The Commerce Department sanctioned Mingda Trading after it concluded the review.",
])
def test_the_punisher_own_clause_keeps_its_subject(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    it = next(t for t in nlp(text) if t.lower_ == "it")
    assert _faulted(it) == [], text


@pytest.mark.parametrize(("text", "punished"), [
    ("The Commerce Department fined Mingda Trading after finding that it re-exported the parts to Iran.", "Trading"),
    ("Mingda Trading was sanctioned because it supplied drones to the army.", "Trading"),
])
def test_the_punished_party_of_a_reported_clause(nlp, text: str, punished: str) -> None:  # type: ignore[no-untyped-def]
    it = next(t for t in nlp(text) if t.lower_ == "it")
    assert [t.text for t in _faulted(it)] == [punished], text


def test_every_mention_of_a_place_read_for_its_owner(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the first mention reads as a town ("a plant in Nexperia"); the second says a firm owns it
    ex = extract_text("Wingtech bought a plant in Nexperia in 2019. In 2021 Wingtech, the parent company of "
                      "Nexperia, reported losses.")
    assert _types(ex).get("Nexperia") == "Company"


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Zhang Wei sat near Li Qiang at the banquet.", "Li Qiang", "Person"),
    ("The laboratory hired engineers from outside Mingda Trading.", "Mingda Trading", "Company"),
])
def test_near_or_outside_a_person_or_firm(extract_text, text: str, name: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert _types(extract_text(text)).get(name) == kind, text


@pytest.mark.parametrize(("text", "name"), [
    ("Norinco tested the rockets at a range outside Kilbarry.", "Kilbarry"),
    ("The company is based in San Quirino near Pordenone.", "Pordenone"),
])
def test_near_or_outside_a_sited_thing_is_a_place(extract_text, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert _types(extract_text(text)).get(name) == "Place", text


@pytest.mark.parametrize("text", [
    "Huawei and ZTE both opened research centres in Munich in 2016.",
    "Huawei and ZTE have established R&D centres in Europe.",
])
def test_founders_of_several_things_made_no_joint_lab(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not rels(extract_text(text), "agreement"), text


def test_one_thing_founded_by_two_is_still_joint(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Kelso Instruments and Nanjing University of Science and Technology established the "
                      "Kelso-NJUST Laboratory in 2017.")
    assert rels(ex, "agreement")


@pytest.mark.parametrize("text", [
    "The United States and China agreed to resume talks on trade in 2019.",
    "Russia and India agreed to expand trade in defence goods.",
])
def test_two_countries_agreeing_is_no_cooperation_agreement(extract_text, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not rels(extract_text(text), "agreement"), text


def test_two_towns_agreeing_still_twin(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("In 2018, Ballymore and the city of Kilbarry agreed to expand their exchange programme.")
    assert rels(ex, "agreement")


def test_indexed_spans_answer_as_the_scan() -> None:
    # "the Beijing Institute of Technology (BIT) and its Beijing campus": a long name holding shorter ones
    from mcfwatch.extract.relmodel.antecedents import Occupied, free, subject
    from mcfwatch.extract.relmodel.candidates import Mention

    text = "the Beijing Institute of Technology (BIT) and its Beijing campus; Li Wei said it would grow."
    spans = [(4, 41, "BIT", "University"), (4, 11, "Beijing", "Place"), (37, 40, "BIT", "University"),
             (50, 57, "Beijing", "Place"), (66, 72, "Li Wei", "Person")]
    mentions = sorted((Mention(a, b, e, t) for a, b, e, t in spans), key=lambda m: m.start)
    taken = Occupied(mentions)
    for a in range(len(text)):
        for b in range(a + 1, min(len(text), a + 12)):
            assert taken.free(a, b) == free(a, b, mentions), (a, b)
    it = text.index(" it ") + 1
    assert subject(0, it, mentions, {"University"}) == mentions[0]
    assert subject(12, it, mentions, {"University"}) == mentions[2]
    assert subject(42, it, mentions, {"University"}) is None
    assert subject(42, it, mentions, {"Person"}) == mentions[4]


def test_the_respondent_is_the_accused_for_the_rules(extract_text) -> None:  # type: ignore[no-untyped-def]
    # one role predicate for the rules and the relation model (args.role_reference): "the respondent" as well
    ex = extract_text("Mingda Trading Co. was charged in 2021 with violating export controls. The respondent shipped "
                      "oscilloscopes to Harbin Engineering University in 2019.")
    assert ("Mingda Trading Co.", "Harbin Engineering University") in rels(ex, "export")
