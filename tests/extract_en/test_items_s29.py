"""Item classes that the unseen documents of corpus/extra (en-x-0231..0293, outside the session-24 fold models'
training) missed most (session 29): an item the parser breaks up, a product named before its kind of item, a
"supply X with Y" receiver, what a maker makes and what is obtained or sourced, each with the phrasing of a
government release or a case note."""

from __future__ import annotations

import pytest

from mcfwatch.model import Extraction


def technologies(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.type == "Technology"}


def types(ex: Extraction) -> dict[str, str]:
    return {e.name: e.type for e in ex.entities}


@pytest.mark.slow
def test_an_item_keeps_every_modifier_of_its_noun_phrase(extract_text) -> None:  # en-x-0234, -0235, -0279
    ex = extract_text("Between 2018 and 2020 the two defendants acquired radiation-hardened analog-to-digital "
                      "converters for the Beijing Institute of Control Engineering.")
    assert "radiation-hardened analog-to-digital converters" in technologies(ex)
    ex = extract_text("Prosecutors say the engineer copied the process recipes for 14-nanometre logic chips "
                      "before he left the company.")
    assert "14-nanometre logic chips" in technologies(ex)
    ex = extract_text("The Entity List rule says Tianjin Xinrui has acquired U.S.-origin gallium nitride power "
                      "amplifiers for a research institute in Chengdu.")
    assert "gallium nitride power amplifiers" in technologies(ex)


@pytest.mark.slow
def test_a_product_named_before_its_kind_of_item(extract_text) -> None:  # en-x-0236, -0251, -0262
    ex = extract_text("The center's machine was built from tens of thousands of Xeon processors supplied by "
                      "Intel. Intel said it had met every licence condition.")
    assert "Xeon processors" in technologies(ex) and types(ex).get("Intel") == "Company"
    ex = extract_text("Reasons: Ostrava Tools has supplied CNC machine tools manufactured in the European Union "
                      "to the Tula Arms Plant.")
    assert "CNC machine tools" in technologies(ex) and "CNC" not in types(ex)
    # a firm the lexicon knows stays a firm; a name written alone elsewhere is no product
    ex = extract_text("The distributor sold Hikvision cameras to the police. Keystone said Keystone routers "
                      "were never sold in Iran.")
    assert types(ex).get("Hikvision") == "Company" and "Keystone routers" not in technologies(ex)


@pytest.mark.slow
def test_what_a_receiver_is_supplied_with(extract_text) -> None:  # en-x-0252, -0275
    ex = extract_text("Since 2019 Corvan Composites has supplied Harbin Aircraft Industry with carbon-fibre "
                      "tubes from its plant in Tianjin.")
    assert "carbon-fibre tubes" in technologies(ex)
    ex = extract_text("Meridian already supplies Jiangnan Packaging with die attach equipment.")
    assert "die attach equipment" in technologies(ex)


@pytest.mark.slow
def test_what_is_made_obtained_or_resold_without_a_technology_word(extract_text) -> None:  # en-x-0241, -0247, -0257, -0266
    ex = extract_text("According to the indictment, Zhao obtained wafer probers and parametric test systems from "
                      "U.S. manufacturers.")
    assert {"wafer probers", "parametric test systems"} <= technologies(ex)
    ex = extract_text("Since May 2022, Volga Aero Supply has sourced brake assemblies for Russian airlines.")
    assert "brake assemblies" in technologies(ex)
    ex = extract_text("Luoyang Avionics produces head-up displays and mission computers for fighter aircraft.")
    assert {"head-up displays", "mission computers"} <= technologies(ex)  # one list: like the item it is listed with
    ex = extract_text("In 2022 the distributor resold three atomic layer deposition systems to a university in "
                      "Hefei.")
    assert "atomic layer deposition systems" in technologies(ex)
    ex = extract_text("Its plant in Newport makes power devices for the car industry.")
    assert "power devices" in technologies(ex)


@pytest.mark.slow
def test_a_listed_item_whose_first_word_the_parser_read_as_a_verb(extract_text) -> None:  # en-x-0247
    ex = extract_text("In its plea agreement, Norfolk Test admitted that in 2021 it sold probe cards and curve "
                      "tracers to a trading company in Hong Kong.")
    assert {"probe cards", "curve tracers"} <= technologies(ex)
    ex = extract_text("The company sold the plant and closed the office in Suzhou.")
    assert not technologies(ex)  # a second act: no item


@pytest.mark.slow
def test_the_object_of_a_verb_of_export_the_parser_read_as_a_noun(extract_text) -> None:  # en-w-1091 (dev)
    ex = extract_text("A businessman from Ottawa pleaded guilty today to conspiring to export accelerometers and "
                      "gyroscopes to China.")
    assert {"accelerometers", "gyroscopes"} <= technologies(ex)
    assert not technologies(extract_text("The firm hopes to export growth to new markets."))


@pytest.mark.slow
def test_the_examples_an_item_names(extract_text) -> None:  # the BIS/DOJ phrasing of a shipment's contents
    ex = extract_text("Between 2020 and 2022 the company exported electronic components, including "
                      "microcontrollers and voltage regulators, to Russia.")
    assert {"microcontrollers", "voltage regulators"} <= technologies(ex)
    ex = extract_text("The company supplied dual-use goods, including gyroscopes, to a trading firm in Hong Kong.")
    assert "gyroscopes" in technologies(ex)
    assert not technologies(extract_text("The firm sold products including consulting services to the ministry."))


@pytest.mark.slow
def test_no_item_without_a_word_that_says_which(extract_text) -> None:
    ex = extract_text("The company obtained approvals from the ministry and sourced additional equipment. "
                      "The PRC keeps providing Russia with lethal aid. It makes record profits.")
    assert not technologies(ex)
