"""One identity everywhere, measured: what third-party FtM tools see in mcfwatch's export of a store.

Prints, for a store (default: a fresh demo store, the seed in English and Chinese plus 12 corpus documents):
stored entities against canonical entities (the baseline in the same run: every stored entity, as an export
that ignored merges would list them), FtM records by schema, violations of followthemoney's property ranges,
and nomenklatura's xref over the export: candidate pairs, and how many of them mcfwatch had already merged.
Needs the `ftm` and `dev` extras. Run: .venv/bin/python benchmarks/ftm_interop.py [--db my.db]
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from mcfwatch.cli.documents import _corpus_sample
from mcfwatch.data import SEED, sample_path
from mcfwatch.report.export import export_store
from mcfwatch.store import Store
from mcfwatch.workspace import Workspace


def range_violations(lines: list[dict[str, Any]]) -> int:
    from followthemoney import model

    schema_of = {e["id"]: model.get(e["schema"]) for e in lines}
    bad = 0
    for e in lines:
        schema = schema_of[e["id"]]
        for name, values in e["properties"].items():
            prop = schema.get(name) if schema else None
            for value in values:
                if prop is None:
                    bad += 1
                elif prop.type.name == "entity":
                    target = schema_of.get(value)
                    bad += target is None or prop.range is None or not target.is_a(prop.range)
                else:
                    bad += not prop.type.validate(value)
    return bad


def xref_pairs(path: Path, work: Path) -> list[frozenset[str]]:
    from followthemoney import StatementEntity
    from nomenklatura.db import make_session
    from nomenklatura.resolver import Resolver
    from nomenklatura.store import load_entity_file_store
    from nomenklatura.xref import xref

    with make_session(f"sqlite:///{work}/nk.db") as session:
        resolver = Resolver[StatementEntity](session, create=True)
        resolver.load_into_memory()
        xref(resolver, session, load_entity_file_store(path, resolver=resolver), work / "index")
        return [frozenset((str(a), str(b))) for a, b, _ in resolver.get_candidates(limit=100_000)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="an existing store (default: build the demo store in a temp folder)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mcfwatch-ftm-"))
    db = args.db
    if db is None:
        db = work / "demo.db"
        corpus = _corpus_sample(12)
        Workspace(db).ingest([sample_path(SEED), sample_path("zh", "seed_zh.txt"), *([corpus] if corpus else [])])
    store = Store(db, create=False)
    buf = io.StringIO()
    export_store(store, "ftm", buf)
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    path = work / "export.ftm.jsonl"
    path.write_text(buf.getvalue(), encoding="utf-8")
    fold = store.fold()
    merged = {frozenset((loser, root)) for loser, root in fold.root.items()}
    pairs = xref_pairs(path, work)
    print(f"store {db}")
    print(f"entities stored (baseline: an export ignoring merges) {store.counts()['entities']}; "
          f"canonical entities {len(store.entities())}; merged away {len(fold.root)}")
    print(f"FtM records {len(lines)}: {dict(sorted(Counter(e['schema'] for e in lines).items()))}")
    print(f"FtM range violations {range_violations(lines)}")
    print(f"nomenklatura xref candidate pairs {len(pairs)}; pairs mcfwatch had merged {sum(p in merged for p in pairs)}")


if __name__ == "__main__":
    main()
