"""Cluster report for a store's cross-document merges: how many, the largest clusters, merges without evidence.

    python benchmarks/resolve_clusters.py STORE.db [--top 10] [--plan]

Prints the merges recorded in STORE (active ones), the largest clusters (winner, size, some members) and
how many merges carry no evidence (score 0 or no features). With --plan it also prints, beside them in the
same run, what `mcfwatch resolve --replan` would leave (the current plan over the same entities; nothing is
written). Reads the store only. Without a store path (or a missing file) it says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from mcfwatch.resolve.algorithm import ALGORITHM


def report(title: str, merges: list[tuple[str, str, float, dict[str, Any]]], names: dict[str, str], top: int) -> None:
    parent: dict[str, str] = {}

    def find(x: str) -> str:  # clusters as the fold makes them: merges chain (x -> w -> c is one cluster)
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for w, loser, _, _ in merges:
        rw, rl = find(w), find(loser)
        if rw != rl:
            parent[rl] = rw
    losers: dict[str, list[str]] = {}
    for e in {e for w, loser, _, _ in merges for e in (w, loser)}:
        if find(e) != e:
            losers.setdefault(find(e), []).append(names.get(e, e))
    sizes = Counter({w: len(v) for w, v in losers.items()})
    empty = sum(1 for _, _, score, feats in merges if score <= 0 or not feats)
    print(f"== {title}: {len(merges)} merges into {len(sizes)} clusters; {empty} without evidence (score 0 or no features)")
    print(f"   cluster sizes (members incl. winner): {dict(sorted(Counter(n + 1 for n in sizes.values()).items()))}")
    for w, n in sizes.most_common(top):
        shown = ", ".join(sorted(losers[w])[:6])
        print(f"   {n + 1:4d}  {names.get(w, w)}  <- {shown}{' ...' if n > 6 else ''}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", nargs="?", help="a store (SQLite file); read only")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--plan", action="store_true", help="also print the current plan (what --replan leaves)")
    args = ap.parse_args(argv)
    if not args.store or not Path(args.store).is_file():
        print(f"skipped: no store given or not found ({args.store!r}); pass a store path")
        return 0
    from mcfwatch.store import Store

    store = Store(Path(args.store), create=False)
    names = {e["id"]: e["name"] for e in store.entity_rows()}
    rows = store.merges(active_only=True)
    stored = [(r["winner_id"], r["loser_id"], float(r["score"]), json.loads(r["features"] or "{}")) for r in rows]
    report("stored merges", stored, names, args.top)
    if args.plan:
        from mcfwatch.resolve.matcher import default_matcher
        from mcfwatch.resolve.merge import load_candidates, plan_merges

        t0 = time.perf_counter()
        matcher = default_matcher()
        t1 = time.perf_counter()
        kept = {r["loser_id"] for r in rows if r["decided_by"] != ALGORITHM}
        undone = {frozenset((r["winner_id"], r["loser_id"])) for r in store.merges() if r["undone_at"] is not None}
        candidates = [c for c in load_candidates(store) if c.id not in kept]
        plan = plan_merges(candidates, matcher, skip=undone)
        t2 = time.perf_counter()
        report("current plan (what --replan leaves, analyst decisions aside)",
               [(m.winner_id, m.loser_id, m.score, m.features) for m in plan], names, args.top)
        print(f"   {len(candidates)} entities planned in {t2 - t1:.1f} s (matcher loaded in {t1 - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
