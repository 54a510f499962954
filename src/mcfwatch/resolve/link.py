"""Link stored entities to watchlist entries (their listings) through the same screening as `screen`.

Replaces exact-key linking: spelling variants, Chinese names, pinyin and acronyms are found, and the
traps (Nanjing University vs NUAA) are not. Only types that can sit on a list are linked.
"""

from __future__ import annotations

from mcfwatch.graph.listings import LISTABLE  # the one set of listable types
from mcfwatch.model import Extraction
from mcfwatch.resolve.algorithm import DEFAULT_THRESHOLD
from mcfwatch.resolve.merge import load_candidates
from mcfwatch.resolve.screen import Hit, Screener, default_screener
from mcfwatch.store import Store

# Linking a document's mention to a list is stricter than interactive screening (0.70): a wrong
# listing in the graph flags a partner, so only near-certain matches are kept.
LINK_THRESHOLD = 0.85
# What decides a link besides the algorithm and the threshold; a new value makes stored link caches
# (graph/listkeys.lists_key) screen again. 2: FtM's schema guard and typed persons on the nsfreg lists;
# 3: bracketed places are no names, one-common-word translations are leads only; 4: a type guessed from the
# name's shape (nsfreg lists) never hides a match; 5: entries joined through an alias that is another list's
# name (knowledge.alias_joins) are one organisation; 6: the later s25 screening changes (capital words are no
# acronyms, ASPI's named units, the Chinese-name cap) re-screen cached links too; 7: s26 screening precision
# (English words are no pinyin, Chinese names that share only a kind of body or name two countries differ,
# a name printed by several lists counts once among the candidates); 8: a subsidiary whose name differs from its
# parent's by a bracketed country (Huawei Technologies (UK) Co., Ltd.) is not, by name, the parent's organisation;
# 9: the name table knows the lists' "Dahua Technology (Company)" as Zhejiang Dahua.
# 10: s27: a bracketed country code (HK, BVI) or registered place (Kunshan, Yangon) keeps a subsidiary apart too;
# a city query is one by its own name only (not 华润万家超市), each name of a party by its own shape.
# 11: s28: a romanised name may keep a place's English name (Harbin Gongye Daxue); a place and one common word
# is no body's own name (China Communications); a kind of body must agree with the other's trade (大学 vs 航空).
# 12: s29: candidate blocking compares the best names of a query's distinctive key (华为技术有限公司), a numbered
# institute's number is a key, the table's Chinese names of English-only entries are searched; a Chinese run the
# other name lacks caps (江南航空工业 vs 航空工业), words are split leaving fewest characters unread.
LINK_RULES = 12


def listings_for(
    names: list[str], etype: str, screener: Screener | None = None, threshold: float = DEFAULT_THRESHOLD
) -> list[Hit]:
    """Entries that list the entity known by these names (matches at the threshold, best first), among the
    entries its type may be (FtM schema compatibility: a company is never linked to a listed person)."""
    if etype not in LISTABLE or not names:
        return []
    return (screener or default_screener()).screen(names, threshold=threshold, schema=etype).hits


def link_store(store: Store, as_of: str | None = None, threshold: float = DEFAULT_THRESHOLD) -> dict[str, list[Hit]]:
    """Entity id -> its listings, for every listable entity of the store (valid on as_of)."""
    screener = default_screener(as_of)
    out: dict[str, list[Hit]] = {}
    for c in load_candidates(store):
        hits = listings_for([c.name, *c.names], c.type, screener, threshold)
        if hits:
            out[c.id] = hits
    return out


def listing_view(hit: Hit) -> dict[str, object]:
    """The compact form of a listing in the `extract` contract's `listings` field."""
    return {
        "list_id": hit.list_id, "list_version": hit.list_version, "entry_id": hit.entry_id,
        "entry_name": hit.entry_name, "score": round(hit.score, 3), "authority": hit.authority,
        "legal_basis": hit.legal_basis, "matched_name": hit.matched_name,
    }


def link_extraction(ex: Extraction, screener: Screener | None = None, threshold: float = LINK_THRESHOLD) -> Extraction:
    """Fill each listable entity's `listings` with the watchlist entries it matches (in place)."""
    screener = screener or default_screener()
    for ent in ex.entities:
        ent.listings = [listing_view(h) for h in listings_for([ent.name, *ent.aliases], ent.type, screener, threshold)]
    return ex
