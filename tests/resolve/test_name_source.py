"""Review s29 (lists-resolve-doors #6, #10): a hit says where its matched name comes from, and a whole name the
names table holds is split into its words again before its pinyin pairs are keys."""

from __future__ import annotations

from mcfwatch.resolve import default_screener
from mcfwatch.resolve.index import _straddling, blocking_keys
from mcfwatch.resolve.names import glossary_segments, parse


def test_a_table_name_hit_says_the_list_never_printed_it() -> None:
    """The lists print Huawei in English only: 华为技术有限公司 reaches its entries through mcfwatch's name table,
    and the hit must say so, not pass the table's name off as the list's."""
    hits = [h for h in default_screener().screen("华为技术有限公司").hits if "huawei" in h.entry_id]
    assert hits
    for h in hits:
        printed = {n for n in [h.entry_name, *h.aliases, *h.names_zh]}
        assert h.matched_name == "华为技术有限公司" and h.matched_name not in printed
        assert h.matched_via == "name_table"
        assert h.to_dict()["matched_via"] == "name_table"


def test_a_name_the_entry_prints_is_the_lists() -> None:
    hits = default_screener().screen("Huawei Technologies Co., Ltd.").hits
    assert hits and all(h.matched_via == "list" for h in hits if "huawei" in h.entry_id)
    # a Chinese name the entry itself prints (the METI list gives 北京航空航天大学 in its entry)
    meti = [h for h in default_screener().screen("北京航空航天大学").hits if h.list_id == "jp-meti-eul"]
    assert meti and meti[0].matched_via == "list"


def test_a_whole_table_name_is_split_again_for_pinyin_pairs() -> None:
    """中国电子科技 is one piece of the names table (CETC); its pair 国电 straddles 中国|电子 and is the key of China
    Guodian, and 为技 straddles 华为|技术."""
    assert [p for p, _ in glossary_segments("中国电子科技")] == ["中国", "电子", "科技"]
    assert "guodian" not in blocking_keys(parse("中国电子科技集团公司第三十八研究所"))
    assert "guodian" not in blocking_keys(parse("中国电子科技集团公司"))
    assert "guodian" in blocking_keys(parse("中国国电集团公司"))  # the body whose key it is keeps it
    assert "国电" in _straddling(parse("中国电子科技集团公司").han)
    assert "为技" in _straddling("华为技术有限公司")


def test_an_entrys_published_numbers_are_read_once() -> None:
    """Review #11: the numbers of an entry's names are computed once per entry, not per scored candidate; the
    14th institute still is not the entry of another numbered institute."""
    from mcfwatch.resolve.screen import _published_numbers

    s = default_screener()
    query = "中国电子科技集团公司第十四研究所"
    s.screen(query)
    before = _published_numbers.cache_info()
    result = s.screen(query)
    after = _published_numbers.cache_info()
    assert after.misses == before.misses and after.hits > before.hits
    assert all("14" in h.entry_name or "14th" in h.entry_name.lower() or "十四" in h.entry_name
               for h in result.hits)


def test_the_doors_say_a_table_name_is_not_the_lists() -> None:
    """`screen` text and a partner file's matched_names column say when the matched name is mcfwatch's table's:
    the English-only Huawei entries never printed 华为技术有限公司."""
    from typer.testing import CliRunner

    from mcfwatch.cli.main import app
    from mcfwatch.resolve.batch import screen_rows

    (row,) = screen_rows([{"name": "华为技术有限公司"}]).rows
    assert "华为技术有限公司 (from mcfwatch name table" in row["matched_names"]
    result = CliRunner().invoke(app, ["screen", "华为技术有限公司", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"matched_via": "name_table"' in result.output
    (row,) = screen_rows([{"name": "Huawei Technologies Co., Ltd."}]).rows
    assert "from" not in row["matched_names"]
