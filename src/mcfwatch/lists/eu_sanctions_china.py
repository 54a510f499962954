"""EU restrictive measures: rows tied to China, Hong Kong or Macau (consolidated annexes + 2026 amendments)."""

from __future__ import annotations

from mcfwatch.lists.countries import country_code, country_from_address
from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.opensanctions_csv import OS_LICENCE
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

LIST_ID = "eu-sanctions-china"
CONSOLIDATED = "opensanctions_eu_journal_consolidated_china_subset.csv"
AMENDMENTS = "opensanctions_eu_journal_amendments_china_subset.csv"
COLUMNS = ("programKey", "annex", "measure", "startDate", "reason", "schema", "name", "alias", "country", "address")

INFO = ListInfo(
    id=LIST_ID,
    title="EU restrictive measures (China, Hong Kong and Macau rows)",
    authority="Council of the European Union",
    jurisdiction="eu",
    legal_basis="Reg. 833/2014 Annex IV, Reg. 269/2014, Reg. 2017/1509, Reg. 2019/796, Reg. 2020/1998 and others",
    kind="sanction",
    url="https://eur-lex.europa.eu/",
)

_IDS = {"registrationNumber": "registration", "taxNumber": "tax", "leiCode": "lei", "imoNumber": "imo",
        "swiftBic": "swift", "idNumber": "id"}


def _entry(row: dict[str, str], celex: str) -> ListEntry:
    name = clean(row["name"])
    names = [*split_names(row["alias"], ";"), *split_names(row.get("weakAlias"), ";"),
             *split_names(row.get("previousName"), ";")]
    zh, aliases = split_scripts(names)
    codes = [country_code(row.get(k)) for k in ("country", "nationality", "jurisdiction")]
    codes += [country_from_address(a) for a in split_names(row["address"], ";")]
    country = next((c for c in codes if c), None)
    return ListEntry(
        id=entry_id(LIST_ID, name), list_id=LIST_ID, name=name, schema=schema_for(name, row["schema"]),
        names_zh=zh, aliases=aliases, addresses=split_names(row["address"], ";"), country=country,
        identifiers={v: clean(row[k]) for k, v in _IDS.items() if clean(row.get(k))},
        start_date=iso_date(row["startDate"]), remarks=clean(row["reason"]) or None,
        citation=f"CELEX {celex}" if celex else None,
        properties={"programme": clean(row["programKey"]), "annex": clean(row["annex"]),
                    "measure": clean(row["measure"])},
    )


def parse(files: SourceFiles) -> list[ParsedVersion]:
    entries = []
    for file, celex_col in ((CONSOLIDATED, "celex"), (AMENDMENTS, "amendmentCelex")):
        for i, row in enumerate(files.rows(file, COLUMNS)):
            if not clean(row["name"]):
                raise bad_record(files, file, f"row {i + 2} has no name")
            entries.append(_entry(row, clean(row.get(celex_col))))
    return [ParsedVersion(files.as_of, assign_ids(entries))]


IMPORTER = Importer(
    info=INFO, copy="opensanctions", folder="eu-sanctions-china", files=(CONSOLIDATED, AMENDMENTS),
    licence=OS_LICENCE, noncommercial=True,
    source="github.com/opensanctions/opensanctions datasets/eu/journal_sanctions/data @ f33cff23 (China subset derived by regex)",
    as_of="2026-08-19", parse=parse,
    note="Regex subset: may miss PRC-linked parties registered elsewhere and catch incidental China mentions.",
)
