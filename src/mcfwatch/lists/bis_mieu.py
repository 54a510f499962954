"""BIS military-intelligence end users (15 CFR 744.22(f)(2))."""

from __future__ import annotations

from mcfwatch.lists.countries import country_code
from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.opensanctions_csv import OS_LICENCE, OS_RAW
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

LIST_ID = "us-bis-mieu"
FILE = "opensanctions_bis_mieu.csv"

INFO = ListInfo(
    id=LIST_ID,
    title="Military-intelligence end users",
    authority="US Department of Commerce, Bureau of Industry and Security",
    jurisdiction="us",
    legal_basis="Export Administration Regulations, 15 CFR 744.22(f)(2)",
    kind="export_control",
    url="https://www.ecfr.gov/current/title-15/section-744.22",
)


def parse(files: SourceFiles) -> list[ParsedVersion]:
    entries = []
    for i, row in enumerate(files.rows(FILE, ("Type", "Name", "Alias", "Country", "Date", "End date"))):
        name = clean(row["Name"])
        if not name:
            raise bad_record(files, FILE, f"row {i + 2} has no name")
        zh, aliases = split_scripts(split_names(row["Alias"], ";"))
        entries.append(ListEntry(
            id=entry_id(LIST_ID, name), list_id=LIST_ID, name=name,
            schema="MilitaryUnit" if row["Type"] != "Person" else "Person", names_zh=zh, aliases=aliases,
            country=country_code(row["Country"]), start_date=iso_date(row["Date"]), end_date=iso_date(row["End date"]),
            citation=clean(row.get("Source URL")) or None, properties={"program": clean(row.get("Program"))},
        ))
        if row["Type"] not in ("Organization", "Person"):
            entries[-1].schema = schema_for(name, row["Type"])
    return [ParsedVersion(files.as_of, assign_ids(entries))]


IMPORTER = Importer(
    info=INFO, copy="opensanctions", folder="us-bis-mieu", files=(FILE,), licence=OS_LICENCE, noncommercial=True,
    source="github.com/opensanctions/opensanctions datasets/us/bis_mieu/mieu.csv @ 980f8540",
    as_of="2026-07-27", parse=parse, urls={FILE: OS_RAW + "datasets/us/bis_mieu/mieu.csv"},
)
