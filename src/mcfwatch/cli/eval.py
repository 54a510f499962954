"""`mcfwatch eval GOLD.jsonl`: precision, recall and F1 of the extractor against an annotated gold file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mcfwatch.cli.common import console, friendly_errors


def register(app: typer.Typer) -> None:
    @app.command("eval")
    @friendly_errors
    def eval_(
        gold: Annotated[Path, typer.Argument(help="Gold JSON lines: doc_id, entities, relations (see extract/eval.py).")],
        errors: Annotated[bool, typer.Option("--errors", help="Also list every missed and spurious item.")] = False,
    ) -> None:
        """Score extraction on annotated documents: P/R/F1 per entity type and per relation type."""
        from mcfwatch.extract import Extractor
        from mcfwatch.extract.eval import evaluate, format_report, load_gold

        docs = load_gold(gold)
        report = evaluate(docs, Extractor().extract_many)
        for line in format_report(report, f"{gold} ({len(docs)} documents)"):
            console.print(line, highlight=False)
        if errors:
            for line in report.errors:
                console.print(line, highlight=False, markup=False)
