"""Items named as what is exported, supplied, sold, bought or developed: "supplied two-stroke piston engines to
X", "The cranes were supplied by Y", "the sale of thermal-imaging cores by Z to Iran", "developed
radiation-hardened power converters".

docs/annotation.md section 3 counts a technology item as a Technology when it is the subject of a transfer,
export, supply or research the text describes. The technology patterns (``patterns.py``) know the common fields
and a few dozen item heads; the items of real export cases are a long tail ("vacuum pumps", "gantry cranes",
"oscilloscopes", "phase shifters", "ball bearings") that no list of heads covers. The grammar does: the noun
phrase that is the object of a transfer verb (or the subject of its passive, or the "of" phrase of its noun:
"shipments of X") with a plural or mass common noun as its head and the words that modify it inside the noun
phrase, less the quantity, the determiner and words of judgement ("two", "similar", "controlled"). A head
that says nothing about the item ("goods", "items", "products", "them") is never one; a generic kind of item
("equipment", "parts", "systems", "tools") only with a word that says which. What a maker makes is an item
too ("the Wexbridge maker of hydraulic cylinders", "designs graphics processors", "makes radomes for PLA Air Force
missiles"), and so is the field a piece of research, work or agreement is about ("research on satellite-denied
navigation", "research contracts in optical networking", "a joint laboratory for atomic layer deposition"), when a
lower-case word says which field and its head is no kind of field or policy ("cooperation in higher education",
"research on semiconductor policy"). What is made and a field must hold a word of technology (``techwords.py``) or
end in an item head, or serve a technology ("work on collision avoidance for drone swarms"): "makes record
profits", "an agreement on visa waivers", "works on urban planning" name none. Pure functions over a parsed
document.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.tokens import Doc, Span, Token

from mcfwatch.extract.en.lexicon import PEOPLE_AND_MESSAGES
from mcfwatch.extract.en.techwords import says_technology

# verbs of handing an item over, whose object is the item (lemmas as the pinned model writes them)
HANDOVER_VERBS = frozenset({
    "export", "re-export", "reexport", "ship", "supply", "sell", "resell", "deliver", "buy", "purchase", "procure",
    "import", "transfer", "smuggle", "divert", "transship", "furnish", "resold"})  # and "provide ... to X"
# verbs of handing over whose "with" phrase is the item when their object is the receiver ("supplies the
# institute with carbon-fibre prepreg", "provided Huawei with test equipment")
_WITH_VERBS = frozenset({"supply", "provide", "furnish"})
# verbs of making or getting, whose object is as often an abstract thing ("develop a coordinated approach",
# "make investments", "provide assurances"): their object is an item only with a head of ITEM_HEADS
MAKE_VERBS = frozenset({
    "develop", "design", "manufacture", "produce", "make", "build", "provide", "acquire", "obtain", "source", "order",
    "steal", "license", "licence"})
# nouns of those acts whose "of" phrase is the item ("the sale of X", "shipments of X", "the development of X")
HANDOVER_NOUNS = frozenset({
    "sale", "export", "re-export", "shipment", "delivery", "supply", "purchase", "transfer", "import", "smuggling",
    "procurement", "diversion", "consignment"})
MAKE_NOUNS = frozenset({"development", "production", "manufacture", "order"})
# the makers and sellers of an item, whose "of" phrase is the item ("the Wexbridge maker of hydraulic cylinders", "a
# key supplier of propulsion shafts to the PLA Navy", "a designer of ARM-based server processors")
AGENT_NOUNS = frozenset({"maker", "manufacturer", "producer", "designer", "developer", "supplier", "exporter",
                         "seller", "vendor", "distributor", "provider"})
# verbs of making whose object is an item when a word says which and the head is a plural noun ("designs graphics
# processors", "produces head-up displays and mission computers"), or when it is made for a party ("makes radomes
# for PLA Air Force missiles")
PRODUCE_VERBS = frozenset({"develop", "design", "manufacture", "produce", "make", "build"})
# research, work and agreements whose "on", "in", "for" or "into" phrase is the field of technology they are about
# (docs/annotation.md section 3: "hypersonic flight", "quantum information technologies"): "research on
# satellite-denied navigation", "research contracts in optical networking", "a joint laboratory for atomic layer
# deposition", "a licence agreement for solid-oxide fuel cells", "a specialist in composite armour materials"
FIELD_NOUNS = frozenset({
    "research", "study", "work", "cooperation", "collaboration", "laboratory", "lab", "centre", "center",
    "agreement", "contract", "memorandum", "project", "programme", "program", "exchange", "grant", "expertise",
    "specialist", "expert", "know-how", "patent", "breakthrough", "advance", "partnership"})
FIELD_VERBS = frozenset({"research", "work", "specialise", "specialize", "collaborate", "cooperate", "focus"})
_FIELD_PREPS = frozenset({"on", "in", "for", "into"})
# heads that say what kind of field, or what about a field, a phrase is ("research on semiconductor policy",
# "cooperation in aerospace industry", "quantum technologies", "drone applications"), not which technology
NOT_FIELDS = frozenset({
    "issues", "issue", "matters", "matter", "areas", "area", "fields", "field", "topics", "topic", "subjects",
    "policy", "policies", "security", "safety", "affairs", "industry", "industries", "sector", "sectors", "market",
    "markets", "trade", "investment", "science", "sciences", "engineering", "technology", "technologies",
    "development", "studies", "applications", "standards", "standard", "education", "training", "exchanges",
    "supply", "chain", "chains", "centre", "center", "centres", "centers", "companies", "groups", "conglomerates",
    "defense", "defence", "defenses", "defences", "weapons", "warheads", "reduction", "repair"})
GENERIC_FIELD_WORDS = frozenset({
    "joint", "basic", "applied", "scientific", "technical", "academic", "bilateral", "mutual", "economic",
    "cultural", "military", "civilian", "international", "global", "national", "regional", "future", "potential",
    "possible", "emerging", "technological", "industrial", "commercial", "strategic", "critical", "sensitive",
    "dual-use", "defence", "defense", "public", "social", "such", "this", "these", "other", "research", "key"})
# the kinds of item that end Technology names in two or more documents of corpus/train and corpus/extra
# (tests/extract_en/test_items.py checks it), singular and plural
ITEM_HEAD_WORDS = """
    accelerometer actuator aircraft alloy amplifier antenna array battery bearing camera cell chip circuit coating
    component core crane detector drone engine equipment fairing fibre furnace gear gearbox gyroscope helicopter lens
    machine magnet material microelectronics missile module oscilloscope panel part pump radar satellite
    semiconductor sensor shifter software sonar system technology thruster tool transducer unit valve vehicle
    prepreg controller processor computer turbine simulator scanner converter robot motor microcontroller
    generator frigate cylinder diode hydrophone airframe
    """.split()


def plural(word: str) -> str:
    """The regular English plural ("battery" -> "batteries", "alloy" -> "alloys", "lens" -> "lenses")."""
    if word.endswith("y") and word[-2:-1] not in set("aeiou"):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


ITEM_HEADS = frozenset(ITEM_HEAD_WORDS) | {plural(w) for w in ITEM_HEAD_WORDS}
# a quantity or a lot of the item ("its first batch of spindle motors", "140 shipsets of interior panels"): the
# item is its "of" phrase
QUANTITY_NOUNS = frozenset({
    "batch", "batches", "shipment", "shipments", "consignment", "consignments", "lot", "lots", "number", "quantity",
    "quantities", "set", "sets", "pair", "pairs", "range", "variety", "kind", "kinds", "type", "types", "dozens",
    "hundreds", "thousands", "line", "series", "shipsets", "order", "orders", "supply", "supplies", "fleet"})
HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})
# words of a noun phrase that say where an item comes from or that it is controlled, not which item
ORIGIN_ENDS = frozenset({"origin", "made", "built", "based", "controlled", "manufactured", "produced", "designed",
                         "sourced", "developed"})
# heads that never name an item: what a deal is about but no technology, pronouns and empty words
NOT_ITEMS = frozenset({
    "goods", "items", "products", "product", "commodities", "articles", "merchandise", "supplies", "things",
    "stake", "stakes", "share", "shares", "equity", "interest", "capital", "money", "funds", "funding", "loan",
    "loans", "grant", "contract", "contracts", "deal", "deals", "agreement", "order", "orders", "business",
    "company", "companies", "firm", "firms", "subsidiary", "unit", "plant", "plants", "factory", "factories", "site",
    "sites", "land", "property",
    "services", "service", "support", "assistance", "aid", "training", "information", "details", "documents", "licence",
    "license", "licenses", "licences", "permission", "approval", "visa", "visas", "stock", "assets", "asset",
    "rights", "majority", "portion", "part", "bulk", "rest", "number", "lot", "range", "variety", "kind",
    "kinds", "type", "types", "quantity", "quantities", "amount", "amounts", "batch", "batches", "shipment",
    "shipments", "consignment", "consignments", "value", "worth", "sale", "sales", "export", "exports", "one", "ones",
    "way", "ways", "plan", "plans", "strategy", "programme", "program", "project", "projects", "research", "time",
    "year", "years", "market", "markets", "customers", "partners", "ties", "relationship", "cooperation",
    "nothing", "anything", "something", "none", "all", "progress", "decision", "decisions", "changes", "use",
    "address", "speech", "lecture", "lectures", "talk", "talks", "remarks", "presentation", "presentations",
    "report", "reports", "paper", "papers", "maker", "makers", "manufacturer", "supplier", "suppliers", "producer",
    "investor", "investors", "agent", "agents", "military", "forces", "condition", "conditions", "family",
    "cluster", "statement", "case", "cases", "permits", "permit", "efforts", "steps", "moves", "sense", "growth",
    "results", "resources", "jobs", "benefits", "personnel", "people", "staff", "workers", "fund", "bill", "home",
    "secrets", "data", "imagery", "rope", "shocks", "lines", "user", "users", "customer", "buyer",
    "buyers", "recipient", "recipients", "consignee", "consignees", "client", "clients", "end-user", "end-users"})
# farm goods, food and drugs: traded, but no technology (docs/annotation.md section 3: fields or items of technology)
FARM_GOODS = frozenset({
    "food", "foods", "seed", "seeds", "grain", "grains", "soybeans", "soybean", "corn", "wheat", "rice", "milk",
    "powder", "meat", "pork", "beef", "poultry", "fish", "seafood", "lobster", "crab", "shellfish", "fruit", "apples",
    "wine", "oil", "pigs", "cattle", "livestock", "hides", "timber", "plywood", "logs", "lumber", "drugs", "fentanyl",
    "opioids", "cigarettes", "tobacco", "ingredients", "genetics", "formula", "sugar", "coffee", "tea", "cotton"})
# kinds of item that need a word saying which ("vacuum pumps" is an item, "equipment" alone is not)
GENERIC_HEADS = frozenset({
    "equipment", "parts", "components", "systems", "system", "devices", "device", "materials", "material",
    "machines", "machinery", "tools", "technology", "technologies", "units", "hardware", "software", "instruments",
    "products", "items", "solutions", "platforms", "kits", "assemblies", "modules", "vehicles", "weapons"})
# words before the item that say how many or how good, not which item
JUDGEMENT = frozenset({
    "other", "such", "several", "many", "various", "more", "new", "certain", "additional", "further", "same",
    "related", "similar", "own", "key", "main", "major", "sensitive", "controlled", "licensed", "unlicensed",
    "restricted", "relevant", "specific", "different", "total", "first", "last", "some", "any", "all", "these",
    "those", "numerous", "unspecified", "unknown", "larger", "smaller", "cheap", "cheaper", "expensive",
    "advanced", "latest", "modern", "sophisticated", "high-tech", "dozens", "hundreds", "thousands", "millions",
    "complete", "domestic", "foreign", "used", "existing", "remaining", "leading", "world-leading", "largest", "only",
    "higher", "common", "independent", "corporate", "collective", "national"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "punct", "advmod", "nummod", "quantmod"})
_NOUN_TAGS = frozenset({"NN", "NNS"})


def _trigger_indices(doc: Doc, lemmas: frozenset[str]) -> list[int]:
    """Token indices whose lemma is one of ``lemmas``, found on the lemma column (no Python token per token)."""
    if not len(doc):
        return []
    keys = np.array([doc.vocab.strings.add(w) for w in lemmas], dtype="uint64")
    column = doc.to_array(["LEMMA"]).astype("uint64").reshape(-1)
    return [int(i) for i in np.flatnonzero(np.isin(column, keys))]


def _heads(doc: Doc) -> list[tuple[Token, str]]:
    """The head nouns of the items the document's transfer verbs and nouns take (with their conjuncts), and how
    they were taken: "handover" (a verb or noun of handing over), "made" (a verb of making or an agent noun: a word
    must say which item), "item" (a head of ITEM_HEADS after a verb of getting) or "field" (the field of research
    or of an agreement)."""
    out: list[tuple[Token, str]] = []
    for i in _trigger_indices(doc, _TRIGGERS):
        tok = doc[i]
        found: list[Token] = []
        kind = ""
        if tok.pos_ == "VERB" and tok.lemma_ in FIELD_VERBS and tok.lemma_ not in _VERBS:
            found, kind = _field_objects(tok), "field"
        elif tok.pos_ == "VERB" and tok.lemma_ in _VERBS:
            passive = any(c.dep_ == "auxpass" for c in tok.children)
            found = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
            if tok.lemma_ in _WITH_VERBS and not passive and found:
                found += _with_objects(tok)  # the receiver is no item (``_extent``): the "with" phrase is
            if not found and tok.lemma_ in _HANDOVER and (item := _gerund_item(tok)) is not None:
                found = [item]  # "supplies training drones", "bought forging presses": the parser's verb
            if tok.lemma_ in _VERBS and not passive:
                found += _listed_as_verb(tok)  # "sold probe cards and [curve] tracers": the parser's verb
        elif tok.pos_ == "NOUN" and tok.lemma_ in _NOUNS | AGENT_NOUNS:
            found = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
            if not found and _to_verb_read_noun(tok):
                found = [tok.head]  # "conspiring to [export] accelerometers": the verb the parser made a noun
        if tok.pos_ == "NOUN" and tok.lemma_ in FIELD_NOUNS and not found:
            found, kind = _field_objects(tok), "field"
        if not kind:
            handover = tok.lemma_ in _HANDOVER or tok.lemma_ == "provide" and any(
                c.dep_ in {"prep", "dative"} and c.lower_ == "to"
                for c in (*tok.children, *(g for f in found for g in f.children)))  # "provided gyroscopes ... to X"
            handover = handover or tok.lemma_ in _WITH_VERBS and bool(_with_objects(tok))
            kind = "handover" if handover else "made" if tok.lemma_ in PRODUCE_VERBS | AGENT_NOUNS else "item"
        for first in found:
            first = _of_quantity(first)
            for h in (first, *first.conjuncts, *_examples(first)):
                if h.tag_ not in _NOUN_TAGS and not (kind == "handover" and h is first and h.dep_ in {"dobj", "pobj"}
                                                     and h.tag_ in {"VBZ", "VBP"} and h.is_lower
                                                     and not any(c.dep_ in {"nsubj", "dobj"} for c in h.children)):
                    continue  # "sold carbon-fibre prepreg": a noun the tagger read as a verb, as the object
                if kind == "field":
                    if h.lower_ not in NOT_FIELDS:
                        out.append((h, kind))
                elif not _abstract(h) and (kind == "handover" or h.lower_ in ITEM_HEADS):
                    out.append((h, "handover" if kind == "handover" else "item"))
                elif kind == "item" and not _abstract(h) and h.tag_ == "NNS" and h.lower_ not in NOT_FIELDS:
                    out.append((h, "got"))  # "obtained wafer probers", "sourced brake assemblies": a word must say
                elif kind == "made" and not _abstract(h) and h.lower_ not in NOT_FIELDS \
                        and (h.tag_ == "NNS" or _made_for(tok, first)):
                    out.append((h, "made for" if h.tag_ == "NNS" and _made_for(tok, first) else kind))
    return out


# "-ing" words that open a clause after a verb ("sold using forged papers", "bought existing plants",
# "shipped including spare parts"), not the kind of an item
_CLAUSE_GERUNDS = frozenset({"using", "including", "existing", "remaining", "following", "leading", "making",
                             "helping", "allowing", "enabling", "causing", "giving", "taking", "getting", "seeking",
                             "claiming", "saying", "knowing", "falsifying", "concealing", "evading", "violating",
                             "totaling", "totalling", "worth", "valued", "involving", "containing", "requiring"})


def _gerund_item(verb: Token) -> Token | None:
    """The object of the "-ing" word right after a verb of handing over that the parser made a verb of its own
    ("supplies [training] drones", "bought [forging] presses", "exported [cutting] tools"): a noun that the "-ing"
    word modifies, as a plural or mass noun right after it, else None."""
    doc = verb.doc
    nxt = verb.i + 1
    if verb.lemma_ not in _HANDOVER or nxt + 1 >= len(doc) or doc[nxt].tag_ != "VBG" or doc[nxt].head.i != verb.i \
            or not doc[nxt].is_lower or doc[nxt].lower_ in _CLAUSE_GERUNDS or doc[nxt].lemma_ in _TRIGGERS:
        return None  # not "began exporting hydrophones", "stopped buying chips": the "-ing" word is the act
    if any(c.dep_ in {"nsubj", "aux", "mark"} for c in doc[nxt].children):
        return None
    obj = doc[nxt + 1]
    if obj.dep_ == "dobj" and obj.head.i == nxt and obj.tag_ in _NOUN_TAGS:
        return obj
    return None


def _examples(head: Token) -> list[Token]:
    """The items an item's noun names as examples ("electronic components, including microcontrollers and voltage
    regulators", "items such as oscilloscopes", "dual-use goods, including gyroscopes"): the objects of its
    "including" or "such as" phrase and their conjuncts."""
    out: list[Token] = []
    such = any(c.lower_ == "such" for c in head.children)
    for c in head.children:
        if c.dep_ == "prep" and (c.lower_ == "including" or c.lower_ == "as" and (
                such or any(g.lower_ == "such" for g in c.children))):
            for g in c.children:
                if g.dep_ == "pobj":
                    out += [g, *g.conjuncts]
    return out


def _to_verb_read_noun(tok: Token) -> bool:
    """A verb of handing over after "to" that the parser read as a noun modifying its object ("conspiring to
    export accelerometers and gyroscopes": "export" a compound of "accelerometers")."""
    return tok.lemma_ in _HANDOVER and tok.dep_ == "compound" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "to" \
        and tok.head.i > tok.i and tok.head.tag_ in _NOUN_TAGS and tok.is_lower


def _listed_as_verb(verb: Token) -> list[Token]:
    """The items of a list after a verb of handing over or making whose first word the parser read as a verb in
    its own right, conjoined to it ("sold probe cards and [curve] tracers", "makes lathes and [coordinate]
    grinding machines"): a lower-case base-form verb with no subject of its own, after a verb in another form,
    whose object (a plural noun) follows it within two words. The object's head is returned; ``_extent`` starts
    the item at the verb-read word."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ != "conj" or c.tag_ not in {"VB", "VBP"} or verb.tag_ in {"VB", "VBP"} or not c.is_lower \
                or c.lemma_ in _TRIGGERS or any(g.dep_ in {"nsubj", "aux", "neg", "mark"} for g in c.children):
            continue
        obj = next((g for g in c.children if g.dep_ == "dobj"), None)
        if obj is not None and obj.tag_ == "NNS" and c.i < obj.i <= c.i + 2 \
                and all(t.dep_ in _MODIFIER_DEPS for t in c.doc[c.i + 1:obj.i]):
            out.append(obj)
    return out


def _with_objects(verb: Token) -> list[Token]:
    """The objects of the "with" phrase of a verb whose object is a name ("supplies [Steyr Leichtbau] with X")."""
    if not any(c.dep_ == "dobj" and (c.ent_iob_ != "O" or c.pos_ == "PROPN") for c in verb.children):
        return []
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
            if g.dep_ == "pobj"]


def _field_objects(tok: Token) -> list[Token]:
    """The objects of the "on", "in", "for" or "into" phrases of a word of research or agreement."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _FIELD_PREPS
            for g in c.children if g.dep_ == "pobj"]


