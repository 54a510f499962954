"""Read a partner list (CSV or XLSX, or CSV on stdin as '-'): its name column, as `mcfwatch screen --file` finds it.

The file is read exactly as `mcfwatch screen --file` reads it (mcfwatch.resolve.batch), so a partner file
that screens also reports and monitors, and one that screening refuses is refused here too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mcfwatch.errors import InputError
from mcfwatch.ingest.text import decode_bytes
from mcfwatch.resolve.batch import find_name_column, name_column, other_name_columns, read_rows, rows_from_csv


def read_partners(path: Path, column: str | None = None) -> list[str]:
    """Partner names in file order, blanks and duplicates dropped (read_partner_names)."""
    return list(read_partner_names(path, column))


def read_partner_names(path: Path, column: str | None = None) -> dict[str, list[str]]:
    """Partner names in file order, blanks and duplicates dropped, each with the row's other names (the Chinese
    name beside the English: the columns batch.other_name_columns finds), for a report's screening leads.

    The names come from ``column``, else the column screening reads (a header such as name, partner, "Partner
    institution"). A file of one column with no such header is a plain list of names, its first line one of them;
    a file of several columns with none is refused (naming its headers), as screening refuses it: the first column
    was taken, so a workbook opening with a title row and a "No." column was monitored as the title and the
    numbers 1, 2, 3 …"""
    where = str(path)
    if where == "-":
        rows = rows_from_csv(decode_bytes(sys.stdin.buffer.read(), "-"), "-", column=column)
    else:
        rows = read_rows(Path(path), column)
    if not rows:
        raise InputError(where, "the partner file is empty")
    header = list(rows[0])
    rows_names: list[list[str]]
    if column is None and find_name_column(header) is None and len(header) == 1:
        rows_names = [[header[0]], *([row.get(header[0], "")] for row in rows)]
    else:
        col = name_column(header, where, column)
        others = other_name_columns(header, col)  # a row with only its Chinese name is that partner, as screening reads it
        rows_names = [[row.get(c, "") for c in (col, *others)] for row in rows]
    found: dict[str, list[str]] = {}
    for cells in rows_names:
        names = [n.strip() for n in cells if n and n.strip()]
        if names:
            found.setdefault(names[0], [])
            found[names[0]] += [n for n in names[1:] if n not in found[names[0]]]
    if not found:
        raise InputError(where, "no partner names found (put them in a 'name' column)")
    return found
