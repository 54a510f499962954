"""What each relation type's parties may be: the entity types of its source and target, the prepositions
that bring its target ("visit to X", "meeting with X"), and the types a reference in the target slot may stand for."""

from __future__ import annotations

from mcfwatch.extract.en.flows import BUY_VERBS, RECEIVE_VERBS
from mcfwatch.extract.en.found import ORGS

ACTORS = ORGS | {"Person", "Place"}
TARGETS: dict[str, set[str]] = {
    "visit": ORGS | {"Place", "Event"},
    "meeting": ACTORS,
    "agreement": ACTORS,
    "facilitation": ACTORS,
    "participation": {"Event", "Program", "Organization"},
    "organizer": {"Event", "Program"},
    "invitation": ACTORS,
    "export": ACTORS,
    "recruitment": {"Person"} | ORGS,
    "funding": ACTORS | {"Program", "Event"},
    "ownership": ORGS,
    "position": ORGS | {"Place"},
    "mcf_link": {"MilitaryUnit", "Program", "Event"},
}
SOURCES: dict[str, set[str]] = {"position": {"Person"}}
PREPS: dict[str, set[str]] = {
    "visit": {"to"}, "meeting": {"with"}, "agreement": {"with"}, "participation": {"in", "at", "into"},
    "export": {"to"}, "invitation": set(), "facilitation": set(), "organizer": set(), "recruitment": {"into"},
    "funding": set(), "ownership": set(), "position": {"for", "at", "with", "in", "by"},
}
FLOW_VERBS = RECEIVE_VERBS | BUY_VERBS | {"put", "invest"}
WANT = {k: frozenset(v) for k, v in TARGETS.items()}  # what a reference in the target slot may stand for
# types whose verb's direct object (or passive subject) is the target: "visited X", "X was organised by"
DOBJ_TARGET = {"visit", "meeting", "facilitation", "participation", "organizer", "invitation", "recruitment",
               "funding", "ownership"}

