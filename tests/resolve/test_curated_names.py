"""The name table (resolve/data/aliases.tsv) names one organisation a line; a line that misses a list's spelling makes
the matcher call that entry a different organisation (found in session 26 by screening a name the tests had not
used): the Entity List's "Dahua Technology" (its addresses: 1199 and 1187 Bin'an Road, Binjiang, Hangzhou, Zhejiang
Dahua's seat) and Section 889's and the FCC's "Dahua Technology Company" were capped at .3 as "Dahua vs Dahua
Technology" against 1260H's Zhejiang Dahua Technology Co., Ltd."""

from __future__ import annotations

import pytest

from mcfwatch.resolve.screen import screen


@pytest.mark.parametrize("query", ["Zhejiang Dahua Technology Co., Ltd.", "大华股份", "浙江大华技术股份有限公司"])
def test_dahua_reaches_every_list_that_names_it(query: str) -> None:
    lists = {h.list_id for h in screen(query).hits}
    assert {"us-dod-1260h", "us-bis-entity-list", "us-fcc-covered", "us-ndaa-procurement-bans"} <= lists, sorted(lists)
