"""Entities found in documents (the store) as yente entities, looked up by id following merges.

Relations become FtM `UnknownLink`s (role: the relation and its subtype; summary: the quoted evidence;
proof: the document), nested under the entity as yente nests adjacent entities.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mcfwatch.errors import NotFoundError
from mcfwatch.model import SCHEMA
from mcfwatch.resolve.merge import canonical
from mcfwatch.store import Store

DATASET = "documents"
# The reverse property an entity carries for a link where it is the subject or the object.
LINK_PROPS = {"subject": "unknownLinkTo", "object": "unknownLinkFrom"}


@dataclass(slots=True)
class Found:
    """A stored entity: its canonical id and every id merged into it (canonical first)."""

    id: str
    members: list[str]


def lookup(store: Store, entity_id: str) -> Found | None:
    """The stored entity ENTITY_ID names, following merges (a merged-away id finds its canonical entity)."""
    folded = canonical(store)
    root = folded.get(entity_id, entity_id)
    try:
        store.entity(root)
    except NotFoundError:
        return None
    return Found(root, [root, *sorted(k for k, v in folded.items() if v == root)])


def ftm_schema(etype: str) -> str:
    """The FtM schema of a stored entity's type; "Thing" for types FtM has no schema for (a Technology)."""
    entity_type = SCHEMA.entity_types.get(etype)
    return entity_type.ftm if entity_type is not None and entity_type.ftm else "Thing"


def entity(store: Store, found: Found, nested: bool = False) -> dict[str, Any]:
    """The stored entity (all merged members) as a yente entity; nested adds its links."""
    ent = store.entity(found.id)
    names = list(dict.fromkeys(n for m in found.members for n in _names(store, m)))
    schema = ftm_schema(ent.type)
    props: dict[str, list[Any]] = {}
    if schema == "Address":
        props["full"] = [ent.name]
    else:
        props["name"] = [ent.name]
        props["alias"] = [n for n in names if n != ent.name]
        etype = SCHEMA.entity_types.get(ent.type)
        props["topics"] = list(etype.ftm_topics) if etype is not None and etype.ftm_topics else []
    if nested:
        for prop, links in adjacent(store, found).items():
            props[prop] = links
    return _shape(found.id, ent.name, schema, props, found.members[1:])


def adjacent(store: Store, found: Found) -> dict[str, list[dict[str, Any]]]:
    """The entity's relations as UnknownLink entities, by the entity's reverse property, other end nested."""
    members = set(found.members)
    folded = canonical(store)
    out: dict[str, list[dict[str, Any]]] = {}
    seen: set[str] = set()
    for m in found.members:
        for r in store.relations(m):
            if r["id"] in seen:
                continue
            seen.add(r["id"])
            mine = "subject" if r["source_id"] in members else "object"
            other_id = r["target_id"] if mine == "subject" else r["source_id"]
            other = Found(folded.get(other_id, other_id), [folded.get(other_id, other_id)])
            if ftm_schema(store.entity(other.id).type) == "Thing":
                continue  # a technology: no FtM schema to nest (the JSON export keeps it)
            link = _link(r, "object" if mine == "subject" else "subject", entity(store, other))
            out.setdefault(LINK_PROPS[mine], []).append(link)
    return out


def _link(r: dict[str, Any], other_prop: str, other: dict[str, Any]) -> dict[str, Any]:
    role = r["type"] + (f" ({r['subtype']})" if r["subtype"] else "")
    props: dict[str, list[Any]] = {
        other_prop: [other], "role": [role], "summary": [r["ev_text"]], "proof": [r["document_id"]],
        "startDate": [r["date"]] if r["date"] else [], "endDate": [r["date_end"]] if r["date_end"] else [],
        "description": [f"evidence {r['document_id']}[{r['ev_start']}:{r['ev_end']}]; confidence {r['confidence']:.2f}"],
    }
    return _shape(r["id"], role, "UnknownLink", props, [])


def _names(store: Store, entity_id: str) -> list[str]:
    ent = store.entity(entity_id)
    return [ent.name, *ent.names]


def _shape(eid: str, caption: str, schema: str, props: dict[str, list[Any]], referents: list[str]) -> dict[str, Any]:
    return {
        "id": eid, "caption": caption, "schema": schema, "properties": {k: v for k, v in props.items() if v},
        "datasets": [DATASET], "referents": referents, "target": False,
        "first_seen": None, "last_seen": None, "last_change": None,
    }
