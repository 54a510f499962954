"""`mcfwatch eval`: rules-only, model-only and combined extraction against annotated documents, with baselines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mcfwatch.cli.common import console, friendly_errors


def register(app: typer.Typer) -> None:
    @app.command("eval")
    @friendly_errors
    def eval_(
        gold: Annotated[list[Path] | None, typer.Argument(
            help="Name-based gold JSON lines (doc_id, entities, relations; see extract/eval.py).")] = None,
        corpus: Annotated[Path | None, typer.Option(
            "--corpus", help="Annotated corpus folder or file (JSON lines with spans), cross-validated.")] = None,
        folds: Annotated[int, typer.Option(
            "--folds", help="Folds for --corpus (each fold scored by a model trained without it); 0: shipped model.")] = 5,
        blind: Annotated[bool, typer.Option(
            "--blind", help="Score the blind split (corpus/blind) with the shipped model: aggregate tables only; "
            "with --corpus, also the dev-blind gap.")] = False,
        errors: Annotated[bool, typer.Option("--errors", help="Also list every missed and spurious item (not with --blind).")] = False,
        cv: Annotated[bool, typer.Option(
            "--cv", help="Cross-validate gold files too (each fold scored by a model trained without its documents).")] = False,
        floor: Annotated[list[float] | None, typer.Option(
            "--floor", help="Also score `both` with this confidence floor for the model's own findings (repeatable).")] = None,
        en_folds: Annotated[Path | None, typer.Option(
            "--en-folds", help="With --corpus corpus/train: extract each English fold with the ner and typer refit "
            "without it (folder written by `python -m mcfwatch.extract.en.heldout`).")] = None,
        zh_folds: Annotated[Path | None, typer.Option(
            "--zh-folds", help="With --corpus corpus/train: extract each Chinese fold with the NER model trained "
            "without it (folder written by `python benchmarks/zh_ner_folds.py`).")] = None,
    ) -> None:
        """Score extraction per language: P/R/F1 per entity and relation type for the rules, the model and both,
        next to the co-occurrence and bare-NER baselines."""
        from mcfwatch.errors import InputError
        from mcfwatch.extract.eval import GoldDoc
        from mcfwatch.extract.evalsuite import corpus_gold, file_gold, format_gap, format_suite, run

        if blind and errors:
            raise InputError("--blind", "the blind split is scored in aggregate only; --errors is refused")
        runs: list[tuple[str, list[GoldDoc], int, tuple[Path | None, Path | None]]] = [
            (f"{g} ({f'{folds}-fold cross-validated' if cv else 'shipped model'})", file_gold(g), folds if cv else 0,
             (None, None)) for g in gold or []]
        if corpus is not None:
            held = "".join(f"; {lang} NER held out per fold" for lang, d in (("English", en_folds), ("Chinese", zh_folds))
                           if d is not None and folds > 1)
            runs.append((f"{corpus} ({f'{folds}-fold cross-validated' if folds > 1 else 'shipped model'}{held})",
                         corpus_gold([corpus]), folds, (en_folds, zh_folds) if folds > 1 else (None, None)))
        if blind:
            runs.append(("blind split corpus/blind (shipped model)", corpus_gold([Path("corpus/blind")]), 0, (None, None)))
        if not runs:
            raise InputError("eval", "give a gold file, --corpus DIR or --blind")
        suites = []
        for title, docs, k, refit in runs:
            suite = run(title, docs, k, log=lambda m: console.print(m, style="dim", highlight=False),
                        floors=tuple(floor or ()), en_folds=refit[0], zh_folds=refit[1])
            suites.append((suite, k))
            for line in format_suite(suite):
                console.print(line, highlight=False, markup=False)
            if errors:
                from mcfwatch.extract.eval import evaluate
                from mcfwatch.extract.pipeline import Extractor

                report = evaluate(docs, Extractor().extract_many)
                for line in report.errors:
                    console.print(line, highlight=False, markup=False)
        cross = [s for s, k in suites if k > 1]
        if blind and cross:  # the blind run is the last one
            for line in format_gap(cross[-1], suites[-1][0]):
                console.print(line, highlight=False, markup=False)
