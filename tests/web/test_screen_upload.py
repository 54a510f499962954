"""The web screening of a partner list as a compliance team exports it from its ERP: a customer number first, a
'Name' column (not 'name'), rows whose name cell is empty. Each row's rating is its own partner's, and the PDF
dossier is about the partners, not their customer numbers."""

from __future__ import annotations

import io
import time
from pathlib import Path

from fastapi.testclient import TestClient
from pypdf import PdfReader

from tests.resolve.test_batch_workbook import PARTNERS, _officer_workbook
from tests.web.conftest import csrf_of

# An ERP export: customer numbers first; customer 10002 has no name yet (a row the screening skips).
ERP_EXPORT = ("Kundennr,Name,Country\n"
              "10002,,\n"
              "10001,Brunel University,GB\n"
              "10003,Safran S.A.,FR\n")


def _screen(c: TestClient, body: str | bytes, filename: str = "kunden.csv") -> tuple[str, dict]:  # type: ignore[type-arg]
    token = csrf_of(c, "/screen")
    data = body.encode("utf-8") if isinstance(body, str) else body
    r = c.post("/screen", files={"file": (filename, data, "application/octet-stream")},
               data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303, r.text
    url = r.headers["location"]
    for _ in range(1200):
        job = c.get(url, params={"format": "json"}).json()["job"]
        if job["state"] != "running":
            return url, job
        time.sleep(0.1)
    raise AssertionError("the screening did not finish")


def test_each_row_has_its_own_partners_rating(analyst: TestClient) -> None:
    _, job = _screen(analyst, ERP_EXPORT)
    assert job["state"] == "done", job
    rows = {row["Name"]: row for row in job["rows"]}
    assert set(rows) == {"Brunel University", "Safran S.A."}
    # Brunel's exposure (the seed's 2-hop path to the PLA Baoding branch) is rated high, as on its own
    assert rows["Brunel University"]["rating"] == "high", rows["Brunel University"]
    assert rows["Safran S.A."]["rating"] == "unknown", rows["Safran S.A."]
    assert job["summary"]["blank_rows_skipped"] == 1


def test_the_pdf_dossier_names_the_partners_not_the_customer_numbers(analyst: TestClient) -> None:
    url, job = _screen(analyst, ERP_EXPORT)
    assert job["state"] == "done", job
    got = analyst.get(f"{url}/download", params={"format": "pdf"})
    assert got.status_code == 200, got.text
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(got.content)).pages)
    assert "Brunel University" in text
    assert "10001" not in text and "10003" not in text, text[:500]


def test_the_results_page_shows_the_partner_names_and_their_entries(analyst: TestClient) -> None:
    url, job = _screen(analyst, ERP_EXPORT + "10004,Northwestern Polytechnical University,CN\n")
    assert job["state"] == "done", job
    page = analyst.get(url, headers={"accept": "text/html"}).text
    assert "<td>Brunel University</td>" in page and "<td>10001</td>" not in page
    # a listed row names its entries (list:entry), not only the lists
    assert "us-bis-entity-list:northwestern-polytechnical-university" in page


def test_a_research_office_workbook_with_a_two_row_header_is_screened(analyst: TestClient, tmp_path: Path) -> None:
    """s29: the workbook of tests/resolve/test_batch_workbook.py (a title row, "Partner institution" merged over
    "English" and "中文名称", a blank row, a second sheet) was refused at upload ("no name column"). It is
    screened by its English names, then by the Chinese where the English is not listed, and the page says so."""
    book = _officer_workbook(tmp_path / "partners.xlsx")
    url, job = _screen(analyst, book.read_bytes(), "partners.xlsx")
    assert job["state"] == "done", job
    assert [r["Partner institution English"] for r in job["rows"]] == [p[0] or "" for p in PARTNERS]
    assert [r["status"] for r in job["rows"]] == ["listed", "listed", "not listed", "not listed", "listed"]
    assert job["rows"][2]["other_name_status"] == "listed"  # the former name, found by its Chinese name
    page = " ".join(analyst.get(url, headers={"accept": "text/html"}).text.split())
    assert ("Names from column “Partner institution English”; where a name is not listed, the name in "
            "“Partner institution 中文名称” was screened too: 2 found listed or related") in page


def test_a_row_with_only_its_chinese_name_is_rated_by_that_name(analyst: TestClient) -> None:
    """Review s29 #3: a row whose English cell is empty is screened by its Chinese name, but its rating was that of
    the empty string ("unknown"). Brunel University entered by its Chinese name alone (the seed's 布鲁内尔大学) is
    rated as the English row is."""
    _, job = _screen(analyst, "Kundennr,Name,中文名称\n10001,Brunel University,\n10005,,布鲁内尔大学\n")
    assert job["state"] == "done", job
    assert [r["other_name"] for r in job["rows"]] == ["", "布鲁内尔大学"]
    english, chinese = job["rows"]
    assert english["rating"] == "high", english
    assert chinese["rating"] != "unknown", chinese
