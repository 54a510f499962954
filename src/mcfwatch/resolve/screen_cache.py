"""The screening cache: list names parsed once and kept on disk, so a fresh process screens in a fraction
of a second instead of re-parsing ~18,000 list names (about 9 s on a loaded 2-core machine).

Files under ``$MCFWATCH_CACHE_DIR/screen/`` (default ``~/.cache/mcfwatch``; ``off`` disables the cache), each
written under a temporary name and renamed into place, so a reader sees a whole file or none and two
processes writing at once cannot corrupt it:

- ``index-<key>.sqlite``: a whole screener (``screen_index``), read lazily. The key hashes the matching code
  and the list versions' contents (metadata and entries): any Screener over the same lists finds it.
- ``lists-<key>.json``: which index the default screener uses for one date and licence choice. The key
  hashes the matching code, the shipped and fetched list files' contents, the date and the choice, so a
  fresh process opens the index without parsing a list.
- ``part-<digest>.json``: one list version's parsed names (``screen_parts``), from which an index is built
  when its key changes. The digest hashes the matching code and the ids, types and names of the version's
  entries: a new version of one list re-parses that list only; a change to the matching code, all of them.
- ``table-<code>.json``: the curated names table's knowledge units.

Invariant: a Screener built from the cache screens exactly as one built without it (tests compare them).
A file that cannot be read or is not ours is ignored with a one-line warning and rebuilt, never a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from mcfwatch import __version__, settings
from mcfwatch.errors import McfwatchError
from mcfwatch.lists.model import WatchList
from mcfwatch.resolve.screen_index import ENTRY_FIELDS, LIST_FIELDS, Opened
from mcfwatch.resolve.screen_index import write as write_index
from mcfwatch.resolve.screen_parts import EntryPart, decode_part, encode_part, fragment

FORMAT = "mcfwatch-screen-cache/1"
KEEP_INDEX_FILES = 8          # index-*.sqlite kept (one per date and licence choice)
STALE_PARTS_DAYS = 30         # part files unused this long are removed when a lists file is written
_PACKAGE = Path(__file__).resolve().parent.parent


def cache_root() -> Path | None:
    """The cache folder from MCFWATCH_CACHE_DIR (XDG cache dir when empty), or None when it is ``off``."""
    raw = settings.CACHE_DIR.get().strip()
    if raw.lower() == "off":
        return None
    if raw:
        return Path(os.path.expanduser(raw))
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(xdg) if xdg else Path.home() / ".cache") / "mcfwatch"


def _hash_files(h: Any, root: Path, files: list[Path]) -> None:
    for f in sorted(files):
        h.update(str(f.relative_to(root)).encode() + b"\0")
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"unreadable")
        h.update(b"\0")


@lru_cache(maxsize=1)
def code_version() -> str:
    """Digest of the code and data that decide how names parse and which list versions are selected."""
    h = hashlib.blake2b(f"{FORMAT} {__version__}".encode(), digest_size=16)
    resolve, lists = _PACKAGE / "resolve", _PACKAGE / "lists"
    files = [*resolve.glob("*.py"), *(p for p in (resolve / "data").rglob("*") if p.is_file()), *lists.glob("*.py")]
    _hash_files(h, _PACKAGE, files)
    return h.hexdigest()


def tree_digest(root: Path) -> str:
    """Digest of every file under root (contents and paths); folders being written (dot names) are skipped."""
    h = hashlib.blake2b(digest_size=16)
    if root.is_dir():
        files = [p for p in root.rglob("*") if p.is_file() and not any(
            part.startswith(".") for part in p.relative_to(root).parts)]
        _hash_files(h, root, files)
    return h.hexdigest()


def list_digest(wl: WatchList) -> str:
    """What a list version's parts depend on: the code, and each entry's id, type and names, in order."""
    names = [[e.id, e.schema, e.name, e.names_zh, e.aliases] for e in wl.entries]
    payload = json.dumps([code_version(), names], ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()


def _warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


class ScreenCache:
    """One cache folder. Methods never raise for a bad or unwritable cache: they warn and go on without it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.folder = root / "screen"
        self._write_failed = False

    # -- files --------------------------------------------------------------------------------------
    def _read(self, name: str, kind: str, key: str) -> Any | None:
        path = self.folder / name
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            _warn(f"cannot read the screening cache file {path} ({exc.strerror or exc}); screening without it")
            return None
        try:
            doc = json.loads(raw)
            if not (isinstance(doc, dict) and doc.get("format") == FORMAT and doc.get("kind") == kind
                    and doc.get("key") == key):
                raise ValueError("not a file of this cache")
            return doc["data"]
        except (ValueError, KeyError, TypeError) as exc:
            self._discard(path, str(exc)[:80] or type(exc).__name__)
            return None

    def _discard(self, path: Path, reason: str) -> None:
        _warn(f"ignoring the screening cache file {path} ({reason}); rebuilding it")
        try:
            path.unlink(missing_ok=True)
        except OSError:  # a read-only cache: the next writer replaces the file
            return

    @staticmethod
    def _touch(path: Path) -> None:
        """Mark a part file as used (parts unused for STALE_PARTS_DAYS are pruned)."""
        try:
            os.utime(path)
        except OSError:
            return

    def _write(self, name: str, kind: str, key: str, data: Any) -> None:
        if self._write_failed:
            return
        doc = {"format": FORMAT, "kind": kind, "key": key, "data": data}
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=self.folder)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(doc, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.folder / name)
        except OSError as exc:
            self._write_failed = True
            _warn(f"cannot write the screening cache in {self.folder} ({exc.strerror or exc}); "
                  f"screening goes on without it (set {settings.CACHE_DIR.name})")
            if tmp:
                Path(tmp).unlink(missing_ok=True)

    # -- list parts ---------------------------------------------------------------------------------
    def fragment(self, wl: WatchList) -> list[EntryPart]:
        """The parts of one list version's entries: from its file, or parsed now and stored."""
        digest = list_digest(wl)
        name = f"part-{digest}.json"
        data = self._read(name, "parts", digest)
        if data is not None:
            try:
                parts = [decode_part(v) for v in data]
                if len(parts) == len(wl.entries):
                    self._touch(self.folder / name)
                    return parts
                raise ValueError(f"{len(parts)} parts for {len(wl.entries)} entries")
            except (ValueError, TypeError, IndexError) as exc:
                self._discard(self.folder / name, str(exc)[:80] or type(exc).__name__)
        parts = fragment(wl)
        self._write(name, "parts", digest, [encode_part(p) for p in parts])
        return parts

    def table(self, build: Any) -> list[Any]:
        """The names table's knowledge units (``build()`` makes them when the file is missing)."""
        key = code_version()
        data = self._read(f"table-{key}.json", "table", key)
        if isinstance(data, list) and all(isinstance(u, list) and len(u) == 5 for u in data):
            return [tuple(u) for u in data]
        units: list[Any] = build()
        self._write(f"table-{key}.json", "table", key, [list(u) for u in units])
        return units

    # -- built screeners ------------------------------------------------------------------------------
    def selection_key(self, as_of: str | None, noncommercial: bool) -> str:
        """What a default screener depends on: the code, the shipped and fetched list files, the date and
        the licence choice."""
        from mcfwatch.lists.loader import DATA_DIR, lists_dir
        from mcfwatch.lists.model import today

        parts = [code_version(), tree_digest(DATA_DIR), tree_digest(lists_dir()), as_of or today(), str(noncommercial)]
        return hashlib.blake2b(" ".join(parts).encode(), digest_size=16).hexdigest()

    def content_key(self, lists: list[WatchList], table: bool) -> str:
        """What an index holds: the code, the names table or not, and each list's metadata and entries."""
        h = hashlib.blake2b(f"{code_version()} {table}".encode(), digest_size=16)
        for wl in lists:
            h.update(json.dumps([[getattr(wl, k) for k in LIST_FIELDS],
                                 [[getattr(e, f) for f in ENTRY_FIELDS] for e in wl.entries]],
                                ensure_ascii=False, default=str).encode())
        return h.hexdigest()

    def open_selection(self, selection: str) -> Opened | None:
        """The index a default screener used for this selection key (see selection_key), if still there."""
        key = self._read(f"lists-{selection}.json", "selection", selection)
        return self.open_index(key) if isinstance(key, str) else None

    def save_selection(self, selection: str, key: str) -> None:
        self._write(f"lists-{selection}.json", "selection", selection, key)

    def open_index(self, key: str) -> Opened | None:
        """The stored screener for KEY (read lazily), or None when there is none or it is unusable."""
        path = self.folder / f"index-{key}.sqlite"
        if not path.is_file():
            return None
        try:
            opened = Opened(path, key)
        except (McfwatchError, sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            self._discard(path, str(exc)[:80] or type(exc).__name__)
            return None
        with contextlib.suppress(OSError):  # newest-used first when pruning (a read-only cache: left as it is)
            os.utime(path)
        return opened

    def save_index(self, key: str, screener: Any) -> None:
        """Store a built screener under KEY (written aside, then renamed into place)."""
        if self._write_failed:
            return
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".sqlite", dir=self.folder)
            os.close(fd)
            s = screener
            write_index(Path(tmp), key, s.lists, s.entries, s.index, s.matcher.knowledge, s.primary_keys, s.members)
            os.replace(tmp, self.folder / f"index-{key}.sqlite")
        except (OSError, sqlite3.Error) as exc:
            self._write_failed = True
            _warn(f"cannot write the screening cache in {self.folder} ({exc}); screening goes on without it "
                  f"(set {settings.CACHE_DIR.name})")
            if tmp:
                Path(tmp).unlink(missing_ok=True)
            return
        self._prune()

    def _prune(self) -> None:
        """Keep the newest index files; drop part files unused for STALE_PARTS_DAYS (reading touches them)."""
        try:
            for pattern in ("index-*.sqlite", "lists-*.json"):
                kept = sorted(self.folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
                for old in kept[KEEP_INDEX_FILES:]:
                    old.unlink(missing_ok=True)
            cutoff = time.time() - STALE_PARTS_DAYS * 86400
            for part in [*self.folder.glob("part-*.json"), *self.folder.glob("table-*.json")]:
                if part.stat().st_mtime < cutoff:
                    part.unlink(missing_ok=True)
        except OSError:
            return


def default_cache() -> ScreenCache | None:
    """The cache MCFWATCH_CACHE_DIR names (or the XDG default), None when it is off."""
    root = cache_root()
    return ScreenCache(root) if root is not None else None
