"""DHS Uyghur Forced Labor Prevention Act Entity List."""

from __future__ import annotations

from mcfwatch.lists import nsfreg
from mcfwatch.lists.spec import ListInfo

INFO = ListInfo(
    id="us-dhs-uflpa",
    title="UFLPA Entity List",
    authority="US Department of Homeland Security, Forced Labor Enforcement Task Force",
    jurisdiction="us",
    legal_basis="Uyghur Forced Labor Prevention Act (Pub. L. 117-78), sec. 2(d)(2)(B)",
    kind="sanction",
    url="https://www.dhs.gov/uflpa-entity-list",
)
IMPORTER = nsfreg.importer(INFO, "us-dhs-uflpa", "nsfreg_dhs_uflpa.json", "dhs_uflpa.json", "2026-07-09")
