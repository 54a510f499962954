"""`mcfwatch lists ...`: the shipped and fetched watchlists, their versions, diffs and updates."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from mcfwatch.cli.common import console, err_console, friendly_errors, styled

if TYPE_CHECKING:
    from mcfwatch.lists.model import WatchList

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="ISO date: the version valid then, entries active then.")]
NcOpt = Annotated[bool, typer.Option("--exclude-noncommercial", help="Leave out CC BY-NC copies.")]


def _summary(wl: WatchList) -> dict[str, Any]:
    from mcfwatch.lists.versions import version_name

    return {"id": wl.id, "title": wl.title, "authority": wl.authority, "jurisdiction": wl.jurisdiction,
            "kind": wl.kind, "entries": len(wl.entries), "version": version_name(wl), "as_of": wl.as_of,
            "licence": wl.licence, "noncommercial": wl.noncommercial, "source": wl.source, "origin": wl.origin,
            "legal_basis": wl.legal_basis, "note": wl.note}


def _short_source(source: str) -> str:
    repo = re.search(r"github\.com/([\w.-]+/[\w.-]+)", source)
    commit = re.search(r"@ ([0-9a-f]{8})", source)
    return (repo.group(1) if repo else source[:30]) + (f"@{commit.group(1)}" if commit else "")


def _short_licence(wl: WatchList) -> str:
    return "CC BY-NC 4.0" if wl.noncommercial else re.split(r"[;(]", wl.licence)[0].strip()[:28]


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=1))


def register(app: typer.Typer) -> None:
    lists_app = typer.Typer(help="Watchlists: show, version, diff, update, import FtM datasets.",
                            invoke_without_command=True, no_args_is_help=False)
    app.add_typer(lists_app, name="lists")

    @lists_app.callback()
    @friendly_errors
    def overview(ctx: typer.Context, as_of: AsOfOpt = None, exclude_noncommercial: NcOpt = False,
                 as_json: JsonOpt = False) -> None:
        """List every watchlist: entries, version, licence (NC = non-commercial) and source."""
        if ctx.invoked_subcommand:
            return
        from mcfwatch.lists import load_lists
        from mcfwatch.lists.versions import version_name

        lists = load_lists(as_of, exclude_noncommercial)
        if as_json:
            _print_json([_summary(wl) for wl in lists])
            return
        # Narrow terminals get the columns that identify a list; `lists show ID` gives the rest.
        wide = console.width >= 150
        cols = ("id", "title", "authority", "entries", "version", "licence", "NC", "source") if wide else (
            "id", "entries", "version", "NC", "title")
        table = Table(box=None, pad_edge=False)
        for col in cols:
            table.add_column(col, no_wrap=col in ("id", "entries", "version", "NC"), overflow="fold",
                             min_width=20 if col == "title" else None)
        for wl in lists:
            cells = {
                "id": wl.id, "title": wl.title[:60], "authority": re.split(r"[,(]", wl.authority)[0].strip()[:30],
                "entries": str(len(wl.entries)), "version": version_name(wl), "licence": _short_licence(wl),
                "NC": "NC" if wl.noncommercial else "", "source": _short_source(wl.source),
            }
            table.add_row(*(cells[c] for c in cols))
        console.print(table)
        if not wide:
            console.print("NC: non-commercial licence. Authority, licence and source: mcfwatch lists show ID "
                          "(or a terminal 150 columns wide).", highlight=False)

    @lists_app.command("show")
    @friendly_errors
    def show(list_id: str, as_of: AsOfOpt = None, exclude_noncommercial: NcOpt = False,
             as_json: JsonOpt = False) -> None:
        """Show a list's metadata and entries (the version valid on --as-of)."""
        from mcfwatch.lists import get_list
        from mcfwatch.lists.versions import version_name

        wl = get_list(list_id, as_of, exclude_noncommercial)
        if as_json:
            _print_json({**_summary(wl), "entries": [asdict(e) for e in wl.entries]})
            return
        console.print(styled("[bold]{title}[/bold] ({id}, version {version}, {n} entries)", title=wl.title, id=wl.id,
                             version=version_name(wl), n=len(wl.entries)))
        console.print(f"{wl.authority} · {wl.legal_basis}\nlicence: {wl.licence}\nsource: {wl.source}", highlight=False)
        for e in wl.entries:
            extra = " / ".join([*e.names_zh, *e.aliases][:4])
            console.print(styled("  {name}  [dim]{extra}  {country} {start}[/dim]", name=e.name, extra=extra,
                                 country=e.country or "", start=e.start_date or ""))

    @lists_app.command("versions")
    @friendly_errors
    def versions_cmd(list_id: str, as_json: JsonOpt = False) -> None:
        """List every version of a list (shipped and fetched), oldest first."""
        from mcfwatch.lists.versions import versions

        rows = [{k: v for k, v in _summary(wl).items() if k in ("version", "as_of", "entries", "licence",
                                                               "noncommercial", "origin", "source")}
                for wl in versions(list_id)]
        if as_json:
            _print_json(rows)
            return
        for r in rows:
            console.print(f"{r['version']:<32} {r['entries']:>6} entries  {r['origin']:<8} "
                          f"{'NC ' if r['noncommercial'] else ''}{r['licence'][:50]}", highlight=False)

    @lists_app.command("diff")
    @friendly_errors
    def diff_cmd(list_id: str,
                 v1: Annotated[str | None, typer.Option("--from", help="Older version (DATE or DATE@COPY).")] = None,
                 v2: Annotated[str | None, typer.Option("--to", help="Newer version; default the current one.")] = None,
                 as_json: JsonOpt = False) -> None:
        """Entries added, removed and changed between two versions of a list."""
        from mcfwatch.lists.versions import diff

        d = diff(list_id, v1, v2)
        if as_json:
            _print_json(d.to_dict())
            return
        console.print(f"{list_id}: {d.old} → {d.new}: {len(d.added)} added, {len(d.removed)} removed, "
                      f"{len(d.changed)} changed", highlight=False)
        for e in d.added:
            console.print(styled("  [green]+[/green] {name}", name=e.name))
        for e in d.removed:
            console.print(styled("  [red]-[/red] {name}", name=e.name))
        for c in d.changed:
            console.print(styled("  [yellow]~[/yellow] {name} ({fields})", name=c.after.name, fields=", ".join(c.fields)))

    @lists_app.command("update")
    @friendly_errors
    def update_cmd(list_id: Annotated[str | None, typer.Argument(help="One list id; default all.")] = None,
                   url_base: Annotated[str | None, typer.Option("--url-base", help="Fetch <base>/<list id>/<file> instead of the upstream URLs.")] = None,
                   timeout: Annotated[float, typer.Option(help="Seconds per download.")] = 30.0) -> None:
        """Fetch lists from their upstream URLs into new versions (one line per list copy)."""
        from mcfwatch.lists.update import update

        failed = 0
        for r in update(list_id, url_base, timeout=timeout):
            line = f"{r.list_id} ({r.copy}): {r.message}"
            if r.ok:
                console.print(styled("[green]ok[/green] {line}", line=line))
            else:
                failed += 1
                err_console.print(styled("[red]error:[/red] {line}", line=line))
        if failed:
            raise typer.Exit(1)

    @lists_app.command("import-ftm")
    @friendly_errors
    def import_ftm_cmd(path: Path,
                       list_id: Annotated[str, typer.Option("--id", help="Id of the user list to create or version.")],
                       title: Annotated[str | None, typer.Option(help="Title shown in `mcfwatch lists`.")] = None,
                       as_of: Annotated[str | None, typer.Option("--as-of", help="Version date; default today.")] = None,
                       noncommercial: Annotated[bool, typer.Option("--noncommercial", help="Mark as CC BY-NC (e.g. OpenSanctions data).")] = False) -> None:
        """Import a FollowTheMoney JSON-lines file (an OpenSanctions dataset) as a list version."""
        from mcfwatch.lists.ftm import import_ftm
        from mcfwatch.lists.versions import version_name

        wl = import_ftm(path, list_id, title, as_of, noncommercial)
        console.print(f"imported {len(wl.entries)} entries into {wl.id} version {version_name(wl)}", highlight=False)

