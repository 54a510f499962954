"""HTML to PDF with WeasyPrint (a real layout engine; needs the system's Pango, present on Debian)."""

from __future__ import annotations

from pathlib import Path

from mcfwatch.errors import MissingExtraError


def write_pdf(html: str, out: Path) -> None:
    try:
        import weasyprint
    except ImportError as exc:  # also raised when Pango is missing
        raise MissingExtraError("report", "weasyprint") from exc
    weasyprint.HTML(string=html, base_url=None).write_pdf(str(out))
