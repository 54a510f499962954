"""The English ``ner`` fine-tuned on the annotated corpus (``ner_train.py``), shipped in ``models/ner``.

``MCFWATCH_EN_NER=tuned`` (default) loads its weights into the pinned pipeline's ``ner`` (same labels, same
shapes: only the weights differ); ``base`` keeps the PyPI model's own. The weights' SHA-256 sums are in
``ner.json`` next to them (with the training-data hash and scores) and are checked before loading.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import cast

from spacy.language import Language
from spacy.pipeline import TrainablePipe

from mcfwatch.errors import McfwatchError
from mcfwatch.settings import EN_NER

NER_DIR = Path(__file__).with_name("models") / "ner"
META_FILE = "ner.json"
CHOICES = ("tuned", "base")


class NerModelError(McfwatchError):
    """The shipped fine-tuned ``ner`` weights are missing or differ from their recorded sums."""


def choice(value: str | None = None) -> str:
    got = (value or EN_NER.get()).strip().lower()
    if got not in CHOICES:
        raise ValueError(f"MCFWATCH_EN_NER={got!r}: expected one of {', '.join(CHOICES)}")
    return got


def meta(folder: Path = NER_DIR) -> dict[str, object]:
    path = folder / META_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NerModelError(f"{path}: unreadable fine-tuned ner metadata ({exc}); run `make train-ner`") from None
    if not isinstance(data, dict):
        raise NerModelError(f"{path}: not a metadata object; run `make train-ner`")
    return data


def load_into(nlp: Language, folder: Path = NER_DIR) -> None:
    """Replace the weights of ``nlp``'s ``ner`` with the fine-tuned ones in ``folder``, after checking them."""
    sums = meta(folder).get("sha256")
    if not isinstance(sums, dict) or not sums:
        raise NerModelError(f"{folder / META_FILE}: no sha256 sums; run `make train-ner`")
    for name, expected in sums.items():
        path = folder / str(name)
        found = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
        if found != expected:
            raise NerModelError(f"{path}: {'missing' if found == 'missing' else 'SHA-256 differs from ' + META_FILE}"
                                "; run `make train-ner` or reinstall")
    pipe = cast(TrainablePipe, nlp.get_pipe("ner"))
    pipe.from_disk(folder, exclude=["vocab"])
    restore_seen(pipe, meta(folder).get("unseen_classes"))


def restore_seen(pipe: TrainablePipe, unseen: object) -> None:
    """Undo spaCy's masking of labels added in training. ``from_disk`` resizes the output layer for labels the
    base model lacks and marks their actions *unseen*; unseen actions are masked at prediction (the fine-tuned
    weights for them load but are never used: the added labels vanished). The set of actions still unseen
    after training is saved in the metadata (``unseen_classes``); without it spaCy's behaviour is kept."""
    if isinstance(unseen, list) and all(isinstance(i, int) for i in unseen):
        pipe.model.attrs["unseen_classes"] = set(unseen)
