"""Batch screening of a partner file (CSV or XLSX in, CSV, XLSX or JSON out): I/O at the edges,
one Screener call per row in the middle."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcfwatch import settings
from mcfwatch.errors import InputError
from mcfwatch.files import atomic_path
from mcfwatch.ingest.text import decode_bytes
from mcfwatch.resolve.algorithm import DEFAULT_THRESHOLD
from mcfwatch.resolve.screen import Screener, ScreenResult, default_screener, matched_label

NAME_COLUMNS = ("name", "partner", "organisation", "organization", "institution", "entity", "company", "party",
                "名称", "单位名称", "机构名称", "企业名称", "公司名称", "单位", "机构")
# A header such as "Partner institution", "Institution name" or "Name (English)" names the partners too; a header
# that also says it holds something else about them ("Partner country", "Company number", "Contact name") does not.
_NAME_WORDS = frozenset({"name", "partner", "organisation", "organization", "institution", "entity", "company", "party",
                         "university"})
_NOT_NAME_WORDS = frozenset({
    "country", "countries", "code", "id", "no", "nr", "number", "type", "kind", "city", "town", "address", "date",
    "since", "year", "contact", "person", "email", "mail", "phone", "website", "url", "status", "sector", "category",
    "faculty", "department", "role", "count", "size", "secretary", "notes", "note", "remarks", "comment",
    "comments", "ranking", "rank", "list"})
# The other words a name header holds ("Name of the partner (English)", "Partner institution", "Full legal name"):
# a header with any word outside these and _NAME_WORDS ("Tsinghua University", the first partner of a file with no
# header row) is no header.
_HEADER_WORDS = frozenset({
    "names", "partners", "organisations", "organizations", "institutions", "entities", "companies", "parties",
    "universities", "institute", "institutes", "of", "the", "in", "english", "chinese", "en", "zh", "cn", "full",
    "legal", "official", "registered", "local", "native", "original", "other", "alternative", "alt", "short", "long",
    "foreign", "international", "cooperation", "collaboration", "collaborating", "partnering", "counterpart",
    "research", "host", "customer", "client", "supplier", "vendor", "firm", "body", "s"})
_NOT_NAME_ZH = ("联系", "电话", "地址", "国家", "国别", "类型", "编号", "代码", "备注", "排名", "书记")
_WORD = re.compile(r"[^\W\d_]+")
COUNTRY_COLUMNS = ("country", "country_code", "jurisdiction", "land", "pays", "paese", "país", "pais", "国家", "国别")
OUTPUT_COLUMNS = ("status", "best_score", "lists", "entries", "matched_names", "features", "related")


@dataclass(slots=True)
class BatchReport:
    rows: list[dict[str, Any]] = field(default_factory=list)
    blank: int = 0  # rows with no name, skipped
    listed: int = 0
    related: int = 0
    clear: int = 0
    by_list: Counter[str] = field(default_factory=Counter)
    lists: list[dict[str, str]] = field(default_factory=list)
    name_column: str | None = None  # the column screened
    other_name_columns: list[str] = field(default_factory=list)  # columns that also hold names (screened when
    other_name_finds: int = 0                                       # the name is not listed) and the rows they found

    def summary(self) -> dict[str, Any]:
        return {
            "rows": len(self.rows), "blank_rows_skipped": self.blank, "listed": self.listed, "related_only": self.related, "not_listed": self.clear,
            "by_list": dict(sorted(self.by_list.items())), "lists_checked": self.lists,
            "name_column": self.name_column, "other_name_columns": self.other_name_columns,
            "found_by_other_name": self.other_name_finds,
        }


# Delimiters a spreadsheet's CSV export uses: Excel writes ';' wherever the comma is the decimal mark (de, fr, it …).
_DELIMITERS = (",", ";", "\t", "|")
_QUOTED = re.compile(r'"[^"]*"')
_ONE_COLUMN = "\x1f"  # a delimiter no name holds: a header without a delimiter is one column, each line one value


def csv_delimiter(text: str, dialect: str = "excel") -> str:
    """The delimiter of a CSV text, read from its header line: the one of , ; TAB | it holds most of outside quotes
    (the dialect's own on a tie); a header holding none is one column, whose values keep their commas."""
    header = _QUOTED.sub("", text.lstrip("\ufeff").split("\n", 1)[0])
    counts = {d: header.count(d) for d in _DELIMITERS}
    own = "\t" if dialect == "excel-tab" else ","
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == own))
    return best if counts[best] else _ONE_COLUMN


