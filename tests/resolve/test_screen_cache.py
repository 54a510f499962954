"""The screening cache: a screener read from it screens exactly as one built without it, on the shipped lists;
a new list version re-parses that list only; bad or foreign cache files are ignored with one warning line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from mcfwatch.lists import load_lists
from mcfwatch.lists.model import WatchList
from mcfwatch.resolve.screen import Screener, stored_screener
from mcfwatch.resolve.screen_cache import ScreenCache, cache_root, default_cache

# The seed's partners, Chinese names, pinyin, acronyms, aliases, a person and unlisted names.
QUERIES = [
    "Lizhong Group", "UK MQP Limited", "Brunel University", "HT&L Fitting", "Benvolant Artificial Intelligence Company",
    "西北工业大学", "西北工業大學", "华为", "哈尔滨工业大学", "中国航天科工集团有限公司", "国防科技大学",
    "Xibei Gongye Daxue", "Haerbin Gongye Daxue", "Huawei", "NWPU", "HIT", "CASIC", "BUAA", "NUDT",
    "Northwestern Polytechnic University", "Nanjing University", "Cork County", "University of Oxford",
]


@pytest.fixture(scope="module")
def lists() -> list[WatchList]:
    return load_lists()


@pytest.fixture(scope="module")
def plain(lists: list[WatchList]) -> Screener:
    return Screener(lists, cache=None)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ScreenCache:
    return ScreenCache(tmp_path_factory.mktemp("screen-cache"))


@pytest.fixture(scope="module")
def reopened(store: ScreenCache, plain: Screener) -> Screener:
    stored_screener(store)          # builds the parts and the index
    return stored_screener(store)   # reads them back (lazily)


def _results(s: Screener, queries: list[str]) -> list[dict[str, object]]:
    out = []
    for q in queries:
        r = s.screen(q, cutoff=0.5)
        out.append({**r.to_dict(), "near": [h.to_dict() for h in r.near]})
        out.append(s.screen(q, country="gb", threshold=0.6).to_dict())
    return out


def test_reopened_screener_reads_the_index_file(reopened: Screener) -> None:
    assert type(reopened.index.postings).__name__ == "LazyMap"  # not rebuilt: read from the file


def test_cached_screening_equals_uncached_on_real_names(plain: Screener, reopened: Screener,
                                                        lists: list[WatchList]) -> None:
    listed = [e.name for wl in lists for e in wl.entries[::97]] + [a for wl in lists for e in wl.entries[::211]
                                                                  for a in e.aliases[:1] + e.names_zh[:1]]
    queries = QUERIES + listed
    assert len(queries) > 100
    expected = _results(plain, queries)
    assert sum(bool(r["hits"]) for r in expected) > 80
    assert _results(reopened, queries) == expected


def test_cached_index_equals_uncached_index(plain: Screener, reopened: Screener) -> None:
    assert [n.name for n in reopened.index.names] == [n.name for n in plain.index.names]
    assert dict(reopened.index.postings) == dict(plain.index.postings)
    assert dict(reopened.index.vocabulary.df) == dict(plain.index.vocabulary.df)
    assert reopened.index.vocabulary.n == plain.index.vocabulary.n
    assert {k: dict(v) for k, v in reopened.matcher.knowledge.tables().items()} == {
        k: dict(v) for k, v in plain.matcher.knowledge.tables().items()}
    assert list(reopened.primary_keys) == list(plain.primary_keys)
    assert dict(reopened.members) == dict(plain.members)
    assert [(wl.id, e) for wl, e in reopened.entries] == [(wl.id, e) for wl, e in plain.entries]
    assert [list(wl.entries) for wl in reopened.lists] == [wl.entries for wl in plain.lists]
    assert reopened.list_versions() == plain.list_versions()


def test_screener_read_whole_equals_uncached_and_asks_the_file_no_key(
        store: ScreenCache, plain: Screener, lists: list[WatchList], reopened: Screener) -> None:
    """A server reads the index whole (api/listings.py): same answers, and the file is never asked again (a key
    the lists lack is answered from memory)."""
    whole = stored_screener(store)
    whole.read_whole()
    assert whole.opened is not None and all(table.complete for table in whole.opened.maps)
    assert all(len(rows.memo) == len(rows) for rows in whole.opened.rows)
    asked: list[str] = []
    rows = whole.opened.db.rows
    whole.opened.db.rows = lambda sql, args=(): asked.append(sql) or rows(sql, args)  # type: ignore[method-assign]
    listed = [e.name for wl in lists for e in wl.entries[::151]] + [a for wl in lists for e in wl.entries[::307]
                                                                   for a in e.aliases[:1] + e.names_zh[:1]]
    queries = QUERIES + listed + ["Kharkiv Aviation Institute", "深圳市大疆创新科技有限公司", "Zzyzx Holdings"]
    assert _results(whole, queries) == _results(plain, queries)
    assert asked == []


def test_threads_screening_at_once_equal_one_thread(store: ScreenCache, plain: Screener,
                                                    reopened: Screener) -> None:
    """Each thread reads the index file through its own connection: 8 threads at once, the same answers."""
    from concurrent.futures import ThreadPoolExecutor

    fresh = stored_screener(store)  # nothing read yet: every thread asks the file
    queries = QUERIES * 3
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda q: fresh.screen(q, cutoff=0.5).to_dict(), queries))
    assert got == [plain.screen(q, cutoff=0.5).to_dict() for q in queries]


def test_any_screener_over_the_same_lists_reads_the_index(store: ScreenCache, plain: Screener,
                                                          lists: list[WatchList], reopened: Screener) -> None:
    again = Screener(lists, cache=store)  # as the graph builds one: found by the lists' contents
    assert type(again.index.postings).__name__ == "LazyMap" and again.entries == plain.entries
    assert _results(again, QUERIES) == _results(plain, QUERIES)


def test_screener_from_parts_equals_uncached(store: ScreenCache, plain: Screener, lists: list[WatchList],
                                             reopened: Screener) -> None:
    for index in store.folder.glob("index-*.sqlite"):
        index.unlink()
    from_parts = Screener(lists, cache=store)  # every list's parts read from its file, the index stored again
    assert type(from_parts.index.postings).__name__ != "LazyMap"
    assert _results(from_parts, QUERIES) == _results(plain, QUERIES)
    assert len(list(store.folder.glob("index-*.sqlite"))) == 1


def test_a_new_list_version_reparses_that_list_only(store: ScreenCache, lists: list[WatchList],
                                                    reopened: Screener) -> None:
    parts = {p: p.stat().st_ino for p in store.folder.glob("part-*.json")}
    assert len(parts) == len(lists)
    i = next(i for i, wl in enumerate(lists) if wl.id == "us-dod-1260h")
    wl = lists[i]
    first = replace(wl.entries[0], aliases=[*wl.entries[0].aliases, "Quixotic Orbital Foundry"])
    changed = [*lists[:i], replace(wl, entries=[first, *wl.entries[1:]]), *lists[i + 1:]]
    s = Screener(changed, cache=store)
    assert [h.entry_id for h in s.screen("Quixotic Orbital Foundry").hits] == [first.id]
    after = {p: p.stat().st_ino for p in store.folder.glob("part-*.json")}
    assert len(after) == len(parts) + 1                       # one new part file ...
    assert all(after[p] == ino for p, ino in parts.items())   # ... and no other rewritten


def _one_warning(err: str, path: Path) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("warning: ") and str(path) in lines[0], err
    assert "Traceback" not in err


@pytest.mark.parametrize("damage", ["garbage", "truncated", "foreign", "empty"])
def test_a_damaged_index_file_is_ignored_and_rebuilt(damage: str, plain: Screener, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    store = ScreenCache(tmp_path)
    store.save_index("k1", plain)
    path = store.folder / "index-k1.sqlite"
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"not a database " * 100)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif damage == "foreign":
        path.unlink()
        import sqlite3

        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE meta(k, v)")
            conn.execute("INSERT INTO meta VALUES ('key', 'k1')")
    else:
        path.write_bytes(b"")
    assert store.open_index("k1") is None
    _one_warning(capsys.readouterr().err, path)
    assert not path.exists()
    store.save_index("k1", plain)  # rebuilt in place
    opened = store.open_index("k1")
    assert opened is not None and capsys.readouterr().err == ""
    assert Screener.from_index(opened, None).screen("NWPU").to_dict() == plain.screen("NWPU").to_dict()


def test_an_index_of_other_lists_or_code_is_not_used(plain: Screener, tmp_path: Path) -> None:
    store = ScreenCache(tmp_path)
    store.save_index("k1", plain)
    (store.folder / "index-k1.sqlite").rename(store.folder / "index-k2.sqlite")
    assert store.open_index("k2") is None  # its own key says k1


@pytest.mark.parametrize("content", [b"{not json", b'{"format": "other", "kind": "parts", "key": "x", "data": []}',
                                     b"[1, 2, 3]", b'{"format": "mcfwatch-screen-cache/1", "kind": "parts"}'])
def test_a_bad_part_file_is_ignored_and_rebuilt(content: bytes, lists: list[WatchList], tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    wl = next(wl for wl in lists if wl.id == "us-dod-1260h")
    store = ScreenCache(tmp_path)
    good = store.fragment(wl)
    (path,) = store.folder.glob("part-*.json")
    path.write_bytes(content)
    assert store.fragment(wl) == good
    _one_warning(capsys.readouterr().err, path)
    assert store.fragment(wl) == good and capsys.readouterr().err == ""  # the rebuilt file is read


def test_damage_while_open_is_a_one_line_error(plain: Screener, tmp_path: Path) -> None:
    from mcfwatch.errors import McfwatchError

    store = ScreenCache(tmp_path)
    store.save_index("k1", plain)
    opened = store.open_index("k1")
    assert opened is not None
    path = store.folder / "index-k1.sqlite"
    with path.open("r+b") as fh:  # in place, under the open reader
        fh.write(b"\0" * path.stat().st_size)
    with pytest.raises(McfwatchError, match="screening cache damaged") as err:
        Screener.from_index(opened, None).screen("Huawei")
    assert "\n" not in str(err.value) and not path.exists()


def test_an_unwritable_cache_warns_once_and_screens(lists: list[WatchList], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    store = ScreenCache(blocker)
    small = [wl for wl in lists if wl.id in ("us-dod-1260h", "us-fcc-covered")]
    s = Screener(small, cache=store)
    store.save_index("k", s)
    err = capsys.readouterr().err
    assert err.count("warning: cannot write the screening cache") == 1 and "Traceback" not in err
    assert s.screen("Huawei").to_dict() == Screener(small, cache=None).screen("Huawei").to_dict()


def test_cache_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MCFWATCH_CACHE_DIR", "off")
    assert default_cache() is None
    monkeypatch.setenv("MCFWATCH_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_root() == tmp_path / "mcfwatch"
    monkeypatch.setenv("MCFWATCH_CACHE_DIR", str(tmp_path / "c"))
    store = default_cache()
    assert store is not None and store.folder == tmp_path / "c" / "screen"


WRITER = textwrap.dedent("""
    import sys
    from mcfwatch.lists import load_lists
    from mcfwatch.resolve.screen import Screener
    from mcfwatch.resolve.screen_cache import ScreenCache
    store = ScreenCache(__import__("pathlib").Path(sys.argv[1]))
    small = [wl for wl in load_lists() if wl.id in ("us-dod-1260h", "us-fcc-covered", "us-dhs-uflpa")]
    for _ in range(4):
        for path in store.folder.glob("part-*.json"):
            path.unlink(missing_ok=True)
        store.save_index("shared", Screener(small, cache=store))
