"""The English entity fold refit (``en/heldout.py``): its folds are those of ``mcfwatch eval --corpus corpus/train``
and a folder refit on other folds is refused. (It trains; the tests do not.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mcfwatch.errors import InputError
from mcfwatch.extract.en.heldout import fold_groups, groups_sha, load_fold, main
from mcfwatch.extract.en.ner import NER_DIR
from mcfwatch.extract.en.typer import save, shipped
from mcfwatch.extract.evalsuite import corpus_gold, fold_parts, lang_of, text_group
from mcfwatch.extract.relmodel.data import REPO, training_docs


def test_folds_partition_the_english_training_corpus_as_eval_does() -> None:
    folds = fold_groups()
    english = [g for g in corpus_gold([REPO / "corpus" / "train"]) if lang_of(g.document) == "en"]
    assert len(folds) == 5
    assert sum(len(f) for f in folds) == len({text_group(g.document.text) for g in english})
    assert all(not (a & b) for i, a in enumerate(folds) for b in folds[i + 1:])
    # the same documents, fold by fold, as the cross-validation of `mcfwatch eval --corpus corpus/train`
    assert folds == [{text_group(english[i].document.text) for i in p} for p in fold_parts(english, 5)]
    # a fold refit leaves its documents out and keeps the dev gold in training
    docs, _ = training_docs("en")
    kept = [d for d in docs if d.group not in folds[0]]
    assert 0 < len(docs) - len(kept) <= len(folds[0])
    assert any(d.origin.startswith("gold:") for d in kept)


def _fold_folder(tmp_path: Path, held: set[str]) -> Path:
    folder = tmp_path / "fold0"
    shutil.copytree(NER_DIR, folder / "ner")
    typer = shipped()
    save(type(typer)(typer.labels, typer.weights, typer.intercept, dict(typer.meta, held_sha=groups_sha(held))),
         folder)
    return tmp_path


def test_models_refit_on_another_fold_are_refused(tmp_path: Path) -> None:
    folds = fold_groups()
    out = _fold_folder(tmp_path, folds[1])
    with pytest.raises(InputError, match="fold0: refit without other documents than fold 1"):
        load_fold(out, 0, folds[0])
    nlp, typer = load_fold(_fold_folder(tmp_path / "b", folds[0]), 0, folds[0])
    assert "ner" in nlp.pipe_names and typer.meta["held_sha"] == groups_sha(folds[0])


def test_missing_models_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no refit English models"):
        load_fold(tmp_path, 2, set())


def test_fold_number_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--fold", "7", "--score-only"])
    assert "--fold must be between 0 and 4" in capsys.readouterr().err
