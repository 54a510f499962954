"""Export told by a verb whose subject is the exporter: who receives the goods, who passed them on, and what
they were ("X sold sensors to Y", "shipped the parts to Y through a distributor, Z", "sent the institute 64 files").

The verbs are ``lexicon.VERB_TRIGGERS``' export verbs; the rest of the verb rule (the subject, modality) is
``verbs.VerbRules._verb``. Buying from a seller is ``flows.bought_from``; trade-control phrasings ``trade.py``.
"""

from __future__ import annotations

from spacy.tokens import Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.flows import CURRENCY_WORDS, FUNDING_NOUNS, NOT_GOODS, NOT_ITEMS
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.lexicon import PUNISHING
from mcfwatch.extract.en.relations_util import _children, pairs, prep_objects
from mcfwatch.extract.en.slots import WANT

# who may be reached by an export verb's object far from the verb or its dative: not a military body (supplying
# the PLA is an mcf_link, mcflinks.py)
SURFACE_BUYERS = ORGS - {"MilitaryUnit"}
# export verbs that hand something "to" a party only ("passed the drawings to X", "carried it to China")
HANDED = {"pass", "carry", "hand", "email", "forward"}
# verbs and adjectives under which "of / for / to exporting" names what the person was convicted of or pleaded to:
# "convicted X of exporting", "sentenced X for shipping", "pleaded guilty to exporting", "was found guilty of
# selling", "was fined for re-exporting" (the model's lemmatizer gives "fin" for fined / fines / fining), "BIS
# sanctioned X for shipping"; a charge is no export (docs/annotation.md 4.11, 5: modality blocks "charged with")
CONVICT_VERBS = PUNISHING | {"jail", "imprison", "find"}
# verbs of the count a person is convicted of when the act is under them: "conspiring to export", "attempting to ship"
PLOTTING = {"conspire", "attempt", "try", "scheme"}
# nouns that carry the charge between the verb and the act: "indicted on charges of exporting", "convicted on two
# counts of shipping"
CHARGE_NOUNS = {"charge", "count", "allegation", "accusation"}
# a breach done by the act: "X violated the IEEPA by exporting", "evaded the controls by shipping" (the subject did it)
BREACH_VERBS = {"violate", "breach", "evade", "circumvent", "break", "contravene"}
# standing supply of a military body ("X supplies radars to the PLA Navy", "has provided maintenance to") is an mcf_link (docs/annotation.md 9:
# "supplies the PLA"), not an export; a completed delivery to a military abroad is an export
STANDING = {"supply", "provide"}


def export_objects(r: Resolver, tok: Token, lemma: str) -> tuple[list[Arg], list[Found]]:
    """The receivers of an export verb ("to X", "through the distributor X", "sent the institute 64 files") and
    the exports the intermediaries made on to them ("sold X to Y through a distributor, Z": Z shipped it on to Y)."""
    ways = {"to"} if lemma in HANDED else {"to", "through", "via"}  # "passed through Hong Kong": no export
    objs = [a for t in prep_objects(tok, ways) + _children(tok, {"dative"}) for a in _party(r, t)]
    standing = lemma in STANDING or tok.tag_ in {"VBZ", "VBP"} or \
        any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    objs += [a for d in _children(tok, {"dative"}) if d.pos_ == "ADP" for t in _children(d, {"pobj"})
             for a in r.entities(t, want=WANT["export"])  # "sells sensors to X" (not to the PLA: an
             if not standing or r.table.types.get(a.entity) in SURFACE_BUYERS]  # mcf_link, mcflinks.py); "sold a
    # cryostat to [NUDT]" (a sale done) is an export
    goods = [d for d in _children(tok, {"dobj"}) if _goods(d)]
    if tok.dep_ == "amod" and tok.tag_ == "VBG":  # "of exporting sonar transducers to X", read as an adjective
        goods.append(tok.head)
    # "shipped 212 detector cores to X": the parse hangs "to X" on the goods
    objs += [a for g in goods for t in _to_objects(g) for a in r.entities(t, want=WANT["export"])
             if all(a.entity != o.entity for o in objs)]
    if any(not _goods(p) for p in _children(tok, {"nsubjpass"})):
        return [], []  # "the invitation was sent by X to Y"
    people = bool(_children(tok, {"dobj"})) and not goods
    if people:
        objs = []  # "sent eight researchers to Bergen", "sold 70 percent of the company to Y": not goods
    if lemma in STANDING and (tok.tag_ in {"VBZ", "VBP"} or any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)):
        objs = [o for o in objs if r.table.types.get(o.entity) != "MilitaryUnit"]
    objs = objs or ([] if people else to_after(r, tok))  # "sent observers to the Challenge": no goods
    through = [a for t in prep_objects(tok, {"through", "via"}) for a in r.entities(t, want=WANT["export"])]
    ends = [o for o in objs if all(o.entity != m.entity for m in through)]
    middle = [m for m in through if r.table.types.get(m.entity) == "Company"]
    return objs, pairs("export", middle, ends, tok.i)


