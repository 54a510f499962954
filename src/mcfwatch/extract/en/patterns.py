"""Entity-ruler patterns for what the statistical model misses, labelled with mcfwatch entity types.

Each pattern is a spaCy token pattern; ``id`` (when present) is the canonical name every match of
that pattern resolves to ("MCF" -> "military-civil fusion"). Labels are mcfwatch types, not
spaCy labels: the extractor reads them as they are.
"""

from __future__ import annotations

from typing import Any

Pattern = dict[str, Any]

_NAME = {"IS_TITLE": True, "OP": "+"}
_NAME_OPT = {"IS_TITLE": True, "OP": "*"}
_WORDISH = {"TEXT": {"REGEX": r"^(-|[A-Za-z0-9][\w&.'’-]*)$"}, "POS": {"IN": ["PROPN", "ADJ", "NOUN", "NUM", "PUNCT"]}}

MILITARY_HEADS = [
    "branch", "unit", "command", "district", "garrison", "academy", "university", "brigade", "division",
    "regiment", "base", "corps", "department", "headquarters", "college", "institute", "force", "navy",
]
EVENT_HEADS = ["conference", "summit", "forum", "expo", "exhibition", "symposium", "fair", "congress", "dialogue"]
# Event names come from the ruler only when they hold a capitalised word (cleanup.generic_event drops the rest)
GOV_BODY_HEADS = ["government", "committee", "commission", "bureau", "office", "department", "congress"]


def _pla() -> list[Pattern]:
    pats: list[Pattern] = [
        {"label": "MilitaryUnit", "pattern": [
            {"TEXT": {"IN": ["PLA", "PLAN", "PLAAF", "PLARF", "PLASSF"]}}, _NAME_OPT,
            {"LOWER": {"IN": MILITARY_HEADS}}]},
        {"label": "MilitaryUnit", "pattern": [{"TEXT": "Unit"}, {"TEXT": {"REGEX": r"^\d{4,6}$"}}]},
        {"label": "MilitaryUnit", "pattern": [
            {"TEXT": {"REGEX": r"^\d+(st|nd|rd|th)$"}}, _NAME,
            {"LOWER": {"IN": ["institute", "academy"]}}, {"LOWER": "of"}, {"IS_UPPER": True}]},
        {"label": "MilitaryUnit", "pattern": [
            {"TEXT": {"REGEX": r"^\d+(st|nd|rd|th)$"}}, {"LOWER": "research"}, {"LOWER": "institute"}]},
        {"label": "MilitaryUnit", "pattern": [
            {"LOWER": "people"}, {"LOWER": {"IN": ["'s", "’s"]}}, {"LOWER": "liberation"}, {"LOWER": "army"},
            {"LOWER": {"IN": ["navy", "air", "rocket", "strategic", "ground"]}, "OP": "?"},
            {"LOWER": {"IN": ["force", "support"]}, "OP": "?"}, {"LOWER": "force", "OP": "?"}]},
        {"label": "MilitaryUnit", "pattern": [_NAME, {"LOWER": "military"},
                                              {"LOWER": {"IN": ["district", "region", "sub-district"]}}]},
        {"label": "MilitaryUnit", "pattern": [_NAME, {"LOWER": "theater"}, {"LOWER": "command"}]},
        {"label": "MilitaryUnit", "pattern": [{"LOWER": "central"}, {"LOWER": "military"}, {"LOWER": "commission"}]},
        {"label": "MilitaryUnit", "pattern": [{"LOWER": "academy"}, {"LOWER": "of"}, {"LOWER": "military"},
                                              {"LOWER": {"IN": ["science", "sciences"]}}]},
        {"label": "MilitaryUnit", "pattern": [{"LOWER": {"IN": ["strategic", "rocket"]}},
                                              {"LOWER": "support", "OP": "?"}, {"LOWER": "force"}]},
    ]
    for acr in ["PLA", "PLAN", "PLAAF", "PLARF"]:
        pats.append({"label": "MilitaryUnit", "pattern": [{"TEXT": acr}]})
    return pats


def _government() -> list[Pattern]:
    return [
        {"label": "PublicBody", "pattern": [
            _NAME, {"LOWER": {"IN": ["municipal", "provincial", "city", "county", "district"]}},
            {"LOWER": {"IN": ["people", "party"]}, "OP": "?"}, {"LOWER": {"IN": ["'s", "’s"]}, "OP": "?"},
            {"LOWER": {"IN": GOV_BODY_HEADS}}]},
        {"label": "PublicBody", "pattern": [
            {"TEXT": {"IN": ["CCP", "CPC"]}}, _NAME_OPT, {"LOWER": "standing", "OP": "?"}, {"LOWER": "committee"}]},
        {"label": "PublicBody", "pattern": [
            {"LOWER": {"IN": ["chinese", "china"]}}, {"LOWER": "communist"}, {"LOWER": "party"}], "id": "CCP"},
        {"label": "PublicBody", "pattern": [
            {"LOWER": "communist"}, {"LOWER": "party"}, {"LOWER": "of"}, {"LOWER": "china"}], "id": "CCP"},
        {"label": "PublicBody", "pattern": [{"TEXT": {"IN": ["CCP", "CPC"]}}], "id": "CCP"},
        {"label": "PublicBody", "pattern": [
            {"LOWER": "state"}, {"LOWER": "council"}]},
    ]


INTERNATIONAL_BODIES = ["G7", "G-7", "G20", "G-20", "NATO", "ASEAN", "Quad", "OECD", "WTO", "IAEA", "APEC", "BRICS",
                        "SCO", "UN", "U.N.", "EU", "IMF", "WHO", "Interpol", "INTERPOL"]


