"""Rows of OpenSanctions' `special_leg` source CSVs (schema, name, aliases, ..., start-date, end-date)."""

from __future__ import annotations

from mcfwatch.lists.countries import country_code
from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.parsing import clean, entry_id, iso_date, schema_for, split_names, split_scripts
from mcfwatch.lists.spec import SourceFiles, bad_record

OS_LICENCE = "CC BY-NC 4.0 (OpenSanctions transcription; non-commercial use only, attribution required)"
OS_RAW = "https://raw.githubusercontent.com/opensanctions/opensanctions/main/"
COLUMNS = ("schema", "name", "aliases", "program", "start-date", "end-date", "country", "notes", "source_url")


def special_leg_entries(files: SourceFiles, name: str, list_id: str) -> list[ListEntry]:
    entries = []
    for i, row in enumerate(files.rows(name, COLUMNS)):
        title = clean(row["name"])
        if not title:
            raise bad_record(files, name, f"row {i + 2} has no name")
        zh, aliases = split_scripts(split_names(row["aliases"], ";"))
        start = iso_date(row["start-date"]) or iso_date(row.get("report-date"))
        entries.append(
            ListEntry(
                id=entry_id(list_id, title), list_id=list_id, name=title, schema=schema_for(title, row["schema"]),
                names_zh=zh, aliases=aliases, country=country_code(row["country"]), start_date=start,
                end_date=iso_date(row["end-date"]), remarks=clean(row["notes"]) or clean(row.get("reason")) or None,
                citation=clean(row["source_url"]) or None, properties={"program": clean(row["program"])},
            )
        )
    return entries
