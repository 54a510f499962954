"""The record format of the `phagehunter/nsfreg` extractions of US lists, shared by several importers.

Each file is `{list_id, source_file, extracted, count, entities: [{name, aliases[], country, address,
status, effective_date, federal_register, notes}]}`.
"""

from __future__ import annotations

import re
from typing import Any

from mcfwatch.lists.countries import country_code
from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.parsing import assign_ids, clean, entry_id, fr_dates, iso_date, schema_for, split_scripts
from mcfwatch.lists.persons import looks_like_person
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles, bad_record

_ADDRESS_SPLIT = re.compile(r";\s*and\s+|;\s*(?=\S)")


def split_addresses(text: object) -> list[str]:
    """BIS prints several addresses as 'A; and B; and C.'"""
    value = clean(text)
    return [part.strip(" .") for part in _ADDRESS_SPLIT.split(value) if part.strip(" .")] if value else []


def to_entry(list_id: str, record: dict[str, Any]) -> ListEntry:
    name = clean(record.get("name"))
    zh, aliases = split_scripts(clean(a) for a in record.get("aliases") or [])
    citation = clean(record.get("federal_register")) or None
    dates = fr_dates(citation)
    start = iso_date(record.get("effective_date")) or (dates[0] if dates else None)
    props: dict[str, Any] = {}
    if dates:
        props["federal_register_dates"] = dates
    if clean(record.get("status")):
        props["status"] = clean(record.get("status"))
    if not record.get("type"):
        # the type below is read off the name's shape, not published: it never hides a match (resolve/screen.py)
        props["schema_guessed"] = True
    return ListEntry(
        id=entry_id(list_id, name),
        list_id=list_id,
        name=name,
        # the nsfreg files give no type: a name (and aliases) of a person's shape makes the entry a Person
        schema=schema_for(name, record.get("type") or ("Person" if looks_like_person(name, aliases) else None)),
        names_zh=zh,
        aliases=aliases,
        addresses=split_addresses(record.get("address")),
        country=country_code(record.get("country")),
        start_date=start,
        remarks=clean(record.get("notes")) or None,
        citation=citation,
        properties=props,
    )


def parse_file(files: SourceFiles, name: str, list_id: str) -> list[ListEntry]:
    entries = []
    for i, record in enumerate(files.records(name)):
        if not clean(record.get("name")):
            raise bad_record(files, name, f"record {i + 1} has no name")
        entries.append(to_entry(list_id, record))
    return assign_ids(entries)


NSFREG_RAW = "https://raw.githubusercontent.com/phagehunter/nsfreg/main/data/"
NSFREG_LICENCE = "Public domain (US federal work); extraction by phagehunter/nsfreg, no repository licence"


def importer(info: ListInfo, folder: str, file: str, upstream: str, as_of: str, note: str = "", rank: int = 0) -> Importer:
    """The importer of a list whose only input is one nsfreg file (`upstream` = its name in nsfreg data/)."""

    def parse(files: SourceFiles) -> list[ParsedVersion]:
        return [ParsedVersion(files.as_of, parse_file(files, file, info.id))]

    return Importer(
        info=info, copy="nsfreg", folder=folder, files=(file,), licence=NSFREG_LICENCE, noncommercial=False,
        source=f"github.com/phagehunter/nsfreg data/{upstream} @ 02787e87", as_of=as_of, parse=parse,
        urls={file: NSFREG_RAW + upstream}, rank=rank, note=note,
    )