_FULL_LOAD_BYTES = 2_000_000  # an .xlsx up to this size is loaded in full, for its merged header cells
_HEADER_SEARCH = 20  # rows at the top of a file where its header row is looked for
_SEP_LINE = re.compile(r"^sep=(.)\s*$", re.IGNORECASE)


def header_index(rows: list[list[str]], column: str | None = None) -> int:
    """The row that heads the table: the column asked for (in any of the top rows), else a name column
    (NAME_COLUMNS, or a header is_name_header reads as one in a row of two cells or more: a one-cell title "Partner
    list" is no header), in the first row or in a row under title rows only (one cell filled at most); 0 otherwise.
    An ERP or Excel export often opens with a title row and a blank one ("Kundenliste Exportkontrolle, Stand
    01.12.2026"), and its header was read as that title. Unless the column is named, a row of two cells or more
    ends the search: a data row's "Company" is no header."""
    wanted = column.strip().lower() if column else None
    for i, cells in enumerate(rows[:_HEADER_SEARCH]):
        filled = sum(1 for c in cells if c.strip())
        if wanted is not None and any(c.strip().lower() == wanted for c in cells):
            return i
        if wanted is None and any(c.strip().lower() in NAME_COLUMNS or (filled >= 2 and is_name_header(c))
                                  for c in cells):
            return i
        if filled >= 2 and wanted is None:
            return 0
    return 0


def is_name_header(header: str) -> bool:
    """Whether a column header says the column holds the partners' names: a NAME_COLUMNS header, or one whose words
    name the partner and say nothing else about it ("Partner institution", "Institution name", "Name (English)",
    "合作单位名称"; not "Partner country", "Company number", "Contact name", "Party secretary", "Partner notes",
    "University ranking", "联系人单位"), all of them words a header uses: "Tsinghua University", the first row of a
    file with no header, is a partner, not a name header (that file is refused, as before, unless --column)."""
    low = header.strip().lower()
    if not low:
        return False
    if low in NAME_COLUMNS:
        return True
    words = set(_WORD.findall(low))
    if words & _NOT_NAME_WORDS or any(z in low for z in _NOT_NAME_ZH):
        return False
    latin = {w for w in words if w.isascii()}
    if latin - _NAME_WORDS - _HEADER_WORDS:  # a word no header uses: a name ("Tsinghua University"), not its header
        return False
    return bool(words & _NAME_WORDS) or any(w.endswith(("名称", "单位", "机构")) for w in words)


def _from_header(text: str, column: str | None) -> tuple[str, str | None]:
    """The text from its header line on, and the delimiter an Excel "sep=;" first line declares (or None)."""
    lines = text.lstrip("\ufeff").split("\n")
    declared = None
    m = _SEP_LINE.match(lines[0]) if lines else None
    if m:
        declared, lines = m.group(1), lines[1:]
    top = [_cells(line, declared) for line in lines[:_HEADER_SEARCH]]
    return "\n".join(lines[header_index(top, column):]), declared


def _cells(line: str, declared: str | None) -> list[str]:
    """One line's cells, for finding the header (a line csv cannot read alone, a stray CR in it, is one cell)."""
    try:
        return next(csv.reader([line.rstrip("\r")], delimiter=declared or csv_delimiter(line)), [])
    except csv.Error:
        return [line]


