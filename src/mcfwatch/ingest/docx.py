"""DOCX: paragraphs and table cells, in document order (python-docx)."""

from __future__ import annotations

import io
import zipfile

from mcfwatch.errors import InputError

# A DOCX is a zip archive: refuse archives that inflate far beyond any real document (zip bombs).
MAX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_RATIO = 200


def check_archive(data: bytes, path: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError, EOFError, RuntimeError) as exc:
        # NotImplementedError: a header claiming a zip version or compression Python does not read (fuzzing)
        raise InputError(path, f"not a readable DOCX file (not a zip archive: {exc})") from exc
    if total > MAX_UNCOMPRESSED or total > MAX_RATIO * max(len(data), 1):
        raise InputError(path, f"refused: the DOCX archive inflates to {total / 2**20:.0f} MB (zip bomb?)")


def read_docx(data: bytes, path: str) -> tuple[str, str | None]:
    import docx

    check_archive(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types on malformed parts; all mean the same to the user
        raise InputError(path, f"not a readable DOCX file ({exc.__class__.__name__}: {exc})") from exc
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
