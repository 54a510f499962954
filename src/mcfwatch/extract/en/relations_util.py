"""Small helpers over the parse shared by the verb and noun relation rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Token

from mcfwatch.extract.en.args import CONFIDENCE, Arg
from mcfwatch.extract.en.found import Found


def _conf(*args: Arg) -> float:
    return min(CONFIDENCE[a.how] for a in args)


def _children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, preps: set[str], depth: int = 0) -> list[Token]:
    """Objects of the given prepositions under tok, also through "as an exhibitor in X" chains, and of the same
    preposition coordinated with one ("to A and to B"; the parse may hang the second on the first or on the verb), or
    with another preposition of ``tok`` ("with A in 2016 and with B in 2018": the second "with" hung off "in")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in {"prep", "agent"} or c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ in {"pobj", "pcomp"}:
                    if c.lower_ in preps:
                        out.append(p)
                    elif depth < 2 and c.lower_ in {"as", "on", "of", "during"}:
                        out.extend(prep_objects(p, preps, depth + 1))
            # "to A and to B": the second "to" a conjunct of the first; "with A in 2016 and with B in 2018": the
            # second "with" a conjunct of another preposition of the same head, which it stands beside
            out += [p for d in c.children if d.dep_ == "conj" and d.lower_ in preps and
                    (d.lower_ == c.lower_ or c.dep_ == "prep" and d.pos_ == "ADP")
                    for p in d.children if p.dep_ == "pobj"]
    return out


def pairs(rtype: str, sources: Iterable[Arg], targets: list[Arg], trigger: int,
          keep: Callable[[Arg, Arg], bool] | None = None) -> list[Found]:
    """One finding of ``rtype`` for every source and target (sources first, in order) that are not the same entity
    and that ``keep`` (when given) accepts; the confidence is the lesser of the two arguments'."""
    return [Found(rtype, a.entity, b.entity, trigger, _conf(a, b)) for a in sources for b in targets
            if a.entity != b.entity and (keep is None or keep(a, b))]
