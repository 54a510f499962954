"""Does storing a document, or resolving the store, cost more as the store grows? Up to 100,000 documents.

The extractors cost the same for every document (benchmarks/ingest_profile.py); what could grow with the store
is what ingest does after them: `Store.add_extraction` (id look-ups, name joins, index inserts) and the
whole-store resolution `mcfwatch ingest` runs at its end. This script measures those two at store sizes up to
--docs without running the extractors 100,000 times: the first --extract documents of ingest_scale.py's corpus
(documents resampled from the real corpus, see that script) are extracted once, and their extractions are then
stored again and again as new documents, copy k's text ending with a copy marker (a new SHA-256 and document
id; the spans are unchanged, so the entities, names, mentions and relations are the original's). That is what
the first --docs documents of the resampled corpus store, up to the order: there too every paragraph recurs.

Printed per slice of the store: CPU and wall milliseconds per stored document, and the file's size; at each
--resolve-at size, one whole-store resolution (CPU and wall, split into reading the candidates from the store and
planning the merges) as `mcfwatch ingest` runs it after a call.

    python benchmarks/ingest_growth.py --docs 100000 --extract 1000 --resolve-at 1000,10000,50000,100000
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_scale import SHARED, make_corpus  # noqa: E402

from mcfwatch.model import Document, Extraction  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000, help="store size to reach")
    ap.add_argument("--extract", type=int, default=1000, help="documents extracted once, then stored as copies")
    ap.add_argument("--slice", type=int, default=10_000, help="print the store's rates every this many documents")
    ap.add_argument("--resolve-at", default="1000,10000,50000,100000", help="store sizes to resolve at")
    ap.add_argument("--source", type=Path, default=None)
    args = ap.parse_args()
    from mcfwatch.data import sample_path
    from mcfwatch.ingest import Failure, iter_documents
    from mcfwatch.resolve.matcher import default_matcher
    from mcfwatch.resolve.merge import load_candidates, resolve_store
    from mcfwatch.workspace import Workspace

    source = args.source or (SHARED if SHARED.is_dir() else sample_path())
    work = Path(tempfile.mkdtemp(prefix="mcfwatch-ingest-growth-"))
    try:
        info = make_corpus(source, args.extract, 3, work / "corpus")
        docs = [d for d in iter_documents([work / "corpus"]) if not isinstance(d, Failure)]
        ws = Workspace(work / "store.db")
        t0 = time.process_time()
        extractions = list(ws.extractor.extract_many(docs))
        print(f"{len(extractions)} documents of {source} resampled ({info}) extracted once in "
              f"{time.process_time() - t0:.1f} s CPU (models loaded included); load average {os.getloadavg()[0]:.1f}", flush=True)
        matcher = default_matcher()
        resolve_at = {int(x) for x in args.resolve_at.split(",")}
        store = ws.store
        cpu = wall = 0.0
        stored = 0
        for n in range(args.docs):
            k, i = divmod(n, len(extractions))
            ex = extractions[i] if k == 0 else _copy(extractions[i], k)
            c0, w0 = time.process_time(), time.perf_counter()
            stored += store.add_extraction(ex)
            cpu += time.process_time() - c0
            wall += time.perf_counter() - w0
            done = n + 1
            if done % args.slice == 0 or done == args.docs or done in resolve_at:
                size = sum(p.stat().st_size for p in work.glob("store.db*")) / 1e6
                counts = store.counts()
                print(f"store {done:7d} documents ({counts['entities']} entities, {counts['mentions']} mentions, "
                      f"{counts['relations']} relations, {size:.0f} MB): the last {args.slice if done % args.slice == 0 else '-'} "
                      f"stored at {1000 * cpu / max(stored, 1):.2f} ms CPU, {1000 * wall / max(stored, 1):.2f} ms wall "
                      f"per document; load average {os.getloadavg()[0]:.1f}", flush=True)
                if done % args.slice == 0:
                    cpu = wall = 0.0
                    stored = 0
            if done in resolve_at:
                c0 = time.process_time()
                candidates = load_candidates(store)
                c1, w1 = time.process_time(), time.perf_counter()
                merges = resolve_store(store, matcher)
                print(f"  resolution at {done} documents: the whole resolve_store {time.process_time() - c1:.2f} s CPU, "
                      f"{time.perf_counter() - w1:.1f} s wall ({len(merges)} new merges); of which reading the "
                      f"{len(candidates)} candidates (names, mention counts) from the store {c1 - c0:.2f} s CPU",
                      flush=True)
        ws.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _copy(ex: Extraction, k: int) -> Extraction:
    """Extraction ex as the document it came from with a copy marker after its text (spans unchanged)."""
    doc = ex.document
    new = copy.copy(ex)
    new.document = Document(text=f"{doc.text}\n\n[copy {k}]", path=doc.path, title=doc.title, language=doc.language,
                            published=doc.published, url=doc.url, source=doc.source, id=f"{doc.id}-c{k}",
                            format=doc.format)
    return new


if __name__ == "__main__":
    main()
