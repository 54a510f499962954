"""The unified watchlist model: one WatchList per published list, one ListEntry per listed party.

Every importer in this package returns a WatchList; screening, resolution and the risk
rules read only these two classes, never an importer's raw format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as _date
from typing import Any


def today() -> str:
    """Today's date (UTC-naive) as an ISO string: what "now" means for an entry's start and end dates."""
    return _date.today().isoformat()


@dataclass(slots=True)
class ListEntry:
    id: str                      # stable within the list, e.g. "us-dod-1260h:avic"
    list_id: str
    name: str                    # primary name as published
    schema: str = "Organization"  # mcfwatch entity type (Company, University, MilitaryUnit, Person ...)
    names_zh: list[str] = field(default_factory=list)     # Chinese names (simplified or traditional)
    aliases: list[str] = field(default_factory=list)      # a.k.a., former names, acronyms
    addresses: list[str] = field(default_factory=list)
    country: str | None = None   # ISO 3166-1 alpha-2, lower case
    identifiers: dict[str, str] = field(default_factory=dict)  # uscc, isin, ...
    start_date: str | None = None  # ISO date the entry took effect (edition date)
    end_date: str | None = None    # ISO date it was removed, None while listed
    remarks: str | None = None     # reason / licence requirement / rating as published
    citation: str | None = None    # Federal Register citation or other legal reference
    parent: str | None = None      # id of the parent entry (a sub-institute of a group)
    properties: dict[str, Any] = field(default_factory=dict)  # list-specific extras (ASPI rating ...)

    def all_names(self) -> list[str]:
        return [self.name, *self.names_zh, *self.aliases]

    def active_on(self, date: str | None) -> bool:
        """Listed on DATE (ISO; None = today): started on or before it and not yet ended.

        An end date in the future (a sanction that lapses in 2028) keeps the entry active today.
        """
        if date is None:
            date = today()
        if self.start_date and self.start_date > date:
            return False
        return not (self.end_date and self.end_date <= date)


@dataclass(slots=True)
class WatchList:
    id: str                      # e.g. "us-dod-1260h"
    title: str
    authority: str
    jurisdiction: str            # "us", "eu", "ca", "jp", "au", "cn"
    legal_basis: str
    licence: str
    noncommercial: bool
    source: str                  # upstream URL / repository + commit
    as_of: str                   # ISO date of the copy (the version)
    kind: str = "sanction"       # sanction | export_control | investment_ban | military | research_security | reference
    entries: list[ListEntry] = field(default_factory=list)
    copy: str = ""               # which copy of the list this version came from ("nsfreg", "opensanctions" ...)
    origin: str = "shipped"      # shipped (in the package) | fetched (by `mcfwatch lists update`)
    url: str = ""                # the official page of the list
    note: str = ""               # caveats of this copy (gaps, why it was preferred)

    @property
    def version(self) -> str:
        return self.as_of
