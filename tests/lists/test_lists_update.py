"""`lists update` against a local HTTP server serving fixture files (no test touches the internet)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mcfwatch.lists import get_list
from mcfwatch.lists.loader import clear_cache
from mcfwatch.lists.update import update
from mcfwatch.lists.versions import diff, versions

FIXTURES = Path(__file__).parent / "fixtures" / "update"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(FIXTURES)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture()
def lists_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("MCFWATCH_LISTS_DIR", str(tmp_path))
    clear_cache()
    yield tmp_path
    clear_cache()


def test_update_writes_a_new_version_next_to_the_shipped_one(server: str, lists_dir: Path) -> None:
    [result] = update("us-bis-meu", url_base=server, date="2026-11-01")
    assert result.ok, result.message
    assert (lists_dir / "us-bis-meu" / "nsfreg" / "2026-11-01" / "meta.json").is_file()
    assert [(v.as_of, v.origin) for v in versions("us-bis-meu")] == [("2026-07-09", "shipped"), ("2026-11-01", "fetched")]
    assert len(get_list("us-bis-meu").entries) == 4
    assert len(get_list("us-bis-meu", as_of="2026-08-01").entries) == 70  # the shipped version then
    d = diff("us-bis-meu")
    assert [e.name for e in d.added] == ["Example Aerospace Institute (fixture)"]
    assert len(d.removed) == 67


def test_a_malformed_download_is_rejected_with_the_file_named(server: str, lists_dir: Path) -> None:
    [result] = update("us-dhs-uflpa", url_base=server, date="2026-11-01")
    assert not result.ok
    assert "nsfreg_dhs_uflpa.json" in result.message and "malformed JSON" in result.message
    assert "\n" not in result.message
    assert [v.origin for v in versions("us-dhs-uflpa")] == ["shipped"]


def test_offline_gives_one_line_per_list(lists_dir: Path) -> None:
    results = update("us-fcc-covered", url_base="http://127.0.0.1:9", date="2026-11-01", timeout=2)
    assert [r.ok for r in results] == [False]
    assert results[0].message.startswith("cannot fetch http://127.0.0.1:9/us-fcc-covered/nsfreg_fcc_covered.json")
    assert "offline" in results[0].message


def test_derived_copies_say_they_cannot_be_updated(lists_dir: Path) -> None:
    [result] = update("cn-seven-sons", url_base="http://127.0.0.1:9")
    assert not result.ok and "not updatable" in result.message
