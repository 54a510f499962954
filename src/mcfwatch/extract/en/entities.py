"""Entity mentions from a parsed document: clean spans, mcfwatch types, one Entity per name.

Types come from the ruler label (patterns and watchlists) where there is one, else from the
spaCy label refined by the head noun ("... University" -> University, "... Co., Ltd." -> Company).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from mcfwatch.extract.en.cleanup import (
    INTERNATIONAL_STARTS,
    address_keeps,
    address_ranges,
    caption_body,
    command_verb,
    furniture_ranges,
    generic_event,
    in_address,
    in_title,
    is_document_name,
    is_heading,
    is_speaker,
    known_type,
    no_person_name,
    place_canonical,
    run_on,
    split_of_the,
    split_parent,
    split_seat,
)
from mcfwatch.extract.en.designators import designated_items, product_items
from mcfwatch.extract.en.doctext import text_of
from mcfwatch.extract.en.extents import (
    MISSION_WORDS,
    bracket_tail,
    cmc_units,
    council_of,
    event_tail,
    joined_halves,
    member_tail,
    programme_bodies,
    seat_tail,
    unit_tail,
)
from mcfwatch.extract.en.heads import local_council, named_by_role, strong_type
from mcfwatch.extract.en.items import hyphen_word_before, item_head_after, transferred_items, whole_words
from mcfwatch.extract.en.lexicon import TITLE_HEADS, TITLE_WORDS
from mcfwatch.extract.en.names import country_name, name_key
from mcfwatch.extract.en.patterns import EVENT_HEADS, PERSON_TITLES, TECHNOLOGIES, TITLED_EVENT_HEADS
from mcfwatch.model import ENTITY_TYPES

TECHNOLOGY_NAMES = {" ".join(t) for t in TECHNOLOGIES}

NER_LABELS = {"ORG": "Organization", "GPE": "Place", "LOC": "Place", "PERSON": "Person", "EVENT": "Event",
              "FAC": "Organization", "NORP": None}
_LEADING = {"the", "a", "an", "this", "that", "its", "their", "his", "her", "acting", "upcoming", "inaugural"}
_TRAILING = {"'s", "’s", "'", "’"}
_LOWER_LEADING = {"annual", "biennial"}  # "the annual Overseas Talent Exchange Conference"
_TRAILING_WORDS = {"of", "and", "the", "for", "in", "&"}  # "... Section of"
_OK_LOWER = {"of", "and", "for", "the", "de", "in", "on", "&", "at", "und", "du", "la", "-", "'s", "’s", "’", "'"}
_LEGAL_FORMS = {"plc", "ltd", "llc", "inc", "co", "corp"}  # written in lower case at a firm's end ("Rolls-Royce Holdings plc")

COMPANY_WORDS = {"company", "co", "co.", "ltd", "ltd.", "limited", "inc", "inc.", "corporation", "corp", "corp.",
                 "group", "llc", "gmbh", "holdings", "industries", "technologies", "plc", "s.a.", "ag", "bank",
                 "enterprises", "electronics", "systems", "semiconductor", "semiconductors", "telecom"}
UNIVERSITY_WORDS = {"university", "institute", "academy", "college", "laboratory", "lab", "school", "polytechnical",
                    "polytechnic", "politecnico", "universidad", "universidade", "université", "universität", "università",
                    "universiteit", "universitet", "uniwersytet"}  # and as other languages write it
GOV_WORDS = {"ministry", "department", "government", "commission", "committee", "bureau", "administration",
             "office", "council", "agency", "congress", "senate", "court", "house", "parliament", "fbi", "cia",
             "treasury", "embassy", "consulate", "state", "police", "section", "division", "service", "chambers",
             "tribunal", "board", "representative"}
MILITARY_WORDS = {"pla", "army", "navy", "military", "force", "forces", "defense", "defence", "liberation",
                  "missile", "rocket"}
COMMITTEE_HEADS = {"committee", "subcommittee", "commission", "ministry", "department", "bureau", "office", "agency"}
ORG_WORDS = {"delegation", "association", "society", "foundation", "federation", "times", "news", "party",
             "chamber", "council"}


# a council of members, not of a government (corpus/train: Business/Trade/Development/Growers Council and
# "Carolinas–China Council" are Organization; Research/County/Security/State Council are PublicBody)
MEMBERS_COUNCIL = {"business", "trade", "development", "growers", "industry", "commerce", "friendship"}
PAIR = re.compile(r"\w[–-](?:China|Chinese|Sino|U\.S\.|US|America)\b|\b(?:China|Sino|U\.S\.)[–-]\w")


def _type_from_head(text: str, label: str) -> str | None:
    words = [w.lower().strip(",.()") for w in text.split()]
    words = [w for w in words if w]
    if not words:
        return None
    low = set(words)
    if label in {"ORG", "FAC"}:
        if "communist" in low and "party" in low:
            return "PublicBody"  # the ruling party, as the CCP patterns type it
        if " ".join(words[-3:]) == "special administrative region":
            return "Place"
        if words[-1] == "council" and len(words) > 1 and (words[-2] in MEMBERS_COUNCIL or PAIR.search(text)):
            return "Organization"  # "China-Britain Business Council", "Economic Development Council": members' bodies
        if words[-1] in GOV_WORDS - {"house", "state", "office"}:
            return "PublicBody"  # "Public Company Accounting Oversight Board"
        if len(words) > 2 and words[0] in COMMITTEE_HEADS and words[1] in {"on", "of", "for"}:
            return "PublicBody"  # "Committee on Armed Services", "Office of Naval Research"
        if (words[0] in INTERNATIONAL_STARTS or words[:2] == ["united", "nations"]) and not low & COMPANY_WORDS:
            return "Organization"  # "International Criminal Court", "U.N. Security Council"
        if low & {"pla", "liberation", "navy", "army", "armed"} or (low & {"military"} and low & UNIVERSITY_WORDS | {"commission"}):
            return "MilitaryUnit"
        if words[-1] in {"delegation", "times", "post", "news", "journal"}:
            return "Organization"
        if low & UNIVERSITY_WORDS:
            return "University"
        if words[-1] in COMPANY_WORDS or low & {"co.", "ltd.", "ltd", "inc.", "llc", "corporation", "company"}:
            return "Company"
        if low & GOV_WORDS or low & {"ministry", "bureau"}:
            return "PublicBody"
        return "Organization" if label == "ORG" else None
    return NER_LABELS.get(label)


@dataclass(slots=True)
class Mention:
    start: int  # token indices
    end: int
    start_char: int
    end_char: int
    text: str
    type: str
    canonical: str | None = None  # a ruler id: the name every variant resolves to
    from_ruler: bool = False
    label: str = ""  # the spaCy label (or the ruler's type) the mention came with


def clean_span(span: Span) -> Span | None:
    """Drop leading determiners and possessives, trailing "'s" and punctuation."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in _LEADING or doc[start].is_punct or doc[start].is_space
                           or doc[start].text in _LOWER_LEADING):
        start += 1
    while end > start and (doc[end - 1].lower_ in _TRAILING or doc[end - 1].is_punct or doc[end - 1].is_space
                           or doc[end - 1].lower_ in _TRAILING_WORDS):
        end -= 1
    opened = [t.i for t in doc[start:end] if t.text == "("]
    if opened and not any(t.text == ")" for t in doc[opened[-1]:end]):
        end = opened[-1]  # "Shanghai Academy of Spaceflight Technology (SAST" -> the name before "("
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
    if start >= end:
        return None
    return doc[start:end]


