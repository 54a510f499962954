"""A committee dossier from a university's partner file (s29 user try): each row is named as the file names it,
and a partner that no list entry is linked to (linking needs 0.85) shows what screening (0.70) finds for it.

Before: "Lizhong Group" asked by its Chinese name was captioned as the stored entity only (two file rows that
find one body, NUDT and its former name "Changsha Institute of Technology", read as one partner twice); and
"School of Marine Science and Technology, Northwestern Polytechnical University", which `screen` reports as a
sub-unit of NWPU (Entity List and five more lists), was said to match "no entry of the lists consulted"."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from mcfwatch.cli.main import app

SCHOOL = "School of Marine Science and Technology, Northwestern Polytechnical University"


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>|<style.*?</style>", "", html, flags=re.S)).split())


def test_a_dossier_names_rows_as_the_file_does_and_gives_screening_leads(report_db: Path, tmp_path: Path) -> None:
    partners = tmp_path / "partners.csv"
    partners.write_text(f'name\n立中集团\n"{SCHOOL}"\nDelft University of Technology\n', encoding="utf-8")
    out = tmp_path / "dossier.html"
    res = CliRunner().invoke(app, ["report", "--partners", str(partners), "-o", str(out), "--db", str(report_db)])
    assert res.exit_code == 0, res.output
    text = _text(out.read_text(encoding="utf-8"))
    assert "立中集团 (found as Lizhong Group)" in text and "1. 立中集团" in text
    school = text[text.index(f"2. {SCHOOL}"):text.index("3. Delft University of Technology")]
    assert "matches an entry of the lists consulted" not in school
    assert "Screening its name (threshold 0.70) finds these leads" in school
    assert "sub-unit Seven Sons of National Defence (国防七子) 2020-08-22 Northwestern Polytechnical University" in school
    assert "screening lead, to confirm: sub-unit of Northwestern Polytechnical University" in text
    delft = text[text.index("3. Delft University of Technology"):]
    assert "matches an entry of the lists consulted, and screening its name (threshold 0.70) finds no lead" in delft


def test_a_dossier_screens_a_former_name_by_the_chinese_name_beside_it(report_db: Path, tmp_path: Path) -> None:
    """NUAA's former English name is on no list; the partner file's Chinese name beside it, 南京航空学院, screens as
    NUAA. The dossier said "no lead" (it read one name per row); it now gives the lead and the name it came by."""
    partners = tmp_path / "partners.csv"
    partners.write_text("Partner name,Chinese name\nNanjing Aeronautical Institute,南京航空学院\n", encoding="utf-8")
    out = tmp_path / "dossier.html"
    res = CliRunner().invoke(app, ["report", "--partners", str(partners), "-o", str(out), "--db", str(report_db)])
    assert res.exit_code == 0, res.output
    text = _text(out.read_text(encoding="utf-8"))
    assert "possible match (by its other name in the partner file, 南京航空学院)" in text, text
    assert "Nanjing University of Aeronautics and Astronautics" in text
    assert "screening lead, to confirm: possible match by its other name 南京航空学院" in text
