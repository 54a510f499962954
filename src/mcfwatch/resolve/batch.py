"""Batch screening of a partner file (CSV or XLSX in, CSV, XLSX or JSON out): I/O at the edges,
one Screener call per row in the middle."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcfwatch.errors import InputError
from mcfwatch.ingest.text import decode_bytes
from mcfwatch.resolve.algorithm import DEFAULT_THRESHOLD
from mcfwatch.resolve.screen import Screener, ScreenResult, default_screener

NAME_COLUMNS = ("name", "partner", "organisation", "organization", "institution", "entity", "company", "party")
COUNTRY_COLUMNS = ("country", "country_code", "jurisdiction")
OUTPUT_COLUMNS = ("status", "best_score", "lists", "entries", "matched_names", "features", "related")


@dataclass(slots=True)
class BatchReport:
    rows: list[dict[str, Any]] = field(default_factory=list)
    listed: int = 0
    related: int = 0
    clear: int = 0
    by_list: Counter[str] = field(default_factory=Counter)
    lists: list[dict[str, str]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "rows": len(self.rows), "listed": self.listed, "related_only": self.related, "not_listed": self.clear,
            "by_list": dict(sorted(self.by_list.items())), "lists_checked": self.lists,
        }


def rows_from_csv(text: str, where: str, dialect: str = "excel") -> list[dict[str, str]]:
    """Rows of CSV text as dicts keyed by the header row."""
    try:
        rows = [{k.strip(): (v or "").strip() for k, v in row.items() if k}
                for row in csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)]
    except csv.Error as exc:
        raise InputError(where, f"not a readable CSV file ({exc})") from None
    if not rows:
        raise InputError(where, "the file has a header but no rows")
    return rows


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV or XLSX file as dicts keyed by the header row."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(str(path), "no such file")
    if suffix in {".csv", ".tsv", ".txt"}:
        # Spreadsheets export CSV as UTF-8, GB18030 or Windows-1252: decode as the ingest layer does.
        try:
            text = decode_bytes(path.read_bytes(), str(path))
        except OSError as exc:
            raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from None
        return rows_from_csv(text, str(path), "excel-tab" if suffix == ".tsv" else "excel")
    if suffix in {".xlsx", ".xlsm"}:
        from openpyxl import load_workbook

        try:
            ws = load_workbook(path, read_only=True, data_only=True).active
        except Exception as exc:  # a corrupt or non-Excel file
            raise InputError(str(path), f"not a readable Excel file ({exc})") from None
        values = list(ws.iter_rows(values_only=True)) if ws is not None else []
        if not values:
            return []
        header = [str(h).strip() if h is not None else f"column{i}" for i, h in enumerate(values[0])]
        return [{h: "" if v is None else str(v).strip() for h, v in zip(header, row, strict=False)} for row in values[1:]]
    raise InputError(str(path), "unsupported file type; use .csv, .tsv or .xlsx")


def pick_column(header: list[str], wanted: tuple[str, ...], path: str, required: bool) -> str | None:
    lower = {h.lower().strip(): h for h in header}
    for w in wanted:
        if w in lower:
            return lower[w]
    if required:
        if header:
            return header[0]
        raise InputError(path, "the file has no header row")
    return None


def result_row(row: dict[str, str], result: ScreenResult) -> dict[str, Any]:
    hits = result.hits
    status = "listed" if hits else "related" if result.related else "not listed"
    return {
        **row,
        "status": status,
        "best_score": max((h.score for h in hits), default=max((h.score for h in result.related), default=0.0)),
        "lists": "; ".join(sorted({f"{h.list_id}@{h.list_version}" for h in hits})),
        "entries": "; ".join(h.entry_id for h in hits),
        "matched_names": "; ".join(sorted({h.matched_name for h in hits})),
        "features": "; ".join(sorted({f for h in hits for f in h.features})),
        "related": "; ".join(f"{h.entry_id} ({h.relation})" for h in result.related),
    }


def screen_rows(
    rows: list[dict[str, str]],
    path: str = "-",
    screener: Screener | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    on_row: Callable[[str], None] | None = None,
) -> BatchReport:
    """Screen each row's name (and country, when the file has that column)."""
    s = screener or default_screener()
    header = list(rows[0]) if rows else []
    name_col = pick_column(header, NAME_COLUMNS, path, required=True) if rows else None
    country_col = pick_column(header, COUNTRY_COLUMNS, path, required=False)
    report = BatchReport(lists=s.list_versions())
    for row in rows:
        name = row.get(name_col or "", "")
        result = s.screen(name, country=_country(row.get(country_col or "")), threshold=threshold)
        out = result_row(row, result)
        report.rows.append(out)
        if out["status"] == "listed":
            report.listed += 1
            report.by_list.update({h.list_id for h in result.hits})
        elif out["status"] == "related":
            report.related += 1
        else:
            report.clear += 1
        if on_row:
            on_row(name)
    return report


def _country(value: str | None) -> str | None:
    if not value:
        return None
    v = value.strip().lower()
    return {"china": "cn", "prc": "cn", "hong kong": "hk", "united kingdom": "gb", "uk": "gb",
            "united states": "us", "usa": "us"}.get(v, v if len(v) == 2 else None)


def write_rows(report: BatchReport, out: Path) -> None:
    """Write per-row results as CSV, XLSX or JSON (JSON also carries the summary)."""
    suffix = out.suffix.lower()
    header = list(dict.fromkeys(k for row in report.rows for k in row)) or list(OUTPUT_COLUMNS)
    if suffix == ".json":
        out.write_text(json.dumps({"summary": report.summary(), "rows": report.rows}, ensure_ascii=False, indent=2),
                       encoding="utf-8")
    elif suffix == ".csv":
        with out.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=header)
            writer.writeheader()
            writer.writerows(report.rows)
    elif suffix == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.title = "screening"
        ws.append(header)
        for row in report.rows:
            ws.append([row.get(h, "") for h in header])
        wb.save(out)
    else:
        raise InputError(str(out), "unsupported output type; use .csv, .xlsx or .json")


def iter_json_rows(report: BatchReport) -> Iterator[str]:
    for row in report.rows:
        yield json.dumps(row, ensure_ascii=False)