# the particles of names in other languages ("Luiz Inácio Lula da Silva", "Institut für Ostasienpolitik")
_PARTICLES = {"da", "das", "do", "dos", "di", "del", "della", "von", "van", "der", "den", "des", "für", "zu", "zur"}


def _word_part(tok: Token) -> bool:
    """A lower-case word that is no headline word: a name particle, or the end of a hyphenated word
    ("Chang Yu-ting", "Kim Jae-won", "Heartland Co-op", "Wuhan East Lake High-tech Zone")."""
    doc = tok.doc
    if tok.lower_ in _PARTICLES:  # inside a name, never its end ("Ursula von" is a cut name)
        return tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].ent_iob_ == "I"
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
        and not doc[tok.i - 2].whitespace_ and doc[tok.i - 2].is_alpha


# the officials whose office is a public body's name ("U.S. Attorney's Office for the District of Massachusetts",
# "the Governor's Office", "Manhattan District Attorney's Office")
_OFFICE_HOLDERS = {"attorney", "attorneys", "governor", "mayor", "prosecutor", "president", "comptroller", "sheriff",
                   "general", "premier", "chancellor", "secretary", "auditor", "inspector"}


def _office_of(tok: Token) -> bool:
    """``tok`` is the "'s" of an office holder's office ("Attorney's Office")."""
    doc = tok.doc
    return tok.nbor(-1).lower_ in _OFFICE_HOLDERS and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "office"


_ROLE_HEADS = {"advisor", "adviser", "director", "minister", "secretary", "president", "ambassador", "chairman",
               "spokesperson", "spokesman", "envoy", "administrator"}


def _plausible(span: Span, label: str) -> bool:
    text = span.text
    if "\n" in text or len(text) < 2 or not re.search(r"[A-Za-z]", text):
        return False
    if any(t.lower_ in {"'s", "’s"} and t.i > 0 and t.nbor(-1).lower_ != "people" and not _office_of(t) for t in span):
        return False  # "Europe's Silicon Valley", "China's Ambassadors" (not "People's Republic of China")
    if label == "ORG" and span.end < len(span.doc) and span.doc[span.end].is_title \
            and span.doc[span.end].lower_ in _ROLE_HEADS:
        return False  # "National Security" of "National Security Advisor Jake Sullivan"
    if label == "ORG" and span[-1].lower_ in _ROLE_HEADS:  # "National Security Advisor"
        return False
    if label in {"ORG", "GPE", "LOC", "PERSON", "FAC", "EVENT"}:
        # a headline fragment: a lower-case word that is not a connector ("Gain Access to ...")
        for tok in span:
            if tok.lower_ == "to" and any(t.lower_ in MISSION_WORDS for t in span[:tok.i - span.start]):
                continue  # "Embassy of Canada to China" (extents.seat_tail)
            if tok.is_alpha and tok.is_lower and tok.lower_ not in _OK_LOWER and not _word_part(tok) \
                    and not (label == "ORG" and tok.i == span.end - 1 and tok.lower_ in _LEGAL_FORMS):
                return False
        if label in {"GPE", "LOC"} and len(span) > 1:  # “international Friendly City”: part of a quoted name
            doc = span.doc
            before = doc[span.start - 1].text if span.start > 0 else ""
            after = doc[span.end].text if span.end < len(doc) else ""
            if before in {"“", '"'} or after in {"”", '"'}:
                return False
        if label == "PERSON" and (sum(not t.is_punct and not _word_part(t) for t in span) > 4
                                  or any(t.like_num for t in span)):
            return False
    return True


def _kept(span: Span, label: str, from_ruler: bool, addresses: list[tuple[int, int]], text: str) -> bool:
    """The cleanup filters: documents, address parts, headings, generic events."""
    if addresses and in_address(span, addresses) and not address_keeps(span, label):
        return False
    if label == "Event" and generic_event(span):
        return False
    if from_ruler:
        return True
    if is_document_name(span) or is_speaker(span, text):
        return False
    return not (label in {"ORG", "PERSON", "FAC", "EVENT", "LAW"} and is_heading(span, text, label == "PERSON")
                and not (label == "ORG" and caption_body(span, text)))


# words of a title before a person's name; the name is the rest (the corpus annotates "Biden", not "President Biden")
PERSON_TITLE_WORDS = TITLE_WORDS | set(PERSON_TITLES) | {"prosecutor", "senators", "representatives", "honorable",
                                                      "acting"}


