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
# a word of a long official name: capitalised, an acronym, a joining dash or "and"/"&" ("Science and Technology")
# (not "The" or a company suffix: "Aston Dynamics Ltd. The Hangzhou Research Institute" is two names)
_PRE_WORD = {"TEXT": {"REGEX": r"^([A-Z](?:[^\W\d_]|['’.-])*|–|-)$",
                      "NOT_IN": ["Institute", "University", "Centre", "Center", "Laboratory", "Academy", "College",
                                 "School", "The", "Ltd.", "Ltd", "Inc.", "Co.", "Corp.", "LLC", "Limited"]}}
# "Federal", "Dutch", "PRC", "General", "Civil Aviation", "South Carolina" before "Ministry/Department of ..."
# (not a university's name: "Shanghai Jiao Tong University Department of Automation" is the university's department)
_GOV_PREFIX = {"TEXT": {"REGEX": r"^[A-Z][A-Za-z.]*$", "NOT_IN": ["University", "Institute", "College", "Academy"]},
               "POS": {"IN": ["PROPN", "ADJ"]}, "OP": "{0,2}"}
_GOV_MIDDLE = {"TEXT": {"REGEX": r"^([A-Z][\w-]*|-)$"}, "OP": "*"}  # "Party Committee Organization"
# words that follow "and" inside one name ("Aeronautics and Astronautics", "Industry and Security"); "X
# Institute of Technology and Beijing Institute ..." is two names, so no other word may follow an "and"
AND_WORDS = ["Technology", "Security", "Energy", "Astronautics", "Engineering", "Information", "Trade",
             "Commerce", "Industry", "Investment", "Social", "Innovation", "Development", "Management",
             "Telecommunications", "Chemistry", "Physics", "Materials", "Economics", "Training", "Employment",
             "Tourism", "Culture", "Education", "Research", "Exchange", "Cooperation", "Administration",
             "Supervision", "Reform", "Planning", "Industrial", "Environment", "Health", "Applied", "Space",
             "Defense", "Defence", "Science", "Sciences", "Manufacturing", "Export", "Import", "Communications",
             "Transport", "Equipment", "Electronics", "Aviation", "Finance", "Economic", "Skills", "Strategy",
             "Mechanics", "Power", "Systems", "Vibration", "Enterprise", "Fisheries", "Agriculture", "Justice",
             "Engineers", "Scientists", "Professionals", "Entrepreneurs", "Budget", "Labor", "Labour", "Housing",
             "Welfare", "Resources", "Entrepreneurship"]
_TAIL_WORD = {"TEXT": {"REGEX": r"^([A-Z][\w'’.-]*|–|-)$", "NOT_IN": ["Institute", "University", "Centre", "Center",
                                                                   "Laboratory", "Department", "Ministry"]}}


def _tails() -> list[list[Pattern]]:
    """After "of/for/on": capitalised words, and the same with one "and"/"&" and a word of AND_WORDS."""
    plain: list[Pattern] = [_OF, _OF_NAME, dict(_TAIL_WORD, OP="*")]
    joined: list[Pattern] = [{"LOWER": {"IN": ["and", "&"]}}, {"TEXT": {"IN": AND_WORDS}}, dict(_TAIL_WORD, OP="*")]
    # "Department for Business, Energy and Industrial Strategy", "State Administration for Science, Technology and
    # Industry for National Defense": a comma list closed by "and" and a word of AND_WORDS
    listed: list[Pattern] = [{"TEXT": ","}, dict(_TAIL_WORD, OP="+"), *joined, _OF, _OF_NAME, dict(_TAIL_WORD, OP="*")]
    return [plain, [*plain, *joined], [*plain, *listed[:-3]], [*plain, *listed]]


def _with_tails(label: str, head: list[Pattern]) -> list[Pattern]:
    return [{"label": label, "pattern": [*head, *tail]} for tail in _tails()]
_OF = {"LOWER": {"IN": ["of", "for", "on"]}}
_DATE_WORDS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
               "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_OF_NAME = {"TEXT": {"REGEX": r"^[A-Z]", "NOT_IN": _DATE_WORDS}}  # "Forum on Science", not "Forum on Monday"