def _made_for(verb: Token, item: Token) -> bool:
    """"makes radomes for PLA Air Force missiles": a verb of making whose item is made for a party."""
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in (*verb.children, *item.children))


_VERBS = HANDOVER_VERBS | MAKE_VERBS
_NOUNS = HANDOVER_NOUNS | MAKE_NOUNS
_HANDOVER = HANDOVER_VERBS | HANDOVER_NOUNS
_TRIGGERS = _VERBS | _NOUNS | AGENT_NOUNS | FIELD_NOUNS | FIELD_VERBS
_ABSTRACT = re.compile(r"(?:tions?|ness|ity|ities|ships?|ances?|ences?|isms?|ments?|.{4}ings?)$")
_CONCRETE = frozenset({"munitions", "ammunition", "station", "stations", "appliances", "equipment", "instruments",
                       "instrument", "implements", "castings", "casting", "bearings", "forgings", "fittings",
                       "coatings", "coating", "mouldings", "moldings", "windings", "housings", "linings", "fixings",
                       "elements"})


def _abstract(tok: Token) -> bool:
    """A noun whose ending makes it an act, a state or a quality ("capabilities", "investments", "findings",
    "relationships"), not an item: the ending alone, with the items that end so ("munitions", "castings")."""
    return bool(_ABSTRACT.search(tok.lower_)) and tok.lower_ not in _CONCRETE


