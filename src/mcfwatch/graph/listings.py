"""Link graph nodes to watch-list entries.

The resolver's screener (``mcfwatch.resolve.screen.Screener``: bilingual names, acronyms, known traps,
features that explain each match) decides which entries a node's names match, at a stricter threshold
than interactive screening (LINK_THRESHOLD). When the resolver is not installed, exact name keys
(``name_key``) over every name of the entry are the fallback: spelling variants are then missed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from mcfwatch.graph.model import Listing, Node
from mcfwatch.model.keys import name_key
from mcfwatch.resolve.link import LINK_THRESHOLD

# Types that can sit on a list; a place or an event sharing a listed name is not a listing.
LISTABLE = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Person"}
_SCREENERS: dict[tuple[Any, ...], Any] = {}
# Graph links are made without a person looking, so they need a surer match than interactive screening:
# at the screener's default threshold "HT&L Fitting" (an Italian firm in the seed) matched the Entity List's
# "High Technologies, Ltd. (HTL)" at 0.74. Analysts can still confirm or reject a link (overlay "listing").


def listing_of(wl: Any, entry: Any, match: str, parent_name: str | None = None) -> Listing:
    props = tuple(sorted((str(k), str(v)) for k, v in (entry.properties or {}).items() if v is not None))
    return Listing(
        list_id=wl.id, list_title=wl.title, authority=wl.authority, legal_basis=wl.legal_basis,
        kind=wl.kind, version=wl.version, entry_id=entry.id, entry_name=entry.name,
        start_date=entry.start_date, end_date=entry.end_date, remarks=entry.remarks,
        citation=entry.citation, properties=props, match=match, parent_name=parent_name,
    )


def screener_for(lists: Sequence[Any], as_of: str | None) -> Any | None:
    """The resolver's screener over these lists (built once per set of list versions), or None."""
    try:
        from mcfwatch.resolve.screen import Screener
    except ImportError:
        return None
    key = (as_of, *((id(wl), wl.id, wl.version, len(wl.entries)) for wl in lists))
    if key not in _SCREENERS:
        if len(_SCREENERS) > 4:
            _SCREENERS.clear()
        _SCREENERS[key] = Screener(list(lists), as_of=as_of)
    return _SCREENERS[key]


def link_listings(nodes: Iterable[Node], lists: Sequence[Any], as_of: str | None, rejected: set[str]) -> str:
    """Attach to each node the entries (active on as_of) it matches; returns the method used."""
    if not lists:
        return "none"
    screener = screener_for(lists, as_of)
    entries = {e.id: (wl, e) for wl in lists for e in wl.entries if e.active_on(as_of)}
    exact: dict[str, list[str]] = {}
    if screener is None:
        for eid, (_, e) in entries.items():
            for n in e.all_names():
                if name_key(n):
                    exact.setdefault(name_key(n), []).append(eid)
    for node in nodes:
        if node.type not in LISTABLE:
            continue
        found: list[tuple[str, str]] = []
        if screener is not None:
            for hit in screener.screen([node.name, *node.names], threshold=LINK_THRESHOLD).hits:
                found.append((hit.entry_id, f"screening score {hit.score:.2f} on '{hit.matched_name}'"))
        else:
            for n in [node.name, *node.names]:
                found += [(eid, f"exact name: {n}") for eid in exact.get(name_key(n), [])]
        seen: set[str] = set()
        for eid, how in found:
            if eid in seen or eid not in entries or any(f"{m}|{eid}" in rejected for m in node.members):
                continue
            seen.add(eid)
            wl, entry = entries[eid]
            parent = entries[entry.parent][1].name if entry.parent in entries else None
            node.listings.append(listing_of(wl, entry, how, parent))
    return "screener" if screener is not None else "exact names"