def _untitled(span: Span) -> Span | None:
    """A person's name without the titles before it ("Prosecutor Fatou Bensouda" -> "Fatou Bensouda")."""
    start = span.start
    while start < span.end and span.doc[start].lower_ in PERSON_TITLE_WORDS:
        start += 1
    return span.doc[start:span.end] if span.end - start >= 1 and start < span.end else None


def _headline_verb_cut(span: Span, text: str, persons: list[tuple[int, str]]) -> Span:
    """A person's name in a title-case headline without the verb the recogniser ran on into ("Fact Sheet:
    President Donald J. Trump Imposes Tariffs ..." -> "Donald J. Trump"): the span's last word is a capitalised
    "-s" word, and the name before it ends in a word that ends another person's name in the document (the body
    names him "Donald J. Trump", "President Trump"), which the "-s" word never does."""
    last = span[-1]
    if len(span) < 2 or not (last.is_alpha and last.is_title and last.lower_.endswith("s")):
        return span
    others = {word for start, word in persons if not span.start <= start < span.end}
    if last.lower_ in others or span[-2].lower_ not in others or not is_heading(span, text):
        return span
    return span.doc[span.start:span.end - 1]


_FORM_AFTER = _LEGAL_FORMS | {"ltd.", "inc.", "co.", "corp.", "limited", "gmbh", "ag", "s.a.", "llp", "lp", "s.a.s.",
                              "sas", "s.p.a.", "spa", "s.r.l.", "srl", "b.v.", "n.v.", "k.k.", "oy", "oyj", "ab",
                              "pty", "sarl"}


# legal forms of several words or dots that the recogniser cuts or leaves out: Malaysia's "Sdn. Bhd.", Poland's
# "Sp. z o.o.", the Czech and Slovak "s.r.o.", Hungary's "Kft." and "Zrt.", "Pte. Ltd.", "Pvt. Ltd."
_FORM_WORDS = re.compile(r"\s*(?:Sdn\.?\s?Bhd\.?|Sp\.\s?z\s?o\.\s?o\.|[sS]\.\s?r\.\s?o\.|Kft\.|Zrt\.|"
                         r"P(?:te|vt)\.?\s?Ltd\.?)(?!\w)")


def _form_words(span: Span) -> Span:
    """The name with a legal form of ``_FORM_WORDS`` after it, or begun at its last word ("Penang Precision Works
    Sdn" + ". Bhd.")."""
    doc, text = span.doc, text_of(span.doc)
    for start in (span[-1].idx, span.end_char):
        m = _FORM_WORDS.match(text, start)
        if m and m.end() > span.end_char and "\n" not in m.group():
            whole = doc.char_span(span.start_char, m.end(), alignment_mode="expand")
            if whole is not None:
                return whole
    return span


def with_legal_form(span: Span) -> Span:
    """A firm's name with the legal form the recogniser left just after it ("Rolls-Royce Holdings" + "plc"), also
    past the country its registered name has before the form ("Thales Alenia Space" + "France S.A.S."): a legal
    form always ends the name before it (the corpus annotates it inside, 378 times of 378)."""
    doc = span.doc
    if (formed := _form_words(span)).end > span.end:
        return formed
    j = span.end
    if j + 1 < len(doc) and doc[j].ent_iob_ == "B" and doc[j].ent_type_ == "GPE" and not doc[j].is_sent_start:
        k = j + 1
        while k < len(doc) and doc[k].ent_iob_ == "I" and k - j < 2:
            k += 1
        j = k if k < len(doc) and doc[k].lower_ in _FORM_AFTER - {"co", "co."} and doc[k - 1].whitespace_ else j
    nxt = doc[j] if j < len(doc) else None
    if nxt is None or nxt.lower_ not in _FORM_AFTER or span[-1].lower_ in _FORM_AFTER:
        return span
    alone = nxt.ent_iob_ == "B" and (j + 1 == len(doc) or doc[j + 1].ent_iob_ != "I")  # "S.A.S." taken alone
    if nxt.ent_iob_ != "O" and not alone:
        return span
    return doc[span.start:j + 1]


def _free(tok: Token) -> bool:
    """No name holds the token (a number or a technology word may: "five-axis", "aerospace-grade")."""
    return tok.ent_iob_ == "O" or tok.ent_type_ in {"CARDINAL", "ORDINAL", "QUANTITY", "Technology"}


TECH_TAILS = {"technology", "technologies", "tools", "components", "antennas"}  # not "systems": "artificial intelligence systems"


def tech_extent(span: Span) -> Span:
    """A technology with the words the corpus annotates around it: a hyphenated modifier before it
    ("aerospace-grade carbon fibre", "five-axis machine tools") and a kind of item after it ("encryption
    technologies", "radar components"), when no other name holds them."""
    doc = span.doc
    start, end = whole_words(doc, span.start, span.end)
    start = _hyphen_start(doc, start)
    if end < len(doc) and doc[end].lower_ in TECH_TAILS and _free(doc[end]):
        end += 1
    # the item a technology word modifies ("directed energy weapons", "gallium nitride amplifiers"): the kinds of
    # item that end the corpus's technology names, or any plural item noun its noun phrase ends in ("sonar
    # processors", "gallium nitride power amplifiers", "carbon fibre prepregs"; items.py says what is no item)
    while end < len(doc) and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end \
            and doc[end].lower_ in TECH_ITEMS and _free(doc[end]):
        end += 1
    item = item_head_after(doc, end)
    if item is not None and all(_free(doc[i]) for i in range(end, item + 1)):
        end = item + 1
    # the words that modify it inside its noun phrase ("monolithic microwave integrated circuits", "airborne
    # early-warning radars", "AC311 light helicopters"), not a quantity or a word of judgement
    while start > 0 and _tech_modifier(doc[start - 1], start, end):
        start = _hyphen_start(doc, whole_words(doc, start - 1, end)[0])
    start = hyphen_word_before(doc, start, end - 1)
    return doc[start:end] if (start, end) != (span.start, span.end) else span


