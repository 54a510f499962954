"""Commands over documents and the store: ingest, extract, entities, show, export, demo."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mcfwatch.cli.common import (
    DEFAULT_DB,
    DbOption,
    console,
    err_console,
    friendly_errors,
    progress,
    styled,
    terminal_safe,
)

if TYPE_CHECKING:
    from mcfwatch.workspace import IngestReport, Workspace

# The store, the extractors and the resolver are imported inside each command: `mcfwatch --help` stays cheap.

SKIPPED_SHOWN = 20  # files of other types named one per line after an ingest; the rest counted
PathsArg = Annotated[list[Path], typer.Argument(help="Files, folders (recursive) or JSON-lines corpora.")]


def _count_inputs(paths: list[Path]) -> int:
    from mcfwatch.ingest import walk

    n = 0
    for entry in walk(paths):
        if isinstance(entry, Path) and entry.suffix.lower() in {".jsonl", ".ndjson"}:
            try:
                n += sum(1 for line in entry.open("rb") if line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n


def run_ingest(ws: Workspace, paths: list[Path], workers: int = 1) -> IngestReport:
    total = _count_inputs(paths)
    with progress("ingest") as bar:
        task = bar.add_task("", total=total)

        def advance(name: str) -> None:
            bar.update(task, advance=1, description=terminal_safe(name[-50:]))

        def wait(message: str) -> None:
            err_console.print(message, markup=False, highlight=False)

        if workers > 1:
            from mcfwatch.batch.parallel import ingest_parallel

            return ingest_parallel(ws, paths, workers, on_item=advance, on_wait=wait)
        report = ws.ingest(paths, on_item=advance, on_wait=wait)
    return report


def left_decision_line(left: dict[str, str | None]) -> str:
    """One decision a re-read could not carry: the file, the old relation id, the decision and its note."""
    note = f" (“{left['note']}”)" if left.get("note") else ""
    return (f"decision not carried: {left['file']}: {left.get('decision') or 'decision'} of relation {left['relation']}"
            f"{note}; the new reading no longer has that relation: review the document's relations and decide again")


def print_report(report: IngestReport, skipped: list[Path] | None = None) -> None:
    console.print(
        f"stored {len(report.stored)} documents ({report.entities} entities, {report.relations} relations); "
        + (f"{len(report.reread)} re-read with the current reader (the older reading replaced; "
           f"{report.decisions_kept} analyst decisions kept, {report.decisions_left} left on relations no longer "
           "read); " if report.reread else "")
        + f"{len(report.duplicates)} already stored; {len(report.failures)} failed; "
        f"{report.merges} names merged across documents"
        + (f"; {len(skipped)} {'file of another type' if len(skipped) == 1 else 'files of other types'} not read"
           if skipped else "")
    )
    for name in report.reread:
        console.print(styled("re-read with the current reader: {name}", name=name))
    for left in report.left_decisions:
        console.print(left_decision_line(left), highlight=False, markup=False)
    if report.unextracted:
        from mcfwatch.ingest import display_path
        from mcfwatch.ingest.language import not_extracted_line

        for name, lang in report.unextracted:
            console.print(not_extracted_line(display_path(name), lang), highlight=False, markup=False)
    for failure in report.failures:
        err_console.print(styled("[red]failed:[/red] {failure}", failure=failure))
    print_skipped(skipped or [])


def store_files(db: str) -> set[Path]:
    """A SQLite store's own files (the database, its journal, write-ahead log, shared memory and lock files) and
    its graph cache folder (``s.db.cache/``, graph/cachedir.py).

    A store kept in the folder being ingested was reported as five files "not read" (s.db, s.db-wal, s.db-shm,
    s.db.lock, s.db.ingest.lock), and after a query as many more from s.db.cache/: they are the store, not
    documents the user forgot."""
    if "://" in db and not db.startswith("sqlite:"):
        return set()
    path = Path(db.split(":///", 1)[1] if db.startswith("sqlite:") else db)
    return {Path(f"{path}{suffix}").resolve()
            for suffix in ("", "-journal", "-wal", "-shm", ".lock", ".ingest.lock", ".cache")}


def print_skipped(skipped: list[Path]) -> None:
    """Name the files a folder walk left out for their type, so nobody takes them for read (a .doc, a .xlsx)."""
    from mcfwatch.ingest import display_path

    for path in skipped[:SKIPPED_SHOWN]:
        err_console.print(styled("[yellow]not read:[/yellow] {path}: {why}", path=display_path(path),
                                 why=f"{path.suffix or 'no suffix'} is not a type ingest reads "
                                     "(txt, md, html, pdf, docx, JSON lines)"))
    if len(skipped) > SKIPPED_SHOWN:
        err_console.print(f"not read: {len(skipped) - SKIPPED_SHOWN} more files of other types")


def register(app: typer.Typer) -> None:
    @app.command()
    @friendly_errors
    def ingest(
        paths: PathsArg, db: DbOption = DEFAULT_DB,
        workers: Annotated[int, typer.Option(min=1, help="Extract in this many processes; the store is still "
                                             "written by one, in reading order.")] = 1,
        lang: Annotated[str | None, typer.Option(
            "--lang", help="Read every document as this language (en or zh) instead of detecting it: a text "
            "detected as German or French is otherwise stored without extraction.")] = None,
    ) -> None:
        """Read documents (txt, md, html, pdf, docx, JSON lines), extract, and store them. Idempotent."""
        from mcfwatch.ingest import unread_files
        from mcfwatch.ingest.language import EXTRACTED, read_as
        from mcfwatch.workspace import Workspace

        if lang is not None and lang not in EXTRACTED:
            raise typer.BadParameter(f"--lang must be one of {', '.join(EXTRACTED)}")
        ws = Workspace(db)
        try:
            with read_as(lang):
                report = run_ingest(ws, paths, workers)
        except KeyboardInterrupt:
            err_console.print("interrupted: every document stored before the interrupt is kept (each is stored whole "
                              "or not at all); run the same command again to finish: it skips them and resolves "
                              "the rest", highlight=False, markup=False)
            raise typer.Exit(130) from None
        own = store_files(db)
        print_report(report, [p for p in unread_files(paths)
                              if p.resolve() not in own and not own.intersection(p.resolve().parents)])
        if not report.ok:
            raise typer.Exit(1)

    @app.command()
    @friendly_errors
    def resolve(
        db: DbOption = DEFAULT_DB,
        replan: Annotated[bool, typer.Option(
            "--replan", help="Re-plan every entity: undo the resolver's merges the current plan does not make "
            "(stores resolved before complete linkage), add the ones it makes. Analysts' undos and decisions "
            "are kept. Idempotent.")] = False,
    ) -> None:
        """Merge stored entities that name the same thing (ingest runs this too). Idempotent and resumable."""
        from mcfwatch.workspace import Workspace

        ws = Workspace(db, create=False)
        if replan:
            from mcfwatch.resolve.merge import replan_store

            r = replan_store(ws.store)
            console.print(f"re-planned: {len(r.undone)} merges undone, {len(r.added)} added, {r.kept} kept",
                          highlight=False)
            return
        merges = ws.resolve()
        console.print(f"{len(merges)} names merged across documents; "
                      f"{ws.store.counts()['documents']} documents resolved", highlight=False)

    @app.command()
    @friendly_errors
    def check(
        db: DbOption = DEFAULT_DB,
        fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    ) -> None:
        """Check a store's health: schema, unresolved documents, dangling rows, the fold. Exit 1 on a problem."""
        from mcfwatch.store import Store

        h = Store(db, create=False).health()
        problems = [f"{n} {what}" for what, n in h["dangling"].items() if n]
        if h["unresolved_documents"]:
            problems.append(f"{h['unresolved_documents']} documents not yet resolved (run `mcfwatch resolve`)")
        if not h["fold_current"]:
            problems.append("the stored fold differs from the merges and decisions (run `mcfwatch resolve`)")
        if fmt == "json":
            sys.stdout.write(json.dumps({**h, "problems": problems}, ensure_ascii=False, indent=2) + "\n")
        else:
            c = h["counts"]
            console.print(f"{h['store']}: schema version {h['schema_version']}"
                          f"{' (read-only)' if h['read_only'] else ''}; {c['documents']} documents, "
                          f"{c['entities']} entities, {c['mentions']} mentions, {c['relations']} relations",
                          highlight=False, markup=False)
            for p in problems:
                console.print(f"problem: {p}", highlight=False, markup=False)
            if not problems:
                console.print("ok", highlight=False)
        raise typer.Exit(1 if problems else 0)

    @app.command()
    @friendly_errors
    def extract(
        paths: PathsArg,
        fmt: Annotated[str, typer.Option("--format", "-f", help="json (an array) or jsonl (one per line).")] = "json",
    ) -> None:
        """Extract entities and relations with evidence and print them as JSON; stores nothing."""
        if fmt not in {"json", "jsonl"}:
            raise typer.BadParameter("--format must be json or jsonl")
        from mcfwatch.ingest import Failure
        from mcfwatch.workspace import extract_paths

        failed = 0
        results = []
        with progress("extract") as bar:
            task = bar.add_task("", total=_count_inputs(paths))
            for item in extract_paths(paths):
                bar.update(task, advance=1)
                if isinstance(item, Failure):
                    err_console.print(styled("[red]failed:[/red] {item}", item=item))
                    failed += 1
                elif fmt == "jsonl":
                    sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
                else:
                    results.append(item.to_dict())
        if fmt == "json":
            sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
        if failed:
            raise typer.Exit(1)

    @app.command()
    @friendly_errors
    def entities(
        db: DbOption = DEFAULT_DB,
        etype: Annotated[str | None, typer.Option("--type", "-t", help="An entity type of the schema (Company, "
                                                  "University, Person ...; a wrong one lists them all).")] = None,
        limit: Annotated[int, typer.Option(help="Show at most this many.")] = 100,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    ) -> None:
        """List stored entities, most mentioned first."""
        from mcfwatch.model import ENTITY_TYPES  # the schema is read here, not for --help

        if etype and etype not in ENTITY_TYPES:
            raise typer.BadParameter(f"--type must be one of {', '.join(ENTITY_TYPES)}")
        from rich.table import Table

        from mcfwatch.workspace import Workspace

        rows = Workspace(db, create=False).entities(etype)[:limit]
        if fmt == "json":
            sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            return
        table = Table("name", "type", "mentions", "documents")
        for r in rows:
            table.add_row(r["name"], r["type"], str(r["mentions"]), str(r["documents"]))
        console.print(table)

    @app.command()
    @friendly_errors
    def show(
        name: Annotated[str, typer.Argument(help="Entity name, alias or id (a merged-away id shows its canonical entity).")],
        db: DbOption = DEFAULT_DB,
        fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    ) -> None:
        """Show an entity card: type, aliases, watchlist entries, relations with dates and quoted evidence, sources."""
        from mcfwatch.workspace import Workspace

        card = Workspace(db, create=False).card(name, listings=True)
        if fmt == "json":
            sys.stdout.write(json.dumps(card, ensure_ascii=False, indent=2) + "\n")
            return
        print_card(card)

    @app.command()
    @friendly_errors
    def export(
        db: DbOption = DEFAULT_DB,
        fmt: Annotated[str, typer.Option("--format", "-f", help="ftm (FollowTheMoney JSON lines) or json.")] = "ftm",
        output: Annotated[Path, typer.Option("--output", "-o", help="File to write; - for stdout.")] = Path("-"),
        as_of: Annotated[str | None, typer.Option(
            "--as-of", help="ISO date: the FtM export's Sanctions are the watchlist entries valid then (default "
            "today); each Sanction names the day.")] = None,
    ) -> None:
        """Export the store: FollowTheMoney entities (JSON lines) or the mcfwatch JSON graph."""
        if fmt not in {"ftm", "json"}:
            raise typer.BadParameter(f"--format must be ftm or json, not {fmt!r}")
        from mcfwatch.files import atomic_path
        from mcfwatch.model.dates import check_day
        from mcfwatch.report.export import export_store
        from mcfwatch.report.sanctions import listings_day
        from mcfwatch.workspace import Workspace

        as_of = check_day(as_of, "--as-of")  # a bad date is refused before any file is made
        store = Workspace(db, create=False).store  # a missing store is an error before any file is made
        if str(output) == "-":
            n = export_store(store, fmt, sys.stdout, as_of)
        else:
            with atomic_path(output) as tmp, tmp.open("w", encoding="utf-8") as out:
                n = export_store(store, fmt, out, as_of)  # a failed or killed export leaves no half-written file
        err_console.print(f"exported {n} records ({fmt})"
                          + (f"; watchlist entries as of {listings_day(as_of)}" if fmt == "ftm" else ""))

    @app.command()
    @friendly_errors
    def demo(
        db: Annotated[Path, typer.Option("--db", help="Fresh SQLite file for the demo.")] = Path("demo.db"),
        sample: Annotated[int, typer.Option(help="How many corpus documents to ingest beside the seed.")] = 12,
    ) -> None:
        """Ingest the founding document (English and Chinese) and a corpus sample, then screen and trace exposure."""
        from mcfwatch.analyse import Analyst
        from mcfwatch.cli.analysis import _print_exposure
        from mcfwatch.cli.screen import _print_result
        from mcfwatch.data import SEED, sample_path
        from mcfwatch.resolve import default_screener
        from mcfwatch.workspace import Workspace

        started = time.perf_counter()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        ws = Workspace(db)
        inputs = [sample_path(SEED), sample_path("zh", "seed_zh.txt")]
        corpus = _corpus_sample(sample)
        report = run_ingest(ws, inputs + ([corpus] if corpus else []))
        print_report(report)
        _print_inventory(ws)

        console.rule(styled("[bold]1. What the founding document says about the Lizhong Group[/bold]"))
        print_card(ws.card("Lizhong Group"))

        console.rule(styled("[bold]2. Are the seed's partners on a watchlist?[/bold]"))
        screener = default_screener()
        for name in ("Lizhong Group", "UK MQP Limited", "Brunel University", "HT&L Fitting",
                     "Benvolant Artificial Intelligence Company", "西北工业大学"):
            _print_result(screener.screen(name))

        console.rule(styled("[bold]3. Exposure of a foreign partner, hop by hop[/bold]"))
        analyst = Analyst(ws.store)
        for name in ("Brunel University", "Cork County"):
            _print_exposure(analyst.exposure(name))
            console.print()
        console.print(f"store: {db}  ({time.perf_counter() - started:.1f} s). Next: mcfwatch report "
                      f"'Brunel University' --db {db} -o brunel.html", highlight=False)


