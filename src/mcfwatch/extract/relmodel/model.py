"""The shipped weights and how they score candidates.

A model is two files in ``relmodel/models/``: ``{lang}.npz`` (plain numpy arrays, loaded with
``allow_pickle=False``: a sparse weight matrix over hashed features, one column per label, intercepts,
per-label calibration and thresholds; the agreement-subtype classifier likewise) and ``{lang}.json`` (labels,
hash size, and the training record: data hash, counts, hyperparameters, dev scores, library versions).
Features are hashed with CRC32 so that training and extraction agree without any stored vocabulary.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeAlias, cast

import numpy as np
import numpy.typing as npt
from scipy import sparse

from mcfwatch.errors import McfwatchError
from mcfwatch.model import SCHEMA

MODELS_DIR = Path(__file__).resolve().parent / "models"
N_FEATURES = 1 << 20

Matrix: TypeAlias = Any  # scipy.sparse.csr_matrix (scipy ships no type stubs)
FloatArray = npt.NDArray[np.float64]


class RelModelError(McfwatchError):
    """The shipped relation model is missing or unreadable. Reinstall the package or run ``make train``."""


# feature string -> column, per hash size: the same strings recur in every document ("t1=Company", "bw=sign");
# cleared when it grows past _HASHED_MAX so that a long-running process stays bounded
_HASHED: dict[int, dict[str, int]] = {}
_HASHED_MAX = 1 << 20


def _column(f: str, n_features: int) -> int:
    return zlib.crc32(f.encode("utf-8")) % n_features


def hash_features(rows: list[list[str]], n_features: int = N_FEATURES) -> Matrix:
    """One sparse row of binary indicators per feature list (CRC32 of the string modulo the hash size)."""
    known = _HASHED.setdefault(n_features, {})
    if len(known) > _HASHED_MAX:
        known.clear()
    get = known.get
    indptr = [0]
    indices: list[int] = []
    for feats in rows:
        cols = set(map(get, feats))  # the columns of the strings seen before (None for any new one)
        if None in cols:
            for f in feats:
                if f not in known:
                    known[f] = _column(f, n_features)
            cols = set(map(get, feats))
        indices.extend(sorted(cast(set[int], cols)))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    x: Matrix = sparse.csr_matrix((data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
                             shape=(len(rows), n_features))
    return x


@dataclass(slots=True)
class LinearLayer:
    """Sparse weights (features x labels), intercepts, and optional Platt calibration and thresholds."""

    labels: list[str]
    weights: Matrix
    intercept: FloatArray
    calib_a: FloatArray
    calib_b: FloatArray
    thresholds: FloatArray

    def decision(self, x: Matrix) -> FloatArray:
        return np.asarray((x @ self.weights).toarray(), dtype=np.float64) + self.intercept

    def proba(self, x: Matrix) -> FloatArray:
        """Calibrated probabilities: sigmoid(a * decision + b) per label."""
        z = self.decision(x) * self.calib_a + self.calib_b
        return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


@dataclass(slots=True)
class RelModel:
    lang: str
    relations: LinearLayer
    subtypes: LinearLayer | None
    meta: dict[str, Any]
    all_pairs: set[str] | None = None  # every annotated type pair, built on first use

    def shown(self, rtype: str, source_type: str, target_type: str) -> bool:
        """Whether the training annotations hold ``rtype`` between these types (either way for symmetric types)."""
        pairs = self.meta.get("type_pairs", {}).get(rtype, [])
        return f"{source_type}|{target_type}" in pairs or (
            not SCHEMA.relation_types[rtype].directed and f"{target_type}|{source_type}" in pairs)

    def any_shown(self, first_type: str, second_type: str) -> bool:
        """Whether some relation type was annotated between these types, in either direction (a pair that fails
        this can give no finding, so extraction does not featurise it)."""
        pairs = self._pairs()
        return f"{first_type}|{second_type}" in pairs or f"{second_type}|{first_type}" in pairs

    def _pairs(self) -> set[str]:
        if self.all_pairs is None:
            self.all_pairs = {p for ps in self.meta.get("type_pairs", {}).values() for p in ps}
        return self.all_pairs

    def predict(self, rows: list[list[str]], scale: dict[str, float] | None = None) -> list[list[tuple[str, float, str | None]]]:
        """For each candidate, the labels over their thresholds: (label, probability, agreement subtype).
        ``scale``: relation type -> factor on its labels' thresholds (``combine.SCALES_ZH``)."""
        if not rows:
            return []
        x = hash_features(rows, int(self.meta["n_features"]))
        probs = self.relations.proba(x)
        limits = [t * (scale or {}).get(label.rstrip("<>"), 1.0) for label, t in
                  zip(self.relations.labels, self.relations.thresholds, strict=True)]
        sub_idx: list[int] | None = None
        if self.subtypes is not None and self.subtypes.labels:
            sub_idx = list(np.argmax(self.subtypes.decision(x), axis=1))
        out: list[list[tuple[str, float, str | None]]] = [[] for _ in rows]
        labels = self.relations.labels
        # the labels over their limits, row by row and in label order within a row (np.nonzero's order)
        for i, j in zip(*np.nonzero(probs >= np.array(limits)), strict=True):
            label = labels[j]
            sub = None
            if label == "agreement" and sub_idx is not None and self.subtypes is not None:
                sub = self.subtypes.labels[sub_idx[i]]
            out[i].append((label, float(probs[i, j]), sub))
        return out


