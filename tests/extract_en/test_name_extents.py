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


@pytest.mark.parametrize(("text", "name"), [
    ("Hosted jointly by the China Association for International Exchange of Personnel and the provincial "
     "government.", "China Association for International Exchange of Personnel"),  # en-w-1038
    ("The expo is hosted by the Henan Provincial People's Government and the Aircraft Owners and Pilots Association "
     "of China, and organised by the Zhengzhou Airport Economy Zone.",
     "Aircraft Owners and Pilots Association of China"),  # en-w-1212
    ("The Chinese Association of Professionals in Science and Technology, a group in the United States, organised "
     "the annual Overseas Talent Exchange Conference.",
     "Chinese Association of Professionals in Science and Technology"),  # en-w-0021
    ("The municipal council of Vänersborg has again been invited to the Zhenjiang International Glasses and Optics "
     "Fair, this time by the Zhenjiang Danyang Municipal People's Government, which organises the fair with the "
     "China Optometric and Optical Association.", "China Optometric and Optical Association"),  # en-w-1098
    ("That festival is organised by the Yantai Municipal People's Government and the China Chamber of Commerce for "
     "Import and Export of Foodstuffs.", "China Chamber of Commerce for Import and Export of Foodstuffs"),  # en-w-1185
])
def test_a_body_of_members_keeps_its_whole_name(extract_text, text: str, name: str) -> None:
    # the old code cut each of these at its "of", "for" or "and" (one name or two)
    assert name in {e.name for e in extract_text(text).entities if e.type == "Organization"}


def test_a_member_body_after_and_stays_apart_from_a_university(nlp: Language) -> None:
    found = mentions(nlp, "Tsinghua University and China Association for Science and Technology signed the plan.")
    assert "China Association for Science and Technology" in found


@pytest.mark.parametrize(("text", "firm", "place"), [
    ("BIS issued a denial order against Mingda Trading of Shenzhen after finding that it re-exported U.S. parts.",
     "Mingda Trading", "Shenzhen"),  # en-w-1169
    ("Sinotech announced distribution agreements with Optilux GmbH of Germany.", "Optilux GmbH", "Germany"),  # en-w-0048
])
def test_a_firm_of_its_town_is_the_firm_and_the_place(nlp: Language, text: str, firm: str, place: str) -> None:
    from spacy.tokens import Span
    doc = nlp(text)
    whole = doc.char_span(text.index(firm), text.index(place) + len(place))
    doc.ents = [Span(doc, whole.start, whole.end, label="ORG")]  # the held-out ner's span: one name
    found = {m.text: m.type for m in mentions_of(doc)}
    assert found.get(firm) == "Company" and found.get(place) == "Place"


def test_a_chinese_firm_of_china_stays_one_name(nlp: Language) -> None:  # en-w-1122
    from spacy.tokens import Span
    text = "The engines came from Aviation Industries of China."
    doc = nlp(text)
    whole = doc.char_span(text.index("Aviation"), len(text) - 1)
    doc.ents = [Span(doc, whole.start, whole.end, label="ORG")]
    assert "Aviation Industries of China" in {m.text for m in mentions_of(doc)}


def test_an_annual_event_is_named_without_annual(extract_text) -> None:  # en-w-1002
    ex = extract_text("He has since taken part in the school's annual Underwater Unmanned Systems Forum.")
    assert "Underwater Unmanned Systems Forum" in {e.name for e in ex.entities if e.type == "Event"}
