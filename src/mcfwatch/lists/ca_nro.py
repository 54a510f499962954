"""Canada's Named Research Organizations (Policy on Sensitive Technology Research and Affiliations of Concern)."""

from __future__ import annotations

from mcfwatch.lists.countries import country_code
from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.parsing import assign_ids, clean, entry_id, schema_for, split_names, split_scripts
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles, bad_record

LIST_ID = "ca-nro"
FILE = "ca_nro_list_2025-03-11_via_rstoolkit.csv"

INFO = ListInfo(
    id=LIST_ID,
    title="Named Research Organizations",
    authority="Government of Canada (Innovation, Science and Economic Development; Public Safety)",
    jurisdiction="ca",
    legal_basis="Policy on Sensitive Technology Research and Affiliations of Concern (STRAC), 2024",
    kind="research_security",
    url="https://science.gc.ca/site/science/en/safeguarding-your-research/guidelines-and-tools-implement-research-security/sensitive-technology-research-and-affiliations-concern/named-research-organizations",
)


def parse(files: SourceFiles) -> list[ParsedVersion]:
    entries = []
    for i, row in enumerate(files.rows(FILE, ("id", "name", "aliases", "country", "parent_org_id", "notes"))):
        name = clean(row["name"])
        if not name:
            raise bad_record(files, FILE, f"row {i + 2} has no name")
        zh, aliases = split_scripts(split_names(row["aliases"], ";"))
        parent = clean(row["parent_org_id"])
        entries.append(ListEntry(
            id=entry_id(LIST_ID, clean(row["id"]) or name), list_id=LIST_ID, name=name, schema=schema_for(name),
            names_zh=zh, aliases=aliases, country=country_code(row["country"]), remarks=clean(row["notes"]) or None,
            parent=entry_id(LIST_ID, parent) if parent else None,
        ))
    return [ParsedVersion(files.as_of, assign_ids(entries))]


IMPORTER = Importer(
    info=INFO, copy="rstoolkit", folder="ca-named-research-organizations", files=(FILE,),
    licence="Government of Canada content (Open Government Licence - Canada normally applies); compiled by seawaydigital/RSToolkit, no repository licence",
    noncommercial=False, source="github.com/seawaydigital/RSToolkit src/data/nroData.js @ 7eb48e9c (reshaped to CSV)",
    as_of="2025-03-11", parse=parse,
    note="101 top-level rows against ~103 announced; CAEP sub-institutes broken out as children; aliases may include the compiler's additions.",
)
