"""FollowTheMoney (OpenSanctions) JSON lines in and out of the list model.

`parse_ftm` reads entity lines (`{"id", "schema", "properties": {...}}`); Sanction entities
give their target's start and end dates and programme. `import_ftm` stores a dataset as a user
list version under `$MCFWATCH_LISTS_DIR/<id>/ftm/<date>/`, where the loader finds it.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mcfwatch.errors import InputError
from mcfwatch.lists.countries import country_code
from mcfwatch.lists.loader import META_FILE, clear_cache, lists_dir
from mcfwatch.lists.model import ListEntry, WatchList
from mcfwatch.lists.parsing import assign_ids, clean, entry_id, schema_for, slug, split_scripts, unique

FTM_FILE = "entities.ftm.json"
_THINGS = {"Person", "Company", "Organization", "PublicBody", "LegalEntity"}
_IDENTIFIERS = ("registrationNumber", "taxNumber", "innCode", "ogrnCode", "leiCode", "isinCode", "uscCode",
                "swiftBic", "idNumber", "imoNumber")
_TO_FTM = {"University": "Organization", "MilitaryUnit": "PublicBody"}


def _values(props: dict[str, Any], *names: str) -> list[str]:
    out: list[str] = []
    for name in names:
        value = props.get(name) or []
        out += [clean(v) for v in (value if isinstance(value, list) else [value]) if clean(v)]
    return out


def _first(props: dict[str, Any], *names: str) -> str | None:
    values = _values(props, *names)
    return values[0] if values else None


def read_lines(path: Path) -> list[dict[str, Any]]:
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read FtM JSON lines ({exc})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"line {n} is not JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("properties", {}), dict) or "schema" not in record:
            raise InputError(str(path), f"line {n} is not an FtM entity (needs 'schema' and 'properties')")
        records.append(record)
    return records


def parse_ftm(records: list[dict[str, Any]], list_id: str) -> list[ListEntry]:
    sanctions: dict[str, dict[str, Any]] = {}
    for rec in records:
        if rec["schema"] == "Sanction":
            for target in _values(rec.get("properties", {}), "entity"):
                sanctions[target] = rec.get("properties", {})
    entries = []
    for rec in records:
        if rec["schema"] not in _THINGS:
            continue
        props = rec.get("properties", {})
        names = _values(props, "name")
        if not names:
            continue
        zh, others = split_scripts([*names, *_values(props, "alias", "previousName", "weakAlias", "abbreviation")])
        name = next((n for n in names if n in others), names[0])
        sanction = sanctions.get(str(rec.get("id")), {})
        idents = {key: ", ".join(_values(props, key)) for key in _IDENTIFIERS if _values(props, key)}
        topics = _values(props, "topics")
        mcf_schema = _first(props, "mcfwatchSchema")
        entries.append(ListEntry(
            id=entry_id(list_id, str(rec.get("id") or name)), list_id=list_id, name=name,
            schema=mcf_schema or schema_for(name, rec["schema"]), names_zh=zh,
            aliases=[n for n in others if n != name], addresses=_values(props, "address"),
            country=next((c for c in map(country_code, _values(props, "country", "jurisdiction", "nationality")) if c),
                         None),
            identifiers=idents,
            start_date=_first(sanction, "startDate") or _first(props, "createdAt", "incorporationDate"),
            end_date=_first(sanction, "endDate"), remarks=_first(sanction, "reason") or _first(props, "notes"),
            citation=_first(sanction, "sourceUrl") or _first(props, "sourceUrl"),
            parent=entry_id(list_id, _first(props, "parent") or "") if _first(props, "parent") else None,
            properties={"ftm_id": rec.get("id"), "ftm_schema": rec["schema"], **({"topics": topics} if topics else {}),
                        **({"program": _first(sanction, "program")} if _first(sanction, "program") else {})},
        ))
    return assign_ids(entries)


def to_ftm(entry: ListEntry) -> dict[str, Any]:
    """One list entry as an FtM entity (the inverse of parse_ftm for the fields FtM has)."""
    props: dict[str, list[str]] = {"name": [entry.name], "alias": unique([*entry.names_zh, *entry.aliases]),
                                   "mcfwatchSchema": [entry.schema]}
    if entry.country:
        props["country"] = [entry.country]
    if entry.addresses:
        props["address"] = list(entry.addresses)
    if entry.remarks:
        props["notes"] = [entry.remarks]
    if entry.start_date:
        props["createdAt"] = [entry.start_date]
    for key, value in entry.identifiers.items():
        if key in _IDENTIFIERS:
            props[key] = [value]
    schema = _TO_FTM.get(entry.schema, entry.schema if entry.schema in _THINGS else "Organization")
    return {"id": entry.id.split(":", 1)[-1], "schema": schema, "properties": {k: v for k, v in props.items() if v}}


def build_list(path: Path, list_id: str, title: str | None, as_of: str, origin: str = "fetched") -> WatchList:
    entries = parse_ftm(read_lines(path), list_id)
    return WatchList(
        id=list_id, title=title or list_id, authority="user-supplied FollowTheMoney dataset", jurisdiction="",
        legal_basis="as stated by the dataset's publisher", licence="as stated by the dataset's publisher",
        noncommercial=False, source=str(path), as_of=as_of, kind="sanction", entries=entries, copy="ftm",
        origin=origin,
    )


def import_ftm(path: Path, list_id: str, title: str | None = None, as_of: str | None = None,
               noncommercial: bool = False, root: Path | None = None) -> WatchList:
    """Validate an FtM JSON-lines file and store it as a version of user list LIST_ID."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_.-]{0,63}", list_id):
        raise InputError(list_id, "list id must be lower-case letters, digits, '-', '_' or '.'")
    as_of = as_of or datetime.now(UTC).date().isoformat()
    wl = build_list(path, list_id, title, as_of)
    if not wl.entries:
        raise InputError(str(path), "no FtM Person/Company/Organization entity with a name")
    folder = (root or lists_dir()) / list_id / "ftm" / slug(as_of)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, folder / FTM_FILE)
    meta = {"list_id": list_id, "copy": "ftm", "as_of": as_of, "title": title or list_id,
            "noncommercial": noncommercial, "source": str(path)}
    (folder / META_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")
    clear_cache()
    wl.noncommercial = noncommercial
    return wl


def stored_ftm_versions(root: Path) -> list[WatchList]:
    """Every FtM dataset imported under ROOT, as list versions."""
    out = []
    for meta_path in sorted(root.glob(f"*/ftm/*/{META_FILE}")) if root.is_dir() else []:
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(str(meta_path), f"unreadable metadata ({exc}); delete the folder") from None
        wl = build_list(meta_path.parent / FTM_FILE, str(meta["list_id"]), meta.get("title"), str(meta["as_of"]))
        wl.noncommercial = bool(meta.get("noncommercial"))
        wl.source = str(meta.get("source") or wl.source)
        out.append(wl)
    return out
