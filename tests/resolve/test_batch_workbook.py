"""A university's partner workbook as a research-security office exports it: a title row merged across the table,
a two-row header ("Partner institution" merged over "English" and "中文名称", the other headings merged down over
both rows), blank rows between groups and a second sheet. Real partners: Beihang under its former English name
(Entity List, Seven Sons), Harbin Institute of Technology (Entity List), Delft University of Technology (on no list).

Where the English name is not listed, the Chinese name beside it is screened too (Harbin Engineering University's
former name, which no list publishes in English, is found by its Chinese name), and a row with only a Chinese name
is screened by it (it was counted as a blank row and never screened).

Before: screening refused the file ("no name column"; its headers read from the title row), `--column English`
could not reach the sub-heading, `--column "Partner institution"` screened the sub-heading row as a partner called
"English", and `watch` / `report --partners` monitored the title and the row numbers "1", "2", "3" as partners."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from mcfwatch.analyse.partners import read_partners
from mcfwatch.cli.main import app
from mcfwatch.errors import InputError
from mcfwatch.resolve.batch import find_name_column, is_name_header, read_rows, screen_rows

runner = CliRunner()

PARTNERS = [("Beijing University of Aeronautics and Astronautics", "北京航空航天大学", "China", 2014),
            ("Harbin Institute of Technology", "哈尔滨工业大学", "PRC", 2012),
            # Harbin Engineering University's former name: no list publishes it in English
            ("Harbin Shipbuilding Engineering Institute", "哈尔滨船舶工程学院", "China", 1992),
            ("Delft University of Technology", None, "Netherlands", 2008),
            # a partner the office entered by its Chinese name only (Nanjing University of Science and Technology)
            (None, "南京理工大学", "China", 2019)]


def _officer_workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Partners 2026"
    ws["A1"] = "International partnerships - Research Security Office - export 01.12.2026"
    ws.merge_cells("A1:E1")
    ws["A2"], ws["B2"], ws["D2"], ws["E2"] = "No.", "Partner institution", "Country", "Since"
    ws["B3"], ws["C3"] = "English", "中文名称"
    for cells in ("A2:A3", "B2:C2", "D2:D3", "E2:E3"):
        ws.merge_cells(cells)
    row = 4
    for i, (en, zh, country, since) in enumerate(PARTNERS, 1):
        if i == 4:
            row += 1  # a blank row between the Chinese and the European partners
        for col, value in enumerate((i, en, zh, country, since), 1):
            ws.cell(row, col, value)
        row += 1
    other = wb.create_sheet("Ended partnerships")
    other.append(["Name", "Country"])
    other.append(["Harbin Institute of Technology (Shenzhen)", "China"])
    wb.save(path)
    return path


@pytest.fixture()
def workbook(tmp_path: Path) -> Path:
    return _officer_workbook(tmp_path / "partners.xlsx")


def test_a_two_row_merged_header_under_a_title_names_each_column(workbook: Path) -> None:
    rows = read_rows(workbook)
    assert list(rows[0]) == ["No.", "Partner institution English", "Partner institution 中文名称", "Country", "Since"]
    names = [r["Partner institution English"] for r in rows if r["Partner institution English"]]
    assert names == [p[0] for p in PARTNERS if p[0]]  # the sub-heading row "English" is no partner
    assert [r["Partner institution 中文名称"] for r in rows][:2] == ["北京航空航天大学", "哈尔滨工业大学"]


def test_the_workbook_screens_by_its_english_names_then_by_the_chinese_where_not_listed(workbook: Path) -> None:
    report = screen_rows(read_rows(workbook), str(workbook))
    assert report.name_column == "Partner institution English"
    assert report.other_name_columns == ["Partner institution 中文名称"]
    assert [r["status"] for r in report.rows] == ["listed", "listed", "not listed", "not listed", "listed"]
    assert "us-bis-entity-list" in report.rows[0]["lists"]  # BUAA, Beihang's former English name
    assert report.blank == 1
    former = report.rows[2]  # the English former name is on no list; its Chinese name finds HEU
    assert former["other_name"] == "哈尔滨船舶工程学院" and former["other_name_status"] == "listed"
    assert "harbin-engineering-university" in former["other_name_entries"]
    assert report.rows[0]["other_name"] == ""  # a listed name is not screened again
    assert report.rows[3]["other_name_status"] == ""  # Delft: no Chinese name
    assert report.rows[4]["other_name"] == "南京理工大学"  # only a Chinese name: screened by it, not skipped
    assert "cn-seven-sons" in report.rows[4]["lists"]
    assert report.summary()["found_by_other_name"] == 2


def test_cli_screens_the_workbook_and_a_sub_heading_named_by_column(workbook: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["screen", "--file", str(workbook), "-o", str(tmp_path / "r.csv")])
    assert res.exit_code == 0, res.output
    out = " ".join(res.output.split())
    assert "names from column 'Partner institution English'" in out
    assert "the name in 'Partner institution 中文名称' was screened too: 2 found listed or related" in out
    assert "5 rows: 3 listed" in out
    res = runner.invoke(app, ["screen", "--file", str(workbook), "--column", "中文名称", "-o", str(tmp_path / "z.csv")])
    assert res.exit_code == 0, res.output
    out = " ".join(res.output.split())
    assert "names from column 'Partner institution 中文名称'" in out and "5 rows: 4 listed" in out


def test_monitoring_and_reports_read_the_partners_not_the_title_and_row_numbers(workbook: Path) -> None:
    assert read_partners(workbook) == [p[0] or p[1] for p in PARTNERS]
    assert read_partners(workbook, "中文名称") == ["北京航空航天大学", "哈尔滨工业大学", "哈尔滨船舶工程学院",
                                                 "Delft University of Technology", "南京理工大学"]


def test_a_file_of_several_columns_without_a_name_header_is_refused_not_read_by_its_first_column(tmp_path: Path) -> None:
    f = tmp_path / "partners.csv"
    f.write_text("Nr;Hochschule;Land\n1;Harbin Institute of Technology;CN\n2;TU Delft;NL\n", encoding="utf-8")
    with pytest.raises(InputError, match="no name column"):
        read_partners(f)  # before: the partners "Nr", "1", "2"
    assert read_partners(f, "Hochschule") == ["Harbin Institute of Technology", "TU Delft"]


def test_a_one_column_list_without_header_is_still_a_list_of_names(tmp_path: Path) -> None:  # guard
    f = tmp_path / "names.csv"
    f.write_text("Harbin Institute of Technology\nDelft University of Technology\n", encoding="utf-8")
    assert read_partners(f) == ["Harbin Institute of Technology", "Delft University of Technology"]


@pytest.mark.parametrize(("header", "expected"), [
    (["No.", "Partner institution", "Partner country"], "Partner institution"),
    (["Company number", "Institution name", "City"], "Institution name"),
    (["Contact name", "Organisation", "Email"], "Organisation"),
    (["序号", "合作单位名称", "国家"], "合作单位名称"),
    (["Kundennr", "Partner country", "Entity type"], None),
])
def test_a_header_that_names_the_partner_in_more_words_is_the_name_column(header: list[str], expected: str | None) -> None:
    assert find_name_column(header) == expected
    assert not is_name_header("Partner country") and not is_name_header("Contact name")


def test_a_one_row_header_with_a_heading_merged_over_two_name_columns_keeps_the_first_partner(tmp_path: Path) -> None:
    """Review s29 #1: "Partner" merged over the English and the Chinese names with no sub-headings under it read
    the first partner's row as sub-headings ("Partner Tsinghua University"): Tsinghua was never screened."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["No.", "Partner", None, "Country"])
    ws.merge_cells("B1:C1")
    ws.append([1, "Tsinghua University", "清华大学", "China"])
    ws.append([2, "Peking University", "北京大学", "China"])
    path = tmp_path / "partners.xlsx"
    wb.save(path)
    rows = read_rows(path)
    assert list(rows[0]) == ["No.", "Partner", "column2", "Country"]
    assert [r["Partner"] for r in rows] == ["Tsinghua University", "Peking University"]


