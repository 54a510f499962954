"""Read a partner list (CSV or XLSX, or CSV on stdin as '-'): a name column, else the first column.

The file is read exactly as `mcfwatch screen --file` reads it (mcfwatch.resolve.batch), so a partner file
that screens also reports and monitors.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mcfwatch.errors import InputError
from mcfwatch.ingest.text import decode_bytes
from mcfwatch.resolve.batch import NAME_COLUMNS, pick_column, read_rows, rows_from_csv


def read_partners(path: Path) -> list[str]:
    """Partner names in file order, blanks and duplicates dropped."""
    where = str(path)
    if where == "-":
        rows = rows_from_csv(decode_bytes(sys.stdin.buffer.read(), "-"), "-")
    else:
        rows = read_rows(Path(path))
    if not rows:
        raise InputError(where, "the partner file is empty")
    header = list(rows[0])
    col = pick_column(header, NAME_COLUMNS, where, required=False)
    names = [row.get(col or header[0], "") for row in rows]
    if col is None:  # no known header: the first column holds names, its first cell too
        names.insert(0, header[0])
    names = [n.strip() for n in names if n and n.strip()]
    if not names:
        raise InputError(where, "no partner names found (put them in a 'name' column)")
    return list(dict.fromkeys(names))
