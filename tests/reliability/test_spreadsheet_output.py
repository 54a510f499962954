"""Issue 13 item 6: partner screening output never carries a formula, and one bad name never loses the file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mcfwatch.resolve.batch import screen_rows, write_rows

HOSTILE = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")", "＝1+1"]


def _report(names: list[str]):  # type: ignore[no-untyped-def]
    return screen_rows([{"name": n, "country": "cn"} for n in names], "partners.csv")


def test_item6_csv_output_never_holds_a_formula(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    write_rows(_report([*HOSTILE, "Huawei"]), out)
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["name"] for r in rows] == ["'" + n for n in HOSTILE] + ["Huawei"]
    assert rows[-1]["status"] == "listed"
    assert out.read_text(encoding="utf-8").startswith('"name","country",')  # every field quoted (OWASP)


def test_item6_xlsx_output_never_holds_a_formula(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    write_rows(_report([*HOSTILE, "Huawei"]), out)
    ws = load_workbook(out).active
    assert ws is not None
    cells = [c for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    assert [ws.cell(row=i + 2, column=1).value for i in range(len(HOSTILE))] == ["'" + n for n in HOSTILE]


def test_item6_nul_in_one_name_does_not_lose_the_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    write_rows(_report(["Huawei\x00 Technologies", "Brunel University", "bell\x07"]), out)
    ws = load_workbook(out).active
    assert ws is not None
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]
    assert [r["name"] for r in rows] == ["Huawei\ufffd Technologies", "Brunel University", "bell\ufffd"]
    assert rows[0]["note"] and not rows[1]["note"] and rows[2]["note"]
    assert rows[0]["status"] == "listed"


def test_item6_writes_are_atomic_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    write_rows(_report(["Huawei"]), out)
    before = out.read_bytes()
    report = _report(["Huawei"])
    report.rows[0]["bad"] = object()  # not JSON: the write fails midway
    with pytest.raises(TypeError):
        write_rows(report, out)
    assert out.read_bytes() == before and json.loads(before)[0]["name"] == "Huawei"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]  # no temporary file left behind


def test_limits_batch_rows_refused_with_the_setting_named(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from mcfwatch.errors import InputError
    from mcfwatch.resolve.batch import read_rows

    path = tmp_path / "partners.csv"
    path.write_text("name\n" + "".join(f"Partner {i}\n" for i in range(5)), encoding="utf-8")
    assert len(read_rows(path)) == 5
    monkeypatch.setenv("MCFWATCH_MAX_BATCH_ROWS", "3")
    try:
        read_rows(path)
    except InputError as exc:
        assert "5 rows > 3 rows limit, MCFWATCH_MAX_BATCH_ROWS" in str(exc) and "partners.csv" in str(exc)
    else:
        raise AssertionError("a partner file over the row limit was read")
