"""``python -m mcfwatch.extract.relmodel.train [en|zh ...] [--alpha A] [--ref-kinds all|K,K]`` (``make train``): fit
the relation model.

For each language: read the training sources (``data.sources``: corpus/train and the dev gold, never the
blind split), build candidates and features, fit one logistic regression per label (one-vs-rest,
``class_weight="balanced"``), choose per-label Platt calibration and thresholds on out-of-fold scores of a
GroupKFold by document, refit on everything, and write ``models/{lang}.npz`` + ``{lang}.json``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from mcfwatch.extract.relmodel import aligned, crosssent
from mcfwatch.extract.relmodel import examples as exm
from mcfwatch.extract.relmodel.candidates import allowed, to_relation
from mcfwatch.extract.relmodel.candidates import labels as all_labels
from mcfwatch.extract.relmodel.data import TrainDoc, data_hash, dump_counts, training_docs
from mcfwatch.extract.relmodel.model import (
    MODELS_DIR,
    N_FEATURES,
    FloatArray,
    LinearLayer,
    Matrix,
    RelModel,
    hash_features,
    save,
)

ALPHA = 1e-4
ALPHAS = (3e-5, 1e-4, 3e-4)  # ``make train`` keeps the one with the best out-of-fold micro F1
EPOCHS = 60
FOLDS = 5
MIN_POSITIVES = 3
SEED = 0
MENTION_CHOICES = ("gold", "predicted", "both")
# Each label's threshold: the lowest whose out-of-fold F1 is within this of the best. The F1 curve is flat near
# its top, so the best alone wanders between folds (English visit> 0.25-0.35, mcf_link> 0.15-0.35 over three
# document folds), and text unlike the training documents scores lower, so the lowest near-best threshold.
THRESHOLD_SLACK = {"en": 0.01, "zh": 0.0}
MENTIONS = "gold"  # the candidates' mentions in training (``featurize``)


def featurize(docs: list[TrainDoc], lang: str, mentions: str | None = None) -> list[exm.Example]:
    """Candidates with features and gold labels for every document (English is parsed once, here).
    ``mentions`` (default ``MENTIONS``): ``gold`` (the annotated spans), ``predicted`` (what extraction finds,
    aligned to the gold entities: ``aligned.py``) or ``both`` (each document's candidates under both)."""
    how = mentions or MENTIONS
    if how not in MENTION_CHOICES:
        raise ValueError(f"mentions={how!r}: expected one of {', '.join(MENTION_CHOICES)}")
    out: list[exm.Example] = []
    if lang == "en":
        from mcfwatch.extract.en.model import DATELINE_NAME, load_nlp
        from mcfwatch.extract.en.typer import shipped as shipped_typer

        nlp = load_nlp()
        # the dateline component sets sentence starts before the parser: training sees extraction's sentences
        keep = [p for p in (DATELINE_NAME, "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
                if p in nlp.pipe_names]
        typer = shipped_typer() if how != "gold" else None
        with nlp.select_pipes(enable=keep if how == "gold" else nlp.pipe_names):
            for doc, sdoc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16), strict=True):
                if how != "predicted":
                    out += exm.label(doc, exm.english(sdoc, doc.mentions))
                if how != "gold":
                    found = aligned.align(aligned.english_mentions(sdoc, typer, aligned.ANAPHORS), doc.mentions)
                    out += exm.label(doc, exm.english(sdoc, found))
    else:
        from mcfwatch.extract.zh.normalise import simplify

        texts = [simplify(doc.text) for doc in docs]
        predicted = aligned.chinese_mentions(texts) if how != "gold" else [[] for _ in docs]
        for doc, text, found in zip(docs, texts, predicted, strict=True):
            if how != "predicted":
                out += exm.label(doc, exm.chinese(text, doc.mentions))
            if how != "gold":
                out += exm.label(doc, exm.chinese(text, aligned.align(found, doc.mentions)))
    return out


def _fit_binary(x: Matrix, y: FloatArray, alpha: float) -> tuple[FloatArray, float]:
    """Logistic regression (log loss, L2 ``alpha``, balanced class weights) by averaged SGD: liblinear took
    minutes per label on these nearly separable sparse rows, SGD a fraction of a second at the same F1."""
    from sklearn.linear_model import SGDClassifier

    clf = SGDClassifier(loss="log_loss", alpha=alpha, class_weight="balanced", max_iter=EPOCHS, tol=None,
                        average=True, random_state=SEED)
    clf.fit(x, y)
    return np.asarray(clf.coef_[0], dtype=np.float64), float(clf.intercept_[0])


