"""References that carry a party across sentences: definite descriptions, pronouns and bare nouns bound to an
entity an earlier sentence named, as extra mentions of that entity.

Measured on corpus/train (`python benchmarks/cross_sentence.py en|zh`): 28% of the English and 37% of the Chinese gold relations
have parties that never share a sentence, and the missed ones are mostly told through a reference in place of
the name: "The fair is organised by ...", "The company was a front for ...", "she held talks with ...",
"代表团参观了 ...", "公司董事长 ...", "学校同时聘其为讲座教授". Each reference becomes a mention of the entity it
stands for, so the model scores it like a name (the same path features, the same candidates), with the
reference kind as a feature (``Mention.ref``). What must stay true: training and extraction call the same
functions on their own mentions, and a reference never overlaps a mention it was given. This module reads
English; the Chinese references (公司, 学校, 代表团, 其, 他) are ``crosssent_zh.chinese``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from spacy.tokens import Doc, Token

from mcfwatch.extract.en.accused import accused, defendant
from mcfwatch.extract.en.args import ROLE_WORDS, role_reference
from mcfwatch.extract.relmodel import features_en
from mcfwatch.extract.relmodel.antecedents import AGENTS, Occupied, free, names_of, subject
from mcfwatch.extract.relmodel.candidates import Mention

# English head nouns of a definite description ("the fair", "this company") -> the types it can stand for
EN_HEADS: dict[str, set[str]] = {
    **dict.fromkeys(("company", "firm", "corporation", "conglomerate", "subsidiary", "manufacturer", "maker",
                     "supplier", "startup", "start-up", "enterprise", "contractor", "distributor", "buyer",
                     "exporter", "importer", "business"), {"Company"}),
    "group": {"Company", "Organization"},
    **dict.fromkeys(("university", "college", "school"), {"University"}),
    **dict.fromkeys(("institute", "academy", "centre", "center", "laboratory", "lab", "faculty"),
                    {"Organization", "University", "PublicBody", "Company"}),
    **dict.fromkeys(("department", "bureau", "ministry", "agency", "office", "commission", "committee",
                     "government", "administration", "council", "embassy", "consulate", "municipality"),
                    {"PublicBody", "Organization"}),
    **dict.fromkeys(("association", "society", "chamber", "federation", "foundation", "network", "alliance",
                     "station", "organisation", "organization", "club", "delegation", "trust", "fund",
                     "workstation", "consortium"), {"Organization", "PublicBody"}),
    **dict.fromkeys(("fair", "expo", "exhibition", "forum", "summit", "conference", "festival", "show", "event",
                     "seminar", "symposium", "congress", "edition", "competition", "contest", "workshop",
                     "dialogue", "roadshow", "week", "salon", "meeting", "games", "challenge", "ceremony"),
                    {"Event"}),
    **dict.fromkeys(("programme", "program", "plan", "scheme", "initiative", "project"), {"Program"}),
    **dict.fromkeys(("army", "navy", "unit", "force", "regiment", "brigade"), {"MilitaryUnit"}),
    **dict.fromkeys(("city", "province", "county", "town"), {"Place"}),
}
# heads that stand for the latest entity of their types even when its name lacks the word ("the firm" for
# Keel Photonics LLC); any other head needs an entity whose name has it ("the centre", "the delegation")
EN_BY_TYPE = {"company", "firm", "corporation", "conglomerate", "subsidiary", "manufacturer", "maker", "supplier",
              "startup", "university", "college", "fair", "expo", "exhibition", "forum", "summit", "conference",
              "festival", "event", "ministry", "agency", "government", "city", "province"}
EN_DETERMINERS = {"the", "this", "that"}
EN_PERSON = {"he", "him", "his", "she", "her"}
EN_IT = {"it", "its", "they", "their"}
AGENTS_OR_EVENT = AGENTS | {"Event"}
_EN_WORDS = frozenset(EN_PERSON | EN_IT)  # the pronouns ``_english_ref`` reads


def _starts_at(mentions: list[Mention], first: int, last: int) -> bool:
    """Whether a mention of ``mentions`` (in order of their start) starts in [first, last]."""
    k = bisect.bisect_left(mentions, first, key=lambda m: m.start)
    return k < len(mentions) and mentions[k].start <= last


def _latest(before: int, mentions: list[Mention], types: set[str], word: str, names: dict[str, str],
            by_type: bool) -> Mention | None:
    """The latest mention before ``before`` of an entity of one of ``types`` whose name has ``word``, else
    (``by_type``) the latest of those types."""
    latest: Mention | None = None  # ``mentions`` in order of their start: walked back from ``before``
    for k in range(bisect.bisect_left(mentions, before, key=lambda m: m.start) - 1, -1, -1):
        m = mentions[k]
        if m.end <= before and m.type in types:
            if word in names[m.entity].lower():
                return m
            latest = latest or m
    return latest if by_type else None


def english(sdoc: Doc, mentions: list[Mention], kinds: frozenset[str] = frozenset()) -> list[Mention]:
    """Definite descriptions ("the fair", "this company") and pronouns ("it", "its", "she", "their") bound to
    an entity an earlier text named, as mentions of it; ``ref`` says which (``def:fair``, ``pron:it``).
    ``kinds`` (a subset of ``KINDS_EN``; a model records the ones it was trained with) adds the references of
    ``_Parties.ref``: a filing's defined term, "the defendant", "we", and the unnamed agent of a passive transfer."""
    ordered = sorted(mentions, key=lambda m: m.start)
    names = names_of(sdoc.text, ordered)
    out: list[Mention] = []
    taken = Occupied(ordered)
    tk = features_en.tokens(sdoc)  # the features' columns: a token that cannot refer is never made a ``Token``
    parties = _Parties(sdoc, tk, ordered, kinds) if kinds else None
    words = _EN_WORDS | parties.words if parties is not None else _EN_WORDS
    lemmas = parties.lemmas if parties is not None else frozenset()
    prev_start = 0  # the start of the previous sentence
    for sent in sdoc.sents:
        for i in range(sent.start, sent.end):
            if not ((tk.pos[i] == "NOUN" and tk.low_lemma[i] in EN_HEADS) or tk.lower[i] in words
                    or tk.low_lemma[i] in lemmas):
                continue  # neither a head noun nor a pronoun nor a party word (``_english_ref``, ``_Parties.ref``)
            t = sdoc[i]
            ref = None
            if parties is not None and t.text[:1].isupper() and i > 0 and sdoc[i - 1].lower_ == "the":
                ref = parties.ref(t, sent.start_char, prev_start)  # "the Company": a defined term before a head noun
            if ref is None:
                ref = _english_ref(t, sent.start_char, prev_start, ordered, names)
            if ref is None and parties is not None:
                ref = parties.ref(t, sent.start_char, prev_start)
            # every reference ends where its token ends, tokens in order: only the last one found can overlap
            if ref is not None and taken.free(ref.start, ref.end) and free(ref.start, ref.end, out[-1:]):
                out.append(ref)
        prev_start = sent.start_char
    return out


