"""Word lists the English relation rules read: triggers, blockers, roles, generic nouns.

Kept apart from the rules so that adding a trigger is a one-line change.
"""

from __future__ import annotations

# verb lemma -> relation type ("stag": the lemmatizer's reading of "staged")
VERB_TRIGGERS: dict[str, str] = {
    "visit": "visit", "tour": "visit", "travel": "visit",
    "meet": "meeting",
    "sign": "agreement", "conclude": "agreement", "ink": "agreement",
    "cooperate": "agreement", "collaborate": "agreement", "partner": "agreement",
    "help": "facilitation", "assist": "facilitation", "facilitate": "facilitation", "broker": "facilitation",
    "enable": "facilitation", "introduce": "facilitation",
    "participate": "participation", "attend": "participation", "exhibit": "participation", "join": "participation",
    "organize": "organizer", "organise": "organizer", "host": "organizer", "sponsor": "organizer",
    "convene": "organizer", "hold": "organizer", "run": "organizer", "administer": "organizer", "launch": "organizer",
    "stage": "organizer", "stag": "organizer", "manage": "organizer",  # a programme or event only (relations.TARGETS): "runs the plan"
    "invite": "invitation",
    "export": "export", "ship": "export", "smuggle": "export", "sell": "export", "supply": "export",
    "transfer": "export", "send": "export", "provide": "export", "reexport": "export", "re-export": "export",
    "resell": "export", "resold": "export", "deliver": "export", "divert": "export", "transship": "export",
    "trans-ship": "export", "forward": "export", "furnish": "export", "hand": "export", "email": "export",
    "carry": "export", "pass": "export",  # goods or files passed, handed, emailed or carried "to" a party
    "recruit": "recruitment", "headhunt": "recruitment", "poach": "recruitment", "engage": "recruitment",
    "receive": "participation", "accept": "participation",  # "... received through the Thousand Talents Program"
    "fund": "funding", "finance": "funding", "pay": "funding", "bankroll": "funding",
    "own": "ownership", "acquire": "ownership", "control": "ownership", "buy": "ownership", "purchase": "ownership",
    "employ": "position", "hire": "position", "appoint": "position", "work": "position", "serve": "position",
}

# noun lemma -> relation type (the noun names the act; parties come from "with", poss, the governing verb)
NOUN_TRIGGERS: dict[str, str] = {
    "visit": "visit", "trip": "visit",
    "meeting": "meeting", "talk": "meeting", "talks": "meeting",
    "agreement": "agreement", "contract": "agreement", "memo": "agreement", "memorandum": "agreement",
    "mou": "agreement", "deal": "agreement", "partnership": "agreement", "venture": "agreement",
    "subsidiary": "ownership", "parent": "ownership", "affiliate": "ownership",
    "member": "member", "participant": "member",
    "participation": "participation",
    "grant": "funding", "funding": "funding",
}
# nouns naming a meeting when they take "between A and B" ("engagements between President Biden and President Xi")
MEETING_BETWEEN_NOUNS = {"meeting", "talk", "talks", "discussion", "engagement", "summit", "call",
                         "consultation", "conversation", "exchange", "session"}

# governing verbs through which an agreement noun gets its first party ("signed an agreement")
AGREEMENT_VERBS = {"sign", "conclude", "reach", "secure", "ink", "win", "obtain", "have", "enter", "establish",
                   "form", "land", "strike", "award", "finalize", "finalise", "get", "include"}