def _platt(scores: FloatArray, y: FloatArray) -> tuple[float, float]:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=100.0)
    clf.fit(scores.reshape(-1, 1), y)
    return float(clf.coef_[0][0]), float(clf.intercept_[0])


def _best_threshold(p: FloatArray, y: FloatArray, slack: float = 0.0) -> tuple[float, dict[str, float]]:
    """The threshold of the best out-of-fold F1, or (``slack``) the lowest whose F1 is within ``slack`` of it."""
    rows = []
    for t in np.arange(0.05, 0.951, 0.05):
        pred = p >= t
        tp = float(np.sum(pred & (y == 1)))
        prec = tp / max(1.0, float(np.sum(pred)))
        rec = tp / max(1.0, float(np.sum(y == 1)))
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append((float(t), f1, prec, rec))
    top = max(r[1] for r in rows)
    best = next((r for r in rows if r[1] >= top - slack - 1e-9), (0.5, -1.0, 0.0, 0.0))
    return best[0], {"precision": round(best[2], 3), "recall": round(best[3], 3), "f1": round(best[1], 3)}


def fit_layer(x: Matrix, exs: list[exm.Example], labels: list[str], alpha: float = ALPHA, folds: int = FOLDS,
              log: Callable[[str], None] = print, slack: float = 0.0) -> tuple[LinearLayer, dict[str, Any]]:
    """One binary classifier per label; calibration and threshold from grouped out-of-fold scores (``slack``:
    see ``_best_threshold``)."""
    from sklearn.model_selection import GroupKFold

    used = np.unique(x.indices)  # fit on the hashed columns that occur, map the weights back afterwards
    full_width = x.shape[1]
    x = x[:, used]
    groups = np.asarray([e.group for e in exs])
    n_groups = len(set(groups.tolist()))
    cols: list[Matrix] = []
    intercepts, ca, cb, th = [], [], [], []
    scores: dict[str, Any] = {}
    pairs = [(e.cand.first.type, e.cand.second.type) for e in exs]
    for label in labels:
        y_all = np.asarray([1.0 if label in e.labels else 0.0 for e in exs], dtype=np.float64)
        # a label is learned on the candidates whose types the schema lets it join (scoring asks the same)
        ok = {tp: allowed(label, *tp) for tp in set(pairs)}
        known = np.asarray([label not in e.unknown and ok[tp] for e, tp in zip(exs, pairs, strict=True)], dtype=bool)
        n_pos = int(y_all[known].sum())
        if n_pos < MIN_POSITIVES:
            cols.append(sparse.csr_matrix((full_width, 1)))
            intercepts.append(-20.0)
            ca.append(1.0)
            cb.append(0.0)
            th.append(1.01)
            continue
        idx = np.flatnonzero(known)
        oof = np.zeros(len(idx))
        k = min(folds, n_groups)
        for tr, te in GroupKFold(n_splits=k).split(idx, groups=groups[idx]):
            if y_all[idx[tr]].sum() == 0:
                oof[te] = -10.0
                continue
            w, b = _fit_binary(x[idx[tr]], y_all[idx[tr]], alpha)
            oof[te] = x[idx[te]] @ w + b
        a, bb = _platt(oof, y_all[idx])
        prob = 1.0 / (1.0 + np.exp(-(oof * a + bb)))
        t, sc = _best_threshold(prob, y_all[idx], slack)
        w, b = _fit_binary(x[idx], y_all[idx], alpha)
        w[np.abs(w) < 1e-4] = 0.0
        keep = np.flatnonzero(w)
        cols.append(sparse.csr_matrix((w[keep], (used[keep], np.zeros(len(keep), dtype=np.int64))),
                                      shape=(full_width, 1)))
        intercepts.append(b)
        ca.append(a)
        cb.append(bb)
        th.append(t)
        scores[label] = dict(sc, positives=n_pos, threshold=round(t, 2))
        log(f"  {label:<16} positives {n_pos:5d}  oof P {sc['precision']:.2f} R {sc['recall']:.2f} "
            f"F1 {sc['f1']:.2f}  threshold {t:.2f}")
    layer = LinearLayer(labels, sparse.hstack(cols, format="csr"), np.asarray(intercepts), np.asarray(ca),
                        np.asarray(cb), np.asarray(th))
    return layer, scores


