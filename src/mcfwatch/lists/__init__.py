"""Watchlists: importers for the shipped lists, their versions, and the loader screening reads.

Public API (stable; `mcfwatch.resolve` builds on it):

- `load_lists(as_of=None, exclude_noncommercial=False) -> list[WatchList]`: one WatchList per list,
  the version valid on `as_of` (ISO date; None = today), holding only the entries active then.
- `iter_entries(as_of=None, exclude_noncommercial=False) -> Iterator[ListEntry]`: their entries.
- `get_list(list_id, as_of=None, ...) -> WatchList`.

Non-commercial (CC BY-NC) copies are left out when `exclude_noncommercial` is true or the
environment sets MCFWATCH_EXCLUDE_NONCOMMERCIAL=1. Returned objects are shared: do not mutate them.
"""

from __future__ import annotations

from collections.abc import Iterator

from mcfwatch import settings
from mcfwatch.errors import NotFoundError
from mcfwatch.lists.model import ListEntry, WatchList

# The loader (and through it every importer and the model's schema) is imported on first use: importing
# `mcfwatch.lists.model` runs this file, and a process screening from the cache never parses a list.

__all__ = ["ListEntry", "WatchList", "get_list", "iter_entries", "load_lists", "noncommercial_excluded"]


def noncommercial_excluded(exclude_noncommercial: bool = False) -> bool:
    """True if the caller or MCFWATCH_EXCLUDE_NONCOMMERCIAL asks to leave out CC BY-NC copies."""
    return exclude_noncommercial or settings.EXCLUDE_NONCOMMERCIAL.get().strip().lower() in {"1", "true", "yes"}


def load_lists(as_of: str | None = None, exclude_noncommercial: bool = False) -> list[WatchList]:
    """One WatchList per list: the version valid on AS_OF with the entries active then."""
    from mcfwatch.lists.loader import selected
    from mcfwatch.model.dates import check_day

    return list(selected(check_day(as_of), noncommercial_excluded(exclude_noncommercial)))


def iter_entries(as_of: str | None = None, exclude_noncommercial: bool = False) -> Iterator[ListEntry]:
    """Every active entry of every list (see load_lists)."""
    for wl in load_lists(as_of, exclude_noncommercial):
        yield from wl.entries


def get_list(list_id: str, as_of: str | None = None, exclude_noncommercial: bool = False) -> WatchList:
    for wl in load_lists(as_of, exclude_noncommercial):
        if wl.id == list_id:
            return wl
    raise NotFoundError(f"no list '{list_id}' (as of {as_of or 'today'}); `mcfwatch lists` shows the ids")
