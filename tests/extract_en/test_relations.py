"""Relation rules on real sentences from the dev documents, modality and negation, dates, and the
evidence-offset invariant over the whole shipped corpus."""

from __future__ import annotations

import json

import pytest

from mcfwatch.data import sample_path
from mcfwatch.model import Document, Extraction


def rels(ex: Extraction, rtype: str) -> list[tuple[str, str]]:
    names = {e.id: e.name for e in ex.entities}
    return [(names[r.source], names[r.target]) for r in ex.relations if r.type == rtype]

pytestmark = pytest.mark.slow


def test_meeting_with_date_from_publication_year(extract_text) -> None:  # wh-011
    ex = extract_text("President Joseph R. Biden, Jr. met virtually on November 15 with President Xi Jinping of "
                      "the People’s Republic of China (PRC).", published="2021-11-16")
    [(a, b)] = rels(ex, "meeting")
    assert "Biden" in a + b and "Xi Jinping" in {a, b}
    assert next(r for r in ex.relations if r.type == "meeting").date == "2021-11-15"


def test_meeting_with_titled_person_and_position(extract_text) -> None:  # wh-016
    ex = extract_text("National Security Advisor Jake Sullivan met on September 16-17 with Chinese Communist Party "
                      "Politburo Member, Director of the Office of the Foreign Affairs Commission, and Foreign "
                      "Minister Wang Yi in Malta.", published="2023-09-17")
    assert rels(ex, "meeting") == [("Jake Sullivan", "Wang Yi")]
    r = next(r for r in ex.relations if r.type == "meeting")
    assert (r.date, r.date_end) == ("2023-09-16", "2023-09-17")
    assert ("Wang Yi", "Office of the Foreign Affairs Commission") in rels(ex, "position")


@pytest.mark.parametrize(("text", "rtype", "pair"), [
    ("Acme Corp exported the radar components to Harbin Engineering University in 2018.", "export",
     ("Acme Corp", "Harbin Engineering University")),
    ("The project was funded by the National Natural Science Foundation of China.", None, None),
    ("Zhang Wei, a professor at Beihang University, attended the World Internet Conference.", "participation",
     ("Zhang Wei", "World Internet Conference")),
])
def test_relation_types(extract_text, text: str, rtype: str | None, pair: tuple[str, str] | None) -> None:
    ex = extract_text(text)
    if rtype is not None:
        got = rels(ex, rtype)
        assert pair in got or (pair[1], pair[0]) in got, ex.relations


@pytest.mark.parametrize("text", [
    "The Baoding Economic and Trade Delegation plans to visit the United Kingdom in 2020.",
    "The Baoding Economic and Trade Delegation will visit Italy next year.",
    "The Lizhong Group did not sign an agreement with Brunel University.",
    "The Lizhong Group is negotiating an agreement with Brunel University.",
    "Baoding invited officials of Cork County to visit Baoding.",
    "The Lizhong Group is being investigated for exporting alloys to Iran.",
    "Brunel University proposed a joint laboratory with the Lizhong Group.",
])
def test_no_relation_from_plans_negations_invitations(extract_text, text: str) -> None:
    ex = extract_text(text)
    assert not [r for r in ex.relations if r.type in {"visit", "agreement", "export"}], ex.relations


def test_coordination_gives_two_visits(extract_text) -> None:
    ex = extract_text("From November 19 to 26, 2018, the Baoding Economic and Trade Delegation visited the "
                      "United Kingdom and Italy.")
    assert sorted(rels(ex, "visit")) == [("Baoding Economic and Trade Delegation", "Italy"),
                                         ("Baoding Economic and Trade Delegation", "United Kingdom")]


def _corpus() -> list[Document]:
    docs = []
    for path in sorted(sample_path("corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            docs.append(Document(text=r["text"], id=r["id"], published=r.get("date"), language="en"))
    return docs


def test_evidence_offsets_over_the_whole_corpus(english) -> None:
    docs = _corpus()
    assert len(docs) >= 60
    for ex in english.extract_many(docs):
        ex.check()
        text = ex.document.text
        for e in ex.entities:
            assert e.mentions
            for m in e.mentions:
                assert text[m.start:m.end] == m.text
        for r in ex.relations:
            assert text[r.evidence.start:r.evidence.end] == r.evidence.text
            assert 0.0 < r.confidence <= 1.0
