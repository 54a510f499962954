"""US State Department nonproliferation (ISN/INKSNA) determinations published 2024-2026."""

from __future__ import annotations

from mcfwatch.lists.opensanctions_csv import OS_LICENCE, OS_RAW, special_leg_entries
from mcfwatch.lists.parsing import assign_ids
from mcfwatch.lists.spec import Importer, ListInfo, ParsedVersion, SourceFiles

LIST_ID = "us-state-inksna"
FILE = "opensanctions_inksna_isn.csv"

INFO = ListInfo(
    id=LIST_ID,
    title="Nonproliferation (INKSNA) determinations 2024-2026",
    authority="US Department of State, Bureau of International Security and Nonproliferation",
    jurisdiction="us",
    legal_basis="Iran, North Korea, and Syria Nonproliferation Act (INKSNA), Federal Register notices 2024-2026",
    kind="sanction",
    url="https://www.federalregister.gov/",
)


def parse(files: SourceFiles) -> list[ParsedVersion]:
    return [ParsedVersion(files.as_of, assign_ids(special_leg_entries(files, FILE, LIST_ID)))]


IMPORTER = Importer(
    info=INFO, copy="opensanctions", folder="us-state-nonproliferation", files=(FILE,),
    licence=OS_LICENCE, noncommercial=True,
    source="github.com/opensanctions/opensanctions datasets/us/special_leg/source_files/inksna.csv @ 7ccd1f43",
    as_of="2026-08-18", parse=parse, urls={FILE: OS_RAW + "datasets/us/special_leg/source_files/inksna.csv"},
    note="Only the determinations of 2024-2026; sanctions lapse after two years (end dates).",
)
