"""What a yente query asks beyond names: which FtM schemata may answer it, and the caller's feature weights.

The schema table follows FtM's `matchable_schemata` for the four schemata list entries have (a test checks
it against followthemoney's model): a Company query is answered by companies and organisations, never by
people; a Person query only by people.
"""

from __future__ import annotations

from typing import Any

from mcfwatch.errors import InputError
from mcfwatch.resolve.algorithm import ENTRY_QUALIFIERS, FEATURES_BY_NAME
from mcfwatch.resolve.screen import ALIAS_OF_OTHER_CAP, COUNTRY_PENALTY

ALL = frozenset({"Company", "Organization", "PublicBody", "Person"})
# query schema -> the candidate schemata that may match it
MATCHABLE: dict[str, frozenset[str]] = {
    "Thing": ALL,
    "LegalEntity": ALL,
    "Organization": frozenset({"Company", "Organization", "PublicBody"}),
    "Company": frozenset({"Company", "Organization"}),
    "PublicBody": frozenset({"PublicBody", "Organization"}),
    "Person": frozenset({"Person"}),
}
# Valid FtM schemata that no list entry can answer (a query for a vessel finds nothing, and says so by 200).
UNANSWERED = frozenset({
    "Airplane", "Asset", "BankAccount", "CryptoWallet", "Security", "UserAccount", "Vehicle", "Vessel", "Address",
    "Territory", "Position",
})
SCHEMATA = sorted([*MATCHABLE, *UNANSWERED])  # what a query's `schema` may name (OpenAPI says so)
# Weights for the list-entry qualifiers screening adds to a pair's features.
QUALIFIER_VALUES = {"country_mismatch": COUNTRY_PENALTY, "alias_of_other": ALIAS_OF_OTHER_CAP}
QUALIFIER_ROLES = {"country_mismatch": "penalty", "alias_of_other": "cap"}


def matchable(schema: str) -> frozenset[str]:
    """The candidate schemata a query of this FtM schema may match; an unknown schema is an InputError."""
    if schema in MATCHABLE:
        return MATCHABLE[schema]
    if schema in UNANSWERED:
        return frozenset()
    raise InputError("schema", f"unknown or non-matchable FtM schema {schema!r}; use one of {', '.join(SCHEMATA)}")


def check_weights(weights: dict[str, float]) -> None:
    known = sorted([*FEATURES_BY_NAME, *ENTRY_QUALIFIERS])
    unknown = sorted(set(weights) - set(known))
    if unknown:
        raise InputError("weights", f"unknown features {unknown}; known: {known} (see /algorithms)")
    bad = sorted(k for k, v in weights.items() if not 0.0 <= v <= 10.0)
    if bad:
        raise InputError("weights", f"weights of {bad} must be between 0 and 10")


def value_of(name: str, weights: dict[str, float]) -> float:
    if name in weights:
        return weights[name]
    return FEATURES_BY_NAME[name].value if name in FEATURES_BY_NAME else QUALIFIER_VALUES[name]


def rescore(features: dict[str, dict[str, Any]], weights: dict[str, float]) -> float:
    """A candidate's score recomputed from the features that fired, with WEIGHTS replacing the algorithm's
    values: a match feature's weight, a cap's ceiling, a penalty's amount. Without weights this gives the
    algorithm's own score (the combination rule of resolve.algorithm.compare_names)."""
    match = {k: f for k, f in features.items() if f["role"] == "match"}
    best = max((f["score"] * value_of(k, weights) for k, f in match.items()), default=0.0)
    authoritative = "known_same" in match and value_of("known_same", weights) * match["known_same"]["score"] >= best
    for name, f in features.items():
        role = f["role"]
        if role == "match" or (authoritative and name not in QUALIFIER_VALUES):
            continue
        if role == "cap":
            best = min(best, value_of(name, weights))
        elif role == "penalty":
            best -= value_of(name, weights) * f["score"]
    return round(max(0.0, min(1.0, best)), 4)
