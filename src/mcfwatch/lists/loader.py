"""Build every version of every list from the shipped copies and the user-fetched ones, once per process.

Shipped copies live in `lists/data/<folder>/`; `mcfwatch lists update` writes fetched copies to
`$MCFWATCH_LISTS_DIR/<list id>/<copy>/<date>/` with a `meta.json`. Both are parsed by the same
importer. Parsed versions are cached in-process, keyed by the fetched copies' stamps, so an update
is seen by the next call.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from mcfwatch.errors import InputError
from mcfwatch.lists.model import WatchList
from mcfwatch.lists.spec import Importer, SourceFiles
from mcfwatch.settings import LISTS_DIR

# The importers (registry) are imported where lists are parsed: a process that reads the screening
# cache never parses a list, so it need not import them.

DATA_DIR = Path(__file__).parent / "data"
META_FILE = "meta.json"


def lists_dir() -> Path:
    return Path(os.path.expanduser(LISTS_DIR.get()))


def build(importer: Importer, files: SourceFiles, origin: str) -> list[WatchList]:
    """Parse one copy into its versions."""
    lists = []
    for parsed in importer.parse(files):
        info = importer.info
        lists.append(
            WatchList(
                id=info.id, title=info.title, authority=info.authority, jurisdiction=info.jurisdiction,
                legal_basis=info.legal_basis, licence=importer.licence, noncommercial=importer.noncommercial,
                source=importer.source, as_of=parsed.as_of, kind=info.kind, entries=parsed.entries,
                copy=importer.copy, origin=origin, url=info.url, note=importer.note,
            )
        )
    return lists


def fetched_folders(importer: Importer, root: Path) -> list[tuple[Path, str]]:
    """(folder, as-of) of every fetched copy of this importer under root."""
    base = root / importer.list_id / importer.copy
    found = []
    for meta_path in sorted(base.glob(f"*/{META_FILE}")) if base.is_dir() else []:
        if meta_path.parent.name.startswith("."):  # an update in progress or killed midway (update.py)
            continue
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            as_of = str(meta["as_of"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise InputError(str(meta_path), f"unreadable fetched-version metadata ({exc}); delete the folder") from None
        found.append((meta_path.parent, as_of))
    return found


def _stamp(root: Path) -> tuple[tuple[str, float], ...]:
    if not root.is_dir():
        return ()
    return tuple(sorted((str(p), p.stat().st_mtime) for p in root.glob(f"*/*/*/{META_FILE}")))


@lru_cache(maxsize=4)
def _all_versions(root: str, stamp: tuple[tuple[str, float], ...]) -> tuple[WatchList, ...]:
    from mcfwatch.lists.registry import IMPORTERS

    versions: list[WatchList] = []
    for importer in IMPORTERS:
        versions += build(importer, SourceFiles(DATA_DIR / importer.folder, importer.as_of), "shipped")
        for folder, as_of in fetched_folders(importer, Path(root)):
            versions += build(importer, SourceFiles(folder, as_of), "fetched")
    from mcfwatch.lists.ftm import stored_ftm_versions  # ftm imports this module

    versions += stored_ftm_versions(Path(root))
    return tuple(versions)


def all_versions(root: Path | None = None) -> tuple[WatchList, ...]:
    """Every version of every list (shipped and fetched), parsed once per process. Do not mutate."""
    root = root or lists_dir()
    return _all_versions(str(root), _stamp(root))


def clear_cache() -> None:
    _all_versions.cache_clear()
    _select_cached.cache_clear()


def rank_of(wl: WatchList) -> int:
    from mcfwatch.lists.registry import IMPORTERS

    for importer in IMPORTERS:
        if importer.list_id == wl.id and importer.copy == wl.copy:
            return importer.rank
    return 99


def preference(wl: WatchList) -> tuple[str, int, int]:
    """Sort key: later as-of first wins; on a tie, the lower-ranked copy, then a fetched copy."""
    return (wl.as_of, -rank_of(wl), 1 if wl.origin == "fetched" else 0)


def select(versions: list[WatchList], as_of: str | None, exclude_noncommercial: bool) -> WatchList | None:
    """The version valid on AS_OF (None = today) among the allowed copies.

    That is the latest version dated on or before the date; when every copy we hold is later than the
    date, the earliest one (its entries are then filtered by their own start dates).
    """
    from mcfwatch.lists.model import today

    allowed = [v for v in versions if not (exclude_noncommercial and v.noncommercial)]
    if not allowed:
        return None
    date = as_of or today()
    earlier = [v for v in allowed if v.as_of <= date]
    if earlier:
        return max(earlier, key=preference)
    first = min(v.as_of for v in allowed)
    return max((v for v in allowed if v.as_of == first), key=preference)


@lru_cache(maxsize=16)
def _select_cached(
    as_of: str | None, exclude_noncommercial: bool, root: str, stamp: tuple[tuple[str, float], ...]
) -> tuple[WatchList, ...]:
    by_list: dict[str, list[WatchList]] = {}
    for wl in _all_versions(root, stamp):
        by_list.setdefault(wl.id, []).append(wl)
    chosen = []
    for versions in by_list.values():
        picked = select(versions, as_of, exclude_noncommercial)
        if picked is not None:
            chosen.append(replace(picked, entries=[e for e in picked.entries if e.active_on(as_of)]))
    return tuple(chosen)


def selected(as_of: str | None, exclude_noncommercial: bool, root: Path | None = None) -> tuple[WatchList, ...]:
    root = root or lists_dir()
    return _select_cached(as_of, exclude_noncommercial, str(root), _stamp(root))
