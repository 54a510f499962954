"""PDF reports warn when Chinese text would print without a CJK font (issue 10, item 6)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from mcfwatch.report import pdf

pytest.importorskip("weasyprint", reason="WeasyPrint and Pango are needed for PDF reports")

HTML = "<html><body><p>立中集团 (Lizhong Group)</p></body></html>"


def test_no_cjk_font_gives_a_warning_naming_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(pdf, "has_cjk_font", lambda: False)
    with caplog.at_level(logging.WARNING, logger="mcfwatch.report"):
        pdf.write_pdf(HTML, tmp_path / "r.pdf")
    assert (tmp_path / "r.pdf").stat().st_size > 0
    assert "no CJK font found" in caplog.text and "fonts-wqy-microhei" in caplog.text


def test_no_warning_with_a_font_or_without_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(pdf, "has_cjk_font", lambda: True)
    with caplog.at_level(logging.WARNING, logger="mcfwatch.report"):
        pdf.write_pdf(HTML, tmp_path / "a.pdf")
    monkeypatch.setattr(pdf, "has_cjk_font", lambda: False)
    with caplog.at_level(logging.WARNING, logger="mcfwatch.report"):
        pdf.write_pdf("<p>Brunel University</p>", tmp_path / "b.pdf")
    assert "CJK" not in caplog.text