def rows_from_csv(text: str, where: str, dialect: str = "excel", ragged: bool = False,
                  column: str | None = None) -> list[dict[str, str]]:
    """Rows of CSV text as dicts keyed by the header row (the delimiter read from the header: csv_delimiter; title
    lines above the header and an Excel "sep=;" line skipped: header_index).

    A row with more non-empty cells than the header has columns is refused, naming its line, unless ``ragged``:
    its extra cells were dropped, so "Beijing Institute of Technology, Zhuhai" unquoted was screened as
    "Beijing Institute of Technology" (another, listed, organisation) and its country read from "Zhuhai"."""
    text, declared = _from_header(text, column)
    delimiter = declared or csv_delimiter(text, dialect)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect, delimiter=delimiter)
        rows = []
        for row in reader:
            extra = [v for v in row.get(None) or [] if v.strip()]
            if extra and not ragged:
                shown = "TAB" if delimiter == "\t" else delimiter
                raise InputError(where, f"line {reader.line_num} has {len(reader.fieldnames or []) + len(extra)} "
                                        f"cells under a header of {len(reader.fieldnames or [])} columns; a name that "
                                        f"holds a '{shown}' must be in double quotes (\"Huawei Technologies Co., Ltd.\")")
            rows.append({k.strip(): (v or "").strip() for k, v in row.items() if k})
    except csv.Error as exc:
        raise InputError(where, f"not a readable CSV file ({exc})") from None
    if not rows:
        raise InputError(where, "the file has a header but no rows")
    return rows


def read_rows(path: Path, column: str | None = None) -> list[dict[str, str]]:
    """Rows of a CSV or XLSX file as dicts keyed by the header row (the row holding ``column``, else a name column,
    among the top rows: header_index); more than MCFWATCH_MAX_BATCH_ROWS is an InputError naming the limit (the
    CLI, reports, monitoring and the web upload all read through here)."""
    rows = _read_rows(path, column)
    limit = settings.MAX_BATCH_ROWS.get_int()
    if len(rows) > limit:
        raise InputError(str(path), settings.MAX_BATCH_ROWS.refuse("partner file", len(rows), "rows"))
    return rows


def _read_rows(path: Path, column: str | None) -> list[dict[str, str]]:
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(str(path), "no such file")
    if suffix in {".csv", ".tsv", ".txt"}:
        # Spreadsheets export CSV as UTF-8, GB18030 or Windows-1252: decode as the ingest layer does.
        try:
            text = decode_bytes(path.read_bytes(), str(path))
        except OSError as exc:
            raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from None
        return rows_from_csv(text, str(path), "excel-tab" if suffix == ".tsv" else "excel", column=column)
    if suffix in {".xlsx", ".xlsm"}:
        from openpyxl import load_workbook

        # A read-only sheet does not say which cells are merged (a two-row header's spans), but a full load builds
        # every cell (about ten times the memory, several times slower): a large export (an ERP's, past
        # _FULL_LOAD_BYTES) is read read-only, its merged cells read from the sheet's XML (_xml_merges).
        small = path.stat().st_size <= _FULL_LOAD_BYTES
        try:
            wb = load_workbook(path, data_only=True, read_only=not small)
        except Exception as exc:  # a corrupt or non-Excel file
            raise InputError(str(path), f"not a readable Excel file ({exc})") from None
        try:
            if not wb.worksheets:
                return []
            ws = wb.worksheets[0]
            return _sheet_rows(ws, column, None if small else _xml_merges(ws))
        finally:
            if not small:
                wb.close()
    raise InputError(str(path), "unsupported file type; use .csv, .tsv or .xlsx")


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value).strip()


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def _xml_merges(ws: Any) -> list[Any]:
    """A read-only sheet's merged ranges, found in its XML (read in chunks: <mergeCells> follows the rows)."""
    from openpyxl.worksheet.cell_range import CellRange

    refs: list[bytes] = []
    tail = b""
    with ws.parent._archive.open(ws._worksheet_path) as xml:
        while chunk := xml.read(1 << 20):
            text = tail + chunk
            cut = max(text.rfind(b"<"), 0)  # an element is never split: the part from its last "<" waits
            refs += _MERGE.findall(text[:cut])
            tail = text[cut:]
    refs += _MERGE.findall(tail)
    return [CellRange(r.decode()) for r in refs]


