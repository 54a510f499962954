"""The FtM export's watchlist side, the one-pass way against the per-entity way it replaced, in one run.

The export (report/export.py) turns each listable entity's watchlist entries into FtM Sanctions. It used to
read each entity again (`Store.entity`: a fold read), the analysts' decisions table and screen it, one entity at a
time, through `Workspace.card_listings`, even for types no list carries, on every export.
`report.sanctions.store_listings` reads names, fold and decisions once, screens only listable entities with one
screener, and keeps what it screened in the graph's link cache (the one `exposure` fills too), so a second export,
or one after `exposure`, screens nothing. Prints, for each store (copied to a fresh folder first, so its link
cache starts empty): the per-entity path's seconds (screener warm, best of --repeat), the one pass with an empty
link cache (first export) and with a warm one (best of --repeat), whether all give the same listings, and the
whole `export --format ftm` time with a warm cache.

Run: PYTHONPATH=src .venv/bin/python benchmarks/export_listings.py --db demo.db --db pool.db
"""

from __future__ import annotations

import argparse
import io
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from mcfwatch.report.export import LEGAL, _owned, _schema_for, export_store
from mcfwatch.report.sanctions import Listing, store_listings
from mcfwatch.store import Store, StoredEntity


def old_entity_listings(store: Store, ent: StoredEntity) -> list[Listing]:
    """The path before: Workspace.card_listings as it was (decisions read first, any type screened), then the
    entry records looked up by id."""
    from datetime import date

    from mcfwatch.resolve.link import LINK_THRESHOLD, listing_view, listings_for
    from mcfwatch.resolve.screen import default_screener

    rejected = store.decisions().rejected_listings
    members = {ent.id, *(ent.members or [])}
    views: dict[str, dict[str, Any]] = {}
    for hit in listings_for([ent.name, *ent.names], ent.type, default_screener(), LINK_THRESHOLD):
        if hit.entry_id not in views and not any(f"{m}|{hit.entry_id}" in rejected for m in members):
            views[hit.entry_id] = listing_view(hit)
    out: list[Listing] = []
    for view in views.values():
        found = default_screener().entry(str(view["entry_id"]))
        if found is not None:
            out.append(Listing(found[0], found[1], float(view["score"]), str(view["matched_name"]),  # type: ignore[arg-type]
                               date.today().isoformat()))
    return out


def old_pass(store: Store) -> dict[str, list[Listing]]:
    owned = _owned(store)
    out: dict[str, list[Listing]] = {}
    for e in store.entities():
        schema = _schema_for(e, owned)
        if schema is not None and schema in LEGAL:
            found = old_entity_listings(store, store.entity(e["id"]))
            if found:
                out[e["id"]] = found
    return out


def keys(listed: dict[str, list[Listing]]) -> set[tuple[str, str, str]]:
    return {(eid, ls.entry.id, f"{ls.score:.2f}") for eid, found in listed.items() for ls in found}


def best(fn: Any, repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", action="append", required=True, help="a store (repeat for several)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from mcfwatch.resolve.screen import default_screener

    started = time.perf_counter()
    default_screener()
    print(f"screener load (once per process, both paths): {time.perf_counter() - started:.2f} s")
    for db in args.db:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / Path(db).name
            shutil.copy(db, copy)  # a fresh cache folder beside the copy: the link cache starts empty
            store = Store(str(copy), create=False)
            ents = store.entities()
            owned = _owned(store)
            legal = {e["id"] for e in ents if _schema_for(e, owned) in LEGAL}  # the entities given Sanctions
            t_old, old = best(lambda: old_pass(store), args.repeat)  # noqa: B023
            t_cold, cold = best(lambda: store_listings(store), 1)  # noqa: B023
            t_warm, warm = best(lambda: store_listings(store), args.repeat)  # noqa: B023
            t_export, _ = best(lambda: export_store(store, "ftm", io.StringIO()), args.repeat)  # noqa: B023
            same = keys(old) == keys({k: v for k, v in cold.items() if k in legal}) == \
                keys({k: v for k, v in warm.items() if k in legal})
            print(f"{db}: {len(ents)} entities, {sum(map(len, warm.values()))} listings; per-entity path "
                  f"{t_old:.3f} s; one pass, empty link cache {t_cold:.3f} s; one pass, warm {t_warm:.3f} s "
                  f"({t_old / max(t_warm, 1e-9):.0f}x); same listings: {same}; whole export --format ftm "
                  f"(warm) {t_export:.3f} s")
            store.close()

if __name__ == "__main__":
    main()
