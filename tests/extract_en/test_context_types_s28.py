"""Types read from the words around a name, on the sentences of a third party's case report (an Italian police
case on a drone maker's covert takeover, session 27, text nobody tuned on): a name after "near" is a place
(localities._sited), a name after "the <trade> company" or "maker" is a firm and so is the buyer of a firm
("the purchase of X by Y": entities._firm_named, entities._buyer); and the last word of a field after "and" that
the recogniser names apart belongs to the field's body (extents.lone_field_word, _field_of)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from mcfwatch.extract.en.entities import mentions_of

pytestmark = pytest.mark.slow

_ALPI = ("PORDENONE, Italy — The Guardia di Finanza said on Tuesday that Alpi Aviation, a small manufacturer of "
         "military drones based in San Quirino near Pordenone, had been secretly acquired by two Chinese state-owned "
         "companies in 2018.\n\nThe government of Prime Minister Mario Draghi had already blocked three Chinese "
         "takeovers in 2021, including the purchase of the seed company Verisem by Syngenta and the purchase of the "
         "semiconductor equipment maker LPE by Shenzhen Investment Holdings.")


def test_a_town_near_a_town_a_firm_after_its_trade_and_its_buyer(extract_text) -> None:
    types = {e.name: e.type for e in extract_text(_ALPI).entities}
    assert types["Pordenone"] == "Place"  # the recogniser's ORG, the typer's Company before
    assert types["San Quirino"] == "Place"
    assert types["Verisem"] == "Company"  # GPE, Place before
    assert types["Syngenta"] == "Company"
    assert types["LPE"] == "Company"


def test_near_a_firms_campus_and_a_clause_after_the_name_stay(extract_text) -> None:
    types = {e.name: e.type for e in extract_text(
        "Protesters gathered near Huawei's campus in Shenzhen. Huawei, the company Washington blacklisted in 2019, "
        "denied it.").entities}
    assert types.get("Huawei") == "Company" and types.get("Washington") == "Place"


def _with_ents(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """The parse with the recogniser's names as the held-out fold recognisers gave them (en-w-1088, en-w-1286)."""
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(s), text.index(s) + len(s), label=label) for s, label in ents]
    return doc


def test_a_fields_last_word_named_apart_stays_in_the_field(nlp: Language) -> None:
    doc = _with_ents(nlp, "Its Key Laboratory of Ship Vibration and Noise is a \"national defence key laboratory\", "
                          "and SASTIND has funded it since 2017.",
                     [("Key Laboratory of Ship Vibration", "University"), ("Noise", "PERSON"), ("SASTIND", "ORG")])
    got = {m.text: m.type for m in mentions_of(doc)}
    assert "Key Laboratory of Ship Vibration and Noise" in got and "Noise" not in got
    doc = _with_ents(nlp, "Professor Li Jianfeng met him at the European Conference on Antennas and Propagation in "
                          "2017.", [("Li Jianfeng", "PERSON"), ("European Conference on Antennas", "Event"),
                                    ("Propagation", "GPE")])
    got = {m.text: m.type for m in mentions_of(doc)}
    assert got.get("European Conference on Antennas and Propagation") == "Event" and "Propagation" not in got
    # a second party after "and" stays one: a verb of its own after it, or named again alone
    doc = _with_ents(nlp, "The Beijing Institute of Aeronautical Materials and Harrowgate set up a joint laboratory.",
                     [("Beijing Institute of Aeronautical Materials", "University"), ("Harrowgate", "ORG")])
    assert "Harrowgate" in {m.text for m in mentions_of(doc)}
    doc = _with_ents(nlp, "The Institute of Aeronautical Materials and Harrowgate is the project's name; Harrowgate "
                          "makes pumps.", [("Institute of Aeronautical Materials", "University"),
                                           ("Harrowgate", "ORG")])
    assert "Institute of Aeronautical Materials" in {m.text for m in mentions_of(doc)}


def test_a_body_named_by_its_field_after_a_word_that_says_which(nlp: Language) -> None:
    got = {m.text: m.type for m in mentions_of(nlp(
        "Antwerp customs officers have seized two five-axis machining centres, the General Administration of "
        "Customs and Excise said on Monday."))}  # en-w-1171
    assert got.get("General Administration of Customs and Excise") == "PublicBody"


def test_an_events_topic_ends_before_the_city_it_is_held_in(nlp: Language) -> None:
    got = {m.text for m in mentions_of(nlp("She presented at the International Symposium on Antennas and "
                                           "Propagation in Busan."))}
    assert "International Symposium on Antennas and Propagation" in got


def test_the_politburo_is_a_public_body_of_its_own(extract_text) -> None:
    # White House readouts (corpus/train en-p-wh2-031, -032 annotate the Politburo as a PublicBody, Wang Yi's post)
    types = {e.name: e.type for e in extract_text(
        "To kick off, the National Security Advisor met on May 10th and 11th with Politburo Member and Director of "
        "the Office of the Foreign Affairs Commission Wang Yi in Vienna.").entities}
    assert types.get("Politburo") == "PublicBody"
    types = {e.name: e.type for e in extract_text(
        "I wanted to give you a readout of the National Security Advisor's meeting with Chinese Communist Party "
        "Politburo Member Director Wang Yi.").entities}
    assert types.get("Chinese Communist Party Politburo") == "PublicBody"
