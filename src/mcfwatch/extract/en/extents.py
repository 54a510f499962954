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

from spacy.tokens import Doc, Span, Token

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


def event_tail(span: Span) -> Span:
    """An event span with its "on/for/of <Topic>" and "and <Topic>" continuation."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc):
        return span
    topic = span[-1].lower_ in EVENT_TOPIC_HEADS and doc[end].lower_ in {"on", "for", "of"}
    more = any(t.lower_ in {"on", "for"} for t in span) and doc[end].lower_ in {"and", "&"}
    if topic or more:
        run = capital_run(doc, end + 1)
        if run > end + 1:
            end = run
    return doc[span.start:end] if end != span.end else span


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
    if run == start or run < len(doc) and doc[run].ent_iob_ != "O":
        return span
    if any(t.dep_ == "conj" and t.head.i == span.root.i for t in doc[start:run]):
        return span  # "Beijing Institute of Aeronautical Materials and Harrowgate set up ...": two parties
    return doc[span.start:run]


# the head words of a body of members (docs/annotation.md: Organization)
MEMBER_HEADS = {"association", "society", "federation", "alliance", "chamber", "chambers", "foundation"}


def member_tail(span: Span) -> Span:
    """A body of members with the rest of its name the span left out: its field after "of", "for" or "in" ("China
    Association for International Exchange" + "of Personnel", "China Chamber of Commerce" + "for Import and Export
    of Foodstuffs") or after "and" when the name has its field already ("Chinese Association of Professionals in
    Science" + "and Technology"); only capitalised words outside any other name, up to a word that is no name's."""
    doc, end = span.doc, span.end
    if end + 1 >= len(doc) or not any(t.lower_ in MEMBER_HEADS and t.is_title for t in span):
        return span
    nxt = doc[end].lower_
    if nxt == "and" and not any(t.lower_ in {"of", "for", "in"} for t in span):
        return span
    if nxt not in {"of", "for", "in", "and"}:
        return span
    run = capital_run(doc, end + 1)
    if run == end + 1 or run < len(doc) and doc[run].ent_iob_ != "O":
        return span
    if nxt == "and" and (run - end > 4 or doc[run - 1].lower_ not in _FIELDS):
        return span  # the rest of its field ("and Technology"), not a second body ("and Sister Cities International")
    return doc[span.start:run]


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
    """"Ministry of Agriculture", "Committee on Banking": a body named by its field."""
    return first[0] in _FIELD_HEADS and bool(set(first[1:]) & {"of", "on", "for"})


def _field_rest(doc: Doc, i: int) -> int | None:
    """The end of one to three capitalised words outside any name ending in a field word, from ``i``."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].is_title and doc[j].ent_iob_ == "O":
        j += 1
    if j > i and doc[j - 1].lower_ in _FIELDS and not (j < len(doc) and doc[j].is_title):
        return j
    return None


def _head_of(words: list[str]) -> str:
    """The head word of a name: the word before its first "of", "for" or "in", else its last word."""
    for k in range(1, len(words)):
        if words[k] in {"of", "for", "in"}:
            return words[k - 1]
    return words[-1]


def _joined(doc: Doc, span: Span, label: str, by_start: dict[int, tuple[Span, str]],
            heads: set[str]) -> tuple[Span, str, int | None] | None:
    """The name ``span`` begins when it was cut at its "and", its label and the start of the second half's
    span (None: words outside any name), or None."""
    i = span.end + (span.end < len(doc) and doc[span.end].text == ",")
    if label not in _ORG_LABELS or i >= len(doc) or doc[i].lower_ != "and":
        return None
    first = [t.lower_ for t in span]
    other, other_label = by_start.get(i + 1, (None, ""))
    if other is not None and other_label in _ORG_LABELS:
        second = [t.lower_ for t in other]
        head = _head_of(second)
        if not set(first) & heads and head in heads and i == span.end and (
                span[-1].tag_ in {"NNS", "NNPS", "JJ"} or head in MEMBER_HEADS and len(first) >= 2
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
