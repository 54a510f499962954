"""Export told by a verb whose subject is the exporter: who receives the goods, who passed them on, and what
they were ("X sold sensors to Y", "shipped the parts to Y through a distributor, Z", "sent the institute 64 files").

The verbs are ``lexicon.VERB_TRIGGERS``' export verbs; the rest of the verb rule (the subject, modality) is
``verbs.VerbRules._verb``. Buying from a seller is ``flows.bought_from``; trade-control phrasings ``trade.py``.
"""

from __future__ import annotations

from spacy.tokens import Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.relations_util import _children, pairs, prep_objects
from mcfwatch.extract.en.slots import WANT

# who may be reached by an export verb's object far from the verb or its dative: not a military body (supplying
# the PLA is an mcf_link, mcflinks.py)
SURFACE_BUYERS = ORGS - {"MilitaryUnit"}
# export verbs that hand something "to" a party only ("passed the drawings to X", "carried it to China")
HANDED = {"pass", "carry", "hand", "email", "forward"}


def export_objects(r: Resolver, tok: Token, lemma: str) -> tuple[list[Arg], list[Found]]:
    """The receivers of an export verb ("to X", "through the distributor X", "sent the institute 64 files") and
    the exports the intermediaries made on to them ("sold X to Y through a distributor, Z": Z shipped it on to Y)."""
    ways = {"to"} if lemma in HANDED else {"to", "through", "via"}  # "passed through Hong Kong": no export
    objs = [a for t in prep_objects(tok, ways) + _children(tok, {"dative"})
            for a in r.entities(t, want=WANT["export"])]
    objs += [a for d in _children(tok, {"dative"}) if d.pos_ == "ADP" for t in _children(d, {"pobj"})
             for a in r.entities(t, want=WANT["export"])  # "sells sensors to X" (not to the PLA:
             if r.table.types.get(a.entity) in SURFACE_BUYERS]  # an mcf_link, mcflinks.py)
    objs = objs or to_after(r, tok)
    through = [a for t in prep_objects(tok, {"through", "via"}) for a in r.entities(t, want=WANT["export"])]
    ends = [o for o in objs if all(o.entity != m.entity for m in through)]
    middle = [m for m in through if r.table.types.get(m.entity) == "Company"]
    return objs, pairs("export", middle, ends, tok.i)


def to_after(r: Resolver, verb: Token) -> list[Arg]:
    """The party after "to" a few words on from an export verb, when the parse hangs it elsewhere ("has supplied
    brake parts to CRRC Zhuzhou Locomotive", parsed as an infinitive): no verb, clause mark or other "to" between;
    a firm or a body, not a military one (supplying the PLA is an mcf_link) nor a country (those the parse gets)."""
    doc = verb.doc
    for k in range(verb.i + 1, min(verb.i + 10, verb.sent.end - 1)):
        t = doc[k]
        if t.lower_ == "to":
            j = k + 1 + (doc[k + 1].lower_ == "the")
            eid = r.table.entity_of(doc[j]) if j < verb.sent.end else None
            if eid is not None and r.table.types.get(eid) in SURFACE_BUYERS and \
                    r.table.entity_of(doc[k - 1]) is None and \
                    not any(d.lemma_.lower() in {"percent", "stake", "share", "company"} for d in _children(verb, {"dobj"})):
                return [Arg(eid, "direct", j)]
            return []
        if t.pos_ in {"VERB", "AUX"} or t.text in {",", ";", ":", "(", "—"} or t.lower_ in {"which", "that", "who"}:
            return []
    return []


def item(tok: Token) -> str | None:
    """What was exported: the verb's direct object, up to eight words, without its prepositional phrases."""
    for d in _children(tok, {"dobj"}):
        words = [t for t in d.subtree if t.dep_ not in {"det", "punct"} and not (t.dep_ == "prep" or
                                                                                 t.head.dep_ == "prep")]
        if words:
            return " ".join(t.text for t in words[:8])
    return None
