"""Agreements told by who signed, won or entered into them (docs/annotation.md 4.3), besides "signed an agreement
with X" (``nouns.py``) and "A and B signed a memorandum" (``verbs.py``):

- coordinated parties of a verb that makes an agreement: "[A] and [B] entered into a five-year supply agreement",
  "[A] and [B] reached / struck / finalised a deal", "the two firms formed a joint venture";
- a contract or an order won from someone: "[X] won a contract from [Y]", "[X] secured an order from [Y]", "won a
  tender of [Y]" -> agreement/contract X - Y;
- a contract to do something for someone: "[X] signed a contract to supply laser modules to [Y]", "won a contract
  to build a plant for [Y]" -> agreement/contract X - Y;
- a firm named by its tie to another: "[X]'s European distributor, [Y]", "its Shanghai agent, [Y]", "[Y], [X]'s
  licensee", "its Chinese partner [Y]" -> agreement X - Y (a distribution or licence contract; a partner's
  cooperation);
- a licence told by the verb: "[X] licensed four patents to [Y]", "[Y] licensed detector designs from [X]" ->
  agreement/contract X - Y (docs/annotation.md 4.11: a licence is a contract; across a border an export as well,
  which needs the parties' countries: left to the model).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.lexicon import NOUN_TRIGGERS
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.nouns import agreement_kind
from mcfwatch.extract.en.relations_util import _children, _conf, pairs, prep_objects

Subjects = Callable[[Token], tuple[list[Arg], bool]]

# verbs whose coordinated subjects are the parties of the agreement they make (sign/conclude/ink: verbs.py)
MAKING_VERBS = {"enter", "reach", "strike", "form", "finalize", "finalise"}
# verbs by which a contract or an order is won from the one who gives it
WINNING_VERBS = {"win", "secure", "land", "receive", "obtain", "get", "bag", "clinch"}
WON = {"contract", "order", "tender", "deal", "bid", "concession"}
# what a contract is for: "a contract to supply / build / deliver ... to / for Y"
FOR_VERBS = {"supply", "sell", "deliver", "provide", "build", "construct", "install", "make", "manufacture",
             "design", "develop", "produce", "ship", "export", "upgrade", "maintain", "operate", "repair"}
PARTIES = ORGS | {"Person", "Place"}
SIGNING = {"sign", "conclude", "ink", "win", "secure", "land", "award", "get", "obtain", "receive", "bag", "clinch",
           "enter", "reach", "strike", "finalize", "finalise"}


def _agreement_nouns(verb: Token) -> list[Token]:
    """The agreement nouns a verb makes: its object, or "into" an agreement."""
    nouns = _children(verb, {"dobj"}) + prep_objects(verb, {"into"})
    return [n for n in nouns if NOUN_TRIGGERS.get(n.lemma_.lower()) == "agreement" or n.lemma_.lower() in WON]


def _receivers(act: Token) -> list[Token]:
    """Whom an act is done for: "to / for Y", also as the parse's dative ("to sell pigs to Y", "sell Y pigs")."""
    datives = _children(act, {"dative"})
    return prep_objects(act, {"to", "for"}) + [d for d in datives if d.pos_ != "ADP"] + \
        [p for d in datives if d.pos_ == "ADP" for p in _children(d, {"pobj"})]


def _found(parties: list[Arg], others: list[Arg], noun: Token, trigger: int, kind: str | None = None) -> list[Found]:
    subtype, subject = agreement_kind(noun)
    out = pairs("agreement", parties, others, trigger)
    for f in out:
        f.subtype, f.subject = kind or subtype, subject
    return out


def made_together(r: Resolver, verb: Token, subjects: Subjects) -> list[Found]:
    """"A and B entered into a supply agreement", "the two firms formed a joint venture" (no partner named)."""
    nouns = [n for n in _agreement_nouns(verb) if NOUN_TRIGGERS.get(n.lemma_.lower()) == "agreement"]
    if not nouns or prep_objects(verb, {"with", "between"}) or prep_objects(nouns[0], {"with", "between", "among"}):
        return []
    subj, passive = subjects(verb)
    subj = [a for a in subj if r.table.types.get(a.entity) in PARTIES]
    if passive or len(subj) < 2:
        return []
    # every pair of the parties: "A, B and C entered into a consortium agreement"
    return [f for i, a in enumerate(subj) for f in _found([a], subj[i + 1:], nouns[0], verb.i)]