MILITARY_HEADS = [
    "branch", "unit", "command", "district", "garrison", "academy", "university", "brigade", "division",
    "regiment", "base", "corps", "department", "headquarters", "college", "institute", "force", "navy", "army",
]
EVENT_HEADS = ["conference", "summit", "forum", "expo", "exhibition", "symposium", "fair", "congress", "dialogue"]
# heads that name an event only when capitalised ("Dubai Airshow", "China Helicopter Exposition")
TITLED_EVENT_HEADS = ["Exposition", "Airshow", "Show", "Workshop", "Festival", "Week", "Seminar", "Convention",
                      "Roundtable", "Games"]
# Event names come from the ruler only when they hold a capitalised word (cleanup.generic_event drops the rest)
GOV_BODY_HEADS = ["government", "committee", "commission", "bureau", "office", "department", "congress"]
GOV_TITLED_HEADS = ["Government", "Committee", "Commission", "Bureau", "Office", "Department", "Congress",
                    "Administration"]


def _pla() -> list[Pattern]:
    pats: list[Pattern] = [
        {"label": "MilitaryUnit", "pattern": [
            {"TEXT": {"IN": ["PLA", "PLAN", "PLAAF", "PLARF", "PLASSF"]}}, _NAME_OPT,
            {"LOWER": {"IN": MILITARY_HEADS}}]},
        {"label": "MilitaryUnit", "pattern": [{"TEXT": "Unit"}, {"TEXT": {"REGEX": r"^\d{4,6}$"}}]},
        {"label": "MilitaryUnit", "pattern": [
            {"TEXT": {"REGEX": r"^\d+(st|nd|rd|th)$"}}, _NAME,
            {"LOWER": {"IN": ["institute", "academy"]}}, {"LOWER": "of"}, {"IS_UPPER": True}]},
        {"label": "University", "pattern": [  # a conglomerate's numbered institute (guide: University)
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
        # "Hubei Provincial Department of Science and Technology", "Shandong Provincial Party Committee
        # Organization Department", "Shenzhen Municipal State-owned Assets Supervision and Administration Commission"
        *_with_tails("PublicBody", [_NAME, {"LOWER": {"IN": ["municipal", "provincial"]}}, _GOV_MIDDLE,
                                    {"TEXT": {"IN": GOV_TITLED_HEADS}}]),
        {"label": "PublicBody", "pattern": [_NAME, {"LOWER": {"IN": ["municipal", "provincial"]}}, _GOV_MIDDLE,
                                            {"TEXT": {"IN": GOV_TITLED_HEADS}}]},
        # "Ministry of State Security", "Department for Business, Energy and Industrial Strategy", "Office of
        # Export Enforcement", "Bureau of Industry and Security"
        *_with_tails("PublicBody", [_GOV_PREFIX, {"TEXT": {"IN": ["Ministry", "Department", "Office", "Bureau",
                                                                  "Commission", "Administration", "Agency"]}}]),
        {"label": "PublicBody", "pattern": [  # SASAC, national or local
            _NAME_OPT, {"LOWER": {"IN": ["municipal", "provincial"]}, "OP": "?"}, {"LOWER": "state"}, {"TEXT": "-", "OP": "?"},
            {"LOWER": "owned"}, {"LOWER": "assets"}, {"LOWER": "supervision"}, {"LOWER": "and"}, {"LOWER": "administration"},
            {"LOWER": "commission"}]},
        # "Chinese Embassy in Berlin", "Chinese Consulate General in Chicago"
        {"label": "PublicBody", "pattern": [
            {"TEXT": {"REGEX": r"^[A-Z]"}}, {"TEXT": {"IN": ["Embassy", "Consulate"]}}, {"TEXT": "General", "OP": "?"},
            {"LOWER": "in"}, {"TEXT": {"REGEX": r"^[A-Z]"}, "OP": "+"}]},
    ]


INTERNATIONAL_BODIES = ["G7", "G-7", "G20", "G-20", "NATO", "ASEAN", "Quad", "OECD", "WTO", "IAEA", "APEC", "BRICS",
                        "SCO", "UN", "U.N.", "EU", "IMF", "WHO", "Interpol", "INTERPOL"]


def _international() -> list[Pattern]:
    """International bodies the small model misses ("G7", "Quad", "NATO"): matched by their exact spelling."""
    return [{"label": "Organization", "pattern": [{"TEXT": name}]} for name in INTERNATIONAL_BODIES]


_EVENT_WORD = {"TEXT": {"REGEX": r"^(-|–|\(|\)|[A-Za-z0-9][\w&.'’-]*)$"},
               "POS": {"IN": ["PROPN", "ADJ", "NOUN", "NUM", "PUNCT", "CCONJ"]}}


def _events() -> list[Pattern]:
    """"China–UK Local Government Forum", "China (Zhejiang) Investment and Trade Fair", "International Symposium
    on Space Robotics": capitalised words (dashes, brackets and "and" inside) before an event head, and an
    "on/of/for ..." tail after it."""
    first = {"TEXT": {"REGEX": r"^[A-Z0-9]"}}
    heads = {"LOWER": {"IN": EVENT_HEADS}}
    titled = {"TEXT": {"IN": TITLED_EVENT_HEADS}}
    return [
        {"label": "Event", "pattern": [dict(_WORDISH, OP="+"), heads]},
        {"label": "Event", "pattern": [first, dict(_EVENT_WORD, OP="*"), heads]},
        {"label": "Event", "pattern": [first, dict(_EVENT_WORD, OP="*"), titled]},
        *_with_tails("Event", [first, dict(_EVENT_WORD, OP="*"), {"TEXT": {"REGEX": "^[A-Z]"}, "LOWER": {"IN": EVENT_HEADS}}]),
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
    # technology fields as docs/annotation.md counts them (named fields or items, not "technology" alone)
    ["hypersonic", "flight"], ["hypersonic", "missiles"], ["jet", "engines"], ["aero", "-", "engines"], ["aero", "engines"],
    ["turbofan", "engines"], ["gas", "turbines"], ["lithography"], ["photonics"], ["optoelectronics"], ["lidar"],
    ["radar"], ["radars"], ["sonar"], ["night", "vision"], ["infrared", "sensors"], ["thermal", "imaging"],
    ["drones"], ["uavs"], ["carbon", "fibre"], ["carbon", "fiber"], ["composite", "materials"], ["rare", "earths"],
    ["gallium", "nitride"], ["silicon", "carbide"], ["satellite", "navigation"], ["additive", "manufacturing"],
    ["3d", "printing"], ["big", "data"], ["cloud", "computing"], ["blockchain"], ["lasers"], ["high", "-", "power", "lasers"],
    ["quantum", "communication"], ["quantum", "communications"], ["quantum", "cryptography"], ["encryption"],
    ["autonomous", "vehicles"], ["self", "-", "driving", "vehicles"], ["internet", "of", "things"],
    ["high", "-", "performance", "computing"], ["chips"], ["microchips"], ["avionics"], ["machine", "tools"],
    ["cruise", "missiles"], ["ballistic", "missiles"], ["space", "launch"], ["satellites"], ["nuclear", "technology"],
    ["biotech"], ["gene", "editing"], ["smart", "manufacturing"], ["industrial", "robots"], ["electronic", "warfare"],
]
# words that continue a technology name: "advanced computing integrated circuits", "semiconductor manufacturing items"
TECH_CONTINUATION = ["integrated", "circuits", "items", "equipment", "chips", "manufacturing"]


PROGRAM_HEADS = ["initiative", "program", "programme", "agenda", "plan"]  # "Guangdong Pearl River Talent Plan"


def _programs() -> list[Pattern]:
    pats: list[Pattern] = [
        # "American Battery Materials Initiative", "Investing in America agenda", "Programme for International ..."
        {"label": "Program", "pattern": [{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["in", "of", "for"]}, "OP": "?"},
                                         {"IS_TITLE": True, "OP": "*"}, {"LOWER": {"IN": PROGRAM_HEADS}, "IS_TITLE": True}]},
        # "Jiangsu Innovation and Entrepreneurship Talent Program": one "and" before a word of AND_WORDS
        {"label": "Program", "pattern": [{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["and", "&"]}},
                                         {"TEXT": {"IN": AND_WORDS}}, {"IS_TITLE": True, "OP": "*"},
                                         {"LOWER": {"IN": PROGRAM_HEADS}, "IS_TITLE": True}]},
        # "High-end Foreign Experts Recruitment Program": a hyphenated word with a lower-case end first
        {"label": "Program", "pattern": [{"IS_TITLE": True}, {"TEXT": "-"}, {"IS_LOWER": True}, {"IS_TITLE": True, "OP": "+"},
                                         {"LOWER": {"IN": PROGRAM_HEADS}, "IS_TITLE": True}]},
        {"label": "Program", "pattern": [{"TEXT": "Investing"}, {"LOWER": "in"}, {"IS_TITLE": True}, {"LOWER": "agenda"}]},
        {"label": "Program", "pattern": [{"LOWER": {"IN": ["programme", "program"]}, "IS_TITLE": True}, {"LOWER": "for"},
                                         {"IS_TITLE": True, "OP": "+"}]},
        {"label": "Technology", "pattern": [{"TEXT": "AI"}], "id": "artificial intelligence"},
    ]
    for name, variants in PROGRAMS.items():
        for toks in variants:
            pats.append({"label": "Program", "id": name, "pattern": [{"LOWER": t} for t in toks]})
    return pats


