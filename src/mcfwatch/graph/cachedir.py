"""Where a store's persisted indexes live, and how a folder of arrays is written so readers never see half.

A SQLite store ``my.db`` keeps them in ``my.db.cache/`` beside it; a server database (PostgreSQL), or a store
whose folder this process cannot write, under ``$MCFWATCH_CACHE_DIR/graph/`` (default
``~/.cache/mcfwatch/graph/``) in a folder named for its URL. Everything here can be deleted at any time: it is rebuilt
from the store.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from mcfwatch import settings


def cache_dir(url: str) -> Path | None:
    """The cache folder of the store at this URL (created), or None when no folder can be written."""
    candidates: list[Path] = []
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        db = Path(url.removeprefix("sqlite:///"))
        candidates.append(db.with_name(db.name + ".cache"))
    root = settings.CACHE_DIR.get().strip()
    if root != "off":
        base = Path(root or os.environ.get("XDG_CACHE_HOME") or "~/.cache").expanduser()
        folder = (base if root else base / "mcfwatch") / "graph"
        candidates.append(folder / hashlib.sha256(url.encode()).hexdigest()[:16])
    for folder in candidates:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder
    return None


@contextlib.contextmanager
def build_lock(folder: Path | None) -> Iterator[None]:
    """Held while one process builds the indexes in FOLDER: another builder (a second server worker's build
    process, a command-line call) waits here, then finds the index current instead of building it a second
    time. An OS file lock (flock), so the kernel releases it when its holder dies; where there is none
    (no folder, no fcntl) builds are not serialised, only their results written whole (``write_bundle``)."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system
        yield
        return
    if folder is None:
        yield
        return
    try:
        fh = open(folder / "build.lock", "a")  # noqa: SIM115 (held until the build is done)
    except OSError:  # a folder this process cannot write: nothing is saved there either
        yield
        return
    try:
        fcntl.flock(fh, fcntl.LOCK_EX)  # waits without holding the interpreter
        yield
    finally:
        fh.close()  # releases the lock


def write_bundle(folder: Path, arrays: dict[str, npt.NDArray[Any]], meta: dict[str, Any]) -> None:
    """Write arrays (``.npy``, no pickles) and ``meta.json`` into folder, replacing it in one rename."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for name, arr in arrays.items():
            np.save(tmp / f"{name}.npy", np.ascontiguousarray(arr), allow_pickle=False)
        write_text(tmp / "meta.json", json.dumps(meta, sort_keys=True))
        old = folder.with_name(f".{folder.name}-old-{os.getpid()}")
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_text(path: Path, content: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(content)


def replace_text(path: Path, content: str) -> None:
    """Write a file under a temporary name and rename it into place: a reader never sees half of it. The name is
    the process's and the thread's own: two server threads writing the same file never share it."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    write_text(tmp, content)
    tmp.replace(path)


def read_meta(folder: Path) -> dict[str, Any] | None:
    try:
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def read_array(folder: Path, name: str) -> npt.NDArray[Any]:
    """One array, memory-mapped: only the pages a query touches are read from disk."""
    arr: npt.NDArray[Any] = np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
    return arr


def key_digest(parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:20]
