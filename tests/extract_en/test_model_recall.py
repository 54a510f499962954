"""What lets the English model say more on new text: a sentence that says someone took part without naming the event
pairs them with the document's main event (relmodel/examples ``cue_event``), and in ``both`` the model's thresholds
are lowered by ``combine.SCALES_EN``."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from mcfwatch.extract.en import EnglishExtractor
from mcfwatch.extract.relmodel import combine, examples
from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.model import SCHEMA, Document

SEED = Path(__file__).resolve().parents[2] / "src/mcfwatch/data/samples/000_2742a0ed2317a793.txt"

pytestmark = pytest.mark.slow


def test_took_part_without_the_event_pairs_with_the_main_event(nlp: Language, corpus: dict[str, TrainDoc]) -> None:
    doc = corpus["en-w-0026"]  # ... "Bell Helicopter and Russian Helicopters also took part." (the expo named before)
    exs = examples.label(doc, examples.english(nlp(doc.text), doc.mentions))
    cued = [ex for ex in exs if "cue_event" in ex.features]
    took_part = [ex for ex in cued if doc.text[ex.cand.sent_start:ex.cand.sent_end].startswith("Bell Helicopter and")]
    assert all(ex.cand.first.entity == "che" for ex in took_part)
    assert {ex.cand.second.entity for ex in took_part if ex.labels == {"participation<"}} == {"bell", "rh"}
    # a sentence with no word of taking part gets no such candidate
    assert all(examples.took_part(nlp(doc.text[ex.cand.sent_start:ex.cand.sent_end])) for ex in cued)
    assert not examples.took_part(nlp("The company makes helicopters in Tianjin."))


def test_english_both_lowers_the_model_thresholds_by_its_factor(english: EnglishExtractor,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Document(text=SEED.read_text(encoding="utf-8"), language="en", published="2020-12-22")

    def model_findings() -> int:
        return sum(r.method.startswith("model") for r in next(english.extract_many([doc])).relations)

    monkeypatch.setattr(combine, "FLOORS_EN", dict.fromkeys(SCHEMA.relation_types, 0.0))
    monkeypatch.setattr(combine, "SCALES_EN", dict.fromkeys(SCHEMA.relation_types, 1.0))
    at_thresholds = model_findings()
    monkeypatch.setattr(combine, "SCALES_EN", dict.fromkeys(SCHEMA.relation_types, 0.5))
    assert model_findings() > at_thresholds