def _layer(arrays: Any, prefix: str, labels: list[str]) -> LinearLayer:
    # the weights are stored as float32 and held as float64: the features are float64, and a product of the two
    # converts every weight to float64 first (scipy's sparse product takes one type); converted once here, the
    # same products without a copy of the whole matrix per document
    w = sparse.csr_matrix((np.asarray(arrays[f"{prefix}_data"], dtype=np.float64), arrays[f"{prefix}_indices"],
                           arrays[f"{prefix}_indptr"]),
                          shape=tuple(int(v) for v in arrays[f"{prefix}_shape"]))
    return LinearLayer(labels, w, arrays[f"{prefix}_intercept"], arrays[f"{prefix}_calib_a"],
                       arrays[f"{prefix}_calib_b"], arrays[f"{prefix}_thresholds"])


def layer_arrays(layer: LinearLayer, prefix: str) -> dict[str, Any]:
    w = sparse.csr_matrix(layer.weights, dtype=np.float32)
    return {f"{prefix}_data": w.data, f"{prefix}_indices": w.indices.astype(np.int32),
            f"{prefix}_indptr": w.indptr.astype(np.int32), f"{prefix}_shape": np.asarray(w.shape, dtype=np.int64),
            f"{prefix}_intercept": layer.intercept, f"{prefix}_calib_a": layer.calib_a,
            f"{prefix}_calib_b": layer.calib_b, f"{prefix}_thresholds": layer.thresholds}


def save(model: RelModel, folder: Path = MODELS_DIR) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    arrays = layer_arrays(model.relations, "rel")
    if model.subtypes is not None:
        arrays.update(layer_arrays(model.subtypes, "sub"))
    npz = folder / f"{model.lang}.npz"
    np.savez_compressed(npz, **arrays)
    meta = dict(model.meta, labels=model.relations.labels,
                subtype_labels=model.subtypes.labels if model.subtypes is not None else [])
    js = folder / f"{model.lang}.json"
    js.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return npz, js


def load(lang: str, folder: Path = MODELS_DIR) -> RelModel:
    npz, js = folder / f"{lang}.npz", folder / f"{lang}.json"
    if not npz.is_file() or not js.is_file():
        raise RelModelError(f"{npz}: no relation model for {lang!r}; run `make train` or reinstall mcfwatch")
    try:
        meta = json.loads(js.read_text(encoding="utf-8"))
        with np.load(npz, allow_pickle=False) as arrays:
            rel = _layer(arrays, "rel", list(meta["labels"]))
            sub = _layer(arrays, "sub", list(meta["subtype_labels"])) if meta.get("subtype_labels") else None
    except (OSError, ValueError, KeyError) as exc:
        raise RelModelError(f"{npz}: unreadable relation model ({exc}); run `make train`") from None
    return RelModel(lang, rel, sub, meta)


@lru_cache(maxsize=4)
def shipped(lang: str) -> RelModel:
    """The model shipped for ``lang``, loaded once per process."""
    return load(lang)
