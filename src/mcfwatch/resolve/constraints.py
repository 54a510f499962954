"""Cannot-link rules for resolution across documents: pairs that never merge, whatever they score.

A rule returns a one-line reason, or None. Clustering (cluster.py) treats a cannot-link like a
non-match, so no group ever holds both ends, however many other members they share.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from rapidfuzz.distance import Indel

from mcfwatch.resolve import lexicon
from mcfwatch.resolve.algorithm import Comparison
from mcfwatch.resolve.names import Name, latin_words, parse

# A military unit is not a university, a company or a place of study, whatever words they share.
MILITARY = "MilitaryUnit"
PERSON = "Person"
NOT_MILITARY = frozenset({"University", "Company"})
# Qualifiers that mark two different bodies (different numbered units, names of different list entries).
DIFFERENT = frozenset({"number_mismatch", "known_different"})
DISTINCTIVE_WEIGHT = 4.0
# Words that are rare on the watchlists yet name no particular body: every country has an air force,
# a people's government, a research institute, a ministry.
GENERIC_WORDS = frozenset(
    "air force forces army navy naval marine marines corps military armed police guard rocket strategic support "
    "government people peoples ministry department bureau office committee commission council agency "
    "administration state national central provincial municipal county local research development post".split()
)


@lru_cache(maxsize=100_000)
def _parsed(name: str) -> Name:
    return parse(name)


def distinctive_words(name: str, weight: Callable[[str], float]) -> list[str]:
    """Words of a name that say WHICH body it is: not a place, a kind of body, a unit word or a form,
    and rare enough on the lists ("Research Institute" and "Air Force" have none; "Harbin" is one)."""
    skip = lexicon.PLACES | lexicon.KINDS | lexicon.UNIT_WORDS | lexicon.STOPWORDS | lexicon.LEGAL_FORMS | GENERIC_WORDS
    words = _parsed(name).readings[0] if _parsed(name).readings else ()
    return [w for w in words if w not in skip and weight(w) >= DISTINCTIVE_WEIGHT]


def _given_names_differ(a: str, b: str) -> bool:
    """Jill Biden vs Joe Biden: one surname, two given names that are not spellings of one another
    (an initial agrees with any name it could stand for; Yuri ~ Yury is a spelling)."""
    wa, wb = latin_words(a), latin_words(b)
    if len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1]:
        return False
    x, y = wa[0], wb[0]
    if x == y or ((len(x) == 1 or len(y) == 1) and x[0] == y[0]):
        return False
    return Indel.normalized_similarity(x, y) < 0.7


def _partial(a: str, b: str, best: Comparison) -> bool:
    """The names do not say the same words: one contains the other, or (same script) their words or numbers differ."""
    if "contained_name" in best.features:
        return True
    na, nb = _parsed(a), _parsed(b)
    if na.script != nb.script:
        return False
    return set(na.readings[0] if na.readings else ()) != set(nb.readings[0] if nb.readings else ()) \
        or na.numbers != nb.numbers


def _han_differ(a: str, b: str) -> bool:
    na, nb = _parsed(a), _parsed(b)
    if na.script != "han" or nb.script != "han" or not na.han or not nb.han:
        return False
    return na.han != nb.han and na.han not in nb.han and nb.han not in na.han


def cannot_link(
    a_name: str, a_type: str, b_name: str, b_type: str, best: Comparison, own: Comparison,
    weight: Callable[[str], float], threshold: float,
) -> str | None:
    """Why two entities (primary name, type) must never be merged; None if they may.

    `best` is their best comparison over their names, `own` the comparison of the two primary names."""
    if {a_type, b_type} & {MILITARY} and {a_type, b_type} & NOT_MILITARY:
        return f"types {a_type} and {b_type} never name one body"
    for c in (best, own):
        hit = sorted(DIFFERENT & set(c.features))
        if hit:
            return f"{hit[0]}: {c.features[hit[0]].detail}"
    if "known_same" in best.features:
        if own.score < threshold:  # a list name one of them carries as a stored alias, not its own name
            return f"'{a_name}' and '{b_name}' are published names of one body only through a stored alias"
        return None
    if a_type == b_type == PERSON and _given_names_differ(a_name, b_name):
        return f"two people with different given names ({a_name} vs {b_name})"
    if _han_differ(a_name, b_name):
        return f"two different full Chinese names ({a_name} vs {b_name})"
    if _partial(a_name, b_name, best):
        for name in (a_name, b_name):
            if not distinctive_words(name, weight):
                return f"'{name}' has no distinctive word: it never merges on shared words alone"
    return None
