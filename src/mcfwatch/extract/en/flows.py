"""Money and goods told from the receiving side, and organisers named beside the subject.

docs/annotation.md 4.13 (funding: "gave", "put capital into") and 4.11 (export, "read from the other side"):
- "[Westmere University] received £2.4 million from [Huawei]" -> funding Huawei -> Westmere (the object is
  money or a grant); "[Bangladesh] received two submarines from [China]" stays no funding.
- "[X] put €6 million into [Y]", "[X] invested €8 million in [Y]" -> funding X -> Y.
- "[Dongsheng] bought forging presses from [Hagemann]", "[Y] imports hops from [X]" -> export X -> Y (the
  thing bought is an item, not a company or a stake: buying a company is ownership).
- "[X] co-organised the workshop with [Y]", "which [X] hosts together with [Y]" -> Y organises it too.
"""

from __future__ import annotations

from spacy.tokens import Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.lexicon import PEOPLE_AND_MESSAGES
from mcfwatch.extract.en.relations_util import _children, pairs, prep_objects

# the object of "received ... from X" that makes it money given
FUNDING_NOUNS = {
    "grant", "funding", "fund", "subsidy", "loan", "investment", "donation", "award", "fee", "commission",
    "salary", "stipend", "money", "honorarium", "payment", "sum", "scholarship", "fellowship", "sponsorship",
    "capital", "financing", "backing", "bonus", "reward", "allowance", "contribution", "gift", "endowment",
}
CURRENCY_WORDS = {"yuan", "rmb", "euro", "euros", "dollar", "dollars", "pound", "pounds", "usd", "eur", "gbp",
                  "yen", "won", "francs", "kroner", "krona", "rupees", "million", "billion"}
RECEIVE_VERBS = {"receive", "accept", "obtain", "win", "get", "secure", "take"}
BUY_VERBS = {"buy", "purchase", "procure", "import", "order", "source", "acquire", "obtain"}
# people, groups and messages, not goods: "received 23 delegations from China", "sent eight researchers to Bergen"
NOT_ITEMS = PEOPLE_AND_MESSAGES
# what is bought when a company changes hands (ownership, not export)
NOT_GOODS = {"share", "stake", "percent", "%", "interest", "equity", "control", "company", "firm", "business",
                "subsidiary", "unit", "division", "majority", "minority", "holding", "asset"}


def is_money(tok: Token) -> bool:
    """The phrase names money: an amount in a currency, or a grant, loan, fee and the like."""
    if tok.lemma_.lower() in FUNDING_NOUNS:
        return True
    return any(t.is_currency or t.lower_ in CURRENCY_WORDS for t in tok.subtree)


def received_money(r: Resolver, tok: Token, subj: list[Arg]) -> list[Found]:
    """"X received £2.4 million / a grant from Y" -> funding Y -> X."""
    if not any(is_money(d) for d in _children(tok, {"dobj", "nsubjpass"})):
        return []
    funders = [a for t in prep_objects(tok, {"from"}) for a in r.entities(t)]
    return pairs("funding", [f for f in funders if r.table.types.get(f.entity) in ORGS | {"Person", "Place", "Program"}],
                 subj, tok.i)


def money_into(r: Resolver, tok: Token, subj: list[Arg], preps: set[str]) -> list[Found]:
    """"X put €6 million into Y", "X invested €8 million in Y" -> funding X -> Y."""
    recipients = [a for t in prep_objects(tok, preps) for a in r.entities(t)]
    return pairs("funding", subj, [y for y in recipients if r.table.types.get(y.entity) in ORGS | {"Person", "Program", "Event"}],
                 tok.i)


def _bought_goods(r: Resolver, item: Token) -> bool:
    """What was bought is goods: not a stake or money, nor a company (buying a company is ownership)."""
    if item.lemma_.lower() in NOT_GOODS or is_money(item):
        return False
    owned = r.table.entity_of(item)
    return owned is None or r.table.types.get(owned) not in ORGS


