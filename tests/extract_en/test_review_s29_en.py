"""The English review of session 29 (/work/notes/review/en-extract.md), each finding on the review's own phrasing:
a plural trade noun that sinks is trade done (#1); a firm opening a sentence before "each"/"all"/"both" is no
command (#2); an "its" under an appositive ties two conjuncts (#3); "talks" the verb is no pending talks (#4); a
labelled name list is no page furniture (#5); a veto with no pair to judge rules nothing out (#7)."""

from __future__ import annotations

import pytest

from mcfwatch.extract.en.cleanup import furniture_ranges
from mcfwatch.model import Extraction


def rels(ex: Extraction) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in ex.entities}
    return {(r.type, names[r.source], names[r.target]) for r in ex.relations}


def test_a_labelled_list_or_a_sentence_is_no_menu() -> None:
    assert furniture_ranges("Entities added: Huawei · ZTE · Sugon · Hikvision") == []
    assert furniture_ranges("It makes gyroscopes · accelerometers · IMUs.") == []
    menu = "Home · Sanctions · Export controls · Subscribe"
    assert [menu[s:e] for s, e in furniture_ranges(menu)] == ["Home", "Sanctions", "Export controls", "Subscribe"]


@pytest.mark.slow
@pytest.mark.parametrize("text, source, target", [
    ("Sales of gyroscopes by Honeywell to Huawei collapsed after the 2019 listing.", "Honeywell", "Huawei"),
    ("Sales of accelerometers by Analog Devices to Huawei sank 40 percent in 2020.", "Analog Devices", "Huawei"),
])
def test_shrinking_sales_were_made(extract_text, text: str, source: str, target: str) -> None:
    assert ("export", source, target) in rels(extract_text(text))


@pytest.mark.slow
def test_collapsed_talks_still_stop_the_deal(extract_text) -> None:
    found = rels(extract_text("Talks on the takeover of Aixtron by Fujian Grand Chip collapsed in 2016."))
    assert not any(t == "ownership" for t, _, _ in found)


@pytest.mark.slow
def test_a_firm_before_each_or_all_is_no_command(extract_text) -> None:
    ex = extract_text("Boeing each year delivers jets to China Southern Airlines.")
    assert "Boeing" in {e.name for e in ex.entities}
    assert ("export", "Boeing", "China Southern Airlines") in rels(ex)
    ex = extract_text("Inspur sold servers to NUDT. Sugon each year sells servers to the PLA.")
    assert "Sugon" in {e.name for e in ex.entities}
    assert any(s == "Sugon" for _, s, _ in rels(ex))
    assert "Screen" not in {e.name for e in extract_text(
        "What to do. Screen every bill-to and ship-to name against the Entity List.").entities}


@pytest.mark.slow
def test_its_under_an_appositive_ties_the_conjuncts(extract_text) -> None:
    found = rels(extract_text("Huawei and HiSilicon, its chip-design subsidiary, were added to the Entity List "
                              "in 2019."))
    assert ("ownership", "Huawei", "HiSilicon") in found


@pytest.mark.slow
def test_talks_the_verb_is_no_pending_talks(extract_text) -> None:
    found = rels(extract_text("The dossier talks about how Huawei exported routers to the Iranian Ministry of "
                              "Defence."))
    assert ("export", "Huawei", "Iranian Ministry of Defence") in found


@pytest.mark.slow
def test_a_labelled_name_list_keeps_its_names(extract_text) -> None:
    names = {e.name for e in extract_text("Entities added: Huawei · ZTE · Sugon · Hikvision\n").entities}
    assert {"Huawei", "ZTE", "Sugon", "Hikvision"} <= names


def test_one_pass_finds_a_name_where_the_regex_does() -> None:
    """designators.product_items reads every occurrence of a product name in one pass over the text (#6)."""
    import re

    from mcfwatch.extract.en.designators import _Runs

    text = ("Intel sold Xeon Phi coprocessors to NUDT. Xeon Phi-2 is no product; Xeon Phi chips and Xeon  Phi "
            "boards, the Xeon-Phi line, Sunway processors and (Xeon Phi) were listed. Phi Xeon.")
    runs = _Runs(text)
    for name in ("Xeon Phi", "Xeon", "Phi", "Sunway", "Intel", "NUDT", "Nothing"):
        assert runs.starts(name) == [m.start() for m in re.finditer(rf"(?<![\w\-–]){re.escape(name)}(?![\w\-–])",
                                                                     text)], name
