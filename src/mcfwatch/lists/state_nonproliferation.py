"""US State Department nonproliferation sanctions (master list, all countries)."""

from __future__ import annotations

from mcfwatch.lists import nsfreg
from mcfwatch.lists.spec import ListInfo

INFO = ListInfo(
    id="us-state-nonproliferation",
    title="Nonproliferation sanctions",
    authority="US Department of State, Bureau of International Security and Nonproliferation",
    jurisdiction="us",
    legal_basis="INKSNA, EO 12938, CBW Act, AECA/EAA missile sanctions and other nonproliferation statutes",
    kind="sanction",
    url="https://www.state.gov/bureau-of-international-security-and-nonproliferation/nonproliferation-sanctions",
)
IMPORTER = nsfreg.importer(
    INFO, "us-state-nonproliferation", "nsfreg_state_nonproliferation.json", "state_nonproliferation.json",
    "2025-05-01", note="From State's May-2025-Updated-Master-Sanctions.pdf.",
)
