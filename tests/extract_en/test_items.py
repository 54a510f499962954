"""Items a transfer verb or noun takes are Technology names (extract/en/items.py). Sentences from the corpus
documents named in each comment (corpus/extra, annotated by docs/annotation.md section 3)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from mcfwatch.extract.en.items import ITEM_HEAD_WORDS, plural
from mcfwatch.extract.en.techwords import says_technology, technology_word
from mcfwatch.model import Extraction

REPO = Path(__file__).resolve().parents[2]


def technologies(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.type == "Technology"}


@pytest.mark.slow
def test_the_object_of_a_handover_verb_is_an_item(extract_text) -> None:  # en-x-0152, en-x-0184
    ex = extract_text("Ningbo Feiteng Power Co. supplied two-stroke piston engines to Iran Aircraft Manufacturing "
                      "Industrial Company (HESA) for use in one-way attack drones.")
    assert "two-stroke piston engines" in technologies(ex)  # "two-" is part of the modifier, not a quantity
    ex = extract_text("Tianjin Ruike Electronics provided gyroscopes and accelerometers to Iran's Ministry of Defense "
                      "and Armed Forces Logistics in 2021.")
    assert {"gyroscopes", "accelerometers"} <= technologies(ex)  # each conjunct


@pytest.mark.slow
def test_the_origin_and_the_quantity_stay_outside(extract_text) -> None:  # en-x-0131, en-x-0142
    ex = extract_text("Chen bought U.S.-origin field-programmable gate arrays and radio-frequency amplifiers and "
                      "exported them to Hong Kong.")
    assert {"field-programmable gate arrays", "radio-frequency amplifiers"} <= technologies(ex)
    ex = extract_text("Hanseong Precision has delivered its first batch of spindle motors to Guangzhou Haoyu Motion, "
                      "the Korean firm said.")
    assert "spindle motors" in technologies(ex)  # the item of "a batch of"


@pytest.mark.slow
def test_passive_and_noun_forms(extract_text) -> None:  # en-x-0061, en-x-0131
    ex = extract_text("The cranes were supplied by Shanghai Zhenhua Heavy Industries in 2017.")
    assert "cranes" in technologies(ex)
    ex = extract_text("The order covers sales of thermal-imaging cores by Wuhan Ruixin Optoelectronics Co., Ltd. "
                      "to Iran between 2020 and 2022.")
    assert "thermal-imaging cores" in technologies(ex)


@pytest.mark.slow
def test_no_item_from_abstract_generic_or_farm_objects(extract_text) -> None:
    # real phrasings of speeches and trade news (corpus/train pool documents, en-x-0180)
    ex = extract_text("We will build the middle class and make historic investments. The plan provides assurances "
                      "to our partners. The company sold equipment to Tianjin. Prairie Gold has sold seed corn to "
                      "Jilin Grain Group since 2014. It delivered a keynote address to the forum.")
    assert not technologies(ex)


def test_item_heads_end_technology_names_in_two_or_more_documents() -> None:
    """ITEM_HEADS is learned from the annotations: each head ends Technology names of two or more documents."""
    docs: dict[str, set[str]] = defaultdict(set)
    for path in (REPO / "corpus" / "train" / "en.jsonl", REPO / "corpus" / "extra" / "en.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            for ent in rec["entities"]:
                if ent["type"] == "Technology":
                    for m in ent["mentions"]:
                        docs[m["text"].split()[-1].lower().split("-")[-1]].add(rec["id"])
    for head in ITEM_HEAD_WORDS:
        assert len(docs.get(head, set()) | docs.get(plural(head), set())) >= 2, head


@pytest.mark.slow
def test_the_field_of_research_or_of_an_agreement(extract_text) -> None:  # en-x-0244, en-x-0250, en-x-0252, en-x-0255
    ex = extract_text("Proceeds will be used to expand production in Xi'an and to fund research on satellite-denied "
                      "navigation.")
    assert "satellite-denied navigation" in technologies(ex)
    ex = extract_text("Between 2016 and 2021 the University of the Laurentians received $11.4 million from Hanxin "
                      "Telecommunications, a Shenzhen maker of telecommunications equipment, under 19 research "
                      "contracts in optical networking, 5G antennas and video compression.")
    assert {"optical networking", "video compression"} <= technologies(ex)  # each conjunct
    ex = extract_text("Daehan Vacuum signed a memorandum to set up a joint laboratory for atomic layer deposition in "
                      "Wuxi.")
    assert "atomic layer deposition" in technologies(ex)
    ex = extract_text("Tan, a specialist in composite armour materials, signed a contract in 2015.")
    assert "composite armour materials" in technologies(ex)
    # a field needs a word saying which, and no kind of field or policy is one (real phrasings of speeches and
    # sister-city news)
    ex = extract_text("The two sides agreed on cooperation in higher education and research on climate change. "
                      "The university will build new laboratories and develop closer ties with industry. They "
                      "signed an agreement on supply chain security and research on materials.")
    assert not technologies(ex)


@pytest.mark.slow
def test_what_a_maker_makes(extract_text) -> None:  # en-x-0248, en-x-0232, en-w-1257, en-w-1275
    ex = extract_text("Among the exhibitors was Ferrand Hydraulics, the Wexbridge maker of hydraulic cylinders, which "
                      "signed a supply contract.")
    assert "hydraulic cylinders" in technologies(ex)
    ex = extract_text("Imagination Technologies designs graphics processors and licenses those designs to chip "
                      "makers.")
    assert "graphics processors" in technologies(ex)
    ex = extract_text("Jiangsu Haiyang Electronics makes sonar processors for the PLA Navy.")
    assert "sonar processors" in technologies(ex)  # the technology word with the item it modifies
    ex = extract_text("The institute makes radomes for PLA Air Force missiles.")
    assert "radomes" in technologies(ex)  # made for a party: the bare plural is the item
    ex = extract_text("The company makes new friends, builds partnerships and produces results for investors.")
    assert not technologies(ex)


@pytest.mark.slow
def test_a_field_or_a_made_thing_needs_a_word_of_technology(extract_text) -> None:
    # everyday phrasings of business and government news after the words of making, research and agreement (the
    # reviewer's inputs, review s25 en-extract 3): no word of technology and no item head, so no Technology
    ex = extract_text("The company makes record profits every year. The two cities signed an agreement on visa "
                      "waivers and research on carbon emissions. The bureau works on urban planning. Li, a specialist "
                      "in international tax law, joined the board.")
    assert not technologies(ex)
    # the same phrasings with a word of technology stay items (en-x-0282: "work on collision avoidance for drone
    # swarms": the field serves a technology)
    ex = extract_text("The two cities signed an agreement on hydrogen buses and research on lithium batteries. We won "
                      "a grant for our work on collision avoidance for drone swarms.")
    assert {"hydrogen buses", "lithium batteries", "collision avoidance"} <= technologies(ex)


def test_technology_words_by_vocabulary_and_shape() -> None:
    assert all(technology_word(w) for w in ("lasers", "photonics", "avionics", "hypersonic", "optoelectronic",
                                             "nanoscale", "5G", "3D", "batteries"))
    assert not any(technology_word(w) for w in ("economics", "logistics", "chronic", "iconic", "infrastructure",
                                                 "microfinance", "1990s", "5th", "power", "data", "carbon"))


def test_words_of_two_senses_and_shapes_of_other_fields(extract_text, nlp) -> None:
    # review s26 en-extract 8: a word with an everyday sense ("bearing in mind", "freedom fighters", "terrorist
    # cells") says technology only beside another technology word; the combining forms and endings of other fields
    # ("aerobics", "microeconomics", "microcredit", "photojournalism", "photocopying", "masonic") and a digit with
    # any letter ("5k", "2B") are none
    assert not any(technology_word(w) for w in ("bearings", "fighters", "displays", "signals", "sights", "cells",
                                                 "videos", "aerobics", "microeconomics", "microcredit",
                                                 "photojournalism", "photocopying", "masonic", "5k", "2B"))
    assert all(technology_word(w) for w in ("supersonic", "ultrasonic", "aeroengine", "microelectronics",
                                             "photodetector", "6G"))
    assert not any(says_technology(nlp(p)) for p in ("freedom fighters", "campaign videos", "terrorist cells"))
    assert all(says_technology(nlp(p)) for p in ("solar cells", "video compression", "fighter jets", "fuel-cell stacks"))
    ex = extract_text("The university works on microcredit schemes for farmers.")
    assert not technologies(ex)


@pytest.mark.slow
def test_an_item_whose_ing_word_the_parser_made_a_verb(extract_text) -> None:  # held-out folds en-w-1023, en-w-1060
    # "bought [forging] presses": the parser hangs "forging" on "bought" as a verb and "presses" on it
    ex = extract_text("Foreign inputs remain important: in 2019 Dongsheng bought forging presses from the German firm "
                      "Hagemann Pressen, and Lingjiang imported insulation materials from Japan.")
    assert "forging presses" in technologies(ex)
    # "prepreg", the object of "sold", tagged as a verb
    ex = extract_text("Baltic Composite Works sold carbon-fibre prepreg to Shenyang Kangtai Materials, a supplier of "
                      "AVIC Shenyang Aircraft Corporation, in 2018 and 2019.")
    assert "carbon-fibre prepreg" in technologies(ex)
    # the "-ing" word that is the act itself, or that opens a clause, is no part of the item
    ex = extract_text("He began exporting hydrophones to China in 2015 and bought existing plants in Ohio.")
    assert "exporting hydrophones" not in technologies(ex) and "existing plants" not in technologies(ex)


@pytest.mark.slow
def test_an_item_is_never_part_of_a_written_word(extract_text) -> None:  # held-out folds en-w-1065, -1281, -0066
    # the parser reads "analog-to-digital" as "analog" + "to digital": the whole written word modifies the item
    ex = extract_text("2. Linda Yao, owner of Bayview Electronics, pleaded guilty to causing the export of "
                      "analog-to-digital converters to the China Academy of Engineering Physics.")
    assert "analog-to-digital converters" in technologies(ex)
    # what an item is made of is no origin ("Texas-based" is)
    ex = extract_text("The Loan Program Office issued a $102 million loan to Syrah Technologies to produce "
                      "graphite-based active anode material for EV batteries in Louisiana.")
    assert "graphite-based active anode material" in technologies(ex)
    ex = extract_text("The company exported Texas-based servers to Iran.")
    assert "Texas-based servers" not in technologies(ex)


@pytest.mark.slow
def test_a_recognised_technology_takes_its_whole_hyphenated_word(nlp) -> None:
    from mcfwatch.extract.en.entities import mentions_of

    # the held-out fold recogniser began the name at the hyphen of "early-warning" (en-w-1281) and ended it
    # before the hyphen of "quantum-computing" (en-w-0066)
    text = "The 14th Research Institute builds airborne early-warning radars for the People's Liberation Army."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index("-warning"), text.index(" for"), label="Technology")]
    assert [m.text for m in mentions_of(doc)] == ["airborne early-warning radars"]
    text = "A quantum-computing laboratory at Laurentian Institute of Technology co-authored 30 papers."
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index("quantum"), text.index("-computing"), label="Technology")]
    assert "quantum-computing" in [m.text for m in mentions_of(doc)]


@pytest.mark.slow
def test_kinds_of_item_learned_from_the_annotations_after_a_verb_of_getting(extract_text) -> None:
    # simulator, hydrophone, generator end Technology names in two or more training documents (the test above)
    ex = extract_text("In 2019 the academy acquired a full-motion flight simulator from Lindqvist Aero.")
    assert "full-motion flight simulator" in technologies(ex)
    ex = extract_text("The Harbin institute obtained a towed-array hydrophone from a Norwegian supplier.")
    assert "towed-array hydrophone" in technologies(ex)
    ex = extract_text("The shipyard ordered two diesel generators from a Finnish engine maker.")
    assert "diesel generators" in technologies(ex)
