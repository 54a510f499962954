"""Held-out Chinese NER fold models for ``mcfwatch eval --corpus corpus/train --zh-folds DIR``.

The shipped CRF (``crf_ner``) is trained on every Chinese training document, so entity (and so relation) scores
on corpus/train are in-sample. ``benchmarks/zh_ner_folds.py`` (a training command: it reads ../shared) trains a
CRF without each fold of ``mcfwatch eval --folds 5`` and writes ``DIR/fold{K}.json`` beside each model: the
model file, its sha256 and the hash of the documents left out. ``load_fold`` opens a fold's model only when it
was trained without exactly that fold's documents.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from mcfwatch.errors import InputError


def groups_sha(groups: set[str]) -> str:
    """A short hash of the text groups (``evalsuite.text_group``) of the documents left out of training."""
    return hashlib.sha256("\n".join(sorted(groups)).encode("utf-8")).hexdigest()[:16]


def record_path(folder: Path, fold: int) -> Path:
    return folder / f"fold{fold}.json"


def write_record(folder: Path, fold: int, held: set[str], model: Path, config: dict[str, Any]) -> Path:
    """Record that ``model`` was trained without the documents ``held`` (fold ``fold``)."""
    path = record_path(folder, fold)
    path.write_text(json.dumps({
        "fold": fold, "held_sha": groups_sha(held), "held_documents": len(held), "model": model.name,
        "model_sha256": hashlib.sha256(model.read_bytes()).hexdigest(), **config,
    }, indent=1) + "\n", encoding="utf-8")
    return path


def load_fold(folder: Path, fold: int, held: set[str]) -> Any:
    """The CRF tagger of fold ``fold`` in ``folder``, checked to be trained without the documents ``held``."""
    import pycrfsuite

    path = record_path(folder, fold)
    if not path.is_file():
        raise InputError(str(path), "no held-out Chinese NER fold model; run `python benchmarks/zh_ner_folds.py`")
    try:
        rec = json.loads(path.read_text(encoding="utf-8"))
        model = folder / str(rec["model"])
        want_held, want_sha = str(rec["held_sha"]), str(rec["model_sha256"])
    except (ValueError, KeyError, TypeError) as e:
        raise InputError(str(path), f"not a fold record ({e})") from None
    if want_held != groups_sha(held):
        raise InputError(str(path), f"trained without other documents than fold {fold + 1} of this corpus; "
                         "run `python benchmarks/zh_ner_folds.py` again")
    if not model.is_file() or hashlib.sha256(model.read_bytes()).hexdigest() != want_sha:
        raise InputError(str(model), "missing or not the model its fold record names")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    return tagger
