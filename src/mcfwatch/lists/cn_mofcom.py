"""PRC countermeasure lists (context, not Western watchlists): MOFCOM's Unreliable Entity List,
export-control control and watch lists, and MFA counter-sanctions.

Two lists: `cn-mofcom-lists` (xyna registry, 240 rows of MOFCOM lists) and `cn-countersanctions`
(OpenSanctions, 610 rows, with Chinese names, CC BY-NC). Their kind is 'countermeasure': a hit
means China sanctioned the party, not that the party is tied to the PLA.
"""

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

MOFCOM_ID = "cn-mofcom-lists"
COUNTER_ID = "cn-countersanctions"
XYNA_FILE = "xyna_cn_mofcom_lists.json"
OS_FILE = "opensanctions_cn_sanctions.csv"

MOFCOM_INFO = ListInfo(
    id=MOFCOM_ID, title="MOFCOM Unreliable Entity List, export-control control and watch lists",
    authority="PRC Ministry of Commerce", jurisdiction="cn",
    legal_basis="Export Control Law of the PRC (2020); Provisions on the Unreliable Entity List (2020)",
    kind="countermeasure", url="https://www.mofcom.gov.cn/",
)
COUNTER_INFO = ListInfo(
    id=COUNTER_ID, title="PRC counter-sanctions (Anti-Foreign Sanctions Law and others)",
    authority="PRC Ministry of Foreign Affairs, Ministry of Commerce", jurisdiction="cn",
    legal_basis="Anti-Foreign Sanctions Law of the PRC (2021); Unreliable Entity List; Export Control Law",
    kind="countermeasure", url="https://www.fmprc.gov.cn/",
)


def parse_xyna(files: SourceFiles) -> list[ParsedVersion]:
    entries = []
    for i, rec in enumerate(files.records(XYNA_FILE)):
        name = clean(rec.get("entity_name"))
        if not name:
            raise bad_record(files, XYNA_FILE, f"record {i + 1} has no entity_name")
        zh, aliases = split_scripts(clean(a) for a in rec.get("aliases") or [])
        entries.append(ListEntry(
            id=entry_id(MOFCOM_ID, name), list_id=MOFCOM_ID, name=name,
            schema=schema_for(name, rec.get("entity_type")), names_zh=zh, aliases=aliases,
            addresses=[clean(a) for a in rec.get("addresses") or [] if clean(a)],
            start_date=iso_date(rec.get("date_added")), remarks=clean(rec.get("reason")) or None,
            citation=clean(rec.get("source_url")) or None,
            properties={"sublist": clean(rec.get("list_id")), "sublist_name": clean(rec.get("source_list_name"))},
        ))
    return [ParsedVersion(files.as_of, assign_ids(entries))]


def parse_counter(files: SourceFiles) -> list[ParsedVersion]:
    entries = []
    for i, row in enumerate(files.rows(OS_FILE, ("Type", "Name", "Alias", "Chinese name", "Country", "Date"))):
        name = clean(row["Name"]) or clean(row["Chinese name"])
        if not name:
            raise bad_record(files, OS_FILE, f"row {i + 2} has no name")
        zh, aliases = split_scripts([row["Chinese name"], *split_names(row["Alias"], ";")])
        entries.append(ListEntry(
            id=entry_id(COUNTER_ID, name), list_id=COUNTER_ID, name=name, schema=schema_for(name, row["Type"]),
            names_zh=zh, aliases=[a for a in aliases if a != name], addresses=split_names(row.get("Address"), ";"),
            country=country_code(row["Country"]), start_date=iso_date(row["Date"]),
            end_date=iso_date(row.get("End date")), remarks=clean(row.get("Summary")) or None,
            citation=clean(row.get("Source URL")) or None,
            properties={"body": clean(row.get("Body")), "sublist": clean(row.get("List"))},
        ))
    return [ParsedVersion(files.as_of, assign_ids(entries))]


MOFCOM = Importer(
    info=MOFCOM_INFO, copy="xyna", folder="cn-mofcom-countermeasures", files=(XYNA_FILE,),
    licence="PRC government publications; compiled by xyna-bpinelab/security-export-control-registry (no repository licence seen)",
    noncommercial=False, source="github.com/xyna-bpinelab/security-export-control-registry data/entities/cn.json (2026-07-19)",
    as_of="2026-07-19", parse=parse_xyna,
    urls={XYNA_FILE: "https://raw.githubusercontent.com/xyna-bpinelab/security-export-control-registry/main/data/entities/cn.json"},
)
COUNTER = Importer(
    info=COUNTER_INFO, copy="opensanctions", folder="cn-mofcom-countermeasures", files=(OS_FILE,),
    licence=OS_LICENCE, noncommercial=True,
    source="github.com/opensanctions/opensanctions datasets/cn/sanctions/sanctions.csv @ bb36fecf",
    as_of="2026-08-07", parse=parse_counter, urls={OS_FILE: OS_RAW + "datasets/cn/sanctions/sanctions.csv"},
)