def fit_subtypes(x: Matrix, exs: list[exm.Example]) -> LinearLayer | None:
    """The agreement subtype (contract, mou, joint_lab, ...) of a candidate the model calls an agreement."""
    from sklearn.linear_model import LogisticRegression

    rows = [(i, e.subtypes["agreement"]) for i, e in enumerate(exs) if "agreement" in e.subtypes]
    if len({s for _, s in rows}) < 2:
        return None
    sub = x[[i for i, _ in rows]]
    used = np.unique(sub.indices)
    clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=500)
    clf.fit(sub[:, used], [s for _, s in rows])
    coef = np.asarray(clf.coef_, dtype=np.float64)
    intercept = np.asarray(clf.intercept_, dtype=np.float64)
    if len(clf.classes_) == 2:  # binary: one row scores the second class against the first
        coef, intercept = np.vstack([np.zeros_like(coef[0]), coef[0]]), np.asarray([0.0, intercept[0]])
    coef[np.abs(coef) < 1e-4] = 0.0
    n = len(clf.classes_)
    r, c = np.nonzero(coef.T)
    weights = sparse.csr_matrix((coef.T[r, c], (used[r], c)), shape=(x.shape[1], n))
    return LinearLayer([str(k) for k in clf.classes_], weights, intercept, np.ones(n), np.zeros(n), np.zeros(n))


def micro(scores: dict[str, Any], exs: list[exm.Example]) -> dict[str, float]:
    tp = sum(s["recall"] * s["positives"] for s in scores.values())
    pos = sum(s["positives"] for s in scores.values())
    pred = sum(s["recall"] * s["positives"] / s["precision"] for s in scores.values() if s["precision"])
    p, r = tp / pred if pred else 0.0, tp / pos if pos else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def train(lang: str, docs: list[TrainDoc], alpha: float = ALPHA, folds: int = FOLDS,
          log: Callable[[str], None] = print, mentions: str | None = None) -> tuple[RelModel, list[exm.Example]]:
    """Fit a model for ``lang`` from ``docs`` (no files written)."""
    t0 = time.perf_counter()
    exs = featurize(docs, lang, mentions)
    log(f"{lang}: {len(docs)} documents, {len(exs)} candidates, "
        f"{sum(bool(e.labels) for e in exs)} positive ({time.perf_counter() - t0:.0f} s to featurize)")
    model = fit(lang, exs, alpha, folds, log, mentions)
    by_type = exm.candidate_recall_by_type(docs, exs)
    hit, total = sum(h for h, _ in by_type.values()), sum(n for _, n in by_type.values())
    model.meta["candidate_recall"] = round(hit / total, 3) if total else None
    # per type: what no candidate carries, no threshold can find (read it before blaming the classifier)
    model.meta["candidate_recall_by_type"] = {k: round(h / n, 3) for k, (h, n) in by_type.items()}
    log(f"{lang}: candidate recall " + ", ".join(f"{k} {h}/{n}" for k, (h, n) in by_type.items()))
    model.meta["train_seconds"] = round(time.perf_counter() - t0, 1)
    return model, exs


def type_pairs(exs: list[exm.Example]) -> dict[str, list[str]]:
    """For each relation type, the (source type|target type) pairs the annotations show: the model predicts a
    type only between types it was shown (the schema alone leaves most types unconstrained)."""
    out: dict[str, set[str]] = {}
    for e in exs:
        for label in e.labels:
            rtype, src, _ = to_relation(label, "first", "second")
            a, b = e.cand.first.type, e.cand.second.type
            out.setdefault(rtype, set()).add(f"{a}|{b}" if src == "first" else f"{b}|{a}")
    return {k: sorted(v) for k, v in sorted(out.items())}