# The parties of a transfer that a sentence names only through a reference (training pool corpus/train +
# corpus/extra, 796 gold exports: 114 had no candidate; "In 2019 the Company sold 1,140 kits to ...", "the
# defendant sent Chen eleven documents", "we shipped our first production units to ...", "The machine was shipped
# to Penang"). Each is general filing / court / press-release grammar, not a word list of one document.
KINDS_EN = frozenset({"defined", "defendant", "we", "passive"})
# a defined term of a filing or a judgment: NAME ("the Company"), NAME (the "Buyer"), NAME ("ARM" or "the Company")
_DEFINITION = re.compile(r"\(([^()]{0,80})\)")
# how far before its definition a defined name may start (the name and the gap: ``_defined`` reads no further back)
_NAME_REACH = 400
_QUOTED = re.compile(r"[\"“](?:the\s+)?([A-Z][A-Za-z]+)[\"”]")
# between a name and its definition: nothing, a comma, or the legal form the mention left out ("Acme Corp., Inc.")
_DEFINED_GAP = re.compile(r"^[\s,]*(?:(?:Inc|Ltd|LLC|L\.L\.C|Co|Corp|Corporation|Limited|GmbH|AG|SA|S\.A|plc|PLC|N\.V|B\.V|"
                          r"LP|L\.P)\.?[\s,]*)*$")
