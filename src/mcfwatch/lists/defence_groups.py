"""The 12 PRC defence-industry conglomerates (ASPI 2020) and members of them found on US lists.

Each conglomerate is an entry; each listed member is an entry whose `parent` is its group's entry.
The member rows were found by regex on listed names (`match_method`): an index, not an ownership
dataset — expect some false positives and negatives.
"""

from __future__ import annotations

import re

from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.parsing import assign_ids, clean, entry_id, schema_for, split_names, split_scripts
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles, bad_record

LIST_ID = "cn-defence-groups"
GROUPS_FILE = "aspi_defence_industry_conglomerates_2020.csv"
MEMBERS_FILE = "defence_group_members_on_us_lists.csv"

INFO = ListInfo(
    id=LIST_ID,
    title="PRC defence-industry conglomerates and their members on US lists",
    authority="ASPI China Defence Universities Tracker (groups); mcfwatch data (member index)",
    jurisdiction="cn",
    legal_basis="None (reference: state-owned defence conglomerates supervised by SASAC / MIIT)",
    kind="reference",
    url="https://unitracker.aspi.org.au/",
)


_FORMS = {"ltd", "limited", "co", "company", "corporation", "corp", "group", "inc", "the", "of"}


def _key(name: str) -> str:
    """Compare names without case, punctuation, parentheses and legal forms."""
    name = re.sub(r"\([^)]*\)", " ", name.casefold())
    words = re.findall(r"\w+", name)
    return "".join(w for w in words if w not in _FORMS)


def _group_code(aliases: list[str]) -> str | None:
    codes = [a for a in aliases if a.isupper() and a.isalpha() and 3 <= len(a) <= 7]
    return codes[0] if codes else None


def parse(files: SourceFiles) -> list[ParsedVersion]:
    entries: list[ListEntry] = []
    by_code: dict[str, str] = {}
    group_entries: dict[str, ListEntry] = {}
    for i, row in enumerate(files.rows(GROUPS_FILE, ("name_en", "name_zh", "aliases", "subsidiaries_aspi_2020"))):
        name = clean(row["name_en"])
        if not name:
            raise bad_record(files, GROUPS_FILE, f"row {i + 2} has no name")
        zh, aliases = split_scripts([row["name_zh"], *split_names(row["aliases"], ";")])
        code = _group_code(aliases)
        entry = ListEntry(
            id=entry_id(LIST_ID, name), list_id=LIST_ID, name=name, schema="Company", names_zh=zh,
            aliases=aliases, country="cn", remarks="State-owned defence-industry conglomerate (ASPI tracker, 2020).",
            properties={
                "group_code": code, "role": "group",
                "supervising_agencies": split_names(row.get("supervising_agencies"), ";"),
                "subsidiaries": split_names(row["subsidiaries_aspi_2020"], ";"),
                "labs": split_names(row.get("major_defence_laboratories_aspi_2020"), ";"),
                "aspi_url": clean(row.get("aspi_url")),
            },
        )
        entries.append(entry)
        group_entries[entry.id] = entry
        if code:
            by_code[code] = entry.id
    for i, row in enumerate(files.rows(MEMBERS_FILE, ("group_code", "group_name", "list", "listed_name"))):
        name = clean(row["listed_name"])
        if not name:
            raise bad_record(files, MEMBERS_FILE, f"row {i + 2} has no listed name")
        codes = [c.strip() for c in clean(row["group_code"]).split("/")]
        zh, aliases = split_scripts(split_names(row.get("listed_aliases_or_parent"), ";"))
        # The column mixes the member's own aliases with its parent group's names: a group name is
        # not a name of the member (it goes to `parent`), so drop those.
        group_names = {_key(n) for c in codes if c in by_code for n in group_entries[by_code[c]].all_names()}
        group_names |= {_key(c) for c in codes} | {_key(row["group_name"])}
        zh = [n for n in zh if _key(n) not in group_names]
        aliases = [n for n in aliases if _key(n) not in group_names]
        entries.append(ListEntry(
            id=entry_id(LIST_ID, f"{row['group_code']}-{name}"), list_id=LIST_ID, name=name,
            schema=schema_for(name, "Company"), names_zh=zh, aliases=aliases, country="cn",
            remarks=f"Member of {clean(row['group_name'])} listed on {clean(row['list'])}.",
            citation=clean(row.get("list_reference")) or None,
            parent=next((by_code[c] for c in codes if c in by_code), None),
            properties={"group_code": clean(row["group_code"]), "role": "member", "listed_on": clean(row["list"]),
                        "match_method": clean(row.get("match_method"))},
        ))
    return [ParsedVersion(files.as_of, assign_ids(entries))]


IMPORTER = Importer(
    info=INFO, copy="derived", folder="cn-defence-groups", files=(GROUPS_FILE, MEMBERS_FILE),
    licence="Derived from the ASPI tracker via MISP galaxy (CC0-1.0 / BSD-2-Clause) and from the US lists (public domain)",
    noncommercial=False, source="derived here from MISP/misp-galaxy @ 4635146b and the shipped US lists",
    as_of="2026-08-22", parse=parse,
    note="Members found by regex on listed names: an index, not an ownership dataset.",
)
