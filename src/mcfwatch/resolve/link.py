"""Link stored entities to watchlist entries (their listings) through the same screening as `screen`.

Replaces exact-key linking: spelling variants, Chinese names, pinyin and acronyms are found, and the
traps (Nanjing University vs NUAA) are not. Only types that can sit on a list are linked.
"""

from __future__ import annotations

from mcfwatch.resolve.algorithm import DEFAULT_THRESHOLD
from mcfwatch.resolve.merge import load_candidates
from mcfwatch.resolve.screen import Hit, Screener, default_screener
from mcfwatch.store import Store

LISTABLE = frozenset({"Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Person"})


def listings_for(
    names: list[str], etype: str, screener: Screener | None = None, threshold: float = DEFAULT_THRESHOLD
) -> list[Hit]:
    """Entries that list the entity known by these names (matches at the threshold, best first)."""
    if etype not in LISTABLE or not names:
        return []
    return (screener or default_screener()).screen(names, threshold=threshold).hits


def link_store(store: Store, as_of: str | None = None, threshold: float = DEFAULT_THRESHOLD) -> dict[str, list[Hit]]:
    """Entity id -> its listings, for every listable entity of the store (valid on as_of)."""
    screener = default_screener(as_of)
    out: dict[str, list[Hit]] = {}
    for c in load_candidates(store):
        hits = listings_for([c.name, *c.names], c.type, screener, threshold)
        if hits:
            out[c.id] = hits
    return out
