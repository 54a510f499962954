"""DOCX: paragraphs and table cells, in document order (python-docx)."""

from __future__ import annotations

import io
import zipfile

from mcfwatch.errors import InputError


def read_docx(data: bytes, path: str) -> tuple[str, str | None]:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(path, f"not a readable DOCX file ({exc})") from exc
    parts = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                parts.append(" | ".join(cells))
    text = "\n\n".join(parts)
    if not text.strip():
        raise InputError(path, "the DOCX file holds no text")
    title = document.core_properties.title or None
    return text, title