""")


def test_two_processes_writing_at_once_leave_a_sound_cache(lists: list[WatchList], tmp_path: Path) -> None:
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0] and errors == ["", ""], errors
    store = ScreenCache(tmp_path)
    opened = store.open_index("shared")
    assert opened is not None
    small = [wl for wl in lists if wl.id in ("us-dod-1260h", "us-fcc-covered", "us-dhs-uflpa")]
    expected = Screener(small, cache=None)
    for q in ("Huawei", "DJI", "Hikvision", "中国移动"):
        assert Screener.from_index(opened, None).screen(q).to_dict() == expected.screen(q).to_dict()
    assert not [p for p in store.folder.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_the_cli_screens_from_the_cache(store: ScreenCache, plain: Screener, reopened: Screener) -> None:
    env = {**os.environ, "MCFWATCH_CACHE_DIR": str(store.root)}
    cmd = [sys.executable, "-m", "mcfwatch.cli.main", "screen", "NWPU", "--format", "json"]
    before = set(store.folder.iterdir())
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=True)
    assert run.stderr == "" and set(store.folder.iterdir()) == before  # read, nothing rebuilt
    assert json.loads(run.stdout) == json.loads(json.dumps(plain.screen("NWPU").to_dict()))


def test_an_error_that_is_not_damage_keeps_the_file(plain: Screener, tmp_path: Path) -> None:
    """A failed query must not delete the index, and a file removed under a live reader (pruned by a run over
    other lists, replaced by another process) is still read by that process's new threads: a long-lived server
    lost its index this way in the full suite (every later request failed 'unable to open database file')."""
    import threading

    from mcfwatch.errors import McfwatchError

    store = ScreenCache(tmp_path)
    store.save_index("k1", plain)
    opened = store.open_index("k1")
    assert opened is not None
    path = store.folder / "index-k1.sqlite"
    with pytest.raises(McfwatchError, match="screening cache unreadable"):
        opened.db.rows("SELECT nothing FROM no_such_table")
    assert path.exists()
    path.unlink()  # removed under the open reader
    answers: list[object] = []

    def screen() -> None:  # a new thread opens a new connection
        try:
            answers.append(Screener.from_index(opened, None).screen("Huawei").to_dict())
        except McfwatchError as exc:
            answers.append(exc)

    threads = [threading.Thread(target=screen) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [plain.screen("Huawei").to_dict()] * 4
