"""A case note printed to PDF by a browser (Chromium's "Save as PDF", fixtures/case_note_chromium.pdf, made from
fixtures/case_note_chromium.html with `chromium --headless --print-to-pdf`). Two things the text layer does:

- Chromium's PDF writes the typographic ligatures of its font as the Unicode ligature characters (U+FB00-FB06):
  "Oﬃce of Foreign Assets Control", "Aﬀairs", "staﬀ", "ﬁrm". A name with ff, fi, fl, ffi or ffl in it was not the
  name the lists and the extractor know.
- A heading in a large font wraps after "of": "and the National University of / Defense Technology" reached the
  extractor as two paragraphs, and "National University" became an entity of its own (screened as listed).
"""

from __future__ import annotations

from pathlib import Path

from mcfwatch.extract import Extractor
from mcfwatch.ingest import read_file
from mcfwatch.ingest.pdf import unwrap
from mcfwatch.model import Document

CASE_NOTE = Path(__file__).parent / "fixtures" / "case_note_chromium.pdf"


def _text() -> str:
    (doc,) = read_file(CASE_NOTE)
    assert isinstance(doc, Document), doc
    return doc.text


def test_ligatures_are_read_as_their_letters() -> None:
    text = _text()
    assert not any("\ufb00" <= c <= "\ufb06" for c in text), text
    for phrase in ("Office of Foreign Assets Control", "Ministry of Foreign Affairs", "Staff of Cadence",
                   "The firm's official filings", "its affiliate in Taiwan", "flagged nothing"):
        assert phrase in text, phrase


def test_a_heading_wrapped_after_of_is_one_line() -> None:
    text = _text()
    assert "Case note: Cadence Design Systems and the National University of Defense Technology" in text, text[:300]


def test_the_extractor_reads_the_whole_names(extractor: Extractor) -> None:
    (doc,) = read_file(CASE_NOTE)
    assert isinstance(doc, Document)
    names = {e.name for e in extractor.extract(doc).entities}
    assert "Office of Foreign Assets Control" in names, sorted(names)
    assert "National University" not in names, sorted(names)


def test_a_line_ending_in_a_word_that_cannot_end_a_line_of_text_goes_on() -> None:
    page = ("Annex A: entities added under the destination of\n"
            "China\n"
            "Harbin Institute of Technology\n"
            "Beihang University")
    assert unwrap(page, usual=90).split("\n\n") == [
        "Annex A: entities added under the destination of China",
        "Harbin Institute of Technology",
        "Beihang University",
    ]
