"""Versions, diffs, as-of selection and the non-commercial switch, on the shipped lists."""

from __future__ import annotations

import pytest

from mcfwatch.errors import NotFoundError
from mcfwatch.lists import get_list, load_lists
from mcfwatch.lists.versions import diff, get_version, version_name, versions


def test_1260h_diff_between_editions() -> None:
    d = diff("us-dod-1260h", "2024-01-31", "2025-01-07")
    assert (len(d.added), len(d.removed)) == (75, 6)  # 73 - 6 + 75 = 142
    assert "Aisino Corporation" in {e.name for e in d.added}


def test_diff_defaults_to_previous_version() -> None:
    d = diff("us-ofac-nscmic")
    assert (d.old, d.new) == ("2021-06-03@nsfreg", "2025-12-19@ofac")
    assert len(d.added) == 9 and not d.removed  # 59 annex companies, 68 on the list by Dec 2021


@pytest.mark.parametrize(("as_of", "size"), [
    ("2021-07-01", 47), ("2023-01-01", 60), ("2024-06-30", 73), ("2025-06-30", 142 - 0), ("2026-07-01", 209),
])
def test_1260h_as_of_selects_the_edition_then(as_of: str, size: int) -> None:
    wl = get_list("us-dod-1260h", as_of=as_of)
    if as_of == "2025-06-30":
        assert wl.as_of == "2025-01-07" and len(wl.entries) == 142
    else:
        assert len(wl.entries) == size


def test_removal_notice_applies_between_editions() -> None:
    after_notice = get_list("us-dod-1260h", as_of="2026-03-01")
    assert after_notice.as_of == "2025-01-07"
    assert len(after_notice.entries) < 142  # rows ended 2026-02-17 are no longer active


def test_before_any_edition_nothing_is_listed() -> None:
    assert get_list("us-dod-1260h", as_of="2020-01-01").entries == []


def test_noncommercial_copies_can_be_excluded(monkeypatch: pytest.MonkeyPatch) -> None:
    default = {wl.id: wl for wl in load_lists()}
    assert default["us-dod-1260h"].copy == "opensanctions" and default["us-dod-1260h"].noncommercial
    public = {wl.id: wl for wl in load_lists(exclude_noncommercial=True)}
    assert not any(wl.noncommercial for wl in public.values())
    assert public["us-dod-1260h"].copy == "nsfreg" and len(public["us-dod-1260h"].entries) == 80
    assert "eu-sanctions-china" not in public
    monkeypatch.setenv("MCFWATCH_EXCLUDE_NONCOMMERCIAL", "1")
    assert {wl.id for wl in load_lists()} == set(public)


def test_public_domain_copy_preferred_on_the_same_date() -> None:
    assert get_version("us-dod-1286", "2025-01-01").copy == "nsfreg"
    assert version_name(get_version("us-dod-1286", "2025-01-01@opensanctions")) == "2025-01-01@opensanctions"
    assert [version_name(v) for v in versions("us-dod-1286")][-1] == "2026-07-01@opensanctions"


def test_unknown_list_and_version_give_one_line_errors() -> None:
    with pytest.raises(NotFoundError, match="no list 'nope'"):
        versions("nope")
    with pytest.raises(NotFoundError, match="no version '1999-01-01'"):
        get_version("us-dod-1260h", "1999-01-01")