def bought_from(r: Resolver, tok: Token, subj: list[Arg]) -> list[Found]:
    """"Y bought forging presses from X", "Y imports hops from X" -> export X -> Y (an item, not a firm)."""
    items = _children(tok, {"dobj"})
    if not items:  # "bought forging presses from X": "forging" read as a verb holding the rest
        tok = next((x for x in _children(tok, {"xcomp"}) if _children(x, {"dobj"})), tok)
        items = _children(tok, {"dobj"})
    if not items:
        return []
    item = items[0]
    if not _bought_goods(r, item):
        return []  # a stake, money, or a company (buying a company: ownership)
    sellers = [a for t in prep_objects(tok, {"from"}) for a in r.entities(t)]
    if not sellers:  # "bought 27 of NORINCO's rocket launchers", "bought the company's drones": the maker sold them
        goods = [item] + [p for p in prep_objects(item, {"of"})]
        sellers = [a for g in goods for c in g.children if c.dep_ == "poss" for a in r.entities(c)
                   if r.table.types.get(a.entity) == "Company"]
    return pairs("export", [x for x in sellers if r.table.types.get(x.entity) in ORGS | {"Person"}],  # not "Maryland"
                 subj, tok.i)  # ("from a Maryland firm")


def _sellers(r: Resolver, tok: Token, item: Token) -> list[Arg]:
    """Who sold the item: "from X" on the verb or the item, else the item's maker as its possessor ("X's drones")."""
    sellers = [a for t in prep_objects(tok, {"from"}) + prep_objects(item, {"from"}) for a in r.entities(t)]
    if not sellers:
        sellers = [a for c in item.children if c.dep_ == "poss" for a in r.entities(c)
                   if r.table.types.get(a.entity) == "Company"]
    return [x for x in sellers if r.table.types.get(x.entity) in ORGS | {"Person", "Place"}]


def _goods(r: Resolver, item: Token) -> bool:
    """The phrase names goods: a Technology, or a count of things ("two submarines", "40 engines"), not money,
    a stake or a firm."""
    if item.lemma_.lower() in NOT_GOODS | NOT_ITEMS or is_money(item):
        return False
    eid = r.table.entity_of(item)
    if eid is not None:
        return r.table.types.get(eid) == "Technology"
    return item.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in item.children)  # (not "AUD 400,000")


def received_goods(r: Resolver, tok: Token, subj: list[Arg]) -> list[Found]:
    """"[Bangladesh] received two submarines from [China]", "[Y] took delivery of six drones from [X]" -> export
    X -> Y (goods received from a seller, docs/annotation.md 4.11, read from the other side)."""
    objs = _children(tok, {"dobj"})
    if tok.lemma_.lower() == "take":  # "[Serbia] took delivery of six CH-92A drones from [CASC]"
        objs = [p for d in objs if d.lemma_.lower() in {"delivery", "receipt"} for p in prep_objects(d, {"of"})]
    items = [d for d in objs if _goods(r, d)]
    if not items:
        return []
    buyers = [y for y in subj if r.table.types.get(y.entity) in ORGS | {"Person", "Place"}]
    sellers = _sellers(r, items[0].head.head if items[0].dep_ == "pobj" else tok, items[0])  # (on "delivery")
    return pairs("export", sellers or _sellers(r, tok, items[0]), buyers, tok.i)


def bought_by(r: Resolver, tok: Token, buyers: list[Arg]) -> list[Found]:
    """Goods bought, told in the passive or as a participle: "[X]'s drones were imported by [Y]", "the scanners
    were bought by [Y] from [X]", "[Y] inducted drones bought from [X]" -> export X -> Y (``buyers``: the agents,
    or the subject of the verb whose object the goods are)."""
    if tok.dep_ == "acl":
        item = tok.head
    else:
        patients = _children(tok, {"nsubjpass"})
        if not patients:
            return []
        item = patients[0]
    if not _bought_goods(r, item):
        return []  # "the firm was bought by Y": ownership
    buyers = [y for y in buyers if r.table.types.get(y.entity) in ORGS | {"Person"} or
              r.table.types.get(y.entity) == "Place" and r.doc[y.token].dep_ not in {"compound", "amod", "nmod"}]
    return pairs("export", _sellers(r, tok, item), buyers, tok.i)  # ("a Hong Kong front company": not Hong Kong)


def co_organisers(r: Resolver, tok: Token) -> list[Arg]:
    """The organisations "with" which the subject organised or hosted something ("together with Y", "organised by
    X with Y")."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "advmod" and c.lower_ in {"together", "jointly"}]
    # "organised by X with Y": the parse hangs "with Y" on the agent
    heads += [p for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return [a for h in heads for t in prep_objects(h, {"with"}) for a in r.entities(t)
            if r.table.types.get(a.entity) in ORGS]
