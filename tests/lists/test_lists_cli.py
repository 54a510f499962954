"""`mcfwatch lists ...` commands on the shipped lists."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from mcfwatch.cli.main import app

runner = CliRunner()


def test_lists_table_and_json() -> None:
    result = runner.invoke(app, ["lists", "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.output)}
    assert rows["us-bis-entity-list"]["entries"] == 3409
    assert rows["us-dod-1260h"]["noncommercial"] is True
    assert rows["us-dod-1260h"]["version"] == "2026-06-08@opensanctions"
    table = runner.invoke(app, ["lists"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "us-ofac-nscmic" in table.output and "NC" in table.output


def test_show_versions_diff() -> None:
    shown = runner.invoke(app, ["lists", "show", "cn-seven-sons"])
    assert shown.exit_code == 0 and "西北工业大学" in shown.output
    old = runner.invoke(app, ["lists", "show", "us-dod-1260h", "--as-of", "2022-01-01", "--json"])
    assert len(json.loads(old.output)["entries"]) == 47
    vers = runner.invoke(app, ["lists", "versions", "us-dod-1260h"])
    assert vers.output.count("@opensanctions") == 5
    d = runner.invoke(app, ["lists", "diff", "us-dod-1260h", "--from", "2021-06-03", "--to", "2022-10-05", "--json"])
    data = json.loads(d.output)
    assert len(data["added"]) == 13 and data["removed"] == []


def test_unknown_list_is_one_line_error() -> None:
    result = runner.invoke(app, ["lists", "show", "nope"])
    assert result.exit_code == 2 and "no list 'nope'" in result.output