# Items the training corpus annotates as technologies, by their head, with the words that say which
# ("reconnaissance drones", "air-defence radars", "flight-control software"): heads of the Technology mentions of
# corpus/train outside the held-out fifth (ner_train.heldout). The head alone is a technology only for the
# distinctive ones (TECHNOLOGIES); software, engines, systems … need a modifier.
TECH_HEADS = ["drones", "radars", "sensors", "software", "missiles", "engines", "detectors", "satellites",
              "helicopters", "chips", "batteries", "lenses", "turbojets", "submarines", "cameras", "gyroscopes",
              "lasers", "semiconductors", "microelectronics", "vehicles", "sights", "modules", "boards", "cores"]
TECH_MODIFIER_TAGS = ["JJ", "NN", "NNS", "VBG", "VBN", "CD", "HYPH"]
TECH_MODIFIER_DEPS = ["amod", "compound", "nmod", "npadvmod", "nummod", "punct", "advmod"]  # inside the noun phrase
TECH_FORMS = [["uas"], ["ics"], ["evs"], ["sensors"], ["batteries"], ["infrared", "lenses"],
              ["information", "and", "communications", "technology"], ["unmanned", "aircraft", "system"],
              ["unmanned", "aircraft", "systems"], ["integrated", "-", "circuit", "fabrication"], ["solar", "panels"]]