# the firms, industries and people a technology word describes ("an aerospace company", "radar engineers"); a
# laboratory, research, talks or capabilities of a field keep it (the corpus marks "a photonics laboratory")
_WORKS_IN = {"company", "firm", "group", "supplier", "maker", "manufacturer", "producer", "industry", "sector",
             "business", "enterprise", "corporation", "conglomerate", "giant", "startup", "start-up", "contractor",
             "subsidiary", "division", "unit", "base", "cluster", "engineer", "researcher", "specialist", "expert",
             "scientist", "physicist", "executive", "university", "institute", "delegation"}


def _modifier_only(span: Span) -> bool:
    """A technology word that only says what a firm, industry or place works in ("an aerospace company", "the
    robotics industry", "a radar maker", "the lithography business"): it modifies a noun outside the name that is
    no item (tech_extent took the items in), so nothing is transferred or researched (docs/annotation.md 3)."""
    root = span.root
    head = root.head
    return root.dep_ in {"compound", "amod", "nmod"} and head.i >= span.end and head.ent_iob_ == "O" \
        and head.lemma_.lower() in _WORKS_IN


def _hyphen_start(doc: Doc, start: int) -> int:
    """The start of a hyphenated modifier before ``start`` ("aerospace-grade", "five-axis")."""
    while start >= 3 and doc[start - 2].text == "-" and not doc[start - 2].whitespace_ \
            and not doc[start - 3].whitespace_ and all(
                _free(doc[i]) and re.fullmatch(r"[A-Za-z0-9]+", doc[i].text) for i in (start - 3, start - 1)):
        start -= 3
    return start


# the kinds of item that end two or more technology names of the training annotations (corpus/train, extra)
TECH_ITEMS = {"drones", "drone", "software", "radars", "radar", "sensors", "sensor", "satellites", "satellite",
              "chips", "chip", "engines", "engine", "vehicles", "equipment", "aircraft", "tools", "semiconductors",
              "antennas", "antenna", "missiles", "missile", "lenses", "helicopters", "helicopter", "panels",
              "modules", "module", "cameras", "batteries", "circuits", "components", "detectors", "amplifiers",
              "cores", "arrays", "transducers", "magnets", "weapons", "parts", "fairings", "furnaces"}


_NOT_MODIFIERS = {"other", "such", "several", "many", "various", "more", "new", "certain", "additional", "further",
                  "same", "related", "similar", "own", "key", "main", "major", "sensitive", "controlled", "licensed",
                  "unlicensed", "restricted", "relevant", "specific", "different", "total", "first", "last", "state",
                  "military", "civilian", "commercial", "small", "large"}


def _tech_modifier(tok: Token, start: int, end: int) -> bool:
    return (start <= tok.head.i < end and tok.dep_ in {"compound", "amod", "nmod"} and _free(tok)
            and tok.lower_ not in _NOT_MODIFIERS and tok.tag_ in {"NN", "NNS", "JJ", "NNP"}
            and (tok.is_lower or bool(re.fullmatch(r"[A-Z]+-?\d+[A-Z]?", tok.text))))


_LEVELS = {"municipal", "provincial", "city", "county", "district", "regional", "state", "local", "prefectural",
           "people's", "people’s"}
_LEVEL_ADJECTIVES = {"municipal", "provincial", "prefectural", "regional", "people's", "people’s", "local"}


def described_government(span: Span) -> Span | None:
    """"the Beijing municipal government", "the Changzhou Wujin District government": a government described
    in lower case is its place (docs/annotation.md: "the government of Jiangsu" is the place), not a
    public body's name ("Beijing Municipal People's Government" is one)."""
    if len(span) < 2 or span[-1].text != "government":
        return None
    end = span.end - 1
    while end > span.start and span.doc[end - 1].text in _LEVELS:
        end -= 1
    place = span.doc[span.start:end]
    if not len(place) or place[-1].lower_ in _LEVEL_ADJECTIVES:  # "Baoding Municipal government": a name
        return None
    return place if all(t.is_title or not t.is_alpha for t in place) else None


def government_of(span: Span) -> Span | None:
    """"Government of Malaysia", "United States Government", "Chinese Government" -> the country span
    (the whole span for an adjective), or None when the span is not a country's government."""
    words = [t.lower_ for t in span]
    if words and words[0] == "government" and len(words) > 2 and words[1] == "of":
        rest = span[3:] if words[2] == "the" else span[2:]
        return rest if country_name(rest.text) or rest.text[:1].isupper() else None
    if len(words) >= 2 and words[-1] == "government" and country_name(span.text):
        return span
    return None


def _bracketed_country(ent: Span) -> Span | None:
    """The country in brackets that ends an organisation's span ("Valtech Lasers (Finland)"), else None."""
    if len(ent) < 4 or ent[-1].text != ")":
        return None
    opened = max((t.i for t in ent if t.text == "("), default=-1)
    inner = ent.doc[opened + 1:ent.end - 1] if opened > ent.start else None
    return inner if inner is not None and len(inner) and country_name(inner.text) is not None else None


