"""DoD Section 1286 lists (foreign institutions and talent programmes), one version per list year.

The OpenSanctions copy holds the FY2022-FY2025 lists (`report-date` = list year); the nsfreg
extraction of the FY2024 list is public domain and is preferred for that year.
Version dates are publication dates read from the source URLs (FY2022: 2023-06-29, FY2023: July
2024, FY2025: July 2026); the FY2024 list's publication date is not in the data and is set to
2025-01-01 (an approximation, stated in the note).
"""

from __future__ import annotations

from collections import defaultdict

from mcfwatch.lists import nsfreg
from mcfwatch.lists.countries import country_code
from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.parsing import (
    assign_ids,
    clean,
    entry_id,
    iso_date,
    schema_for,
    split_names,
    split_scripts,
)
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles, bad_record

LIST_ID = "us-dod-1286"
OS_FILE = "opensanctions_section_1286.csv"
FY24_FILE = "nsfreg_dow_1286_fy24.json"
VERSION_DATES = {"2022": "2023-06-29", "2023": "2024-07-01", "2024": "2025-01-01", "2025": "2026-07-01"}

INFO = ListInfo(
    id=LIST_ID,
    title="Section 1286 list of foreign institutions and talent programmes",
    authority="US Department of Defense (Department of War), USD(R&E)",
    jurisdiction="us",
    legal_basis="Sec. 1286, John S. McCain NDAA for FY2019 (Pub. L. 115-232), as amended",
    kind="research_security",
    url="https://basicresearch.defense.gov/Programs/Academic-Research-Security/",
)


def _entry(row: dict[str, str], year: str) -> ListEntry:
    name = clean(row["name"])
    zh, aliases = split_scripts(split_names(row["aliases"], ";"))
    return ListEntry(
        id=entry_id(LIST_ID, name),
        list_id=LIST_ID,
        name=name,
        schema=schema_for(name, row["schema"]),
        names_zh=zh,
        aliases=aliases,
        country=country_code(row["country"]),
        start_date=iso_date(row["start-date"]),
        end_date=iso_date(row["end-date"]),
        remarks=clean(row["notes"]) or clean(row["reason"]) or None,
        citation=clean(row["source_url"]) or None,
        properties={"list_year": f"FY{year}"},
    )


def parse_opensanctions(files: SourceFiles) -> list[ParsedVersion]:
    years: dict[str, list[ListEntry]] = defaultdict(list)
    for i, row in enumerate(files.rows(OS_FILE, ("schema", "name", "aliases", "report-date", "country"))):
        year = clean(row["report-date"])
        if year not in VERSION_DATES or not clean(row["name"]):
            raise bad_record(files, OS_FILE, f"row {i + 2} has no name or an unknown report-date {year!r}")
        years[year].append(_entry(row, year))
    # FY2022/FY2023 rows have no country: take the one the same name has in a later year.
    known = {e.name.casefold(): e.country for es in years.values() for e in es if e.country}
    for entries in years.values():
        for entry in entries:
            entry.country = entry.country or known.get(entry.name.casefold())
    return [ParsedVersion(VERSION_DATES[y], assign_ids(years[y])) for y in sorted(years)]


def parse_fy24(files: SourceFiles) -> list[ParsedVersion]:
    entries = nsfreg.parse_file(files, FY24_FILE, LIST_ID)
    for entry in entries:
        entry.properties["list_year"] = "FY2024"
    return [ParsedVersion(VERSION_DATES["2024"], entries)]


_NOTE = "FY2024 version dated 2025-01-01 by approximation (publication date not in the data)."

FY24 = Importer(
    info=INFO,
    copy="nsfreg",
    folder="us-dod-1286",
    files=(FY24_FILE,),
    licence="Public domain (US federal work); extraction by phagehunter/nsfreg, no repository licence",
    noncommercial=False,
    source="github.com/phagehunter/nsfreg data/dow_1286.json @ 02787e87",
    as_of=VERSION_DATES["2024"],
    parse=parse_fy24,
    urls={FY24_FILE: "https://raw.githubusercontent.com/phagehunter/nsfreg/main/data/dow_1286.json"},
    rank=0,
    note="Public-domain copy, preferred over the CC BY-NC copy for FY2024. " + _NOTE,
)

OPENSANCTIONS = Importer(
    info=INFO,
    copy="opensanctions",
    folder="us-dod-1286",
    files=(OS_FILE,),
    licence="CC BY-NC 4.0 (OpenSanctions transcription of public-domain DoD lists)",
    noncommercial=True,
    source="github.com/opensanctions/opensanctions datasets/us/special_leg/source_files/section_1286.csv @ 7ccd1f43",
    as_of=VERSION_DATES["2025"],
    parse=parse_opensanctions,
    urls={OS_FILE: "https://raw.githubusercontent.com/opensanctions/opensanctions/main/datasets/us/special_leg/source_files/section_1286.csv"},
    rank=1,
    note="Country is blank for the FY2022/FY2023 lists. " + _NOTE,
)
