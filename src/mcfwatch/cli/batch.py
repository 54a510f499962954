"""`mcfwatch batch extract|resolve` (Apache Spark) and `mcfwatch load` (Parquet into a store).

pyspark and pyarrow are imported inside the commands only: `mcfwatch --help` never loads them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mcfwatch.cli.common import DEFAULT_DB, DbOption, console, err_console, friendly_errors, progress, styled

MasterOption = Annotated[str, typer.Option(
    "--master", help="Spark master: local[N] (N cores of this machine) or a cluster URL such as spark://host:7077.")]

batch_app = typer.Typer(
    name="batch", no_args_is_help=True, add_completion=False,
    help="Batch jobs on Apache Spark (pip install 'mcfwatch[spark]', Java 17+): extract, resolve; then `mcfwatch load`.",
)


@batch_app.command("extract")
@friendly_errors
def extract(
    input_dir: Annotated[list[Path], typer.Option("--input", help="Folder or file to read (repeat for several).")],
    output: Annotated[Path, typer.Option("--output", help="Folder for the Parquet output (new, empty or an earlier one).")],
    master: MasterOption = "local[2]",
    partitions: Annotated[int | None, typer.Option(help="Partitions of documents (default: 2 per core).")] = None,
) -> None:
    """Read and extract documents on Spark; write extractions and failures as Parquet (load them with `mcfwatch load`)."""
    from mcfwatch.batch.extract import batch_extract

    report = batch_extract(input_dir, output, master, partitions)
    console.print(f"extracted {report.documents} documents ({report.entities} entities, {report.relations} "
                  f"relations) into {output}; {len(report.failures)} failed", highlight=False, markup=False)
    for failure in report.failures:
        err_console.print(styled("[red]failed:[/red] {failure}", failure=failure))
    if report.failures:
        raise typer.Exit(1)


@batch_app.command("resolve")
@friendly_errors
def resolve(
    input_dir: Annotated[Path, typer.Option("--input", help="Output folder of `mcfwatch batch extract`.")],
    output: Annotated[Path, typer.Option("--output", help="Folder for the matched pairs (Parquet).")],
    master: MasterOption = "local[2]",
) -> None:
    """Resolve names across documents on Spark (blocking + mcfwatch's name features); write the matched pairs."""
    from mcfwatch.batch.resolve import batch_resolve

    r = batch_resolve(input_dir, output, master)
    console.print(f"{r.entries} names, {r.candidate_pairs} blocked pairs scored, {r.pairs} matched; written to "
                  f"{output} (record them with `mcfwatch load {input_dir} --resolved {output}`)",
                  highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    app.add_typer(batch_app)

    @app.command()
    @friendly_errors
    def load(
        output: Annotated[Path, typer.Argument(help="Output folder of `mcfwatch batch extract`.")],
        db: DbOption = DEFAULT_DB,
        resolved: Annotated[Path | None, typer.Option(
            "--resolved", help="Output folder of `mcfwatch batch resolve`: record its merges instead of "
            "resolving here.")] = None,
    ) -> None:
        """Store a `batch extract` output (SQLite or PostgreSQL, --db) as ingest would; idempotent."""
        from mcfwatch.batch.load import load as load_output
        from mcfwatch.cli.documents import print_report
        from mcfwatch.store import Store

        store = Store(db)
        with progress("load") as bar:
            task = bar.add_task("", total=None)
            report = load_output(output, store, resolved, on_item=lambda name: bar.update(
                task, advance=1, description=name[-50:]), on_wait=lambda message: err_console.print(message))
        print_report(report)
        if not report.ok:
            raise typer.Exit(1)
