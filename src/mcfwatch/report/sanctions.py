"""A stored entity's watchlist entries as FollowTheMoney `Sanction`s, for the doors that speak FtM (the FtM
export, yente's `GET /entities/{ent-...}`).

The entries are the ones every other door shows (`show`, /cards, `exposure`, the report): the resolver's
screening of all the entity's names at the linking threshold, FtM's type guard, less the analysts' rejected
matches, through the graph's link cache (`Linker`): what the graph or an earlier door screened is not screened
again. `Workspace.card_listings` (show, /cards) gives the same entries in the extract contract's form. Each
becomes one Sanction whose properties come from the list (authority, programme, legal basis, official page) and
its entry (listing date, reason, citation, `recordId` = the entry id), with the match score and the name matched
in `description`: a link is the resolver's claim, and says how sure it is. The entity gets the FtM topics of each list's kind.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from mcfwatch.api.listings import KIND_TOPICS, ftm_id
from mcfwatch.lists.model import ListEntry, WatchList
from mcfwatch.store import Store, StoredEntity

if TYPE_CHECKING:
    from mcfwatch.graph.listings import LinkCache

Props = dict[str, list[str]]


@dataclass(frozen=True, slots=True)
class Listing:
    """One watchlist entry a stored entity is linked to: the list, the entry and the link (score, name)."""

    wl: WatchList
    entry: ListEntry
    score: float  # graph.model.Listing.shown_score: 3 decimals, as every door gives it
    matched_name: str
    as_of: str  # the day the lists were read for (ISO): the entries valid then


def entity_listings(store: Store, ent: StoredEntity, as_of: str | None = None) -> list[Listing]:
    """The entries (valid on as_of, default today) the stored entity is linked to, as every door lists them,
    with their list and entry records."""
    from mcfwatch.graph.listings import LISTABLE

    if ent.type not in LISTABLE:
        return []
    linker = Linker(store, as_of)
    found = linker.listings(ent.id, ent.name, ent.type, _graph_names(store.names(ent.members or [ent.id])),
                            ent.members or [ent.id])
    linker.save()
    return found


def store_listings(store: Store, as_of: str | None = None) -> dict[str, list[Listing]]:
    """Canonical entity id -> its listings (entities with none left out), for every listable entity of the store,
    each as `entity_listings` gives it, in one pass: the names, the fold and the analysts' rejections read once,
    one screener, and the screening paid once: names screened before (by an export, or by the graph for
    `exposure`) are read from the graph's link cache (the export's cost was a fold, a decisions read and a
    screening per entity, every time)."""
    from mcfwatch.graph.listings import LISTABLE

    listable = [e for e in store.entities() if e["type"] in LISTABLE]
    if not listable:
        return {}
    root = {m: e["id"] for e in listable for m in (e["id"], *e["merged"])}
    grouped: dict[str, list[tuple[str, str]]] = {}
    for eid, name in store.names():
        if eid in root:
            grouped.setdefault(root[eid], []).append((eid, name))
    linker = Linker(store, as_of)
    out: dict[str, list[Listing]] = {}
    for e in listable:
        found = linker.listings(e["id"], e["name"], e["type"], _graph_names(grouped.get(e["id"], [])),
                                [e["id"], *e["merged"]])
        if found:
            out[e["id"]] = found
    linker.save()
    return out


def listings_day(as_of: str | None) -> str:
    """The day a listing answer is valid for: as_of, else today (ISO); an export records it."""
    return as_of or date.today().isoformat()


def _graph_names(rows: list[tuple[str, str]]) -> list[str]:
    """An entity's names as the graph's node holds them (graph.build.make_nodes: by member id, then name, each
    once), so that the link cache's key is the graph's."""
    names: list[str] = []
    for _, name in rows:
        if name not in names:
            names.append(name)
    return names


class Linker:
    """Links stored entities to watchlist entries as the graph does (graph.listings: the resolver's screening at
    the linking threshold, FtM's type guard), through the graph's link cache for this selection of list versions:
    an entity whose names were screened before, by an export or by `exposure`'s graph, is not screened again, and
    what is screened here the graph finds. The analysts' rejections apply to every member."""

    def __init__(self, store: Store, as_of: str | None) -> None:
        from mcfwatch.lists import noncommercial_excluded
        from mcfwatch.resolve.screen import default_screener

        # the lists the graph links to (analyse.exposure.default_lists reads the switch on every call): the
        # screener is cached per process by its arguments, so a switch set after the first screening was missed
        # (show and the FtM doors kept the non-commercial DoD 1286 copy's version, exposure took the 2025 one)
        self.screener = default_screener(as_of, noncommercial_excluded())
        self.as_of = as_of
        self.day = listings_day(as_of)
        self.rejected = store.decisions().rejected_listings
        self.cache = link_cache(store, self.screener.lists, as_of)
        self._entries: dict[str, tuple[Any, Any]] | None = None

    def entries(self) -> dict[str, tuple[Any, Any]]:
        if self._entries is None:
            self._entries = {e.id: (wl, e) for wl in self.screener.lists for e in wl.entries if e.active_on(self.as_of)}
        return self._entries

    def listings(self, eid: str, name: str, etype: str, names: list[str], members: Collection[str]) -> list[Listing]:
        from mcfwatch.graph import listings as graph_listings

        keyed = [etype, name, *names]  # as graph.listings.link_listings keys a node
        found = self.cache.get(keyed) if self.cache is not None else None
        if found is None:
            found = graph_listings._screen([name, *names], etype, self.screener, self.entries(), {})
            if self.cache is not None:
                self.cache.put(keyed, found)
        out: list[Listing] = []
        for lst in found:
            if any(f"{m}|{lst.entry_id}" in self.rejected for m in members):
                continue
            pair = self.entries().get(lst.entry_id)  # one pass over the entries (Screener.entry scans per call)
            if pair is not None:
                out.append(Listing(pair[0], pair[1], lst.shown_score, lst.matched_name or name, self.day))
        return out

    def save(self) -> None:
        if self.cache is not None:
            self.cache.save()


def link_cache(store: Store, lists: Any, as_of: str | None) -> LinkCache | None:
    """The graph's link cache of the store for these list versions (graph/persisted.GraphCache names it by
    graph.listkeys.lists_key), or None when the graph cache is off or no cache folder can be written."""
    from mcfwatch import settings
    from mcfwatch.graph.cachedir import cache_dir
    from mcfwatch.graph.listings import LinkCache
    from mcfwatch.graph.listkeys import lists_key

    if settings.GRAPH_CACHE.get() == "0":
        return None
    root = cache_dir(store.url)
    return LinkCache(root / f"links-{lists_key(lists, as_of)}.sqlite") if root is not None else None


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
                        f"score {listing.score}; lists as of {listing.as_of}"],
    }
    return {k: v for k, v in props.items() if v}


def ftm_sanction(entity_id: str, listing: Listing) -> dict[str, Any]:
    """The listing as a FollowTheMoney Sanction entity dict (Sanction.entity -> the stored entity)."""
    return {"id": sanction_id(entity_id, listing), "schema": "Sanction",
            "properties": {"entity": [entity_id], **sanction_props(listing)}}


def listing_topics(listings: list[Listing]) -> list[str]:
    """FtM topics of the lists' kinds (sanction, export.control, debarment ...), in first-seen order."""
    return list(dict.fromkeys(t for ls in listings for t in KIND_TOPICS.get(ls.wl.kind, ())))
