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

from dataclasses import dataclass
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


def entity_listings(store: Store, ent: StoredEntity) -> list[Listing]:
    """The entries (valid today) the stored entity is linked to, as every door lists them
    (Workspace.card_listings), with their list and entry records."""
    from mcfwatch.resolve.screen import default_screener
    from mcfwatch.workspace import Workspace

    screener = default_screener()
    out: list[Listing] = []
    for view in Workspace(store=store).card_listings(ent):
        found = screener.entry(str(view["entry_id"]))
        if found is not None:
            wl, entry = found
            out.append(Listing(wl, entry, float(view["score"]), str(view["matched_name"])))
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
                        f"score {listing.score:.2f}"],
    }
    return {k: v for k, v in props.items() if v}


def ftm_sanction(entity_id: str, listing: Listing) -> dict[str, Any]:
    """The listing as a FollowTheMoney Sanction entity dict (Sanction.entity -> the stored entity)."""
    return {"id": sanction_id(entity_id, listing), "schema": "Sanction",
            "properties": {"entity": [entity_id], **sanction_props(listing)}}


def listing_topics(listings: list[Listing]) -> list[str]:
    """FtM topics of the lists' kinds (sanction, export.control, debarment ...), in first-seen order."""
    return list(dict.fromkeys(t for ls in listings for t in KIND_TOPICS.get(ls.wl.kind, ())))
