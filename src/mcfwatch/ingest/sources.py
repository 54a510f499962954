"""Turn paths (files, folders, JSON-lines corpora) into Documents, reporting each failure by path."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mcfwatch import settings
from mcfwatch.errors import InputError
from mcfwatch.ingest.docx import read_docx
from mcfwatch.ingest.html import read_html_page
from mcfwatch.ingest.language import detect_language
from mcfwatch.ingest.pdf import read_pdf
from mcfwatch.ingest.text import decode_bytes
from mcfwatch.model import Document

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx", ".jsonl", ".ndjson"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(slots=True)
class Failure:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


Item = Document | Failure


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """The file a document was read whole from: the SHA-256 of its bytes and its modification time (ISO, UTC)."""

    raw_sha256: str
    modified: str


_READ: dict[str, FileIdentity] = {}  # display path -> the file last read whole into one document (bounded)


def file_identity(doc: Document) -> FileIdentity | None:
    """The bytes a document was read from (read_file, in this process), so a store can tell a file it read before
    that a newer reader now reads differently; None for a JSON-lines record or a text given without a file."""
    if doc.format == "jsonl" or not doc.path:
        return None
    return _READ.get(doc.path)


def display_path(path: Path | str) -> str:
    """A printable path: undecodable bytes in file names are shown as escapes, never crash output."""
    text = str(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _normalise(text: str) -> str:
    # Keep offsets meaningful: only normalise line endings and drop NULs, never reflow. A NUL is no text (a
    # converter's padding, a C string's end); PostgreSQL cannot store one, so a JSON-lines record holding
    # "\u0000" stopped a whole ingest on PostgreSQL while SQLite stored it.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _title_from_text(text: str) -> str | None:
    """The first line, when it reads as a title (8-200 characters). A document that opens with its body has
    no title: a later short paragraph is no title ("The Aviation Industry Corporation of China hosted…" was
    cited as the title of a story that opened with a long dateline paragraph)."""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.lower() in {"skip to content"}:
            continue
        return line if 8 <= len(line) <= 200 else None
    return None


def _collect(failures: list[Failure], root: Path) -> Callable[[OSError], None]:
    def onerror(exc: OSError) -> None:
        failures.append(Failure(display_path(exc.filename or root), f"cannot read folder ({exc.strerror})"))

    return onerror


@dataclass(slots=True)
class FolderListing:
    """One walk of a folder: the files ingest reads, the files of other types it leaves out, and the subfolders
    it could not list. Hidden files and folders are in neither list (left out on purpose, silently)."""

    found: list[Path]
    skipped: list[Path]
    failures: list[Failure]


def list_folder(root: Path) -> FolderListing:
    """The one folder walk behind `walk` and `unread_files` (recursive, sorted), so the "not read" names are
    exactly the files the ingest did not read."""
    listing = FolderListing([], [], [])
    for dirpath, dirnames, filenames in os.walk(root, onerror=_collect(listing.failures, root)):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                p = Path(dirpath) / name
                (listing.found if p.suffix.lower() in SUFFIXES else listing.skipped).append(p)
    return listing


def walk(paths: list[Path]) -> Iterator[Path | Failure]:
    """Yield files under the given paths (recursively, sorted), or a Failure for what cannot be listed."""
    for root in paths:
        if not root.exists():
            yield Failure(display_path(root), "no such file or folder")
        elif root.is_dir():
            listing = list_folder(root)
            yield from listing.failures
            yield from listing.found
        else:
            yield root


def unread_files(paths: list[Path]) -> list[Path]:
    """Files under the given folders that `walk` leaves out for their type (a .doc, .xlsx or .csv), sorted;
    hidden files and folders are not counted (they are left out on purpose)."""
    return [p for root in paths if root.is_dir() for p in list_folder(root).skipped]


def read_file(path: Path) -> list[Item]:
    """Read one file into one Document (or, for JSON lines, one per record)."""
    name = display_path(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return [Failure(name, "not a regular file (a pipe, socket or device)")]
        size = st.st_size
        if size > settings.MAX_FILE_BYTES.get_int():
            return [Failure(name, settings.MAX_FILE_BYTES.refuse("file", size, "bytes"))]
        data = path.read_bytes()
    except PermissionError:
        return [Failure(name, "permission denied")]
    except OSError as exc:
        return [Failure(name, f"cannot read ({exc.strerror or exc})")]
    suffix = path.suffix.lower()
    marked: str | None = None  # a publication day the file's markup states (HTML), used when the text has none
    try:
        if suffix in {".jsonl", ".ndjson"}:
            return list(read_jsonl(data, name))
        if suffix in HTML_SUFFIXES:
            text, title, marked = read_html_page(data, name)
            fmt = "html"
        elif suffix == ".pdf":
            text, title = read_pdf(data, name)
            fmt = "pdf"
        elif suffix == ".docx":
            text, title = read_docx(data, name)
            fmt = "docx"
        else:
            text = decode_bytes(data, name)
            title = None
            fmt = "md" if suffix == ".md" else "txt"
    except InputError as exc:
        return [Failure(exc.path, exc.reason)]
    text = _normalise(text)
    if not text.strip():
        return [Failure(name, "no text")]
    if len(text) > settings.MAX_TEXT_CHARS.get_int():
        return [Failure(name, settings.MAX_TEXT_CHARS.refuse("text", len(text), "characters"))]
    if len(_READ) > 4096:
        _READ.clear()
    _READ[name] = FileIdentity(hashlib.sha256(data).hexdigest(),
                               datetime.fromtimestamp(st.st_mtime, UTC).isoformat(timespec="seconds"))
    return [
        Document(
            text=text, path=name, title=title or _title_from_text(text), language=detect_language(text),
            format=fmt, published=_published_from_text(text) or marked,
        )
    ]


def read_jsonl(data: bytes, name: str) -> Iterator[Item]:
    """One Document per JSON line with a 'text' field; other fields are metadata."""
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Failure(name, f"JSON lines must be UTF-8 ({exc.reason} at byte {exc.start})")
        return
    for lineno, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"invalid JSON ({exc.msg})")
            continue
        except RecursionError:  # deeply nested arrays/objects: this record alone fails
            yield Failure(where, "invalid JSON (nested too deeply)")
            continue
        except ValueError as exc:  # e.g. an integer literal longer than Python converts
            yield Failure(where, f"invalid JSON ({exc})")
            continue
        if not isinstance(rec, dict):
            yield Failure(where, f"a record is a JSON object with a 'text' field, not {_json_kind(rec)}")
            continue
        if not isinstance(rec.get("text"), str) or not rec["text"].strip():
            yield Failure(where, "record has no 'text' field")
            continue
        text = _normalise(rec["text"])
        if len(text) > settings.MAX_TEXT_CHARS.get_int():
            yield Failure(where, settings.MAX_TEXT_CHARS.refuse("text", len(text), "characters"))
            continue
        date = _field(rec, "date") or _field(rec, "published")
        yield Document(
            text=text,
            path=where,
            id=str(rec["id"]) if rec.get("id") else "",
            title=_field(rec, "title"),
            language=_field(rec, "language") or detect_language(text),
            published=date if date and _DATE.match(date) else None,
            url=_field(rec, "url"),
            source=_field(rec, "source"),
            format="jsonl",
        )


def _json_kind(value: object) -> str:
    kinds = {list: "an array", str: "a string", bool: "true or false", int: "a number", float: "a number"}
    return "null" if value is None else kinds.get(type(value), type(value).__name__)


def _field(rec: dict[str, object], key: str) -> str | None:
    """A metadata field when it is a string; a number, list or object there is ignored, not stored."""
    value = rec.get(key)
    return value if isinstance(value, str) and value else None




_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A publication label anywhere near the top; a bare "date"/"time" label only in the first three lines (lower down
# "时间：" or "Date:" more often gives an event's time than the page's).
_LABEL = r"(?:发布时间|发布日期|发稿时间|Published(?: on)?|Posted(?: on)?|Released)"
_WEAK_LABEL = r"(?:日期|时间|Date)"
_DATES = (  # (pattern, strptime format of the normalised match)
    (r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", None),
    (rf"((?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}})", "%B %d, %Y"),
    (rf"(\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}})", "%d %B %Y"),
)


def _date(fragment: str) -> str | None:
    """The first full date (year, month, day) at the start of ``fragment``, as ISO, or None."""
    from datetime import date, datetime

    for pattern, fmt in _DATES:
        m = re.match(pattern, fragment)
        if not m:
            continue
        try:
            if fmt is None:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            return datetime.strptime(m.group(1), fmt).date().isoformat()
        except ValueError:  # 2023-02-30: no date
            return None
    return None


def _published_from_text(text: str) -> str | None:
    """The publication date a clipped article states: a 'Source: X, December 22, 2020' line at the end, or a
    labelled date line near the top ("发布时间：2023-04-20", "发布日期：2018-12-03", "Published: 20 September 2022";
    "日期：…" and "Date: March 4, 2016" only in the first three lines). Dates inside the story are never taken: only a
    label followed by a full date (year, month and day)."""
    tail = text[-400:]
    m = re.search(rf"Source:[^\n]*?((?:{_MONTHS})\s+\d{{1,2}},\s+\d{{4}})", tail)
    if m:
        return _date(m.group(1))
    head = "\n".join(text[:800].split("\n")[:3])
    for label, where in ((_LABEL, text[:800]), (_WEAK_LABEL, head)):
        for m in re.finditer(rf"(?:^|[\s（(|])({label})\s*[:：]\s*", where, re.MULTILINE):
            found = _date(where[m.end():m.end() + 40])
            if found:
                return found
    return None


def iter_documents(paths: list[Path]) -> Iterator[Item]:
    """Every Document under the given paths, with a Failure for each input that could not be read."""
    for entry in walk(paths):
        if isinstance(entry, Failure):
            yield entry
        else:
            yield from read_file(entry)