def _international() -> list[Pattern]:
    """International bodies the small model misses ("G7", "Quad", "NATO"): matched by their exact spelling."""
    return [{"label": "Organization", "pattern": [{"TEXT": name}]} for name in INTERNATIONAL_BODIES]


def _events() -> list[Pattern]:
    return [
        {"label": "Event", "pattern": [dict(_WORDISH, OP="+"), {"LOWER": {"IN": EVENT_HEADS}}]},
    ]


PROGRAMS: dict[str, list[list[str]]] = {
    "military-civil fusion": [
        ["military", "-", "civil", "fusion"], ["military", "–", "civil", "fusion"], ["civil", "-", "military", "fusion"],
        ["military", "civil", "fusion"], ["civil", "military", "fusion"], ["military-civil", "fusion"],
        ["mcf"],
    ],
    "Thousand Talents Program": [["thousand", "talents", "plan"], ["thousand", "talents", "program"],
                                 ["thousand", "talents", "programme"], ["thousand", "talents"]],
    "Fox Hunt": [["operation", "fox", "hunt"], ["fox", "hunt"]],
    "China Initiative": [["china", "initiative"]],
    "Made in China 2025": [["made", "in", "china", "2025"]],
    "Belt and Road Initiative": [["belt", "and", "road", "initiative"]],
    "international friendly city program": [["international", "friendly", "city", "program"],
                                            ["international", "friendly", "city", "programme"]],
}

TECHNOLOGIES: list[list[str]] = [
    ["artificial", "intelligence"], ["quantum", "computing"], ["quantum", "computers"], ["semiconductors"],
    ["semiconductor", "manufacturing", "equipment"], ["supercomputers"], ["supercomputer"], ["hypersonic", "weapons"],
    ["advanced", "computing"], ["microelectronics"], ["biotechnology"], ["5", "g"], ["5g"], ["robotics"],
    ["unmanned", "aerial", "vehicles"], ["integrated", "circuits"], ["machine", "learning"],
    ["quantum", "information", "technologies"], ["quantum", "information", "technology"], ["quantum"],
    ["quantum", "sensing"], ["surveillance", "technology"], ["hypersonics"], ["aerospace"],
    ["advanced", "manufacturing"], ["directed", "energy"], ["electric", "vehicles"], ["solar", "cells"],
    ["autonomous", "weapons", "systems"], ["nanoscale", "electronics"], ["semiconductor", "manufacturing", "items"],
    ["advanced", "semiconductors"], ["facial", "recognition"], ["cybersecurity"], ["biometrics"],
]
# words that continue a technology name: "advanced computing integrated circuits", "semiconductor manufacturing items"
TECH_CONTINUATION = ["integrated", "circuits", "items", "equipment", "chips", "manufacturing"]


PROGRAM_HEADS = ["initiative", "program", "programme", "agenda"]


def _programs() -> list[Pattern]:
    pats: list[Pattern] = [
        # "American Battery Materials Initiative", "Investing in America agenda", "Programme for International ..."
        {"label": "Program", "pattern": [{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["in", "of", "for"]}, "OP": "?"},
                                         {"IS_TITLE": True, "OP": "*"}, {"LOWER": {"IN": PROGRAM_HEADS}, "IS_TITLE": True}]},
        {"label": "Program", "pattern": [{"TEXT": "Investing"}, {"LOWER": "in"}, {"IS_TITLE": True}, {"LOWER": "agenda"}]},
        {"label": "Program", "pattern": [{"LOWER": {"IN": ["programme", "program"]}, "IS_TITLE": True}, {"LOWER": "for"},
                                         {"IS_TITLE": True, "OP": "+"}]},
        {"label": "Technology", "pattern": [{"TEXT": "AI"}], "id": "artificial intelligence"},
    ]
    for name, variants in PROGRAMS.items():
        for toks in variants:
            pats.append({"label": "Program", "id": name, "pattern": [{"LOWER": t} for t in toks]})
    return pats


def _technologies() -> list[Pattern]:
    cont = {"LOWER": {"IN": TECH_CONTINUATION}, "OP": "*"}
    return [{"label": "Technology", "pattern": [*({"LOWER": t} for t in toks), cont]} for toks in TECHNOLOGIES]


def static_patterns() -> list[Pattern]:
    """Hand-written patterns for the ruler before ``ner`` (lists' names are added by the model loader)."""
    return [*_pla(), *_government(), *_events(), *_programs(), *_international()]


PERSON_TITLES = [
    "president", "secretary", "director", "prosecutor", "senator", "senators", "representative", "representatives",
    "judge", "minister", "ambassador", "governor", "mayor", "mr.", "ms.", "mrs.", "dr.", "professor", "general",
    "admiral", "chairman", "premier", "commissioner", "deputy", "attorney", "envoy", "spokesperson",
]


def _titled_people() -> list[Pattern]:
    """"Prosecutor Fatou Bensouda", "Senators Casey": a title, then a name (the title is cut off later)."""
    return [{"label": "Person", "pattern": [
        {"LOWER": {"IN": PERSON_TITLES}, "IS_TITLE": True},
        {"IS_TITLE": True, "POS": "PROPN", "LOWER": {"NOT_IN": PERSON_TITLES}, "OP": "+"}]}]


def late_patterns() -> list[Pattern]:
    """Patterns for a ruler after ``ner`` that never overrides the model ("Benvolant Artificial
    Intelligence Company" stays a company; "artificial intelligence" alone becomes a technology)."""
    return [*_technologies(), *_titled_people()]
