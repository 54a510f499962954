"""Is a trigger a stated fact? Not when it is negated, modal, conditional, or governed by a plan,
proposal, negotiation, invitation, allegation or investigation ("plans to visit", "did not sign",
"invited X to visit", "is being investigated for exporting"), nor when it was stopped before it happened ("vetoed the
takeover of X by Y", "Y withdrew its bid for X", "the acquisition collapsed", "the blocked takeover").

One step for rules and model: every rule asks ``is_stated`` of its trigger, and the relation model drops a candidate
whose path turns at, or runs through a trigger at, a token that is not stated (``features_en``: ``not_stated``).
"""

from __future__ import annotations

from spacy.tokens import Token

from mcfwatch.extract.en.lexicon import (
    BLOCKING_NOUNS,
    BLOCKING_VERBS,
    CALLED_OFF_ADJECTIVES,
    CALLING_OFF_VERBS,
    CONDITIONAL_MARKS,
    FAILING_PARTICLES,
    FAILING_VERBS,
    MODAL_AUX,
    NEGATIONS,
    PENDING_NOUNS,
    UNDONE_ADJECTIVES,
    VETO_VERBS,
)

TOPIC_VERBS = {"discuss", "consider", "explore", "negotiate"}  # block their topic, not their adverbial clauses
# what talks are about ("talks on an agreement", "talks to buy X"), not who holds them ("talks with X, chief
# executive of Y")
TOPIC_PREPS = {"on", "about", "over", "for", "regarding", "concerning"}
_CLAUSE_UP = {"xcomp", "conj", "pcomp", "advcl", "ccomp", "acl", "relcl", "dobj", "pobj", "prep", "nsubj",
              "nsubjpass", "attr", "appos", "compound", "amod", "acomp", "oprd", "agent"}


def _own_block(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in {"advmod", "det"} and c.lower_ in NEGATIONS):
            return True
        if c.dep_ in {"aux", "auxpass"} and c.lower_ in MODAL_AUX:
            return True
        if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
            return True
    return False


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATIONS) for c in tok.children)


def _future_be(tok: Token) -> bool:
    """"is to visit", "was going to sign"."""
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ == "to":
            head = tok.head
            if head.lemma_ in {"be", "go"} and tok.dep_ == "xcomp":
                return True
    return False


# a charge or an allegation settled, admitted or pleaded to is a fact (docs/annotation.md 4.11: "convictions, guilty
# pleas, settlements and findings by the authority count")
SETTLING_VERBS = {"settle", "admit", "plead", "resolve", "confirm", "uphold", "substantiate", "acknowledge", "prove"}


# "agreed to pay a civil penalty for 37 shipments of analyzers to X", "a fine for exporting": what a penalty or a
# fine is paid for is settled (a fact), whatever governs the paying
PENALTY_NOUNS = {"penalty", "fine", "forfeiture"}


def _penalty(tok: Token) -> bool:
    """A penalty or a fine, or paying one ("paid a penalty of $2m for ...": the parse hangs "for" on the verb)."""
    return tok.lemma_.lower() in PENALTY_NOUNS or tok.lemma_.lower() == "pay" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in PENALTY_NOUNS for c in tok.children)


def _settled(noun: Token) -> bool:
    """"settled charges that it supplied ...", "pleaded guilty to charges that he shipped ..."."""
    gov = noun.head.head if noun.dep_ == "pobj" else noun.head
    if gov.lower_ == "guilty":  # "pleaded guilty to charges that"
        gov = gov.head
    return noun.dep_ in {"dobj", "pobj", "nsubjpass"} and gov.lemma_.lower() in SETTLING_VERBS and not _own_block(gov)


def _named(noun: Token) -> bool:
    """The noun ends a name ("the Thousand Talents Plan, run by X", "the Sichuan Tianfu Talent Plan, which is
    administered by X"): a capitalised proper noun after capitalised words of the name, not a plan or an order
    spoken of ("plans to visit", "the Plan")."""
    return noun.pos_ == "PROPN" and noun.is_title and any(
        c.dep_ in {"compound", "amod", "nmod"} and c.i < noun.i and c.text[:1].isupper() for c in noun.children)


def _pending(tok: Token) -> bool:
    """A deal or talks not yet done: "acquisition", "bid", "approval", "talks"."""
    return tok.pos_ in {"NOUN", "PROPN"} and (tok.lower_ in PENDING_NOUNS or tok.lemma_.lower() in PENDING_NOUNS)


def _undone(noun: Token) -> bool:
    """"the vetoed takeover", "a failed bid", "the proposed venture", "the abandoned acquisition"."""
    if not noun.n_lefts or noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    for c in noun.lefts:
        word = c.lower_
        if (word in UNDONE_ADJECTIVES or word in CALLED_OFF_ADJECTIVES and _pending(noun)) and \
                c.dep_ in {"amod", "compound"}:
            return True
    return False


