"""`mcfwatch lists update`: fetch each list from its upstream URLs into a new version folder.

A copy is fetched into a temporary folder, parsed with its importer (so a broken download never
becomes a version), then moved to `$MCFWATCH_LISTS_DIR/<list id>/<copy>/<date>/` with a
`meta.json`. Files an importer reads that have no URL are taken from the shipped copy.
`url_base` replaces every URL by `<url_base>/<list id>/<file name>` (mirrors, tests).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mcfwatch.errors import McfwatchError, NotFoundError
from mcfwatch.lists.loader import DATA_DIR, META_FILE, build, clear_cache, lists_dir
from mcfwatch.lists.registry import IMPORTERS
from mcfwatch.lists.spec import Importer, SourceFiles

MAX_BYTES = 100 * 1024 * 1024


@dataclass(slots=True)
class UpdateResult:
    list_id: str
    copy: str
    ok: bool
    message: str
    folder: str | None = None


def _fetch(url: str, dest: Path, timeout: float) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": "mcfwatch lists update"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https URLs declared in code)
        data = response.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise OSError(f"{url}: larger than {MAX_BYTES} bytes")
    dest.write_bytes(data)


def _publish(tmp: Path, final: Path) -> None:
    """Make the complete folder ``tmp`` the version ``final`` by renames only.

    What must stay true: at every instant ``final`` is either absent, the old version or the new one, never a
    partial folder; a kill leaves only hidden folders (``.fetch-*``, ``.old-*``) that loaders skip.
    """
    old = None
    if final.exists():
        old = final.with_name(f".old-{final.name}-{os.getpid()}")
        final.rename(old)
    tmp.rename(final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(base: Path) -> None:
    """Delete hidden folders a killed update left behind; a kill between two renames is undone first."""
    for leftover in sorted(base.glob(".*")):
        if not leftover.is_dir():
            continue
        if leftover.name.startswith(".old-"):
            version = leftover.name[len(".old-"):].rsplit("-", 1)[0]
            if not (base / version).exists():  # killed after moving the old version aside: put it back
                leftover.rename(base / version)
                continue
        shutil.rmtree(leftover, ignore_errors=True)


def update_copy(importer: Importer, root: Path, url_base: str | None, date: str, timeout: float) -> UpdateResult:
    if not importer.urls:
        return UpdateResult(importer.list_id, importer.copy, False,
                            "not updatable: this copy is derived here and has no upstream URL")
    base = root / importer.list_id / importer.copy
    base.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(base)
    tmp = Path(tempfile.mkdtemp(prefix=".fetch-", dir=base))
    try:
        urls = {}
        for name in importer.files:
            if name in importer.urls:
                url = f"{url_base.rstrip('/')}/{importer.list_id}/{name}" if url_base else importer.urls[name]
                urls[name] = url
                try:
                    _fetch(url, tmp / name, timeout)
                except (urllib.error.URLError, OSError, TimeoutError) as exc:
                    reason = getattr(exc, "reason", None) or exc
                    return UpdateResult(importer.list_id, importer.copy, False,
                                        f"cannot fetch {url}: {reason} (offline? the shipped version stays in use)")
            else:
                shutil.copy2(DATA_DIR / importer.folder / name, tmp / name)
        parsed = build(importer, SourceFiles(tmp, date), "fetched")  # raises InputError on a bad file
        meta = {"list_id": importer.list_id, "copy": importer.copy, "as_of": date,
                "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"), "urls": urls}
        (tmp / META_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")
        final = base / date
        _publish(tmp, final)
        counts = ", ".join(f"{wl.as_of}: {len(wl.entries)}" for wl in parsed)
        return UpdateResult(importer.list_id, importer.copy, True, f"new version ({counts} entries)", str(final))
    except McfwatchError as exc:
        return UpdateResult(importer.list_id, importer.copy, False, f"downloaded file rejected: {exc}")
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def update(list_id: str | None = None, url_base: str | None = None, root: Path | None = None,
           date: str | None = None, timeout: float = 30.0) -> list[UpdateResult]:
    """Fetch every list (or LIST_ID) into a new version dated DATE (default today, UTC)."""
    importers = [imp for imp in IMPORTERS if list_id in (None, imp.list_id)]
    if not importers:
        raise NotFoundError(f"no list '{list_id}'; `mcfwatch lists` shows the ids")
    root = root or lists_dir()
    date = date or datetime.now(UTC).date().isoformat()
    results = [update_copy(imp, root, url_base, date, timeout) for imp in importers]
    clear_cache()
    return results
