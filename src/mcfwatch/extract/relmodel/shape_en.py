"""English features of how a relation is written, without the words that write it, so that a verb or noun the
training documents never used still scores when it sits where their triggers sat.

- The path's shape: the dependency labels between the two parties with the prepositions kept and the turn
  written as its part of speech ("nsubj^/VERB/vdobj/vprep:to/vpobj": "X shipped them to Y", "X sold parts to
  Y", "X passed the cores on to Y" alike), alone and with the type pair.
- The agent of the turn: which party is the grammatical subject of the path's turn (or of the clause a noun
  turn hangs from): the first (``1``), the second (``2``), a party named between them (``mid``), someone else
  (``other``: "a research institute that belongs to AVIC, the group that builds the J-20 for the PLAAF", where
  the group builds, not the institute), or none, with the type pair and with the turn's trigger type.
- The agent of the verb nearest above the second party, when that is not the turn.
- Nominal triggers: a noun naming the act on the path ("the sale of radar parts to Y", "shipments to Y",
  "a subsidy from the city", "his introduction to the buyer"), which the rules' noun list (``en/lexicon.py``)
  does not hold. The nouns are the nominalisations of the rules' verb triggers whose relation type the training
  annotations' evidence spans use them for (docs/annotation.md: the act, not the party), and the nouns for the two
  ends of a sale ("a supplier of ours", "its largest customer", "through our distributor"); never entity
  strings.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

NOMINAL_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(("sale", "shipment", "export", "delivery", "supply", "transfer", "consignment", "diversion",
                     "reexport", "re-export", "transshipment", "resale", "supplier", "customer", "distributor", "buyer",
                     "purchaser", "importer"), "export"),
    **dict.fromkeys(("subsidy", "stipend", "donation", "payment", "sponsorship", "scholarship", "fund",
                     "financing"), "funding"),
    **dict.fromkeys(("introduction", "assistance", "help", "brokerage", "arrangement", "intermediary", "referral"),
                    "facilitation"),
    **dict.fromkeys(("tour", "mission"), "visit"),
    **dict.fromkeys(("recruitment", "hiring", "recruit"), "recruitment"),
    **dict.fromkeys(("invitation",), "invitation"),
    **dict.fromkeys(("attendance", "exhibitor", "attendee"), "participation"),
    **dict.fromkeys(("organiser", "organizer", "host", "sponsor"), "organizer"),
    **dict.fromkeys(("stake", "shareholder", "owner", "acquisition", "takeover"), "ownership"),
}
_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_VERBS = {"VERB", "AUX"}


def _label(t: Token, up: bool) -> str:
    lab = f"{t.dep_}^" if up else f"v{t.dep_}"
    return f"{lab}:{t.lower_}" if t.dep_ in {"prep", "agent"} or (t.dep_ == "dative" and t.pos_ == "ADP") else lab


def _clause(t: Token) -> Token:
    """The verb whose subject acts for a noun turn ("signed the sale", "the sale of X by Y": the noun itself)."""
    for _ in range(4):
        if t.pos_ in _VERBS or t.dep_ == "ROOT" or t.head.i == t.i:
            return t
        if t.dep_ in {"dobj", "pobj", "attr", "nsubj", "nsubjpass", "appos", "conj"} and t.head.pos_ in _VERBS:
            return t.head
        if t.dep_ not in {"dobj", "pobj", "prep", "compound", "amod"}:
            return t
        t = t.head
    return t


def agent(turn: Token, s1: Span, s2: Span, between: list[Span]) -> str:
    """Which party is the subject of ``turn``'s clause: 1, 2, mid (a mention between them), other, or none."""
    verb = _clause(turn)
    subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
    if subj is None:
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if subj is None and verb.dep_ == "relcl":  # "the group that builds": the head noun is who builds
        subj = verb.head
    if subj is None:
        return "none"
    if subj.lower_ in {"that", "which", "who"} and verb.dep_ == "relcl":
        subj = verb.head
    if subj.dep_ == "appos" and not (s1.start <= subj.i < s1.end or s2.start <= subj.i < s2.end):
        subj = subj.head  # "AVIC, the group that builds": the group is AVIC
    for t in (subj, *(c for c in subj.conjuncts)):
        if s1.start <= t.i < s1.end:
            return "1"
        if s2.start <= t.i < s2.end:
            return "2"
    if any(sp.start <= subj.i < sp.end for sp in between):
        return "mid"
    return "other"


def features(up: list[Token], lca: Token, down: list[Token], h1: Token, h2: Token, s1: Span, s2: Span,
             between: list[Span], trig: list[str | None], tp: str) -> list[str]:
    """The shape, agent and nominal-trigger features of a candidate named in its sentence (``up``, ``lca``,
    ``down``: ``features_en.path`` from the first party's head to the second's; ``trig``: the rules' trigger
    type per token of the document)."""
    labels = [_label(t, True) for t in up] + [_label(t, False) for t in down]
    turn = "" if lca.i in (h1.i, h2.i) else f"/{lca.pos_}"
    k = len(up)
    shape = "/".join([*labels[:k], *([turn[1:]] if turn else []), *labels[k:]])
    f = []
    if len(labels) <= 7:
        f += [f"shape={shape}", f"tp_shape={tp}|{shape}"]
    on_path = [*up[1:], lca, *down[:-1]] if turn else [*up[1:], *down[:-1]]
    nominal = sorted({NOMINAL_TRIGGERS[t.lemma_.lower()] for t in on_path
                      if t.pos_ == "NOUN" and t.lemma_.lower() in NOMINAL_TRIGGERS})
    for n in nominal:
        f += [f"ntrig={n}", f"tp_ntrig={tp}|{n}"]
    if turn:
        who = agent(lca, s1, s2, between)
        kind = trig[lca.i] or (NOMINAL_TRIGGERS.get(lca.lemma_.lower()) if lca.pos_ == "NOUN" else None) or lca.pos_
        f += [f"agent={who}", f"tp_agent={tp}|{who}", f"agent_trig={who}|{kind}", f"tp_agent_trig={tp}|{who}|{kind}"]
    # the verb nearest above the second party, when it is not the turn: who does that ("Bayview sold the parts to
    # Sunrise Components HK, which transshipped them to Mianyang": Sunrise, not Bayview, ships to Mianyang)
    near = next((t for t in reversed(down[:-1]) if t.pos_ in _VERBS), None)
    if near is not None:
        who = agent(near, s1, s2, between)
        f += [f"agent_near={who}", f"tp_agent_near={tp}|{who}"]
    return f