def contract_won(r: Resolver, verb: Token, subjects: Subjects) -> list[Found]:
    """"X won a contract from Y", "secured an order from Y", "won a tender of Y's" -> agreement/contract X - Y."""
    # "received an order from the ministry to halt exports" is a directive, no contract
    nouns = [n for n in _children(verb, {"dobj"}) if n.lemma_.lower() in WON
             and not any(c.dep_ in {"acl", "relcl"} and c.tag_ == "VB" for c in n.children)]
    if not nouns:
        return []
    froms = prep_objects(verb, {"from"}) + prep_objects(nouns[0], {"from", "of"})
    givers = r.typed(froms, PARTIES - {"Place"}) or \
        r.typed([c for f in froms for c in _children(f, {"poss"})], PARTIES - {"Place"})  # "Y's equipment department"
    if not givers:
        return []
    subj, passive = subjects(verb)
    return [] if passive else _found(subj, givers, nouns[0], verb.i, "contract")


def contract_for(r: Resolver, verb: Token, subjects: Subjects) -> list[Found]:
    """"X signed a contract to supply laser modules to Y", "won a contract to build a plant for Y" -> agreement
    X - Y (the contract's other party: whom it is to be done for, when no "with" names one)."""
    out: list[Found] = []
    for noun in _agreement_nouns(verb):
        if prep_objects(noun, {"with", "between"}) or prep_objects(verb, {"with", "between"}):
            continue
        acts = [c for c in noun.children if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in FOR_VERBS and
                any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        acts += [c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in FOR_VERBS and
                 any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]  # parsed on the verb
        others = r.typed([p for a in acts for p in _receivers(a)], ORGS | {"Person"})
        if not others:
            continue
        subj, passive = subjects(verb)
        if not passive:
            out += _found([a for a in subj if r.table.types.get(a.entity) in PARTIES], others, noun, verb.i,
                          "contract" if noun.lemma_.lower() in WON else None)
    return out


# a firm's tie to another, told by the noun for it with the other as possessor: "X's distributor, Y"
TIE_NOUNS = {"distributor", "reseller", "dealer", "licensee", "agent", "partner"}


def tied_by_role(r: Resolver, noun: Token) -> list[Found]:
    """"[X]'s European distributor, [Y]", "its Shenzhen distributor, [Y]", "[Y], [X]'s licensee", "its Chinese
    partner [Y]" -> agreement X - Y: both organisations, the noun no part of a name."""
    if r.table.entity_of(noun) is not None or not is_stated(noun):
        return []
    owners = [a for c in _children(noun, {"poss"}) for a in r.entities(c) if r.table.types.get(a.entity) in ORGS]
    if not owners:
        return []
    toks = _children(noun, {"appos"})
    if noun.dep_ == "appos" or noun.dep_ == "compound" and r.table.entity_of(noun.head) is not None:
        toks.append(noun.head)  # "Y, X's licensee", "its Chinese partner Qingdao Helicopter Industry Company"
    others = [a for t in toks for a in r.entities(t) if r.table.types.get(a.entity) in ORGS]
    kind = "cooperation" if noun.lemma_.lower() == "partner" else "contract"
    return [Found("agreement", o.entity, y.entity, noun.i, _conf(o, y), kind) for o in owners for y in others
            if o.entity != y.entity]


# verbs of licensing: the licensor licenses something "to" the licensee, the licensee "from" the licensor
LICENSING = {"license", "licence", "sublicense", "sublicence", "cross-license"}


def licensed(r: Resolver, verb: Token, subjects: Subjects) -> list[Found]:
    """"[X] licensed four patents on lidar to [Y]", "[Y] licensed detector designs from [X] in 2019" -> agreement/
    contract between them: an active verb with what was licensed as its object (not "licensed to manufacture")."""
    if not _children(verb, {"dobj"}):
        return []
    subj, passive = subjects(verb)
    if passive:
        return []
    others = r.typed(prep_objects(verb, {"to", "from"}) + [t for d in _children(verb, {"dobj"})
                                                            for t in prep_objects(d, {"to", "from"})], ORGS)
    return [Found("agreement", a.entity, b.entity, verb.i, _conf(a, b), "contract")
            for a in subj if r.table.types.get(a.entity) in ORGS for b in others if a.entity != b.entity]