def _sheet_rows(ws: Any, column: str | None = None, merges: list[Any] | None = None) -> list[dict[str, str]]:
    """A sheet's rows keyed by its header row, found under title rows (header_index). A header of two rows, a
    heading merged over the sub-headings of its columns ("Partner institution" over "English" and "中文名称") and
    the other headings merged down over both rows, names each column by both ("Partner institution English"); the
    sub-heading row was screened as a partner called "English" and the Chinese column had no name."""
    values = list(ws.iter_rows(values_only=True))
    if not values:
        return []
    spans = list(ws.merged_cells.ranges) if merges is None else merges
    top = header_index([[_cell_text(v) for v in row] for row in values[:_HEADER_SEARCH]], column)
    if top and _header_depth(spans, values, top - 1) == 2:  # --column named a sub-heading: the header starts above it
        top -= 1
    depth = _header_depth(spans, values, top)
    header = _header_names(spans, values, top, depth)
    return [{h: _cell_text(v) for h, v in zip(header, row, strict=False)} for row in values[top + depth:]]


def _header_depth(spans: list[Any], values: list[tuple[Any, ...]], top: int) -> int:
    """2 when the header row (0-based ``top``, two cells filled or more: a title merged across is no header) has a
    cell merged down over the row below it or a cell merged across columns whose row below holds sub-headings
    under it; else 1."""
    if sum(1 for v in values[top] if _cell_text(v)) < 2:
        return 1
    row = top + 1  # openpyxl counts from 1
    for rng in spans:
        if rng.min_row != row:
            continue
        if rng.max_row == row + 1:
            return 2
        if rng.max_row == row and rng.max_col > rng.min_col and _sub_headings(spans, values, top, rng):
            return 2
    return 1


def _sub_headings(spans: list[Any], values: list[tuple[Any, ...]], top: int, span: Any) -> bool:
    """Whether the row under a heading merged across (``span``) holds sub-headings: a text under the span, no number
    there, and nothing outside the heading spans (merged across or down) of the header row: "Partner" merged over
    English | Chinese names with no sub-headings has the first partner's row below it ("1", "Tsinghua University",
    "清华大学", "China"), which is data, not sub-headings."""
    below = values[top + 1] if top + 1 < len(values) else ()
    under = [below[c - 1] for c in range(span.min_col, span.max_col + 1) if c - 1 < len(below)]
    if not any(_cell_text(v) for v in under) or any(isinstance(v, (int, float)) or _cell_text(v).isdigit()
                                                     for v in under):
        return False
    covered: set[int] = set()
    for rng in spans:
        if rng.min_row == top + 1 and rng.max_row >= top + 1:
            covered.update(range(rng.min_col, rng.max_col + 1))
    return not any(_cell_text(v) for c, v in enumerate(below, 1) if c not in covered)


def _header_names(spans: list[Any], values: list[tuple[Any, ...]], top: int, depth: int) -> list[str]:
    """Column names: the header cell (a merged heading lends its text to every column it spans), followed by the
    sub-heading under it in a two-row header; "columnN" for a column with neither."""
    width = max((len(r) for r in values[top:top + depth]), default=0)
    heads = [_cell_text(values[top][c]) if c < len(values[top]) else "" for c in range(width)]
    if depth == 2:
        for rng in spans:
            if rng.min_row == top + 1 and rng.max_row == top + 1:
                for c in range(rng.min_col, rng.max_col + 1):
                    if c - 1 < width:
                        heads[c - 1] = _cell_text(values[top][rng.min_col - 1])
        subs = [_cell_text(values[top + 1][c]) if c < len(values[top + 1]) else "" for c in range(width)]
        heads = [" ".join(p for p in (h, sub) if p) for h, sub in zip(heads, subs, strict=True)]
    return [h or f"column{i}" for i, h in enumerate(heads)]


