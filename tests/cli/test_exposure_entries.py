"""`mcfwatch exposure` (text) names the watchlist entries that make a path's far end listed (session 27 user try).

A research-security officer traced Queen Mary University of London, which runs a joint engineering school with
Northwestern Polytechnical University (public fact; a due-diligence note's sentence). The text output said the
path was "rated very high" but never which list entry: the entry is that flag's evidence (README: every flag
points to its evidence, the watchlist entry and its version). `--format json` had it under path_nodes.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mcfwatch.cli.main import app

runner = CliRunner()
NOTE = ("Due-diligence note: Queen Mary University of London\n\n"
        "Queen Mary University of London runs a joint engineering school with Northwestern Polytechnical "
        "University in Xi'an, China.\n")
BIS = "us-bis-entity-list:northwestern-polytechnical-university"


def test_exposure_text_names_each_entry_of_a_listed_node_on_the_path(tmp_path: Path) -> None:
    note = tmp_path / "qmul.txt"
    note.write_text(NOTE, encoding="utf-8")
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(note), "--db", db]).exit_code == 0
    partner = "Queen Mary University of London"

    def text_and_json() -> tuple[str, list[str]]:
        out = runner.invoke(app, ["exposure", partner, "--db", db])
        assert out.exit_code == 0, out.output
        data = json.loads(runner.invoke(app, ["exposure", partner, "--db", db, "--format", "json"]).stdout)
        entries = [x["entry_id"] for n in data["path_nodes"] if n["name"] != partner for x in n["listings"]]
        return out.stdout, entries

    text, entries = text_and_json()
    assert BIS in entries
    assert "listed on these paths:" in text
    line = next(ln for ln in text.splitlines() if f"[{BIS}]" in ln)
    assert line.strip().startswith("Northwestern Polytechnical University: on Entity List"), line
    assert "version " in line and "“Northwestern Polytechnical University”" in line
    assert all(f"[{e}]" in text for e in entries)  # every entry JSON gives, the text gives

    nwpu = next(n["id"] for n in json.loads(runner.invoke(app, ["exposure", partner, "--db", db, "--format", "json"])
                                            .stdout)["path_nodes"] if n["name"] != partner)
    assert runner.invoke(app, ["decide", "listing", f"{nwpu}|{BIS}", "reject", "--db", db]).exit_code == 0
    text, entries = text_and_json()
    assert BIS not in entries and f"[{BIS}]" not in text  # an analyst's rejection holds in the text door too
    assert all(f"[{e}]" in text for e in entries)


def test_a_listing_line_reads_the_old_key_names_as_the_new() -> None:
    """Review s27 doors #11: listing_line read the pre-session-27 keys by hand; it maps them through OLD_NAMES."""
    from mcfwatch.cli.analysis import listing_line

    new = {"list_id": "bis-entity-list", "list_title": "BIS Entity List", "list_version": "2024-05-09",
           "entry_id": "bis-123", "entry_name": "Northwestern Polytechnical University", "authority": "BIS"}
    old = {"list": "bis-entity-list", "title": "BIS Entity List", "version": "2024-05-09", "entry": "bis-123",
           "name": "Northwestern Polytechnical University", "authority": "BIS"}
    line = "NWPU: on BIS Entity List (BIS), version 2024-05-09 as “Northwestern Polytechnical University” [bis-123]"
    assert listing_line("NWPU", new) == listing_line("NWPU", old) == line
