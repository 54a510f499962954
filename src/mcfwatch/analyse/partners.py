"""Read a partner list (CSV or XLSX, or CSV on stdin as '-'): a 'name' column, else the first column."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

from mcfwatch.errors import InputError
from mcfwatch.ingest.text import decode_bytes

NAME_COLUMNS = ("name", "partner", "organisation", "organization", "institution", "company")


def read_partners(path: Path) -> list[str]:
    """Partner names in file order, blanks and duplicates dropped."""
    p = Path(path)
    if str(path) == "-":
        return _names(list(csv.reader(io.StringIO(sys.stdin.read()))), "-")
    if not p.is_file():
        raise InputError(str(p), "no such partner file")
    if p.suffix.lower() == ".xlsx":
        rows = _xlsx_rows(p)
    else:
        try:
            # Same decoding as document ingest: UTF-8, GB18030, Big5, Windows-1252 exports all read.
            text = decode_bytes(p.read_bytes(), str(p))
            rows = list(csv.reader(io.StringIO(text, newline="")))
        except (OSError, csv.Error) as exc:
            raise InputError(str(p), f"cannot read partner CSV ({exc})") from exc
    return _names(rows, str(p))


def _names(rows: list[list[str]], where: str) -> list[str]:
    if not rows:
        raise InputError(where, "the partner file is empty")
    header = [c.strip().lower() for c in rows[0]]
    col = next((header.index(c) for c in NAME_COLUMNS if c in header), None)
    body = rows[1:] if col is not None else rows
    col = col or 0
    names = [r[col].strip() for r in body if len(r) > col and r[col] and r[col].strip()]
    if not names:
        raise InputError(where, "no partner names found (put them in a 'name' column)")
    return list(dict.fromkeys(names))


def _xlsx_rows(p: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        ws = load_workbook(p, read_only=True).active
    except Exception as exc:  # openpyxl raises many types on bad files
        raise InputError(str(p), f"cannot read partner XLSX ({exc})") from exc
    if ws is None:
        raise InputError(str(p), "cannot read partner XLSX (no active worksheet)")
    return [["" if c is None else str(c) for c in row] for row in ws.iter_rows(values_only=True)]
