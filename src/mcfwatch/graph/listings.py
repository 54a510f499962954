"""Link graph nodes to watch-list entries.

Uses exact name keys (``mcfwatch.resolve.keys.name_key``) over every name of the entry (English, Chinese,
aliases) and every name of the node. This is the fallback until the resolver's screening API links store
entities to entries; exact keys never produce the fuzzy false positives a trap like Nanjing University vs
NUAA would, at the cost of missing spelling variants.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from mcfwatch.graph.model import Listing, Node
from mcfwatch.resolve.keys import name_key

# Types that can sit on a list; a place or an event sharing a listed name is not a listing.
LISTABLE = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Person"}


def listing_of(wl: Any, entry: Any, match: str) -> Listing:
    props = tuple(sorted((str(k), str(v)) for k, v in (entry.properties or {}).items() if v is not None))
    return Listing(
        list_id=wl.id, list_title=wl.title, authority=wl.authority, legal_basis=wl.legal_basis,
        kind=wl.kind, version=wl.version, entry_id=entry.id, entry_name=entry.name,
        start_date=entry.start_date, end_date=entry.end_date, remarks=entry.remarks,
        citation=entry.citation, properties=props, match=match,
    )


def link_listings(
    nodes: Iterable[Node], lists: Sequence[Any], as_of: str | None, rejected: set[str]
) -> None:
    """Attach to each node the entries (active on as_of) that carry one of its names exactly."""
    index: dict[str, list[tuple[Any, Any]]] = {}
    for wl in lists:
        for entry in wl.entries:
            if not entry.active_on(as_of):
                continue
            for n in entry.all_names():
                key = name_key(n)
                if key:
                    index.setdefault(key, []).append((wl, entry))
    for node in nodes:
        if node.type not in LISTABLE:
            continue
        seen: set[tuple[str, str]] = set()
        for n in [node.name, *node.names]:
            for wl, entry in index.get(name_key(n), ()):
                if (wl.id, entry.id) in seen or any(f"{m}|{entry.id}" in rejected for m in node.members):
                    continue
                seen.add((wl.id, entry.id))
                node.listings.append(listing_of(wl, entry, f"exact name: {n}"))
