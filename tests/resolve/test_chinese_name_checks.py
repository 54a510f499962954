"""A Chinese query is checked against the Chinese names an entry's organisation publishes, and an acronym read
from a Chinese name never stands for a longer English name (real names from the training corpora)."""

from __future__ import annotations

import pytest

from mcfwatch.api.scoring import rescore
from mcfwatch.resolve import compare, default_screener, screen

NUDT = "national-university-of-defense-technology"


def test_changsha_university_of_science_and_technology_is_not_nudt() -> None:
    """长沙理工大学 reads "Changsha Institute of Technology", NUDT's former English name; NUDT publishes 国防科技大学
    and the like, none of which is like 长沙理工大学: at most a capped lead, never a hit."""
    result = default_screener().screen("长沙理工大学", cutoff=0.3)
    assert not [h for h in result.hits if NUDT in h.entry_id]
    capped = [h for h in result.near if NUDT in h.entry_id]
    for h in capped:
        assert "chinese_name_differs" in h.features and h.score <= 0.6
        assert rescore(h.features, {"word_match": 1.0}) == pytest.approx(h.score)


@pytest.mark.parametrize("query", ["北京理工大学", "国防科技大学", "西北工业大学"])
def test_a_chinese_name_the_entry_publishes_still_matches(query: str) -> None:
    hits = screen(query).hits
    assert hits and hits[0].score == 1.0
    assert not any("chinese_name_differs" in h.features for h in hits)


def test_an_acronym_read_from_a_chinese_name_does_not_stand_for_a_longer_name() -> None:
    """CC-CEDICT gives 国家留学基金管理委员会 as CSC (China Scholarship Council): not "Sinotrans & CSC Holdings"."""
    assert compare("国家留学基金管理委员会", "Sinotrans & CSC Holdings Co., Ltd.").score < 0.7
    assert compare("国家留学基金管理委员会", "China Scholarship Council").score >= 0.7
    assert not [h for h in screen("国家留学基金管理委员会").hits if "sinotrans" in h.entry_id]
