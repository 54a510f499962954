"""Rules and model, two scorers of the same sentence's entity pairs, combined in one place.

``MCFWATCH_RELATIONS`` (``settings.RELATIONS``) selects: ``rules`` (the hand rules alone), ``model`` (the
trained classifier alone) or ``both`` (the default: every rule finding as the rules made it, plus the model's findings that no rule made,
at calibrated probability ``CONFIDENT`` or above, with method ``model``).
Whatever the source, a relation goes through the same date, negation and evidence machinery afterwards.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Protocol, TypeVar

from mcfwatch.errors import InputError
from mcfwatch.model import SCHEMA

MODES = ("rules", "model", "both")
MANY_TARGETS = {"visit", "export"}  # one sentence often names several destinations or buyers
# In ``both``, a finding no rule made is added only at this calibrated probability or above (on top of the
# model's per-type thresholds). Chosen by `mcfwatch eval --corpus corpus/train --floor ...` (5-fold CV):
# relation F1 EN 0.36 / ZH 0.34 at 0.2, 0.33 / 0.33 at 0.4, 0.31 / 0.30 at 0.6, 0.28 / 0.22 at 0.9; at 0.2
# and 0.4 the model adds spurious relations to the seed and to rule test sentences, so 0.5.
CONFIDENT = 0.5
# Chinese: the rules' own findings are less precise (dev CV P 0.50) and the model scores better alone (5-fold
# document CV, relation F1: model 0.45, both 0.40 at 0.5, 0.43 at 0.3 and at 0.0); at 0.0 the model adds two
# spurious relations to the Chinese seed, at 0.2 none, so 0.2.
CONFIDENT_ZH = 0.2


def floor(lang: str) -> float:
    """The confidence floor of the model's own findings in ``both`` for ``lang``."""
    return CONFIDENT_ZH if lang == "zh" else CONFIDENT


def mode(value: str | None = None) -> str:
    """The combination in force: ``value``, else the setting."""
    from mcfwatch.settings import RELATIONS

    m = (value or RELATIONS.get() or "both").strip().lower()
    if m not in MODES:
        raise InputError(RELATIONS.name, f"must be one of {', '.join(MODES)}, not {m!r}")
    return m


class Finding(Protocol):
    @property
    def type(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...

    confidence: float
    method: str


F = TypeVar("F", bound=Finding)
S = TypeVar("S", bound=Hashable)


def key(f: Finding, sentence: Hashable) -> tuple[str, str, str, Hashable]:
    s, t = f.source, f.target
    if not SCHEMA.relation_types[f.type].directed and t < s:
        s, t = t, s
    return (f.type, s, t, sentence)


def combine(rules: Sequence[tuple[F, S]], model: Sequence[tuple[F, S]], how: str,
            confident: float = CONFIDENT) -> list[tuple[F, S]]:
    """Findings with the sentence each comes from; rules first, in order, as the rules made them."""
    if how == "rules":
        return list(rules)
    if how == "model":
        return list(model)
    ruled = {key(f, s) for f, s in rules}
    # a directed relation whose source a rule already tied to another party of that type in the same sentence
    # ("it has been an important party to CCP's military-civil fusion": mcf_link to the programme, not to CCP)
    read = {(f.type, f.source, s) for f, s in rules if SCHEMA.relation_types[f.type].directed}
    return [*rules, *((f, s) for f, s in model if key(f, s) not in ruled and f.confidence >= confident
                      and ((f.type, f.source, s) not in read or f.type in MANY_TARGETS))]
