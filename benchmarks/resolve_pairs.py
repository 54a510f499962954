"""Merge decisions on the name-pair benchmark: does resolution's cannot-link layer cost recall?

    python benchmarks/resolve_pairs.py            # pairs.jsonl (list pairs) and offlist_pairs.jsonl (dev, test)

Each pair of benchmarks/data (built by benchmarks/matching.py) becomes two stored-entity candidates of the
pair's schema and is planned by `plan_merges` (complete linkage, cannot-link rules). The baseline in the same
run is what the single-linkage plan decided for a lone pair: found by the same blocking (resolve/index.py)
and scored >= 0.80 with relation "same" by the matcher. Prints precision / recall / F1 per kind for both. The list pairs
use mcfwatch as shipped (the lists' aliases); the off-list pairs run both shipped and names-only.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from matching import prf  # benchmarks/matching.py's P/R/F1 (a script: benchmarks/ is on the path)

from mcfwatch.resolve.algorithm import THRESHOLDS
from mcfwatch.resolve.index import NameIndex
from mcfwatch.resolve.matcher import Matcher, default_matcher
from mcfwatch.resolve.merge import Candidate, plan_merges
from mcfwatch.resolve.names import parse

DATA = Path(__file__).parent / "data"


def decide(pairs: list[dict[str, Any]], matcher: Matcher) -> dict[str, dict[str, list[tuple[bool, bool]]]]:
    out: dict[str, dict[str, list[tuple[bool, bool]]]] = defaultdict(lambda: defaultdict(list))
    for p in pairs:
        schema = p.get("schema") or "Organization"
        c = matcher.compare(p["left"], p["right"])
        index = NameIndex()
        index.add(0, [p["left"]])
        index.add(1, [p["right"]])
        index.freeze()
        blocked = 1 in index.candidates(parse(p["left"]), limit=20)  # plan_merges' blocking, as before
        base = blocked and c.score >= THRESHOLDS["merging"] and c.relation == "same"
        plan = plan_merges([Candidate("a", p["left"], schema, [], 1), Candidate("b", p["right"], schema, [], 1)], matcher)
        for kind in (p["kind"], "all"):
            out["single linkage (old plan, lone pair)"][kind].append((bool(p["label"]), base))
            out["plan_merges (complete linkage + cannot-link)"][kind].append((bool(p["label"]), bool(plan)))
    return out


def show(title: str, table: dict[str, dict[str, list[tuple[bool, bool]]]]) -> None:
    print(f"\n{title}: P/R/F1 of merge decisions at {THRESHOLDS['merging']}")
    for row, kinds in table.items():
        print(f"  {row}")
        for kind in sorted(kinds, key=lambda k: (k == "all", k)):
            pr, rc, f1, n = prf(kinds[kind])
            print(f"    {kind:16s} {pr:.3f}/{rc:.3f}/{f1:.3f} n{n}")


def main() -> int:
    listed = DATA / "pairs.jsonl"
    offlist = DATA / "offlist_pairs.jsonl"
    if not listed.is_file() or not offlist.is_file():
        print("skipped: run benchmarks/matching.py first (it writes benchmarks/data/*pairs.jsonl)")
        return 0
    full = default_matcher()
    show("list pairs (as shipped)", decide([json.loads(x) for x in listed.read_text().splitlines() if x], full))
    off = [json.loads(x) for x in offlist.read_text(encoding="utf-8").splitlines() if x]
    from mcfwatch.resolve.knowledge import Knowledge

    names_only = Matcher(Knowledge.from_sources([], table=True), full.vocabulary)
    for split in ("dev", "test"):
        half = [p for p in off if p["split"] == split]
        show(f"off-list {split} half (as shipped)", decide(half, full))
        show(f"off-list {split} half (names only)", decide(half, names_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
