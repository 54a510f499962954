"""Statutory US procurement bans naming PRC firms: NDAA FY2019 §889, FY2023 §5949, FY2024 §154."""

from __future__ import annotations

from mcfwatch.lists.opensanctions_csv import OS_LICENCE, OS_RAW, special_leg_entries
from mcfwatch.lists.parsing import assign_ids
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles

LIST_ID = "us-ndaa-procurement-bans"
SECTIONS = {
    "opensanctions_section_889.csv": "section_889.csv",
    "opensanctions_section_5949.csv": "section_5949.csv",
    "opensanctions_section_154.csv": "section_154.csv",
}

INFO = ListInfo(
    id=LIST_ID,
    title="NDAA procurement bans (§889, §5949, §154)",
    authority="United States Congress",
    jurisdiction="us",
    legal_basis="NDAA FY2019 §889 (Pub. L. 115-232); NDAA FY2023 §5949 (Pub. L. 117-263); NDAA FY2024 §154 (Pub. L. 118-31)",
    kind="sanction",
    url="https://www.congress.gov/",
)


def parse(files: SourceFiles) -> list[ParsedVersion]:
    entries = []
    for name in SECTIONS:
        entries += special_leg_entries(files, name, LIST_ID)
    for entry in entries:
        entry.country = entry.country or "cn"  # every firm named in these sections is a PRC company
    return [ParsedVersion(files.as_of, assign_ids(entries))]


IMPORTER = Importer(
    info=INFO, copy="opensanctions", folder="us-ndaa-procurement-bans", files=tuple(SECTIONS),
    licence=OS_LICENCE, noncommercial=True,
    source="github.com/opensanctions/opensanctions datasets/us/special_leg/source_files/ @ 7ccd1f43",
    as_of="2026-08-18", parse=parse,
    urls={f: OS_RAW + "datasets/us/special_leg/source_files/" + up for f, up in SECTIONS.items()},
    note="Short lists transcribed from statute text; the §154 battery ban takes effect 2027-10-01.",
)