def _of_quantity(head: Token) -> Token:
    """The item of "a batch / 140 shipsets / a new line of X": X; else the head itself."""
    if head.lower_ in QUANTITY_NOUNS:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
    return head


def _extent(head: Token, kind: str) -> tuple[int, int] | None:
    """The item's tokens: the head and the words before it inside its noun phrase, less the quantity, the
    determiner and words of judgement; None when the head says nothing about the item, or when a verb of making
    takes it without a word that says which ("the engines were made in Derby": items named before)."""
    low = head.lower_
    if low in NOT_ITEMS or low in FARM_GOODS or head.ent_iob_ != "O" and head.ent_type_ not in {"Technology", ""}:
        return None
    if head.lemma_.lower() in PEOPLE_AND_MESSAGES:  # "supplied engineers and technicians to X": people, no item
        return None
    doc = head.doc
    start = head.i
    while start > 0:
        prev = doc[start - 1]
        if prev.dep_ not in _MODIFIER_DEPS or not _inside(prev, head) or prev.is_space:
            break
        start -= 1
    if start == head.i and head.dep_ == "dobj" and head.head.i == head.i - 1 \
            and getattr(_gerund_item(head.head.head), "i", None) == head.i:
        start = head.i - 1  # "training drones", "forging presses": the "-ing" word the parser made a verb
    elif head.dep_ == "dobj" and head.head.dep_ == "conj" and head.head.i < head.i \
            and head in _listed_as_verb(head.head.head):
        start = head.head.i  # "curve tracers", "coordinate grinding machines"
    while (before := hyphen_word_before(doc, whole_words(doc, start, head.i + 1)[0], head.i)) < start:
        start = before  # "analog-to-digital"; then what modifies it: "radiation-hardened analog-to-digital"
        while start > 0 and doc[start - 1].dep_ in _MODIFIER_DEPS and _inside(doc[start - 1], head) \
                and not doc[start - 1].is_space:
            start -= 1
    commas = [t.i for t in doc[start:head.i] if t.text == ","]
    if commas:  # "trusted, American-manufactured drone technologies": a list of modifiers; the last one's phrase
        start = commas[-1] + 1
    while start < head.i:
        skip = _origin(doc, start) or int(_leading_noise(doc[start]) or doc[start].is_punct
                                          or _to_verb_read_noun(doc[start]))
        if not skip:
            break
        start += skip
    if kind == "field":
        while start < head.i and (doc[start].lower_ in GENERIC_FIELD_WORDS or doc[start].is_punct):
            start += 1
        if start == head.i or doc[start].ent_iob_ != "O" and doc[start].ent_type_ != "Technology" \
                or not all(t.is_lower or t.like_num or t.is_punct for t in doc[start:head.i + 1]):
            return None  # "research on materials", "cooperation in Chinese medicine": a field needs a word saying which
    if kind in {"field", "made", "made for", "got"} and low not in ITEM_HEADS \
            and not (kind != "field" and low in GENERIC_HEADS and start < head.i) \
            and not says_technology(doc[start:head.i + 1]) \
            and not any(says_technology([t for t in doc[g.left_edge.i:g.i + 1] if t.is_lower]) for g in _for_objects(head)):
        return None  # "makes record profits", "an agreement on visa waivers", "works on urban planning": no technology
    if kind == "field":
        return start, head.i + 1
    if start == head.i and (low in GENERIC_HEADS or head.tag_ == "NN" or kind not in {"handover", "made for"}):
        return None  # "equipment", "laser", "item": a kind of item, or one, named without what it is
    return start, head.i + 1


