"""The stored-name search finds a name given in the other language (resolve/namesearch.py): the usertry
session's misses ("Central Military Commission" for a store holding only 中央军事委员会, "Bombardier" for
庞巴迪公司), through blocking keys and the matcher, never a comparison with every stored name."""

from __future__ import annotations

import pytest

from mcfwatch.resolve import namesearch
from mcfwatch.resolve.namesearch import TRANSLATED, TRANSLATED_CANDIDATES, NameIndex

# names as the extraction stores them from the corpus's pool documents (国防法, 十九大 report, BIS releases)
STORED = [
    ("ent-cmc", "中央军事委员会"), ("ent-cmc", "中央军委"), ("ent-bombardier", "庞巴迪公司"),
    ("ent-bombardier-ca", "加拿大庞巴迪"), ("ent-council", "国务院"), ("ent-npc", "全国人民代表大会"),
    ("ent-pla", "中国人民解放军"), ("ent-comac", "中国商用飞机有限责任公司"), ("ent-central", "中央国家机关"),
    ("ent-bis", "Bureau of Industry and Security"), ("ent-ustc", "University of Science and Technology of China"),
    ("ent-boeing", "Boeing"), ("ent-mfa", "外交部"),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex.build(STORED)


@pytest.mark.parametrize(("query", "expected"), [
    ("Central Military Commission", "ent-cmc"),
    ("Bombardier", "ent-bombardier"),
    ("State Council", "ent-council"),
    ("People's Liberation Army", "ent-pla"),
    ("Ministry of Foreign Affairs", "ent-mfa"),
    ("美国工业与安全局", "ent-bis"),            # the Chinese name of an English stored name
    ("中国科学技术大学", "ent-ustc"),
])
def test_a_name_in_the_other_language_finds_the_stored_name(index: NameIndex, query: str, expected: str) -> None:
    found = index.lookup(query)
    assert found and found[0][0] == expected
    assert found[0][2] == TRANSLATED


@pytest.mark.parametrize("query", ["Airbus", "Military", "Commission", "Acme Widgets", "司法部", "Ministry of Commerce"])
def test_an_unrelated_name_finds_nothing(index: NameIndex, query: str) -> None:
    """One shared word (Military, Commission) is no translation; Airbus is no Bombardier."""
    assert index.lookup(query) == []


def test_a_name_the_keys_find_is_not_translated(index: NameIndex) -> None:
    """中央 begins two stored names: those are the answer, no matcher runs."""
    found = index.lookup("中央")
    assert {eid for eid, _, _ in found} == {"ent-cmc", "ent-central"}
    assert all(rank < TRANSLATED for _, _, rank in found)
    assert index.lookup("Central Military Commission", translated=False) == []


def test_the_matcher_compares_only_the_blocked_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a store of 600 names the query is compared with at most TRANSLATED_CANDIDATES per key set, never all."""
    many = [*STORED, *((f"ent-{i}", f"第{i}研究所") for i in range(300)),
            *((f"ent-en-{i}", f"Research Institute No. {i}") for i in range(300))]
    index = NameIndex.build(many)
    _, _, matcher = index._blocking()
    calls = []
    real = matcher.compare_parsed
    monkeypatch.setattr(matcher, "compare_parsed", lambda a, b: calls.append(b) or real(a, b))
    assert index.translated("Central Military Commission")[0][:2] == ("ent-cmc", "中央军事委员会")
    assert 0 < len(calls) <= 2 * TRANSLATED_CANDIDATES


def test_the_index_is_kept_per_store_generation() -> None:
    built = []
    def names() -> list[tuple[str, str]]:
        built.append(1)
        return STORED
    first = namesearch.name_index("sqlite:///test-namesearch", 1, names)
    assert first.lookup("Central Military Commission")[0][0] == "ent-cmc"
    assert namesearch.name_index("sqlite:///test-namesearch", 1, names) is first
    assert len(built) == 1


def test_the_same_name_on_two_entities_finds_both_and_a_firm_with_extra_words_is_another_firm() -> None:
    """review doors #7/#8: two unmerged entities carrying 庞巴迪公司 were found as one (the second never compared);
    'Boeing Capital Corporation' found 波音公司 (the glossary's Boeing, 'capital' left untranslated)."""
    from mcfwatch.resolve.namesearch import TRANSLATED, NameIndex

    index = NameIndex.build([("e1", "庞巴迪公司"), ("e2", "庞巴迪公司"), ("e3", "波音公司"), ("e4", "中央军事委员会")])
    assert index.lookup("Bombardier") == [("e1", "庞巴迪公司", TRANSLATED), ("e2", "庞巴迪公司", TRANSLATED)]
    assert index.lookup("Boeing Capital Corporation") == []
    assert index.lookup("The Boeing Company") == [("e3", "波音公司", TRANSLATED)]
    assert index.lookup("Central Military Commission") == [("e4", "中央军事委员会", TRANSLATED)]


def test_the_cross_language_index_is_built_outside_the_lock_and_the_name_table_loaded_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """review doors #9: every store generation rebuilt the blocked index (and loaded the name table) under the
    module lock that every request's name_index takes, so one web search's miss stalled all the others."""
    from mcfwatch.resolve import namesearch
    from mcfwatch.resolve.knowledge import Knowledge

    loads: list[bool] = []
    real = Knowledge.from_sources.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Knowledge], entries: object = (), table: bool = True) -> Knowledge:
        loads.append(namesearch._lock.locked())
        return real(cls, entries, table)  # type: ignore[no-any-return]

    monkeypatch.setattr(Knowledge, "from_sources", classmethod(counted))
    namesearch._knowledge.cache_clear()
    for generation in range(2):  # two store generations, each its own index
        index = namesearch.NameIndex.build([("e1", "空中客车公司"), (f"e{generation + 2}", "庞巴迪公司")])
        assert [eid for eid, _, _ in index.lookup("Airbus")] == ["e1"]
    assert loads == [False]  # loaded once, and not under the lock
    namesearch._knowledge.cache_clear()