def _party(r: Resolver, t: Token) -> list[Arg]:
    """Who an export's object stands for: its entities, else the organisation whose unit it names ("to Leonardo's
    helicopter division")."""
    return r.entities(t, want=WANT["export"]) or [
        a for c in t.children if c.dep_ == "poss" and t.pos_ == "NOUN" for a in r.entities(c)
        if r.table.types.get(a.entity) in ORGS]


def _goods(obj: Token) -> bool:
    """The object of an export verb names goods: not people or a message, nor a stake or a firm ("sold 70 percent
    of the company", "sold its unit"; "auxiliary power units" are goods)."""
    lemma = obj.lemma_.lower()
    money = lemma in FUNDING_NOUNS or (obj.is_currency or obj.lower_ in CURRENCY_WORDS or obj.like_num) and \
        not prep_objects(obj, {"of"})  # "lent US$210 million to Y" (not "$2.4 billion of goods")
    return lemma not in NOT_ITEMS and not money and (lemma not in NOT_GOODS or any(c.dep_ == "compound" for c in obj.children))


def _to_objects(tok: Token) -> list[Token]:
    """The objects of "to" under ``tok``, and of "to" coordinated with it ("to A and to B")."""
    tos = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
    tos += [c for t in tos for c in t.conjuncts if c.lower_ == "to"]
    return [p for t in tos for p in _children(t, {"pobj"})]


def _count_of(verb: Token) -> tuple[Token, Token] | None:
    """The preposition a charged export hangs under and its governor, read past "charges of" / "counts of":
    ("to", "guilty") for "pleaded guilty to (charges of) exporting", ("to", "pleaded") for "pleaded guilty today to
    exporting" (None: the export hangs under no "of", "for", "to" or "by")."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PLOTTING and verb.head.dep_ in {"pcomp", "pobj"}:
        verb = verb.head  # "pleaded guilty to conspiring to export", "sentenced for attempting to ship"
    prep = verb.head if verb.dep_ in {"pcomp", "pobj"} else verb.head.head if verb.dep_ == "amod" else None
    if prep is None or prep.pos_ != "ADP" or prep.lower_ not in {"of", "for", "to", "by"} or \
            (verb.dep_ == "amod" and verb.head.dep_ != "pobj"):
        return None
    gov = prep.head
    if prep.lower_ != "by" and gov.lemma_.lower() in CHARGE_NOUNS and gov.pos_ == "NOUN" and gov.dep_ == "pobj":
        gov = gov.head.head  # "indicted on charges of exporting", "convicted on two counts of shipping"
    return prep, gov


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"not", "never"} for c in t.children)


def not_guilty(verb: Token) -> bool:
    """The export is what someone pleaded not guilty to or was found not guilty of ("pleaded not guilty to exporting",
    "pleaded not guilty today to exporting", "was found not guilty of conspiring to ship"): a denial or an acquittal,
    no export (docs/annotation.md 5). The negation is read on "guilty" or on the plea, wherever "to" hangs."""
    found = _count_of(verb)
    if found is None:
        return False
    gov = found[1]
    if gov.lower_ == "guilty":
        return _negated(gov) or _negated(gov.head)
    if gov.lemma_.lower() == "plead" and gov.pos_ == "VERB":
        return _negated(gov) or any(c.lower_ == "guilty" and _negated(c) for c in gov.children)
    return False


def convicted(r: Resolver, verb: Token) -> list[Arg] | None:
    """Who exported, when the export is what someone was convicted of, sentenced or fined for, or pleaded guilty to:
    "convicted X of exporting", "X was sentenced for shipping", "X pleaded guilty to exporting", "found X guilty of
    selling", "convicted on two counts of shipping", "pleaded guilty to charges of exporting", "X violated the IEEPA
    by exporting" (None: not such a phrase; a denied plea is ``not_guilty``'s)."""
    found = _count_of(verb)
    if found is None:
        return None
    prep, gov = found
    if prep.lower_ == "by":  # "X violated the IEEPA by exporting": the breach's subject
        if gov.pos_ != "VERB" or gov.lemma_.lower() not in BREACH_VERBS:
            return None
        return [a for s in _children(gov, {"nsubj"}) for a in r.entities(s)
                if r.table.types.get(a.entity) in ORGS | {"Person"}]
    if gov.lower_ == "guilty" and gov.pos_ == "ADJ":  # "pleaded guilty to", "was found guilty of"
        gov = gov.head
    if gov.lemma_.lower() == "plead" and gov.pos_ == "VERB":  # "pleaded guilty today to" (hung on the verb) too
        return [a for s in _children(gov, {"nsubj"}) for a in r.entities(s)]
    who = gov if gov.pos_ in {"NOUN", "PROPN"} else None  # "convicted Victor Ruan of exporting"
    if who is not None:
        gov = who.head
        if who.dep_ != "dobj":
            return None
    if gov.pos_ != "VERB" or gov.lemma_.lower() not in CONVICT_VERBS:
        return None
    people = [who] if who is not None else _children(gov, {"dobj", "nsubjpass"})
    return [a for p in people for a in r.entities(p) if r.table.types.get(a.entity) in ORGS | {"Person"}]


