"""A subsidiary registered abroad is another legal person (session 26, found by a new-user try on the shipped
fr-001 sample): the Entity List prints Huawei's foreign affiliates as their own entries, "Huawei Technologies (UK)
Co., Ltd.", "(Thailand) Co.", "(New Zealand) Company Limited" ...; dropping the bracketed country made each one
"the same organisation" as 1260H's Huawei Technologies Co., Ltd., so a document naming Huawei was linked at 1.0 to
thirteen entries of other firms. The shorter name still finds the entry; it no longer makes it the parent."""

from __future__ import annotations

import pytest

from mcfwatch.resolve.names import placed_outer
from mcfwatch.resolve.screen import screen

SUBSIDIARIES = [
    "Huawei Technologies (UK) Co., Ltd.",
    "Huawei Technologies (Thailand) Co.",
    "Huawei Technologies (New Zealand) Company Limited",
    "Huawei Technologies (Vietnam) Company Limited",
]


def test_the_parent_is_not_its_foreign_subsidiaries() -> None:
    hits = screen("Huawei Technologies Company").hits
    names = {h.entry_name for h in hits}
    assert "Huawei Technologies Co., Ltd." in names  # 1260H's and the Entity List's Huawei: still listed
    assert not names & set(SUBSIDIARIES), sorted(names & set(SUBSIDIARIES))


@pytest.mark.parametrize("name", SUBSIDIARIES)
def test_a_bracketed_country_says_where_the_body_is(name: str) -> None:
    assert placed_outer(name).startswith("Huawei Technologies ")
    assert "(" not in placed_outer(name)


@pytest.mark.parametrize("name", ["Beijing Institute of Technology (BIT)", "Huawei Technologies Co., Ltd.",
                                  "China Aerospace Science and Industry Corporation (CASIC)"])
def test_an_acronym_in_brackets_is_no_place(name: str) -> None:
    assert placed_outer(name) == ""


def test_a_bracketed_country_is_no_name_of_the_firm() -> None:
    """The lists' own country names say where, like "(Hong Kong)": "Thailand" is not a name of the firm."""
    from mcfwatch.resolve.names import variants_of

    assert "Thailand" not in variants_of("Huawei Technologies (Thailand)")
    assert "BIT" in variants_of("Beijing Institute of Technology (BIT)")
