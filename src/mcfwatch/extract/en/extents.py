"""Where a name runs on past the span the recogniser or the ruler gave it.

- An event's topic after "on", "for" or "of", with "and" inside it: "International Workshop on Structural Health
  Monitoring", "International Symposium on Shock Waves and Detonation" (the ruler stops at "Workshop" or before
  "and").
- A body named after the policy it serves: "Guangdong Military-Civil Fusion Industry Fund", "Chongqing Intelligent
  Equipment Military-Civil Fusion Innovation Alliance" (the programme's words are one name with the place before
  and the head after them, as docs/annotation.md 2.1 marks the full name as written).
- A university's unit whose field has "and" in it: "College of Mechanical and Electrical Engineering", "State Key
  Laboratory of Robotics and System", "Faculty of Engineering and the Environment".
- A department of the Central Military Commission named with it: "Central Military Commission Equipment
  Development Department" (one unit).
- Two halves of a name cut at its "and": "Chinese Students and Scholars Association", "Aircraft Owners and Pilots
  Association of China" (the first half has no head of its own), "Ministry of Agriculture and Rural Affairs",
  "Committee on Banking, Housing, and Urban Affairs" (the second half is the rest of the first's field).
- A diplomatic mission's seat and a ministry's country: "Consulate General of Poland in Chengdu", "Embassy of
  Canada to China", "Chinese Embassy in Berlin", "Ministry of Defence of Laos", "Ministry of Commerce of the
  People's Republic of China" (corpus/train and extra mark the place inside the name 33 times of 36).
- A place's council: "Leeds city council", "Kilcarrig County Council", "Barnstone council" (a local government:
  PublicBody, as the corpus annotates all such names).
Pure functions over spaCy spans.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from mcfwatch.extract.en.doctext import memo, text_of
from mcfwatch.extract.en.lexicon import ROLE_NOUNS
from mcfwatch.extract.en.names import country_name

_CONNECTORS = {"and", "&", "of", "for", "in", "-", "–"}
_DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
               "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
EVENT_TOPIC_HEADS = {"workshop", "symposium", "conference", "seminar", "forum", "congress", "summit", "colloquium",
                     "school", "course", "dialogue"}
# what a body named after a programme is, by its last word
_BODY_HEADS = {"fund": "Company", "funds": "Company", "group": "Company", "company": "Company",
               "corporation": "Company", "alliance": "Organization", "association": "Organization",
               "federation": "Organization"}
_CMC_UNIT_HEADS = {"department", "commission", "committee", "bureau", "office", "center", "centre"}


def _capital(tok: Token) -> bool:
    return tok.is_alpha and (tok.is_title or tok.is_upper) and tok.lower_ not in _DATE_WORDS \
        or tok.like_num and tok.is_digit


def _free(tok: Token, names: bool) -> bool:
    return tok.ent_iob_ == "O" or tok.ent_type_ in {"CARDINAL", "ORDINAL"} or names and tok.ent_type_ in {"ORG", "FAC"}


def capital_run(doc: Doc, i: int, names: bool = False) -> int:
    """The end of the run of capitalised words from token ``i`` (connectors inside, none at the end), in one
    sentence and over no other name (``names``: over organisation names too); ``i`` when none starts there."""
    end = j = i
    while j < len(doc) and _free(doc[j], names) and not (j > i and doc[j].is_sent_start):
        if _capital(doc[j]):
            end = j = j + 1
        elif j > i and doc[j].lower_ in _CONNECTORS:
            j += 1
        else:
            break
    return end


# the kind of gathering written in lower case after its name: no part of the name ("the Photonics West exhibition",
# "the AERO Friedrichshafen trade fair"; corpus/train and extra leave it outside 11 times of 11)
_GENERIC_GATHERINGS = {"exhibition", "exhibitions", "fair", "show", "conference", "event", "expo", "exposition"}


def event_tail(span: Span) -> Span:
    """An event span with its "on/for/of <Topic>" and "and <Topic>" continuation, the year just after its name
    ("Hydrogen Mobility Summit" + "2021", "EMO Milano" + "2021": the edition's name), without a kind of gathering
    written in lower case after its name ("Oceanology International" + "exhibition")."""
    doc, end = span.doc, span.end
    if len(span) >= 2 and span[-1].lower_ in _GENERIC_GATHERINGS and span[-1].is_lower:
        trade = len(span) >= 3 and span[-2].lower_ == "trade" and span[-2].is_lower
        name = doc[span.start:end - 1 - trade]
        if all(t.is_title or t.is_upper or not t.is_alpha or t.lower_ in _CONNECTORS for t in name) \
                and name[-1].lower_ not in _CONNECTORS and not (len(name) == 1 and name[0].is_sent_start) \
                and not _place_named(name):
            span, end = name, name.end  # not "Guiyang big-data expo", "Nanning expo" (a place's fair)
    if end < len(doc) and len(doc[end]) == 4 and doc[end].is_digit and doc[end].text[:2] in {"19", "20"} \
            and doc[end - 1].whitespace_ and not (end + 1 < len(doc) and doc[end + 1].is_alpha and doc[end + 1].is_lower
                                                  and doc[end + 1].lower_ not in {"and", "in", "at", "on", "with"}):
        return doc[span.start:end + 1]
    if end + 1 >= len(doc):
        return span
    topic = span[-1].lower_ in EVENT_TOPIC_HEADS and doc[end].lower_ in {"on", "for", "of"}
    more = any(t.lower_ in {"on", "for"} for t in span) and doc[end].lower_ in {"and", "&"}
    if topic or more:
        run = capital_run(doc, end + 1)
        if run == end + 1 and more:
            run = lone_field_word(doc, end + 1)  # "European Conference on Antennas and" + "Propagation"/GPE
        run = _before_venue(doc, end + 1, run)
        if run > end + 1:
            end = run
    return doc[span.start:end] if end != span.end else span


# the words of a topic that take "in" inside it ("Advances in Computing", "Frontiers in Optics")
_IN_TOPICS = frozenset({"advances", "progress", "developments", "trends", "research", "innovations", "frontiers",
                        "challenges", "applications"})


def _before_venue(doc: Doc, start: int, run: int) -> int:
    """The end of an event's topic run before "in" and the city it is held in ("International Symposium on Antennas
    and Propagation" + "in Busan": none of the 36 topic-named events of corpus/train and corpus/extra holds "in"),
    unless a word of a topic takes it ("Advances in Computing")."""
    for k in range(start + 1, run - 1):
        if doc[k].lower_ == "in" and doc[k - 1].lower_ not in _IN_TOPICS:
            return k
    return run


def _place_named(span: Span) -> bool:
    """Whether the document names a place so elsewhere ("Nanning" of "the Nanning expo"), or the words are an
    adjective of a country ("German")."""
    if country_name(span.text) is not None or span[-1].tag_ == "JJ":
        return True
    low = span.text.lower()
    return any(e.label_ in {"GPE", "LOC", "Place"} and e.text.lower() == low for e in span.doc.ents)


def programme_bodies(doc: Doc) -> list[tuple[Span, str]]:
    """Bodies named after a programme the ruler found ("Guangdong Military-Civil Fusion Industry Fund"),
    with their types."""
    out: list[tuple[Span, str]] = []
    for ent in doc.ents:
        if ent.label_ != "Program":
            continue
        end = capital_run(doc, ent.end, names=True)
        if end == ent.end or doc[end - 1].lower_ not in _BODY_HEADS:
            continue
        start = ent.start
        while start > ent.sent.start and _capital(doc[start - 1]) \
                and doc[start - 1].ent_type_ in {"", "GPE", "NORP", "ORG", "PERSON", "FAC"} \
                and doc[start - 1].lower_ not in {"the", "a", "an", "its", "this", "their"}:
            start -= 1
        out.append((doc[start:end], _BODY_HEADS[doc[end - 1].lower_]))
    return out


def cmc_units(doc: Doc) -> list[tuple[Span, str]]:
    """"Central Military Commission Equipment Development Department": the commission's department, one unit."""
    out: list[tuple[Span, str]] = []
    for ent in doc.ents:
        if ent.label_ != "MilitaryUnit" or ent.text.lower() != "central military commission":
            continue
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is None or not _capital(nxt):
            continue
        end = ent.end
        while end < len(doc) and _capital(doc[end]) and doc[end].lower_ not in _CMC_UNIT_HEADS \
                and not doc[end].is_sent_start:
            end += 1
        if end < len(doc) and doc[end].lower_ in _CMC_UNIT_HEADS and doc[end].is_title:
            out.append((doc[ent.start:end + 1], "MilitaryUnit"))
    return out


_LONE_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "Person", "Place", "Organization"})
_PAST_OR_PLURAL_VERBS = frozenset({"VBD", "VBP", "MD"})


