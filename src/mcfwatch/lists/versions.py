"""Versions of a list and the differences between two of them.

A version is named `DATE@COPY` (e.g. `2025-01-01@nsfreg`); a bare DATE names the preferred copy of
that date. Entries are matched across versions by id (the slug of the primary name).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from mcfwatch.errors import NotFoundError
from mcfwatch.lists import noncommercial_excluded
from mcfwatch.lists.loader import all_versions, preference, select
from mcfwatch.lists.model import ListEntry, WatchList
from mcfwatch.lists.registry import list_ids

_COMPARED = ("name", "schema", "names_zh", "aliases", "addresses", "country", "identifiers", "start_date",
             "end_date", "remarks", "citation", "parent", "properties")


def version_name(wl: WatchList) -> str:
    return f"{wl.as_of}@{wl.copy}"


def versions(list_id: str, exclude_noncommercial: bool = False) -> list[WatchList]:
    """Every version of a list, oldest first (on one date, the preferred copy last)."""
    if list_id not in list_ids() and not any(wl.id == list_id for wl in all_versions()):
        raise NotFoundError(f"no list '{list_id}'; `mcfwatch lists` shows the ids")
    exclude = noncommercial_excluded(exclude_noncommercial)
    found = [wl for wl in all_versions() if wl.id == list_id and not (exclude and wl.noncommercial)]
    return sorted(found, key=preference)


def get_version(list_id: str, name: str | None = None, exclude_noncommercial: bool = False) -> WatchList:
    """The version called NAME (`DATE` or `DATE@COPY`); None = the current one."""
    found = versions(list_id, exclude_noncommercial)
    if name is None:
        chosen = select(found, None, noncommercial_excluded(exclude_noncommercial))
        if chosen is None:
            raise NotFoundError(f"list '{list_id}' has no version allowed here (all copies are non-commercial)")
        return chosen
    date, _, copy = name.partition("@")
    matches = [wl for wl in found if wl.as_of == date and (not copy or wl.copy == copy)]
    if not matches:
        known = ", ".join(version_name(wl) for wl in found)
        raise NotFoundError(f"list '{list_id}' has no version '{name}'; versions: {known}")
    return max(matches, key=preference)


@dataclass(slots=True)
class Change:
    before: ListEntry
    after: ListEntry
    fields: list[str]


@dataclass(slots=True)
class ListDiff:
    list_id: str
    old: str
    new: str
    added: list[ListEntry] = field(default_factory=list)
    removed: list[ListEntry] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "list_id": self.list_id, "from": self.old, "to": self.new,
            "added": [asdict(e) for e in self.added], "removed": [asdict(e) for e in self.removed],
            "changed": [{"id": c.after.id, "fields": c.fields, "before": asdict(c.before), "after": asdict(c.after)}
                        for c in self.changed],
        }


def diff_versions(old: WatchList, new: WatchList) -> ListDiff:
    """Entries added, removed and changed (which fields) from OLD to NEW."""
    before = {e.id: e for e in old.entries}
    after = {e.id: e for e in new.entries}
    result = ListDiff(old.id, version_name(old), version_name(new))
    result.added = [e for k, e in after.items() if k not in before]
    result.removed = [e for k, e in before.items() if k not in after]
    for key in before.keys() & after.keys():
        fields = [f for f in _COMPARED if getattr(before[key], f) != getattr(after[key], f)]
        if fields:
            result.changed.append(Change(before[key], after[key], fields))
    result.changed.sort(key=lambda c: c.after.id)
    return result


def diff(list_id: str, v1: str | None = None, v2: str | None = None, exclude_noncommercial: bool = False) -> ListDiff:
    """Diff two versions of a list; by default the one before the current version against the current one."""
    new = get_version(list_id, v2, exclude_noncommercial)
    if v1 is None:
        earlier = [wl for wl in versions(list_id, exclude_noncommercial) if wl.as_of < new.as_of]
        if not earlier:
            raise NotFoundError(f"list '{list_id}' has no version before {version_name(new)} to compare with")
        old = max(earlier, key=preference)
    else:
        old = get_version(list_id, v1, exclude_noncommercial)
    return diff_versions(old, new)