def fit(lang: str, exs: list[exm.Example], alpha: float = ALPHA, folds: int = FOLDS,
        log: Callable[[str], None] = print, mentions: str | None = None) -> RelModel:
    """Fit a model from featurized, labelled candidates (``mentions``: what ``featurize`` built them on)."""
    how = mentions or MENTIONS
    x = hash_features([e.features for e in exs])
    layer, scores = fit_layer(x, exs, all_labels(), alpha, folds, log, THRESHOLD_SLACK[lang])
    sub = fit_subtypes(x, exs)
    meta: dict[str, Any] = {
        "lang": lang, "n_features": N_FEATURES, "hash": "crc32",
        "features": "features_en.py" if lang == "en" else "features_zh.py",
        "hyperparameters": {"alpha": alpha, "class_weight": "balanced", "loss": "log_loss",
                            "solver": f"averaged SGD, {EPOCHS} epochs", "folds": folds,
                            "min_positives": MIN_POSITIVES, "calibration": "platt on grouped out-of-fold scores",
                            "mentions": how, "anaphors": lang == "en" and how != "gold" and aligned.ANAPHORS,
                            "carry_event": exm.CARRY_EVENT[lang], "references": exm.REFERENCES[lang],
                            "pair_words": exm.PAIR_WORDS if lang == "zh" else exm.PAIR_WORDS_EN,
                            "threshold_slack": THRESHOLD_SLACK[lang],
                            **({"ref_kinds": sorted(exm.REF_KINDS_EN)} if lang == "en" else {})},
        "candidates": len(exs), "type_pairs": type_pairs(exs), "dev_scores_oof": {"per_label": scores, "micro": micro(scores, exs)},
    }
    return RelModel(lang, layer, sub, meta)


def main(argv: list[str] | None = None) -> int:
    """Train and write the models (``--ref-kinds`` sets ``examples.REF_KINDS_EN`` for this call only: a later
    ``featurize`` in the same process, a test or a notebook, gets the value of before)."""
    saved = exm.REF_KINDS_EN
    try:
        return _main(argv)
    finally:
        exm.REF_KINDS_EN = saved


def _main(argv: list[str] | None) -> int:
    import sklearn

    args = list(sys.argv[1:] if argv is None else argv)
    alphas: tuple[float, ...] = ALPHAS
    if "--alpha" in args:  # one alpha, no search (a quicker retrain on a loaded machine)
        k = args.index("--alpha")
        alphas = (float(args[k + 1]),)
        del args[k:k + 2]
    if "--ref-kinds" in args:  # English party references (``crosssent.KINDS_EN``): "all" or a comma list
        k = args.index("--ref-kinds")
        kinds = crosssent.KINDS_EN if args[k + 1] == "all" else frozenset(args[k + 1].split(","))
        if not kinds <= crosssent.KINDS_EN:
            print(f"--ref-kinds: expected 'all' or some of {','.join(sorted(crosssent.KINDS_EN))}", file=sys.stderr)
            return 2
        exm.REF_KINDS_EN = kinds
        del args[k:k + 2]
    mentions = MENTIONS
    if "--mentions" in args:  # gold, predicted or both (``featurize``)
        k = args.index("--mentions")
        mentions = args[k + 1]
        del args[k:k + 2]
    langs = args or ["en", "zh"]
    for lang in langs:
        docs, paths = training_docs(lang)
        sha = data_hash(paths)  # now: the files may change (new corpus batches) while training runs
        if not docs:
            print(f"{lang}: no training documents", file=sys.stderr)
            continue
        model, exs = train(lang, docs, alphas[0], mentions=mentions)
        for alpha in alphas[1:]:
            other = fit(lang, exs, alpha, log=lambda _: None, mentions=mentions)
            print(f"{lang}: alpha {alpha}: oof micro {other.meta['dev_scores_oof']['micro']}")
            if other.meta["dev_scores_oof"]["micro"]["f1"] > model.meta["dev_scores_oof"]["micro"]["f1"]:
                other.meta.update({k: model.meta[k] for k in ("candidate_recall", "candidate_recall_by_type",
                                                              "train_seconds")})
                model = other
        print(f"{lang}: alpha {model.meta['hyperparameters']['alpha']} kept")
        model.meta.update({
            "training_data": {"files": [str(p.relative_to(Path.cwd())) if p.is_relative_to(Path.cwd()) else str(p)
                                        for p in paths], "sha256": sha, **dump_counts(docs)},
            "sklearn_version": sklearn.__version__, "numpy_version": np.__version__,
            "trained": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        })
        npz, js = save(model, MODELS_DIR)
        print(f"{lang}: wrote {npz} ({npz.stat().st_size // 1024} KiB) and {js}; "
              f"oof micro {json.dumps(model.meta['dev_scores_oof']['micro'])}, "
              f"candidate recall {model.meta['candidate_recall']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
