"""A stored entity's watchlist entries as FollowTheMoney `Sanction`s, for the doors that speak FtM (the FtM
export, yente's `GET /entities/{ent-...}`).

The entries are the ones every other door shows (`show`, /cards, `exposure`, the report):
`Workspace.card_listings` (the resolver's screening of all the entity's names at the linking threshold, FtM's
type guard, less the analysts' rejected matches). Each becomes one Sanction whose properties come from the
list (authority, programme, legal basis, official page) and its entry (listing date, reason, citation,
`recordId` = the entry id), with the match score and the name matched in `description`: a link is the
resolver's claim, and says how sure it is. The entity gets the FtM topics of each list's kind.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from mcfwatch.api.listings import KIND_TOPICS, ftm_id
from mcfwatch.lists.model import ListEntry, WatchList
from mcfwatch.store import Store, StoredEntity

Props = dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class Listing:
    """One watchlist entry a stored entity is linked to: the list, the entry and the link (score, name)."""

    wl: WatchList
    entry: ListEntry
    score: float
    matched_name: str
    as_of: str  # the day the lists were read for (ISO): the entries valid then


def entity_listings(store: Store, ent: StoredEntity, as_of: str | None = None) -> list[Listing]:
    """The entries (valid on as_of, default today) the stored entity is linked to, as every door lists them
    (Workspace.card_listings), with their list and entry records."""
    from mcfwatch.resolve.link import LISTABLE
    from mcfwatch.resolve.screen import default_screener

    if ent.type not in LISTABLE:
        return []
    screener = default_screener(as_of)
    return _listings(ent, screener, store.decisions().rejected_listings)


def store_listings(store: Store, as_of: str | None = None) -> dict[str, list[Listing]]:
    """Canonical entity id -> its listings (entities with none left out), for every listable entity of the store,
    each as `entity_listings` gives it, in one pass: the names, the fold and the analysts' rejections read once,
    one screener (the export's cost was a fold, a decisions read and a screening per entity)."""
    from mcfwatch.resolve.link import LISTABLE
    from mcfwatch.resolve.screen import default_screener

    listable = [e for e in store.entities() if e["type"] in LISTABLE]
    if not listable:
        return {}
    own: dict[str, list[str]] = {}
    for eid, name in store.names():  # sorted by entity, then name: as Store.entity reads each member's names
        own.setdefault(eid, []).append(name)
    screener = default_screener(as_of)
    rejected = store.decisions().rejected_listings
    out: dict[str, list[Listing]] = {}
    for e in listable:
        members = [e["id"], *e["merged"]]  # as Fold.members: the canonical id, then the ids folded in (sorted)
        names: list[str] = [e["name"]]
        for m in members:
            names += [n for n in own.get(m, []) if n not in names]
        found = _listings(StoredEntity(e["id"], e["name"], e["type"], names, members), screener, rejected)
        if found:
            out[e["id"]] = found
    return out


def listings_day(as_of: str | None) -> str:
    """The day a listing answer is valid for: as_of, else today (ISO); an export records it."""
    return as_of or date.today().isoformat()


def _listings(ent: StoredEntity, screener: Any, rejected: Collection[str]) -> list[Listing]:
    from mcfwatch.workspace import linked_hits

    day = listings_day(screener.as_of)
    out: list[Listing] = []
    for hit in linked_hits(ent, screener, rejected):
        found = screener.entry(hit.entry_id)
        if found is not None:
            wl, entry = found
            out.append(Listing(wl, entry, float(round(hit.score, 3)), str(hit.matched_name), day))
    return out


def sanction_id(entity_id: str, listing: Listing) -> str:
    """A deterministic FtM id: the entity, the entry and the list version."""
    return f"{entity_id}.{ftm_id(listing.entry.id)}.listing.{listing.wl.version}"


def sanction_props(listing: Listing) -> Props:
    """The Sanction's properties from the list and its entry (only those the list gives), without `entity`."""
    wl, entry = listing.wl, listing.entry
    props: Props = {
        "authority": [wl.authority] if wl.authority else [],
        "program": [wl.title] if wl.title else [],
        "provisions": [wl.legal_basis] if wl.legal_basis else [],
        "sourceUrl": [wl.url] if wl.url else [],
        "recordId": [entry.id],
        "listingDate": [entry.start_date] if entry.start_date else [],
        "startDate": [entry.start_date] if entry.start_date else [],
        "endDate": [entry.end_date] if entry.end_date else [],
        "reason": [entry.remarks] if entry.remarks else [],
        "summary": [entry.citation] if entry.citation else [],
        "description": [f"mcfwatch link to {entry.name!r} on {wl.id}@{wl.version}: name {listing.matched_name!r}, "
                        f"score {listing.score:.2f}; lists as of {listing.as_of}"],
    }
    return {k: v for k, v in props.items() if v}


def ftm_sanction(entity_id: str, listing: Listing) -> dict[str, Any]:
    """The listing as a FollowTheMoney Sanction entity dict (Sanction.entity -> the stored entity)."""
    return {"id": sanction_id(entity_id, listing), "schema": "Sanction",
            "properties": {"entity": [entity_id], **sanction_props(listing)}}


def listing_topics(listings: list[Listing]) -> list[str]:
    """FtM topics of the lists' kinds (sanction, export.control, debarment ...), in first-seen order."""
    return list(dict.fromkeys(t for ls in listings for t in KIND_TOPICS.get(ls.wl.kind, ())))
