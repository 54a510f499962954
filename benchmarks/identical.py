"""Same extraction before and after a change meant to keep it: every document of the annotated corpora, EN and ZH.

Run, from the tree before the change and again from the tree after it (the script extracts with the ``src`` next
to it, so a copy of the old tree measures the old code; give the corpus files by path):

    PYTHONHASHSEED=0 .venv/bin/python benchmarks/identical.py snapshot BEFORE.jsonl [CORPUS.jsonl ...]
    PYTHONHASHSEED=0 .venv/bin/python benchmarks/identical.py snapshot AFTER.jsonl [CORPUS.jsonl ...]
    .venv/bin/python benchmarks/identical.py diff BEFORE.jsonl AFTER.jsonl

The corpus files default to ``corpus/train/{en,zh}.jsonl`` and ``corpus/extra/{en,zh}.jsonl`` (never
``corpus/blind``: the script refuses it). Each document goes through ``mcfwatch.extract.pipeline.Extractor``, as
``mcfwatch extract`` runs it (sections, both languages), and becomes one line: its entities and relations as
``Extraction.to_dict`` gives them, each relation's method, keyed by corpus file and document id. ``diff`` prints
each document whose line differs (its first differing field) and the count, and exits 1 when any does.
Reads only the files it is given.
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

CORPORA = [REPO / "corpus" / part / f"{lang}.jsonl" for part in ("train", "extra") for lang in ("en", "zh")]


def documents(path: Path) -> list[Document]:
    if "blind" in path.resolve().parts:
        raise SystemExit(f"{path}: the blind split is never extracted here")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out.append(Document(text=rec["text"], id=str(rec["id"]), published=rec.get("published"),
                                language=rec.get("lang") or rec.get("language") or path.stem))
    return out


def record(ex: Extraction, key: str) -> dict[str, Any]:
    d = ex.to_dict()
    d["document"] = key
    for rel, out in zip(ex.relations, d["relations"], strict=True):
        out["method"] = rel.method
    return d


def snapshot(out: Path, corpora: list[Path]) -> None:
    extractor = Extractor()
    with out.open("w", encoding="utf-8") as f:
        for path in corpora:
            docs = documents(path)
            t0 = time.process_time()
            for doc, ex in zip(docs, extractor.extract_many(docs), strict=True):
                key = f"{path.parent.name}/{path.name}/{doc.id}"
                f.write(json.dumps(record(ex, key), ensure_ascii=False, sort_keys=True) + "\n")
            print(f"{path}: {len(docs)} documents, {time.process_time() - t0:.1f} CPU s", flush=True)


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
    if len(argv) >= 2 and argv[0] == "snapshot":
        snapshot(Path(argv[1]), [Path(p) for p in argv[2:]] or CORPORA)
        return 0
    if len(argv) == 3 and argv[0] == "diff":
        return diff(Path(argv[1]), Path(argv[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
