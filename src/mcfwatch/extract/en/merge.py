"""One entity per party within a document: name variants the mention-level keys do not join.

- People: "Alan E. Kohler, Jr." and "Alan E. Kohler"; "John G. Demers" and "John C. Demers" (same first
  and last name); a lone surname or given name ("Xi", "Wong", "Jake") joins the one full name that
  starts or ends with it, wherever it comes in the text.
- Bodies: a name that ends another name of the document ("Washington Field Office" in
  "FBI Washington Field Office") is that body.
- "X, also known as Y": Y is an alias of X.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from mcfwatch.extract.en.doctext import text_of
from mcfwatch.extract.en.entities import EntityTable, _merge
from mcfwatch.extract.en.localities import local_places
from mcfwatch.extract.en.shortforms import merge_short_forms

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_COUNTRY_WORDS = {"china", "taiwan", "america", "japan", "korea", "india", "russia", "jordan", "israel", "georgia"}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "prof"}
_AKA = re.compile(r",?\s+(?:also known as|a/k/a|aka|formerly known as)\s+")


def _person_parts(name: str) -> list[str]:
    words = [w.strip(".,").lower() for w in name.replace("’", "'").split()]
    words = [w for w in words if w and w not in _SUFFIXES and w not in _HONORIFICS]
    return [w for w in words if len(w) > 1]  # middle initials out


def _absorb(table: EntityTable, src: str, dst: str) -> None:
    if src in table.names and dst in table.names and src != dst:
        if src in table.ruler_typed:
            table.ruler_typed.add(dst)
        _merge(table, src, dst)


def merge_people(table: EntityTable) -> None:
    people = [e for e, t in table.types.items() if t == "Person"]
    full: dict[tuple[str, str], str] = {}
    for eid in sorted(people, key=lambda e: -len(table.names[e])):
        parts = _person_parts(table.names[eid])
        if len(parts) >= 2:
            key = (parts[0], parts[-1])
            if key in full:
                _absorb(table, eid, full[key])
            else:
                full[key] = eid
    single_bodies = [e for e, t in table.types.items() if t in {"Organization", "Place", "Company"}
                     and e not in table.ruler_typed and " " not in table.names[e] and not table.names[e].isupper()]
    for eid in [*people, *single_bodies]:  # "Lieber" the model called ORG, "Whitcombe" it called a firm
        if eid not in table.names:
            continue
        parts = _person_parts(table.names[eid])
        if len(parts) != 1:
            continue
        cands = {dst for (first, last), dst in full.items() if parts[0] in (first, last) and dst in table.names}
        if len(cands) == 1:
            dst = cands.pop()
            if table.types[eid] != "Person" and (parts[0] in _COUNTRY_WORDS or len(parts[0]) < 3):
                continue
            _absorb(table, eid, dst)


def merge_bodies(table: EntityTable) -> None:
    bodies = [e for e, t in table.types.items() if t not in {"Person", "Place", "Technology"}]
    words = {e: table.names[e].lower().replace("’s", "").replace("'s", "").split() for e in bodies}
    longs = {e: [n.lower().replace("’s", "").replace("'s", "").split() for n in [table.names[e], *table.aliases[e]]]
             for e in bodies}
    for short in sorted(bodies, key=lambda e: len(words[e])):
        if short not in table.names or len(words[short]) < 2:
            continue
        for long in bodies:
            if long == short or long not in table.names or len(words[long]) <= len(words[short]):
                continue
            if any(len(w) > len(words[short]) and w[-len(words[short]):] == words[short] for w in longs[long]) and (
                    table.types[short] == table.types[long] or table.types[short] == "Organization"):
                _absorb(table, short, long)
                break


def merge_aka(doc: Doc, table: EntityTable) -> None:
    starts = {s: e for e, spans in table.spans.items() for s, _ in spans}
    ends = {end: e for e, spans in table.spans.items() for _, end in spans}
    for m in _AKA.finditer(text_of(doc)):
        a, b = ends.get(m.start()), starts.get(m.end())
        if a and b and a != b and table.types.get(a) == table.types.get(b):
            _absorb(table, b, a)


def merge_city_state(doc: Doc, table: EntityTable) -> None:
    """"Washington, D.C.": the "D.C." after a city is part of the city's name."""
    places = [(s, e, eid) for eid, spans in table.spans.items() if table.types.get(eid) == "Place" for s, e in spans]
    by_start = {s: (e, eid) for s, e, eid in places}
    text = text_of(doc)
    for s, e, eid in places:
        nxt = by_start.get(e + 2)
        if nxt and text[e:e + 2] == ", " and re.fullmatch(r"(?:[A-Z]\.){2}|[A-Z]{2}", text[e + 2:nxt[0]]) \
                and eid in table.names and nxt[1] in table.names and nxt[1] != eid:
            table.aliases[eid].append(text[s:nxt[0]])
            _absorb(table, nxt[1], eid)


def merge_variants(doc: Doc, table: EntityTable) -> None:
    merge_aka(doc, table)
    merge_city_state(doc, table)
    local_places(doc, table)  # before the short forms: the town "Wolfsbach" is no short form of a firm
    merge_short_forms(table)
    merge_people(table)
    merge_bodies(table)