# any of these above a trigger makes it a plan, proposal, negotiation, allegation or investigation
BLOCKING_VERBS = {
    "plan", "propose", "intend", "hope", "seek", "aim", "want", "try", "attempt", "expect", "negotiate",
    "consider", "discuss", "investigate", "allege", "accuse", "suspect", "charge", "indict", "invite", "ask",
    "urge", "encourage", "schedule", "prepare", "deny", "refuse", "decline", "fail", "wish", "threaten",
    "explore", "prohibit", "ban", "restrict", "prevent", "bar", "forbid", "require", "need", "must", "mean",
    "would", "could", "seem", "appear", "pledge", "promise", "vow", "agree", "commit", "call", "allow",
}
BLOCKING_NOUNS = {
    "plan", "proposal", "negotiation", "investigation", "intention", "attempt", "effort", "prospect",
    "possibility", "draft", "allegation", "charge", "invitation", "offer", "request", "ban", "prohibition",
    "restriction", "bid", "goal", "aim", "threat", "risk", "indictment", "complaint", "rule", "order", "veto",
    "rejection",
}
# verbs that punish someone for an act: the core the rules extend (``args._FAULTING``, ``exports.CONVICT_VERBS``,
# ``trade.PUNISH_VERBS``); "fin" is the parser's lemma of "fined"
PUNISHING = frozenset({"fine", "fin", "sentence", "convict", "penalise", "penalize", "punish", "sanction"})
# a deal stopped before it was done (docs/annotation.md 4.7, 5: "blocked or cancelled actions", "[Government] blocked
# the takeover of [Y] by [X]"): a veto verb stops whatever it governs ("vetoed the takeover of X by Y", "blocked Y from
# acquiring X", "the acquisition was rejected"); a calling-off verb stops a deal still pending ("withdrew its bid /
# approval", "the takeover was abandoned"), never an agreement already made ("terminated its agreement with X": it
# was made, 4.3); a failing verb stops a pending deal or talks that are its subject ("the takeover collapsed", "talks
# to buy X broke down")
VETO_VERBS = {"veto", "block", "reject", "thwart", "quash", "scuttle", "derail", "torpedo", "nix", "disallow",
              "stymie", "foil", "kill"}
CALLING_OFF_VERBS = {"withdraw", "abandon", "scrap", "cancel", "drop", "revoke", "rescind", "shelve", "pull",
                     "ditch", "retract"}  # not "stop", "halt", "suspend": "halted its sales to X" tells sales made
FAILING_VERBS = {"collapse", "fail", "founder", "fizzle", "unravel", "stall", "falter", "sink"}
FAILING_PARTICLES = {("fall", "through"), ("fall", "apart"), ("break", "down"), ("call", "off"), ("fall", "over")}
PENDING_NOUNS = {"acquisition", "takeover", "purchase", "buyout", "merger", "bid", "offer", "approval", "application",
                 "sale", "deal", "transaction", "plan", "proposal", "attempt", "talks", "negotiation"}
# an adjective telling that the act named by its noun did not happen ("the vetoed takeover", "a failed bid", "the
# proposed venture"), and one telling that a pending deal was called off ("the abandoned takeover"; "the cancelled
# contract" was made)
UNDONE_ADJECTIVES = {"failed", "blocked", "vetoed", "aborted", "abortive", "rejected", "thwarted", "proposed",
                     "planned", "would-be", "prospective", "mooted", "rumoured", "rumored"}
CALLED_OFF_ADJECTIVES = {"abandoned", "scrapped", "cancelled", "canceled", "collapsed", "stalled", "withdrawn"}
MODAL_AUX = {"will", "would", "shall", "may", "might", "could", "should", "can", "must", "'ll", "wo", "ca"}
NEGATIONS = {"not", "n't", "never", "no", "neither", "nor", "without"}
CONDITIONAL_MARKS = {"if", "whether", "unless"}

# nouns standing for people or bodies "of"/"from" an entity: "officials of Cork County" -> Cork County
GROUP_NOUNS = {
    "official", "representative", "delegate", "delegation", "member", "leader", "employee", "executive",
    "researcher", "scientist", "student", "staff", "company", "firm", "entity", "people", "person",
    "team", "group", "personnel", "worker", "engineer", "expert", "manager", "agent", "officer", "counterpart",
    "businesse", "business", "enterprise", "organization", "organisation", "institution", "party", "partner",
    "subsidiary", "unit", "agency", "body", "authority", "hacker", "actor", "national", "citizen", "operative",
}

# role nouns for the position relation
ROLE_NOUNS = {
    "member", "director", "chairman", "chairwoman", "chair", "president", "secretary", "head", "chief", "ceo",
    "founder", "professor", "researcher", "scientist", "employee", "engineer", "officer", "executive", "mayor",
    "governor", "minister", "ambassador", "commander", "manager", "dean", "fellow", "leader", "spokesperson",
    "spokesman", "general", "chancellor", "premier", "vice", "deputy", "advisor", "adviser", "agent", "analyst",
    "student", "staff", "official", "representative", "lecturer", "owner", "cofounder", "co-founder",
}
TITLE_WORDS = {
    "deputy", "vice", "mayor", "governor", "secretary", "minister", "director", "chairman", "president", "ambassador",
    "commander", "general", "chief", "party", "executive", "premier", "chancellor", "assistant", "under", "senior",
    "national", "security", "advisor", "adviser", "state", "foreign", "defense", "commerce", "treasury",
    "first", "standing", "committee", "municipal", "provincial", "city", "county", "ceo", "head", "leader",
}
TITLE_HEADS = {
    "mayor", "governor", "secretary", "minister", "director", "chairman", "president", "ambassador", "commander",
    "general", "chief", "premier", "chancellor", "advisor", "adviser", "ceo", "head", "leader",
}

