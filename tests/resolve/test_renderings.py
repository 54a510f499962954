"""List renderings: a Chinese name reaches an entry that only publishes an English brand, through a pinyin
spelling another entry of the lists publishes beside that brand (resolve/renderings.py)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from mcfwatch.lists import load_lists
from mcfwatch.lists.model import ListEntry
from mcfwatch.resolve import screen
from mcfwatch.resolve.link import LINK_THRESHOLD, listings_for
from mcfwatch.resolve.renderings import RENDERING_CAP, Rendering, is_pinyin, learn, table
from mcfwatch.resolve.screen_parts import decode_part, encode_part, entry_part


@lru_cache(maxsize=1)
def _entries() -> dict[str, ListEntry]:
    return {e.id: e for wl in load_lists() for e in wl.entries}


def test_pinyin_spelling_of_a_name_is_learned_from_the_entity_list_entry() -> None:
    entry = _entries()["us-bis-entity-list:beijing-sensetime-technology-development-co-ltd"]
    learned = {(r.pinyin, r.brand) for r in learn(entry)}
    assert ("shangtang", "sensetime") in learned


def test_learning_keeps_places_fields_and_persons_out() -> None:
    entry = ListEntry("x:1", "x", "Hefei Kaishitong Semiconductor Co., Ltd.",
                      aliases=["Hefei Kingstone Semiconductor Co., Ltd.", "Shanghai Kaishitong Semiconductor Co., Ltd."])
    learned = {(r.pinyin, r.brand) for r in learn(entry)}
    assert ("kaishitong", "kingstone") in learned
    assert not any("hefei" in r.pinyin or "shanghai" in r.pinyin for r in learn(entry))  # places are no brands
    person = ListEntry("x:2", "x", "Li Xiaoming", schema="Person", aliases=["Lee Xiaoming"])
    assert learn(person) == []
    assert is_pinyin("shangtang") and not is_pinyin("bgi")


def test_two_aliases_of_one_entry_are_not_enough() -> None:
    """An entry's aliases are often two of its units: a pair seen only between two aliases needs a second entry
    that says it too (a pinyin name against a brand; two pinyin names teach nothing at all, see below)."""
    one = ListEntry("x:1", "x", "Hefei Quantum Computing",
                    aliases=["Hefei Benyuan Quantum Research", "Hefei Origin Quantum Research"])
    learned = learn(one)
    assert learned and all(r.aliases_only for r in learned)
    assert table(learned) == {}
    two = ListEntry("x:2", "x", "Benyuan Hefei Park", aliases=["Hefei Benyuan Quantum Research Park",
                                                                "Hefei Origin Quantum Research Park"])
    assert "benyuan" in table([*learned, *learn(two)])


def test_bgi_is_learned_from_two_entity_list_entries() -> None:
    rendered = table(r for e in _entries().values() for r in learn(e))
    evidence = {x[2] for x in rendered["huada"] if x[1] == "bgi"}
    assert len(evidence) >= 2  # Huada Judicial / BGI Judicial, Huada Jiutian / BGI Jiutian


def test_renderings_survive_the_screening_cache() -> None:
    entry = _entries()["us-bis-entity-list:beijing-sensetime-technology-development-co-ltd"]
    part = entry_part(entry)
    assert decode_part(encode_part(part)).renderings == part.renderings
    assert all(isinstance(r, Rendering) for r in part.renderings)


@pytest.mark.parametrize(
    ("query", "entry_id"),
    [
        ("商汤", "us-ofac-nscmic:sensetime-group-limited"),
        ("商汤集团", "us-dod-1260h:sensetime-group-inc"),
        ("华大基因", "us-dod-1260h:bgi-genomics-co-ltd"),
    ],
)
def test_chinese_name_reaches_an_entry_that_publishes_only_the_brand(query: str, entry_id: str) -> None:
    hits = {h.entry_id: h for h in screen(query).hits}
    assert entry_id in hits, sorted(hits)
    hit = hits[entry_id]
    assert hit.score == RENDERING_CAP and hit.match
    detail = hit.features["list_rendering"]["detail"]
    assert "us-bis-entity-list:" in detail and "publishes" in detail  # which list said what
    assert hit.query_name == query


@pytest.mark.parametrize("query", ["商汤餐饮", "华大半导体", "上海商汤智能科技有限公司"])
def test_a_rendering_must_name_the_entry_word_for_word(query: str) -> None:
    """A catering firm called 商汤 is not SenseTime; Huada Semiconductor is not BGI nor Empyrean."""
    assert not [h for h in screen(query).hits if "list_rendering" in h.features]


def test_a_rendering_is_a_screening_lead_never_a_graph_link() -> None:
    linked = {h.entry_id for h in listings_for(["商汤"], "Company", None, LINK_THRESHOLD)}
    assert "us-ofac-nscmic:sensetime-group-limited" not in linked


def test_weighted_rescoring_keeps_a_rendering_at_its_value() -> None:
    """The API's `weights` rescoring reads the features: a rendering hit must not come back as a 1.0 match."""
    from mcfwatch.api.scoring import rescore

    hits = [h for h in screen("商汤").hits if "list_rendering" in h.features]
    assert hits
    for h in hits:
        assert rescore(h.features, {"word_match": 1.0}) == pytest.approx(h.score)


def test_two_chinese_names_an_entry_lists_together_teach_no_rendering() -> None:
    """Review s25: an entry's aliases often name sister bodies (Beijing Changfeng / Xinfeng Machinery Factory, Beihang's
    Dongying / Taizhou institutes): pinyin against pinyin of as many syllables is two names, not a name and its brand."""
    from mcfwatch.resolve.renderings import syllable_count

    learned = {(r.pinyin, r.brand) for e in _entries().values() for r in learn(e)}
    assert ("changfeng", "xinfeng") not in learned and ("dongying", "taizhou") not in learned
    assert ("shangtang", "sensetime") in learned and ("huada", "bgi") in learned
    assert (syllable_count("shangtang"), syllable_count("sensetime"), syllable_count("bgi")) == (2, 4, 0)
