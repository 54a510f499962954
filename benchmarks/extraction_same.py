"""Same output before and after a speed change: every English document of corpus/train, extracted and compared.

Run: ``.venv/bin/python benchmarks/extraction_same.py snapshot OUT.jsonl`` (one line per document: its
entities and relations as ``Extraction.to_dict`` gives them, plus each relation's method), then, after the
change, a second snapshot and ``.venv/bin/python benchmarks/extraction_same.py diff BEFORE.jsonl AFTER.jsonl``,
which prints each document whose extraction differs (its first differing field) and the count, and exits 1 when
any does. Reads only files inside the repository.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from mcfwatch.extract.pipeline import Extractor  # noqa: E402
from mcfwatch.model import Document, Extraction  # noqa: E402

TRAIN = REPO / "corpus" / "train" / "en.jsonl"


def documents(path: Path = TRAIN) -> list[Document]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out.append(Document(text=rec["text"], id=str(rec["id"]), published=rec.get("published"), language="en"))
    return out


def record(ex: Extraction) -> dict[str, Any]:
    d = ex.to_dict()
    d["document"] = ex.document.id
    for rel, out in zip(ex.relations, d["relations"], strict=True):
        out["method"] = rel.method
    return d


def snapshot(out: Path) -> None:
    docs = documents()
    t0 = time.perf_counter()
    with out.open("w", encoding="utf-8") as f:
        for ex in Extractor().extract_many(docs):
            f.write(json.dumps(record(ex), ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(docs)} documents extracted to {out} in {time.perf_counter() - t0:.1f} s")


def _first_difference(a: Any, b: Any, where: str = "") -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                return _first_difference(a.get(k), b.get(k), f"{where}.{k}")
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} vs {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                return _first_difference(x, y, f"{where}[{i}]")
    return f"{where}: {json.dumps(a, ensure_ascii=False)[:200]} vs {json.dumps(b, ensure_ascii=False)[:200]}"


def _load(path: Path) -> dict[str, Any]:
    return {r["document"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def diff(before: Path, after: Path) -> int:
    a, b = _load(before), _load(after)
    changed = [k for k in a if a[k] != b.get(k)] + [k for k in b if k not in a]
    for k in changed:
        print(f"{k}{_first_difference(a.get(k), b.get(k))}")
    print(f"{len(changed)} of {len(a)} documents differ")
    return 1 if changed else 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "snapshot":
        snapshot(Path(argv[1]))
        return 0
    if len(argv) == 3 and argv[0] == "diff":
        return diff(Path(argv[1]), Path(argv[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
