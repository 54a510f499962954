"""The matching algorithm: a declared list of features and how they combine, under a versioned name.

Score = the strongest match feature (each weighted), then qualifiers: a cap (numbers that differ,
names known to be of different organisations, a sub-unit) or a penalty (different kinds of body).
A `known_same` hit is authoritative (a list published both names for one entry) and skips qualifiers, unless one
name says only a kind of body and its reach (generic_name: "National University").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mcfwatch.resolve import features as f
from mcfwatch.resolve.names import Name

# v2 adds the bilingual layer (translated_match, transliteration_match, latin_in_chinese, bilingual_label):
# Chinese names of foreign bodies now score against their English names. v1 scores are otherwise unchanged.
ALGORITHM = "mcf-logic-v2"
THRESHOLDS = {"screening": 0.70, "merging": 0.80}
DEFAULT_THRESHOLD = THRESHOLDS["screening"]
SKIP_QUALIFIERS_BELOW = 0.3


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    func: Callable[[Name, Name, f.Context], f.Result]
    role: str     # match | cap | penalty
    value: float  # weight (match), ceiling (cap) or amount subtracted (penalty)

    @property
    def explanation(self) -> str:
        return (self.func.__doc__ or self.name).strip().splitlines()[0]


FEATURES: tuple[Feature, ...] = (
    Feature("known_same", f.known_same, "match", 1.0),
    Feature("same_name", f.same_name, "match", 1.0),
    Feature("han_match", f.han_match, "match", 1.0),
    Feature("word_match", f.word_match, "match", 1.0),
    Feature("romanisation_match", f.romanisation_match, "match", 1.0),
    Feature("contained_name", f.contained_name, "match", 1.0),
    Feature("acronym_match", f.acronym_match, "match", 1.0),
    Feature("bilingual_label", f.bilingual_label, "match", 1.0),
    Feature("translated_match", f.translated_match, "match", 1.0),
    Feature("transliteration_match", f.transliteration_match, "match", 1.0),
    Feature("latin_in_chinese", f.latin_in_chinese, "match", 1.0),
    Feature("number_mismatch", f.number_mismatch, "cap", 0.2),
    Feature("acronym_only", f.acronym_only, "cap", 0.75),  # a lead for screening (0.70), never a merge (0.80)
    Feature("known_different", f.known_different, "cap", 0.3),
    Feature("sub_unit", f.sub_unit, "cap", 0.6),
    Feature("missing_core", f.missing_core, "cap", 0.6),
    Feature("one_common_word", f.one_common_word, "cap", 0.6),
    Feature("translated_words_only", f.translated_words_only, "cap", 0.6),  # a translation, not a known name
    Feature("generic_name", f.generic_name, "cap", 0.6),  # "National University": a published alias, no one's name
    Feature("kind_mismatch", f.kind_mismatch, "penalty", 0.35),
    Feature("different_words", f.different_words, "penalty", 0.2),
    Feature("more_specific_institution", f.more_specific_institution, "penalty", 0.3),
)
# Set by screening, not by comparing two names: a Chinese name read through a brand the lists publish
# (resolve/renderings.py); its value is the score such a hit gets.
LIST_RENDERING = Feature("list_rendering", f.list_rendering, "match", 0.75)  # sound, not characters: a lead
CHINESE_NAME_DIFFERS = Feature("chinese_name_differs", f.chinese_name_differs, "cap", 0.6)
NUMBER_MISMATCH = next(feat for feat in FEATURES if feat.name == "number_mismatch")  # also asked of a whole entry
FEATURES_BY_NAME = {feat.name: feat for feat in (*FEATURES, LIST_RENDERING, CHINESE_NAME_DIFFERS)}

# Qualifiers that screening applies to a whole list entry, not to a pair of names.
ENTRY_QUALIFIERS = {
    "country_mismatch": "The query's country differs from the country the list gives for the entry.",
    "alias_of_other": "The entry matched only through an alias that the lists publish as the name of another"
    " organisation (often its parent group): related, not the same body.",
}


@dataclass(slots=True)
class FeatureHit:
    name: str
    score: float
    detail: str
    role: str

    @property
    def explanation(self) -> str:
        if self.name in ENTRY_QUALIFIERS:
            return ENTRY_QUALIFIERS[self.name]
        return FEATURES_BY_NAME[self.name].explanation

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 3), "detail": self.detail, "explanation": self.explanation,
                "role": self.role}


@dataclass(slots=True)
class Comparison:
    left: str
    right: str
    score: float
    features: dict[str, FeatureHit] = field(default_factory=dict)
    relation: str | None = None   # "same" when the score passes, "sub-unit" for a part of the other
    algorithm: str = ALGORITHM

    def match(self, threshold: float = DEFAULT_THRESHOLD) -> bool:
        return self.score >= threshold

    def features_dict(self) -> dict[str, dict[str, Any]]:
        return {k: v.to_dict() for k, v in self.features.items()}


def compare_names(a: Name, b: Name, ctx: f.Context, features: tuple[Feature, ...] = FEATURES) -> Comparison:
    """Compare two parsed names: every feature that fires is kept with its score and detail."""
    hits: dict[str, FeatureHit] = {}
    best = 0.0
    for feat in features:
        if feat.role != "match":
            continue
        score, detail = feat.func(a, b, ctx)
        if score > 0:
            hits[feat.name] = FeatureHit(feat.name, score, detail, feat.role)
            best = max(best, score * feat.value)
            if feat.name == "known_same" and not (a.acronym or b.acronym) and not f.generic_name(a, b, ctx)[0]:
                return Comparison(a.original, b.original, 1.0, hits, "same")
    relation = None
    if best < SKIP_QUALIFIERS_BELOW:  # nothing left to lower or report
        return Comparison(a.original, b.original, round(best, 4), hits, None)
    for feat in features:
        if feat.role == "match":
            continue
        score, detail = feat.func(a, b, ctx)
        if score <= 0:
            continue
        hits[feat.name] = FeatureHit(feat.name, score, detail, feat.role)
        if feat.role == "cap":
            best = min(best, feat.value)
        else:
            best -= feat.value * score
        if feat.name == "sub_unit":
            relation = "sub-unit"
    best = max(0.0, min(1.0, best))
    if relation is None and best >= DEFAULT_THRESHOLD:
        relation = "same"
    return Comparison(a.original, b.original, round(best, 4), hits, relation)