def _print_inventory(ws: Workspace) -> None:
    from collections import Counter

    ents = Counter(e["type"] for e in ws.entities())
    rels = Counter(r["type"] for r in ws.store.relations())
    console.print("entities: " + ", ".join(f"{k} {v}" for k, v in ents.most_common()), highlight=False)
    console.print("relations: " + ", ".join(f"{k} {v}" for k, v in rels.most_common()), highlight=False)


def _corpus_sample(n: int) -> Path | None:
    """Write the first n dev-split corpus records to a temporary JSON-lines file."""
    import tempfile

    from mcfwatch.data import sample_path

    if n <= 0:
        return None
    corpus = sample_path("corpus")
    dev = [line.strip() for line in (corpus / "dev-split.txt").read_text().splitlines() if line.strip() and not line.startswith("#")]
    wanted = set(dev[:n])
    lines = []
    for f in sorted(corpus.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip() and json.loads(line)["id"] in wanted:
                lines.append(line)
    tmp = Path(tempfile.mkdtemp(prefix="mcfwatch-demo-")) / "sample.jsonl"
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp


def print_card(card: dict[str, Any]) -> None:
    title = styled("[bold]{name}[/bold]  ({type})  [dim]{id}[/dim]", name=card["name"], type=card["type"],
                   id=card["id"])
    if title.cell_len + 4 <= console.width:
        console.rule(title)
    else:  # a rule cuts a long title ("… (Uni…"), the id with it: the id is what `decide` and the API take
        console.rule()
        console.print(title)
    if card.get("requested_id"):
        console.print(f"{card['requested_id']} was merged into {card['id']}")
    if card.get("found_as"):  # a translation guess, not a certain find
        console.print(card["found_as"], highlight=False, markup=False)
    if card["aliases"]:
        console.print("also known as: " + "; ".join(card["aliases"]), highlight=False, markup=False)
    for lst in card.get("listings", []):
        console.print(styled("[bold red]listed:[/bold red] {entry} on {list}@{version} (score {score}; "
                             "{basis})", entry=lst["entry_name"], list=lst["list_id"],
                             version=lst["list_version"], score=f"{lst['score']:.2f}",
                             basis=lst["legal_basis"] or lst["authority"] or "no legal basis given"))
    for r in card["relations"]:
        when = r["date"] or "undated"
        if r["date_end"] and r["date_end"] != r["date"]:
            when += f" to {r['date_end']}"
        kind = r["type"] + (f" ({r['subtype']})" if r["subtype"] else "")
        about = f" on {r['subject']}" if r["subject"] else ""
        console.print(styled(
            "• {source} —[cyan]{kind}[/cyan]→ {target}{about}  [dim]{when}, confidence {confidence}[/dim]",
            source=r["source"]["name"], kind=kind, target=r["target"]["name"], about=about, when=when,
            confidence=f"{r['confidence']:.2f}",
        ))
        ev = r["evidence"]
        console.print(styled("    [italic]“{text}”[/italic]  [dim]{document} {where}[/dim]", text=ev["text"],
                             document=ev["document"], where=f"[{ev['start']}:{ev['end']}]"))
    console.print("sources: " + "; ".join(d["label"] for d in card["documents"]))
