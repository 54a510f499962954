"""BIS Military End-User List (15 CFR 744 Supp. 7)."""

from __future__ import annotations

from dataclasses import replace

from mcfwatch.lists import nsfreg
from mcfwatch.lists.countries import country_from_address
from mcfwatch.lists.spec import ListInfo, ParsedVersion, SourceFiles

INFO = ListInfo(
    id="us-bis-meu",
    title="Military End-User List",
    authority="US Department of Commerce, Bureau of Industry and Security",
    jurisdiction="us",
    legal_basis="Export Administration Regulations, 15 CFR 744.21 and part 744, Supplement No. 7",
    kind="export_control",
    url="https://www.ecfr.gov/current/title-15/subtitle-B/chapter-VII/subchapter-C/part-744/appendix-Supplement%20No.%207%20to%20Part%20744",
)
_FILE = "nsfreg_bis_meu.json"


def parse(files: SourceFiles) -> list[ParsedVersion]:
    # The extraction labels every MEU entry 'China'; the address says where each really is.
    entries = nsfreg.parse_file(files, _FILE, INFO.id)
    for entry in entries:
        entry.country = next((c for c in map(country_from_address, entry.addresses) if c), entry.country)
    return [ParsedVersion(files.as_of, entries)]


IMPORTER = replace(
    nsfreg.importer(INFO, "us-bis-meu", _FILE, "bis_meu.json", "2026-07-09"),
    parse=parse,
    note="Country read from each address (the extraction labels every entry 'China').",
)
