"""From a parse token to the entities it stands for: mentions, coordination, "officials of X",
"companies including X", titles without a name, pronouns and definite descriptions.

Each answer carries how it was found, which sets the relation's confidence:
``direct`` (the token is in a mention), ``resolved`` (pronoun or definite description) and
``fallback`` (nearest preceding mention when the parse gives no subject).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from mcfwatch.extract.en.entities import EntityTable
from mcfwatch.extract.en.lexicon import (
    DEFINITE,
    GROUP_NOUNS,
    PUNISHING,
    ROLE_NOUNS,
    TITLE_HEADS,
    TITLE_WORDS,
    VERB_TRIGGERS,
)

CONFIDENCE = {"direct": 0.9, "resolved": 0.75, "fallback": 0.55}
_IT = {"it", "its", "itself"}
_THEY = {"they", "their", "them", "themselves"}
_HE = {"he", "she", "his", "her", "him", "hers", "himself", "herself"}
_NOT_IT = {"Person"}
_ORGS = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit"}
EVENTISH = frozenset({"Event", "Program"})  # slots a reference may fill from anywhere earlier in the document
# "the university" as the document's subject is one whose name says university (not one of its labs or schools)
# "the two universities", "both sides": the kinds of the two parties they stand for
PAIR_NOUNS: dict[str, set[str]] = {
    "side": _ORGS | {"Place"}, "party": _ORGS | {"Place"}, "university": {"University"}, "college": {"University"},
    "company": {"Company"}, "firm": {"Company"}, "institution": _ORGS, "organisation": _ORGS, "organization": _ORGS,
    "city": {"Place"}, "country": {"Place"}, "government": {"PublicBody", "Place"}, "leader": {"Person"},
    "president": {"Person"}, "minister": {"Person"}, "partner": _ORGS, "school": {"University"},
    "man": {"Person"}, "woman": {"Person"}, "official": {"Person"}, "executive": {"Person"},
}
# a travelling party: "the delegation", "the visitors", "the guests" stand for its leader (or a named delegation)
PARTY_HEADS = {"delegation", "visitor", "guest"}
# a unit referred to by its head word: the last one whose name holds the word (or its other spelling)
UNIT_HEADS = {"centre": "center", "center": "centre", "laboratory": "lab", "lab": "laboratory"}
# "the [Chinese] city of X", "the port of X", "the city council of X": the place X (or its government, for a
# council: docs/annotation.md 4.3 takes places or their governments as the parties of a friendship tie)
PLACE_OF = {"city", "town", "port", "province", "county", "prefecture", "municipality", "district", "region",
            "village", "council"}
NAMED_HEADS = {"university", "institute", "laboratory", "academy", "school", "college"}


_SELF = {"itself", "themselves", "himself", "herself"}
# "the defendant", "the respondent", "the accused": the party an enforcement text accuses (``Resolver.defendant``,
# ``relmodel.crosssent``), read by ``role_reference``
ROLE_WORDS = frozenset({"defendant", "respondent", "accused"})
# verbs that punish or accuse their object for what a clause under them tells: "The Commerce Department fined Mingda
# Trading after finding that it re-exported ...", "X was sanctioned because it supplied ...", "the court sentenced Li
# after finding that he ...": that clause's pronoun is the one punished, not the subject ("fin": "fined"'s lemma)
_FAULTING = PUNISHING | {"charge", "accuse", "indict", "sue", "prosecute", "blacklist"}
_UNDER = {"ccomp", "advcl", "pcomp", "pobj", "prep", "xcomp", "mark"}  # the steps from a clause up to its verb
# the object nouns of a verb that punishes the party "against" or "on" whom it is issued: "BIS issued a denial order
# against Mingda Trading after finding that it re-exported ...", "imposed a penalty on X after it shipped ..."
_CAUSES = {"because", "since", "as"}  # "fined X because it ...": the clause is the fault
_FAULT_NOUNS = {"order", "penalty", "fine", "sanction", "charge", "action", "ban", "injunction", "restriction"}


def role_reference(t: Token) -> bool:
    """"the defendant shipped ...", "the Respondent exported ...": a role word after "the" that stands for the accused
    (not "defendant Pacific Microwave Systems", "the defendant Chen" nor "the defendant company": a name or a head
    of its own)."""
    return t.lower_ in ROLE_WORDS and t.tag_ in {"NN", "NNP"} and t.i > 0 and t.doc[t.i - 1].lower_ == "the" \
        and t.dep_ not in {"compound", "appos"} and not any(c.dep_ in {"appos", "compound"} for c in t.children)


def _faulted(t: Token) -> list[Token]:
    """The punished or accused party of a verb of ``_FAULTING`` that the pronoun ``t``'s clause hangs under ("fined
    X after finding that it ..."), as the tokens of its object or passive subject; none when there is no such verb."""
    if t.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    v = t.head
    # the clause tells the fault: what the punisher found or said ("after finding that it ..."), a cause ("because it
    # supplied ..."), or a shipment ("fined X after it shipped ..."); not the punisher's own act when it is named
    # ("Huawei sued the company after it discovered the leak", "X sanctioned Y after it concluded the review")
    told = v.dep_ == "ccomp" or VERB_TRIGGERS.get(v.lemma_.lower()) == "export" or any(
        c.dep_ == "mark" and c.lower_ in _CAUSES for c in v.children)
    for _ in range(5):
        if v.dep_ not in _UNDER or v.head is v:
            return []
        told = told or v.dep_ == "ccomp"
        v = v.head
        if v.pos_ != "VERB":
            continue
        if not told and any(c.dep_ == "nsubj" for c in v.children):
            if v.lemma_.lower() in _FAULTING or any(d.dep_ == "dobj" and d.lemma_.lower() in _FAULT_NOUNS
                                                    for d in v.children):
                return []
            continue
        if v.lemma_.lower() in _FAULTING:
            return [c for c in v.children if c.dep_ in {"dobj", "nsubjpass"}]
        faults = [d for d in v.children if d.dep_ == "dobj" and d.lemma_.lower() in _FAULT_NOUNS]
        against = [p for h in (v, *faults) for c in h.children if c.dep_ == "prep" and c.lower_ in {"against", "on"}
                   for p in c.children if p.dep_ == "pobj"]
        if faults and against:
            return against
    return []


