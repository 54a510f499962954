"""Training documents for the relation model: the annotated corpus (spans given) and the name-based dev gold
(names aligned to their occurrences in the text).

What must stay true: nothing here reads the blind split. ``refuse_blind`` rejects any path under a folder
named ``blind`` before it is opened, and the training sources are listed explicitly (``sources``).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from mcfwatch.errors import InputError
from mcfwatch.extract.corpus import load_corpus
from mcfwatch.extract.eval import load_gold, norm
from mcfwatch.extract.relmodel.candidates import Mention

REPO = Path(__file__).resolve().parents[4]


@dataclass(slots=True)
class GoldRelation:
    type: str
    subtype: str | None
    source: str
    target: str
    start: int  # evidence span
    end: int


@dataclass(slots=True)
class TrainDoc:
    id: str
    lang: str
    text: str
    published: str | None
    mentions: list[Mention] = field(default_factory=list)
    relations: list[GoldRelation] = field(default_factory=list)
    origin: str = ""

    @property
    def group(self) -> str:
        """Documents with the same text are one group: they never straddle a training and a test fold."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]


def sources(lang: str, repo: Path = REPO) -> list[Path]:
    """The training files of a language that exist: the annotated training corpus, the training-only additions
    (``corpus/extra``: outside the dev cross-validation of ``mcfwatch eval --corpus corpus/train``, so adding
    documents there never moves a dev document between folds), then the dev gold."""
    cands = [repo / "corpus" / "train" / f"{lang}.jsonl", repo / "corpus" / "extra" / f"{lang}.jsonl",
             repo / "benchmarks" / "gold" / f"{lang}_dev.jsonl"]
    return [p for p in cands if p.is_file()]


def refuse_blind(path: Path) -> None:
    if "blind" in path.resolve().parts:
        raise InputError(str(path), "the blind split is never read for training")


def data_hash(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        refuse_blind(p)
        h.update(p.name.encode("utf-8") + b"\0" + p.read_bytes())
    return h.hexdigest()


def from_corpus(path: Path) -> list[TrainDoc]:
    refuse_blind(path)
    out = []
    for d in load_corpus([path]):
        rec = d.record
        types = {e["id"]: e["type"] for e in rec["entities"]}
        doc = TrainDoc(d.id, rec["lang"], d.text, rec.get("published"), origin=rec.get("origin", ""))
        doc.mentions = [Mention(m["start"], m["end"], e["id"], e["type"]) for e in rec["entities"]
                        for m in e["mentions"]]
        doc.relations = [GoldRelation(r["type"], r.get("subtype"), r["source"], r["target"],
                                      r["evidence"]["start"], r["evidence"]["end"]) for r in rec["relations"]
                         if r["source"] in types and r["target"] in types]
        out.append(doc)
    return out


def _occurrences(text: str, name: str, lang: str) -> list[tuple[int, int]]:
    if not name.strip():
        return []
    pat = re.escape(name) if lang == "zh" else r"(?<!\w)" + re.escape(name) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pat, text)]


def from_gold(path: Path) -> list[TrainDoc]:
    """Name-based gold: every occurrence of an entity's name or alias is a mention (longest first)."""
    refuse_blind(path)
    out = []
    for g in load_gold(path):
        text = g.document.text
        cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
        lang = "zh" if cjk > len(text) / 5 else (g.document.language or "en").split("-")[0]
        doc = TrainDoc(g.document.id, lang, text, g.document.published, origin="gold:" + path.name)
        spans: list[tuple[int, int, str, str]] = []
        by_norm: dict[str, str] = {}
        for i, e in enumerate(g.entities):
            eid = f"g{i}"
            for n in [e["name"], *e.get("aliases", [])]:
                by_norm.setdefault(norm(n), eid)
                spans += [(s, t, eid, e["type"]) for s, t in _occurrences(text, n, lang)]
        taken: list[tuple[int, int]] = []
        for s, t, eid, etype in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
            if all(t <= a or s >= b for a, b in taken):
                taken.append((s, t))
                doc.mentions.append(Mention(s, t, eid, etype))
        for r in g.relations:
            src, tgt = by_norm.get(norm(r["source"])), by_norm.get(norm(r["target"]))
            ev = r.get("evidence") or ""
            if src is None or tgt is None or not ev:
                continue
            starts = [m.start() for m in re.finditer(re.escape(ev), text)]
            if not starts:
                continue
            anchors = [m.start for m in doc.mentions if m.entity in (src, tgt)] or [0]
            s = min(starts, key=lambda x: min(abs(x - a) for a in anchors))
            doc.relations.append(GoldRelation(r["type"], r.get("subtype"), src, tgt, s, s + len(ev)))
        out.append(doc)
    return out


def training_docs(lang: str, paths: list[Path] | None = None) -> tuple[list[TrainDoc], list[Path]]:
    """The documents of one language from its sources; a text that appears twice is kept once (corpus first)."""
    paths = sources(lang) if paths is None else paths
    docs: list[TrainDoc] = []
    seen: set[str] = set()
    for p in paths:
        refuse_blind(p)
        first = p.read_text(encoding="utf-8").lstrip()[:2000]
        rows = from_gold(p) if first.startswith("{") and '"doc_id"' in first else from_corpus(p)
        for d in rows:
            if d.lang == lang and d.group not in seen:
                seen.add(d.group)
                docs.append(d)
    return docs, paths


def dump_counts(docs: list[TrainDoc]) -> dict[str, object]:
    by_type: dict[str, int] = {}
    for d in docs:
        for r in d.relations:
            by_type[r.type] = by_type.get(r.type, 0) + 1
    return {"documents": len(docs), "relations": sum(len(d.relations) for d in docs),
            "mentions": sum(len(d.mentions) for d in docs), "by_type": dict(sorted(by_type.items()))}


if __name__ == "__main__":  # pragma: no cover - a quick look at what training would read
    for lang in ("en", "zh"):
        docs, paths = training_docs(lang)
        print(lang, [str(p) for p in paths], json.dumps(dump_counts(docs)))
