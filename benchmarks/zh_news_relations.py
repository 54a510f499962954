"""Chinese relations on real news: the 42 CCTV 新闻联播 items, scored like `mcfwatch eval` (rules, model, both and
the co-occurrence baseline in the same run).

    .venv/bin/python benchmarks/zh_news_relations.py

EVALUATION ONLY. The items' text is read from ../shared/data/benchmarks/zh-news/ and never stored in the repository;
our annotation (benchmarks/gold/zh_news_relations.jsonl: relation type, both parties and the evidence as character
offsets, the text's sha256) is scored by the harness of ``extract/eval.py``: a relation matches on its type and both
parties' names (either order for meeting and agreement), once per document and fact. The parties' names are the
annotated spans' strings, with the other spellings of the same entity in benchmarks/gold/zh_news_entities.jsonl
as aliases. Entity figures for these items are in benchmarks/zh_ner.py (its typing is PER/LOC/ORG only, so the
entity rows here are not printed). Skipped, saying so, when ../shared is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from mcfwatch.extract.baselines import cooccurrence
from mcfwatch.extract.eval import GoldDoc, Report, Score, score_document
from mcfwatch.extract.evalsuite import Systems
from mcfwatch.model import Document

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "benchmarks" / "zh-news" / "cctv-xinwenlianbo-items.jsonl"
GOLD_RELATIONS = ROOT / "benchmarks" / "gold" / "zh_news_relations.jsonl"
GOLD_ENTITIES = ROOT / "benchmarks" / "gold" / "zh_news_entities.jsonl"
TYPES = {"PER": "Person", "LOC": "Place", "ORG": "Organization"}


def load() -> list[GoldDoc]:
    items = {r["id"]: r for r in map(json.loads, NEWS.read_text(encoding="utf-8").splitlines()) if r}
    spellings = {r["id"]: r["entities"] for r in map(json.loads, GOLD_ENTITIES.read_text(encoding="utf-8").splitlines()) if r}
    out = []
    for row in map(json.loads, GOLD_RELATIONS.read_text(encoding="utf-8").splitlines()):
        text = items[row["item_id"]]["text"]
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != row["text_sha256"]:
            raise SystemExit(f"{NEWS}: item {row['item_id']} is not the text {GOLD_RELATIONS.name} was annotated on")
        entities: dict[str, dict[str, object]] = {}
        for _s, _e, typ, name in spellings.get(row["item_id"], []):
            entities.setdefault(name, {"name": name, "type": TYPES.get(typ, "Organization"), "aliases": []})
        relations = []
        for r in row["relations"]:
            src, tgt = (text[r[k]["start"]:r[k]["end"]] for k in ("source", "target"))
            for name in (src, tgt):
                entities.setdefault(name, {"name": name, "type": "Organization", "aliases": []})
            relations.append({"type": r["type"], "subtype": r.get("subtype"), "source": src, "target": tgt,
                              "date": r.get("date"), "evidence": r["evidence"]})
        doc = Document(text=text, id=row["item_id"], language="zh")
        out.append(GoldDoc(doc, list(entities.values()), relations))
    return out


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.parse_args(list(argv) if argv is not None else None)  # no --errors: aggregate figures only, nothing to tune on
    if not NEWS.is_file():
        print(f"[skip] {NEWS} is absent (the items are evaluation data kept outside the repository)")
        return 0
    gold = load()
    runs = Systems("zh").run([g.document for g in gold], None)
    runs["co-occurrence baseline"] = list(cooccurrence(runs["rules"], "zh"))
    print(f"CCTV news items: {len(gold)} items, {sum(len(g.relations) for g in gold)} annotated relations "
          f"({GOLD_RELATIONS.relative_to(ROOT)}); relations P / R / F1 (gold, predicted)")
    reports = {}
    for name, extractions in runs.items():
        report = Report()
        for g, ex in zip(gold, extractions, strict=True):
            score_document(g, ex, report)
        reports[name] = report
        t = report.total("relations")
        print(f"    {name:<24} {t.precision:5.2f} {t.recall:5.2f} {t.f1:5.2f}   ({t.support}, {t.tp + t.fp})")
    print("  recall per relation type (gold): " + ", ".join(
        f"{k} {reports['both'].relations.get(k, Score()).recall:.2f} ({reports['both'].relations[k].support})"
        for k in sorted(reports["both"].relations) if reports["both"].relations[k].support))
    return 0


if __name__ == "__main__":
    sys.exit(main())