def _spans(doc: Doc) -> list[tuple[Span, str]]:
    """The document's entity spans, cleaned, split at "X Division of the Department ...", and extended
    over a following "administration" ("Trump administration" is a public body)."""
    out: list[tuple[Span, str]] = [*programme_bodies(doc), *cmc_units(doc)]  # names run on (extents.py)
    taken = {i for span, _ in out for i in range(span.start, span.end)}
    for ent in doc.ents:
        if taken and any(i in taken for i in range(ent.start, ent.end)):
            continue
        span = clean_span(ent)
        if span is None:
            continue
        label = ent.label_
        if label in {"Event", "EVENT"} or label in {"University", "ORG"}:
            tailed = event_tail(span) if label in {"Event", "EVENT"} else unit_tail(span)
            taken.update(range(span.end, tailed.end))  # a field's last word the recogniser named apart
            span = tailed
        if label in {"ORG", "PublicBody"} and span.end < len(doc) and doc[span.end].lower_ == "politburo" \
                and span[-1].lower_ in {"party", "ccp", "cpc"}:
            taken.add(span.end)  # "Chinese Communist Party Politburo", "CCP Politburo": the party's body, one name
            span = doc[span.start:span.end + 1]
        if label in {"Organization", "ORG"} and (tailed := member_tail(span)).end > span.end:
            taken.update(range(span.end, tailed.end))  # "... in the Netherlands": the place is inside the name
            span = tailed
        if label in {"ORG", "Organization", "Company", "FAC", "EVENT", "Event"} and (bracketed := bracket_tail(span)).end > span.end:
            taken.update(range(span.end, bracketed.end))  # "SK hynix Semiconductor (Wuxi)": one name
            span = bracketed
        if label in {"ORG", "PublicBody", "FAC"} and (seated := seat_tail(span)).end > span.end:
            taken.update(range(span.end, seated.end))  # the place is inside the name (extents.seat_tail)
            span = seated
        if label == "NORP" and country_name(span.text) is not None:
            label = "GPE"  # "the Fiji trade minister": a country's name used as a modifier is the place
        if label in {"GPE", "LOC", "Place"} and country_name(span.text) is None \
                and (council := council_of(span)) is not None:
            out.append((council, "PublicBody"))  # "Leeds city council": the local government
            continue
        if label == "ORG" and local_council(span.text):
            label = "PublicBody"  # its lower-case words are no headline's
        if label == "ORG" and (place := _bracketed_country(ent)) is not None and place.start >= span.end:
            out.append((place, "GPE"))  # "Valtech Lasers (Finland)": the firm, and the country in brackets
        if label == "ORG" and (formed := with_legal_form(span)).end > span.end:
            taken.update(range(span.end, formed.end))  # "France S.A.S.": inside the firm's name
            span = formed
        elif label == "PERSON" and (formed := _form_words(span)).end > span.end:
            taken.update(range(span.end, formed.end))  # "Aerodron Sp" + ". z o.o.": a firm
            span, label = formed, "ORG"
        if label in {"ORG", "PERSON", "NORP"} and span.end < len(doc) and doc[span.end].lower_ == "administration" \
                and len(span) <= 3:
            out.append((doc[span.start:span.end + 1], "PublicBody"))
            continue
        if label == "ORG" and len(span) > 3 and span[0].lower_ in TITLE_HEADS | {"administrator"} \
                and span[1].lower_ == "of":  # "Administrator of the Environmental Protection Agency"
            span = clean_span(doc[span.start + 2:span.end])
            if span is None:
                continue
        if label in {"ORG", "PublicBody"} and (place := described_government(span)) is not None:
            out.append((place, "GPE"))
            continue
        gov = government_of(span) if label in {"ORG", "GPE"} else None
        if gov is not None and gov.end - gov.start < span.end - span.start:
            out.append((gov, "GPE"))  # "the Government of Malaysia": the country, as the scope says
            continue
        if gov is not None:  # "U.S. Government", "United States Government": annotated as the public body
            label = "ORG"
        if label == "ORG" and span[0].lower_ in {"representatives", "senators", "senator", "representative"}:
            span, label = doc[span.start + 1:span.end], "PERSON"
            if len(span) == 0:
                continue
        if (seat := split_seat(span, label)) is not None:
            out.extend([(seat[0], label), (seat[1], "GPE")])  # "Mingda Trading of Shenzhen": the firm and its town
            continue
        parts = split_of_the(span) if label == "ORG" else [span]
        out.extend((q, label) for p in parts for q in split_parent(p))
    return joined_halves(doc, out, BODY_WORDS)


BODY_WORDS = COMPANY_WORDS | GOV_WORDS | UNIVERSITY_WORDS | ORG_WORDS | MILITARY_WORDS | _LEGAL_FORMS | {
    "partners", "capital", "ventures", "consulting", "aviation", "aerospace", "trading", "international", "fund"}

# the labels a name's shape overrules (heads.py): the model's, and the research and firm patterns' guesses
_SHAPE_TYPED = {"ORG", "FAC", "PERSON", "GPE", "University", "Company", "Organization"}
_GATHERING_WORDS = frozenset(EVENT_HEADS) | {w.lower() for w in TITLED_EVENT_HEADS}


def _no_gathering(span: Span) -> bool:
    """The model's EVENT for a name with no word of a gathering ("Jiangsu Overseas Talent Workstation (Boston)"):
    a shape the guide types overrules it (not "U.N. Climate Change Conference", "Paris Air Show")."""
    return not any(t.lower_ in _GATHERING_WORDS for t in span)


