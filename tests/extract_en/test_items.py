"""Items a transfer verb or noun takes are Technology names (extract/en/items.py). Sentences from the corpus
documents named in each comment (corpus/extra, annotated by docs/annotation.md section 3)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from mcfwatch.extract.en.items import ITEM_HEAD_WORDS, plural
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