def _failed(verb: Token) -> bool:
    """"collapsed", "fell through", "broke down", "was called off"."""
    lemma = verb.lemma_.lower()
    if lemma in FAILING_VERBS:
        return True
    return any(c.dep_ == "prt" and (lemma, c.lower_) in FAILING_PARTICLES for c in verb.children)


def _stopped(dep: Token, head: Token) -> bool:
    """``dep`` under ``head`` names an act stopped before it happened: vetoed ("vetoed the takeover", "blocked Y from
    acquiring X", "the acquisition was rejected"), a pending deal called off ("withdrew its approval for", "the bid
    was abandoned") or failed ("the takeover collapsed", "talks broke down")."""
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    role = dep.dep_
    lemma = head.lemma_.lower()
    if lemma in VETO_VERBS:
        return role in {"dobj", "nsubjpass", "pcomp", "xcomp"} or role == "prep" and dep.lower_ == "from"
    if role not in {"dobj", "nsubjpass", "nsubj"} or not _pending(dep):
        return False
    if lemma in CALLING_OFF_VERBS or lemma == "call" and _failed(head):
        return role != "nsubj"
    if dep.tag_ == "NNS" and dep.lower_ not in _PLURAL_PENDING:
        return False  # "Sales of gyroscopes to Huawei collapsed": trade that took place, then shrank
    return role != "dobj" and _failed(head)


# plural nouns whose failing verb stops a deal ("talks collapsed", "the negotiations stalled"); "sales", "purchases",
# "exports" that sink or collapse took place
_PLURAL_PENDING = {"talks", "negotiations", "deals", "bids", "takeovers", "acquisitions", "mergers"}


def undone(noun: Token) -> bool:
    """The act ``noun`` names was told undone by a word of its own ("the vetoed takeover", "the failed bid")."""
    return _undone(noun)


def stopped(tok: Token) -> bool:
    """The act ``tok`` names, or the one it belongs to, was stopped before it happened ("vetoed the takeover", "the
    takeover collapsed", "the failed bid"; ``vetoes`` reads it on the path between two parties)."""
    return _undone(tok) or tok.head.i != tok.i and _stopped(tok, tok.head)


def is_stated(trigger: Token) -> bool:
    """True when the trigger reports something that happened (or holds), as the text states it."""
    if _own_block(trigger) or _future_be(trigger) or _undone(trigger):
        return False
    tok = trigger
    steps = 0
    while tok.dep_ != "ROOT" and steps < 12:
        dep = tok.dep_
        head = tok.head
        steps += 1
        if dep not in _CLAUSE_UP:
            break
        lemma = head.lemma_.lower()
        if _stopped(tok, head) or _undone(head) or head.lower_ == "talks" and head.pos_ == "NOUN" and (
                dep == "acl" or dep == "prep" and tok.lower_ in TOPIC_PREPS):
            return False  # "vetoed the takeover of X by Y", "the failed bid for X", "talks on an agreement"
        if dep in {"pcomp", "pobj"} and head.lower_ == "for" and _penalty(head.head):
            return not _own_block(head.head)
        blocking = head.pos_ in {"VERB", "AUX"} and lemma in BLOCKING_VERBS
        if blocking and dep in {"xcomp", "ccomp", "pcomp", "dobj", "prep"}:
            return False
        if blocking and dep == "advcl" and lemma not in TOPIC_VERBS:
            return False  # "discussed X, following up on the discussion between A and B": a circumstance
        if head.pos_ in {"NOUN", "PROPN"} and lemma in BLOCKING_NOUNS and not _settled(head) and not _named(head):
            return False
        if dep == "conj":
            # "did not sign X and Y": negation on the first conjunct carries over only for nouns
            if head.pos_ in {"NOUN", "PROPN"} and _own_block(head):
                return False
        elif _own_block(head) and head.pos_ in {"VERB", "AUX"} and dep in {"xcomp", "dobj", "prep", "pcomp"}:
            return False
        elif dep == "ccomp" and head.pos_ == "VERB" and _negated(head):
            return False  # "did not find that X received money from Y", "never said that X visited"
        elif dep in {"acl", "ccomp"} and head.pos_ == "NOUN" and _own_block(head):
            return False  # "no evidence that X supplies the PLA"
        if dep in {"ccomp", "advcl", "relcl", "acl"} and head.pos_ in {"VERB", "AUX"} and lemma not in BLOCKING_VERBS:
            break  # a new clause under a reporting or other verb: its own modality was checked above
        if dep == "relcl":
            break  # "failing to report the income he'd received": a relative clause states its own fact
        tok = head
    return True
