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
    "Huawei Technologies (Yangon) Co., Ltd.",  # a city where a registered name puts it (review s26 item 6)
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


@pytest.mark.parametrize(("name", "outer"), [
    # a country's code in capitals, as the Entity List prints Hong Kong firms (review s26 item 6: only "UK" was)
    ("Kaili Industrial (HK) Limited", "Kaili Industrial Limited"),
    ("Kaili Industrial (H.K.) Limited", "Kaili Industrial Limited"),
    ("China Unicom (BVI) Co., Ltd.", "China Unicom Co., Ltd."),
    ("Shanghai Fudan Microelectronics (HK) Co., Ltd.", "Shanghai Fudan Microelectronics Co., Ltd."),
    ("Huawei Technologies (DE) GmbH", "Huawei Technologies GmbH"),
    # a place where a registered name puts it: brand (place) business legal form
    ("Huawei Technologies (Deutschland) GmbH", "Huawei Technologies GmbH"),
    ("Cambricon (Kunshan) Information Technology Co., Ltd.", "Cambricon Information Technology Co., Ltd."),
    ("Hoshine Silicon Industry (Shanshan) Co., Ltd.", "Hoshine Silicon Industry Co., Ltd."),
    ("BGI Tech Solutions (Hongkong) Co., Ltd.", "BGI Tech Solutions Co., Ltd."),
])
def test_a_bracketed_code_or_registered_place_says_where_the_body_is(name: str, outer: str) -> None:
    assert placed_outer(name) == outer


@pytest.mark.parametrize("name", [
    "Changhe Aircraft Industries (Group) Co., Ltd.", "AMC Group (Pty) Ltd", "Allied Business Concerns (Pvt) Ltd.",
    "Korea Rungrado (General) Trading Co.", "Dawning Information Industry Co., Ltd. (Sugon)",
    "China Purchasing Group (Chbay) Lingtong International Supply Chain Management Company Limited",
    # a country's code is an acronym where no legal form follows: a person, an armed group
    "GE SONG TAO (GE)", "Khata'ib Hezbollah (KH)", "Sergei (Sergi) Ivanovich Tomchani",
])
def test_a_kind_a_legal_form_a_brand_or_an_acronym_in_brackets_is_no_place(name: str) -> None:
    assert placed_outer(name) == ""


def test_a_bracketed_city_keeps_the_affiliate_out_of_the_parent() -> None:
    """The Entity List's "Huawei Technologies (Yangon) Co., Ltd." is not, by its name, the curated table's Huawei."""
    from mcfwatch.resolve.screen import default_screener

    knowledge = default_screener().matcher.knowledge
    yangon = knowledge.cluster_of("us-bis-entity-list:huawei-technologies-yangon-co-ltd")
    assert yangon != knowledge.cluster_of("us-dod-1260h:huawei-technologies-co-ltd")


@pytest.mark.parametrize(("left", "right"), [
    # pairs of two Entity List / 1260H entries that a name less its bracketed place had matched (0.8-1.0 before)
    ("Jadeshine", "Jadeshine Engineering (HK) Co."),
    ("Inspur Electronic Information Industry Co., Ltd.", "Inspur Electronic Information (Hong Kong) Co., Ltd."),
    ("Semiconductor Manufacturing International Corporation", "SMIC Semiconductor Manufacturing (Shanghai) Co., Ltd"),
    ("COSCO SHIPPING (North America) Inc.", "China COSCO SHIPPING Corporation Limited"),
])
def test_a_name_less_its_place_does_not_make_two_entries_one(left: str, right: str) -> None:
    from mcfwatch.resolve.matcher import default_matcher

    c = default_matcher().compare(left, right)
    assert c.score < 0.7, (c.score, sorted(c.features))


def test_an_acronym_still_spells_the_name_less_its_place() -> None:
    from mcfwatch.resolve.matcher import default_matcher

    assert default_matcher().compare("AOE", "Associated Opto-electronics (Chongqing) Co., Ltd.").score >= 0.7
