"""DoD Section 1260H "Chinese military companies": every edition, reconstructed from start/end dates.

The OpenSanctions copy has one row per listing period. Rows are grouped by their clean name
(lower-case alphanumerics, the same rule as `derived_1260h_edition_membership.csv`); an entity
is in edition D when one of its rows started on or before D and had not ended by D.
"""

from __future__ import annotations

import re
from collections import defaultdict

from mcfwatch.lists import nsfreg
from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.parsing import (
    assign_ids,
    clean,
    entry_id,
    iso_date,
    schema_for,
    split_names,
    split_scripts,
    unique,
)
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles, bad_record

EDITIONS = ("2021-06-03", "2022-10-05", "2024-01-31", "2025-01-07", "2026-06-08")
LIST_ID = "us-dod-1260h"
OS_FILE = "opensanctions_us_dod_chinese_milcorps_sanctions.csv"
FR_FILE = "nsfreg_dow_1260h_2026-06-10.json"

INFO = ListInfo(
    id=LIST_ID,
    title="Section 1260H list of Chinese military companies",
    authority="US Department of Defense (Department of War)",
    jurisdiction="us",
    legal_basis="Sec. 1260H, William M. (Mac) Thornberry NDAA for FY2021 (Pub. L. 116-283), 10 U.S.C. 113 note",
    kind="military",
    url="https://www.federalregister.gov/documents/2026/06/10/2026-11571",
)


def _key(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.casefold())


def _edition_entry(rows: list[dict[str, str]], edition: str, all_rows: list[dict[str, str]]) -> ListEntry:
    rows = sorted(rows, key=lambda r: r["Start date"])
    latest = rows[-1]
    name = clean(latest["Clean Name"]) or clean(latest["Name"])
    names = [n for r in rows for n in (*split_names(r["Alias"], ",;"), *split_names(r["Previous Name"], ";"))]
    names += [clean(r["Clean Name"]) for r in rows]
    zh, aliases = split_scripts(n for n in names if n.casefold() != name.casefold())
    starts = sorted(r["Start date"] for r in all_rows if r["Start date"])
    first = min(all_rows, key=lambda r: r["Start date"])
    first_name = clean(first["Clean Name"]) or clean(first["Name"])
    open_rows = [r for r in all_rows if not r["End date"]]
    end = None if open_rows else max(r["End date"] for r in all_rows)
    note = next((clean(r["Note"]) for r in reversed(rows) if clean(r["Note"])), None)
    parents = unique(clean(r["Parent Name"]) for r in rows)
    props: dict[str, object] = {
        "names_as_printed": unique(clean(r["Name"]) for r in rows),
        "editions": [d for d in EDITIONS if _in_edition(all_rows, d)],
    }
    if parents:
        props["parent_name"] = parents[-1]
    return ListEntry(
        id=entry_id(LIST_ID, first_name),  # the earliest spelling: stable across editions
        list_id=LIST_ID,
        name=name,
        schema=schema_for(name, "Company"),
        names_zh=zh,
        aliases=aliases,
        country="cn",
        start_date=starts[0] if starts else None,
        end_date=end,
        remarks=note,
        citation=clean(latest["Source Url"]) or None,
        properties=props,
    )


def _in_edition(rows: list[dict[str, str]], edition: str) -> bool:
    return any(r["Start date"] <= edition and (not r["End date"] or r["End date"] > edition) for r in rows)


def parse_editions(files: SourceFiles) -> list[ParsedVersion]:
    required = ("Name", "Clean Name", "Alias", "Previous Name", "Parent Name", "Note", "Start date", "End date")
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for i, row in enumerate(files.rows(OS_FILE, required)):
        if not clean(row["Clean Name"] or row["Name"]) or not iso_date(row["Start date"]):
            raise bad_record(files, OS_FILE, f"row {i + 2} lacks a name or a start date")
        groups[_key(clean(row["Clean Name"]) or clean(row["Name"]))].append(row)
    versions = []
    for edition in EDITIONS:
        entries = []
        for rows in groups.values():
            active = [r for r in rows if r["Start date"] <= edition and (not r["End date"] or r["End date"] > edition)]
            if active:
                entries.append(_edition_entry(active, edition, rows))
        by_key = {_key(e.name): e.id for e in entries}
        for entry in entries:
            parent = entry.properties.get("parent_name")
            entry.parent = by_key.get(_key(str(parent))) if parent else None
        versions.append(ParsedVersion(edition, assign_ids(entries)))
    return versions


def parse_fr(files: SourceFiles) -> list[ParsedVersion]:
    entries = nsfreg.parse_file(files, FR_FILE, LIST_ID)
    for entry in entries:
        entry.start_date = None  # the FR file gives the notice date, not when each company was first listed
    return [ParsedVersion(files.as_of, entries)]


OPENSANCTIONS = Importer(
    info=INFO,
    copy="opensanctions",
    folder="us-dod-1260h",
    files=(OS_FILE,),
    licence="CC BY-NC 4.0 (OpenSanctions transcription of public-domain DoD lists)",
    noncommercial=True,
    source="github.com/opensanctions/opensanctions datasets/us/dod_chinese_milcorps/sanctions.csv @ dd4f7d35",
    as_of="2026-06-08",
    parse=parse_editions,
    urls={OS_FILE: "https://raw.githubusercontent.com/opensanctions/opensanctions/main/datasets/us/dod_chinese_milcorps/sanctions.csv"},
    rank=0,
    note=(
        "Preferred over the public-domain FR extraction although CC BY-NC: it carries every edition and the "
        "subsidiaries (209 entities in 2026 against 80 top-level companies). Exclude non-commercial copies "
        "to use the FR extraction instead."
    ),
)

FEDERAL_REGISTER = Importer(
    info=INFO,
    copy="nsfreg",
    folder="us-dod-1260h",
    files=(FR_FILE,),
    licence="Public domain (US federal work); extraction by phagehunter/nsfreg, no repository licence",
    noncommercial=False,
    source="github.com/phagehunter/nsfreg data/dow_1260h.json @ 02787e87 (91 FR 35189, 2026-06-10)",
    as_of="2026-06-08",
    parse=parse_fr,
    urls={FR_FILE: "https://raw.githubusercontent.com/phagehunter/nsfreg/main/data/dow_1260h.json"},
    rank=1,
    note="Top-level companies of the 2026 edition only; subsidiaries printed in the DoD PDF are absent.",
)
