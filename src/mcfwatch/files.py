"""Atomic file output: a file appears whole under its name or not at all.

Writers write a temporary file in the destination folder (same file system), flush it to disk, then
rename it over the destination; ``os.replace`` is atomic on POSIX and Windows. A process killed midway
leaves at most a hidden ``.<name>.*.tmp`` file, never a half-written destination.

The file gets the permissions any new file of the user gets (0666 less the umask), or those of the file it
replaces: a report or screening result written for colleagues is readable as a plainly written file is
(``tempfile.mkstemp`` alone made every one 0600). A folder that is missing or cannot be written is an
InputError naming the output, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path

from mcfwatch.errors import InputError


def _temporary(dest: Path) -> Path:
    """Create an empty hidden file beside dest, with the mode a new file of this process gets (umask applied)."""
    for _ in range(100):
        tmp = dest.parent / f".{dest.name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except FileNotFoundError:
            raise InputError(str(dest), f"the folder {dest.parent} does not exist") from None
        except NotADirectoryError:
            raise InputError(str(dest), f"{dest.parent} is not a folder") from None
        except OSError as exc:
            raise InputError(str(dest), f"cannot write in {dest.parent} ({exc.strerror or exc})") from None
        os.close(fd)
        return tmp
    raise InputError(str(dest), f"cannot make a temporary file in {dest.parent}")


@contextlib.contextmanager
def atomic_path(dest: Path) -> Iterator[Path]:
    """A temporary path to write; on success it is renamed to ``dest``, on error it is removed. A ``dest`` that
    exists and is no regular file (a device such as /dev/null, a FIFO, a socket) is given itself, written straight
    through: renaming a file over it replaced /dev/null with a regular file (`export -o /dev/null` as root)."""
    dest = Path(dest)
    try:
        mode: int | None = dest.stat().st_mode
    except OSError:
        mode = None  # not there yet (or not reachable: the temporary's creation says why)
    if mode is not None and stat.S_ISDIR(mode):
        raise InputError(str(dest), "is a folder; name an output file")
    if mode is not None and not stat.S_ISREG(mode):
        yield dest
        return
    tmp = _temporary(dest)
    try:
        yield tmp
        with contextlib.suppress(OSError):  # replacing a file keeps its permissions
            os.chmod(tmp, stat.S_IMODE(dest.stat().st_mode))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_atomic(dest: Path, text: str, encoding: str = "utf-8") -> None:
    with atomic_path(dest) as tmp:
        tmp.write_text(text, encoding=encoding)


def write_bytes_atomic(dest: Path, data: bytes) -> None:
    with atomic_path(dest) as tmp:
        tmp.write_bytes(data)