def _technologies() -> list[Pattern]:
    cont = {"LOWER": {"IN": TECH_CONTINUATION}, "OP": "*"}
    modifier = {"TAG": {"IN": TECH_MODIFIER_TAGS}, "LOWER": {"REGEX": r"^([a-z0-9][a-z0-9.]*|-)$"},
                "DEP": {"IN": TECH_MODIFIER_DEPS}}
    return [{"label": "Technology", "pattern": [*({"LOWER": t} for t in toks), cont]}
            for toks in [*TECHNOLOGIES, *TECH_FORMS]] + [
        {"label": "Technology", "pattern": [modifier, dict(modifier, OP="*"), {"LOWER": {"IN": TECH_HEADS}}]}]


RESEARCH_HEADS = ["Centre", "Center", "Laboratory", "Lab", "Institute", "University", "Academy", "College", "School"]


def _research() -> list[Pattern]:
    """"Wuhan University of Science and Technology", "Aldgate–Beihang Centre for Aero-Acoustics", "CAS Key
    Laboratory of Quantum Information", "Hangzhou Research Institute", "Jiaxing University": the small model
    cuts these at "and", at a dash or before the head, or tags the city alone."""
    # (a head starts no name: "Beihang University School of Aeronautic Science" is the university and its school)
    first = {"TEXT": {"REGEX": r"^[A-Z](?:[^\W\d_]|['’.-])*$", "NOT_IN": RESEARCH_HEADS},
             "POS": {"IN": ["PROPN", "ADJ", "NOUN"]}}
    # "AECC Xi'an Aero-Engine Research Institute", "28th Research Institute"
    research_word = {"TEXT": {"REGEX": r"^([A-Z](?:[^\W\d_]|['’.-])*|-|–|\d+(st|nd|rd|th))$"},
                     "POS": {"IN": ["PROPN", "ADJ", "NOUN", "PUNCT", "NUM"]}}
    return [
        *_with_tails("University", [first, dict(_PRE_WORD, OP="*"), {"TEXT": {"IN": RESEARCH_HEADS}}]),
        *_with_tails("University", [{"TEXT": {"IN": RESEARCH_HEADS}}]),
        {"label": "University", "pattern": [dict(research_word, OP="+"), {"TEXT": "Research"},
                                            {"TEXT": {"IN": ["Institute", "Centre", "Center"]}}]},
        {"label": "University", "pattern": [{"TEXT": {"REGEX": r"^[A-Z]"}, "POS": "PROPN", "OP": "+"},
                                            {"TEXT": {"IN": ["University", "Polytechnic"]}}]},
    ]


