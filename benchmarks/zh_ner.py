"""Chinese NER and extraction figures, with baselines measured in the same run.

    .venv/bin/python benchmarks/zh_ner.py [--limit N] [--backend lac|jieba|auto]

1. Entity-level F1 (PER/LOC/ORG, exact span and type) on the MSRA and People's Daily test sets in
   ../shared/data/benchmarks/zh-ner/ -- EVALUATION ONLY: nothing in mcfwatch was tuned on them.
   Skipped when that folder is absent. Printed for mcfwatch next to LAC out of the box and jieba POS.
2. Entity and relation P/R/F1 on our own Chinese gold (benchmarks/gold/zh_dev.jsonl, documents written
   by us), split into the dev part and the held-back part. Relations match on type plus both parties
   (either order for meeting and agreement); entities match on name (or a gold alias) and type.
   Baseline for relations: co-occurrence (every pair of entities in a sentence with a trigger word).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh.relations import sentences
from mcfwatch.extract.zh.triggers import TRIGGERS
from mcfwatch.model import Document

ROOT = Path(__file__).resolve().parent.parent
NER_DIR = ROOT.parent / "shared" / "data" / "benchmarks" / "zh-ner"
GOLD = ROOT / "benchmarks" / "gold" / "zh_dev.jsonl"
NER_SETS = {"MSRA": "msra_test_bio.txt", "People's Daily": "peoples_daily_test_bio.txt"}
TO_BIO = {"Person": "PER", "Place": "LOC", "Company": "ORG", "Organization": "ORG", "PublicBody": "ORG",
          "University": "ORG", "MilitaryUnit": "ORG"}
UNDIRECTED = {"meeting", "agreement"}

Spans = set[tuple[int, int, str]]


def read_bio(path: Path) -> list[tuple[str, Spans]]:
    """Sentences as (text, {(start, end, TYPE)}) from a char-per-line BIO file."""
    out: list[tuple[str, Spans]] = []
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if chars:
            spans: Spans = set()
            start, typ = -1, ""
            for i, tag in enumerate([*tags, "O"]):
                if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and tag[2:] != typ):
                    if start >= 0:
                        spans.add((start, i, typ))
                    start, typ = (i, tag[2:]) if tag != "O" else (-1, "")
            out.append(("".join(chars), spans))
        chars.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            flush()
            continue
        chars.append(parts[0])
        tags.append(parts[1])
    flush()
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_spans(gold: list[Spans], pred: list[Spans]) -> dict[str, tuple[float, float, float]]:
    out = {}
    for typ in ("PER", "LOC", "ORG", "ALL"):
        g = [{s for s in x if typ in ("ALL", s[2])} for x in gold]
        p = [{s for s in x if typ in ("ALL", s[2])} for x in pred]
        tp = sum(len(a & b) for a, b in zip(g, p, strict=True))
        out[typ] = prf(tp, sum(map(len, p)), sum(map(len, g)))
    return out


def lac_spans(lac, texts: list[str]) -> list[Spans]:
    out = []
    runs = [r for b in range(0, len(texts), 32) for r in lac.run(texts[b : b + 32])]
    for words, tags in runs:
        spans, pos = set(), 0
        for w, t in zip(words, tags, strict=True):
            if t in ("PER", "LOC", "ORG"):
                spans.add((pos, pos + len(w), t))
            pos += len(w)
        out.append(spans)
    return out


def jieba_spans(texts: list[str]) -> list[Spans]:
    import jieba.posseg

    tagmap = {"nr": "PER", "ns": "LOC", "nt": "ORG"}
    out = []
    for text in texts:
        spans, pos = set(), 0
        for p in jieba.posseg.cut(text):
            if p.flag in tagmap:
                spans.add((pos, pos + len(p.word), tagmap[p.flag]))
            pos += len(p.word)
        out.append(spans)
    return out


def mcfwatch_spans(ext: ChineseExtractor, texts: list[str]) -> list[Spans]:
    return [{(m.start, m.end, TO_BIO[m.type]) for m in ms if m.type in TO_BIO} for ms in ext.mentions(texts)]


def fmt(scores: dict[str, tuple[float, float, float]]) -> str:
    return "  ".join(f"{k} {v[2]:.3f}" for k, v in scores.items()) + f"  (P {scores['ALL'][0]:.3f} R {scores['ALL'][1]:.3f})"


def ner_benchmark(ext: ChineseExtractor, limit: int | None) -> None:
    if not NER_DIR.is_dir():
        print(f"[skip] {NER_DIR} is absent: no public NER test sets to evaluate on")
        return
    lac = None
    try:
        from mcfwatch.extract.zh import lac_shim

        lac_shim.install()
        from LAC import LAC

        lac = LAC(mode="lac")
    except ImportError:
        print("[note] LAC not installed: the LAC baseline is skipped (scripts/install-zh.sh)")
    print("Chinese NER, entity-level exact match (evaluation only; never tuned on these sets)")
    for label, fname in NER_SETS.items():
        data = read_bio(NER_DIR / fname)[:limit]
        texts, gold = [t for t, _ in data], [s for _, s in data]
        runs: list[tuple[str, str]] = []
        if lac is not None:
            runs.append(("LAC 2.1.2 out of the box", "lac"))
        runs.append(("jieba 0.42 POS (nr/ns/nt)", "jieba"))
        runs.append((f"mcfwatch ({ext.tagger.name} + gazetteer + rules)", "mcfwatch"))
        print(f"  {label}: {len(texts)} sentences, {sum(map(len, texts)):,} chars")
        for name, which in runs:
            t0 = time.perf_counter()
            if which == "lac":
                pred = lac_spans(lac, texts)
            elif which == "jieba":
                pred = jieba_spans(texts)
            else:
                pred = mcfwatch_spans(ext, texts)
            dt = time.perf_counter() - t0
            print(f"    {name:42s} {fmt(score_spans(gold, pred))}  [{dt:.1f}s]")


# ---- our gold ------------------------------------------------------------------------------------

def _rel_key(t: str, a: str, b: str) -> tuple[str, str, str]:
    return (t, *sorted((a, b))) if t in UNDIRECTED else (t, a, b)


def gold_eval(ext: ChineseExtractor, rows: list[dict]) -> None:
    docs = [Document(text=r["text"], language="zh", published=r.get("published"), id=r["doc_id"]) for r in rows]
    e_tp = e_pred = e_gold = r_tp = r_pred = r_gold = c_tp = c_pred = 0
    per_type: dict[str, list[int]] = {}
    misses: list[str] = []
    for row, ex in zip(rows, ext.extract_many(docs), strict=True):
        ex.check()
        # Map each gold name (and alias) to the gold canonical name.
        canon = {n: e["name"] for e in row["entities"] for n in [e["name"], *e["aliases"]]}
        gold_ents = {(e["name"], e["type"]) for e in row["entities"]}
        pred_canon = {}
        for ent in ex.entities:
            hit = next((canon[n] for n in [ent.name, *ent.aliases, *[m.text for m in ent.mentions]] if n in canon), ent.name)
            pred_canon[ent.id] = hit
        pred_ents = {(pred_canon[e.id], e.type) for e in ex.entities}
        e_tp += len(gold_ents & pred_ents)
        e_pred += len(pred_ents)
        e_gold += len(gold_ents)
        misses += [f"{row['doc_id']} entity missed {g}" for g in gold_ents - pred_ents]
        misses += [f"{row['doc_id']} entity spurious {p}" for p in pred_ents - gold_ents]
        gold_rels = {_rel_key(r["type"], r["source"], r["target"]) for r in row["relations"]}
        pred_rels = {_rel_key(r.type, pred_canon[r.source], pred_canon[r.target]) for r in ex.relations}
        r_tp += len(gold_rels & pred_rels)
        r_pred += len(pred_rels)
        r_gold += len(gold_rels)
        for k in gold_rels | pred_rels:
            c = per_type.setdefault(k[0], [0, 0, 0])
            c[0] += k in gold_rels and k in pred_rels
            c[1] += k in pred_rels
            c[2] += k in gold_rels
        misses += [f"{row['doc_id']} relation missed {g}" for g in gold_rels - pred_rels]
        misses += [f"{row['doc_id']} relation spurious {p}" for p in pred_rels - gold_rels]
        # Co-occurrence baseline: every entity pair in a sentence holding a trigger, typed by the trigger.
        cooc: set[tuple[str, str, str]] = set()
        text = ex.document.text
        for s, e in sentences(text):
            names = sorted({pred_canon[en.id] for en in ex.entities for m in en.mentions if s <= m.start < e})
            for rtype, rx in TRIGGERS.items():
                if rx.search(text, s, e):
                    cooc |= {_rel_key(rtype, a, b) for a in names for b in names if a < b}
        c_tp += len(gold_rels & cooc)
        c_pred += len(cooc)
    p, r, f = prf(e_tp, e_pred, e_gold)
    print(f"    entities  P {p:.3f} R {r:.3f} F1 {f:.3f}   (gold {e_gold})")
    p, r, f = prf(r_tp, r_pred, r_gold)
    print(f"    relations P {p:.3f} R {r:.3f} F1 {f:.3f}   (gold {r_gold})")
    p, r, f = prf(c_tp, c_pred, r_gold)
    print(f"    relations, co-occurrence baseline P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for t, (tp, npred, ngold) in sorted(per_type.items()):
        pp, rr, ff = prf(tp, npred, ngold)
        print(f"      {t:14s} P {pp:.2f} R {rr:.2f} F1 {ff:.2f}  (gold {ngold})")
    for m in misses:
        print(f"      - {m}")


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="first N sentences of each NER test set")
    ap.add_argument("--backend", default="auto", choices=["auto", "lac", "jieba"])
    ap.add_argument("--skip-ner", action="store_true", help="only the gold evaluation")
    args = ap.parse_args(list(argv) if argv is not None else None)
    ext = ChineseExtractor(args.backend)
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"mcfwatch Chinese extraction, backend {ext.tagger.name}")
    for split in ("dev", "heldout"):
        part = [r for r in rows if r.get("split", "dev") == split]
        print(f"  our gold, {split}: {len(part)} documents ({GOLD.relative_to(ROOT)})")
        gold_eval(ext, part)
    if not args.skip_ner:
        ner_benchmark(ext, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