def other_sheets_with_names(path: Path) -> list[str]:
    """Sheets after the first of a workbook that have a name column (the first sheet is the one read)."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"}:
        return []
    from openpyxl import load_workbook

    found = []
    for ws in load_workbook(path, read_only=True, data_only=True).worksheets[1:]:
        first = next(ws.iter_rows(values_only=True, max_row=1), ())
        if find_name_column([str(h) for h in first if h is not None]):
            found.append(ws.title)
    return found


def name_column(header: list[str], path: str, column: str | None = None) -> str:
    """The column holding names: the one given, else a header such as 'name' or 'partner'; never a guess."""
    if column is not None:
        if column in header:
            return column
        under = [h for h in header if h.endswith(" " + column)]  # a sub-heading of a two-row header: "English"
        if len(under) == 1:
            return under[0]
        raise InputError(path, f"no column {column!r}; the headers are: {', '.join(header)}")
    found = find_name_column(header)
    if found is None:
        sheets = other_sheets_with_names(Path(path)) if path != "-" else []
        where = f"; the first sheet is read, and sheet {sheets[0]!r} has a name column" if sheets else ""
        raise InputError(path, f"no name column (a header such as {', '.join(NAME_COLUMNS[:3])}){where}; "
                               f"pass --column HEADER (headers: {', '.join(header)})")
    return found


def find_name_column(header: list[str]) -> str | None:
    """The column of names: a NAME_COLUMNS header, else the first header is_name_header reads as one."""
    return pick_column(header, NAME_COLUMNS, "-", required=False) or next(
        (h for h in header if is_name_header(h)), None)


def other_name_columns(header: list[str], chosen: str | None) -> list[str]:
    """Columns besides the one screened whose header says they hold names too (a Chinese name beside the English)."""
    return [h for h in header if h != chosen and is_name_header(h)]


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
        "matched_names": "; ".join(sorted({matched_label(h) for h in hits})),
        "features": "; ".join(sorted({f for h in hits for f in h.features})),
        "related": "; ".join(f"{h.entry_id} ({h.relation})" for h in result.related),
    }


def screen_rows(
    rows: list[dict[str, str]],
    path: str = "-",
    screener: Screener | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    on_row: Callable[[str], None] | None = None,
    column: str | None = None,
) -> BatchReport:
    """Screen each row's name (and country, when the file has that column); rows with no name are skipped
    and counted. The name column is `column`, else a known header; a file with neither is refused. Where the file
    has other name columns, a row whose name is not listed is screened by its other name too (_other_name), and a
    row with only another name (a Chinese name, the English cell empty) is screened by it, not skipped as blank."""
    s = screener or default_screener()
    header = list(rows[0]) if rows else []
    name_col = name_column(header, path, column) if rows else None
    country_col = pick_column(header, COUNTRY_COLUMNS, path, required=False)
    report = BatchReport(lists=s.list_versions(), name_column=name_col,
                         other_name_columns=other_name_columns(header, name_col))
    for row in rows:
        name = row.get(name_col or "", "").strip()
        alone = "" if name else next((v for c in report.other_name_columns if (v := row.get(c, "").strip())), "")
        if alone:  # only a Chinese (other) name in the row: that name is the partner's, screened as such
            result = s.screen(alone, country=row.get(country_col or "") or None, threshold=threshold)
            out = {**result_row(row, result), "other_name": alone}
            out.update(other_name_status=out["status"], other_name_score=out["best_score"],
                       other_name_entries=out["entries"] or out["related"])
            report.other_name_finds += out["status"] in ("listed", "related")
            _count(report, out, result)
            report.rows.append(out)
            if on_row:
                on_row(alone)
            continue
        if not name:
            report.blank += 1
            if on_row:
                on_row("")
            continue
        country = row.get(country_col or "") or None
        result = s.screen(name, country=country, threshold=threshold)
        out = result_row(row, result)
        if report.other_name_columns:
            out.update(_other_name(s, row, report.other_name_columns, country, threshold)
                       if out["status"] != "listed" else dict.fromkeys(OTHER_NAME_COLUMNS, ""))
            report.other_name_finds += out["other_name_status"] in ("listed", "related")
        report.rows.append(out)
        _count(report, out, result)
        if on_row:
            on_row(name)
    return report


def _count(report: BatchReport, out: dict[str, Any], result: ScreenResult) -> None:
    if out["status"] == "listed":
        report.listed += 1
        report.by_list.update({h.list_id for h in result.hits})
    elif out["status"] == "related":
        report.related += 1
    else:
        report.clear += 1


OTHER_NAME_COLUMNS = ("other_name", "other_name_status", "other_name_score", "other_name_entries")


def _other_name(s: Screener, row: dict[str, str], columns: list[str], country: str | None,
                threshold: float) -> dict[str, Any]:
    """A row its screened name does not find listed, screened by its name in another name column (the Chinese
    name beside the English, a former name): the first that is listed or related, else the last one tried. A
    partner file gave "Harbin Shipbuilding Engineering Institute" (not listed) beside 哈尔滨船舶工程学院, which
    screening finds as Harbin Engineering University; the Chinese column was never read."""
    found: dict[str, Any] = dict.fromkeys(OTHER_NAME_COLUMNS, "")
    for col in columns:
        other = row.get(col, "").strip()
        if not other:
            continue
        res = s.screen(other, country=country, threshold=threshold)
        status = "listed" if res.hits else "related" if res.related else "not listed"
        hits = res.hits or res.related
        found = {"other_name": other, "other_name_status": status,
                 "other_name_score": max((h.score for h in hits), default=0.0),
                 "other_name_entries": "; ".join(f"{h.entry_id}" + (f" ({h.relation})" if not res.hits else "")
                                                 for h in hits)}
        if hits:
            break
    return found


def json_rows(report: BatchReport, envelope: bool = False) -> str:
    """Per-row results as a JSON array of flat objects (``pandas.read_json`` reads it as a table), or with
    envelope ``{"summary", "rows"}``."""
    data: Any = {"summary": report.summary(), "rows": report.rows} if envelope else report.rows
    return json.dumps(data, ensure_ascii=False, indent=2)


# Spreadsheet cells starting with these are run as formulas by Excel/LibreOffice (CSV injection, OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# XML 1.0 forbids these characters; openpyxl refuses them (IllegalCharacterError) and would lose the file.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that no spreadsheet runs as a formula: a leading ' as OWASP recommends. Other values as is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _xlsx_cell(value: Any) -> tuple[Any, bool]:
    """(cell value, whether characters XLSX cannot hold were replaced by U+FFFD)."""
    value = spreadsheet_safe(value)
    if isinstance(value, str) and _XML_ILLEGAL.search(value):
        return _XML_ILLEGAL.sub("\ufffd", value), True
    return value, False


def write_rows(report: BatchReport, out: Path, envelope: bool = False) -> None:
    """Write per-row results as CSV, XLSX or JSON (see json_rows), atomically.

    CSV and XLSX cells never hold a formula; XLSX cells lose characters XML cannot hold (each replaced by
    U+FFFD, the row's ``note`` says so) rather than the whole file.
    """
    suffix = out.suffix.lower()
    header = list(dict.fromkeys(k for row in report.rows for k in row)) or list(OUTPUT_COLUMNS)
    if suffix not in {".json", ".csv", ".xlsx"}:
        raise InputError(str(out), "unsupported output type; use .csv, .xlsx or .json")
    with atomic_path(out) as tmp:
        if suffix == ".json":
            tmp.write_text(json_rows(report, envelope), encoding="utf-8")
        elif suffix == ".csv":
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                writer = csv.DictWriter(fh, fieldnames=header, quoting=csv.QUOTE_ALL)
                writer.writeheader()
                writer.writerows({k: spreadsheet_safe(v) for k, v in row.items()} for row in report.rows)
        else:
            _write_xlsx(report, header, tmp)


def _write_xlsx(report: BatchReport, header: list[str], out: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "screening"
    rows = []
    for row in report.rows:
        cells = [_xlsx_cell(row.get(h, "")) for h in header]
        note = "characters not allowed in XLSX replaced by U+FFFD" if any(c for _, c in cells) else ""
        rows.append(([v for v, _ in cells], note))
    notes = any(note for _, note in rows) and "note" not in header
    ws.append([_xlsx_cell(h)[0] for h in header] + (["note"] if notes else []))
    for values, note in rows:  # '=…' was quoted by spreadsheet_safe, so openpyxl stores no formula
        ws.append(values + ([note] if notes else []))
    wb.save(out)


def iter_json_rows(report: BatchReport) -> Iterator[str]:
    for row in report.rows:
        yield json.dumps(row, ensure_ascii=False)