def mentions_of(doc: Doc) -> list[Mention]:
    out: list[Mention] = []
    text = text_of(doc)
    addresses = address_ranges(text)
    furniture = furniture_ranges(text)
    ents = {(e.start, e.end): e for e in doc.ents}
    persons = [(e.start, e[-1].lower_) for e in doc.ents if e.label_ == "PERSON"]
    seen: dict[str, bool] = {}
    for span, label in _spans(doc):
        ent = ents.get((span.start, span.end), span)
        from_ruler = label in ENTITY_TYPES
        if not _plausible(span, "" if from_ruler else label):
            continue
        if not from_ruler and label in {"ORG", "FAC", "GPE"} and (in_title(span) or run_on(span)):
            continue
        if not _kept(span, label, from_ruler, addresses, text):
            continue
        if furniture and not from_ruler and in_address(span, furniture) or not from_ruler and command_verb(span):
            continue  # "Cookie settings · Privacy · Imprint", "Screen every bill-to name": no name
        if label in {"PERSON", "Person"}:
            untitled = _untitled(span)
            if untitled is None:
                continue
            span = _headline_verb_cut(untitled, text, persons)
            if no_person_name(span, text, seen):
                continue  # "Sec. 4. General Provisions": common words of the text (cleanup.common_words)
        if label == "Technology":
            span = tech_extent(span)
            if _modifier_only(span):
                continue
        etype = label if from_ruler else _type_from_head(span.text, label)
        if not from_ruler and etype in {"Organization", "Place", "Person"}:
            etype = known_type(span.text) or etype
        if not from_ruler and country_name(span.text) is not None and span[-1].lower_ != "government":
            etype = "Place"
        if not from_ruler and span.text.lower() in TECHNOLOGY_NAMES:
            etype = "Technology"  # "Artificial Intelligence"/GPE
        if (label in _SHAPE_TYPED or label == "EVENT" and _no_gathering(span)) and (strong := strong_type(span.text)):
            etype, from_ruler = strong, True  # a shape the guide types (heads.py): typed as the ruler types
        elif label in {"ORG", "GPE", "FAC"} and etype != "Place" and named_by_role(span, BODY_WORDS):
            etype, from_ruler = "Person", True  # "Kaleva Lift's chief executive, Mikko Rautio,"
        if etype is None:
            continue
        canonical = (ent.ent_id_ if isinstance(ent, Span) and ent.label_ == label else "") or None
        if canonical and canonical.startswith("list:"):
            canonical = None
        if etype == "Place" and canonical is None:
            canonical = place_canonical(span.text)
        out.append(Mention(span.start, span.end, span.start_char, span.end_char, span.text, etype,
                           canonical, from_ruler, label))
    out = _with_designated(doc, text, out)
    out = _with_items(doc, out)
    techs = [(m.start, m.end) for m in out if m.type == "Technology"]  # "aerospace" of "aerospace-grade ..."
    return [m for m in out if not any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in techs)]


