"""OFAC Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC, EO 13959 / 14032).

Read straight from OFAC's own consolidated (non-SDN) legacy CSV files: rows whose programme
contains CMIC, joined with their alternate names, addresses and remark continuations; identifiers
(USCC, ISIN, tickers) and CMIC dates are read from the remarks. A second, earlier version is the
Annex to EO 14032 of 2021-06-03 (nsfreg extraction).
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict

from mcfwatch.lists import nsfreg
from mcfwatch.lists.model import ListEntry
from mcfwatch.lists.parsing import assign_ids, clean, entry_id, iso_date, schema_for, split_scripts, unique
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles, bad_record

LIST_ID = "us-ofac-nscmic"
PRIM, ALT, ADD, COMMENTS = "ofac_cons_prim.csv", "ofac_cons_alt.csv", "ofac_cons_add.csv", "ofac_cons_comments.csv"
ANNEX_FILE = "nsfreg_ofac_eo14032_annex.json"
OFAC_URL = "https://www.treasury.gov/ofac/downloads/consolidated/"

INFO = ListInfo(
    id=LIST_ID,
    title="Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)",
    authority="US Department of the Treasury, Office of Foreign Assets Control",
    jurisdiction="us",
    legal_basis="Executive Order 13959 as amended by Executive Order 14032",
    kind="investment_ban",
    url="https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists/non-sdn-chinese-military-industrial-complex-companies-list-ns-cmic-list",
)


def _rows(files: SourceFiles, name: str, width: int) -> list[list[str]]:
    text = files.text(name, "cp1252").replace("\x1a", "")
    rows = [[clean(c) for c in row] for row in csv.reader(io.StringIO(text)) if row]
    bad = next((i for i, row in enumerate(rows) if len(row) < width), None)
    if bad is not None:
        raise bad_record(files, name, f"line {bad + 1} has fewer than {width} OFAC columns")
    return rows


def _field(remarks: str, label: str) -> list[str]:
    return [m.strip(" .") for m in re.findall(rf"(?:^|; )(?:alt\. )?{label} ([^;]+)", remarks)]


def _entry(prim: list[str], alts: list[str], adds: list[str], remarks: str) -> ListEntry:
    name = prim[1]
    akas = [m for m in re.findall(r"a\.k\.a\. '([^']+)'", remarks)]
    issuers = _field(remarks, "Issuer Name")
    zh, aliases = split_scripts([*alts, *akas, *issuers])
    uscc = [re.sub(r"\s*\(.*\)$", "", v) for v in _field(remarks, r"Unified Social Credit Code \(USCC\)")]
    identifiers = {"ofac_ent_num": prim[0]}
    if uscc:
        identifiers["uscc"] = uscc[0]
    isins = _field(remarks, "ISIN")
    if isins:
        identifiers["isin"] = "; ".join(isins)
    dates = {label: iso_date((_field(remarks, rf"{re.escape(label)} \(CMIC\)") or [""])[0])
             for label in ("Listing Date", "Effective Date", "Purchase/Sales For Divestment Date")}
    linked = re.search(r"Linked To: ([^;]+?)\.?(?:;|$)", remarks)
    target_types = _field(remarks, "Target Type")
    props: dict[str, object] = {
        "program": prim[3],
        "target_type": target_types[0] if target_types else None,
        "equity_tickers": _field(remarks, "Equity Ticker"),
        "effective_date_cmic": dates["Effective Date"],
        "divestment_date_cmic": dates["Purchase/Sales For Divestment Date"],
    }
    if linked:
        props["linked_to"] = linked.group(1)
    return ListEntry(
        id=entry_id(LIST_ID, name), list_id=LIST_ID, name=name, schema=schema_for(name, "Company"),
        names_zh=zh, aliases=[a for a in aliases if a.casefold() != name.casefold()], addresses=adds,
        country="cn", identifiers=identifiers, start_date=dates["Listing Date"], remarks=remarks or None,
        properties=props,
    )


def parse_ofac(files: SourceFiles) -> list[ParsedVersion]:
    alts: dict[str, list[str]] = defaultdict(list)
    for row in _rows(files, ALT, 4):
        alts[row[0]].append(row[3])
    adds: dict[str, list[str]] = defaultdict(list)
    for row in _rows(files, ADD, 5):
        adds[row[0]].append(", ".join(p for p in row[2:5] if p))
    more: dict[str, str] = defaultdict(str)
    for row in _rows(files, COMMENTS, 2):
        more[row[0]] += row[1]
    entries = [
        _entry(row, alts[row[0]], unique(adds[row[0]]), row[11] + more[row[0]])
        for row in _rows(files, PRIM, 12)
        if "CMIC" in row[3]
    ]
    return [ParsedVersion(files.as_of, assign_ids(entries))]


def parse_annex(files: SourceFiles) -> list[ParsedVersion]:
    entries = nsfreg.parse_file(files, ANNEX_FILE, LIST_ID)
    for entry in entries:
        entry.start_date = "2021-06-03"
    return [ParsedVersion(files.as_of, entries)]


OFAC = Importer(
    info=INFO, copy="ofac", folder="us-treasury-ofac-nonsdn", files=(PRIM, ALT, ADD, COMMENTS),
    licence="Public domain (US federal work; OFAC files copied unmodified by moov-io/watchman, Apache-2.0 repo)",
    noncommercial=False,
    source="github.com/moov-io/watchman test/testdata/cons_*.csv @ fca231b0 (OFAC consolidated non-SDN files)",
    as_of="2025-12-19", parse=parse_ofac,
    urls={f: OFAC_URL + f.removeprefix("ofac_") for f in (PRIM, ALT, ADD, COMMENTS)},
)

ANNEX = Importer(
    info=INFO, copy="nsfreg", folder="us-treasury-nscmic", files=(ANNEX_FILE,), licence=nsfreg.NSFREG_LICENCE,
    noncommercial=False, source="github.com/phagehunter/nsfreg data/ofac_eo14032_annex.json @ 02787e87",
    as_of="2021-06-03", parse=parse_annex, urls={ANNEX_FILE: nsfreg.NSFREG_RAW + "ofac_eo14032_annex.json"},
    note="The original Annex to EO 14032 (59 companies).",
)
