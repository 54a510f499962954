"""How long loading every shipped watchlist takes (target: well under 2 s cold).

Prints the cold parse of every version of every list, a warm `load_lists()` call, an as-of
selection, and as a baseline in the same run the bare `json.load`/`csv` read of the same files
(the floor any importer pays). Run: .venv/bin/python benchmarks/lists_load.py
"""

from __future__ import annotations

import csv
import json
import time

from mcfwatch.lists import iter_entries, load_lists
from mcfwatch.lists.loader import DATA_DIR, all_versions, clear_cache
from mcfwatch.lists.registry import IMPORTERS


def _baseline() -> float:
    start = time.perf_counter()
    for imp in IMPORTERS:
        for name in imp.files:
            path = DATA_DIR / imp.folder / name
            if name.endswith(".json"):
                json.loads(path.read_text(encoding="utf-8"))
            else:
                list(csv.reader(path.open(encoding="cp1252" if name.startswith("ofac_cons") else "utf-8")))
    return time.perf_counter() - start


def main() -> None:
    base = _baseline()
    clear_cache()
    start = time.perf_counter()
    versions = all_versions()
    cold = time.perf_counter() - start
    start = time.perf_counter()
    lists = load_lists()
    first = time.perf_counter() - start
    start = time.perf_counter()
    load_lists()
    warm = time.perf_counter() - start
    start = time.perf_counter()
    load_lists(as_of="2024-06-30")
    as_of = time.perf_counter() - start
    entries = sum(1 for _ in iter_entries())
    print(f"{'measure':<40}{'seconds':>10}")
    print(f"{'baseline: read raw files (json/csv)':<40}{base:>10.3f}")
    print(f"{'parse all versions (cold)':<40}{cold:>10.3f}   {len(versions)} versions")
    print(f"{'load_lists() first call':<40}{first:>10.3f}   {len(lists)} lists, {entries} entries")
    print(f"{'load_lists() warm':<40}{warm:>10.4f}")
    print(f"{'load_lists(as_of=2024-06-30) first':<40}{as_of:>10.3f}")


if __name__ == "__main__":
    main()