def _with_designated(doc: Doc, text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions and the items named by a model designation (``designators.py``) that overlap no name of
    another type but the designation itself, which the recogniser often takes for a firm or a person ("CH-92A" of
    "CH-92A aircraft", "Ming" of "Ming-class submarines"): the item replaces it."""
    items = designated_items(doc, text) + product_items(doc, text)
    if not items:
        return mentions
    out = list(mentions)
    for span in items:
        inside = [m for m in out if m.start < span.end and span.start < m.end]
        if any(m.type != "Technology" and (m.from_ruler or m.start < span.start or m.end > span.end) for m in inside) \
                or any((m.start, m.end) == (span.start, span.end) for m in inside):
            continue
        out = [m for m in out if m not in inside or m.type == "Technology"]
        out.append(Mention(span.start, span.end, span.start_char, span.end_char, span.text, "Technology",
                           None, True, "Technology"))
    return out


def _with_items(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The mentions and the items a transfer verb or noun takes that no name holds (``items.py``)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = list(mentions)
    for s in transferred_items(doc, taken):
        # the item's head alone after a fuller name of it ("vacuum pumps" ... "the pumps"): that item again
        fuller = [m for m in out if m.type == "Technology" and m.start < s.start and m.end - m.start > 1
                  and doc[m.end - 1].lower_ == s.text.lower()] if len(s) == 1 else []
        out.append(Mention(s.start, s.end, s.start_char, s.end_char, s.text, "Technology",
                           fuller[-1].canonical or fuller[-1].text if fuller else None, True, ITEM_LABEL))
    return out


# the label of an item found by ``items.py``: an entity of the output, but no token of it is a party's token for the
# relation rules (they read "supplies antennas to the Bundeswehr" as before: the item is never a party)
ITEM_LABEL = "item"


_TYPE_PRIORITY = ["MilitaryUnit", "University", "Company", "PublicBody", "Event", "Program", "Technology",
                  "Organization", "Place", "Person"]


@dataclass(slots=True)
class EntityTable:
    """Entities of one document and the token -> entity index used by the relation rules."""

    names: dict[str, str] = field(default_factory=dict)          # entity id -> name
    types: dict[str, str] = field(default_factory=dict)          # entity id -> type
    aliases: dict[str, list[str]] = field(default_factory=dict)  # entity id -> aliases
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # entity id -> char spans
    by_key: dict[str, str] = field(default_factory=dict)         # name key -> entity id
    token_entity: dict[int, str] = field(default_factory=dict)   # token index -> entity id
    roots: dict[int, str] = field(default_factory=dict)          # mention root token -> entity id
    ruler_typed: set[str] = field(default_factory=set)
    made: int = 0  # entities ever made: ids stay unique after merges remove some

    def add(self, name: str, etype: str, start_char: int, end_char: int, tokens: range | None = None,
            root: int | None = None, canonical: str | None = None, from_ruler: bool = False) -> str:
        if etype == "Place" and canonical is None:
            canonical = country_name(name)
        key = name_key(canonical or name, etype)
        eid = self.by_key.get(key) or self._surname_match(name, etype)
        if eid is None:
            self.made += 1
            eid = f"e{self.made}"
            self.names[eid] = canonical or name
            self.types[eid] = etype
            self.aliases[eid] = [name] if canonical and canonical != name else []
            self.spans[eid] = []
            self.by_key[key] = eid
        else:
            self._retype(eid, etype, from_ruler)
            if canonical and name != self.names[eid] and name not in self.aliases[eid]:
                self.aliases[eid].append(name)
            elif etype == "Place" and len(name) < len(self.names[eid]) and not canonical:
                self.aliases[eid].append(self.names[eid])  # "Baoding City" -> "Baoding"
                self.names[eid] = name
            elif not canonical and name != self.names[eid] and name not in self.aliases[eid]:
                self.aliases[eid].append(name)
        if from_ruler:
            self.ruler_typed.add(eid)
        self.spans[eid].append((start_char, end_char))
        if tokens is not None:
            for i in tokens:
                self.token_entity[i] = eid
        if root is not None:
            self.roots[root] = eid
        return eid

    def _surname_match(self, name: str, etype: str) -> str | None:
        if etype != "Person" or " " in name:
            return None
        for eid, other in self.names.items():
            if self.types[eid] == "Person" and other.split()[-1] == name:
                return eid
        return None

    def _retype(self, eid: str, etype: str, from_ruler: bool) -> None:
        if eid in self.ruler_typed and not from_ruler:
            return
        old = self.types[eid]
        first_ruler = from_ruler and eid not in self.ruler_typed
        better = (_TYPE_PRIORITY.index(etype) < _TYPE_PRIORITY.index(old) and old in {"Organization", "Person", "Place"}
                  and not (old == "Place" and etype == "Organization"))
        if first_ruler or better:
            self.types[eid] = etype

    def entity_of(self, tok: Token) -> str | None:
        return self.token_entity.get(tok.i)


def build_table(doc: Doc, mentions: list[Mention]) -> EntityTable:
    table = EntityTable()
    for m in mentions:
        if m.label == ITEM_LABEL:  # an item: its tokens stay free for the relation rules
            table.add(m.text, m.type, m.start_char, m.end_char, None, None, m.canonical, m.from_ruler)
            continue
        span = doc[m.start:m.end]
        table.add(m.text, m.type, m.start_char, m.end_char, range(m.start, m.end), span.root.i, m.canonical,
                  m.from_ruler)
    _acronyms(doc, table)
    _aka_lists(doc, table)
    _edition_aliases(table)
    return table


_EDITION = re.compile(r"^(?:(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
                      r"December)\s+)?(?:19|20)\d\d|\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|"
                      r"seventh|eighth|ninth|tenth)\s+(?=[A-Z])", re.I)


def _edition_aliases(table: EntityTable) -> None:
    """"2018 Harbin International Economic and Trade Fair", "5th China-Africa Expo": the event without its
    year or edition number is an alias (the name stays as written)."""
    for eid, etype in table.types.items():
        if etype == "Event":
            bare = _EDITION.sub("", table.names[eid])
            if bare != table.names[eid] and bare not in table.aliases[eid]:
                table.aliases[eid].append(bare)


def _aka_lists(doc: Doc, table: EntityTable) -> None:
    """"X, a.k.a. the following aliases: —A; —B; and —C": A, B and C become aliases of X. Only the dashes of
    that entry's own paragraph count: a dash elsewhere in the document ("WASHINGTON — Wang Yi said") is no alias."""
    text = text_of(doc)
    for m in re.finditer(r"\ba\.k\.a\.,?", text):
        before = [(e, eid) for eid, spans in table.spans.items() for _s, e in spans if e <= m.start()]
        if not before:
            continue
        owner = max(before)[1]  # the name just before "a.k.a." (not its parent named earlier)
        end = text.find("\n", m.end())
        starts = {m2.end() for m2 in re.finditer(r"—\s*", text[: end if end >= 0 else len(text)])
                  if m2.start() > m.end()}
        for eid in list(table.spans):
            if eid == owner or eid not in table.spans or owner not in table.spans:
                continue
            if any(s in starts for s, _e in table.spans[eid]):
                _merge(table, eid, owner)


def short_form_of(short: str, long: str) -> bool:
    """Whether ``short`` can abbreviate ``long`` (Schwartz & Hearst 2003): every letter of the short form
    occurs in the long form in order, read from the end, and its first letter starts a word. "BIS" of
    "Bureau of Industry and Security", "AVIC" of "Aviation Industry Corporation of China"; not "China" of
    "Harbin Institute of Technology" (a country in brackets is no acronym)."""
    s, lf = short.lower(), long.lower()
    i, j = len(s) - 1, len(lf) - 1
    while i >= 0:
        ch = s[i]
        if not ch.isalnum():
            i -= 1
            continue
        while j >= 0 and (lf[j] != ch or (i == 0 and j > 0 and lf[j - 1].isalnum())):
            j -= 1
        if j < 0:
            return False
        i, j = i - 1, j - 1
    return True


def _acronyms(doc: Doc, table: EntityTable) -> None:
    """"Bureau of Industry and Security (BIS)": the acronym becomes an alias of the long name, when it can
    abbreviate it."""
    text = text_of(doc)
    for eid, spans in list(table.spans.items()):
        for _s, e in list(spans):
            if eid not in table.names:  # merged into another name by an earlier acronym of this loop
                break
            m = re.match(r"\s*\(([A-Z][A-Za-z&]{1,9})\)", text[e:e + 14])
            if m and short_form_of(m.group(1), table.names[eid]):
                acr = m.group(1)
                other = table.by_key.get(name_key(acr))
                if other and other != eid:
                    _merge(table, other, eid)
                elif acr not in table.aliases[eid]:
                    table.aliases[eid].append(acr)
                    table.by_key.setdefault(name_key(acr), eid)


def _merge(table: EntityTable, src: str, dst: str) -> None:
    table.aliases[dst].append(table.names[src])
    table.spans[dst].extend(table.spans.pop(src))
    for k, v in list(table.by_key.items()):
        if v == src:
            table.by_key[k] = dst
    for d in (table.token_entity, table.roots):
        for i, v in list(d.items()):
            if v == src:
                d[i] = dst
    for d2 in (table.names, table.types, table.aliases):
        d2.pop(src, None)


CONTEXT_TYPES = {
    "company": "Company", "manufacturer": "Company", "firm": "Company", "supplier": "Company", "maker": "Company",
    "producer": "Company", "developer": "Company", "contractor": "Company", "conglomerate": "Company",
    "subsidiary": "Company", "university": "University", "institute": "University",
    # the guide's Organizations: "Sister Cities International, a Washington-based nonprofit", "the China Institute
    # for Strategic Communication, a think tank", "the Sino-German Innovation Bridge, a Munich association"
    "nonprofit": "Organization", "non-profit": "Organization", "ngo": "Organization", "charity": "Organization",
    "newspaper": "Organization", "broadcaster": "Organization", "association": "Organization",
    "society": "Organization", "alliance": "Organization", "federation": "Organization",
    "consortium": "Organization", "organisation": "Organization", "organization": "Organization",
    "union": "Organization", "coalition": "Organization", "foundation": "Organization", "tank": "Organization",
    # a government's bodies by what they do: "Germany's financial regulator, BaFin", "InnovationQuarter, the
    # regional development agency", "the competition watchdog, the CMA", "Invitalia, the national investment
    # agency"; not a firm's agency (``_PRIVATE_AGENCIES``)
    "regulator": "PublicBody", "watchdog": "PublicBody", "agency": "PublicBody", "ministry": "PublicBody",
}
# the agencies that are firms: "Reuters, the news agency", "a travel agency", "the rating agency Moody's"
_PRIVATE_AGENCIES = frozenset({"news", "travel", "advertising", "marketing", "employment", "recruitment", "talent",
                               "procurement", "sales", "shipping", "trading", "press", "rating", "ratings", "model",
                               "modelling", "modeling", "staffing", "creative", "media", "digital", "insurance",
                               "estate", "translation", "design", "purchasing", "forwarding", "customs", "booking"})


# the nouns of the guide's Organizations that a firm is never called (not "consortium", "alliance": "Uphill
# Investment, a consortium led by ..."): they overrule the typer's Company
NOT_FIRMS = frozenset({"nonprofit", "non-profit", "ngo", "charity", "newspaper", "broadcaster", "association",
                       "society", "federation", "union", "coalition", "foundation", "tank"})

OWNED_BY = {"parent", "owner", "shareholder", "subsidiary", "affiliate", "acquisition", "takeover"}


_BUYING = frozenset({"purchase", "acquisition", "takeover", "buyout"})


def _buyer(tok: Token) -> bool:
    """"the purchase of the seed company Verisem by Syngenta": the agent of a purchase of a firm is a firm (the
    parser may hang "by" on the purchase or on what is bought)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "by":
        return False
    noun = prep.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    return noun.lemma_.lower() in _BUYING


def _owned(tok: Token) -> bool:
    """"(the parent company|the owner|acquisition) of X", "a (controlling) stake in X"."""
    prep, noun = tok.head, tok.head.head
    if prep.lower_ == "of":
        return noun.lemma_.lower() in OWNED_BY or any(c.lemma_.lower() == "parent" for c in noun.children)
    return prep.lower_ == "in" and noun.lemma_.lower() in {"stake", "shareholding"}


# "the seed company Verisem", "the semiconductor equipment maker LPE", "a chipmaker X": a kind of firm right before
# a name, after an article and up to three lower-case words, calls the name a firm (44 of the 44 whole names so
# written in corpus/train and corpus/extra are companies); not when a verb follows the name ("the company
# Washington blacklisted": the name is the subject of a clause)
_FIRM_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z][a-z-]*\s+){0,3}(?:company|firm|manufacturer|maker|supplier|"
                          r"producer|developer|contractor|conglomerate|subsidiary|[a-z]+maker)\s+$")
_CLAUSE_VERBS = frozenset({"VBD", "VBZ", "VBP", "MD", "VBN"})


def _firm_named(doc: Doc, table: EntityTable, eid: str) -> bool:
    """Some mention of ``eid`` (the whole name) comes right after "the <trade> company" (see _FIRM_BEFORE)."""
    text = text_of(doc)
    for s, e in table.spans[eid]:
        if _FIRM_BEFORE.search(text, max(0, s - 80), s) is None:
            continue
        span = doc.char_span(s, e)
        if span is not None and not (span.end < len(doc) and doc[span.end].tag_ in _CLAUSE_VERBS):
            return True
    return False


def retype_by_context(doc: Doc, table: EntityTable) -> None:
    """An organisation described as "a private ... manufacturer" or "is a company" takes that type, a "place"
    that is owned ("the parent company of Nexperia") is a company; a
    university's department or office is a University (``academic.py``); "at the G20" is an Event
    (``gatherings.py``)."""
    from mcfwatch.extract.en.academic import academic_units  # they import this module
    from mcfwatch.extract.en.gatherings import meeting_forums

    academic_units(doc, table)
    meeting_forums(doc, table)
    asked: set[str] = set()  # places whose mentions were read for a firm's noun
    for i, eid in table.roots.items():
        if table.types.get(eid) not in {"Organization", "Place", "Person", "Company"} or eid in table.ruler_typed:
            continue
        tok = doc[i]
        if table.types[eid] == "Place":  # "the parent company of Nexperia": no place is owned
            if country_name(table.names[eid]) is None and (  # every mention; the whole entity's nouns once
                    tok.dep_ == "pobj" and (_owned(tok) or _buyer(tok)) or eid not in asked
                    and _firm_named(doc, table, eid)):
                table.types[eid] = "Company"  # "the seed company Verisem"
            asked.add(eid)
            continue
        nouns = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "appos":  # "the extrusion firm, Bluegrass Metals"
            nouns.append(tok.head)
        nouns += [c for c in tok.children if c.dep_ == "compound" and table.token_entity.get(c.i) != eid
                  and c.lemma_.lower() in CONTEXT_TYPES]  # "the Louisville extrusion firm Bluegrass Metals"
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ == "be":
            nouns += [c for c in tok.head.children if c.dep_ == "attr"]
        for n in nouns:
            heads = [n, *[c for c in n.children if c.dep_ == "appos"]]
            for h in heads:
                new = CONTEXT_TYPES.get(h.lemma_.lower())
                if new == "PublicBody" and (any(c.lower_ in _PRIVATE_AGENCIES for c in h.children)
                                            or table.types[eid] == "Person"):
                    new = None  # "Reuters, the news agency"; "Li Wei, the regulator's chief"
                if new == "Organization" and h.lemma_.lower() == "tank" and not any(
                        c.lower_ == "think" for c in h.children):
                    new = None  # a think tank, not a fuel tank
                if new and (table.types[eid] != "Company" or h.lemma_.lower() in NOT_FIRMS or new == "PublicBody"):
                    table.types[eid] = new
                    break
