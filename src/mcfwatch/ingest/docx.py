"""DOCX: paragraphs, text boxes and table rows in document order, then the footnotes and endnotes (python-docx)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from mcfwatch.errors import InputError

# A DOCX is a zip archive: refuse archives that inflate far beyond any real document (zip bombs).
MAX_UNCOMPRESSED = 256 * 1024 * 1024
MAX_RATIO = 200
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


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
    try:
        parts = _body(document) + _notes(document)
    except Exception as exc:  # a malformed body (fuzzed XML): the same one-line refusal as a bad archive
        raise InputError(path, f"not a readable DOCX file ({exc.__class__.__name__}: {exc})") from exc
    text = "\n\n".join(parts)
    if not text.strip():
        raise InputError(path, "the DOCX file holds no text")
    title = document.core_properties.title or None
    return text, title


def _row_text(row: Any) -> str:
    """A table row as "cell | cell"; a merged cell (python-docx repeats it once per grid column) counts once."""
    cells: list[str] = []
    previous = None
    for cell in row.cells:
        if cell._tc is previous:
            continue
        previous = cell._tc
        text = "\n".join([cell.text.strip(), *_text_boxes(cell._tc)]).strip()
        if text:
            cells.append(text)
    return " | ".join(cells)


def _body(document: Any) -> list[str]:
    """Paragraphs and table rows in the order the document has them: a table between two paragraphs was read
    after the last paragraph, away from the sentence that introduces it."""
    from docx.table import Table

    parts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            parts += [line for line in (_row_text(row) for row in block.rows) if line]
        else:
            if block.text.strip():
                parts.append(block.text)
            parts += _text_boxes(block._p)
    return parts


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _para_text(para: Any) -> str:
    """A w:p element's text (its w:t runs), stripped."""
    return "".join(t.text or "" for t in para.iter(f"{{{W}}}t")).strip()


def _text_boxes(paragraph: Any) -> list[str]:
    """The paragraphs of the text boxes anchored in a paragraph (a report's call-out: "Key finding: …"), once.

    python-docx's paragraph text skips drawings, so a text box was lost; Word stores each box twice (the
    DrawingML shape and, under mc:Fallback, its VML copy), hence the fallback copy is skipped. Two boxes that
    read the same ("Source: ASPI") are both kept. Works on a table cell too (a box in a cell was dropped)."""
    out: list[str] = []
    for box in paragraph.iter(f"{{{W}}}txbxContent"):
        if not any(a.tag == f"{{{_MC}}}Fallback" for a in box.iterancestors()):
            out += _paragraphs_in(box)
    return out


def _paragraphs_in(element: Any) -> list[str]:
    """The non-empty texts of an element's own w:p children (a text box's, a note's)."""
    return [text for para in element.iterchildren(f"{{{W}}}p") if (text := _para_text(para))]


_NOTE_PARTS = (("/word/footnotes.xml", "footnote"), ("/word/endnotes.xml", "endnote"))


def _notes(document: Any) -> list[str]:
    """The text of each footnote and endnote, in order (the separators Word keeps there are not notes).

    A due-diligence note cites its sources in footnotes ("Australian Strategic Policy Institute, China Defence
    Universities Tracker, entry for Northwestern Polytechnical University"); they were dropped."""
    from docx.oxml import parse_xml

    by_name = {str(part.partname): part for part in document.part.package.iter_parts()}
    out: list[str] = []
    for name, tag in _NOTE_PARTS:
        part = by_name.get(name)
        if part is None:
            continue
        try:
            root = parse_xml(part.blob)
        except Exception:  # a damaged notes part: keep the body, lose the notes
            continue
        for note in root.iterchildren(f"{{{W}}}{tag}"):
            if note.get(f"{{{W}}}type") in {"separator", "continuationSeparator", "continuationNotice"}:
                continue
            out += _paragraphs_in(note)
    return out