def lone_field_word(doc: Doc, i: int) -> int:
    """``i + 1`` when token ``i``, right after the "and" of a field, is the field's last word that the recogniser took
    for a name of its own, else ``i``: one capitalised word that is the whole of a person's, place's or body's
    span, no country, not followed by another capitalised word or by a verb a second party would take ("Ship
    Vibration and" + "Noise" as a person, "Antennas and" + "Propagation" as a place, "Lasers and" + "Plasmas" as a
    body; not "Materials and" + "Harrowgate signed ..."), and every occurrence of it in the document follows "and"
    (a party is named again on its own)."""
    if i >= len(doc):
        return i
    tok = doc[i]
    if tok.ent_iob_ != "B" or tok.ent_type_ not in _LONE_LABELS or not tok.is_alpha or not tok.is_title \
            or i + 1 < len(doc) and (doc[i + 1].ent_iob_ == "I" or _capital(doc[i + 1])
                                     or doc[i + 1].tag_ in _PAST_OR_PLURAL_VERBS) \
            or country_name(tok.text) is not None:
        return i
    seen = memo(doc, "mcfwatch_lone_field")  # one scan of the text per word and document
    lone = seen.get(tok.text)
    if lone is None:
        text = text_of(doc)
        lone = seen[tok.text] = all(re.search(r"(?:\band|&)\s+$", text[max(0, m.start() - 6):m.start()])
                                    for m in re.finditer(r"\b" + re.escape(tok.text) + r"\b", text))
    return i + 1 if lone else i