ORG_HEADS = ["Association", "Federation", "Society", "Chamber", "Alliance", "Foundation"]


def _associations() -> list[Pattern]:
    """"Chinese People's Association for Friendship with Foreign Countries", "Shaanxi Aero-Engine Innovation
    Alliance", "Czech-Chinese Chamber of Cooperation": associations, chambers and alliances are organisations."""
    first: Pattern = {"TEXT": {"REGEX": r"^[A-Z](?:[^\W\d_]|['’.-])*$"}, "POS": {"IN": ["PROPN", "ADJ", "NOUN"]}}
    head: Pattern = {"TEXT": {"IN": ORG_HEADS}}
    peoples: list[Pattern] = [first, {"LOWER": "people"}, {"TEXT": {"IN": ["'s", "’s"]}}]
    where: list[Pattern] = [{"LOWER": {"IN": ["with", "in"]}}, {"TEXT": {"REGEX": r"^[A-Z]"}}, dict(_TAIL_WORD, OP="*")]
    out: list[Pattern] = [{"label": "Organization", "pattern": [first, dict(_PRE_WORD, OP="*"), head]}]
    starts: list[list[Pattern]] = [[first, dict(_PRE_WORD, OP="*"), head], [*peoples, dict(_PRE_WORD, OP="*"), head],
                                   [head]]
    for start in starts:
        out += _with_tails("Organization", start)
        out += [{"label": "Organization", "pattern": [*p["pattern"], *where]} for p in _with_tails("Organization", start)]
    return out


def _regions() -> list[Pattern]:
    return [{"label": "Place", "pattern": [{"LOWER": {"IN": ["indo", "asia"]}}, {"TEXT": "-"}, {"LOWER": "pacific"}]}]


COMPANY_ENDS = ["limited", "ltd", "ltd.", "inc", "inc.", "llc", "co.", "corp.", "company", "corporation", "gmbh", "plc"]


def _companies() -> list[Pattern]:
    """"Shenzhen Kunpeng Trading (HK) Co., Limited", "Hua Xin Aviation Technology (Hong Kong) Limited": a
    bracketed place inside a company's name (the small model cuts the name at the bracket)."""
    word: Pattern = {"TEXT": {"REGEX": r"^[A-Z]"}, "POS": {"IN": ["PROPN", "NOUN", "ADJ"]}}
    return [{"label": "Company", "pattern": [
        dict(word, OP="+"), {"TEXT": "("}, {"TEXT": {"REGEX": r"^[A-Z]"}, "OP": "{1,3}"}, {"TEXT": ")"},
        {"TEXT": {"REGEX": r"^[A-Z]"}, "LOWER": {"NOT_IN": COMPANY_ENDS}, "OP": "{0,3}"},
        {"LOWER": {"IN": ["co.", "co"]}, "OP": "?"}, {"TEXT": ",", "OP": "?"}, {"LOWER": {"IN": COMPANY_ENDS}}]}]


def static_patterns() -> list[Pattern]:
    """Hand-written patterns for the ruler before ``ner`` (lists' names are added by the model loader)."""
    return [*_pla(), *_government(), *_events(), *_research(), *_associations(), *_programs(), *_international(),
            *_regions(), *_companies()]


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
