"""The `screen` and `compare` commands: thin wrappers printing what the library returns."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mcfwatch.cli.main import app

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"


def test_compare_prints_score_verdict_and_features() -> None:
    res = runner.invoke(app, ["compare", "Nanjing University", "南京航空航天大学"])
    assert res.exit_code == 0
    assert "no match at 0.7" in res.output and "known_different" in res.output


def test_compare_pairs_echoes_each_line(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps({"id": "a", "left": "NWPU", "right": "西北工业大学", "note": "kept"}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "b", "left": "CASC", "right": "CASIC"}) + "\n",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["compare", "--pairs", str(pairs)])
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"] and rows[0]["note"] == "kept"
    assert rows[0]["match"] is True and rows[1]["match"] is False
    assert all(0 <= r["score"] <= 1 and isinstance(r["features"], dict) for r in rows)


def test_compare_pairs_bad_line_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "left": "x"}\nnot json\n{"id": 2, "left": "NWPU", "right": "西北工业大学"}\n', encoding="utf-8")
    res = runner.invoke(app, ["compare", "--pairs", str(bad)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "bad.jsonl:1" in res.stderr and "bad.jsonl:2" in res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert "error" in rows[0] and "error" in rows[1]
    assert rows[2]["id"] == 2 and rows[2]["match"] is True


def test_compare_pairs_accepts_entity_objects(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    row = {"id": "o", "left": {"name": "CETC"},
           "right": {"schema": "Company", "properties": {"name": ["China Electronics Technology Group Corporation"]}}}
    pairs.write_text(json.dumps(row) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["compare", "--pairs", str(pairs)])
    assert res.exit_code == 0, res.output
    (out,) = [json.loads(line) for line in res.stdout.splitlines()]
    assert out["match"] is True and out["left"] == {"name": "CETC"}


def test_screen_json() -> None:
    res = runner.invoke(app, ["screen", "NWPU", "--format", "json"])
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["listed"] and {"us-dod-1286", "us-bis-entity-list"} <= {h["list_id"] for h in data["hits"]}


def test_screen_file_writes_results_and_summary(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    res = runner.invoke(app, ["screen", "--file", str(FIXTURES / "partners.csv"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "300 rows:" in res.output
    assert len(json.loads(out.read_text())) == 300  # a plain array of rows (--envelope adds the summary)


def test_screen_needs_a_name_or_a_file() -> None:
    res = runner.invoke(app, ["screen"])
    assert res.exit_code == 2 and "give either a NAME or --file" in res.output


def test_partner_csv_in_windows_1252_and_empty_files(tmp_path: Path) -> None:
    latin = tmp_path / "partners.csv"
    latin.write_bytes("name\nUniversité de Montréal\nNWPU\n".encode("cp1252"))
    res = runner.invoke(app, ["screen", "--file", str(latin)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows[0]["name"] == "Université de Montréal" and rows[1]["status"] == "listed"
    empty = tmp_path / "empty.csv"
    empty.write_text("name\n", encoding="utf-8")
    res = runner.invoke(app, ["screen", "--file", str(empty)])
    assert res.exit_code == 2 and "no rows" in res.output


def test_screen_table_names_the_entries_a_rendering_rests_on() -> None:
    """Session 25: 华大基因 reaches 1260H's BGI Genomics through the Entity List's Huada/BGI spellings; the table says
    which entries said so, not only the feature's name."""
    res = runner.invoke(app, ["screen", "华大基因"])
    assert res.exit_code == 0, res.output
    line = next(x for x in res.output.splitlines() if "(list_rendering):" in x)
    assert "BGI Genomics" in line and "us-bis-entity-list:" in line
