"""Which list versions a query uses, known without parsing the lists when nothing about them changed.

Parsing the 20 shipped lists takes seconds; an exposure answered from the persisted index needs only their
identity (to pick the index and the link cache) and their titles and versions (for the result). A manifest
in the store's cache folder records both, named by a stamp of everything the selection depends on: the date
(today when none is given), the non-commercial switch, and the size and time of every shipped and fetched
list file and of the matching code. Any change there gives another stamp, so the lists are parsed again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from mcfwatch.graph.cachedir import key_digest, replace_text

_PACKAGE = Path(__file__).resolve().parents[1]
# The form of a link cache's rows (graph.listings.LinkCache); a new value gives new cache files and manifests.
# 2: a listing carries its screening score and the name matched as fields (doors read them, not the `match` text).
LINK_FORMAT = 2


def lists_key(lists: Sequence[Any], as_of: str | None) -> str:
    """The identity of a selection of list versions and of the matching code its screening hits depend on."""
    try:
        from mcfwatch.resolve.algorithm import ALGORITHM
        from mcfwatch.resolve.link import LINK_RULES, LINK_THRESHOLD
    except ImportError:
        ALGORITHM, LINK_THRESHOLD, LINK_RULES = "exact", 1.0, 0  # noqa: N806
    return key_digest([ALGORITHM, LINK_THRESHOLD, LINK_RULES, LINK_FORMAT, as_of,
                       [(wl.id, wl.version, len(wl.entries)) for wl in lists]])


def source_stamp(as_of: str | None, exclude_noncommercial: bool) -> str:
    from mcfwatch.settings import LISTS_DIR

    roots = [_PACKAGE / "lists", _PACKAGE / "resolve", Path(os.path.expanduser(LISTS_DIR.get()))]
    files = []
    for root in roots:
        for p in sorted(root.rglob("*")) if root.is_dir() else []:
            if p.is_file() and "__pycache__" not in p.parts:
                st = p.stat()
                files.append((str(p), st.st_size, st.st_mtime_ns))
    return key_digest([as_of or date.today().isoformat(), exclude_noncommercial, LINK_FORMAT, files])


@dataclass(slots=True)
class ListsManifest:
    key: str
    versions: list[dict[str, str]]

    @property
    def empty(self) -> bool:
        return not self.versions


def manifest(
    folder: Path | None, as_of: str | None, exclude_noncommercial: bool, load: Callable[[], Sequence[Any]]
) -> ListsManifest:
    """The manifest of the lists valid on as_of: read from folder when its stamp matches, else made by
    loading the lists (``load``) and written there."""
    path = folder / f"lists-{source_stamp(as_of, exclude_noncommercial)}.json" if folder else None
    found = read_manifest(path)
    if found is not None:
        return found
    lists = load()
    made = ListsManifest(lists_key(lists, as_of),
                         [{"list": wl.id, "title": wl.title, "version": wl.version} for wl in lists])
    if path is not None:
        replace_text(path, json.dumps({"key": made.key, "versions": made.versions}, ensure_ascii=False))
    return made


def saved_manifest(folder: Path | None, as_of: str | None, exclude_noncommercial: bool) -> ListsManifest | None:
    """The manifest ``manifest`` would read from folder without loading a list, or None (it would parse them)."""
    return read_manifest(folder / f"lists-{source_stamp(as_of, exclude_noncommercial)}.json" if folder else None)


def read_manifest(path: Path | None) -> ListsManifest | None:
    if path is None or not path.exists():
        return None
    try:
        raw = json.loads(path.read_text("utf-8"))
        return ListsManifest(str(raw["key"]), [dict(v) for v in raw["versions"]])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # damaged: made again
