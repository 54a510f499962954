"""Partner files as European spreadsheets save them: Excel in a German, French or Italian locale writes CSV with
semicolons (the comma is the decimal mark there), as UTF-8 with a byte-order mark ("CSV UTF-8") or as Windows-1252
("CSV (Trennzeichen-getrennt)"). And a one-column list of names, typed or pasted, whose names hold commas."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from mcfwatch.analyse.partners import read_partners
from mcfwatch.cli.main import app
from mcfwatch.errors import InputError
from mcfwatch.resolve.batch import read_rows, screen_rows

runner = CliRunner()

# A customer export of an aerospace supplier (real firms; Huawei is on the Entity List, Safran on none).
ROWS = [("Kundennr", "Name", "Land", "Ort"),
        ("10001", "Huawei Technologies Co., Ltd.", "CN", "Shenzhen"),
        ("10054", "Latécoère S.A.", "FR", "Toulouse"),
        ("10037", "MTU Aero Engines AG", "DE", "München")]


def _semicolons(encoding: str) -> bytes:
    return "\r\n".join(";".join(r) for r in ROWS).encode(encoding) + b"\r\n"


def test_excel_csv_utf8_with_semicolons_is_read(tmp_path: Path) -> None:
    f = tmp_path / "kunden.csv"
    f.write_bytes(_semicolons("utf-8-sig"))
    rows = read_rows(f)
    assert list(rows[0]) == ["Kundennr", "Name", "Land", "Ort"]
    assert [r["Name"] for r in rows] == ["Huawei Technologies Co., Ltd.", "Latécoère S.A.", "MTU Aero Engines AG"]
    report = screen_rows(rows, str(f))
    assert [r["status"] for r in report.rows] == ["listed", "not listed", "not listed"]


def test_excel_csv_windows_1252_with_semicolons_is_read(tmp_path: Path) -> None:
    f = tmp_path / "kunden.csv"
    f.write_bytes(_semicolons("cp1252"))
    assert [r["Ort"] for r in read_rows(f)] == ["Shenzhen", "Toulouse", "München"]
    res = runner.invoke(app, ["screen", "--file", str(f), "-o", str(tmp_path / "out.csv")])
    assert res.exit_code == 0, res.output
    assert "3 rows: 1 listed" in res.output


def test_a_report_reads_the_partners_of_a_semicolon_file(tmp_path: Path) -> None:
    f = tmp_path / "kunden.csv"
    f.write_bytes(_semicolons("utf-8-sig"))
    assert read_partners(f) == ["Huawei Technologies Co., Ltd.", "Latécoère S.A.", "MTU Aero Engines AG"]


def test_a_one_column_list_keeps_the_commas_of_its_names(tmp_path: Path) -> None:
    f = tmp_path / "names.csv"
    f.write_text("name\nHuawei Technologies Co., Ltd.\nBeijing Institute of Technology, Zhuhai\n", encoding="utf-8")
    assert [r["name"] for r in read_rows(f)] == ["Huawei Technologies Co., Ltd.",
                                                 "Beijing Institute of Technology, Zhuhai"]


def test_a_comma_file_with_semicolons_inside_quoted_names_stays_a_comma_file(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text('name,country\n"Airbus SE; Airbus Defence and Space",fr\n"Huawei Technologies Co., Ltd.",cn\n',
                 encoding="utf-8")
    rows = read_rows(f)
    assert [(r["name"], r["country"]) for r in rows] == [("Airbus SE; Airbus Defence and Space", "fr"),
                                                        ("Huawei Technologies Co., Ltd.", "cn")]


def test_a_row_with_more_cells_than_the_header_is_refused_not_cut(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text("name,country\nBrunel University,gb\nBeijing Institute of Technology, Zhuhai,cn\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 3 has 3 cells under a header of 2 columns.*double quotes"):
        read_rows(f)
    res = runner.invoke(app, ["screen", "--file", str(f)])
    assert res.exit_code == 2 and "line 3" in res.output


def test_trailing_empty_cells_are_no_extra_cells(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text('name,country\nBrunel University,gb,,\n"Beijing Institute of Technology, Zhuhai",cn\n',
                 encoding="utf-8")
    assert [r["name"] for r in read_rows(f)] == ["Brunel University", "Beijing Institute of Technology, Zhuhai"]


def _titled_workbook(path: Path, header: list[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Kundenliste Exportkontrolle, Stand 01.12.2026"])
    ws.append([])
    ws.append(header)
    ws.append([10001, "Huawei Technologies Co., Ltd.", "CN"])
    ws.append([10054, "Latécoère S.A.", "FR"])
    wb.save(path)
    return path


def test_a_workbook_with_title_rows_above_its_header_is_read(tmp_path: Path) -> None:
    f = _titled_workbook(tmp_path / "kunden.xlsx", ["Kundennr", "Name", "Land"])
    rows = read_rows(f)
    assert [r["Name"] for r in rows] == ["Huawei Technologies Co., Ltd.", "Latécoère S.A."]
    res = runner.invoke(app, ["screen", "--file", str(f), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert "2 rows: 1 listed" in res.output
    # a header no name column is known by: --column finds it under the title rows too
    g = _titled_workbook(tmp_path / "firmen.xlsx", ["Kundennr", "Firma", "Land"])
    res = runner.invoke(app, ["screen", "--file", str(g), "--column", "Firma", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert "2 rows: 1 listed" in res.output


def test_a_csv_export_with_a_title_line_and_an_excel_sep_line_is_read(tmp_path: Path) -> None:
    f = tmp_path / "kunden.csv"
    f.write_bytes('"Kundenliste Exportkontrolle, Stand 01.12.2026";;\r\n;;\r\nKundennr;Name;Land\r\n'
                  '10001;Huawei Technologies Co., Ltd.;CN\r\n'.encode("utf-8-sig"))
    assert [r["Name"] for r in read_rows(f)] == ["Huawei Technologies Co., Ltd."]
    g = tmp_path / "sep.csv"
    g.write_text("sep=;\nKundennr;Name;Land\n10054;Latécoère S.A.;FR\n", encoding="utf-8")
    assert read_rows(g) == [{"Kundennr": "10054", "Name": "Latécoère S.A.", "Land": "FR"}]


def test_a_data_cell_that_reads_like_a_header_is_no_header(tmp_path: Path) -> None:
    f = tmp_path / "p.csv"
    f.write_text("Hochschule,Typ\nTU Berlin,University\nHuawei Technologies Co., Ltd.,Company\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3 has 3 cells"):
        read_rows(f)
    f.write_text('Hochschule,Typ\nTU Berlin,University\n"Huawei Technologies Co., Ltd.",Company\n', encoding="utf-8")
    assert [r["Hochschule"] for r in read_rows(f)] == ["TU Berlin", "Huawei Technologies Co., Ltd."]
