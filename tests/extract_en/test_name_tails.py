"""Where a name runs on past the recogniser's span (extents.member_tail, bracket_tail, event_tail;
entities.with_legal_form; heads.strong_type): members' bodies with their field and seat, a firm's bracketed place,
a legal form after a country, an event's year and the kind of gathering written after its name. Phrasings of the
corpus documents named in each comment (corpus/train and corpus/extra annotate the names so); the English pipeline
only (no typer), as ``mentions_of`` gives them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from mcfwatch.extract.en.entities import mentions_of
from mcfwatch.extract.en.heads import strong_type


def names(nlp: Language, text: str) -> dict[str, str]:
    return {m.text: m.type for m in mentions_of(nlp(text))}


@pytest.mark.slow
def test_a_members_body_keeps_its_field_and_seat(nlp: Language) -> None:
    # "for the ...": the field after an article (en-x corpus: China Association for the Promotion of ...)
    got = names(nlp, "The company joined the China Association for the Promotion of Military-Civil Dual-Use "
                     "Technology in 2019.")
    assert got.get("China Association for the Promotion of Military-Civil Dual-Use Technology") == "Organization"
    # a second group of members after "and" (corpus/train: Chinese Society of Naval Architects and Marine Engineers)
    got = names(nlp, "He is a fellow of the Chinese Society of Naval Architects and Marine Engineers, the state "
                     "media said.")
    assert "Chinese Society of Naval Architects and Marine Engineers" in got
    # the place it serves (en-x-0280): one name, no separate place
    got = names(nlp, "In March the director of the contact point, Ellen de Vries, visited Beijing together with a "
                     "delegation of the Association of Universities in the Netherlands, at the invitation of the "
                     "Dutch embassy.")
    assert "Association of Universities in the Netherlands" in got and "Netherlands" not in got
    # a second body after "and" stays a second body
    got = names(nlp, "The China Association of Automobile Manufacturers and Toyota Motor signed it.")
    assert "China Association of Automobile Manufacturers" in got


@pytest.mark.slow
def test_a_place_in_brackets_inside_a_registered_name(nlp: Language) -> None:
    got = names(nlp, "Under the deal, the district's industrial fund, Wuxi Hi-tech Industrial Investment, will take "
                     "a 20 percent stake in the project company, Xinchen Power Devices (Wuxi), which was registered "
                     "last month.")  # en-x-0252
    assert got.get("Xinchen Power Devices (Wuxi)") == "Company"
    got = names(nlp, "Hengda owns two subsidiaries: Hengda Precision (Hong Kong) and Hengda Europe GmbH in "
                     "Stuttgart.")  # en-w-0061
    assert got.get("Hengda Precision (Hong Kong)") == "Company" and "Hong Kong" not in got
    got = names(nlp, "The Guangdong Overseas Talent Workstation (Eindhoven) was opened in 2017 by the Guangdong "
                     "Provincial Department of Human Resources and Social Security.")  # en-w-1046
    assert "Guangdong Overseas Talent Workstation (Eindhoven)" in got
    # a country written out is where the firm is (en-w-1077), an acronym a second name, a short name no place
    assert names(nlp, "1. Valtech Lasers (Finland) was bought in 2016 by Wuhan Huagong Laser.").get("Finland") == "Place"
    assert "Bureau of Industry and Security" in names(nlp, "The Bureau of Industry and Security (BIS) added it.")
    assert strong_type("Kessel Drive Systems (Shanghai)") == "Company"


@pytest.mark.slow
def test_a_legal_form_after_the_country_of_the_name(nlp: Language) -> None:
    got = names(nlp, "Thales Alenia Space France S.A.S. supplied the payload.")
    assert got == {"Thales Alenia Space France S.A.S.": "Company"}
    assert strong_type("Nippon Koki K.K.") == strong_type("Norsk Titanium AS") == "Company"


@pytest.mark.slow
def test_a_legal_form_of_several_words_or_dots(nlp: Language) -> None:
    # en-w-1047: the recogniser stopped at "Sdn"; en-w-1039: it took "Aerodron Sp" for a person
    got = names(nlp, "Kapadia prepared false end-user statements naming Penang Precision Works Sdn. Bhd., a company "
                     "controlled by Wu's cousin, Tan Boon Hock.")
    assert got.get("Penang Precision Works Sdn. Bhd.") == "Company"
    got = names(nlp, "In Europe, Feiyue's drones were imported by the Polish distributor Aerodron Sp. z o.o., which "
                     "supplied 40 to the Polish Border Guard in 2021.")
    assert "Aerodron Sp" not in got
    assert strong_type("Morava Precision s.r.o.") == strong_type("Danube Optics Kft.") == "Company"


@pytest.mark.slow
def test_an_events_year_and_the_kind_of_gathering(nlp: Language) -> None:
    got = names(nlp, "The deal was arranged by Rhine Asia Partners, a Düsseldorf consultancy whose founder, Oliver "
                     "Zhang, introduced Tengyun executives to Bodensee at the AERO Friedrichshafen trade fair in "
                     "2018, the people said.")  # en-x-0283
    assert got.get("AERO Friedrichshafen") == "Event"
    got = names(nlp, "The company exhibited at the Hydrogen Mobility Summit 2021 in Hamburg.")  # en-x-0272
    assert got.get("Hydrogen Mobility Summit 2021") == "Event"
    # a place's fair is no name: the place stays a place where the text names it
    got = names(nlp, "Nanning hosted the talks. Firms met at the Nanning expo.")
    assert "Nanning" not in got or got["Nanning"] == "Place"


def test_foundations_clusters_and_exchange_bodies_are_organizations() -> None:
    # training names the fold typer mistyped (en-x-0278, en-w-1009, en-x-0271, en-w-1264, en-w-1123, en-p-wh2-039):
    # a foundation named in its own language, an industry cluster, a body for exchanges, a council on relations
    for name in ["Fondation Favre", "Kessler Familienstiftung", "Danish Robotics Cluster",
                 "China Institute for Cross-Strait Exchange", "Institute for Sino-American Exchange",
                 "Council on Foreign Relations", "U.N. Commission on Narcotic Drugs"]:
        assert strong_type(name) == "Organization", name
    for name in ["National Security Council", "Office of International Cooperation and Exchange", "State Council"]:
        assert strong_type(name) != "Organization", name


@pytest.mark.slow
def test_a_technology_word_that_only_describes_a_firm_or_a_person(nlp: Language) -> None:
    def techs(text: str) -> set[str]:
        return {n for n, t in names(nlp, text).items() if t == "Technology"}

    # what a firm or an engineer works in is transferred or researched nowhere (docs/annotation.md 3)
    assert not techs("Aldridge, a family-owned aerospace company in Bristol, hired two radar engineers in 2019.")
    # a field's laboratory keeps it (en-w-0010)
    assert "photonics" in techs("SYDNEY — A Melbourne university is reviewing a photonics laboratory that was funded "
                                "by a Chinese company.")
