"""A name the text sets up as a town, city or region is a Place, whatever the typer said (it sends unknown
towns to Company, the largest type: "Kilbarry", "Almaty", "Lower Saxony" on the held-out folds).

- "the state of Victoria", "the German state of Lower Saxony", "the city of X": a lower-case division word
  and "of" before the name;
- "Mayor Nguyen Van Thanh of Hai Phong", "Lord Mayor Sinead Brophy of Kilbarry", "Almaty Deputy Mayor Yerlan
  Auba": a firm has no mayor;
- "Ballymore's partner city", "X's sister city": a city's twin;
- "a plant in Bowling Green", "based in X", "headquartered in X", "a range near X", "based in A outside X": where
  something stands (never a person: "sat near Li Wei");
- "the Manchester broker Northern Deal Partners", "the Aberdeen subsea firm Deepline Engineering": a name before a
  kind of firm and the firm's own name is where the firm is (all 30 such names of corpus/train and corpus/extra
  are places);
- "Optiq Sensing of Eindhoven", "Diamond Aircraft Industries of Wiener Neustadt": a name right after a firm and
  "of" is the firm's town or country (35 of the 37 such names in the training annotations are places, the other two
  unannotated).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from mcfwatch.extract.en.doctext import text_of
from mcfwatch.extract.en.entities import BODY_WORDS, EntityTable

_DIVISIONS = {"state", "city", "town", "county", "province", "prefecture", "municipality", "region", "village",
              "borough", "canton", "emirate", "oblast", "island", "islands"}
_MAYOR_LEAD = {"deputy", "vice", "lord", "executive", "acting", "former", "then"}
_TWINS = {"partner", "sister", "twin", "friendship", "twinned", "paired"}
_TOWN_WORDS = {"city", "cities", "town", "towns", "county", "province", "region", "state"}
_SITED = {"based", "headquartered", "located", "registered", "incorporated", "plant", "factory", "facility",
          "headquarters", "campus", "site", "branch", "office", "offices", "warehouse", "mill", "born", "resident"}


# things that stand somewhere, before "near" or "outside": "a test range outside Xi'an", "a port near X"
_FACILITIES = {"range", "base", "port", "airport", "airfield", "shipyard", "yard", "park", "zone", "lab", "laboratory",
               "centre", "center", "complex", "compound", "depot", "city", "town", "village", "district", "area",
               "station", "works", "plants", "factories", "facilities", "sites", "bases"}
_HEDGES = {"just", "right", "directly", "immediately", "somewhere", "nearby", "close", "a", "few", "miles", "km",
           "kilometres", "kilometers"}


def _sited(span: Span, person: bool) -> bool:
    """"a plant in Bowling Green", "headquartered in X", "based in San Quirino near Pordenone", "a test range
    outside Xi'an": near a name is where something is (not "near Huawei's campus": a possessive names its owner;
    not "sat near Li Wei" nor "hired from outside Huawei": nothing sited before "near" / "outside", or a person)."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].lower_ in {"near", "outside"} and not person \
            and not (span.end < len(doc) and doc[span.end].lower_ in {"'s", "’s", "'"}):
        j = span.start - 2
        while j > 0 and (doc[j].lower_ in _HEDGES or doc[j].like_num):  # "a plant just outside", "30 km outside"
            j -= 1
        before = doc[j]
        return before.lower_ in _SITED or before.lower_ in _FACILITIES or before.ent_type_ in {"GPE", "LOC", "FAC"}
    return span.start >= 2 and doc[span.start - 1].lower_ == "in" and doc[span.start - 2].lower_ in _SITED


_FIRM_SEAT = re.compile(r" (?:[a-z][a-z-]* ){0,3}?(?:firm|company|broker|manufacturer|maker|startup|start-up|"
                        r"shipyard|group|supplier|contractor|distributor|exporter) [A-Z“]")


def _firm_seat(span: Span, text: str) -> bool:
    """"the Manchester broker Northern Deal Partners", "the Changsha drone maker X": the name, up to three
    lower-case words and a kind of firm, after "the" or "a" and before the firm's capitalised name."""
    doc = span.doc
    return span.start >= 1 and doc[span.start - 1].lower_ in {"the", "a", "an"} \
        and _FIRM_SEAT.match(text, span.end_char) is not None


def _firm_of(span: Span, table: EntityTable) -> bool:
    """"Optiq Sensing of Eindhoven": the name follows a firm's name and "of"."""
    if span.start < 2 or span.doc[span.start - 1].lower_ != "of" or not all(t.is_alpha for t in span):
        return False  # not "ByteDance of Musical.ly" (a purchase of a firm)
    firm = table.token_entity.get(span.start - 2)
    return firm is not None and table.types.get(firm) == "Company"


def _divided(span: Span) -> bool:
    """"the state of Victoria", "Mayor X of Kilbarry"."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return False
    before = doc[span.start - 2]
    if before.is_lower and before.lower_ in _DIVISIONS:
        return True
    return any(doc[j].lower_ == "mayor" and all(t.is_title for t in doc[j + 1:span.start - 1])
               for j in range(max(0, span.start - 6), span.start - 1))  # the mayor's name between


def _mayor_after(span: Span) -> bool:
    """"Almaty Deputy Mayor Yerlan Auba"."""
    doc, i = span.doc, span.end
    while i < len(doc) and doc[i].lower_ in _MAYOR_LEAD:
        i += 1
    return i < len(doc) and doc[i].lower_ == "mayor"


def _twin_of(span: Span) -> bool:
    """"Ballymore's partner city"."""
    doc, i = span.doc, span.end
    return i + 2 < len(doc) and doc[i].lower_ in {"'s", "’s"} and doc[i + 1].lower_ in _TWINS \
        and doc[i + 2].lower_ in _TOWN_WORDS


def local_places(doc: Doc, table: EntityTable) -> None:
    """Retype the firms, organisations and people the text places as towns or regions (see the module)."""
    text = text_of(doc)
    for eid, spans in table.spans.items():
        if table.types.get(eid) not in {"Company", "Organization", "Person"} or eid in table.ruler_typed:
            continue
        person = table.types.get(eid) == "Person"
        words = table.names[eid].lower().split()
        if len(words) > 3 or set(words) & BODY_WORDS:
            continue
        for s, e in spans:
            span = doc.char_span(s, e)
            if span is not None and span.text == table.names[eid] and (
                    _divided(span) or _mayor_after(span) or _twin_of(span) or _sited(span, person) or _firm_seat(span, text)
                    or _firm_of(span, table)):
                table.types[eid] = "Place"
                break
