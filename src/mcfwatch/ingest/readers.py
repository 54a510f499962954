"""Every reader of untrusted bytes, by name: the list fuzzing, property tests and the hostile corpus replay.

Each entry takes (bytes, shown path) and returns text, raising InputError (skip and go on) on bad input;
any other exception escaping a reader is a bug.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from mcfwatch.errors import InputError
from mcfwatch.ingest.docx import read_docx
from mcfwatch.ingest.html import read_html
from mcfwatch.ingest.pdf import read_pdf
from mcfwatch.ingest.sources import Failure, read_jsonl
from mcfwatch.ingest.text import decode_bytes


def _txt(data: bytes, path: str) -> str:
    return decode_bytes(data, path)


def _html(data: bytes, path: str) -> str:
    return read_html(data, path)[0]


def _pdf(data: bytes, path: str) -> str:
    return read_pdf(data, path)[0]


def _docx(data: bytes, path: str) -> str:
    return read_docx(data, path)[0]


def _jsonl(data: bytes, path: str) -> str:
    items = list(read_jsonl(data, path))
    return "\n".join(i.reason if isinstance(i, Failure) else i.text for i in items)


def _csv(data: bytes, path: str) -> str:
    from mcfwatch.resolve.batch import rows_from_csv

    return "\n".join(str(r) for r in rows_from_csv(decode_bytes(data, path), path, ragged=True))


def _xlsx(data: bytes, path: str) -> str:
    from mcfwatch.resolve.batch import read_rows

    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "partners.xlsx"
        f.write_bytes(data)
        try:
            return "\n".join(str(r) for r in read_rows(f))
        except InputError as exc:
            raise InputError(path, exc.reason) from None


READERS: dict[str, Callable[[bytes, str], str]] = {
    "txt": _txt, "html": _html, "pdf": _pdf, "docx": _docx, "jsonl": _jsonl, "csv": _csv, "xlsx": _xlsx,
}
