"""Funding told by money given (docs/annotation.md 4.13: "gave", "granted", "put capital into"), besides the verbs
"fund", "finance", "pay" (relations.py) and money received or put in (flows.py):

- "[X] gave / granted / awarded / donated £3 million to [Y]", "[X] granted [Y] £3 million", "[X] awarded [Y] a grant";
- "[Y] was awarded / granted / given a grant (of £2m) by [X]", "a £3m grant was given to [Y] by [X]";
- "[Y] built the lab with money / funding / a grant from [X]", "[Y], with money from [X], ...";
- "[Y], which is backed by [X]" (a fund, a firm backed by a government or a group), "[Y] was endowed with $1.5m
  by [X]", "[Y] is backed by a $12 million grant from [X]";
- money "from [X]" named with what it went to: "Seed money for the centre came from [X]", "A gift from [X] covered
  the institute's upgrade", "a $4 million contribution from [X] to [Y]".
The money must be named (an amount, a grant, funding ...): "gave Y access" is no funding.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.flows import CURRENCY_WORDS, FUNDING_NOUNS, RECEIVE_VERBS
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.relations_util import _children, pairs, prep_objects

Subjects = Callable[[Token], tuple[list[Arg], bool]]

GIVE_VERBS = {"give", "grant", "award", "donate", "pay", "provide", "contribute", "allocate", "lend", "loan", "channel",
              "funnel", "pour", "inject", "transfer", "disburse", "offer", "extend", "commit"}
# what a firm is paid that is funding, not the price of goods or a service ("paid Meridian a success fee": no)
PAID_AS_FUNDING = {"grant", "subsidy", "stipend", "salary", "honorarium", "commission", "scholarship", "fellowship",
                   "sponsorship", "endowment", "donation", "bonus", "allowance", "funding"}
FUNDERS = ORGS | {"Person", "Place", "Program"}
# passives whose agent funds the subject: "backed / endowed / underwritten / bankrolled by X"
BACKING_VERBS = {"back", "endow", "underwrite", "bankroll", "finance", "fund"}
# what money pays for: "A gift from X covered the institute's wind-tunnel upgrade"
COVER_VERBS = {"cover", "pay", "fund", "finance", "buy", "support", "bankroll", "underwrite"}
RECIPIENTS = ORGS | {"Person", "Program", "Event"}
_MONEY_WITH = {"money", "funding", "fund", "grant", "grants", "financing", "support", "backing", "investment",
               "loan", "subsidy", "donation", "capital", "sponsorship", "contribution", "endowment", "gift"}


def is_money(tok: Token) -> bool:
    """The phrase's head is money: an amount ("£3 million", "$500,000") or a grant, funding, a donation and the like
    (not "equipment worth $1m": the head is the equipment)."""
    return tok.lemma_.lower() in FUNDING_NOUNS | CURRENCY_WORDS or tok.is_currency or tok.ent_type_ == "MONEY" \
        or any(c.is_currency for c in tok.children)


class MoneyRules:
    """The money-given rules of one sentence (``run``)."""

    def __init__(self, resolver: Resolver, subjects: Subjects) -> None:
        self.r = resolver
        self.subjects = subjects

    def _typed(self, toks: list[Token], types: set[str]) -> list[Arg]:
        return self.r.typed(toks, types)

    def _pairs(self, funders: list[Arg], recipients: list[Arg], trigger: int) -> list[Found]:
        return pairs("funding", funders, recipients, trigger)

    def _person(self, tok: Token) -> bool:
        """The phrase stands for people only (a name, or a pronoun or title resolved to one)."""
        found = self.r.entities(tok, want=frozenset({"Person"}))
        return bool(found) and all(self.r.table.types.get(a.entity) == "Person" for a in found)

    def _given(self, tok: Token) -> list[Found]:
        """"X gave £3m to Y", "X granted Y £3m", "Y was awarded a grant by X"."""
        objs = _children(tok, {"dobj"})
        objs += [o for d in _children(tok, {"dative"}) for o in _children(d, {"dobj"})]  # "paid X a fee": misparsed
        patients = _children(tok, {"nsubjpass"})
        money = [o for o in objs + patients if is_money(o)]
        if not money or not is_stated(tok):
            return []
        subj, passive = self.subjects(tok)
        to = prep_objects(tok, {"to"}) + [p for m in money for p in prep_objects(m, {"to", "for"})]
        datives = [d for d in _children(tok, {"dative"}) if d.pos_ != "ADP"]
        datives += [p for d in _children(tok, {"dative"}) if d.pos_ == "ADP" for p in _children(d, {"pobj"})]
        if tok.lemma_.lower() == "pay" and not any(m.lemma_.lower() in PAID_AS_FUNDING for m in money):
            datives = [d for d in datives if self._person(d)]  # (a person paid: "paid him $3,000")
            to = [t for t in to if self._person(t)]
        if passive:  # "Y was awarded a grant by X": the recipient is the passive subject unless it is the money
            funders = self._typed([p for a in _children(tok, {"agent"}) for p in _children(a, {"pobj"})], FUNDERS)
            recipients = self._typed([p for p in patients if not is_money(p)] + to + datives, RECIPIENTS)
        else:
            funders = [a for a in subj if self.r.table.types.get(a.entity) in FUNDERS]
            recipients = self._typed(to + datives + [o for o in objs if not is_money(o)], RECIPIENTS)
        return self._pairs(funders, recipients, tok.i)

    def _with_money(self, tok: Token) -> list[Found]:
        """"with money / funding from X": X funds the subject of the verb (or its passive subject)."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in {"with", "through", "using", "thanks"}:
            return []
        gov = tok.head.head
        froms = prep_objects(tok, {"from", "by"}) or [  # "with money from X" with "from" hung on the verb
            p for p in prep_objects(gov, {"from"}) if p.i == tok.i + 2]
        funders = self._typed(froms, FUNDERS)
        if not funders:
            return []
        if gov.pos_ not in {"VERB", "AUX"} or not is_stated(gov):
            return []
        # what was built, run or founded with the money, when it is named ("ran the Summer Camp with support from X")
        made = _children(gov, {"dobj", "nsubjpass"}) + ([gov.head] if gov.dep_ in {"relcl", "acl"} else [])
        recipients = [a for t in made for e in [self.r.table.entity_of(t)] if e is not None
                      for a in [Arg(e, "direct", t.i)] if self.r.table.types.get(e) in RECIPIENTS]
        if not recipients:
            subj, passive = self.subjects(gov)
            if passive:
                subj = self._typed(_children(gov, {"nsubjpass"}), RECIPIENTS)
            recipients = [a for a in subj if self.r.table.types.get(a.entity) in RECIPIENTS]
        return self._pairs(funders, recipients, tok.i)

    def _backed(self, tok: Token) -> list[Found]:
        """"[Y], which is backed by [X]", "[Y] is backed by the municipal government", "Y was endowed with $1.5m by
        X", "Y is backed by a $12 million grant from X" -> funding X -> Y."""
        agents = [p for a in _children(tok, {"agent"}) for p in _children(a, {"pobj"})]
        funders = self._typed([a for a in agents if not is_money(a)] + [p for m in agents if is_money(m)
                                                                        for p in self._givers(m)], FUNDERS)
        if not funders or not is_stated(tok):
            return []
        backed = _children(tok, {"nsubjpass"})
        if tok.dep_ in {"acl", "relcl"}:
            backed = [tok.head] if tok.dep_ == "acl" or not backed or backed[0].lower_ in {"which", "that"} else backed
        if not backed and tok.dep_ == "conj":  # "The Centre, opened in January, is backed by ..."
            backed = _children(tok.head, {"nsubj", "nsubjpass"})
        recipients = self._typed(backed, ORGS | {"Program"})
        return self._pairs(funders, recipients, tok.i)

    def _givers(self, money: Token) -> list[Token]:
        """Who the money is from: "a grant from X", "funding from X's Growth Deal" (the possessor when the thing
        named is no party)."""
        froms = prep_objects(money, {"from"})
        if not froms and money.dep_ == "nsubj" and money.head.lemma_.lower() == "come":
            froms = prep_objects(money.head, {"from"})  # "Seed money for the centre came from X"
        return froms + [c for f in froms if self.r.table.entity_of(f) is None for c in _children(f, {"poss"})]

    def _owners(self, toks: list[Token]) -> list[Token]:
        """What the money went to: a named party, else the possessor of the thing ("for the centre's projects")."""
        return [o for t in toks for o in ([t] if self.r.table.entity_of(t) is not None else
                                          _children(t, {"poss"}) or [t])]

    def _money_from(self, tok: Token) -> list[Found]:
        """"Seed money for the centre's projects came from X", "A gift from X covered the institute's upgrade",
        "Y is backed by a grant from X" -> funding X -> the party the money went to."""
        verb = tok.head
        if tok.dep_ == "pobj" and verb.lower_ in {"with", "through", "using", "thanks"} or \
                tok.dep_ == "dobj" and verb.lemma_.lower() in RECEIVE_VERBS:
            return []  # told by _with_money and flows.received_money
        funders = self._typed(self._givers(tok), FUNDERS)
        if not funders or not is_stated(tok):
            return []
        recipients = self._typed(self._owners(prep_objects(tok, {"for", "to"})), RECIPIENTS)
        if not recipients and tok.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_.lower() in COVER_VERBS:
            objs = _children(verb, {"dobj"}) + prep_objects(verb, {"for"})  # "covered the institute's upgrade"
            recipients = self._typed(self._owners(objs), RECIPIENTS)
        return self._pairs(funders, recipients, tok.i)

    def run(self, sent: Span, toks: list[Token], lemmas: list[str]) -> list[Found]:
        """The funding a sentence tells by money given (``lemmas``: its tokens' lower-case lemmas)."""
        out: list[Found] = []
        for tok, lemma in zip(toks, lemmas, strict=True):
            if tok.pos_ == "VERB" and lemma in GIVE_VERBS:
                out += self._given(tok)
            elif tok.pos_ == "VERB" and lemma in BACKING_VERBS and _children(tok, {"agent"}):
                out += self._backed(tok)
            elif tok.pos_ == "NOUN" and lemma in _MONEY_WITH | FUNDING_NOUNS:
                out += self._with_money(tok)
            if tok.pos_ in {"NOUN", "PROPN", "NUM", "SYM"} and (lemma in FUNDING_NOUNS or is_money(tok)) and \
                    lemma not in {"support", "backing"}:
                out += self._money_from(tok)
        return out
