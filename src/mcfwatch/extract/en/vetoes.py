"""Grammar that rules a relation out, whoever proposed it (rules or model): one step over the combined findings of a
document, after ``relmodel.combine`` (``extractor.extract_parsed``).

- **stopped acts** (docs/annotation.md 4.7, 5): the parse path between the two parties runs through an act stopped
  before it happened ("Berlin vetoed the takeover of IMST by Addsino", "Canyon Bridge abandoned its takeover of
  Imagination", "the failed bid"); the rules ask ``modality.is_stated`` of their trigger, the model's candidates are
  checked here on every token of their path (the model itself checks only its turn and its trigger words);
- **co-agents**: the two parties fill one role together ("controlled by A, an investment company owned by ..., and by
  B", "A and B acquired C"): neither is the other's owner, employer, exporter or funder (directed types);
- **identity**: one party is the other ("knew that the Central South CAD Center was NUDT"): no relation;
- **an export is no mcf_link** for the same statement (as exhibiting at an MCF event is participation only, 4.5):
  the military buyer of goods "exported" (the word itself) in the same sentence (the corpus annotates no mcf_link
  beside any of its 772 exports; "supplied / delivered drones to the PLA Air Force" stays an mcf_link).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from mcfwatch.extract.en.entities import EntityTable
from mcfwatch.extract.en.found import Found
from mcfwatch.extract.en.modality import stopped, undone
from mcfwatch.model import SCHEMA

S = TypeVar("S", bound=Span)
# the word itself says the goods left the country ("conspiring to export its design tools to NUDT"); a firm that
# "supplied" or "delivered" drones to a PLA unit is the mcf_link the guide annotates (4.5), not an export
EXPORT_WORDS = ("export", "re-export", "reexport", "smuggl")
_MAX_UP = 24


def _roots(sent: Span, table: EntityTable, eid: str) -> list[Token]:
    doc = sent.doc
    return [doc[i] for i in range(sent.start, sent.end) if table.roots.get(i) == eid]


def _up(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < _MAX_UP:
        out.append(out[-1].head)
    return out


def path(a: Token, b: Token) -> list[Token]:
    """The tokens of the dependency path from ``a`` to ``b``, both included (empty: none within the sentence)."""
    up_a, up_b = _up(a), _up(b)
    above_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in above_b:
            return [*up_a[:n + 1], *reversed(up_b[:above_b[t.i]])]
    return []


def _conjuncts(tok: Token) -> set[int]:
    """The tokens coordinated with ``tok`` ("A, B and C"), itself included."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return {first.i, *(c.i for c in first.conjuncts)}


_DOERS = {"nsubj", "nsubjpass"}


def _tied(tok: Token) -> bool:
    """A conjunct told as the other's ("CASIC and its Fourth Academy", "BIS's Office of Export Enforcement", "Huawei
    and HiSilicon, its chip-design subsidiary")."""
    return any(c.dep_ == "poss" for t in (tok, *(a for a in tok.children if a.dep_ == "appos")) for c in t.children)


def _co_agents(a: Token, b: Token) -> bool:
    """"by A ... and by B" (one preposition twice, coordinated), "A and B acquired C" (coordinated subjects, neither
    told as the other's): two fillers of one role."""
    pa, pb = a.head, b.head
    if a.dep_ == b.dep_ == "pobj" and pa.lower_ == pb.lower_ and pa.i != pb.i and pb.i in _conjuncts(pa):
        return True
    if b.i not in _conjuncts(a) or _tied(a) or _tied(b):
        return False
    doc = a.doc
    if any(doc[k].tag_ == "POS" for k in range(min(a.i, b.i), max(a.i, b.i))):
        return False  # "the Bureau of Industry and Security's Office of Export Enforcement"
    first = a if a.dep_ != "conj" else b if b.dep_ != "conj" else None
    return first is not None and (first.dep_ in _DOERS or first.dep_ == "pobj" and first.head.dep_ == "agent")


def _identity(a: Token, b: Token) -> bool:
    """"X was Y" / "Y is X": subject and attribute of one copula."""
    if a.head.i != b.head.i or a.head.lemma_ != "be":
        return False
    return {a.dep_, b.dep_} == {"nsubj", "attr"}


def _pair_vetoed(f: Found, a: Token, b: Token) -> bool:
    if _identity(a, b):
        return True
    if SCHEMA.relation_types[f.type].directed and _co_agents(a, b):
        return True
    if not f.method.startswith("model"):
        return False
    steps = path(a, b)
    on_path = {t.i for t in steps}
    # the act between the parties, not the clause above it: the top token's own head is read no further
    return any(stopped(t) if t.head.i in on_path and t.head.i != t.i else undone(t) for t in steps[1:-1])


def vetoed(f: Found, sent: Span, table: EntityTable) -> bool:
    """Whether grammar rules ``f`` out in ``sent``: every pair of its parties' mentions there is vetoed (a party not
    named in the sentence: never)."""
    sources, targets = _roots(sent, table, f.source), _roots(sent, table, f.target)
    if not sources or not targets:
        return False
    pairs = [(a, b) for a in sources for b in targets if a.i != b.i]
    return bool(pairs) and all(_pair_vetoed(f, a, b) for a, b in pairs)


def veto(doc: Doc, found: Sequence[tuple[Found, S]], table: EntityTable) -> list[tuple[Found, S]]:
    """``found`` less what grammar rules out (module docstring); order kept."""
    exports = {(f.source, f.target, s.start) for f, s in found
               if f.type == "export" and doc[f.trigger].lower_.startswith(EXPORT_WORDS)}
    out = []
    for f, s in found:
        if f.type == "mcf_link" and (f.source, f.target, s.start) in exports:
            continue
        if vetoed(f, s, table):
            continue
        out.append((f, s))
    return out
