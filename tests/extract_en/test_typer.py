"""The trained entity typer: its shipped record, what it changes on real corpus sentences, and its setting."""

from __future__ import annotations

import json

import pytest

from mcfwatch.extract.en import EnglishExtractor
from mcfwatch.extract.en.extractor import typer_for
from mcfwatch.extract.en.typer import MODELS_DIR, load
from mcfwatch.model import Document

# corpus/train/en.jsonl (a document written by the project): the PyPI model tags the company "Bluegrass Metals" PERSON
PURCHASE = ("In August Tianjin Hongwang Aluminum completed its purchase of the Louisville extrusion firm "
            "Bluegrass Metals.")


def test_shipped_typer_has_its_training_record() -> None:
    typer = load()
    meta = json.loads((MODELS_DIR / "typer.json").read_text(encoding="utf-8"))
    assert len(meta["training_data_sha256"]) == 64
    assert all("blind" not in s for s in meta["sources"])
    assert meta["documents"] > 100 and meta["mentions"] > 1000
    # the reason it ships: cross-validated by document, it types mentions better than the head-noun rules
    assert meta["cv_accuracy"] > meta["rules_accuracy"]
    assert {"Company", "PublicBody", "University", "Person", "Place", "None"} <= set(typer.labels)
    assert typer.weights.shape[1] == len(typer.labels)
    assert not [p for p in MODELS_DIR.iterdir() if p.suffix in {".pkl", ".joblib", ".pickle"}]


def _types(types: str, text: str, ner: str = "base") -> dict[str, str]:
    ex = next(EnglishExtractor(relations="rules", types=types, ner=ner).extract_many([Document(text=text)]))
    return {e.name: e.type for e in ex.entities}


def test_a_company_that_spacy_calls_a_person() -> None:
    # the PyPI ner says PERSON; "the ... extrusion firm" before the name makes it a company (retype_by_context),
    # with the head-noun rules and with the typer (trained on the fine-tuned ner's mentions, it alone says Person)
    assert _types("rules", PURCHASE)["Bluegrass Metals"] == "Company"
    got = _types("model", PURCHASE)
    assert got["Bluegrass Metals"] == "Company"
    assert got["Louisville"] == "Place"
    # the fine-tuned ner (the default) calls it ORG already; the typer makes it a company
    assert _types("model", PURCHASE, ner="tuned")["Bluegrass Metals"] == "Company"


def test_types_setting_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MCFWATCH_EN_TYPES", "rules")
    assert typer_for(None) is None
    monkeypatch.setenv("MCFWATCH_EN_TYPES", "model")
    assert typer_for(None) is not None
    with pytest.raises(ValueError, match="MCFWATCH_EN_TYPES"):
        typer_for("neural")
