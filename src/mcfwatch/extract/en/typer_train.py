"""``python -m mcfwatch.extract.en.typer_train [--C C]`` (part of ``make train``): fit the entity typer (``typer.py``).

Examples are the mentions ``entities.mentions_of`` finds in the English training documents (``relmodel.data``:
corpus/train and the dev gold, never the blind split). A mention's label is the type of the annotated mention with
the same span or the same name in that document; a mention overlapping an annotated one with another span is left
out (a boundary error, not a type); one overlapping nothing is ``None`` (no entity), except in the name-based dev
gold, which does not list every name. The regularisation is chosen by cross-validated accuracy (GroupKFold by
document), the cross-validated scores go into the metadata, and the model is refit on everything.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language

from mcfwatch.extract.en.entities import Mention, mentions_of
from mcfwatch.extract.en.typer import MODELS_DIR, N_FEATURES, NONE, TYPED_LABELS, Typer, features, save
from mcfwatch.extract.eval import norm
from mcfwatch.extract.relmodel.data import TrainDoc, data_hash, training_docs
from mcfwatch.extract.relmodel.model import hash_features

CS = (0.3, 1.0, 3.0)
FOLDS = 5


def _label(m: Mention, doc: TrainDoc, by_text: dict[str, str]) -> str | None:
    for g in doc.mentions:
        if (g.start, g.end) == (m.start_char, m.end_char):
            return g.type
    if norm(m.text) in by_text:
        return by_text[norm(m.text)]
    if any(g.start < m.end_char and m.start_char < g.end for g in doc.mentions):
        return None
    return None if doc.origin.startswith("gold:") else NONE


def examples(docs: list[TrainDoc], nlp: Language | None = None) -> tuple[list[list[str]], list[str], list[str], list[str]]:
    """Feature rows, labels, the rules' types and document groups of every typed mention (mentions found by
    ``nlp``, default the shipped English pipeline)."""
    from mcfwatch.extract.en.model import load_nlp

    nlp = nlp or load_nlp()
    rows: list[list[str]] = []
    ys: list[str] = []
    rule: list[str] = []
    groups: list[str] = []
    for doc, sdoc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16), strict=True):
        by_text = {norm(doc.text[g.start:g.end]): g.type for g in doc.mentions}
        for m in mentions_of(sdoc):
            if m.from_ruler or m.label not in TYPED_LABELS:
                continue
            y = _label(m, doc, by_text)
            if y is None:
                continue
            rows.append(features(sdoc, m))
            ys.append(y)
            rule.append(m.type)
            groups.append(doc.group)
    return rows, ys, rule, groups


def _fit(x: Any, y: list[str], c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit(x, y)
    return clf


def fit(docs: list[TrainDoc], c: float, nlp: Language, log: Any = print) -> Typer:
    """A typer fit on ``docs`` with regularisation ``c`` (no search, no cross-validation) over the mentions
    ``nlp`` finds: the fold refit of ``heldout.py``."""
    t0 = time.time()
    rows, ys, _, _ = examples(docs, nlp)
    log(f"typer: {len(docs)} documents, {len(rows)} mentions, C={c}")
    clf = _fit(hash_features(rows, N_FEATURES), ys, c)
    from scipy import sparse

    meta = {"n_features": N_FEATURES, "C": c, "documents": len(docs), "mentions": len(ys),
            "label_counts": dict(Counter(ys).most_common()), "trained_seconds": round(time.time() - t0, 1)}
    return Typer([str(v) for v in clf.classes_], sparse.csr_matrix(np.asarray(clf.coef_, dtype=np.float64).T),
                 np.asarray(clf.intercept_, dtype=np.float64), meta)


def train(log: Any = print, cs: tuple[float, ...] = CS) -> Typer:
    from sklearn.model_selection import GroupKFold

    docs, paths = training_docs("en")
    sha = data_hash(paths)  # now: the files may change (new corpus batches) while training runs
    t0 = time.time()
    rows, ys, rule, groups = examples(docs)
    log(f"typer: {len(docs)} documents, {len(rows)} mentions {dict(Counter(ys).most_common())}")
    x = hash_features(rows, N_FEATURES)
    best: tuple[float, float, list[str]] = (-1.0, 0.0, [])
    for c in cs:
        oof = ["" for _ in ys]
        for tr, te in GroupKFold(n_splits=FOLDS).split(rows, groups=groups):
            clf = _fit(x[tr], [ys[i] for i in tr], c)
            for i, p in zip(te, clf.predict(x[te]), strict=True):
                oof[i] = str(p)
        acc = sum(a == b for a, b in zip(oof, ys, strict=True)) / len(ys)
        log(f"typer: C={c} cross-validated accuracy {acc:.3f}")
        if acc > best[0]:
            best = (acc, c, oof)
    acc, c, oof = best
    rules_acc = sum(a == b for a, b in zip(rule, ys, strict=True)) / len(ys)
    clf = _fit(x, ys, c)
    labels = [str(v) for v in clf.classes_]
    from scipy import sparse

    weights = sparse.csr_matrix(np.asarray(clf.coef_, dtype=np.float64).T)
    per_type = {t: round(sum(1 for a, b in zip(oof, ys, strict=True) if a == b == t) / max(1, ys.count(t)), 3)
                for t in sorted(set(ys))}
    meta = {"n_features": N_FEATURES, "C": c, "training_data_sha256": sha,
            "sources": [str(p.relative_to(Path(__file__).resolve().parents[4])) for p in paths],
            "documents": len(docs), "mentions": len(ys), "label_counts": dict(Counter(ys).most_common()),
            "cv_folds": FOLDS, "cv_accuracy": round(acc, 4), "rules_accuracy": round(rules_acc, 4),
            "cv_recall_by_type": per_type, "trained_seconds": round(time.time() - t0, 1)}
    log(f"typer: C={c}, cross-validated accuracy {acc:.3f} (head-noun rules {rules_acc:.3f})")
    return Typer(labels, weights, np.asarray(clf.intercept_, dtype=np.float64), meta)


def main(argv: list[str]) -> int:
    """``[FOLDER] [--C C]``: write the typer to FOLDER (default: the package's); --C skips the search."""
    args = list(argv)
    cs: tuple[float, ...] = CS
    if "--C" in args:
        k = args.index("--C")
        cs = (float(args[k + 1]),)
        del args[k:k + 2]
    folder = Path(args[0]) if args else MODELS_DIR
    typer = train(cs=cs)
    npz, js = save(typer, folder)
    print(f"typer: wrote {npz} ({npz.stat().st_size // 1024} KiB) and {js}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
