"""Japan METI Foreign End-User List (外国ユーザーリスト), revision of 2025-09-29."""

from __future__ import annotations

from mcfwatch.lists.countries import country_code
from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.parsing import assign_ids, clean, entry_id, schema_for, split_names, split_scripts
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles, bad_record

LIST_ID = "jp-meti-eul"
FILE = "jp_meti_end_user_list_2025-09-29.csv"

INFO = ListInfo(
    id=LIST_ID,
    title="End User List (外国ユーザーリスト)",
    authority="Japan Ministry of Economy, Trade and Industry (METI)",
    jurisdiction="jp",
    legal_basis="Foreign Exchange and Foreign Trade Act; catch-all export controls",
    kind="export_control",
    url="https://www.meti.go.jp/policy/anpo/law05.html",
)


def parse(files: SourceFiles) -> list[ParsedVersion]:
    entries = []
    for i, row in enumerate(files.rows(FILE, ("id", "entity_name", "country", "aliases", "concern_reason_ja"))):
        name = clean(row["entity_name"])
        if not name:
            raise bad_record(files, FILE, f"row {i + 2} has no entity name")
        zh, aliases = split_scripts(split_names(row["aliases"], ";"))
        props = {"meti_id": clean(row["id"]), "concern_reason_ja": clean(row["concern_reason_ja"])}
        if clean(row.get("repair_note")):
            props["repair_note"] = clean(row["repair_note"])
        entries.append(ListEntry(
            id=entry_id(LIST_ID, name), list_id=LIST_ID, name=name, schema=schema_for(name, row.get("entity_type")),
            names_zh=zh, aliases=aliases, country=country_code(row["country"]),
            remarks=clean(row["concern_reason_ja"]) or None, properties=props,
        ))
    return [ParsedVersion(files.as_of, assign_ids(entries))]


IMPORTER = Importer(
    info=INFO, copy="xyna", folder="jp-meti-end-user-list", files=(FILE,),
    licence="METI publication; parsed by xyna-bpinelab/security-export-control-registry (no repository licence seen)",
    noncommercial=False,
    source="github.com/xyna-bpinelab/security-export-control-registry data/entities/jp.json @ 87da65c2 (flattened; 37 PRC names repaired)",
    as_of="2025-09-29", parse=parse,
)
