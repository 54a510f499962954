"""ASPI China Defence Universities Tracker (2020 scrape via MISP), with the ratings transcribed since.

The MISP galaxy gives each institution's English and Chinese names, aliases, ASPI category,
supervising agencies, subsidiaries and major defence laboratories; the scrape dropped the risk
ratings, 20 of which were transcribed from stored tracker pages (`aspi_risk_ratings_transcribed.csv`).
"""

from __future__ import annotations

import re
from typing import Any

from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.parsing import assign_ids, clean, entry_id, schema_for, split_scripts, unique
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles, bad_record

LIST_ID = "aspi-unitracker"
MISP_FILE = "misp_galaxy_china_defence_universities_2020-08.json"
RATINGS_FILE = "aspi_risk_ratings_transcribed.csv"
_VALUE_RE = re.compile(r"^(?P<en>.*?)\s*[(（](?P<zh>[^()（）]*[\u3400-\u9fff][^()（）]*)[)）]\s*$")
_CATEGORY_SCHEMA = {
    "Military": "MilitaryUnit",
    "Defence industry conglomerate": "Company",
    "Seven sons of national defence": "University",
    "Civilian": "University",
}

INFO = ListInfo(
    id=LIST_ID,
    title="China Defence Universities Tracker",
    authority="Australian Strategic Policy Institute (ASPI), International Cyber Policy Centre",
    jurisdiction="au",
    legal_basis="None (research reference; not a legal list)",
    kind="reference",
    url="https://unitracker.aspi.org.au/",
)


def _slug_of(refs: list[str]) -> str:
    for ref in refs:
        match = re.search(r"/universities/([^/?#]+)", ref)
        if match:
            return match.group(1)
    return ""


def _schema(name: str, categories: list[str]) -> str:
    for category in categories:
        if category in _CATEGORY_SCHEMA:
            schema = _CATEGORY_SCHEMA[category]
            # Security-category bodies and civilian research institutes fall back on the name.
            return schema if schema != "University" or schema_for(name) != "Company" else "Company"
    return schema_for(name)


def _entry(value: dict[str, Any], ratings: dict[str, dict[str, str]]) -> ListEntry:
    meta = value.get("meta") or {}
    match = _VALUE_RE.match(clean(value.get("value")))
    name = clean(match.group("en")) if match else clean(value.get("value"))
    zh, aliases = split_scripts([match.group("zh")] if match else [])
    more_zh, more_aliases = split_scripts(meta.get("aliases") or [])
    categories = [clean(c) for c in meta.get("categories") or []]
    slug = _slug_of(meta.get("refs") or [])
    props: dict[str, Any] = {
        "categories": categories,
        "supervising_agencies": unique(meta.get("supervising agencies") or []),
        "subsidiaries": unique(meta.get("subsidiaries") or []),
        "labs": unique(meta.get("major defence laboratories") or []),
        "topics": unique(meta.get("topics") or []),
        "aspi_url": (meta.get("refs") or [""])[0],
    }
    rating = ratings.get(slug)
    if rating:
        props["risk_rating"] = clean(rating.get("risk_rating"))
        props["security_credentials"] = clean(rating.get("security_credentials")) or None
        props["risk_rating_source"] = clean(rating.get("page_url"))
    units = _unit_names([*props["subsidiaries"], *props["labs"]])
    return ListEntry(
        id=entry_id(LIST_ID, slug or name),
        list_id=LIST_ID,
        name=name,
        schema=_schema(name, categories),
        names_zh=[z for z in unique([*zh, *more_zh]) if z not in units],
        aliases=[a for a in unique([*aliases, *more_aliases]) if a.casefold() != name.casefold()
                 and a.casefold() not in units],
        addresses=[clean(meta["address"])] if clean(meta.get("address")) else [],
        country="cn",
        remarks=clean(value.get("description")) or None,
        properties=props,
    )


def _unit_names(units: list[str]) -> set[str]:
    """The names of an institution's subsidiaries and laboratories ("Beijing Computational Science Research
    Center (北京计算科学研究中心)" -> both halves). The galaxy repeats some among the institution's aliases;
    there they would make CAEP answer to its research centre's name, so they stay properties only."""
    out: set[str] = set()
    for unit in units:
        match = _VALUE_RE.match(clean(unit))
        out.update(p.casefold() for p in ((match.group("en"), match.group("zh")) if match else (clean(unit),)) if p)
    return out


def parse(files: SourceFiles) -> list[ParsedVersion]:
    ratings = {r["slug"]: r for r in files.rows(RATINGS_FILE, ("slug", "risk_rating"))}
    entries = []
    for i, value in enumerate(files.records(MISP_FILE, key="values")):
        if not clean(value.get("value")):
            raise bad_record(files, MISP_FILE, f"value {i + 1} has no name")
        entries.append(_entry(value, ratings))
    return [ParsedVersion(files.as_of, assign_ids(entries))]


IMPORTER = Importer(
    info=INFO,
    copy="misp",
    folder="aspi-defence-universities",
    files=(MISP_FILE, RATINGS_FILE),
    licence="MISP galaxy CC0-1.0 / BSD-2-Clause; descriptions and ratings are ASPI's (attribution required)",
    noncommercial=False,
    source="github.com/MISP/misp-galaxy clusters/china-defence-universities.json @ 4635146b; 20 ratings transcribed from unitracker.aspi.org.au pages",
    as_of="2020-08-22",
    parse=parse,
    urls={MISP_FILE: "https://raw.githubusercontent.com/MISP/misp-galaxy/main/clusters/china-defence-universities.json"},
    note="2019/2020 tracker content; risk ratings for 20 institutions only (no rating is not a low rating).",
)
