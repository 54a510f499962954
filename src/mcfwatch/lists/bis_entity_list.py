"""BIS Entity List (15 CFR 744 Supp. 4), all destinations, with Chinese names for listed universities.

The nsfreg extraction of the eCFR text carries every entry; China's rows (1,106, Hong Kong
included, as BIS lists it under China) are those with country 'cn'. Chinese names come from
kaixinol/china-university-entity-list (60 universities; added by that repo's author, unverified)
and are marked as such in `properties["names_zh_source"]`.
"""

from __future__ import annotations

from mcfwatch.lists import nsfreg
from mcfwatch.lists.countries import mentions_hong_kong
from mcfwatch.lists.parsing import clean, unique
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles

LIST_ID = "us-bis-entity-list"
FULL_FILE = "nsfreg_bis_entity_list_full.json"
ZH_FILE = "kaixinol_el_china_universities_zh_names.json"

INFO = ListInfo(
    id=LIST_ID,
    title="Entity List",
    authority="US Department of Commerce, Bureau of Industry and Security",
    jurisdiction="us",
    legal_basis="Export Administration Regulations, 15 CFR part 744, Supplement No. 4",
    kind="export_control",
    url="https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%204%20to%20Part%20744",
)


def parse(files: SourceFiles) -> list[ParsedVersion]:
    entries = nsfreg.parse_file(files, FULL_FILE, LIST_ID)
    zh_names: dict[str, str] = {}
    for record in files.records(ZH_FILE):
        if clean(record.get("name")) and clean(record.get("zh")):
            zh_names[clean(record["name"]).casefold()] = clean(record["zh"])
    for entry in entries:
        entry.properties["license_requirement"] = entry.remarks
        if entry.country == "cn":
            entry.properties["address_in_hong_kong"] = any(mentions_hong_kong(a) for a in entry.addresses)
        zh = zh_names.get(entry.name.casefold())
        if zh:
            entry.names_zh = unique([*entry.names_zh, zh])
            entry.properties["names_zh_source"] = "kaixinol/china-university-entity-list (unverified)"
        dates = entry.properties.get("federal_register_dates")
        if isinstance(dates, list) and dates:
            entry.properties["latest_fr_date"] = dates[-1]
    return [ParsedVersion(files.as_of, entries)]


IMPORTER = Importer(
    info=INFO,
    copy="nsfreg",
    folder="us-bis-entity-list",
    files=(FULL_FILE, ZH_FILE),
    licence="Public domain (US federal work); extraction by phagehunter/nsfreg, Chinese names by kaixinol (no repository licence)",
    noncommercial=False,
    source=(
        "github.com/phagehunter/nsfreg data/bis_entity_list.json @ 02787e87; "
        "github.com/kaixinol/china-university-entity-list data-cn.json @ 8119ff29"
    ),
    as_of="2026-07-09",
    parse=parse,
    urls={
        FULL_FILE: "https://raw.githubusercontent.com/phagehunter/nsfreg/main/data/bis_entity_list.json",
        ZH_FILE: "https://raw.githubusercontent.com/kaixinol/china-university-entity-list/main/data-cn.json",
    },
    note="License Review Policy column not extracted upstream; entries added after ~Oct 2025 may be absent.",
)
