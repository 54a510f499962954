"""Short forms of a name given in full earlier (extract/en/shortforms.py, merge.py): one entity per party
(docs/annotation.md 1.3). Sentences from the corpus document named in each comment."""

from __future__ import annotations

import pytest

from mcfwatch.extract.en.entities import EntityTable, _merge
from mcfwatch.extract.en.merge import merge_people
from mcfwatch.extract.en.shortforms import acronym_gaps
from mcfwatch.model import Extraction

pytestmark = pytest.mark.slow


def entity(ex: Extraction, name: str) -> tuple[str, str, set[str]]:
    """(id, type, all names) of the entity called ``name``."""
    e = next(e for e in ex.entities if name in {e.name, *e.aliases})
    return e.id, e.type, {e.name, *e.aliases}


def test_acronyms_built_from_leading_letters() -> None:
    assert acronym_gaps("HEU", "Harbin Engineering University") == 0
    assert acronym_gaps("NUDT", "National University of Defense Technology") == 0
    assert acronym_gaps("UESTC", "University of Electronic Science and Technology of China") == 0
    assert acronym_gaps("NORINCO", "North Industries Corporation") == 0  # "NORth INdustries COrporation"
    assert acronym_gaps("CETC", "China Electronics Technology Group Corporation") == 1  # "Group" left out
    assert acronym_gaps("NIST", "National Security Agency") is None
    assert acronym_gaps("CCP", "Changjiang Scholars Program") is None
    gaps = acronym_gaps("BIS", "Beijing Institute of Structure and Environment Engineering")
    assert gaps is not None and gaps > 1


def test_an_acronym_used_alone_is_the_long_name(extract_text) -> None:  # en-w-0053
    ex = extract_text("Harbin Engineering University. HEU is supervised by the Ministry of Industry and Information "
                      "Technology. In 2018 HEU recruited a Canadian sonar engineer, Dr Paul Girard.\n\n"
                      "University of Electronic Science and Technology of China. UESTC jointly founded the Chengdu "
                      "Military-Civil Fusion Innovation Alliance.")
    heu = entity(ex, "HEU")
    assert heu == entity(ex, "Harbin Engineering University") and heu[1] == "University"
    assert entity(ex, "UESTC") == entity(ex, "University of Electronic Science and Technology of China")


def test_a_firm_named_by_a_run_of_its_words(extract_text) -> None:  # en-w-1024
    ex = extract_text("Frank Zhou, 49, president of Redline Components Inc., pleaded guilty in November 2020. "
                      "Between 2016 and 2019 Zhou sold 1,300 amplifiers to Chengdu Huaxin Microwave Co.\n\n"
                      "Chengdu Huaxin had recruited Zhou as its U.S. purchasing agent in 2015 and paid Redline a "
                      "commission of 8 percent on each order. Zhou met Huaxin's purchasing chief, Deng Yue, in "
                      "Chengdu in 2017.\n\nRedline Components also pleaded guilty and was fined $250,000.")
    huaxin = entity(ex, "Chengdu Huaxin Microwave Co.")
    assert {"Chengdu Huaxin", "Huaxin"} <= huaxin[2] and huaxin[1] == "Company"
    assert {"Redline", "Redline Components"} <= entity(ex, "Redline Components Inc.")[2]
    assert entity(ex, "Chengdu")[1] == "Place" and entity(ex, "Chengdu")[0] != huaxin[0]  # the city stays


def test_a_short_form_of_two_firms_is_the_one_named_last_before_it(extract_text) -> None:  # en-w-1148
    ex = extract_text("Lu met Thomas Krüger, board member of the German automotive supplier Rheinhold Automotive; "
                      "Marie Dupont, chief executive of the French robotics firm Lyonbotique; and Kenta Ishida, "
                      "president of Ishida Precision. He also received a delegation of the Bavarian Chambers of "
                      "Industry and Commerce.\n\nRheinhold has owned 51 percent of the Hefei joint venture Rheinhold "
                      "Huaihe Components since 2014; its partner, Anhui Huaihe Automobile Group, holds the rest.")
    automotive = entity(ex, "Rheinhold Automotive")
    assert "Rheinhold" in automotive[2]  # the old code kept "Rheinhold" apart: two firms could own it
    assert entity(ex, "Rheinhold Huaihe Components")[0] != automotive[0]  # the two owners stay two


def test_a_unit_or_a_city_is_no_short_form(extract_text) -> None:  # en-w-0053, en-w-0017
    ex = extract_text("Xidian runs joint laboratories with China Electronics Technology Group Corporation 54th "
                      "Research Institute. China Electronics Technology Group Corporation also funds two projects. "
                      "Beijing Institute of Technology opened a campus in Beijing.")
    assert entity(ex, "China Electronics Technology Group Corporation")[0] != \
        entity(ex, "China Electronics Technology Group Corporation 54th Research Institute")[0]
    assert entity(ex, "Beijing")[0] != entity(ex, "Beijing Institute of Technology")[0]


def test_a_surname_typed_as_a_firm_is_the_person() -> None:  # en-w-1005: the fold typer made Whitcombe a firm
    table = EntityTable()
    alan = table.add("Alan Whitcombe", "Person", 40, 54)
    table.add("Mianyang", "Place", 70, 78)
    table.add("Whitcombe", "Company", 120, 129)
    table.add("Whitcombe", "Company", 300, 309)
    merge_people(table)
    assert [n for n in table.names.values() if "Whitcombe" in n] == ["Alan Whitcombe"]
    assert table.types[alan] == "Person" and "Whitcombe" in table.aliases[alan]


def test_entity_ids_stay_unique_after_a_merge() -> None:
    table = EntityTable()
    a = table.add("Harbin Engineering University", "University", 0, 29)
    b = table.add("HEU", "University", 31, 34)
    _merge(table, b, a)
    c = table.add("Paul Girard", "Person", 40, 51)
    assert c not in {a, b} and table.names[a] == "Harbin Engineering University" and table.names[c] == "Paul Girard"
