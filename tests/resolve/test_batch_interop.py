"""Partner files as other tools write and read them (issue 10, item 6): blank rows, files with no name
header, workbooks whose first sheet is not the list, and JSON a dataframe reads directly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.errors import InputError
from mcfwatch.resolve.batch import read_rows, screen_rows, write_rows

runner = CliRunner()


def test_blank_rows_are_skipped_and_counted(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text("name,country\nNorthwestern Polytechnical University,cn\n,\n   ,gb\nBrunel University,gb\n", encoding="utf-8")
    report = screen_rows(read_rows(f), str(f))
    assert len(report.rows) == 2 and report.blank == 2
    assert report.summary()["blank_rows_skipped"] == 2
    res = runner.invoke(app, ["screen", "--file", str(f)])
    assert res.exit_code == 0 and "2 blank rows skipped" in res.output


def test_no_name_header_needs_an_explicit_column(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text("Hochschule,Land\nNorthwestern Polytechnical University,cn\n", encoding="utf-8")
    with pytest.raises(InputError, match="--column"):
        screen_rows(read_rows(f), str(f))
    assert screen_rows(read_rows(f), str(f), column="Hochschule").rows[0]["status"] == "listed"
    res = runner.invoke(app, ["screen", "--file", str(f)])
    assert res.exit_code == 2 and "--column" in res.output
    assert runner.invoke(app, ["screen", "--file", str(f), "--column", "Hochschule"]).exit_code == 0


def test_workbook_whose_first_sheet_has_no_name_column_says_which_sheet_has(tmp_path: Path) -> None:
    wb = Workbook()
    notes = wb.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["read me first"])
    notes.append(["partners are on the next sheet"])
    partners = wb.create_sheet("Partners")
    partners.append(["Name"])
    partners.append(["Brunel University"])
    f = tmp_path / "p.xlsx"
    wb.save(f)
    with pytest.raises(InputError, match="sheet 'Partners' has a name column"):
        screen_rows(read_rows(f), str(f))


def test_json_rows_read_as_a_table_and_the_envelope_is_a_flag(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text("name\nNorthwestern Polytechnical University\nBrunel University\n", encoding="utf-8")
    report = screen_rows(read_rows(f), str(f))
    out = tmp_path / "r.json"
    write_rows(report, out)
    rows = json.loads(out.read_text("utf-8"))
    assert isinstance(rows, list) and len(rows) == 2
    assert all(isinstance(v, str | int | float) for row in rows for v in row.values())  # flat: one column each
    write_rows(report, out, envelope=True)
    assert json.loads(out.read_text("utf-8"))["summary"]["rows"] == 2
    res = runner.invoke(app, ["screen", "--file", str(f), "--format", "json"])
    assert res.exit_code == 0
    assert [r["name"] for r in json.loads(res.stdout)] == ["Northwestern Polytechnical University", "Brunel University"]
