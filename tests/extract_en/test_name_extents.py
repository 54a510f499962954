"""Names cut short on held-out text (entities.tech_extent, extents.joined_halves): sentences from the corpus
documents named in the comments."""

from __future__ import annotations

import pytest
from spacy.language import Language

from mcfwatch.extract.en.entities import mentions_of

pytestmark = pytest.mark.slow


def mentions(nlp: Language, text: str) -> dict[str, str]:
    return {m.text: m.type for m in mentions_of(nlp(text))}


@pytest.mark.parametrize(("text", "item"), [
    ("Beijing is also taking steps to develop directed energy weapons and electromagnetic railguns.",  # en-p-gn-013
     "directed energy weapons"),
    ("The firm supplied marine-grade sonar transducers to the navy.", "marine-grade sonar transducers"),  # en-w-1065
])
def test_a_technology_keeps_the_item_it_names(nlp: Language, text: str, item: str) -> None:
    assert mentions(nlp, text).get(item) == "Technology"


def test_a_technology_leaves_judgement_words_out(nlp: Language) -> None:
    found = mentions(nlp, "The company exported other sensitive radar components to Iran.")
    assert "radar components" in found and not any("sensitive" in m for m in found)


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("He chaired the Chinese Students and Scholars Association at the university.",  # en-w-1264
     "Chinese Students and Scholars Association", "Organization"),
    ("The Ministry of Agriculture and Rural Affairs signed the plan.",  # en-w-1038
     "Ministry of Agriculture and Rural Affairs", "PublicBody"),
])
def test_a_name_cut_at_its_and_is_one_name(nlp: Language, text: str, name: str, etype: str) -> None:
    assert mentions(nlp, text).get(name) == etype


def test_two_bodies_joined_by_and_stay_two(nlp: Language) -> None:  # en-w-0052
    found = mentions(nlp, "The Department of Commerce and Homeland Security Investigations opened a case. Huawei "
                          "and ZTE Corporation were named.")
    assert "Department of Commerce" in found and "Homeland Security Investigations" in found
    assert "Huawei" in found and "ZTE Corporation" in found
