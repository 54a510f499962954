"""Chinese NER and extraction figures, with baselines measured in the same run.

    .venv/bin/python benchmarks/zh_ner.py [--limit N] [--backend lac|jieba|auto] [--skip-ner]

0. The trained model (src/mcfwatch/extract/zh/models/): size, load time, training data from its meta.json.
1. Entity-level F1 (PER/LOC/ORG, exact span and type, per-type P/R/F1) on the MSRA and People's Daily test
   sets in ../shared/data/benchmarks/zh-ner/ -- EVALUATION ONLY: nothing in mcfwatch was tuned on them.
   Skipped when that folder is absent. Rows: LAC out of the box, jieba POS, the trained model alone,
   mcfwatch's Chinese entity step (model + LAC segmentation + gazetteer + rules), the old LAC path
   (MCFWATCH_ZH_NER=lac), and ablations of the entity step. Then characters/s against LAC on the same text.
2. Entity recall on the 42 CCTV news items of ../shared/data/benchmarks/zh-news/ against our annotation
   (benchmarks/gold/zh_news_entities.jsonl: item ids, offsets, types, entity strings; the text is read
   from ../shared and never stored here). Exact span + type, and overlap (any predicted span of the same
   type overlapping the gold one). Skipped when the items are absent.
3. Entity and relation P/R/F1 on our own Chinese gold (benchmarks/gold/zh_dev.jsonl, documents written
   by us), split into the dev part and the held-back part, for the model path and the LAC path.
   Relations match on type plus both parties (either order for meeting and agreement); entities match on
   name (or a gold alias) and type. Baseline for relations: co-occurrence (every pair of entities in a
   sentence with a trigger word).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from mcfwatch.extract.zh import ChineseExtractor, crf_ner
from mcfwatch.extract.zh.ner import find_mentions
from mcfwatch.extract.zh.relations import sentences
from mcfwatch.extract.zh.triggers import TRIGGERS
from mcfwatch.model import Document

ROOT = Path(__file__).resolve().parent.parent
NER_DIR = ROOT.parent / "shared" / "data" / "benchmarks" / "zh-ner"
GOLD = ROOT / "benchmarks" / "gold" / "zh_dev.jsonl"
NEWS = ROOT.parent / "shared" / "data" / "benchmarks" / "zh-news" / "cctv-xinwenlianbo-items.jsonl"
NEWS_GOLD = ROOT / "benchmarks" / "gold" / "zh_news_entities.jsonl"
PD_NOTE = "MSRA train shares source articles with this test split: optimistic for the trained model"
ABLATIONS = [("without LAC's names where the model has none", "tagger+gazetteer+rules"),
             ("without the gazetteer", "tagger+segmenter+rules"), ("without the head-word rules", "tagger+segmenter+gazetteer"),
             ("model + LAC's names only (no gazetteer, no rules)", "tagger+segmenter"),
             ("gazetteer + rules only (no tagger names)", "gazetteer+rules")]
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


def model_spans(texts: list[str]) -> list[Spans]:
    return [{(sp.start, sp.end, sp.label) for sp in crf_ner.tag_entities(t)} for t in texts]


def ablation_spans(ext: ChineseExtractor, texts: list[str], tokens: list, proposed: list, parts: str) -> list[Spans]:
    """The entity step on one-chunk texts with the segmentation and model output computed once."""
    out = []
    for text, toks, props in zip(texts, tokens, proposed, strict=True):
        ms = find_mentions(text, toks, ext.gazetteer, props, parts)
        out.append({(m.start, m.end, TO_BIO[m.type]) for m in ms if m.type in TO_BIO})
    return out


def fmt(scores: dict[str, tuple[float, float, float]]) -> str:
    return "  ".join(f"{k} {v[2]:.3f}" for k, v in scores.items()) + f"  (P {scores['ALL'][0]:.3f} R {scores['ALL'][1]:.3f})"


def fmt_types(scores: dict[str, tuple[float, float, float]]) -> str:
    return "  ".join(f"{k} P {v[0]:.3f} R {v[1]:.3f} F {v[2]:.3f}" for k, v in scores.items() if k != "ALL")


def load_lac():  # type: ignore[no-untyped-def]
    try:
        from mcfwatch.extract.zh import lac_shim

        lac_shim.install()
        from LAC import LAC

        return LAC(mode="lac")
    except ImportError:
        print("[note] LAC not installed: the LAC baseline is skipped (scripts/install-zh.sh)")
        return None


def model_report() -> None:
    t_model, t_jieba = crf_ner.load()
    meta = crf_ner.meta()
    path = crf_ner.model_dir() / crf_ner.MODEL_FILE
    print(f"Trained model: {path.relative_to(ROOT)}  {path.stat().st_size / 1e6:.1f} MB "
          f"({meta.get('model_bytes_uncompressed', 0) / 1e6:.1f} MB unpacked), loaded in {t_model:.2f}s "
          f"(+ jieba dictionary for word features {t_jieba:.2f}s)")
    print(f"  {meta['algorithm']}; features {meta['feature_set']}; {meta['sentences']:,} training sentences "
          f"({', '.join(f['file'] for f in meta['files'])}), trained in {meta['training_seconds'] / 60:.1f} min")


def _row(name: str, gold: list[Spans], pred: list[Spans], n_chars: int, dt: float | None = None) -> None:
    sc = score_spans(gold, pred)
    timing = f"  [{dt:.1f}s, {n_chars / dt:,.0f} chars/s]" if dt else ""
    print(f"    {name:44s} {fmt(sc)}{timing}")
    print(f"    {'':44s}   {fmt_types(sc)}")


def ner_benchmark(ext: ChineseExtractor, ext_lac: ChineseExtractor, lac, limit: int | None) -> None:  # type: ignore[no-untyped-def]
    if not NER_DIR.is_dir():
        print(f"[skip] {NER_DIR} is absent: no public NER test sets to evaluate on")
        return
    print("Chinese NER, entity-level exact match (evaluation only; never tuned on these sets)")
    for label, fname in NER_SETS.items():
        data = read_bio(NER_DIR / fname)[:limit]
        texts, gold = [t for t, _ in data], [s for _, s in data]
        n_chars = sum(map(len, texts))
        note = f"  [{PD_NOTE}]" if label == "People's Daily" else ""
        print(f"  {label}: {len(texts)} sentences, {n_chars:,} chars{note}")
        speed: dict[str, float] = {}

        def timed(fn, *args):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            out = fn(*args)
            return out, time.perf_counter() - t0

        if lac is not None:
            pred, dt = timed(lac_spans, lac, texts)
            speed["LAC"] = n_chars / dt
            _row("LAC 2.1.2 out of the box", gold, pred, n_chars, dt)
        pred, dt = timed(jieba_spans, texts)
        _row("jieba 0.42 POS (nr/ns/nt)", gold, pred, n_chars, dt)
        pred, dt = timed(model_spans, texts)
        speed["model"] = n_chars / dt
        _row("trained model alone (CRF)", gold, pred, n_chars, dt)
        pred, dt = timed(mcfwatch_spans, ext, texts)
        speed["step"] = n_chars / dt
        _row(f"mcfwatch entity step ({ext.name} + gaz + rules)", gold, pred, n_chars, dt)
        pred, dt = timed(mcfwatch_spans, ext_lac, texts)
        _row(f"mcfwatch old path, MCFWATCH_ZH_NER=lac ({ext_lac.name})", gold, pred, n_chars, dt)
        print("    ablations of the entity step (segmentation and model output computed once):")
        tokens = ext.tagger.tag_many(texts)
        proposed = [crf_ner.tag_entities(t) for t in texts]
        for name, parts in ABLATIONS:
            _row("  " + name, gold, ablation_spans(ext, texts, tokens, proposed, parts), n_chars)
        _row("  LAC tags + gazetteer + rules (= old path)", gold, ablation_spans(ext, texts, tokens, [None] * len(texts), "all"), n_chars)
        if "LAC" in speed:
            print(f"    speed vs LAC on the same text: model alone {speed['model'] / speed['LAC']:.2f}x, "
                  f"whole entity step (LAC + model + rules) {speed['step'] / speed['LAC']:.2f}x")


def news_benchmark(ext: ChineseExtractor, ext_lac: ChineseExtractor, lac) -> None:  # type: ignore[no-untyped-def]
    if not NEWS.is_file():
        print(f"[skip] {NEWS} is absent: no news items to evaluate on")
        return
    items = {r["id"]: r for r in map(json.loads, NEWS.read_text(encoding="utf-8").splitlines()) if r}
    gold_rows = [json.loads(line) for line in NEWS_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [items[g["id"]]["text"] for g in gold_rows]
    gold: list[Spans] = []
    for g, text in zip(gold_rows, texts, strict=True):
        for s, e, _typ, name in g["entities"]:
            if text[s:e] != name:
                raise SystemExit(f"{NEWS_GOLD}: {g['id']} offsets {s}-{e} do not give {name!r}")
        gold.append({(s, e, t) for s, e, t, _ in g["entities"]})

    def by_sentence(fn):  # type: ignore[no-untyped-def]
        out = []
        for text in texts:
            spans = [(s, e) for s, e in sentences(text)]
            found: Spans = set()
            for (s, _e), sp in zip(spans, fn([text[s:e] for s, e in spans]), strict=True):
                found |= {(a + s, b + s, t) for a, b, t in sp}
            out.append(found)
        return out

    systems: list[tuple[str, list[Spans]]] = []
    if lac is not None:
        systems.append(("LAC 2.1.2 out of the box", by_sentence(lambda ts: lac_spans(lac, ts))))
    systems.append(("jieba 0.42 POS (nr/ns/nt)", by_sentence(jieba_spans)))
    systems.append(("trained model alone (CRF)", model_spans(texts)))
    systems.append((f"mcfwatch entity step ({ext.name})", mcfwatch_spans(ext, texts)))
    systems.append((f"mcfwatch old path ({ext_lac.name})", mcfwatch_spans(ext_lac, texts)))
    no_fallback = ChineseExtractor(ner="crf", parts="tagger+gazetteer+rules", tagger=ext.tagger)
    systems.append(("  step without LAC's names where the model has none", mcfwatch_spans(no_fallback, texts)))
    n_gold = sum(map(len, gold))
    print(f"CCTV news items: {len(texts)} items, {sum(map(len, texts)):,} chars, {n_gold} gold mentions "
          f"({NEWS_GOLD.relative_to(ROOT)}); recall, exact span+type / overlapping same type")
    for name, pred in systems:
        cells = []
        for typ in ("PER", "LOC", "ORG", "ALL"):
            gs = [{x for x in g if typ in ("ALL", x[2])} for g in gold]
            exact = sum(len(g & p) for g, p in zip(gs, pred, strict=True))
            over = sum(1 for g, p in zip(gs, pred, strict=True) for x in g
                       if any(y[2] == x[2] and y[0] < x[1] and x[0] < y[1] for y in p))
            n = sum(map(len, gs))
            cells.append(f"{typ} {exact / n:.3f}/{over / n:.3f}")
        n_pred = sum(map(len, pred))
        print(f"    {name:44s} " + "  ".join(cells) + f"  ({n_pred} predicted)")


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
    ap.add_argument("--skip-ner", action="store_true", help="only the news items and our gold")
    args = ap.parse_args(list(argv) if argv is not None else None)
    ext = ChineseExtractor(args.backend, ner="crf")
    ext_lac = ChineseExtractor(args.backend, ner="lac", tagger=ext.tagger)
    model_report()
    t0 = time.perf_counter()
    lac = load_lac()
    if lac is not None:
        print(f"  (LAC 2.1.2 loaded in {time.perf_counter() - t0:.2f}s in the same run)")
    if not args.skip_ner:
        ner_benchmark(ext, ext_lac, lac, args.limit)
    news_benchmark(ext, ext_lac, lac)
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    for e in (ext, ext_lac):
        print(f"mcfwatch Chinese extraction on our gold, {e.name}")
        for split in ("dev", "heldout"):
            part = [r for r in rows if r.get("split", "dev") == split]
            print(f"  our gold, {split}: {len(part)} documents ({GOLD.relative_to(ROOT)})")
            gold_eval(e, part)
    return 0


if __name__ == "__main__":
    sys.exit(main())
