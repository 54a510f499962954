"""Evaluation harness: precision, recall and F1 per entity type and per relation type against a gold file.

Gold: JSON lines, one document each:
``{"doc_id", "text"?, "path"?, "published"?, "language"?, "entities": [{"name", "type", "aliases"}],
"relations": [{"type", "subtype", "source", "target", "date", "evidence"}]}``.
The text comes from the line (``text``), from a file (``path``, relative to the gold file or to the
shipped samples), or from the shipped corpus by ``doc_id``. Entities match on type plus a tolerant
name (normalised equality of any name or alias); relations on type plus both parties (either order
for the undirected types, meeting and agreement), counted once per document and fact: a relation
stated in three sentences is one prediction, as the gold annotates it once. Language-neutral: the Chinese gold uses it too.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcfwatch.errors import InputError
from mcfwatch.extract.reach import Reach, reach
from mcfwatch.model import SCHEMA, Document, Extraction, Relation

CORPUS_DIR = Path(__file__).resolve().parent.parent / "data" / "samples" / "corpus"
SAMPLES_DIR = CORPUS_DIR.parent


def norm(name: str) -> str:
    """Lower case, NFKC, no leading "the", no punctuation or possessive, no legal-form tail, single spaces."""
    s = unicodedata.normalize("NFKC", name).lower().replace("’", "'")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w&\s-]", " ", s).replace("-", " ")
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"(?: (?:co|ltd|limited|inc|llc|plc))+$", "", s)  # legal-form tails: "Co., Ltd." or not


@dataclass(slots=True)
class GoldDoc:
    document: Document
    entities: list[dict[str, Any]]
    relations: list[dict[str, Any]]


def _corpus_index(corpus_dir: Path) -> dict[str, dict[str, Any]]:
    index: dict[str, dict[str, Any]] = {}
    for path in sorted(corpus_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                index[str(rec["id"])] = rec
    return index


def load_gold(path: Path, corpus_dir: Path = CORPUS_DIR) -> list[GoldDoc]:
    """Read a gold file; raise InputError naming the file and line for anything malformed."""
    if not path.is_file():
        raise InputError(str(path), "gold file not found")
    corpus: dict[str, dict[str, Any]] | None = None
    out: list[GoldDoc] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rec = json.loads(line)
            doc_id = str(rec["doc_id"])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}", f"not a gold record ({exc})") from None
        text, meta = rec.get("text"), {}
        if text is None and rec.get("path"):
            fp = next((p for p in (path.parent / rec["path"], SAMPLES_DIR / rec["path"]) if p.is_file()), None)
            if fp is None:
                raise InputError(f"{path}:{n}", f"document file {rec['path']} not found")
            text = fp.read_text(encoding="utf-8")
        if text is None:
            corpus = corpus if corpus is not None else _corpus_index(corpus_dir)
            if doc_id not in corpus:
                raise InputError(f"{path}:{n}", f"document {doc_id} is not in the corpus and the line has no text")
            meta = corpus[doc_id]
            text = meta["text"]
        doc = Document(text=text, id=doc_id, title=rec.get("title") or meta.get("title"),
                       language=rec.get("language") or meta.get("language") or "en",
                       published=rec.get("published") or meta.get("date"))
        out.append(GoldDoc(doc, list(rec.get("entities", [])), list(rec.get("relations", []))))
    return out


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn


@dataclass(slots=True)
class Report:
    entities: dict[str, Score] = field(default_factory=dict)
    relations: dict[str, Score] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # "doc: missed/spurious ..." lines
    reach: Reach = field(default_factory=Reach)  # end to end: partners joined to their defence ends (reach.py)

    def total(self, kind: str) -> Score:
        scores = self.entities if kind == "entities" else self.relations
        t = Score()
        for s in scores.values():
            t.tp, t.fp, t.fn = t.tp + s.tp, t.fp + s.fp, t.fn + s.fn
        return t


def _names(ent: dict[str, Any]) -> set[str]:
    return {norm(n) for n in [ent.get("name", ""), *ent.get("aliases", [])] if n}


def _match_entities(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (gold index, predicted index) sharing a normalised name and a type."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        gn = _names(g)
        for pi, p in enumerate(pred):
            if pi not in used and p["type"] == g["type"] and gn & _names(p):
                pairs.append((gi, pi))
                used.add(pi)
                break
    return pairs


def _party_names(name: str, gold_entities: list[dict[str, Any]]) -> set[str]:
    for g in gold_entities:
        if norm(name) in _names(g):
            return _names(g)
    return {norm(name)}


def gold_edges(gold: GoldDoc) -> list[tuple[str, int, int]]:
    """The gold relations as (type, source index, target index) into ``gold.entities`` (by name or alias)."""
    index = {n: i for i, g in reversed(list(enumerate(gold.entities))) for n in _names(g)}
    return [(gr["type"], index[norm(gr["source"])], index[norm(gr["target"])]) for gr in gold.relations
            if norm(gr["source"]) in index and norm(gr["target"]) in index]


def score_document(gold: GoldDoc, ex: Extraction, report: Report) -> None:
    pred_ents: list[dict[str, Any]] = [{"name": e.name, "type": e.type, "aliases": e.aliases} for e in ex.entities]
    pairs = _match_entities(gold.entities, pred_ents)
    position = {e.id: i for i, e in enumerate(ex.entities)}
    report.reach.add(reach([g["type"] for g in gold.entities], gold_edges(gold), [p["type"] for p in pred_ents],
                           [(r.type, position[r.source], position[r.target]) for r in ex.relations], pairs))
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    for gi, g in enumerate(gold.entities):
        s = report.entities.setdefault(g["type"], Score())
        if gi in matched_g:
            s.tp += 1
        else:
            s.fn += 1
            report.errors.append(f"{gold.document.id}: missed entity {g['type']} {g['name']!r}")
    for pi, p in enumerate(pred_ents):
        if pi not in matched_p:
            report.entities.setdefault(p["type"], Score()).fp += 1
            report.errors.append(f"{gold.document.id}: spurious entity {p['type']} {p['name']!r}")
    names = {e.id: {norm(e.name), *(norm(a) for a in e.aliases)} for e in ex.entities}
    # one fact per (type, parties): the same relation stated in several sentences is one prediction
    relations: list[Relation] = []
    seen: set[tuple[str, ...]] = set()
    for r in ex.relations:
        sym = r.type in SCHEMA.relation_types and not SCHEMA.relation_types[r.type].directed
        key = (r.type, *(sorted((r.source, r.target)) if sym else (r.source, r.target)))
        if key not in seen:
            seen.add(key)
            relations.append(r)
    pred_rels = [(r.type, names[r.source], names[r.target]) for r in relations]
    # The gold is counted the same way: one fact per (type, parties), whatever its subtypes or sentences.
    gold_relations: list[dict[str, Any]] = []
    gold_seen: set[tuple[str, ...]] = set()
    for gr in gold.relations:
        sym = gr["type"] in SCHEMA.relation_types and not SCHEMA.relation_types[gr["type"]].directed
        ends = (norm(gr["source"]), norm(gr["target"]))
        key = (gr["type"], *(sorted(ends) if sym else ends))
        if key not in gold_seen:
            gold_seen.add(key)
            gold_relations.append(gr)
    gold_rels = [(gr["type"], _party_names(gr["source"], gold.entities), _party_names(gr["target"], gold.entities))
                 for gr in gold_relations]
    used: set[int] = set()
    for (gt, gs, gtg), raw in zip(gold_rels, gold_relations, strict=True):
        s = report.relations.setdefault(gt, Score())
        sym = gt in SCHEMA.relation_types and not SCHEMA.relation_types[gt].directed
        hit = None
        for pi, (pt, ps, ptg) in enumerate(pred_rels):
            if pi in used or pt != gt:
                continue
            if (gs & ps and gtg & ptg) or (sym and gs & ptg and gtg & ps):
                hit = pi
                break
        if hit is None:
            s.fn += 1
            report.errors.append(f"{gold.document.id}: missed {gt} {raw['source']} -> {raw['target']}")
        else:
            s.tp += 1
            used.add(hit)
    for pi, r in enumerate(relations):
        if pi not in used:
            report.relations.setdefault(r.type, Score()).fp += 1
            src, tgt = ex.entity(r.source).name, ex.entity(r.target).name
            report.errors.append(f"{gold.document.id}: spurious {r.type} {src} -> {tgt} | {r.evidence.text[:90]}")


def evaluate(gold: list[GoldDoc], extract: Callable[[list[Document]], Iterable[Extraction]]) -> Report:
    """Run ``extract`` over the gold documents and score it."""
    report = Report()
    for g, ex in zip(gold, extract([g.document for g in gold]), strict=True):
        score_document(g, ex, report)
    return report


def format_report(report: Report, title: str = "") -> Iterator[str]:
    """Plain-text table lines: per type P/R/F1 and support, then the totals."""
    if title:
        yield title
    for kind, scores in (("entities", report.entities), ("relations", report.relations)):
        yield f"  {kind:<14} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"
        for name in sorted(scores):
            s = scores[name]
            yield f"    {name:<12} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.support:5d} {s.tp + s.fp:5d}"
        t = report.total(kind)
        yield f"    {'ALL':<12} {t.precision:6.2f} {t.recall:6.2f} {t.f1:6.2f} {t.support:5d} {t.tp + t.fp:5d}"
    a = report.reach
    yield (f"  end to end: {a.partners_reached} of {a.partners} partners reach a defence end their document names; "
           f"pairs {a.pairs_tp} found, {a.pairs_fn} missed, {a.pairs_fp} spurious")
