"""Exports told as a noun, and agents who buy for someone else (docs/annotation.md 4.11 export, 4.4 facilitation).

- "the sale of [X]'s engines to [Y]", "shipments by [X] to [Y]", "the 2018 shipment of cameras from [X] to [Y]",
  "the delivery of 12 drones by [X] to [Y]", "[X]'s exports to [Y]" -> export X -> Y; with no seller in the noun
  phrase, the subject of a verb that makes the act happen: "[X] caused / arranged / handled the export of ... to [Y]"
  ("approved the sale" is a licence, not a sale: no such verb). A noun phrase naming a company or a stake as what is
  sold ("the sale of the firm to Y") is ownership, not export; "the proposed sale" is a plan (modality).
- "[X] acted as a front / a middleman / an agent / a go-between for [Y]" -> facilitation X -> Y (the guide's
  "helped the target obtain");
- "[X] bought / procured / acquired U.S.-origin items for [Y]", "obtained them on behalf of [Y]" -> export X -> Y:
  the agent obtains the goods for the end user and passes them on (corpus/extra en-x-0151, en-x-0152).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.flows import NOT_GOODS
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.lexicon import PUNISHING
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.relations_util import _children, pairs, prep_objects

Subjects = Callable[[Token], tuple[list[Arg], bool]]

EXPORT_NOUNS = {"export", "re-export", "reexport", "sale", "shipment", "delivery", "transfer", "resale",
                "consignment", "transshipment", "diversion"}
# verbs whose subject makes the sale or shipment happen ("caused the export of", "arranged their shipment to")
CAUSE_VERBS = {"cause", "arrange", "handle", "make", "complete", "conduct", "execute", "undertake", "organise",
               "organize", "finalise", "finalize", "effect", "carry"}
# "paid a penalty for 37 shipments", "was fined for shipments to Y": the one who pays shipped
PUNISH_VERBS = (PUNISHING - {"sanction"}) | {"pay"}
# adjectives that make the act a plan, a possibility or an allegation
HEDGES = {"proposed", "planned", "potential", "possible", "pending", "future", "attempted", "alleged", "prospective",
          "intended", "suspected", "hypothetical", "unsuccessful"}
SELLERS = ORGS | {"Person", "Place"}
RECIPIENTS = ORGS | {"Person", "Place"}
# "acted as a front for Y": what the agent was
AGENT_NOUNS = {"front", "middleman", "intermediary", "go-between", "conduit", "agent", "proxy", "cutout",
               "cut-out", "broker"}
AGENT_VERBS = {"act", "serve", "operate", "work", "function"}
PROCURE_VERBS = {"buy", "procure", "purchase", "acquire", "source", "obtain"}


class TradeRules:
    """The noun exports and procurement agents of one sentence (``run``)."""

    def __init__(self, resolver: Resolver, subjects: Subjects) -> None:
        self.r = resolver
        self.subjects = subjects

    def _export_noun(self, tok: Token) -> list[Found]:
        """"the sale of X's engines to Y", "shipments by X to Y", "X caused the export of carbon fibre to Y"."""
        if any(c.dep_ == "amod" and c.lower_ in HEDGES for c in tok.children) or not is_stated(tok):
            return []
        items = prep_objects(tok, {"of"})
        if any(i.lemma_.lower() in NOT_GOODS or self.r.table.types.get(self.r.table.entity_of(i) or "") in ORGS
               for i in items):
            return []  # "the sale of the company to Y": ownership
        gov = tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in CAUSE_VERBS:
            gov = tok.head.head  # "arranged for the export of the amplifiers to Y"
        # the parse hangs "from X to Y" on the noun, on what is sold, or on the verb the noun is the object of
        frame = [tok] + items + ([gov] if gov is not None else [])
        froms = [p for f in frame for p in prep_objects(f, {"from", "by"})]
        ends = frame + froms + [a for p in froms for a in _children(p, {"appos"})]
        tos = [c for f in ends for c in f.children if c.dep_ == "prep" and c.lower_ == "to"]
        tos += [c for t in tos for c in t.children if c.dep_ == "conj" and c.lower_ == "to"]  # "to A and to B"
        recipients = self.r.typed([p for t in tos for p in _children(t, {"pobj"})], RECIPIENTS)
        if not recipients:
            return []
        sellers = self.r.typed([p for f in frame for p in prep_objects(f, {"by"})], SELLERS)
        sellers += self.r.typed([p for f in frame for p in prep_objects(f, {"from"})], SELLERS - {"Place"})  # a route
        sellers += self.r.typed(_children(tok, {"poss"}), SELLERS)  # "Kessler's exports to Iran", "its sales to X"
        sellers += [a for i in items for c in _children(i, {"poss"}) for a in self.r.typed([c], {"Company"})]
        if not sellers and gov is not None and gov.lemma_.lower() in CAUSE_VERBS and is_stated(gov):
            subj, passive = self.subjects(gov)
            sellers = [] if passive else [a for a in subj if self.r.table.types.get(a.entity) in SELLERS]
        if not sellers and tok.dep_ == "pobj" and tok.head.lower_ == "for" and \
                tok.head.head.lemma_.lower() in PUNISH_VERBS:  # "agreed to pay a penalty for 37 shipments to Y"
            verb = tok.head.head
            subj, passive = self.subjects(verb)
            subj = self.r.typed(_children(verb, {"nsubjpass"}), SELLERS) if passive else subj
            sellers = [a for a in subj if self.r.table.types.get(a.entity) in SELLERS]
        return pairs("export", sellers, recipients, tok.i)

    def _agent(self, tok: Token) -> list[Found]:
        """"X acted as a front / a middleman for Y" -> facilitation X -> Y."""
        noun = tok.head if tok.dep_ in {"amod", "compound"} else tok  # "acted as a procurement front for Y"
        if noun.dep_ != "pobj" or noun.head.lower_ != "as" or noun.head.head.lemma_.lower() not in AGENT_VERBS:
            return []
        verb = noun.head.head
        if not is_stated(verb):
            return []
        helped = self.r.typed(prep_objects(tok, {"for"}) + prep_objects(noun, {"for"}) + prep_objects(verb, {"for"}),
                              ORGS | {"Person"})
        agents = [a for a in self.subjects(verb)[0] if self.r.table.types.get(a.entity) in ORGS | {"Person"}]
        return pairs("facilitation", agents, helped, tok.i)

    def _procured_for(self, tok: Token) -> list[Found]:
        """"X, a Hong Kong front company that bought U.S.-origin microelectronics for Y" -> export X -> Y (an item
        bought, not a firm or a stake: buying a company for someone is not procurement)."""
        items = _children(tok, {"dobj"})
        if not items or items[0].lemma_.lower() in NOT_GOODS or self.r.table.entity_of(items[0]) is not None:
            return []
        behalf = [p for b in prep_objects(tok, {"on"}) if b.lower_ == "behalf" for p in prep_objects(b, {"of"})]
        helped = self.r.typed(prep_objects(tok, {"for"}) + prep_objects(items[0], {"for"}) + behalf, ORGS)
        if not helped or not is_stated(tok):
            return []
        subj, passive = self.subjects(tok)
        if not subj and tok.dep_ == "relcl" and tok.head.dep_ == "appos":  # "X, a front company that bought ..."
            subj = self.r.entities(tok.head.head)
        agents = [] if passive else [a for a in subj if self.r.table.types.get(a.entity) in ORGS | {"Person"}]
        return pairs("export", agents, helped, tok.i)

    def run(self, sent: Span, toks: list[Token], lemmas: list[str]) -> list[Found]:
        """The exports and agents a sentence tells (``lemmas``: its tokens' lower-case lemmas)."""
        out: list[Found] = []
        for tok, lemma in zip(toks, lemmas, strict=True):
            if tok.pos_ == "NOUN" and lemma in EXPORT_NOUNS:
                out += self._export_noun(tok)
            elif tok.pos_ in {"NOUN", "ADJ"} and lemma in AGENT_NOUNS:
                out += self._agent(tok)
            elif tok.pos_ == "VERB" and lemma in PROCURE_VERBS:
                out += self._procured_for(tok)
        return out