def test_a_file_whose_first_row_is_a_partner_is_refused_not_screened_without_it(tmp_path: Path) -> None:
    """Review s29 #2: a file with no header row whose first partner is "Tsinghua University" read that partner as
    the name header and screened the file without it. It is refused, naming the file, as before session 29."""
    f = tmp_path / "partners.csv"
    f.write_text("Tsinghua University,China,2019\nPeking University,China,2020\n", encoding="utf-8")
    with pytest.raises(InputError, match="no name column") as err:
        screen_rows(read_rows(f), str(f))
    assert str(f) in str(err.value)
    with pytest.raises(InputError, match="no name column"):
        read_partners(f)
    res = runner.invoke(app, ["screen", "--file", str(f), "-o", str(tmp_path / "r.csv")])
    assert res.exit_code != 0 and "no name column" in " ".join(res.output.split())


@pytest.mark.parametrize("header", ["Tsinghua University", "Harbin Institute of Technology", "Party secretary",
                                    "Partner notes", "University ranking", "Entity list", "联系人单位"])
def test_a_partner_name_or_a_header_about_something_else_is_no_name_header(header: str) -> None:
    assert not is_name_header(header)


@pytest.mark.parametrize("header", ["Partner institution", "Institution name", "Name (English)", "合作单位名称",
                                    "Name of the partner institution", "Partner university", "Full legal name"])
def test_a_header_naming_the_partner_is_still_a_name_header(header: str) -> None:  # guard
    assert is_name_header(header)


def test_a_large_workbook_is_read_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Review s29 #9: every workbook was loaded in full (each cell an object: about ten times the memory of a
    read-only load) for the merged header cells. Past _FULL_LOAD_BYTES it is read read-only, its merged header cells
    read from the sheet's XML: the research office's two-row header is read as in full."""
    from mcfwatch.resolve import batch

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Kundennr", "Name", "Country"])
    ws.append([10001, "Harbin Institute of Technology", "CN"])
    ws.append([10002, "Delft University of Technology", "NL"])
    path = tmp_path / "erp.xlsx"
    wb.save(path)
    loads: list[bool] = []
    real = __import__("openpyxl").load_workbook

    def spy(*args: object, **kwargs: object) -> object:
        loads.append(bool(kwargs.get("read_only")))
        return real(*args, **kwargs)

    monkeypatch.setattr("openpyxl.load_workbook", spy)
    monkeypatch.setattr(batch, "_FULL_LOAD_BYTES", 0)
    assert [r["Name"] for r in read_rows(path)] == ["Harbin Institute of Technology", "Delft University of Technology"]
    assert loads == [True]
    officer = _officer_workbook(tmp_path / "officer.xlsx")
    rows = read_rows(officer)
    assert loads == [True, True]
    assert list(rows[0]) == ["No.", "Partner institution English", "Partner institution 中文名称", "Country", "Since"]
    assert [r["Partner institution English"] for r in rows if r["Partner institution English"]] == \
        [p[0] for p in PARTNERS if p[0]]
