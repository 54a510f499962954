"""Watchlist entries as yente entities: one entity per organisation (all its entries on all lists merged,
their ids in `referents`), FtM schema and topics from the list and the entry, listings as nested `Sanction`s.

Invariant: an organisation's canonical id is (the FtM form of) the smallest id among its entries, so it
never names another organisation's entry; its other entries' ids are its referents and redirect to it.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import threading
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from typing import Any

from mcfwatch.lists.model import ListEntry, WatchList
from mcfwatch.model import SCHEMA
from mcfwatch.resolve.screen import Screener, default_screener

# FtM topics per list kind. Reference lists (ASPI's tracker, the Seven Sons, the defence groups) are
# research references, not legal lists: "export.risk" (trade risk), never a role such as role.oligarch.
KIND_TOPICS: dict[str, tuple[str, ...]] = {
    "sanction": ("sanction",),
    "export_control": ("export.control",),
    "investment_ban": ("invest.ban",),
    "military": ("mil",),
    "research_security": ("export.risk",),
    "reference": ("export.risk",),
    "countermeasure": ("sanction.counter",),
}
FTM_SCHEMATA = ("Company", "Organization", "PublicBody", "Person", "LegalEntity")


_UNSAFE = re.compile(r"[^0-9a-zA-Z.-]+")


def ftm_id(entry_id: str) -> str:
    """A list entry's id as a valid FtM entity id (letters, digits, dots, hyphens: `us-dod-1260h.avic`);
    an id that had to lose characters (Chinese, spaces) gets a hash of the original to stay unique."""
    plain = entry_id.replace(":", ".", 1)
    safe = _UNSAFE.sub("-", plain).strip(".-")
    if safe != plain or len(safe) > 120:
        safe = f"{safe[:100].strip('.-')}-{hashlib.sha1(entry_id.encode()).hexdigest()[:10]}"
    return safe


def dataset_name(list_id: str) -> str:
    """A list's yente/FtM dataset name: FtM allows no hyphen (us-dod-1260h -> us_dod_1260h)."""
    return list_id.replace("-", "_")


def ftm_schema(entry_schema: str) -> str:
    """The FtM schema of a list entry's mcfwatch type (University -> Organization, MilitaryUnit -> PublicBody)."""
    etype = SCHEMA.entity_types.get(entry_schema)
    if etype is not None and etype.ftm:
        return etype.ftm
    return entry_schema if entry_schema in FTM_SCHEMATA else "Organization"


def topics_for(wl: WatchList, entry: ListEntry) -> list[str]:
    etype = SCHEMA.entity_types.get(entry.schema)
    type_topics = list(etype.ftm_topics) if etype is not None and etype.ftm_topics else []
    return list(dict.fromkeys([*KIND_TOPICS.get(wl.kind, ()), *type_topics]))


def stamp(day: str | None) -> str | None:
    """An ISO day as the date-time yente serves (first_seen, last_change)."""
    return f"{day}T00:00:00" if day and len(day) == 10 else day


@dataclass(slots=True)
class Organisation:
    """One organisation: its entries on every list, best known entry first."""

    id: str
    members: list[tuple[WatchList, ListEntry]]

    @property
    def referents(self) -> list[str]:
        """The ids of the other entries merged into this organisation (yente: ids that redirect here)."""
        return sorted(i for i in (ftm_id(e.id) for _, e in self.members) if i != self.id)

    def within(self, lists: set[str]) -> Organisation:
        """The organisation as seen through some lists only (its id stays the canonical one)."""
        inside = [(wl, e) for wl, e in self.members if wl.id in lists]
        return Organisation(self.id, inside or self.members)

    @property
    def schema(self) -> str:
        return ftm_schema(self.members[0][1].schema)

    @property
    def topics(self) -> list[str]:
        return list(dict.fromkeys(t for wl, e in self.members for t in topics_for(wl, e)))

    @property
    def datasets(self) -> list[str]:
        return sorted({dataset_name(wl.id) for wl, _ in self.members})

    @property
    def last_change(self) -> str:
        return max(wl.version for wl, _ in self.members)


_serials = itertools.count(1)


