"""The guide's session-25 entity types for two name shapes (docs/annotation.md section 3, marked [s25]), as
``heads.strong_type`` gives them over the trained typer: a named industrial park, development zone or new area is a
Place (its administrative committee stays a PublicBody), the China Council for the Promotion of International Trade
and its local councils an Organization. Sentences from corpus/train and corpus/extra, named in a comment."""

from __future__ import annotations

import pytest

from mcfwatch.extract.en.heads import strong_type
from mcfwatch.model import Extraction

pytestmark = pytest.mark.slow


def typed(ex: Extraction) -> dict[str, str]:
    return {e.name: e.type for e in ex.entities}


def test_named_parks_and_zones_are_places_where_the_text_makes_them_act(extract_text) -> None:
    ex = extract_text("The expo is hosted by the Henan Provincial People's Government and the Aircraft Owners and "
                      "Pilots Association of China, and organised by the Zhengzhou Airport Economy Zone.")  # en-w-1212
    assert typed(ex).get("Zhengzhou Airport Economy Zone") == "Place"
    ex = extract_text("5. Events. Dr Chen spoke at the Wuhan International Photonics Forum in 2017 and 2018. The "
                      "forum is organised by HUST and the Wuhan East Lake High-tech Zone.")  # en-w-0038
    assert typed(ex).get("Wuhan East Lake High-tech Zone") == "Place"
    ex = extract_text("Many Chinese cities and high-tech zones pay organisations abroad to find candidates for them. "
                      "The Hefei High-tech Industrial Development Zone, for example, lists on its website a \"talent "
                      "workstation\" in Munich run by the Bavarian-Chinese Innovation Association.")  # en-x-0249
    assert typed(ex).get("Hefei High-tech Industrial Development Zone") == "Place"


def test_the_trade_promotion_council_is_an_organization(extract_text) -> None:
    ex = extract_text("Trade mission. Governor Matt Riley led a 30-member trade mission to Shanghai and Tianjin in "
                      "September at the invitation of the China Council for the Promotion of International "
                      "Trade.")  # en-w-0049
    assert typed(ex).get("China Council for the Promotion of International Trade") == "Organization"
    ex = extract_text("\"We thank the China Council for the Promotion of International Trade for matching us with "
                      "these outstanding partners.\"")  # en-x-0074
    assert typed(ex).get("China Council for the Promotion of International Trade") == "Organization"


def test_the_shapes_leave_committees_firms_and_people_alone() -> None:
    assert strong_type("Suzhou Industrial Park Administrative Committee") is None  # PublicBody by the typer
    assert strong_type("Zhangjiang Science Park Development Co.") == "Company"
    assert strong_type("Susan Park") is None  # en-w-1211, a person
    assert strong_type("CCPIT Suzhou Sub-council") == "Organization"  # en-w-1054
    assert strong_type("Tianjin Binhai New Area") == "Place"  # en-x-0177
    assert strong_type("Beijing Economic-Technological Development Area") == "Place"  # en-x-0261


@pytest.mark.parametrize("name", ["State Council Taiwan Affairs Office", "Legislative Council Panel on Security Affairs"])
def test_a_government_office_with_a_council_in_its_name_is_no_think_tank(name: str) -> None:  # review s25
    from mcfwatch.extract.en.heads import strong_type

    assert strong_type(name) != "Organization"