def _for_objects(head: Token) -> list[Token]:
    """The noun of the "for" phrase of an item or field ("collision avoidance" + "for drone swarms"; its lower-case
    words say what it serves, not a name: "for the PLA Rocket Force")."""
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]


def _inside(tok: Token, head: Token) -> bool:
    """``tok`` hangs on ``head`` through words before it (it is part of the head's noun phrase)."""
    node = tok
    for _ in range(6):
        if node.head.i == head.i:
            return True
        if node.head.i <= node.i or node.head.i > head.i:
            return False
        node = node.head
    return False


def _origin(doc: Doc, i: int) -> int:
    """The number of tokens of a modifier at ``i`` that says where an item comes from or that it is controlled
    ("U.S.-origin", "Chinese-built", "export-controlled", "Russian"), else 0."""
    tok = doc[i]
    # "Chinese-made", "Russian‑built": the three-token form first, or only its first word would be skipped
    if i + 2 < len(doc) and doc[i + 1].text in HYPHENS and not tok.whitespace_ and not doc[i + 1].whitespace_ \
            and doc[i + 2].lower_ in ORIGIN_ENDS and not (doc[i + 2].lower_ == "based" and tok.is_lower):
        return 3  # not "graphite-based": what it is made of (a place is written in capitals: "Texas-based")
    if tok.lower_ in ORIGIN_ENDS and i > 0 and doc[i - 1].text in HYPHENS and not doc[i - 1].whitespace_ \
            and not (tok.lower_ == "based" and i > 1 and doc[i - 2].is_lower):
        return 1  # the end of "Russian-built" when the phrase starts after "Russian"
    if tok.ent_type_ in {"NORP", "GPE"} and tok.ent_iob_ == "B" and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I"):
        return 1
    if any(h in tok.text for h in HYPHENS) and re.split("[-\u2010\u2011\u2013]", tok.text)[-1].lower() in ORIGIN_ENDS:
        return 1
    return 0


