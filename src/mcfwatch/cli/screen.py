"""Commands `screen` (names or a partner file against the watchlists) and `compare` (two names, or pairs)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mcfwatch.cli.common import console, err_console, friendly_errors, progress, styled
from mcfwatch.errors import InputError

if TYPE_CHECKING:
    from mcfwatch.resolve.screen import ScreenResult

# The default threshold is the algorithm's, looked up when a command runs (importing the resolver is slow).
ThresholdOpt = Annotated[float | None, typer.Option(
    help="Score at which a hit counts as a match; default the algorithm's screening threshold.", show_default=False)]


def _threshold(value: float | None) -> float:
    from mcfwatch.resolve.algorithm import DEFAULT_THRESHOLD

    return DEFAULT_THRESHOLD if value is None else value


def _print_result(result: ScreenResult) -> None:
    from rich.table import Table

    from mcfwatch.resolve.screen import matched_label

    console.print(styled("[bold]{query}[/bold]: {summary}", query=result.query, summary=result.summary()))
    rows = [(h, "match") for h in result.hits] + [(h, h.relation or "related") for h in result.related]
    if not rows:
        return
    wide = console.width >= 130  # narrow terminals drop the matched name and fold features
    cols = ("score", "kind", "list (version)", "entry", "matched name", "features") if wide else (
        "score", "list (version)", "entry", "features")
    table = Table(show_lines=False, box=None, pad_edge=False)
    for col in cols:
        table.add_column(col, overflow="fold", no_wrap=col in ("score", "list (version)"))
    for h, kind in rows:
        feats = ", ".join(f"{k} {v['score']:.2f}" for k, v in h.features.items())
        cells = {"score": f"{h.score:.2f}" + ("" if kind == "match" else f" ({kind})"),
                 "kind": kind, "list (version)": f"{h.list_id}@{h.list_version}", "entry": h.entry_name,
                 "matched name": matched_label(h), "features": feats}
        if wide:
            cells["score"] = f"{h.score:.2f}"
        table.add_row(*(cells[c] for c in cols))
    console.print(table)
    for h, _ in rows:  # a hit resting on what another list entry says: name that entry (the JSON has it too)
        for feat in _SAID_ELSEWHERE:
            detail = (h.features.get(feat) or {}).get("detail")
            if detail:
                console.print(styled("  {entry} ({feat}): {detail}", entry=h.entry_name, feat=feat, detail=detail))


# features whose evidence is another list entry's statement, printed under the table
_SAID_ELSEWHERE = ("list_rendering", "known_same")


def screen_cmd(
    name: Annotated[str | None, typer.Argument(help="Name to screen (any script: English, Chinese, pinyin, acronym).")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Partner file (.csv or .xlsx) with a name column.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Results file for --file: .csv, .xlsx or .json.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO country code of the party (e.g. cn); a mismatch lowers the score.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Screen against the list versions valid on this ISO date.")] = None,
    threshold: ThresholdOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json (with --file: a JSON array of rows).")] = "table",
    column: Annotated[str | None, typer.Option("--column", help="With --file: the header of the name column (needed when none is called name, partner, organisation ...).")] = None,
    envelope: Annotated[bool, typer.Option("--envelope", help='With --file and JSON: write {"summary", "rows"} instead of a plain array of rows.')] = False,
    exclude_noncommercial: Annotated[bool, typer.Option(help="Leave out list copies under non-commercial licences.")] = False,
) -> None:
    """Screen a name, or every row of a partner file, against all loaded watchlists."""
    if (name is None) == (file is None):
        raise InputError("screen", "give either a NAME or --file")
    from mcfwatch.resolve.screen import default_screener

    screener = default_screener(as_of, exclude_noncommercial)
    if name is not None:
        result = screener.screen(name, country=country, threshold=_threshold(threshold))
        if fmt == "json":
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            _print_result(result)
        return
    assert file is not None
    from mcfwatch.resolve.batch import json_rows, read_rows, screen_rows, write_rows

    rows = read_rows(file, column)
    with progress("screen") as bar:
        task = bar.add_task("", total=len(rows))
        report = screen_rows(rows, str(file), screener, _threshold(threshold),
                             on_row=lambda n: bar.update(task, advance=1, description=n[:40]), column=column)
    if output:
        write_rows(report, output, envelope)
    elif fmt == "json":
        sys.stdout.write(json_rows(report, envelope) + "\n")
    else:
        for row in report.rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    s = report.summary()
    others = (f"; where it is not listed, the name in {', '.join(repr(c) for c in report.other_name_columns)} "
              f"was screened too: {report.other_name_finds} found listed or related (columns other_name_*)"
              if report.other_name_columns else "")
    err_console.print(
        f"names from column {report.name_column!r}{others}\n"
        f"{s['rows']} rows: {s['listed']} listed, {s['related_only']} related only, {s['not_listed']} not listed"
        + (f"; {report.blank} blank rows skipped" if report.blank else "")
        + (f"; by list: {s['by_list']}" if s["by_list"] else "") + (f"; written to {output}" if output else ""),
        highlight=False,
    )


def compare_cmd(
    left: Annotated[str | None, typer.Argument(help="First name.")] = None,
    right: Annotated[str | None, typer.Argument(help="Second name.")] = None,
    pairs: Annotated[Path | None, typer.Option("--pairs", help='JSON lines {"id","left","right",...}; "-" reads stdin.')] = None,
    threshold: ThresholdOpt = None,
) -> None:
    """Compare two names (score, verdict, features), or every pair of a JSON-lines file."""
    from mcfwatch.resolve.compare import compare, compare_pairs

    threshold = _threshold(threshold)
    if pairs is not None:
        try:
            fh = sys.stdin if str(pairs) == "-" else pairs.open(encoding="utf-8")
        except OSError as exc:
            raise InputError(str(pairs), f"cannot read ({exc.strerror or exc})") from None
        errors = 0
        for row in compare_pairs(fh, str(pairs), threshold):
            if "error" in row:
                errors += 1
                err_console.print(styled("[red]failed:[/red] {error}", error=row["error"]))
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        if errors:
            raise typer.Exit(1)
        return
    if left is None or right is None:
        raise InputError("compare", "give two names, or --pairs FILE")
    c = compare(left, right)
    verdict = "match" if c.match(threshold) else "no match"
    console.print(f"{c.score:.3f}  {verdict} at {threshold}  ({c.algorithm}; relation: {c.relation or '-'})",
                  highlight=False)
    console.print(f"  compared: {c.left!r} ~ {c.right!r}", highlight=False)
    for feat_name, hit in c.features.items():
        console.print(f"  {hit.role:7} {feat_name:20} {hit.score:.2f}  {hit.detail}\n          {hit.explanation}",
                      highlight=False)


def register(app: typer.Typer) -> None:
    app.command("screen")(friendly_errors(screen_cmd))
    app.command("compare")(friendly_errors(compare_cmd))
