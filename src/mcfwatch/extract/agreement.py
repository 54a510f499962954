"""Inter-annotator agreement: two annotations of the same documents scored against each other.

``python -m mcfwatch.extract.agreement A.jsonl B.jsonl [--diff]`` reads two corpus files (``corpus.py``'s record
format, e.g. ``corpus/agreement/en.jsonl`` and ``corpus/extra/en.jsonl``), keeps the documents whose ids both
have (their texts must be identical) and prints pairwise F1 with A as the reference (F1 is symmetric: swapping
A and B swaps precision and recall):

- entity mentions: exact span and type, per type; span only (type ignored);
- entities and relations as ``mcfwatch eval`` counts them (``eval.score_document``: an entity by type and a
  shared name or alias; a relation by type and both parties, in order for the directed types, once per document,
  type and pair);
- the subtypes of the agreements that both annotate between the same two parties (a pair can have several).

``--diff`` lists the disagreements ("missed": in A only, "spurious": in B only). ``--ids`` keeps only the named
documents (comma-separated ids or inclusive ``FIRST..LAST`` ranges, e.g. ``--ids en-x-0231..en-x-0280``), so that the
documents of one annotation round can be scored apart from an earlier round's.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcfwatch.errors import InputError
from mcfwatch.extract.corpus import CorpusDoc, load_corpus, to_gold
from mcfwatch.extract.eval import GoldDoc, Report, Score, score_document
from mcfwatch.model import Document, Entity, Extraction, Relation, Span


@dataclass(slots=True)
class Agreement:
    documents: list[str] = field(default_factory=list)
    exact: dict[str, Score] = field(default_factory=dict)  # mention spans with their type, by A's (or B's) type
    span: Score = field(default_factory=Score)  # mention spans, type ignored
    scored: Report = field(default_factory=Report)  # eval's entity and relation scores, B against A
    subtype_same: int = 0  # subtypes both give an agreement between the same two parties
    subtype_pairs: int = 0  # subtypes either gives an agreement between two parties that both join by one
    subtype_diff: list[str] = field(default_factory=list)

    def exact_total(self) -> Score:
        return Report(entities=self.exact).total("entities")


def _mentions(rec: dict[str, Any]) -> dict[tuple[int, int], str]:
    return {(m["start"], m["end"]): e["type"] for e in rec["entities"] for m in e["mentions"]}


def _extraction(rec: dict[str, Any]) -> Extraction:
    """A corpus record as an extraction, so that ``eval.score_document`` scores it like a system's output."""
    text = rec["text"]
    ex = Extraction(document=Document(text=text, id=rec["id"], language=rec["lang"]))
    for e in rec["entities"]:
        spans = [Span(m["start"], m["end"], m["text"]) for m in e["mentions"]]
        ex.entities.append(Entity(id=e["id"], name=e["name"], type=e["type"], mentions=spans,
                                  aliases=sorted({s.text for s in spans} - {e["name"]})))
    for r in rec["relations"]:
        ev = r["evidence"]
        ex.relations.append(Relation(type=r["type"], source=r["source"], target=r["target"], subtype=r.get("subtype"),
                                     evidence=Span(ev["start"], ev["end"], ev["text"]), date=r.get("date")))
    return ex


def _score_mentions(a: dict[str, Any], b: dict[str, Any], out: Agreement) -> None:
    ma, mb = _mentions(a), _mentions(b)
    for span, typ in ma.items():
        s = out.exact.setdefault(typ, Score())
        if mb.get(span) == typ:
            s.tp += 1
        else:
            s.fn += 1
    for span, typ in mb.items():
        if ma.get(span) != typ:
            out.exact.setdefault(typ, Score()).fp += 1
    both = len(ma.keys() & mb.keys())
    out.span.tp += both
    out.span.fn += len(ma) - both
    out.span.fp += len(mb) - both


def _score_subtypes(a: dict[str, Any], b: dict[str, Any], out: Agreement) -> None:
    """Agreements between the same two parties (parties joined by a shared mention span) compared by subtype."""
    span_to_a = {(m["start"], m["end"]): e["id"] for e in a["entities"] for m in e["mentions"]}
    b_to_a: dict[str, set[str]] = {}
    for e in b["entities"]:
        b_to_a[e["id"]] = {span_to_a[(m["start"], m["end"])] for m in e["mentions"]
                           if (m["start"], m["end"]) in span_to_a}
    def subtypes(rec: dict[str, Any], ends: dict[str, set[str]]) -> dict[frozenset[str], set[str]]:
        out_: dict[frozenset[str], set[str]] = {}
        for r in rec["relations"]:
            if r["type"] == "agreement":
                for s in ends.get(r["source"], set()):
                    for t in ends.get(r["target"], set()):
                        out_.setdefault(frozenset((s, t)), set()).add(str(r.get("subtype")))
        return out_

    a_sub = subtypes(a, {e["id"]: {e["id"]} for e in a["entities"]})
    b_sub = subtypes(b, b_to_a)
    for pair in sorted(a_sub.keys() & b_sub.keys(), key=sorted):
        sa, sb = a_sub[pair], b_sub[pair]
        out.subtype_pairs += len(sa | sb)
        out.subtype_same += len(sa & sb)
        if sa != sb:
            out.subtype_diff.append(f"{a['id']}: agreement {'/'.join(sorted(pair))} A {'+'.join(sorted(sa))} "
                                    f"B {'+'.join(sorted(sb))}")