# definite descriptions: head noun -> entity types it can stand for
DEFINITE: dict[str, set[str]] = {
    "delegation": {"Organization"}, "visitor": {"Organization"}, "guest": {"Organization"},
    "company": {"Company"}, "firm": {"Company"}, "group": {"Company"}, "manufacturer": {"Company"},
    "corporation": {"Company"}, "enterprise": {"Company"}, "supplier": {"Company"},
    "university": {"University"}, "institute": {"University", "MilitaryUnit"}, "school": {"University"},
    "academy": {"University", "MilitaryUnit"}, "laboratory": {"University"}, "lab": {"University"},
    "centre": {"University", "Organization"}, "center": {"University", "Organization"},
    "government": {"PublicBody", "Place"}, "ministry": {"PublicBody"}, "agency": {"PublicBody"},
    "department": {"PublicBody"}, "committee": {"PublicBody"},
    "city": {"Place"}, "county": {"Place"}, "province": {"Place"}, "country": {"Place"},
    "unit": {"MilitaryUnit"}, "branch": {"MilitaryUnit"},
    "conference": {"Event"}, "summit": {"Event"}, "forum": {"Event"}, "expo": {"Event"}, "event": {"Event"},
    "fair": {"Event"}, "exhibition": {"Event"}, "exposition": {"Event"}, "show": {"Event"}, "airshow": {"Event"},
    "symposium": {"Event"}, "workshop": {"Event"}, "congress": {"Event"}, "contest": {"Event"},
    "competition": {"Event"}, "festival": {"Event"}, "camp": {"Event"}, "convention": {"Event"},
    "program": {"Program"}, "programme": {"Program"}, "plan": {"Program"}, "scheme": {"Program"},
    "initiative": {"Program"},
}

MCF_PROGRAM = "military-civil fusion"

# --- the discourse (extract/en/discourse.py) ---------------------------------------------------------
# a definite event noun under one of these prepositions refers back to an event told before:
# "During the official visit, it helped X" happened within the visit's dates
EVENT_REFERENCE_PREPS = {"during", "at", "on", "in", "throughout", "amid", "amidst"}
# event noun -> relation types that told the event ("visit" relations for "the trip"); None: a relation with
# an Event party whose name holds the noun ("at the summit" -> participation in "... Entrepreneurs summit")
EVENT_REFERENCES: dict[str, set[str] | None] = {
    "visit": {"visit"}, "trip": {"visit"}, "tour": {"visit"}, "journey": {"visit"}, "stay": {"visit"},
    "mission": {"visit"},
    "meeting": {"meeting"}, "talk": {"meeting"}, "talks": {"meeting"}, "session": {"meeting"},
    "summit": None, "conference": None, "forum": None, "expo": None, "exhibition": None, "fair": None,
    "ceremony": None, "event": None,
}
DEFINITE_DETS = {"the", "this", "that", "these", "those", "its", "their", "his", "her"}
# a sentence whose subject is one of these (with "the"/"other", or "of the contracts") speaks of
# agreements told in the sentence before: "One of the contracts was with X", "The other two included ..."
PARTITIVES = {
    "one", "two", "three", "four", "five", "six", "some", "several", "each", "all", "both", "many", "most",
    "first", "second", "third", "last", "latter", "former", "rest", "remainder", "other", "others", "another",
}
# "another memo", "a second agreement", "a further contract": one more with the same partner when none is named
ANOTHER_WORDS = {"another", "second", "third", "fourth", "further", "additional"}

# people, groups and messages, not goods (flows, items): "received 23 delegations from China", "sent eight
# researchers to Bergen", "supplied engineers and technicians to X"
PEOPLE_AND_MESSAGES = frozenset({
    "researcher", "student", "scholar", "engineer", "technician", "scientist", "delegation", "team", "staff",
    "official", "officer", "expert", "employee", "worker", "people", "person", "representative", "member",
    "visitor", "guest", "delegate", "observer", "letter", "invitation", "message", "greeting", "condolence",
    "congratulation", "visit", "call", "request", "order", "complaint", "award", "prize", "honour", "honor"
})