def _leading_noise(tok: Token) -> bool:
    if tok.like_num and not tok.whitespace_ and tok.i + 1 < len(tok.doc) and tok.nbor(1).text == "-":
        return False  # "two-stroke", "five-axis": a modifier
    return tok.like_num or tok.lower_ in JUDGEMENT or tok.tag_ in {"DT", "PRP$", "CD", "POS"} \
        or tok.ent_type_ in {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL", "DATE"}


_JOINS = {"-", "\u2010", "\u2011"}


def _joined(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen inside one written word (no space on either side)."""
    return 0 < i < len(doc) - 1 and doc[i].text in _JOINS and not doc[i].whitespace_ and not doc[i - 1].whitespace_


def _free(tok: Token) -> bool:
    """No name but a number or a technology holds the token."""
    return tok.ent_iob_ == "O" or tok.ent_type_ in {"CARDINAL", "ORDINAL", "QUANTITY", "Technology"}


def whole_words(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved out to the whole hyphenated words they cut ("early-" + "warning radars",
    "analog-to-" + "digital converters"; "quantum" + "-computing" when a noun follows the hyphen): a name is never
    part of a written word. Only over words no other name holds."""
    while start >= 2 and _joined(doc, start - 1) and (doc[start - 2].is_alpha or doc[start - 2].is_digit) \
            and _free(doc[start - 2]):  # "28-" + "nanometre logic chips"
        start -= 2
    while end + 1 < len(doc) and _joined(doc, end) and doc[end + 1].tag_ in {"NN", "NNS", "VBG"} \
            and doc[end + 1].is_lower and _free(doc[end + 1]):
        end += 2
    return start, end


def hyphen_word_before(doc: Doc, start: int, head: int) -> int:
    """The start of the hyphenated word right before ``start`` when all its parts hang inside the phrase up to
    ``head`` ("analog-to-digital" + "converters", which the parser reads as "analog" + "to digital"), else
    ``start``."""
    k = start - 1
    if k < 2 or not _joined(doc, k - 1) or not doc[k].is_alpha or not _free(doc[k]):
        return start
    first = whole_words(doc, k, k + 1)[0]
    if all(first <= t.head.i <= head for t in doc[first:k + 1]):
        return first
    return start


def transferred_items(doc: Doc, taken: set[int]) -> list[Span]:
    """Spans of the items the document's transfer verbs and nouns take (see the module) that hold no token of
    ``taken`` (the tokens of the names already found)."""
    out: list[Span] = []
    seen: set[tuple[int, int]] = set()
    heads = _heads(doc)
    extents = [_extent(head, kind) for head, kind in heads]
    named = {head.i for (head, _), extent in zip(heads, extents, strict=True) if extent is not None}
    for (head, kind), extent in zip(heads, extents, strict=True):
        if extent is None and kind in {"made", "made for", "got"} and head.tag_ == "NNS" \
                and any(c.i in named for c in head.conjuncts):
            extent = _extent(head, "handover")  # "produces head-up displays and mission computers": one list
        if extent is None or extent in seen:
            continue
        start, end = extent
        if any(i in taken for i in range(start, end)):
            continue
        seen.add(extent)
        out.append(doc[start:end])
    return out


def item_head_after(doc: Doc, end: int) -> int | None:
    """The head noun of the item that the words before ``end`` modify, within three lower-case words after it
    ("sonar" + "processors", "gallium nitride" + "power amplifiers", "lithography" + "system"): a plural noun or
    a head of ITEM_HEADS that names an item (not "makers", "research", "capabilities"), else None."""
    if end == 0 or end >= len(doc) or doc[end - 1].dep_ not in {"compound", "amod", "nmod"}:
        return None
    head = doc[end - 1].head
    while head.dep_ in {"compound", "amod", "nmod"} and head.i < head.head.i < end + 3 and head.tag_ != "NNS" \
            and head.lower_ not in ITEM_HEADS:
        head = head.head  # "gallium nitride" + "power" + "amplifiers": "power" modifies the item
    if not end <= head.i < end + 3 or not all(t.is_lower and t.tag_ in {"NN", "NNS", "JJ", "HYPH"} or t.text in HYPHENS
                                             for t in doc[end:head.i + 1]):
        return None
    low = head.lower_
    if head.tag_ != "NNS" and low not in ITEM_HEADS or low in NOT_ITEMS or low in FARM_GOODS or _abstract(head) \
            or head.lemma_.lower() in PEOPLE_AND_MESSAGES or low in NOT_FIELDS or low in {"system", "systems"}:
        return None  # "artificial intelligence systems": the field is the name (fr-007 annotates it so)
    return head.i
