"""Commands for analysts: exposure, timeline, patterns, report, watch, changes, reject, decide."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from mcfwatch.cli.common import DEFAULT_DB, DbOption, console, friendly_errors, styled

AsOf = Annotated[str | None, typer.Option("--as-of", help="Consider only edges and list versions valid on this ISO date.")]
Fmt = Annotated[str, typer.Option("--format", "-f", help="text or json.")]
Rules = Annotated[Path | None, typer.Option("--rules", help="A risk-rules YAML replacing the shipped rules_v1.")]
PartnerColumn = Annotated[str | None, typer.Option("--column", help="The header of the partner file's name column (as screen --file).")]


def _analyst(db: str, as_of: str | None, rules: Path | None = None) -> Any:
    from mcfwatch.analyse import Analyst, load_rules
    from mcfwatch.model.dates import check_day
    from mcfwatch.store import Store

    as_of = check_day(as_of, "--as-of")  # a bad date is reported before the store is opened
    return Analyst(Store(db, create=False), as_of=as_of, rules=load_rules(rules) if rules else None)


def _json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


ALSO_SHOWN = 3  # sources quoted per repeated sentence in text output; --format json lists every one


def listing_line(name: str, x: dict[str, Any]) -> str:
    """One watchlist entry of an entity on a path: which list, its version, the entry's name and id.

    A path "rated very high" because its far end is listed printed the rating but never the entry; the entry
    is the evidence of that flag. Reads the unified listing keys (list_title, list_version, entry_id,
    entry_name), else the names exposure used before session 27 (title, version, entry, name)."""
    from mcfwatch.graph.model import OLD_NAMES

    x = {**x, **{new: x[old] for old, new in OLD_NAMES.items() if not x.get(new) and x.get(old)}}
    title = x.get("list_title") or x.get("list_id") or "?"
    authority = f" ({x['authority']})" if x.get("authority") else ""
    version = x.get("list_version")
    entry = x.get("entry_id") or "?"
    entry_name = x.get("entry_name") or name
    shown = f", version {version}" if version else ""
    return f"{name}: on {title}{authority}{shown} as “{entry_name}” [{entry}]"


def _grouped_also(also: list[dict[str, Any]], first: str) -> list[tuple[str, list[str]]]:
    """The same relation in other documents, one line per distinct sentence (a press release republished by
    many outlets is one quote with its sources, not one line each); a sentence worded as the hop's own
    evidence gives "" (not quoted again)."""
    groups: dict[str, list[str]] = {}
    for more in also:
        text = "" if more["text"] == first else more["text"]
        where = more.get("source") or more.get("title") or more["document"]  # the document's label, not its id
        groups.setdefault(text, []).append(f"{where} {more['start']}:{more['end']}")
    return list(groups.items())


def _print_exposure(r: dict[str, Any]) -> None:
    from mcfwatch.analyse.timeline import relation_words
    p, rating = r["partner"], r["rating"]
    console.print(styled("[bold]{name}[/bold] ({type}): [bold]{level}[/bold]  (rules {rules}, as of {as_of})",
                         name=p["name"], type=p["type"] or "not in the store", level=rating["level"],
                         rules=rating["rules_version"], as_of=r["as_of"] or "today"))
    for f in rating["rules"]:
        console.print(f"  [{f['level']}] {f['id']}: {f['explanation']}", highlight=False, markup=False)
    for i, path in enumerate(r["paths"], 1):
        console.print(f"\npath {i} (strength {path['score']:.2f}):", highlight=False)
        if path.get("chosen"):
            console.print(f"  chosen: {path['chosen']}", highlight=False, markup=False)
        for h in path["hops"]:
            words = relation_words(h["source"], h["target"], h["type"], h.get("direction") != "reverse",
                                   h["subtype"], h["date"] or "undated")
            console.print(f"  {words}: {h['type']}, confidence {h['confidence']:.2f}  [edge {h['edge']}]",
                          highlight=False, markup=False)
            ev = h["evidence"]
            console.print(f"    “{ev['text']}” ({h.get('document_label') or ev['document']} {ev['start']}:{ev['end']})",
                          highlight=False, markup=False)
            for text, refs in _grouped_also(h.get("also", []), ev["text"]):
                shown = "; ".join(refs[:ALSO_SHOWN]) + (f"; and {len(refs) - ALSO_SHOWN} more documents"
                                                        if len(refs) > ALSO_SHOWN else "")
                console.print(f"    also: “{text}” ({shown})" if text else f"    also, same words: ({shown})",
                              highlight=False, markup=False)
    if not r["paths"]:
        console.print("\nno exposure path found", highlight=False)
    listed = [n for n in r.get("path_nodes", []) if n.get("listings") and n.get("id") != p.get("id")]
    if listed:
        console.print("\nlisted on these paths:", highlight=False)
    for n in listed:
        for x in n["listings"]:
            console.print(f"  {listing_line(n['name'], x)}", highlight=False, markup=False)
    for u in rating["unknown"]:
        console.print(f"  unknown: {u}", highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    @app.command()
    @friendly_errors
    def exposure(
        name: Annotated[str, typer.Argument(help="The partner (a university, company or city).")],
        as_of: AsOf = None, format: Fmt = "text", rules: Rules = None,
        limit: Annotated[int, typer.Option(help="At most this many paths.")] = 200,
        db: DbOption = DEFAULT_DB,
    ) -> None:
        """Paths of up to 4 hops from a partner to listed, MCF-linked or military entities, with the rating."""
        result = _analyst(db, as_of, rules).exposure(name, limit=limit)
        _json(result) if format == "json" else _print_exposure(result)

    @app.command()
    @friendly_errors
    def timeline(name: str, as_of: AsOf = None, format: Fmt = "text", db: DbOption = DEFAULT_DB) -> None:
        """Dated events of an entity in order, each with its quote and source."""
        events = _analyst(db, as_of).timeline(name)
        if format == "json":
            return _json(events)
        for ev in events:
            console.print(f"{ev['date'] or 'undated':>10}  {ev['what']}", highlight=False, markup=False)
            console.print(f"            “{ev['evidence']['text']}” ({ev['source']})", highlight=False, markup=False)

    @app.command()
    @friendly_errors
    def patterns(as_of: AsOf = None, format: Fmt = "text", db: DbOption = DEFAULT_DB) -> None:
        """Delegation-then-agreement, friendship-city escalation and facilitation-of-MCF-company patterns."""
        found = _analyst(db, as_of).all_patterns()
        if format == "json":
            return _json(found)
        for p in found:
            parties = ", ".join(f"{k}: {v}" for k, v in p["parties"].items())
            console.print(styled("[bold]{kind}[/bold]  {parties}", kind=p["kind"], parties=parties))
            for key, value in p.get("values", {}).items():  # what the pattern found (follow-ups, stages, listed …)
                console.print(f"    {key}: {value}", highlight=False, markup=False)
            for ev in p["evidence"]:
                console.print(f"    “{ev['text']}”", highlight=False, markup=False)

    @app.command()
    @friendly_errors
    def report(
        name: Annotated[str | None, typer.Argument(help="One partner; or use --partners.")] = None,
        output: Annotated[Path, typer.Option("-o", "--output", help="Output .html or .pdf file.")] = Path("report.html"),
        pdf: Annotated[bool, typer.Option("--pdf", help="Write PDF (also chosen by a .pdf output name).")] = False,
        partners: Annotated[Path | None, typer.Option("--partners", help="CSV/XLSX of partners (a 'name' column).")] = None,
        column: PartnerColumn = None,
        as_of: AsOf = None, rules: Rules = None, db: DbOption = DEFAULT_DB,
    ) -> None:
        """A committee report (HTML or PDF) for one partner or a whole partner list."""
        from mcfwatch.analyse.partners import read_partner_names
        from mcfwatch.report import write_report

        others = read_partner_names(partners, column) if partners else {}
        names = list(others) if partners else ([name] if name else [])
        if not names:
            raise typer.BadParameter("give a partner name or --partners FILE")
        out = write_report(_analyst(db, as_of, rules), names, output, pdf=pdf, other_names=others)
        console.print(f"wrote {out} ({len(names)} partner(s))", highlight=False)

    @app.command()
    @friendly_errors
    def watch(partners: Path, column: PartnerColumn = None, as_of: AsOf = None, db: DbOption = DEFAULT_DB) -> None:
        """Store the current findings of every partner in the file as the monitoring baseline."""
        from mcfwatch.analyse.partners import read_partners
        from mcfwatch.analyse.watch import store_baseline
        from mcfwatch.store.engine import shown_db

        an = _analyst(db, as_of)
        levels = store_baseline(an.store, an, read_partners(partners, column))
        for n, lvl in levels.items():
            console.print(f"{lvl:>11}  {n}", highlight=False, markup=False)
        console.print(f"baseline stored for {len(levels)} partner(s) in {shown_db(db)}", highlight=False)

    @app.command()
    @friendly_errors
    def changes(
        update: Annotated[bool, typer.Option("--update", help="Make the current findings the new baseline.")] = False,
        format: Fmt = "text", db: DbOption = DEFAULT_DB,
    ) -> None:
        """New, changed and removed findings per watched partner. Exit 0: no change; 1: changes; 2: error."""
        from mcfwatch.analyse.watch import changes as diff

        an = _analyst(db, None)
        found = [c for c in diff(an.store, an, update=update) if c.any]
        if format == "json":
            _json([c.to_dict() for c in found])
        for c in found if format != "json" else []:
            lvl = f": {c.level[0]} -> {c.level[1]}" if c.level else ""
            console.print(styled("[bold]{partner}[/bold]{lvl}", partner=c.partner, lvl=lvl))
            for kind, items in (("+", c.new), ("-", c.removed), ("~", c.changed)):
                for item in items:
                    console.print(f"  {kind} {item}", highlight=False, markup=False)
        if format != "json" and not found:
            console.print("no changes", highlight=False)
        raise typer.Exit(1 if found else 0)

    @app.command()
    @friendly_errors
    def reject(
        edge: Annotated[str, typer.Argument(help="The edge (relation) id shown by `exposure`.")],
        note: Annotated[str | None, typer.Option(help="Why.")] = None,
        by: Annotated[str, typer.Option(help="Who decides.")] = "analyst",
        db: DbOption = DEFAULT_DB,
    ) -> None:
        """Reject an edge: every later query leaves it out, even after re-ingesting its document."""
        from mcfwatch.analyse.decisions import decide as record
        from mcfwatch.store import Store

        oid = record(Store(db, create=False), "edge", edge, "reject", note=note, by=by)
        console.print(f"rejected {edge} (decision {oid})", highlight=False)

    @app.command()
    @friendly_errors
    def decide(
        kind: Annotated[str, typer.Argument(help="edge | merge | listing")],
        target: Annotated[str, typer.Argument(help="relation id, or ID|ID for a merge or a listing")],
        decision: Annotated[str, typer.Argument(help="edge/listing: reject|confirm; merge: confirm|split")],
        note: Annotated[str | None, typer.Option(help="Why.")] = None,
        by: Annotated[str, typer.Option(help="Who decides.")] = "analyst",
        db: DbOption = DEFAULT_DB,
    ) -> None:
        """Record an analyst decision (overlay) applied on every query."""
        from mcfwatch.analyse.decisions import decide as record
        from mcfwatch.store import Store

        oid = record(Store(db, create=False), kind, target, decision, note=note, by=by)
        console.print(f"recorded {kind} {decision} on {target} (decision {oid})", highlight=False)
