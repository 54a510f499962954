"""Positions told by a possessor and an appositive name, by a board seat and through "vice-" titles, and an export
whose recipient the parse hangs elsewhere, on passages of
the training corpus (corpus/train/en.jsonl, the document named in each test); relations made by the rules."""

from __future__ import annotations

import pytest

from .test_references import passage, rels

pytestmark = pytest.mark.slow


def test_possessor_title_and_appositive_name(extract_text) -> None:  # en-w-1250, en-w-0007
    ex = extract_text(passage("en-w-1250", "Hangzhou Lanshi Vision, whose", "and chairs it."))
    assert any(s == "Gu Weidong" and "Lanshi" in t for s, t in rels(ex, "position"))
    ex = extract_text(passage("en-w-0007", "Brennan's managing director", "joins Brennan's board."))
    assert ("Martin Doyle", "Brennan") in rels(ex, "position")


def test_board_seat(extract_text) -> None:  # en-w-0007
    ex = extract_text(passage("en-w-0007", "Brennan's managing director", "joins Brennan's board."))
    assert ("Wang Hai", "Brennan") in rels(ex, "position")


def test_vice_titles_are_one_token(extract_text, english) -> None:  # en-w-0063
    doc = english.nlp(passage("en-w-0063", "MASA chair Helen Price", "Liu Qiang."))
    tok = next(t for t in doc if t.lower_ == "vice-president")
    assert tok.lemma_ == "president"
    ex = extract_text(passage("en-w-0063", "MASA chair Helen Price", "Liu Qiang."))
    assert ("Liu Qiang", "XAC") in rels(ex, "position")


def test_export_to_a_party_the_parse_hangs_elsewhere(extract_text) -> None:  # en-w-1224
    ex = extract_text(passage("en-w-1224", "The delegation was led by", "Locomotive since 2016."))
    assert any("Piedmont" in s and t == "CRRC Zhuzhou Locomotive" for s, t in rels(ex, "export"))
