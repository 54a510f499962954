"""Entities found in documents (the store) as yente entities, looked up by id following merges.

Relations become FtM `UnknownLink`s (role: the relation and its subtype; summary: the quoted evidence;
proof: the document), nested under the entity as yente nests adjacent entities. The watchlist entries the entity
is linked to (the entries every door shows, analysts' rejections applied: report.sanctions) are nested as FtM
`Sanction`s under `sanctions`, as watchlist organisations nest their listings, and add their lists' topics.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mcfwatch.api.listings import stamp
from mcfwatch.model import SCHEMA
from mcfwatch.report.export import alias_props, made_names_possible
from mcfwatch.report.sanctions import Listing, entity_listings, listing_topics, sanction_id, sanction_props
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
    """The stored entity ENTITY_ID names, following merges (the store's fold), or None."""
    if not store.has_entity(entity_id):
        return None
    ent = store.entity(entity_id)
    return Found(ent.id, ent.members or [ent.id])


def ftm_schema(etype: str) -> str:
    """The FtM schema of a stored entity's type; "Thing" for types FtM has no schema for (a Technology)."""
    entity_type = SCHEMA.entity_types.get(etype)
    return entity_type.ftm if entity_type is not None and entity_type.ftm else "Thing"


def entity(store: Store, found: Found, nested: bool = False, listed: bool = True,
           listings: list[Listing] | None = None) -> dict[str, Any]:
    """The stored entity (all merged members) as a yente entity; nested adds its links and its listings.
    listed=False leaves the watchlist entries out (topics included): a neighbour nested in a link. listings:
    the entity's, looked up already (`entity_listings`): /adjacent screens once for the root and its group."""
    ent = store.entity(found.id)
    if listings is None:
        listings = entity_listings(store, ent) if listed else []
    names = list(dict.fromkeys([ent.name, *ent.names]))
    schema = ftm_schema(ent.type)
    props: dict[str, list[Any]] = {}
    if schema == "Address":
        props["full"] = [ent.name]
    else:
        props["name"] = [ent.name]
        printed = store.mention_texts([ent.id]) if made_names_possible(names) else set()
        props.update({"alias": [], **alias_props(ent.name, names, printed)})  # weakAlias: names the tool made
        etype = SCHEMA.entity_types.get(ent.type)
        own = list(etype.ftm_topics) if etype is not None and etype.ftm_topics else []
        props["topics"] = list(dict.fromkeys([*own, *listing_topics(listings)]))
    if nested:
        for prop, links in adjacent(store, found, listings).items():
            props[prop] = links
    return _shape(found.id, ent.name, schema, props, found.members[1:])


def adjacent(store: Store, found: Found, listings: list[Listing] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The entity's active relations (the store's fold: merged ends, rejected edges left out) as UnknownLink
    entities, by the entity's reverse property, the other end nested; its listings (given, else looked up) as
    Sanctions under `sanctions`."""
    if listings is None:
        listings = entity_listings(store, store.entity(found.id))
    out: dict[str, list[dict[str, Any]]] = {}
    if listings:
        out["sanctions"] = [sanction(found.id, ls) for ls in listings]
    others: dict[str, dict[str, Any]] = {}  # a hub has thousands of relations with a few hundred entities
    for r in store.relations(found.id):
        mine = "subject" if r["source_id"] == found.id else "object"
        other_id, other_type = (r["target_id"], r["target_type"]) if mine == "subject" else (r["source_id"], r["source_type"])
        if ftm_schema(other_type) == "Thing":
            continue  # a technology: no FtM schema to nest (the JSON export keeps it)
        if other_id not in others:
            others[other_id] = entity(store, Found(other_id, [other_id]), listed=False)
        link = _link(r, "object" if mine == "subject" else "subject", others[other_id])
        out.setdefault(LINK_PROPS[mine], []).append(link)
    return out


def sanction(entity_id: str, listing: Listing) -> dict[str, Any]:
    """One listing as a nested yente Sanction (yente leaves out `entity`, the entity it is nested under)."""
    wl, entry = listing.wl, listing.entry
    shaped = _shape(sanction_id(entity_id, listing), wl.title, "Sanction", dict(sanction_props(listing)), [])
    return {**shaped, "first_seen": stamp(entry.start_date), "last_seen": stamp(wl.version),
            "last_change": stamp(wl.version)}


def _link(r: dict[str, Any], other_prop: str, other: dict[str, Any]) -> dict[str, Any]:
    role = r["type"] + (f" ({r['subtype']})" if r["subtype"] else "")
    props: dict[str, list[Any]] = {
        other_prop: [other], "role": [role], "summary": [r["ev_text"]], "proof": [r["document_id"]],
        "startDate": [r["date"]] if r["date"] else [], "endDate": [r["date_end"]] if r["date_end"] else [],
        "description": [f"evidence {r['document_id']}[{r['ev_start']}:{r['ev_end']}]; confidence {r['confidence']:.2f}"],
    }
    return _shape(r["id"], role, "UnknownLink", props, [])


def _shape(eid: str, caption: str, schema: str, props: dict[str, list[Any]], referents: list[str]) -> dict[str, Any]:
    return {
        "id": eid, "caption": caption, "schema": schema, "properties": {k: v for k, v in props.items() if v},
        "datasets": [DATASET], "referents": referents, "target": False,
        "first_seen": None, "last_seen": None, "last_change": None,
    }