# the words a filing or a judgment defines a party by (not "the Agreement", "the Notes", "the Act", "the Plan")
_PARTY_TERMS = frozenset({"Company", "Group", "Corporation", "Firm", "Buyer", "Seller", "Purchaser", "Vendor",
                          "Supplier", "Distributor", "Licensee", "Licensor", "Customer", "Contractor", "Subcontractor",
                          "Manufacturer", "Exporter", "Importer", "Consignee", "Parent", "Subsidiary", "Issuer",
                          "Borrower", "Lender", "Investor", "Acquirer", "Target", "Partner", "Bank", "Fund",
                          "Trust", "Partnership", "Defendant", "Respondent", "Claimant", "Plaintiff", "Agent"})
# "the Company" / "the Group" capitalised with no definition: the filing's own company (its most-mentioned one)
_OWN_TERMS = {"Company", "Group", "Corporation", "Firm"}
_ROLES = ROLE_WORDS
_WE = frozenset({"we", "our", "us"})
# verbs that move goods or data to a recipient; a passive one with no "by" agent is the unnamed exporter's
_TRANSFER = frozenset({"ship", "send", "deliver", "export", "re-export", "reexport", "transship", "tranship",
                       "forward", "supply", "sell", "resell", "divert", "transfer", "consign", "route", "smuggle",
                       "fly"})
_PARTY_TYPES = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Person"}


