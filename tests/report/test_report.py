"""Reports: a PDF dossier for the seed's five partners, checked as pages (rendered) and as text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
from analyse.helpers import PARTNERS
from PIL import Image
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.store import Store

PARTNER_BLUE = (0x1F, 0x4E, 0x99)  # fill of the partner's box in every exposure picture
QUOTE = re.compile(
    r'<blockquote class="quote">(.*?)</blockquote><div class="src">[^<]*?document (\S+), characters (\d+)–(\d+)', re.S
)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def dossier(report_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("dossier")
    partners = out / "partners.csv"
    partners.write_text("name\n" + "\n".join(PARTNERS) + "\n", encoding="utf-8")
    runner = CliRunner()
    for target in ("dossier.pdf", "dossier.html"):
        res = runner.invoke(app, ["report", "--partners", str(partners), "-o", str(out / target), "--db", str(report_db)])
        assert res.exit_code == 0, res.output
    return out / "dossier.pdf", out / "dossier.html"


def blue_pixels(img: Image.Image) -> int:
    rgb = np.asarray(img.convert("RGB"), dtype=np.int16)
    return int((np.abs(rgb - np.array(PARTNER_BLUE)).max(axis=2) <= 6).sum())


def test_pdf_opens_with_one_section_per_partner_each_with_a_picture(dossier: tuple[Path, Path]) -> None:
    pdf = pypdfium2.PdfDocument(str(dossier[0]))
    try:
        pages = [pdf[i] for i in range(len(pdf))]
        texts = [p.get_textpage().get_text_range() for p in pages]
        assert len(pages) >= 1 + len(PARTNERS)
        starts = []
        for i, name in enumerate(PARTNERS, 1):
            hits = [k for k, t in enumerate(texts) if re.search(rf"(?m)^\s*{i}\. {re.escape(name)}", t)]
            assert hits, f"no section heading for {name}"
            starts.append(hits[0])
        assert starts == sorted(starts) and len(set(starts)) == len(PARTNERS)  # each section on its own page
        for k, page in enumerate(pages):
            img = page.render(scale=0.6).to_pil()
            ink = int((np.asarray(img.convert("L")) < 200).sum())
            assert ink > 0.005 * img.width * img.height, f"page {k + 1} is blank"
        for k in starts:  # the section's first page carries its exposure picture (the partner's blue box)
            assert blue_pixels(pages[k].render(scale=0.6).to_pil()) > 300, f"no picture on page {k + 1}"
    finally:
        pdf.close()


def test_every_quote_is_verbatim_in_its_source_and_in_the_pdf(dossier: tuple[Path, Path], report_db: Path) -> None:
    store = Store(report_db)
    page = dossier[1].read_text(encoding="utf-8")
    quotes = QUOTE.findall(page)
    assert len(quotes) >= 20
    assert page.count('<blockquote class="quote">') == len(quotes)  # every quote carries its offsets
    pdf = pypdfium2.PdfDocument(str(dossier[0]))
    try:
        pdf_text = squash(" ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))))
    finally:
        pdf.close()
    for raw, doc_id, start, end in quotes:
        quote = html.unescape(raw)
        assert store.document(doc_id)["text"][int(start): int(end)] == quote
        assert squash(quote) in pdf_text


def test_html_report_is_self_contained_and_explains_itself(report_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "brunel.html"
    res = CliRunner().invoke(app, ["report", "Brunel University", "-o", str(out), "--db", str(report_db)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "<link" not in page and 'src="http' not in page
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="paths"') == 1
    for words in ("How to read this report", "Rating: the rules that applied", "Exposure paths", "Watch-list entries",
                  "Timeline", "What is unknown", "rules_v1", "PLA Baoding branch"):
        assert words in page


def test_pdf_flag_writes_a_pdf(report_db: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["report", "Cork County", "--pdf", "-o", str(tmp_path / "cork.html"), "--db", str(report_db)])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "cork.pdf").read_bytes()[:5] == b"%PDF-"


def test_dossier_dates_the_joint_lab_and_shows_the_whole_cork_programme(dossier: tuple[Path, Path]) -> None:
    text = squash(html.unescape(re.sub(r"<[^>]+>", " ", dossier[1].read_text(encoding="utf-8"))))
    # the joint lab was agreed during the November 2018 visit: the visit's range, on the timeline
    assert "2018-11-19 – 2018-11-26 Lizhong Group agreement with Brunel University" in text
    assert "friendship-city programme with Baoding escalated through cultural → economic → invitation" in text
