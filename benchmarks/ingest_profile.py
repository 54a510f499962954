"""Where `mcfwatch ingest` spends its CPU, and whether the per-document cost grows with the store.

One process (as `mcfwatch ingest` without --workers) ingests ingest_scale.py's synthetic corpus (documents
resampled from the real corpus, see that script) into a fresh SQLite store in slices (by default the
documents 0-250, 250-500, 500-1000, 1000-2000), each slice one `Workspace.ingest` call followed by the
whole-store resolution that `mcfwatch ingest` runs after it. Each slice runs under cProfile; the script
prints per slice the CPU seconds per document of ingest (split into reading, English spaCy parsing, the
English rules, Chinese tagging and rules, the relation model, storing) and of resolution, so that a cost
growing with the store shows as a growing per-document figure from slice to slice.

    python benchmarks/ingest_profile.py --docs 2000 --slices 250,500,1000,2000
    python benchmarks/ingest_profile.py --docs 500 --dump ingest.prof   # pstats dump of the last slice
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_scale import SHARED, make_corpus  # noqa: E402

if TYPE_CHECKING:
    from mcfwatch.extract import Extractor
    from mcfwatch.workspace import Workspace

# category: (file suffix, function name) whose cumulative time is the category's (the first match counts)
PARTS: dict[str, list[tuple[str, str]]] = {
    "read": [("ingest/sources.py", "iter_documents")],
    "model load": [("en/model.py", "load_nlp"), ("extract/pipeline.py", "_chinese"),
                   ("relmodel/model.py", "shipped"), ("en/typer.py", "shipped")],
    "en parse (spaCy)": [("spacy/language.py", "pipe")],
    "en rules+typer": [("en/extractor.py", "extract_parsed")],
    "  of which relation model": [("relmodel/scorer.py", "english")],
    "zh tag (LAC+CRF)": [("zh/extractor.py", "mentions")],
    "zh rules": [("zh/extractor.py", "_extract")],
    "  of which relation model ": [("relmodel/scorer.py", "chinese")],
    "store": [("store/store.py", "add_extraction")],
    "known-document check": [("store/store.py", "has_document")],
    "resolve": [("resolve/merge.py", "resolve_store")],
}


def cumulative(stats: pstats.Stats, suffix: str, name: str) -> float:
    total = 0.0
    for (file, _line, func), row in stats.stats.items():  # type: ignore[attr-defined]
        if func == name and file.endswith(suffix):
            total += row[3]
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--slices", default="250,500,1000", help="cumulative document counts ending each slice")
    ap.add_argument("--source", type=Path, default=None)
    ap.add_argument("--dump", type=Path, help="write the last slice's pstats here")
    ap.add_argument("--stages", action="store_true",
                    help="after the first slice, time each extraction stage apart on that slice's documents")
    ap.add_argument("--profile", action="store_true", help="run under cProfile and split extraction by stage")
    ap.add_argument("--top", type=int, default=0, help="with --profile: the top N functions by own CPU time")
    args = ap.parse_args()
    from mcfwatch.data import sample_path
    from mcfwatch.workspace import Workspace  # noqa: F811

    source = args.source or (SHARED if SHARED.is_dir() else sample_path())
    work = Path(tempfile.mkdtemp(prefix="mcfwatch-ingest-profile-"))
    corpus = work / "corpus"
    info = make_corpus(source, args.docs, 3, corpus)
    files = sorted(corpus.glob("*.jsonl"))  # 100 documents a file
    print(f"corpus: {args.docs} documents from {source}: {info}; load average {os.getloadavg()[0]:.1f}")
    ws = Workspace(work / "store.db")
    timed = _Timed(ws)
    ends = [int(x) for x in args.slices.split(",")]
    start = 0
    try:
        for end in ends:
            chunk = work / f"slice-{start}-{end}"
            chunk.mkdir()
            _cut(files, start, end, chunk)
            prof = cProfile.Profile(time.process_time) if args.profile else None
            timed.reset()
            cpu0, wall0, load0 = time.process_time(), time.perf_counter(), os.getloadavg()[0]
            if prof:
                prof.enable()
            report = ws.ingest([chunk], resolve=False)
            cpu1 = time.process_time()
            merges = len(ws.resolve())
            if prof:
                prof.disable()
            cpu2, wall = time.process_time(), time.perf_counter() - wall0
            n = max(len(report.stored), 1)
            counts = ws.store.counts()
            print(f"\nslice {start}-{end}: {len(report.stored)} stored, {merges} merges; store now "
                  f"{counts['documents']} documents, {counts['entities']} entities; wall {wall:.1f} s, CPU "
                  f"{cpu2 - cpu0:.1f} s{' (profiled)' if prof else ''}; load average {load0:.1f}->{os.getloadavg()[0]:.1f}")
            extract = cpu1 - cpu0 - timed.cpu["store"] - timed.cpu["check"] - timed.cpu["models"]
            for part, secs in (("ingest, all", cpu1 - cpu0), ("  model loading", timed.cpu["models"]),
                               ("  read + extract", extract), ("  store (add_extraction)", timed.cpu["store"]),
                               ("  known-document check", timed.cpu["check"]), ("resolve (whole store)", cpu2 - cpu1)):
                print(f"  {part:28s} CPU {secs:8.2f} s  {1000 * secs / n:7.1f} ms/doc")
            if prof:
                stats = pstats.Stats(prof)
                print("  profiled split (cProfile, CPU timer; its overhead weighs most on Python code):")
                for part, keys in PARTS.items():
                    secs = sum(cumulative(stats, s, f) for s, f in keys) if part == "model load" else \
                        next((c for c in (cumulative(stats, s, f) for s, f in keys) if c), 0.0)
                    print(f"    {part:28s} {secs:8.2f} s  {1000 * secs / n:7.1f} ms/doc")
                if args.top:
                    stats.sort_stats("tottime").print_stats(args.top)
                if args.dump and end == ends[-1]:
                    stats.dump_stats(str(args.dump))
            if args.stages and start == 0:
                stages(ws, chunk)
            start = end
    finally:
        ws.close()
        shutil.rmtree(work, ignore_errors=True)


class _Timed:
    """CPU seconds spent in the store's writes, its known-document check and model loading (wrapped methods)."""

    def __init__(self, ws: Workspace) -> None:
        self.cpu: dict[str, float] = {}
        self.reset()
        store = ws.store
        store.add_extraction = self._wrap("store", store.add_extraction)  # type: ignore[method-assign]
        store.has_document = self._wrap("check", store.has_document)  # type: ignore[method-assign]
        extractor = ws.extractor
        extractor.for_language = self._wrap_load(extractor)  # type: ignore[method-assign]

    def reset(self) -> None:
        self.cpu = {"store": 0.0, "check": 0.0, "models": 0.0}

    def _wrap(self, key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*a: Any) -> Any:
            t0 = time.process_time()
            try:
                return fn(*a)
            finally:
                self.cpu[key] += time.process_time() - t0
        return timed

    def _wrap_load(self, extractor: Extractor) -> Callable[[str | None], Any]:
        original = extractor.for_language

        def for_language(lang: str | None) -> Any:
            t0 = time.process_time()
            try:
                return original(lang)
            finally:
                self.cpu["models"] += time.process_time() - t0
        return for_language