def _shortening(term: str, name: str) -> bool:
    """``term`` shortens ``name``: one of its words ("Sierra" for Sierra Optronics), its start, or its initials
    ("ARM" for Advanced RISC Machines, "SMIC" for Semiconductor Manufacturing International Corporation)."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", name)
    low = term.lower()
    if any(w.lower() == low for w in words) or name.lower().startswith(low):
        return True
    initials = "".join(w[0] for w in words if w[0].isupper()).lower()
    return len(low) >= 2 and (initials.startswith(low) or low in initials)


def _quotes(text: str) -> tuple[list[int], list[bool]]:
    """The offsets of the quote marks and line breaks of ``text`` and, after each, whether a quotation of its
    paragraph is open (more open curly quotes than closed, or an odd count of straight ones): one scan per document,
    read by ``_quoted`` with a bisect."""
    offsets: list[int] = []
    inside: list[bool] = []
    opened = closed = straight = 0
    for hit in re.finditer('[\u201c\u201d"\n]', text):
        ch = hit.group()
        if ch == "\n":
            opened = closed = straight = 0
        elif ch == "\u201c":
            opened += 1
        elif ch == "\u201d":
            closed += 1
        else:
            straight += 1
        offsets.append(hit.start())
        inside.append(opened > closed or straight % 2 == 1)
    return offsets, inside


def _quoted(quotes: tuple[list[int], list[bool]], idx: int) -> bool:
    """Character ``idx`` is inside a quotation of its paragraph (an open curly quote, or an odd count of straight
    ones, before it): "we" there is the speaker's, not the text's author."""
    k = bisect.bisect_left(quotes[0], idx) - 1
    return k >= 0 and quotes[1][k]


class _Parties:
    """The document-wide antecedents of ``KINDS_EN`` references, found once per document."""

    def __init__(self, sdoc: Doc, tk: features_en.Tokens, ordered: list[Mention], kinds: frozenset[str]) -> None:
        self.sdoc, self.ordered, self.kinds = sdoc, ordered, kinds
        self.starts = [m.start for m in ordered]
        self.sent_starts = [s.start_char for s in sdoc.sents]
        # token -> the first mention (of a party type) that covers its first character, built once per document
        tok_starts = [t.idx for t in sdoc]
        self.at: dict[int, Mention] = {}
        for m in ordered:
            if m.type in _PARTY_TYPES:
                for i in range(bisect.bisect_left(tok_starts, m.start), bisect.bisect_left(tok_starts, m.end)):
                    self.at.setdefault(i, m)
        self.terms: dict[str, Mention] = self._defined(sdoc.text) if "defined" in kinds else {}
        # the lower-cased words and lemmas ``ref`` can read as a reference (``english`` skips every other token)
        self.words = frozenset({w.lower() for w in (*self.terms, *_OWN_TERMS)} if "defined" in kinds else ()) \
            | (_ROLES if "defendant" in kinds else frozenset()) | (_WE if "we" in kinds else frozenset())
        self.lemmas = _TRANSFER if "passive" in kinds else frozenset()
        own = [m for m in ordered if m.type == "Company"]
        counts = Counter(m.entity for m in own)
        self.own = next((m for m in own if m.entity == counts.most_common(1)[0][0]), None) if own else None
        # "we": the body the text speaks for, named first (the heading or dateline of a release, a report's cover)
        self.we = next((m for m in ordered if m.type in AGENTS), None)
        self.quotes = _quotes(sdoc.text) if "we" in kinds else ([], [])
        # "the defendant": the accused (``en.accused``: the one rule the relation rules read too)
        self.types = {m.entity: m.type for m in ordered}
        self.named: list[tuple[int, str]] = []
        self.by_token: list[tuple[int, str]] = []
        if "defendant" in kinds and any(w in _ROLES for w in tk.lower):  # no role word: nothing to bind
            self.named = accused(sdoc, self._entity_at, self.types.get)
            self.by_token = sorted((i, m.entity) for i, m in self.at.items()
                                   if i == 0 or self.at.get(i - 1) is not m)  # each mention once, at its first token
        self.shippers: list[Mention] = []  # subjects of an active transfer verb, in text order
        if "passive" in kinds:
            for i, dep in enumerate(tk.dep):
                if dep == "nsubj" and tk.low_lemma[tk.head[i]] in _TRANSFER:
                    shipper = self.at.get(i)
                    if shipper is not None:
                        self.shippers.append(shipper)
        # each shipper once, by where it ends (nested mentions, one mention the subject twice), for the bisect
        self.shippers = sorted({id(m): m for m in self.shippers}.values(), key=lambda m: (m.end, m.start))
        self.shipper_ends = [m.end for m in self.shippers]

    def _entity_at(self, i: int) -> str | None:
        m = self.at.get(i)
        return m.entity if m is not None else None

    def _defined(self, text: str) -> dict[str, Mention]:
        """Each defined word -> the mention it directly follows ("Sierra Optronics, Inc. (the "Company")"): the
        parenthesis comes right after the name (a comma or a legal form between), and the word is a party's
        ("Company", "Buyer") or a shortening of the name ("ARM"), never "the Agreement" or "the Notes"."""
        out: dict[str, Mention] = {}
        for hit in _DEFINITION.finditer(text):
            terms = _QUOTED.findall(hit.group(1))
            if not terms:
                continue
            k = bisect.bisect_left(self.starts, hit.start())  # a later one cannot end before it
            lo = bisect.bisect_left(self.starts, hit.start() - _NAME_REACH)  # one further back ends too far off
            ante = next((self.ordered[j] for j in range(k - 1, lo - 1, -1)
                         if self.ordered[j].end <= hit.start() and self.ordered[j].type in AGENTS), None)
            if ante is None or not _DEFINED_GAP.match(text[ante.end:hit.start()]):
                continue
            name = text[ante.start:ante.end]
            for term in terms:
                if term in _PARTY_TERMS or _shortening(term, name):
                    out.setdefault(term, ante)
        return out

    def ref(self, t: Token, sent_start: int, prev_start: int) -> Mention | None:
        low = t.lower_
        prev = t.doc[t.i - 1] if t.i > 0 else None
        if "defined" in self.kinds and prev is not None and prev.lower_ == "the" and t.text[:1].isupper():
            ante = self.terms.get(t.text)
            if ante is None and t.text in _OWN_TERMS and t.i - 1 > t.sent.start:
                ante = self.own  # capitalised mid-sentence: a defined term whose definition is elsewhere
            if ante is not None and ante.start < t.idx:
                return Mention(prev.idx, t.idx + len(t.text), ante.entity, ante.type, "def:term")
        if "defendant" in self.kinds and low in _ROLES and t.tag_ in {"NN", "NNP"}:
            if prev is None or not role_reference(t):
                return None  # "defendant Pacific Microwave Systems", "the defendant Chen"
            who = defendant(self.sdoc, self.named, self.by_token, t.i, self._entity_at, self.types.get)
            if who is None:
                return None
            return Mention(prev.idx, t.idx + len(t.text), who, self.types[who], "role:defendant")
        if "we" in self.kinds and low in _WE and t.pos_ == "PRON" and self.we is not None \
                and not _quoted(self.quotes, t.idx):  # not "we" in a speaker's quotation
            return Mention(t.idx, t.idx + len(t.text), self.we.entity, self.we.type, "pron:we")
        if ("passive" in self.kinds and t.tag_ == "VBN" and t.lemma_.lower() in _TRANSFER
                and any(c.dep_ in {"nsubjpass", "auxpass"} for c in t.children)
                and not any(c.dep_ == "agent" for c in t.children)):
            # the shipper named last before this sentence, in the two sentences before it (not further)
            k = bisect.bisect_left(self.sent_starts, sent_start)
            window = self.sent_starts[max(0, k - 2)] if k > 0 else sent_start
            j = bisect.bisect_right(self.shipper_ends, sent_start) - 1
            ante = self.shippers[j] if j >= 0 and self.shippers[j].start >= window else None
            if ante is None:
                ante = subject(prev_start, sent_start, self.ordered, AGENTS | {"Person"})
            if ante is None:
                return None
            return Mention(t.idx, t.idx + len(t.text), ante.entity, ante.type, f"pass:{t.lemma_.lower()}")
        return None


def _english_ref(t: Token, sent_start: int, prev_start: int, ordered: list[Mention],
                 names: dict[str, str]) -> Mention | None:
    low = t.lower_
    if t.pos_ == "NOUN" and t.tag_ != "NNS" and t.lemma_.lower() in EN_HEADS:
        det = next((c for c in t.children if c.dep_ == "det" and c.lower_ in EN_DETERMINERS), None)
        end = t.idx + len(t.text)
        if (det is None or t.dep_ in {"compound", "appos"} or _starts_at(ordered, end, end + 1)
                or any(c.dep_ in {"prep", "appos", "nummod"} and c.i > t.i for c in t.children)
                or any(c.dep_ == "nummod" for c in t.children)):
            return None  # "the university of X", "the firm Sichuan Huafeng", "the two companies"
        head = t.lemma_.lower()
        ante = _latest(det.idx, ordered, EN_HEADS[head], head, names, head in EN_BY_TYPE)
        if ante is None:
            return None
        return Mention(det.idx, t.idx + len(t.text), ante.entity, ante.type, f"def:{head}")
    if t.pos_ != "PRON" or (low not in EN_PERSON and low not in EN_IT):
        return None
    # the first fitting mention of this sentence before the pronoun (its subject), else of the previous one
    types = {"Person"} if low in EN_PERSON else AGENTS_OR_EVENT
    ante = subject(sent_start, t.idx, ordered, types) or subject(prev_start, sent_start, ordered, types)
    if ante is None:
        return None
    return Mention(t.idx, t.idx + len(t.text), ante.entity, ante.type, f"pron:{low}")
