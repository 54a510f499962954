"""Monitoring across a list update: a research office watches its partners, then `mcfwatch lists update` fetches a
new edition of ASPI's China Defence Universities Tracker (served here from a local copy of the shipped MISP file
with one university added and one removed). `changes` must name the partner added and the partner removed, and
nothing for a partner the new edition still lists on the same entry.

Before (s29 user try, 80 partners): 38 partners were reported as changed, every listed one, with "listing
aspi-unitracker: version 2020-08-22 -> 2026-12-01" and a finding "removed" and "added" that differed only by the
version date it quotes; the two real changes were lost among them."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mcfwatch.analyse.exposure import Analyst
from mcfwatch.analyse.watch import changes, store_baseline
from mcfwatch.lists import aspi_unitracker
from mcfwatch.lists.loader import clear_cache
from mcfwatch.lists.update import update
from mcfwatch.store import Store

SHIPPED = Path(aspi_unitracker.__file__).parent / "data" / "aspi-defence-universities" / aspi_unitracker.MISP_FILE
PARTNERS = ["Beijing Jiaotong University", "Tianjin University", "Beijing Institute of Technology", "Delft University of Technology"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture()
def new_edition(tmp_path: Path) -> Iterator[str]:
    """A mirror serving the tracker with Tianjin University taken out and Beijing Jiaotong University put in."""
    galaxy = json.loads(SHIPPED.read_text(encoding="utf-8"))
    values = [v for v in galaxy["values"] if v["value"] != "Tianjin University (天津大学)"]
    assert len(values) == len(galaxy["values"]) - 1
    added = json.loads(json.dumps(next(v for v in values if v["value"].startswith("Xidian University"))))
    added.update(value="Beijing Jiaotong University (北京交通大学)", uuid="00000000-0000-4000-8000-000000000001",
                 description="Test edition: added.")
    added["meta"]["aliases"] = ["北京交通大学", "BJTU"]
    galaxy["values"] = [*values, added]
    folder = tmp_path / "mirror" / "aspi-unitracker"
    folder.mkdir(parents=True)
    (folder / aspi_unitracker.MISP_FILE).write_text(json.dumps(galaxy, ensure_ascii=False), encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path / "mirror")))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture()
def lists_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "lists"
    monkeypatch.setenv("MCFWATCH_LISTS_DIR", str(folder))
    clear_cache()
    yield folder
    clear_cache()


def test_a_list_update_reports_the_partners_it_added_and_removed_and_no_other(
        seed_store: Store, new_edition: str, lists_dir: Path) -> None:
    before = store_baseline(seed_store, Analyst(seed_store), PARTNERS)
    assert before["Beijing Jiaotong University"] == "unknown" and before["Beijing Institute of Technology"] == "very high"
    [result] = update("aspi-unitracker", url_base=new_edition, date="2026-12-01")
    assert result.ok, result.message
    clear_cache()
    found = {c.partner: c for c in changes(seed_store, Analyst(seed_store)) if c.any}
    assert set(found) == {"Beijing Jiaotong University", "Tianjin University"}, {k: v.to_dict() for k, v in found.items()}
    bjtu = found["Beijing Jiaotong University"]
    assert bjtu.level == ("unknown", "very high")
    assert "listing aspi-unitracker (version 2026-12-01)" in bjtu.new
    tju = found["Tianjin University"]
    assert "listing aspi-unitracker (version 2020-08-22)" in tju.removed
    assert any(x.startswith("finding aspi_rating:") and "Tianjin University" in x for x in tju.removed)
    assert not tju.new and not tju.changed


@pytest.mark.parametrize(("before", "after"), [("2020-08-22", "2026-12-01T06:00:00"),
                                               ("2025-11-03", "Q4-2026"),
                                               ("2025-01-01@nsfreg", "2026-12-01T06:00:00Z@nsfreg")])
def test_a_new_edition_with_a_time_stamp_or_a_label_is_no_new_finding(before: str, after: str) -> None:
    """Review s29 #8: only "version YYYY-MM-DD" was taken out of a finding's key, so a list whose version has a
    time part or is a user list's own label reported every finding again as removed and added."""
    from mcfwatch.analyse.watch import compare

    def state(version: str, level: str = "high") -> dict[str, object]:
        text = (f"Beijing Institute of Technology is on China Defence Universities Tracker (Australian Strategic "
                f"Policy Institute, version {version}; legal basis: none).")
        return {"level": "high", "rules_version": "1", "findings": {f"R-ASPI: {text}": level}, "paths": [],
                "lists": {"aspi-unitracker": version}, "entries": {"aspi-unitracker": ["bit"]}}

    ch = compare("Beijing Institute of Technology", state(before), state(after))
    assert not ch.any, ch.to_dict()
    ch = compare("Beijing Institute of Technology", state(before), state(after, "medium"))  # guard: a real change
    assert ch.changed and not ch.new and not ch.removed