class ListIndex:
    """The organisations of one Screener (one list selection, one as_of date). Never changed once built:
    `serial`, unique in the process, names it in the keys of answers computed from it (api/services.py)."""

    def __init__(self, screener: Screener) -> None:
        self.screener = screener
        self.serial = next(_serials)
        knowledge = screener.matcher.knowledge
        groups: dict[str, list[int]] = defaultdict(list)
        for pos, (_, entry) in enumerate(screener.entries):
            groups[knowledge.cluster_of(entry.id)].append(pos)
        self.by_entry: dict[str, Organisation] = {}
        self.by_id: dict[str, Organisation] = {}
        for positions in groups.values():
            members = sorted((screener.entries[p] for p in positions), key=lambda m: (m[1].start_date or "9", m[1].id))
            org = Organisation(ftm_id(min(e.id for _, e in members)), members)
            self.by_id[org.id] = org
            for _, e in members:
                self.by_entry[e.id] = self.by_entry[ftm_id(e.id)] = org

    def organisation(self, entry_id: str) -> Organisation | None:
        """The organisation an id (canonical, a referent, or a list entry's own id) belongs to."""
        return self.by_entry.get(entry_id)

    def list_ids(self) -> dict[str, str]:
        """Dataset name or list id -> list id (requests may name a list either way)."""
        return {**{dataset_name(wl.id): wl.id for wl in self.screener.lists}, **{wl.id: wl.id for wl in self.screener.lists}}

    def entity(self, org: Organisation, nested: bool = False) -> dict[str, Any]:
        """The organisation as a yente entity (with its listings as nested Sanction entities if nested)."""
        names = [e.name for _, e in org.members]
        aliases = [n for _, e in org.members for n in [*e.names_zh, *e.aliases]]
        props: dict[str, list[Any]] = {
            "name": list(dict.fromkeys(names)),
            "alias": [a for a in dict.fromkeys(aliases) if a not in names],
            "country": sorted({e.country for _, e in org.members if e.country}),
            "address": list(dict.fromkeys(a for _, e in org.members for a in e.addresses)),
            "notes": list(dict.fromkeys(e.remarks for _, e in org.members if e.remarks)),
            "topics": org.topics,
            "sourceUrl": list(dict.fromkeys(wl.url for wl, _ in org.members if wl.url)),
        }
        if nested:
            props["sanctions"] = [self.sanction(wl, e) for wl, e in org.members]
        first = min((e.start_date for _, e in org.members if e.start_date), default=None)
        return {
            "id": org.id, "caption": org.members[0][1].name, "schema": org.schema,
            "properties": {k: v for k, v in props.items() if v},
            "datasets": org.datasets, "referents": org.referents, "target": True,
            "first_seen": stamp(first), "last_seen": stamp(org.last_change), "last_change": stamp(org.last_change),
        }

    def sanction(self, wl: WatchList, entry: ListEntry) -> dict[str, Any]:
        """One listing as an FtM Sanction (authority, programme, legal basis, dates, citation)."""
        props: dict[str, list[Any]] = {
            "authority": [wl.authority], "program": [wl.title], "provisions": [wl.legal_basis],
            "reason": [entry.remarks] if entry.remarks else [], "sourceUrl": [wl.url] if wl.url else [],
            "startDate": [entry.start_date] if entry.start_date else [],
            "endDate": [entry.end_date] if entry.end_date else [],
            "summary": [entry.citation] if entry.citation else [],
        }
        return {
            "id": f"{ftm_id(entry.id)}.listing.{wl.version}", "caption": wl.title, "schema": "Sanction",
            "properties": {k: v for k, v in props.items() if v}, "datasets": [dataset_name(wl.id)], "referents": [],
            "target": False, "first_seen": stamp(entry.start_date), "last_seen": stamp(wl.version),
            "last_change": stamp(wl.version),
        }


MAX_INDEXES = 4   # dates held at once (today and a few `as_of` dates)
_indexes: OrderedDict[str | None, ListIndex] = OrderedDict()
_indexes_lock = threading.Lock()
_building = threading.Lock()


def built_index(as_of: str | None = None) -> ListIndex | None:
    """The index list_index(as_of) answers, if this process has built it already (never builds: cheap enough
    for the event loop)."""
    with _indexes_lock:
        index = _indexes.get(as_of)
        if index is not None:
            _indexes.move_to_end(as_of)
        return index


# One party of names that takes every path of the name comparison once: the conversion tables (pypinyin, OpenCC,
# CC-CEDICT, the pinyin syllables) are loaded when the index is built, not inside the first request that needs them.
WARM_NAMES = ("伊利诺伊大学", "西北工業大學", "Xibei Gongye Daxue", "Brunel University")


def list_index(as_of: str | None = None) -> ListIndex:
    """The index over every list version valid on as_of (built once per process and date, by one thread while
    the others wait; MAX_INDEXES dates kept, the least recently used dropped first)."""
    index = built_index(as_of)
    if index is not None:
        return index
    with _building:
        index = built_index(as_of)
        if index is None:
            screener = default_screener(as_of)
            screener.read_whole()  # a server: every new name screened without a query to the index file
            screener.screen(WARM_NAMES)  # loads what a first Chinese or pinyin name would (~0.5 s CPU, once)
            index = ListIndex(screener)
            with _indexes_lock:
                _indexes[as_of] = index
                while len(_indexes) > MAX_INDEXES:
                    _indexes.popitem(last=False)
        return index