def id_filter(spec: str) -> Callable[[str], bool]:
    """``"a,b,c..d"``: a test that keeps the ids a and b and every id from c to d (inclusive, compared as text).

    Corpus ids are zero-padded (``en-x-0231``), so text order is document order within one prefix."""
    singles: set[str] = set()
    ranges: list[tuple[str, str]] = []
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        if ".." in part:
            lo, _, hi = part.partition("..")
            lo, hi = lo.strip(), hi.strip()
            if not lo or not hi or lo > hi:
                raise InputError("--ids", f"range {part!r} needs FIRST..LAST with FIRST <= LAST")
            ranges.append((lo, hi))
        else:
            singles.add(part)
    if not singles and not ranges:
        raise InputError("--ids", "no id or range given")
    return lambda doc_id: doc_id in singles or any(lo <= doc_id <= hi for lo, hi in ranges)


def compare(a_docs: list[CorpusDoc], b_docs: list[CorpusDoc], b_name: str = "B",
            keep: Callable[[str], bool] | None = None) -> Agreement:
    """Score annotation B against annotation A on the documents both have (by id); ``keep`` narrows them by id."""
    b_by_id = {d.id: d for d in b_docs}
    out = Agreement()
    for da in a_docs:
        db = b_by_id.get(da.id)
        if db is None or (keep is not None and not keep(da.id)):
            continue
        if db.text != da.text:
            raise InputError(b_name, f"document {da.id} has a different text in the two files")
        out.documents.append(da.id)
        _score_mentions(da.record, db.record, out)
        _score_subtypes(da.record, db.record, out)
        g = to_gold(da)
        gold = GoldDoc(Document(text=da.text, id=da.id, language=da.record["lang"]), g["entities"], g["relations"])
        score_document(gold, _extraction(db.record), out.scored)
    return out


def _row(name: str, s: Score) -> str:
    return f"    {name:<16} {s.precision:6.2f} {s.recall:6.2f} {s.f1:6.2f} {s.support:5d} {s.tp + s.fp:5d}"


def format_agreement(ag: Agreement) -> Iterator[str]:
    """Plain-text tables: per type P/R/F1 with A's count ("A") and B's count ("B")."""
    yield f"{len(ag.documents)} documents in both files (A is the reference; F1 is symmetric)"
    head = f"  {{:<18}} {'P':>6} {'R':>6} {'F1':>6} {'A':>5} {'B':>5}"
    yield head.format("mentions (span+type)")
    for name in sorted(ag.exact):
        yield _row(name, ag.exact[name])
    yield _row("ALL", ag.exact_total())
    yield _row("span only", ag.span)
    for kind, scores in (("entities (eval)", ag.scored.entities), ("relations (eval)", ag.scored.relations)):
        yield head.format(kind)
        for name in sorted(scores):
            yield _row(name, scores[name])
        yield _row("ALL", ag.scored.total("entities" if kind.startswith("entities") else "relations"))
    yield (f"  agreement subtypes: {ag.subtype_same} of {ag.subtype_pairs} subtypes given to agreements that both "
           f"annotate between the same parties are given by both")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m mcfwatch.extract.agreement",
        description="Inter-annotator agreement: score annotation B against annotation A (corpus JSON lines) on "
                    "the documents both files hold: mention spans, entities and relations as mcfwatch eval "
                    "counts them, agreement subtypes.")
    ap.add_argument("a", type=Path, help="reference annotation (corpus JSON lines, e.g. corpus/extra/en.jsonl)")
    ap.add_argument("b", type=Path, help="second annotation of some of the same documents (same ids and text)")
    ap.add_argument("--diff", action="store_true", help="list the disagreements (missed: A only; spurious: B only)")
    ap.add_argument("--ids", metavar="SPEC",
                    help="score only these documents: comma-separated ids or inclusive FIRST..LAST ranges "
                         "(e.g. en-x-0231..en-x-0280 for one annotation round)")
    args = ap.parse_args(argv)
    try:
        keep = id_filter(args.ids) if args.ids is not None else None
        for p in (args.a, args.b):
            if not p.is_file():
                raise InputError(str(p), "file not found")
        ag = compare(load_corpus([args.a]), load_corpus([args.b]), str(args.b), keep)
        if not ag.documents:
            where = f" among --ids {args.ids}" if args.ids is not None else ""
            raise InputError(str(args.b), f"no document id in common with {args.a}{where}")
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for line in format_agreement(ag):
        print(line)
    if args.diff:
        for line in [*ag.scored.errors, *ag.subtype_diff]:
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
