"""Numbered units of a group are owned by it: "China Aerospace Science and Technology Corporation (CASC)
8th Academy", "CSSC's 7th Research Academy", "the 14th Research Institute of CETC".

The unit becomes its own entity (named "<acronym or group> 8th Academy"; the full phrase stays an
alias), the group a Company, and the group owns the unit. Text-level patterns: the small model
often tags the whole phrase as one organisation.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from mcfwatch.extract.en.doctext import text_of
from mcfwatch.extract.en.entities import EntityTable, _merge
from mcfwatch.extract.en.found import Found
from mcfwatch.extract.en.names import name_key

_OWNER = (r"(?P<owner>(?=[A-Z])(?:(?:[A-Z][\w&.-]*|and|of|&)\s+)*?"
          r"(?:Corporation|Group|Company|Corp\.?|Industries|[A-Z]{3,8}))\b")
_UNIT = r"(?P<unit>\d+(?:st|nd|rd|th)\s+(?:Research\s+)?(?:Academy|Institute))"
_FORWARD = re.compile(_OWNER + r"(?:,?\s+(?:Limited|Ltd\.?))?(?:\s+\((?P<acr>[A-Z]{2,8})\))?(?:['’]s)?\s+" + _UNIT)
_BACKWARD = re.compile(r"(?P<unit>\d+(?:st|nd|rd|th)\s+(?:Research\s+)?(?:Academy|Institute))\s+of\s+(?:the\s+)?"
                       + _OWNER + r"(?P<rest>(?:\s+(?:Corporation|Company|Group|Corp\.?|Limited|Ltd\.?))*)"
                       r"(?:,?\s+\((?P<acr>[A-Z]{2,8})\))?")


_MILITARY_OWNERS = {"PLA", "PLAN", "PLAAF", "PLARF", "PLASSF"}


def _entity_at(table: EntityTable, start: int, end: int) -> str | None:
    for eid, spans in table.spans.items():
        if any(s <= start < e or start <= s < end for s, e in spans):
            return eid
    return None


def numbered_units(doc: Doc, table: EntityTable) -> list[Found]:
    found: list[Found] = []
    text = text_of(doc)
    for m in [*_FORWARD.finditer(text), *_BACKWARD.finditer(text)]:
        owner = (m.group("owner") + (m.groupdict().get("rest") or "")).strip()  # "... Group Corporation"
        acr = m.groupdict().get("acr")
        plain = " ".join(m.group("unit").split())  # "14th Research Institute": the unit as the corpus names it
        unit_name = f"{acr or owner} {' '.join(m.group('unit').split())}"
        old = _entity_at(table, m.start("unit"), m.end("unit"))
        o_s, o_e = m.start("owner"), m.start("owner") + len(owner)
        o_eid = _entity_at(table, o_s, o_e)
        if o_eid is not None and o_eid == old:  # one entity covered both: the model's whole-phrase guess
            o_eid = None
        owner_id = table.add(owner, "Company", o_s, o_e) if o_eid is None else o_eid
        if acr and acr not in table.aliases[owner_id]:
            table.aliases[owner_id].append(acr)
        # a conglomerate's numbered institute or academy is a research institute (docs/annotation.md, Company;
        # corpus/train: 39 of 39 annotated University); the PLA's own are units
        military = owner.split()[0] in _MILITARY_OWNERS or o_eid is not None and table.types.get(o_eid) == "MilitaryUnit"
        unit_type = "MilitaryUnit" if military else "University"
        unit_id = table.add(unit_name, unit_type, m.start(), m.end())
        if old is not None and old != unit_id and old != owner_id:
            _merge(table, old, unit_id)
        same = [e for e, n in table.names.items() if e not in {unit_id, owner_id} and name_key(n) == name_key(plain)]
        for other in same:  # "the 14th Research Institute" named on its own elsewhere: the same unit
            _merge(table, other, unit_id)
        if plain != table.names[unit_id] and plain not in table.aliases[unit_id]:
            table.aliases[unit_id].append(plain)
        table.types[unit_id] = unit_type
        table.ruler_typed.add(unit_id)
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and owner_id != unit_id:
            found.append(Found("ownership", owner_id, unit_id, span.start, 0.8))
    return found
