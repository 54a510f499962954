"""Datelines: the story's first sentence starts after the dash, and the dateline's place is no party."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mcfwatch.extract.en.dateline import WITHIN, datelines
from mcfwatch.model import Extraction

TRAIN = Path(__file__).resolve().parents[2] / "corpus" / "train" / "en.jsonl"

SHAPES = [
    ("Manchester, 14 March 2019 - ", "The University of Manchester signed an agreement with HIT."),
    ("LONDON (Reuters) - ", "BAE Systems signed a contract with the Ministry of Defence."),
    ("BEIJING, March 3 (Xinhua) -- ", "Tsinghua University signed a cooperation agreement with AVIC."),
    ("WASHINGTON — ", "The Commerce Department added Huawei to the Entity List."),
    ("LONDON, UK, 3 May 2021 /PRNewswire/ -- ",
     "Oxford Instruments signed an agreement with Harbin Institute of Technology."),
]


def _train(doc_id: str) -> str:
    for line in TRAIN.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] == doc_id:
            return str(rec["text"])
    raise KeyError(doc_id)


def _named(ex: Extraction) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in ex.entities}
    return {(r.type, names[r.source], names[r.target]) for r in ex.relations}


@pytest.mark.parametrize(("line", "body"), SHAPES)
def test_dateline_shapes_end_at_the_dash(line: str, body: str) -> None:
    assert datelines(line + body) == [(0, len(line))]


@pytest.mark.parametrize(("doc_id", "line"), [
    ("en-w-1251", "JINAN, Dec. 1 — "), ("en-w-1015", "PORTLAND, Ore. – "), ("en-w-1002", "June 30, 2021 — "),
    ("en-w-0029", "BUENOS AIRES, Nov 24 (Wire) — "), ("en-w-1112", "EMMERICH, 17 April 2019 — "),
])
def test_corpus_datelines_after_the_headline(doc_id: str, line: str) -> None:
    text = _train(doc_id)
    [(start, end)] = datelines(text)
    assert text[start:end] == line and text[start - 2:start] == "\n\n"


@pytest.mark.parametrize("doc_id", ["en-w-1034", "en-w-1064"])  # "Invest Lower Rhine — Annual Report", "PROSPECTUS (extract) —"
def test_headlines_with_a_dash_are_no_dateline(doc_id: str) -> None:
    assert datelines(_train(doc_id)) == []


def test_a_dash_in_the_body_is_no_dateline() -> None:
    filler = "The delegation toured the plant. " * (WITHIN // 30)
    assert datelines(filler + "\nHUAWEI — The company said nothing.") == []
    assert datelines("Huawei - The company said nothing.") == []  # a place alone must be in capitals


@pytest.mark.parametrize(("line", "body"), SHAPES)
def test_the_first_sentence_starts_after_the_dateline(extract_text, english, line: str, body: str) -> None:
    sdoc = english.nlp(line + body)
    starts = [s.start_char for s in sdoc.sents]
    assert len(line) in starts and 0 in starts
    ex = extract_text(line + body)
    place = line.split(",")[0].split(" (")[0].split(" —")[0]
    assert all(e.name != place for e in ex.entities)
    assert all(r.evidence.start >= len(line) for r in ex.relations)


def test_manchester_dateline_is_no_party(extract_text) -> None:
    line, body = SHAPES[0]
    rels = _named(extract_text(line + body))
    assert ("agreement", "University of Manchester", "HIT") in rels
    assert not any("Manchester" in (s, t) for _, s, t in rels)


def test_wire_dateline_is_no_party(extract_text) -> None:
    line, body = SHAPES[4]
    rels = _named(extract_text(line + body))
    assert rels == {("agreement", "Oxford Instruments", "Harbin Institute of Technology")}