# verbs that make someone else's act happen: "X caused the amplifiers to be exported to Y", "X had the parts shipped
# to Y" (X exported); not "order" ("Huawei ordered FPGAs to be shipped to it": a buyer), nor "arrange" ("she arranged
# for the company's licences to be sold to Y": the company sold them, en-w-1135)
CAUSING = {"cause", "have", "get"}


def caused_by(verb: Token) -> Token | None:
    """The verb whose subject made an agentless passive export happen: "caused them to be exported to Y", "had the
    parts shipped to Y" (None: not such a phrase)."""
    if verb.tag_ != "VBN" or verb.dep_ not in {"ccomp", "xcomp", "oprd"} or any(c.dep_ == "agent" for c in verb.children):
        return None
    gov = verb.head
    return gov if gov.pos_ == "VERB" and gov.lemma_.lower() in CAUSING and gov.i < verb.i else None


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


# who may export: the subject a context exporter is taken from
EXPORTERS = frozenset({"Company", "Person", "Organization"})
# subjects that stand for the document's exporter when nothing nearer resolves them: "the company shipped", "the
# Company sold" (a filing's own name for the filer), "the defendant sent"; the kinds they may stand for
STAND_INS: dict[str, frozenset[str]] = {
    "company": frozenset({"Company"}), "firm": frozenset({"Company"}),
    "defendant": frozenset({"Person", "Company"}),
}


def transit(r: Resolver, arg: Arg) -> bool:
    """A place the goods went through, not to ("shipped from Shenzhen through Kazakhstan")."""
    return r.doc[arg.token].head.lower_ in {"through", "via"} and r.table.types.get(arg.entity) == "Place"


def _export_told_before(before: int, found: list[Found], told: list[Found]) -> Found | None:
    """The export told last before token ``before``: this sentence's findings, then ``told`` (the findings made while
    reading the window's earlier sentences, in the order they were made; keyed on the sentence read, not on the
    trigger: a finding may carry a trigger from before its sentence, brokers.py and ``_signed_for``)."""
    for f in reversed(found):
        if f.type == "export" and f.trigger < before:
            return f
    return next((f for f in reversed(told) if f.type == "export" and f.trigger < before), None)


def exporter_in_context(r: Resolver, verb: Token, found: list[Found], earlier: list[Found],
                        told_from: dict[int, int]) -> list[Arg]:
    """The exporter of an export verb whose clause names none (docs/annotation.md: export), from the grammar of
    enforcement and trade text, at the confidence of a fallback:

    - "the company shipped 2,400 lenses to Y" with no company named in the paragraph: the company the document
      named first, its subject; "the defendant sent Y 64 files": the person or company charged, sentenced or
      pleading ("X pleaded guilty", "United States v. X"), not an official who announces or prosecutes the case;
    - an agentless passive whose goods have an owner, "X built a command centre in Tashkent; its equipment was
      shipped from Shenzhen": the owner;
    - else an agentless passive, "X sold 1,140 kits to Y; the kits were shipped from Turin to Chengdu", "Jinlu bought
      three rigs from Brightwater; they were shipped to Xiamen": the exporter of the export told last, in this
      sentence (``found``: this sentence's findings so far) or the two before (``earlier``: the document's, of which
      ``told_from`` says where each sentence's findings begin).
    """
    stand_in = [s for s in _children(verb, {"nsubj"}) if s.lemma_.lower() in STAND_INS and
                any(d.lower_ == "the" for d in _children(s, {"det"}))]
    if stand_in:
        word = stand_in[0].lemma_.lower()
        who = r.defendant(verb.i) if word == "defendant" else r.first_named(STAND_INS[word], verb.i)
        return [Arg(who, "fallback", stand_in[0].i)] if who else []
    goods = _children(verb, {"nsubjpass"})
    if not goods or _children(verb, {"agent"}):
        return []
    owners = [a for p in _children(goods[0], {"poss"}) for a in r.entities(p)
              if r.table.types.get(a.entity) in EXPORTERS]  # "its equipment was shipped to X": its maker's
    if owners:
        return [Arg(owners[0].entity, "fallback", owners[0].token)]
    sents = r.before(verb.sent, 2)
    # the findings made while reading the two sentences before (a sentence the rules skipped made none)
    k = next((told_from[s.start] for s in sents if s.start in told_from), len(earlier))
    last = _export_told_before(verb.i, found, earlier[k:])
    if last is None:
        return []
    return [Arg(last.source, "fallback", last.trigger)] if r.table.types.get(last.source) in EXPORTERS else []
