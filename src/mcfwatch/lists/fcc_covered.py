"""FCC Covered List (Secure and Trusted Communications Networks Act, sec. 2).

Two copies are shipped: the public-domain nsfreg extraction (15 entity rows, named companies) is
the one imported; the OpenSanctions copy of the FCC table (CC BY-NC, 16 rows of equipment
descriptions without separate names) is kept for reference only.
"""

from __future__ import annotations

from mcfwatch.lists import nsfreg
from mcfwatch.lists.spec import ListInfo

INFO = ListInfo(
    id="us-fcc-covered",
    title="Covered List (equipment and services)",
    authority="US Federal Communications Commission",
    jurisdiction="us",
    legal_basis="Secure and Trusted Communications Networks Act of 2019, sec. 2 (47 U.S.C. 1601)",
    kind="sanction",
    url="https://www.fcc.gov/supplychain/coveredlist",
)
IMPORTER = nsfreg.importer(
    INFO, "us-fcc-covered-list", "nsfreg_fcc_covered.json", "fcc_covered.json", "2026-07-09",
    note="Public-domain copy preferred over the CC BY-NC OpenSanctions table (which carries descriptions only).",
)