_ACADEMIC_HEADS = {"college", "school", "faculty", "department", "laboratory", "lab", "institute", "centre", "center",
                   "academy"}


def unit_tail(span: Span) -> Span:
    """An academic unit "<Head> of <Field>" with the rest of its field after "and" ("College of Mechanical" +
    "and Electrical Engineering"), when the words after "and" end at no other name."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or doc[end].lower_ not in {"and", "&"}:
        return span
    heads = [t.i for t in span if t.lower_ in _ACADEMIC_HEADS and t.is_title]
    if not heads or not any(t.lower_ == "of" and t.i > heads[0] for t in span):
        return span
    start = end + 2 if doc[end + 1].lower_ == "the" else end + 1
    run = capital_run(doc, start)
    if run == start:
        run = lone_field_word(doc, start)  # "Key Laboratory of Ship Vibration and" + "Noise"/PERSON
    if run == start or run < len(doc) and doc[run].ent_iob_ != "O":
        return span
    if any(t.dep_ == "conj" and t.head.i == span.root.i for t in doc[start:run]):
        return span  # "Beijing Institute of Aeronautical Materials and Harrowgate set up ...": two parties
    return doc[span.start:run]


# the head words of a body of members (docs/annotation.md: Organization; 4.8: "a member of the organisation (an
# alliance, an association)"): the one list, read by the name extents here and by nouns.membership_body; no
# "union", "committee" or "forum" ("a member of the European Union", "a member of the Standing Committee": a state,
# a seat)
MEMBER_HEADS = frozenset({"association", "society", "federation", "alliance", "chamber", "chambers", "consortium",
                          "council", "league", "coalition", "club", "network"})
# the heads whose name keeps its field after "of" or "for" ("Foundation for Defense of Democracies") as a body of
# members does, though a foundation has no members
_FIELDED_HEADS = MEMBER_HEADS | {"foundation"}


# what may follow a name's head word without being its head: a legal form ("X Business Council, Inc."), read with
# its dots and commas dropped
_AFTER_HEAD = frozenset({"inc", "ltd", "llc", "co", "corp", "plc", "limited", "gmbh", "ag", "sa", "e.v", "ev"})


def member_head(name: str) -> str:
    """The head word of a name, lower case ("China Council for the Promotion of International Trade" -> "council",
    "Council on Foreign Relations" -> "council", "Riverton Rotary Club" -> "club"), past a short form or place in
    brackets and a legal form after it ("Silicon Valley Chinese Engineers Association (SCEA)" -> "association",
    "US-China Business Council, Inc." -> "council")."""
    words = re.sub(r"\([^)]*\)?", " ", name.lower()).replace("-", " ").replace("\u2013", " ").split()
    words = [w.strip(".,;:") for w in words]
    while words and (words[-1] in _AFTER_HEAD or not any(c.isalpha() for c in words[-1])):
        words.pop()
    return _head_of(words, {"of", "for", "in", "on"}) if words else ""


def member_tail(span: Span) -> Span:
    """A body of members with the rest of its name the span left out: its field after "of", "for" or "in" ("China
    Association for International Exchange" + "of Personnel", "China Chamber of Commerce" + "for Import and Export
    of Foodstuffs", "China Association" + "for the Promotion of Military-Civil Dual-Use Technology"), the place it
    serves after its field ("Association of Universities" + "in the Netherlands", "German Chamber of Commerce" + "in
    China"), or after "and" when the name has its field already: the field's last word ("Chinese Association of
    Professionals in Science" + "and Technology") or a second group of members in the plural ("Chinese Society of
    Naval Architects" + "and Marine Engineers"). Only capitalised words outside any other name, up to a word that
    is no name's."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or not any(t.lower_ in _FIELDED_HEADS and t.is_title for t in span):
        return span
    nxt = doc[end].lower_
    fielded = any(t.lower_ in {"of", "for", "in"} for t in span)
    if nxt == "and" and not fielded:
        return span
    if nxt not in {"of", "for", "in", "and"}:
        return span
    start = end + 1 + (nxt != "and" and doc[end + 1].lower_ == "the" and end + 2 < len(doc))
    if fielded and nxt in {"of", "in"} and (place := _place_at(doc, start)) is not None:
        return doc[span.start:place]  # the place it serves, a name of its own ("in the Netherlands")
    run = capital_run(doc, start)
    if run == start or run < len(doc) and doc[run].ent_iob_ != "O":
        return span
    if nxt == "and" and (run - end > 4 or not (doc[run - 1].lower_ in _FIELDS or _members(span[-1], doc[run - 1])
                                                and not any(t.lower_ in _BODY_WORDS for t in doc[start:run]))):
        return span  # the rest of its field ("and Technology"), not a second body ("and Sister Cities International")
    return doc[span.start:run]


# the words of a body's name that make the words after "and" a second body, not more members
_BODY_WORDS = _FIELDED_HEADS | {"international", "council", "institute", "university", "company", "group", "ministry",
                              "office", "bureau", "department", "agency", "commission", "committee", "cities"}


def _members(last: Token, other: Token) -> bool:
    """Two plural nouns of members ("Naval Architects" and "Marine Engineers", "Scientists and Engineers")."""
    return all(t.is_title and len(t) > 4 and t.lower_.endswith("s") and not t.lower_.endswith(("ss", "ics"))
               for t in (last, other))


def _place_at(doc: Doc, i: int) -> int | None:
    """The end of the place name that starts at token ``i``, or None."""
    if i >= len(doc) or doc[i].ent_iob_ != "B" or doc[i].ent_type_ not in {"GPE", "LOC", "Place"}:
        return None
    k = i + 1
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    return k


_NOT_BRACKETED = {"university", "college", "school"}  # "Tsinghua University (Beijing)": where it is, not its name
_BRACKET_WORDS = {"group", "holdings", "europe", "asia", "international", "china"}
_CITY_STATES = {"hong kong", "macau", "macao", "singapore"}


def bracket_tail(span: Span) -> Span:
    """A firm's or body's name with the place or group in brackets that its registered name has after it: "SK hynix
    Semiconductor (Wuxi)", "Huawei Technologies (UK)", "Hengda Precision (Hong Kong)", "Jiangsu Overseas Talent
    Workstation (Boston)", "Jiangnan Shipyard (Group)" + "Co."; not a country written out, where the firm is
    ("Valtech Lasers (Finland)"), nor an acronym ("Bureau of Industry and Security (BIS)": a second name)."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text != "(" or any(t.lower_ in _NOT_BRACKETED for t in span):
        return span
    k = end + 1
    while k < len(doc) and k - end <= 4 and doc[k].text not in {")", "("} and not doc[k].is_space:
        k += 1
    if k >= len(doc) or doc[k].text != ")" or k == end + 1:
        return span
    inner = doc[end + 1:k]
    text = inner.text
    if not all(t.is_title or t.is_upper and len(t) <= 3 or t.text[:1] in {"'", "’", "-"} for t in inner) \
            or any(t.ent_type_ in {"PERSON", "Person", "DATE", "ORG"} and t.ent_iob_ == "B" for t in inner) \
            or any(t.lower_ in ROLE_NOUNS or t.lower_ in {w.lower_ for w in span} for t in inner):
        return span  # a short name it is given ("Committee for the Review of ... (Committee)"), a role ("(Chair)")
    country = country_name(text)
    if text.isupper() and country is None:
        return span  # an acronym
    if country is not None and not text.isupper() and text.lower() not in _CITY_STATES:
        return span  # "(Finland)": where the firm is
    inside = doc[end].ent_iob_ == "I" and all(t.ent_iob_ == "I" for t in doc[end:k + 1])  # the recogniser's own name
    placed = inside or all(t.ent_type_ in {"GPE", "LOC", "Place"} for t in inner) or country is not None
    if not placed and not (len(inner) == 1 and inner[0].lower_ in _BRACKET_WORDS):
        return span
    return doc[span.start:k + 1]


_LOCAL_WORDS = {"city", "county", "district", "borough", "town", "regional", "municipal", "parish", "shire",
                "metropolitan", "village"}


def council_of(span: Span) -> Span | None:
    """The place's council named after it ("Leeds city council", "Waikawa District Council"), or None."""
    doc, end = span.doc, span.end
    while end < len(doc) and doc[end].lower_ in _LOCAL_WORDS and end - span.end < 2:
        end += 1
    if end < len(doc) and doc[end].lower_ == "council":
        return doc[span.start:end + 1]
    return None


_ORG_LABELS = {"ORG", "Organization", "PublicBody", "Company", "University"}
# the last word of a body's field ("... and Rural Affairs", "... and Optoelectronic Engineering")
_FIELDS = {"affairs", "engineering", "technology", "technologies", "science", "sciences", "development", "reform",
           "security", "trade", "commerce", "industry", "labor", "labour", "education", "health", "planning",
           "resources", "environment", "energy", "transport", "transportation", "communications", "information",
           "finance", "culture", "tourism", "agriculture", "housing", "welfare", "innovation", "manufacturing",
           "materials", "medicine", "physics", "chemistry", "mathematics", "management", "economics", "policy",
           "law", "studies", "excise", "customs", "sports", "youth", "justice", "defence", "defense"}
_FIELD_HEADS = {"ministry", "department", "committee", "subcommittee", "bureau", "administration", "office",
                "commission", "council", "agency", "school", "college", "faculty", "institute", "centre", "center"}


def _field_of(first: list[str]) -> bool:
    """"Ministry of Agriculture", "Committee on Banking", "General Administration of Customs": a body named by its
    field (its head word, after the words that say which, before "of", "on" or "for")."""
    return any(w in _FIELD_HEADS and k + 1 < len(first) and first[k + 1] in {"of", "on", "for"}
               for k, w in enumerate(first))


def _field_rest(doc: Doc, i: int) -> int | None:
    """The end of one to three capitalised words outside any name ending in a field word, from ``i``."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].is_title and doc[j].ent_iob_ == "O":
        j += 1
    if j > i and doc[j - 1].lower_ in _FIELDS and not (j < len(doc) and doc[j].is_title):
        return j
    return None


def _head_of(words: list[str], preps: frozenset[str] | set[str] = frozenset({"of", "for", "in"})) -> str:
    """The head word of a name: the word before its first "of", "for" or "in" (or ``preps``), else its last word."""
    for k in range(1, len(words)):
        if words[k] in preps:
            return words[k - 1]
    return words[-1]


def _joined(doc: Doc, span: Span, label: str, by_start: dict[int, tuple[Span, str]],
            heads: set[str]) -> tuple[Span, str, int | None] | None:
    """The name ``span`` begins when it was cut at its "and", its label and the start of the second half's
    span (None: words outside any name), or None."""
    if label in _ORG_LABELS and (end := _field_list(doc, span)) is not None:
        return doc[span.start:end], label, None
    i = span.end + (span.end < len(doc) and doc[span.end].text == ",")
    if label not in _ORG_LABELS or i >= len(doc) or doc[i].lower_ != "and":
        return None
    first = [t.lower_ for t in span]
    other, other_label = by_start.get(i + 1, (None, ""))
    if other is not None and other_label in _ORG_LABELS:
        second = [t.lower_ for t in other]
        head = _head_of(second)
        if not set(first) & heads and head in heads and i == span.end and (
                span[-1].tag_ in {"NNS", "NNPS", "JJ"} or head in _FIELDED_HEADS and len(first) >= 2
                and head != second[0] and second[0] not in {"china", "chinese"}):
            # "Chinese Students and Scholars Association", "Aircraft Owners and Pilots Association of China",
            # "China Optometric and Optical Association" (not "Huawei and ZTE Corporation", "Tsinghua University
            # and China Association for Science and Technology")
            return doc[span.start:other.end], other_label, other.start
        if _field_of(first) and not set(second) & heads and second[-1] in _FIELDS and len(second) <= 3:
            # "Ministry of Agriculture and Rural Affairs" (not "Department of Commerce and Homeland Security
            # Investigations": a second body)
            return doc[span.start:other.end], label, other.start
    elif other is None and _field_of(first) and (end := _field_rest(doc, i + 1)) is not None:
        return doc[span.start:end], label, None  # the rest of the field outside any name
    return None


_NOT_IN_FIELD = {"GPE", "LOC", "NORP", "PERSON", "Person", "Place", "DATE", "CARDINAL", "MONEY"}


def _field_list(doc: Doc, span: Span) -> int | None:
    """The end of a body's field written as a list after its first field ("Committee on Banking" + ", Housing, and
    Urban Affairs", "Bureau of Democracy" + ", Human Rights, and Labor", "Czech Ministry of Education" + ", Youth
    and Sports"): one or more ", X" of one to three capitalised words that name no place or person, then "and"
    and a last item that ends in a field word (not "Ministry of Commerce, Huawei and ZTE")."""
    words = [t.lower_ for t in span]
    if not any(w in _FIELD_HEADS and k + 1 < len(words) and words[k + 1] in {"of", "on", "for"}
               for k, w in enumerate(words)):
        return None
    j, items = span.end, 0
    while j + 1 < len(doc) and doc[j].text == ",":
        k = j + 1
        if doc[k].lower_ == "and":
            break
        end = _list_item(doc, k)
        if end is None:
            return None
        j, items = end, items + 1
    if items == 0 or j + 1 >= len(doc):
        return None
    k = j + (doc[j].text == ",")
    if doc[k].lower_ != "and":
        return None
    end = _list_item(doc, k + 1)
    return end if end is not None and doc[end - 1].lower_ in _FIELDS else None


def _list_item(doc: Doc, i: int) -> int | None:
    """The end of one to three capitalised words from ``i`` that name no place or person, or None."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].is_title and doc[j].ent_type_ not in _NOT_IN_FIELD:
        j += 1
    return j if j > i and not (j < len(doc) and doc[j].is_title) else None


def joined_halves(doc: Doc, spans: list[tuple[Span, str]], heads: set[str]) -> list[tuple[Span, str]]:
    """The spans (in their order) with a name cut at its "and" joined again (see the module); ``heads``: a
    body's head words."""
    by_start = {span.start: (span, label) for span, label in spans}
    joins: dict[int, tuple[Span, str]] = {}
    dropped: set[int] = set()
    for span, label in spans:
        if span.start in dropped:
            continue
        found = _joined(doc, span, label, by_start, heads)
        if found is not None:
            joins[span.start] = found[0], found[1]
            if found[2] is not None:
                dropped.add(found[2])
            dropped |= {s for s in by_start if span.end <= s < found[0].end}  # the list's items of a field
    if not joins:
        return spans
    return [joins.get(span.start, (span, label)) for span, label in spans if span.start not in dropped]


MISSION_WORDS = {"embassy", "consulate", "consulate-general"}


def seat_tail(span: Span) -> Span:
    """A diplomatic mission with the place it sits in or is sent to ("Embassy of Canada" + "to China") and a
    ministry with its country ("Ministry of Defence" + "of Laos"), when a place name follows at once."""
    doc = span.doc
    words = {t.lower_ for t in span}
    # "Embassy" must head the name ("Embassy of Canada", "the Chinese Embassy"): "Embassy Suites" is a hotel
    mission = span.root.lower_ in MISSION_WORDS or bool(words & (MISSION_WORDS - {"embassy"})) \
        or span[-2:].text.lower() == "high commission"
    ministry = span[0].lower_ == "ministry" and not mission
    if not (mission or ministry) or span.end + 1 >= len(doc) \
            or doc[span.end].lower_ not in ({"in", "to"} if mission else {"of"}):
        return span
    j = span.end + 1 + (doc[span.end + 1].lower_ == "the")
    if j >= len(doc):
        return span
    if doc[j].ent_iob_ == "O":  # a country the recogniser left out ("of Laos")
        k = next((k for k in range(min(j + 4, len(doc)), j, -1)
                  if all(t.is_title and t.ent_iob_ == "O" for t in doc[j:k]) and country_name(doc[j:k].text)), j)
        return doc[span.start:k] if k > j else span
    if doc[j].ent_type_ not in {"GPE", "LOC", "Place"} or doc[j].ent_iob_ != "B":
        return span
    k = j + 1
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    if ministry and country_name(doc[j:k].text) is None:
        return span  # "Ministry of Education of Jiangsu Province": a province's department, not named so
    return doc[span.start:k]