def _clause_verb(t: Token) -> int:
    """The verb whose clause holds ``t`` as a subject or an object (a prepositional object's verb too), followed
    up through coordinated verbs ("met him ... and paid him": the first verb)."""
    v = t.head.head if t.dep_ == "pobj" else t.head
    while v.dep_ == "conj" and v.head.pos_ in {"VERB", "AUX"}:
        v = v.head
    return v.i


def _dependent(t: Token) -> bool:
    """A name that only qualifies another ("Carrow's provost", "a subsidiary of CNOOC", "its School of X" after "the
    invitation of"): not one of "the two" parties."""
    return t.dep_ == "poss" or (t.dep_ == "pobj" and t.head.lower_ == "of")


@dataclass(slots=True)
class Arg:
    entity: str
    how: str  # direct | resolved | fallback
    token: int


def conjuncts(tok: Token) -> list[Token]:
    """The token and everything coordinated with it ("the United Kingdom and Italy"), also a list the parser
    reads as an appositive ("by A, B and C": B is A's appositive, C B's conjunct)."""
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i and c not in out:
            out.append(c)
    for a in [c for t in list(out) for c in t.children if c.dep_ == "appos" and c.i > t.i]:
        if a.pos_ == "PROPN" and any(c.dep_ == "conj" for c in a.children):
            out += [x for x in (a, *a.conjuncts) if x.i > tok.i and x not in out]
    return out


