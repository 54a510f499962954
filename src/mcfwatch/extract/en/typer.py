"""The trained entity typer: which mcfwatch type a name the statistical model found is (or that it is none).

spaCy's ``ORG`` says nothing of Company, PublicBody or University, and the small model tags many company names
``PERSON`` ("Kestrel Avionics") or ``GPE``. The typer is a multinomial logistic regression over hashed features
of the mention (its words, first and last word, shape, spaCy label, the type the head-noun rules gave it) and of
its context (the words around it, its syntactic head, appositions), trained on the annotated corpus
(``typer_train.py``, ``make train``). Every mention of one name in a document gets one type: the one with the
highest mean log-probability over its mentions. Ruler mentions (patterns, watchlists) keep their type.

The weights ship as ``models/typer.npz`` (plain arrays, ``allow_pickle=False``) with ``models/typer.json``
(labels, hash size, training-data hash, cross-validated scores).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from spacy.tokens import Doc

from mcfwatch.extract.en.entities import Mention
from mcfwatch.extract.relmodel.model import FloatArray, Matrix, RelModelError, hash_features

MODELS_DIR = Path(__file__).resolve().parent / "models"
N_FEATURES = 1 << 18
NONE = "None"
TYPED_LABELS = {"ORG", "FAC", "PERSON", "GPE", "LOC", "EVENT"}  # spaCy labels the typer decides for
DROP_FLOOR = 0.8  # a mention is dropped only when the typer is this sure it is no entity


def _shape(text: str) -> str:
    out: list[str] = []
    for ch in text:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


def features(doc: Doc, m: Mention) -> list[str]:
    """Hashed-feature names of one mention: the name's own words and the words around it."""
    span = doc[m.start:m.end]
    words = [t.lower_ for t in span]
    f = [f"lab={m.label}", f"rule={m.type}", f"n={min(len(words), 6)}", f"first={words[0]}", f"last={words[-1]}",
         f"shape={_shape(m.text)}", f"suf={words[-1][-3:]}"]
    f += [f"w={w}" for w in words]
    f += [f"bi={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    if m.text.isupper() and len(m.text) <= 8:
        f.append("acronym")
    if any(t.like_num for t in span):
        f.append("num")
    if "-" in m.text or "–" in m.text:
        f.append("dash")
    for k in (1, 2, 3):
        i, j = m.start - k, m.end - 1 + k
        f.append(f"p{k}={doc[i].lower_ if i >= 0 else '<s>'}")
        f.append(f"n{k}={doc[j].lower_ if j < len(doc) else '</s>'}")
    if m.start > 0 and m.end < len(doc):
        f.append(f"pn={doc[m.start - 1].lower_}_{doc[m.end].lower_}")
    root = span.root
    f.append(f"dep={root.dep_}")
    f.append(f"head={root.head.lemma_.lower()}")
    f.append(f"dephead={root.dep_}_{root.head.lemma_.lower()}")
    for c in root.children:
        if c.dep_ in {"appos", "amod", "compound", "prep"} and not (m.start <= c.i < m.end):
            f.append(f"child={c.dep_}_{c.lemma_.lower()}")
            if c.dep_ == "appos":
                f += [f"appos={g.lemma_.lower()}" for g in c.subtree if g.pos_ == "NOUN"][:4]
    if root.dep_ == "appos":
        f.append(f"apposof={root.head.lemma_.lower()}")
    if root.dep_ == "pobj":
        f.append(f"pobj={root.head.lower_}_{root.head.head.lemma_.lower()}")
    return f


@dataclass(slots=True)
class Typer:
    labels: list[str]
    weights: Matrix
    intercept: FloatArray
    meta: dict[str, Any]

    def log_proba(self, rows: list[list[str]]) -> FloatArray:
        x = hash_features(rows, int(self.meta["n_features"]))
        z = np.asarray((x @ self.weights).toarray(), dtype=np.float64) + self.intercept
        z -= z.max(axis=1, keepdims=True)
        return np.asarray(z - np.log(np.exp(z).sum(axis=1, keepdims=True)), dtype=np.float64)


def retype(doc: Doc, mentions: list[Mention], typer: Typer) -> list[Mention]:
    """The mentions with the typer's types (one per name in the document); mentions it is sure are no entity
    are dropped. Ruler mentions and labels the typer does not decide for pass unchanged."""
    todo = [m for m in mentions if not m.from_ruler and m.label in TYPED_LABELS]
    if not todo:
        return mentions
    lp = typer.log_proba([features(doc, m) for m in todo])
    by_name: dict[str, list[int]] = {}
    for i, m in enumerate(todo):
        by_name.setdefault(m.text.lower(), []).append(i)
    drop: set[int] = set()
    none = typer.labels.index(NONE) if NONE in typer.labels else -1
    for rows in by_name.values():
        mean = lp[rows].mean(axis=0)
        best = int(np.argmax(mean))
        if best == none:
            if float(np.exp(mean[best])) >= DROP_FLOOR:
                drop.update(id(todo[i]) for i in rows)
                continue
            mean[best] = -np.inf
            best = int(np.argmax(mean))
        for i in rows:
            todo[i].type = typer.labels[best]
    return [m for m in mentions if id(m) not in drop]


def save(typer: Typer, folder: Path = MODELS_DIR) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    w = sparse.csr_matrix(typer.weights, dtype=np.float32)
    npz, js = folder / "typer.npz", folder / "typer.json"
    np.savez_compressed(npz, data=w.data, indices=w.indices.astype(np.int32), indptr=w.indptr.astype(np.int32),
                        shape=np.asarray(w.shape, dtype=np.int64), intercept=typer.intercept)
    js.write_text(json.dumps(dict(typer.meta, labels=typer.labels), indent=1) + "\n", encoding="utf-8")
    return npz, js


def load(folder: Path = MODELS_DIR) -> Typer:
    npz, js = folder / "typer.npz", folder / "typer.json"
    if not npz.is_file() or not js.is_file():
        raise RelModelError(f"{npz}: no entity typer; run `make train` or reinstall mcfwatch")
    try:
        meta = json.loads(js.read_text(encoding="utf-8"))
        with np.load(npz, allow_pickle=False) as a:
            # held as float64: the features are, and scipy's product would convert every weight on each call
            w = sparse.csr_matrix((np.asarray(a["data"], dtype=np.float64), a["indices"], a["indptr"]),
                                  shape=tuple(int(v) for v in a["shape"]))
            intercept = np.asarray(a["intercept"], dtype=np.float64)
    except (OSError, ValueError, KeyError) as exc:
        raise RelModelError(f"{npz}: unreadable entity typer ({exc}); run `make train`") from None
    return Typer(list(meta["labels"]), w, intercept, meta)


@lru_cache(maxsize=1)
def shipped() -> Typer:
    """The shipped typer, loaded once per process."""
    return load()
