"""Public bodies as court filings, press releases and diplomatic news name them (extents.seat_tail,
cleanup.caption_body, heads._COURT, entities._office_of, units.py). Phrasings from the corpus documents named in
each comment (corpus/extra and corpus/train annotate the names so)."""

from __future__ import annotations

import pytest

from mcfwatch.model import Extraction


def bodies(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.type == "PublicBody"}


@pytest.mark.slow
def test_a_mission_keeps_its_seat_and_a_ministry_its_country(extract_text) -> None:  # en-x-0157, 0181, 0207, 0081
    ex = extract_text("The Consulate General of Poland in Chengdu and the Embassy of Canada to China hosted the "
                      "reception, with the Ministry of Defence of Laos and the Ministry of Commerce of the People's "
                      "Republic of China.")
    assert {"Consulate General of Poland in Chengdu", "Embassy of Canada to China", "Ministry of Defence of Laos",
            "Ministry of Commerce of the People's Republic of China"} <= bodies(ex)
    # a province is no country: its department is not named "Ministry ... of Jiangsu"
    ex = extract_text("The Ministry of Education of Jiangsu Province approved the programme.")
    assert "Ministry of Education of Jiangsu Province" not in bodies(ex)


@pytest.mark.slow
def test_a_prosecutors_office_and_a_court_caption(extract_text) -> None:  # en-w-0003, en-x-0055
    ex = extract_text("The case was prosecuted by the U.S. Attorney's Office for the District of Massachusetts.")
    assert "U.S. Attorney's Office for the District of Massachusetts" in bodies(ex)
    ex = extract_text("UNITED STATES DISTRICT COURT FOR THE EASTERN DISTRICT OF VIRGINIA\n\nUNITED STATES OF AMERICA "
                      "v. JOHN DOE\n\nThe defendant exported the items without a licence.")
    assert "UNITED STATES DISTRICT COURT FOR THE EASTERN DISTRICT OF VIRGINIA" in bodies(ex)
    # "China's Ambassadors": a possessive inside a name is still no name
    ex = extract_text("China's Ambassadors Forum met in Beijing.")
    assert not any("'s" in n for n in bodies(ex))


@pytest.mark.slow
def test_a_numbered_institute_of_a_group_keeps_its_name(extract_text) -> None:  # en-x-0055
    ex = extract_text("Researchers at the 14th Research Institute of China Electronics Technology Group Corporation "
                      "(CETC) worked with the university.")
    units = {e.name: e for e in ex.entities if e.type == "University"}
    assert any("14th Research Institute" in [e.name, *e.aliases] for e in units.values())
    firms = {e.name: e.aliases for e in ex.entities if e.type == "Company"}
    assert "CETC" in firms.get("China Electronics Technology Group Corporation", [])


def test_trusts_authorities_and_courts_by_their_shape() -> None:  # en-x-0186 (Leverhulme Trust)
    from mcfwatch.extract.en.heads import strong_type

    assert strong_type("Leverhulme Trust") == "Organization"  # a charitable trust
    assert strong_type("Northern Investment Trust") is None  # an investment trust is a firm's name
    assert strong_type("Civil Aviation Authority") == "PublicBody"
    assert strong_type("UNITED STATES DISTRICT COURT FOR THE DISTRICT OF NEW JERSEY") == "PublicBody"
    assert strong_type("International Criminal Court") is None  # an international body (entities._type_from_head)
