"""A university's departments and offices are part of the university, not government bodies.

"Kingsford's Department of Materials", "the university's Office of Talent Affairs", "the Office of Research
Integrity of Lakewood University", "our Department of Chemical Engineering": the ruler's government patterns and
the typer call these public bodies, because "Department"/"Office" heads ministries too. A department or office
becomes a University when the text ties it to a university (a possessive of a university before it; "of"/"at"
and a university after it) or when "Department of" names an academic discipline ("Department of Physics",
"Department of Materials Science"), unless a government word stands before it ("Provincial Department of
Science and Technology", "U.S. Department of Energy").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from mcfwatch.extract.en.entities import EntityTable

UNIT_HEADS = {"department", "office"}
# the last word of an academic discipline; ministries' portfolios do not end so ("Energy", "Commerce",
# "Science and Technology", "Industry and Information Technology")
DISCIPLINE = re.compile(r"(?:Engineering|Sciences?|Physics|Chemistry|Materials|Mathematics|Biology|Medicine|"
                        r"Economics|Aeronautics|Astronautics|Electronics|Informatics|Mechanics|Studies|Computing|"
                        r"Geology|Geography|Psychology|Linguistics|Philosophy|Optics|Photonics|Robotics)$")
GOVERNMENT_WORDS = {"provincial", "municipal", "state", "federal", "national", "u.s.", "us", "county", "city",
                    "government", "regional", "autonomous", "region"}


def _university_token(tok: Token, table: EntityTable) -> bool:
    eid = table.entity_of(tok)
    return tok.lower_ in {"university", "university's", "college", "faculty"} or (
        eid is not None and table.types.get(eid) == "University")


def _span_of(table: EntityTable, eid: str, root: int) -> tuple[int, int]:
    start = end = root
    while start - 1 in table.token_entity and table.token_entity[start - 1] == eid:
        start -= 1
    while end + 1 in table.token_entity and table.token_entity[end + 1] == eid:
        end += 1
    return start, end + 1


def _tied_to_university(doc: Doc, table: EntityTable, start: int, end: int) -> bool:
    """"<university>'s Department ...", "<university> Department ...", "Department ... of/at <university>"."""
    if start >= 2 and doc[start - 1].lower_ in {"'s", "’s"} and _university_token(doc[start - 2], table):
        return True
    if start >= 1 and _university_token(doc[start - 1], table):  # "Shanghai Jiao Tong University Department of ..."
        return True
    after = doc[end:end + 3]
    return len(after) >= 2 and after[0].lower_ in {"of", "at", "in"} and any(
        _university_token(t, table) for t in after[1:])


def _discipline(doc: Doc, start: int, end: int) -> bool:
    span = doc[start:end]
    if len(span) < 3 or span[0].lower_ != "department" or span[1].lower_ != "of":
        return False
    if start > 0 and doc[start - 1].lower_ in GOVERNMENT_WORDS:
        return False
    return bool(DISCIPLINE.search(span.text)) and "Science and Technology" not in span.text


def academic_units(doc: Doc, table: EntityTable) -> None:
    """Retype the public bodies that are a university's departments or offices as University."""
    for i, eid in list(table.roots.items()):
        if table.types.get(eid) != "PublicBody" or doc[i].lower_ not in UNIT_HEADS:
            continue
        start, end = _span_of(table, eid, i)
        if doc[start].lower_ not in UNIT_HEADS:
            continue
        if _tied_to_university(doc, table, start, end) or _discipline(doc, start, end):
            table.types[eid] = "University"
