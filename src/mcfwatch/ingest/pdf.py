"""PDF: the text layer (pypdf). Scanned PDFs without a text layer are refused, not OCR'd."""

from __future__ import annotations

import io
import logging
import re

from mcfwatch.errors import InputError

_HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")


def read_pdf(data: bytes, path: str) -> tuple[str, str | None]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:
                raise InputError(path, "the PDF is encrypted") from exc
        pages = [page.extract_text() or "" for page in reader.pages]
        title = None
        if reader.metadata is not None and reader.metadata.title:
            title = str(reader.metadata.title)
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(path, f"not a readable PDF ({exc.__class__.__name__}: {exc})") from exc
    except RecursionError as exc:
        raise InputError(path, "not a readable PDF (its object tree is recursive)") from exc
    except Exception as exc:  # pypdf raises assorted errors on hostile files; none may stop the run
        raise InputError(path, f"not a readable PDF ({exc.__class__.__name__}: {exc})") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    if not text.strip():
        raise InputError(path, "the PDF has no text layer (scanned image?); OCR it first")
    return text, title
