"""The Seven Sons of National Defence (国防七子): the seven MIIT universities ASPI so categorises."""

from __future__ import annotations

from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.parsing import clean, entry_id, split_names, split_scripts, unique
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles, bad_record

LIST_ID = "cn-seven-sons"
FILE = "seven_sons_of_national_defence.csv"
COLUMNS = ("name_en", "name_zh", "aliases", "supervising_agencies", "subsidiaries_aspi_2020",
           "major_defence_laboratories_aspi_2020", "aspi_url", "aspi_risk_rating")

INFO = ListInfo(
    id=LIST_ID,
    title="Seven Sons of National Defence (国防七子)",
    authority="ASPI China Defence Universities Tracker (category); supervised by PRC MIIT",
    jurisdiction="cn",
    legal_basis="None (reference group of MIIT-supervised defence universities)",
    kind="reference",
    url="https://unitracker.aspi.org.au/",
)


def parse(files: SourceFiles) -> list[ParsedVersion]:
    entries = []
    for i, row in enumerate(files.rows(FILE, COLUMNS)):
        name = clean(row["name_en"])
        if not name:
            raise bad_record(files, FILE, f"row {i + 2} has no name")
        zh, aliases = split_scripts([row["name_zh"], *split_names(row["aliases"], ";")])
        entries.append(ListEntry(
            id=entry_id(LIST_ID, name), list_id=LIST_ID, name=name, schema="University", names_zh=zh,
            aliases=[a for a in aliases if a.casefold() != name.casefold()], country="cn",
            remarks="One of the Seven Sons of National Defence, supervised by MIIT.",
            properties={
                "supervising_agencies": split_names(row["supervising_agencies"], ";"),
                "subsidiaries": split_names(row["subsidiaries_aspi_2020"], ";"),
                "labs": split_names(row["major_defence_laboratories_aspi_2020"], ";"),
                "aspi_url": clean(row["aspi_url"]),
                "risk_rating": clean(row["aspi_risk_rating"]) or None,
                "security_credentials": clean(row.get("aspi_security_credentials")) or None,
                "on_entity_list_as": clean(row.get("bis_entity_list_exact_name_match")) or None,
                "dod_1286_list_years": unique(split_names(row.get("dod_1286_list_years_exact_name_match"), ";")),
            },
        ))
    return [ParsedVersion(files.as_of, entries)]


IMPORTER = Importer(
    info=INFO, copy="derived", folder="cn-defence-groups", files=(FILE,),
    licence="Derived from the ASPI tracker via MISP galaxy (CC0-1.0 / BSD-2-Clause); ASPI's facts, with attribution",
    noncommercial=False, source="derived here from github.com/MISP/misp-galaxy @ 4635146b + transcribed ASPI ratings",
    as_of="2020-08-22", parse=parse,
)
