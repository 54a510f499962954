"""BIS Denied Persons List (all countries)."""

from __future__ import annotations

from mcfwatch.lists import nsfreg
from mcfwatch.lists.spec import ListInfo

INFO = ListInfo(
    id="us-bis-dpl",
    title="Denied Persons List",
    authority="US Department of Commerce, Bureau of Industry and Security",
    jurisdiction="us",
    legal_basis="Export Administration Regulations, 15 CFR part 764 (denial orders)",
    kind="export_control",
    url="https://www.bis.gov/licensing/guidance/denied-persons-list",
)
IMPORTER = nsfreg.importer(
    INFO, "us-bis-denied-persons", "nsfreg_bis_dpl.json", "bis_dpl.json", "2026-04-14",
    note="From BIS dpl_04142026.csv (14 Apr 2026).",
)