@dataclass
class Resolver:
    doc: Doc
    table: EntityTable
    paragraph_of: dict[int, int] = field(default_factory=dict)   # sentence start token -> paragraph number
    subjects: dict[int, list[str]] = field(default_factory=dict)  # sentence start -> resolved subject entities
    led: list[tuple[int, str]] = field(default_factory=list)      # (token, leader entity) of "led a delegation"
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (root token, entity) in order
    titles: set[str] = field(default_factory=set)                 # entities made from a bare title
    sents: list[Span] = field(default_factory=list)               # the document's sentences, in order
    starts: list[int] = field(default_factory=list)               # their start tokens, in order
    # per-document indices a rule builds once and reads many times (``accused``: "accused")
    memo: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _firsts: list[tuple[int, str]] | None = None                  # each entity's first mention (token, entity), in order
    _defendants: dict[int, str | None] = field(default_factory=dict)  # "the defendant" token -> who (asked once)
    mention_at: list[int] = field(default_factory=list)           # the mentions' root tokens, in order (for bisect)

    def __post_init__(self) -> None:
        para = 0
        self.sents = list(self.doc.sents)
        self.starts = [s.start for s in self.sents]
        for sent in self.sents:
            self.paragraph_of[sent.start] = para
            if "\n\n" in sent.text_with_ws or (sent.text.strip() == "" and "\n" in sent.text_with_ws):
                para += 1
        self.mentions = sorted(self.table.roots.items())
        self.mention_at = [i for i, _ in self.mentions]

    # ------------------------------------------------------------------ sentence bookkeeping
    def sentence_done(self, sent: Span) -> None:
        """Record the resolved subjects of a sentence (the antecedents for pronouns that follow)."""
        direct: list[str] = []
        resolved: list[str] = []
        root_first = sorted((t for t in sent if t.dep_ in {"nsubj", "nsubjpass"}),
                            key=lambda t: (t.head.dep_ != "ROOT", t.i))
        for t in root_first:
            for a in self.entities(t, allow_fallback=False):
                bucket = direct if a.how == "direct" else resolved
                if a.entity not in bucket:
                    bucket.append(a.entity)
        self.subjects[sent.start] = direct + [e for e in resolved if e not in direct]

    def before(self, sent: Span, n: int) -> list[Span]:
        """The (at most) ``n`` sentences of the document before ``sent``, in order."""
        k = bisect_left(self.starts, sent.start)
        return self.sents[max(0, k - n):k]

    def first_named(self, kinds: set[str] | frozenset[str], before: int) -> str | None:
        """The entity of ``kinds`` the document named first, if that was before token ``before`` (a filing's "the
        Company", "the company shipped" with none nearer). Reads each entity's first mention, indexed once per
        document (the types are read now: a rule may retype an entity after the index is built)."""
        if self._firsts is None:
            seen: set[str] = set()
            self._firsts = []
            for i, e in self.mentions:
                if e not in seen:
                    seen.add(e)
                    self._firsts.append((i, e))
        for i, e in self._firsts:
            if i >= before:
                return None
            if self.table.types.get(e) in kinds:
                return e
        return None

    def accused(self) -> list[tuple[int, str]]:
        """The people and companies the document names as accused, in order (``en.accused``, found once per
        document)."""
        if "accused" not in self.memo:
            from mcfwatch.extract.en.accused import accused  # accused.py reads ``conjuncts`` from here

            self.memo["accused"] = accused(self.doc, self.table.token_entity.get, self.table.types.get)
        return self.memo["accused"]

    def defendant(self, before: int) -> str | None:
        """Who "the defendant" at token ``before`` is (``accused.defendant``: the latest accused of its paragraph,
        else the first; else the first person or company named that no official's title names)."""
        if before not in self._defendants:  # every rule asks for the same token
            from mcfwatch.extract.en.accused import defendant

            self._defendants[before] = defendant(self.doc, self.accused(), self.mentions, before,
                                                 self.table.token_entity.get, self.table.types.get)
        return self._defendants[before]

    def last_named(self, before: int, types: set[str] | frozenset[str], at: int) -> list[Arg]:
        """The entity of ``types`` the document named last before token ``before`` ("Cruz attended.": the event
        told before), as a resolved argument at token ``at``; none when there is none."""
        last = self._last_of(before, types)
        return [Arg(last, "resolved", at)] if last else []

    # ------------------------------------------------------------------ token -> entities
    def entities(self, tok: Token, allow_fallback: bool = True, depth: int = 0,
                 want: frozenset[str] | None = None) -> list[Arg]:
        """The entities tok stands for; ``want``: the types the slot takes (a pronoun or definite description
        is resolved to an antecedent of one of them: "It is organised by X" -> the event, not the last subject)."""
        out: list[Arg] = []
        for t in conjuncts(tok) + self._inner_conjuncts(tok):
            for a in self._one(t, depth, want):
                if all(a.entity != b.entity for b in out):
                    out.append(a)
        return out

    def typed(self, toks: list[Token], types: set[str] | frozenset[str]) -> list[Arg]:
        """The distinct entities of ``types`` that ``toks`` stand for, in order (a slot that takes only these types:
        the joint set-up's, the funder's or recipient's, the twinned places)."""
        want = frozenset(types)
        out: list[Arg] = []
        for t in toks:
            for a in self.entities(t, want=want):
                if self.table.types.get(a.entity) in want and all(a.entity != b.entity for b in out):
                    out.append(a)
        return out

    def the_two(self, t: Token) -> list[Arg]:
        """"the two universities", "both sides", "the two leaders": the last two named of the kind, in this sentence
        (before the phrase) or the two before it."""
        dets = {c.lower_ for c in t.children if c.dep_ in {"det", "nummod", "predet"}}
        if not ({"two", "both"} & dets):
            return []
        types = PAIR_NOUNS.get(t.lemma_.lower()) or PAIR_NOUNS.get(t.lower_, set())
        start = (self.before(t.sent, 2) or [t.sent])[0].start
        found: list[str] = []
        for i, e in self.mentions_back(t.i, start):
            if self.table.types.get(e) in types and e not in found and not _dependent(self.doc[i]):
                found.append(e)
                if len(found) == 2:
                    return [Arg(x, "resolved", t.i) for x in reversed(found)]
        return []

    def _inner_conjuncts(self, tok: Token) -> list[Token]:
        """Names coordinated with the last word of a mention that ends in "of ...": "by the Department of Finance and
        Shaanxi Aerospace Investment Group" (the parser hangs the group on "Finance", inside the first name)."""
        eid = self.table.entity_of(tok)
        if eid is None:
            return []
        out: list[Token] = []
        for t in tok.subtree:
            if t.i > tok.i and t.dep_ == "pobj" and self.table.entity_of(t) == eid:
                out += [c for c in t.conjuncts if c.i > t.i and self.table.entity_of(c) not in {None, eid}]
        return out

    def _one(self, t: Token, depth: int, want: frozenset[str] | None = None) -> list[Arg]:
        eid = self.table.entity_of(t)
        if eid is not None:
            return [Arg(eid, "direct", t.i)]
        low = t.lower_
        if low in PAIR_NOUNS or t.lemma_.lower() in PAIR_NOUNS:
            pair = self.the_two(t)
            if pair:
                return pair
        if t.pos_ == "PRON" or low in _IT | _THEY | _HE:
            if low in {"who", "which", "that"} and t.head.dep_ == "relcl":
                return self.entities(t.head.head, depth=depth + 1) if depth < 3 else []
            if low in {"which", "whom"} and t.dep_ == "pobj":  # "X, to which it ships parts": the relative clause's head
                clause = t.head.head
                if clause.dep_ != "relcl" and clause.head.dep_ == "relcl":  # "to which" hung on the verb's object
                    clause = clause.head
                return self.entities(clause.head, depth=depth + 1) if depth < 3 and clause.dep_ == "relcl" else []
            r = self.pronoun(t, want)
            return [Arg(r, "resolved", t.i)] if r else []
        if role_reference(t):
            who = self.defendant(t.i)  # "the defendant shipped ...": the accused (en.accused), not "the defendant Chen"
            return [Arg(who, "resolved", t.i)] if who else []
        kinds = {"Person"} | DEFINITE.get(t.lemma_.lower(), set())  # "the German firm Hagemann Pressen" too
        if t.pos_ in {"NOUN", "NUM"}:  # "the Danish line Nordlys Shipping", "the Yantai importer Penglai Wine
            kinds = kinds | _ORGS  # Trading", "one, Bodegas Río Viejo, has since sold"
        for c in t.children:  # "Director Wang’s predecessor, Yang Jiechi": the named appositive
            if c.dep_ == "appos" and self.table.types.get(self.table.entity_of(c) or "") in kinds:
                return [Arg(self.table.entity_of(c) or "", "direct", c.i)]
        if t.lemma_.lower() in ROLE_NOUNS and t.dep_ in {"pobj", "dobj"}:
            # a title chain naming one person: "... Politburo Member, Director of ..., and Foreign Minister Wang Yi"
            named = [self.table.entity_of(x) for x in t.subtree if x.i > t.i]
            people = [p for p in named if p and self.table.types.get(p) == "Person"]
            if people:
                return [Arg(people[0], "direct", t.i)]
        title = self.title(t)
        if title is not None:
            return [Arg(title, "direct", t.i)]
        if t.lemma_.lower() in ROLE_NOUNS:  # "Politburo Member, Director of ..., and Foreign Minister Wang Yi"
            linked = [c for c in [*t.conjuncts, *t.children] if c.dep_ in {"conj", "appos"}]
            for c in linked:
                e = self.table.entity_of(c)
                if e and self.table.types.get(e) == "Person":
                    return [Arg(e, "direct", c.i)]
        if depth < 3 and t.lemma_.lower() in GROUP_NOUNS | {"delegate"}:
            found: list[Arg] = []
            for c in t.children:
                if c.dep_ == "compound" and self.table.entity_of(c):
                    found.append(Arg(self.table.entity_of(c) or "", "direct", c.i))
                if c.dep_ == "poss" and t.lemma_.lower() in {"delegation", "delegate", "team", "representative",
                                                             "official"}:  # "AVIC's delegation, led by X, toured"
                    found.extend(self.entities(c, depth=depth + 1))
                if c.dep_ == "prep" and c.lower_ in {"of", "from", "at", "including", "like", "such"}:
                    for p in c.children:
                        if p.dep_ == "pobj" or (c.lower_ == "such" and p.dep_ == "prep"):
                            target = p if p.dep_ == "pobj" else next((q for q in p.children if q.dep_ == "pobj"), None)
                            if target is not None:
                                found.extend(self.entities(target, depth=depth + 1))
            if found:
                return found
        if t.lemma_.lower() in PLACE_OF and t.pos_ == "NOUN":  # "the Sichuan city of Deyang": Deyang, not Sichuan
            for q in [q for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for q in p.children
                      if q.dep_ == "pobj"]:
                e = self.table.entity_of(q)
                if e is not None and self.table.types.get(e) == "Place":
                    return [Arg(e, "direct", t.i)]
        if self._definite(t):
            r = self.definite(t, want)
            if r:
                return [Arg(r, "resolved", t.i)]
        # a mention rooted in a compound/nmod child: "the military-civil fusion project" (not "CCP Member")
        if t.lemma_.lower() in ROLE_NOUNS:
            return []
        for c in t.children:  # "the Oceanology International exhibition": a name read as an adjective too (not a
            if c.dep_ in {"compound", "nmod"} or c.dep_ == "amod" and c.pos_ == "PROPN":  # place: "a Calgary law firm")
                e2 = self.table.roots.get(c.i)
                if e2 is not None and (c.dep_ != "amod" or self.table.types.get(e2) != "Place"):
                    return [Arg(e2, "direct", c.i)]
        return []

    # ------------------------------------------------------------------ titles without a name
    def title(self, t: Token) -> str | None:
        """"the Deputy Mayor" with no name becomes a Person entity named by the title."""
        if t.lemma_.lower() not in TITLE_HEADS or t.dep_ == "compound" or t.pos_ not in {"PROPN", "NOUN"}:
            return None
        if any(c.dep_ in {"compound", "appos", "flat"} and c.ent_type_ == "PERSON" for c in t.children):
            return None
        left = t
        while left.i > 0 and self.doc[left.i - 1].lower_ in TITLE_WORDS and self.doc[left.i - 1].is_title:
            left = self.doc[left.i - 1]
        if left.i > 0 and self.doc[left.i - 1].lower_ not in {"the", "its", "their", "his", "her"}:
            return None
        if not t.is_title:
            return None
        span = self.doc[left.i:t.i + 1]
        if span.text.lower() in {"president", "chairman", "director", "head", "general", "chief", "leader",
                                 "secretary", "minister", "ambassador", "premier"}:
            return None  # too vague alone ("the Secretary shall ...": a statute's or a fact sheet's office, no person)
        eid = self.table.add(span.text, "Person", span.start_char, span.end_char, range(span.start, span.end), t.i)
        self.titles.add(eid)
        return eid

    # ------------------------------------------------------------------ pronouns
    def pronoun(self, t: Token, want: frozenset[str] | None = None) -> str | None:
        low = t.lower_
        allowed = self._allowed(low) & want if want else self._allowed(low)
        sent = t.sent
        # 0. the party a punishing verb names, for the clause that says what it did ("fined X after finding that it")
        for c in _faulted(t):
            for a in self._one(c, 3):
                if self.table.types.get(a.entity) in allowed:
                    return a.entity
        # 1. a subject earlier in the same sentence ("Even though X is registered ..., it has been"), not the subject
        # of the pronoun's own clause when the pronoun is an object ("Chen met him and paid him": not Chen)
        own = _clause_verb(t) if t.dep_ in {"dobj", "dative", "pobj"} and low not in _SELF else None
        for s in sorted((x for x in sent if x.dep_ in {"nsubj", "nsubjpass"} and x.i < t.i), key=lambda x: -x.i):
            if s.i == t.i or s.lower_ in _IT | _THEY | _HE or (own is not None and _clause_verb(s) == own):
                continue
            for a in self._one(s, 3):
                if self.table.types.get(a.entity) in allowed:
                    return a.entity
        # 1b. he/she with no person as a subject before it: the person this sentence named last before it, outside the
        # pronoun's own clause ("X brought in researcher Wang Rui in 2015; she joined the Y Program")
        if low in _HE and own is None:
            for s in reversed([x for x in sent if x.i < t.i and x.dep_ in {"dobj", "pobj", "appos"}]):
                e = self.table.entity_of(s)
                if e is not None and self.table.types.get(e) == "Person" and _clause_verb(s) != _clause_verb(t):
                    return e
        # 2. the subjects of the previous sentences (at most two back, same paragraph first)
        prev = self.before(sent, 2)
        for ps in reversed(prev):
            for e in self.subjects.get(ps.start, []):
                if self.table.types.get(e) in allowed:
                    return e
        # 3. the nearest preceding organisation mention in the previous sentence (an event or programme when
        # the slot takes only those)
        if prev:
            for _i, e in self.mentions_back(t.i, prev[-1].start):
                if self.table.types.get(e) in allowed - ({"Place", "Event", "Program", "Technology"} - (want or set())):
                    return e
        # 4. an event or programme as subject ("It is organised by X"): the one the document last named before
        if want and want <= EVENTISH and t.dep_ in {"nsubjpass", "nsubj"}:
            return self._last_of(t.i, allowed)
        return None

    def _last_of(self, before: int, types: set[str] | frozenset[str], word: str | None = None,
                 since: int = 0) -> str | None:
        """The entity of the last mention before token ``before`` (and at or after token ``since``) of one of
        ``types`` (whose name holds ``word``, when given); the scan starts at ``before`` (bisect), not at the end."""
        for k in range(bisect_left(self.mention_at, before) - 1, -1, -1):
            i, e = self.mentions[k]
            if i < since:
                return None
            if self.table.types.get(e) in types and (word is None or word in self.table.names.get(e, "").lower()):
                return e
        return None

    def mentions_back(self, before: int, since: int) -> list[tuple[int, str]]:
        """The mentions in tokens [``since``, ``before``), latest first (bisect: no scan of the whole document)."""
        hi = bisect_left(self.mention_at, before)
        lo = bisect_left(self.mention_at, since)
        return self.mentions[lo:hi][::-1]

    @staticmethod
    def _allowed(low: str) -> set[str]:
        every = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Person", "Place",
                 "Event", "Program", "Technology"}
        if low in _HE:
            return {"Person"}
        if low in _IT:
            return every - _NOT_IT
        return every - {"Technology", "Event", "Program"}

    # ------------------------------------------------------------------ definite descriptions
    def _definite(self, t: Token) -> bool:
        if t.lemma_.lower() not in DEFINITE:
            return False
        dets = [c for c in t.children if c.dep_ in {"det", "poss"}]
        return any(d.lower_ in {"the", "this", "that", "these"} for d in dets) and not any(
            c.dep_ in {"compound", "amod"} and c.pos_ == "PROPN" for c in t.children)

    def definite(self, t: Token, want: frozenset[str] | None = None) -> str | None:
        head = t.lemma_.lower()
        types = DEFINITE[head] & want if want else DEFINITE[head]
        if t.text == "Company" and "Company" in types:  # a filing's defined term for its filer: the company named first
            first = self.first_named({"Company"}, t.i)
            if first is not None:
                return first
        if types and types <= EVENTISH:  # "the fair": the last "... Fair" named, in any paragraph (the heading)
            named = self._last_of(t.i, types, head)
            if named is not None:
                return named
        if head in UNIT_HEADS:  # "the centre", "the lab": the last one named so, in any paragraph
            named = self._last_of(t.i, types, head) or self._last_of(t.i, types, UNIT_HEADS[head])
            if named is not None:
                return named
        para = self.paragraph_of.get(t.sent.start, 0)
        best: tuple[int, str] | None = None
        for k in range(bisect_left(self.mention_at, t.i) - 1, -1, -1):  # the latest one of this paragraph
            i, e = self.mentions[k]
            if self.paragraph_of.get(self.doc[i].sent.start, -1) != para:
                break  # paragraphs only grow along the document
            name = self.table.names.get(e, "").lower()
            if self.table.types.get(e) in types and (head not in PARTY_HEADS or name.endswith("delegation")):
                best = (i, e)
                break
        for i, e in self.led:
            same_para = self.paragraph_of.get(self.doc[i].sent.start, -1) == para
            if head in PARTY_HEADS and i < t.i and same_para and (best is None or i > best[0]):
                best = (i, e)
        if best is None and head in PARTY_HEADS:  # "The guests visited X" paragraphs after "a delegation led by Y"
            led = [(i, e) for i, e in self.led if i < t.i]
            best = led[-1] if led else None
        if best is None and types and types <= EVENTISH:  # "the event" with none in its paragraph
            return self._last_of(t.i, types)
        if best is not None and types and not types <= EVENTISH and head not in PARTY_HEADS:
            # "the university" after a passing mention of another one: the document's subject (dev CV: taking the
            # subject also when the paragraph names none added about three wrong findings for each right one)
            subject = self.subject_of(types, t.i, head if head in NAMED_HEADS else None)
            if subject is not None and self._passing(best[1], subject):
                return subject
        return best[1] if best else None

    def subject_of(self, types: set[str] | frozenset[str], before: int, word: str | None = None) -> str | None:
        """The document's subject among ``types`` (whose name holds ``word``, when given): the entity of those
        types named most often (the first named, on a tie), if it was named before token ``before``."""
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for i, e in self.mentions:
            if self.table.types.get(e) in types and (word is None or word in self.table.names.get(e, "").lower()):
                counts[e] = counts.get(e, 0) + 1
                first.setdefault(e, i)
        if not counts:
            return None
        best = max(counts, key=lambda e: (counts[e], -first[e]))
        return best if first[best] < before else None

    def _passing(self, nearest: str, subject: str) -> bool:
        """The nearest antecedent is only a passing mention beside the document's subject: named once, the
        subject at least twice."""
        if nearest == subject:
            return False
        n = sum(1 for _, e in self.mentions if e == nearest)
        return n == 1 and sum(1 for _, e in self.mentions if e == subject) >= 2

    def leaders_of(self, toks: list[Token]) -> list[Arg]:
        """The leaders noted for these tokens ("a delegation, led by X, took part": X)."""
        at = {t.i for t in toks}
        return [Arg(e, "direct", i) for i, e in self.led if i in at]

    def note_leader(self, tok: Token, leader: str) -> None:
        self.led.append((tok.i, leader))