def stages(ws: Workspace, chunk: Path) -> None:
    """CPU of each extraction stage, run one after another on the documents of chunk (models already loaded):
    spaCy's pipeline component by component, the English rules and typer (relation model apart), Chinese
    tagging, the Chinese rules (relation model apart). No profiler: these are the unprofiled costs."""
    from mcfwatch.extract.en.extractor import EnglishExtractor, extract_parsed
    from mcfwatch.extract.relmodel import scorer
    from mcfwatch.extract.zh.extractor import ChineseExtractor
    from mcfwatch.extract.zh.normalise import simplify
    from mcfwatch.ingest import Failure, iter_documents

    docs = [d for d in iter_documents([chunk]) if not isinstance(d, Failure)]
    en_docs = [d for d in docs if (d.language or "en").startswith("en")]
    zh_docs = [d for d in docs if (d.language or "").startswith("zh")]
    en = ws.extractor.for_language("en")
    zh = ws.extractor.for_language("zh")
    assert isinstance(en, EnglishExtractor) and isinstance(zh, ChineseExtractor)
    model_cpu = {"en": 0.0, "zh": 0.0}
    for lang in ("english", "chinese"):
        original = getattr(scorer, lang)

        def timed(*a: Any, _f: Callable[..., Any] = original, _k: str = lang[:2].replace("ch", "zh")) -> Any:
            t0 = time.process_time()
            try:
                return _f(*a)
            finally:
                model_cpu[_k] += time.process_time() - t0
        setattr(scorer, lang, timed)
    rows: list[tuple[str, float, int]] = []
    t0 = time.process_time()
    parsed = [en.nlp.make_doc(d.text) for d in en_docs]
    rows.append(("en tokenizer", time.process_time() - t0, len(en_docs)))
    for name, proc in en.nlp.pipeline:
        t0 = time.process_time()
        parsed = list(proc.pipe(parsed, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in parsed]
        rows.append((f"en spaCy {name}", time.process_time() - t0, len(en_docs)))
    t0 = time.process_time()
    for d, sdoc in zip(en_docs, parsed, strict=True):
        extract_parsed(d, sdoc, en.relations, en.model, typer=en.typer)
    rows.append(("en rules+typer+relation model", time.process_time() - t0, len(en_docs)))
    rows.append(("en  of which relation model", model_cpu["en"], len(en_docs)))
    t0 = time.process_time()
    texts = [simplify(d.text) for d in zh_docs]
    mentions = zh.mentions(texts)
    rows.append(("zh normalise+tag+NER", time.process_time() - t0, len(zh_docs)))
    t0 = time.process_time()
    for d, text, m in zip(zh_docs, texts, mentions, strict=True):
        zh._extract(d, text, m)
    rows.append(("zh rules+relation model", time.process_time() - t0, len(zh_docs)))
    rows.append(("zh  of which relation model", model_cpu["zh"], len(zh_docs)))
    print(f"  extraction stages apart, unprofiled ({len(en_docs)} en, {len(zh_docs)} zh documents):")
    for name, secs, n in rows:
        print(f"    {name:32s} CPU {secs:7.2f} s  {1000 * secs / max(n, 1):7.1f} ms per {name[:2]} doc")


def _cut(files: list[Path], start: int, end: int, out: Path) -> None:
    """Documents start..end of the corpus (in file order) as one JSON-lines file in out."""
    lines: list[str] = []
    for f in files:
        lines.extend(x for x in f.read_text(encoding="utf-8").splitlines() if x.strip())
        if len(lines) >= end:
            break
    (out / "part.jsonl").write_text("\n".join(lines[start:end]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
