"""The relation model's hashing cache and vectorised thresholds give what the plain loops gave: the same columns
and the same (label, probability, subtype) lists, in the same order, on the candidates of corpus documents."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from mcfwatch.extract.en import EnglishExtractor
from mcfwatch.extract.relmodel import aligned, candidates, examples, model
from mcfwatch.extract.relmodel.combine import SCALES_EN
from mcfwatch.extract.relmodel.data import from_corpus
from mcfwatch.extract.relmodel.model import RelModel, hash_features, shipped
from mcfwatch.model import SCHEMA

REPO = Path(__file__).resolve().parents[2]


def _plain_hash(rows: list[list[str]], n: int) -> list[list[int]]:
    return [sorted({zlib.crc32(f.encode("utf-8")) % n for f in feats}) for feats in rows]


def _plain_predict(m: RelModel, rows: list[list[str]], scale: dict[str, float] | None
                   ) -> list[list[tuple[str, float, str | None]]]:
    """``RelModel.predict`` as it was written before the vectorised thresholds (the reference)."""
    x = hash_features(rows, int(m.meta["n_features"]))
    probs = m.relations.proba(x)
    limits = [t * (scale or {}).get(label.rstrip("<>"), 1.0) for label, t in
              zip(m.relations.labels, m.relations.thresholds, strict=True)]
    sub_idx = list(np.argmax(m.subtypes.decision(x), axis=1)) if m.subtypes is not None else None
    out = []
    for i in range(len(rows)):
        hits = []
        for j, label in enumerate(m.relations.labels):
            if probs[i, j] >= limits[j]:
                sub = m.subtypes.labels[sub_idx[i]] if label == "agreement" and m.subtypes and sub_idx else None
                hits.append((label, float(probs[i, j]), sub))
        out.append(hits)
    return out


@pytest.fixture(scope="module")
def rows(english: EnglishExtractor) -> list[list[str]]:
    docs = from_corpus(REPO / "corpus" / "train" / "en.jsonl")[:25]
    m = shipped("en")
    out: list[list[str]] = []
    for doc in docs:
        sdoc = english.nlp(doc.text)
        mentions = aligned.english_mentions(sdoc, english.typer)
        out += [ex.features for ex in examples.english(sdoc, mentions, keep=m.any_shown)]
    return out


def test_cached_columns_are_the_crc32_columns(rows: list[list[str]]) -> None:
    model._HASHED.clear()
    for n in (1 << 20, 1 << 18):
        for _ in range(2):  # cold, then warm
            x = hash_features(rows, n)
            assert [list(x.indices[x.indptr[i]: x.indptr[i + 1]]) for i in range(len(rows))] == _plain_hash(rows, n)
    assert set(model._HASHED) == {1 << 20, 1 << 18}


def test_predict_gives_the_plain_loops_hits(rows: list[list[str]]) -> None:
    m = shipped("en")
    assert len(rows) > 300
    for scale in (None, SCALES_EN, {name: 0.5 for name in SCALES_EN}):
        got = m.predict(rows, scale)
        assert got == _plain_predict(m, rows, scale)
        assert sum(map(len, got)) > 20  # the rows do reach some labels' limits
    assert m.predict([], None) == []


def test_weights_held_as_float64_give_the_stored_float32_products(rows: list[list[str]]) -> None:
    """The npz stores float32 weights; held as float64 (no conversion per call), the products are the same."""
    m = shipped("en")
    with np.load(model.MODELS_DIR / "en.npz", allow_pickle=False) as a:
        stored = sparse.csr_matrix((a["rel_data"], a["rel_indices"], a["rel_indptr"]),
                                   shape=tuple(int(v) for v in a["rel_shape"]))
    assert stored.dtype == np.float32 and m.relations.weights.dtype == np.float64
    x = hash_features(rows, int(m.meta["n_features"]))
    assert np.array_equal((x @ stored).toarray(), (x @ m.relations.weights).toarray())
    assert np.count_nonzero((x @ stored).toarray()) > 1000


def test_kept_schema_answers_are_the_schemas() -> None:
    """``allowed`` and ``any_allowed`` keep their answers; they are the schema's, for every label and type pair."""
    types = sorted(SCHEMA.entity_types)
    plain = candidates.allowed.__wrapped__
    answers = {(lab, a, b): plain(lab, a, b) for lab in candidates.labels() for a in types for b in types}
    assert {candidates.allowed(*k) for k, v in answers.items() if candidates.allowed(*k) != v} == set()
    assert True in answers.values() and False in answers.values()
    for a in types:
        for b in types:
            assert candidates.any_allowed(a, b) == any(answers[(lab, a, b)] for lab in candidates.labels())


def test_typer_weights_held_as_float64_give_the_stored_float32_products(rows: list[list[str]]) -> None:
    from mcfwatch.extract.en import typer

    held = typer.shipped()
    with np.load(typer.MODELS_DIR / "typer.npz", allow_pickle=False) as a:
        stored = sparse.csr_matrix((a["data"], a["indices"], a["indptr"]), shape=tuple(int(v) for v in a["shape"]))
    assert stored.dtype == np.float32 and held.weights.dtype == np.float64
    x = hash_features(rows, int(held.meta["n_features"]))
    assert np.array_equal((x @ stored).toarray(), (x @ held.weights).toarray())
    assert np.count_nonzero((x @ stored).toarray()) > 1000
