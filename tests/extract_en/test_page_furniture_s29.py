"""Page furniture and instructions are no names (usertry session 28, a compliance desk's case note saved from the
web: "Cookie" was a person, "Screen" a firm). A line of short items set apart by " · " is a site's menu, footer
or cookie banner (cleanup.furniture_ranges); a capitalised word that opens a sentence and takes "every"/"the"/
"your" is a command (cleanup.command_verb)."""

from __future__ import annotations

import pytest

from mcfwatch.extract.en.cleanup import furniture_ranges
from mcfwatch.model import Extraction

NOTE = ("Home · Sanctions · Export controls · Subscribe\n"
        "Case note: design tools for a defence university\n\n"
        "Cadence Design Systems, Inc. pleaded guilty to exporting design tools to the National University of "
        "Defense Technology.\n\n"
        "What to do. Screen every bill-to and ship-to name against the Entity List. Check the end user.\n\n"
        "© Compliance Desk. Cookie settings · Privacy · Imprint\n")


def names(ex: Extraction) -> dict[str, str]:
    return {e.name: e.type for e in ex.entities}


def test_the_short_items_of_a_menu_line_and_only_they() -> None:
    pieces = [NOTE[s:e] for s, e in furniture_ranges(NOTE)]
    assert pieces == ["Home", "Sanctions", "Export controls", "Subscribe", "Cookie settings", "Privacy", "Imprint"]
    joined = "Home · Huawei · ZTE · Subscribe Case note: Cadence pleads guilty"  # a reader joined menu and heading
    assert [joined[s:e] for s, e in furniture_ranges(joined)] == ["Home", "Huawei", "ZTE", "Subscribe Case note"]
    assert furniture_ranges("Daniel Moreau · Chair Professor at SUSTech") == []  # one separator: a byline
    assert furniture_ranges("| Huawei | Shenzhen | 2019 |") == []  # the cells of a table row are text


@pytest.mark.slow
def test_no_name_from_page_furniture_or_a_command(extract_text) -> None:
    found = names(extract_text(NOTE))
    assert "Cookie" not in found and "Screen" not in found
    assert found.get("Cadence Design Systems, Inc.") == "Company"
    # a firm that opens a sentence with a time word keeps its name
    found = names(extract_text("Siemens this week said it would supply turbines to Shanghai Electric."))
    assert found.get("Siemens") == "Company"
