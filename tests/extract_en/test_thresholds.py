"""Relation model thresholds (relmodel/train._best_threshold): the best out-of-fold F1, or with a slack the lowest
threshold whose F1 is within it, and the shipped English model records the slack it was trained with."""

from __future__ import annotations

import json

import numpy as np

from mcfwatch.extract.relmodel.model import MODELS_DIR
from mcfwatch.extract.relmodel.train import THRESHOLD_SLACK, _best_threshold


def test_slack_takes_the_lowest_near_best_threshold() -> None:
    # 10 positives scored 0.2-0.95, 10 negatives 0.05-0.5: F1 is flat between 0.25 and 0.5
    p = np.asarray([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95,
                    0.05, 0.1, 0.1, 0.15, 0.15, 0.2, 0.25, 0.3, 0.45, 0.5])
    y = np.asarray([1.0] * 10 + [0.0] * 10)
    t0, s0 = _best_threshold(p, y)
    t1, s1 = _best_threshold(p, y, slack=0.05)
    assert t1 < t0
    assert s1["f1"] >= s0["f1"] - 0.05 and s1["recall"] > s0["recall"]
    assert _best_threshold(p, y, slack=0.0) == (t0, s0)


def test_shipped_english_model_records_its_threshold_slack() -> None:
    meta = json.loads((MODELS_DIR / "en.json").read_text(encoding="utf-8"))
    assert meta["hyperparameters"]["threshold_slack"] == THRESHOLD_SLACK["en"]
    assert meta["hyperparameters"]["pair_words"] is True
