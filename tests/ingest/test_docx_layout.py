"""A Word report's tables where they stand, merged cells once, and its footnotes (session 27 user try).

A due-diligence note in .docx cites its sources in footnotes and puts a partner table between two paragraphs.
The reader dropped the footnotes, moved every table after the last paragraph and repeated a merged cell once per
grid column ("Partners | Partners"). The inputs here are the founding document's own sentences and sources.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx

from mcfwatch.ingest import read_file
from mcfwatch.model import Document

BEFORE = ("It mentioned that from November 19 to 26, 2018, the Baoding Economic and Trade Delegation visited the "
          "United Kingdom and Italy.[1]")
AFTER = "The Lizhong Group was also an exhibitor at a military-civil fusion exhibition organised by the PLA.[2]"
NOTES = {1: "Internal document of Qingyuan District, Baoding City, Hebei Province, dated July 12, 2019.",
         2: "The Epoch Times, December 22, 2020."}
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _with_footnotes(src: Path, dst: Path, notes_xml: bytes | None = None) -> None:
    """Word's own footnote markup: references in the body, the notes in word/footnotes.xml."""
    with zipfile.ZipFile(src) as z:
        files = {n: z.read(n) for n in z.namelist()}
    ref = ('</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="\\1"/>'
           '</w:r><w:r><w:t xml:space="preserve">')
    files["word/document.xml"] = re.sub(r"\[(\d)\]", ref, files["word/document.xml"].decode()).encode()
    if notes_xml is None:
        body = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                '</w:p></w:footnote>')
        body += "".join(f'<w:footnote w:id="{n}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
                        f'{t}</w:t></w:r></w:p></w:footnote>' for n, t in NOTES.items())
        notes_xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W}>{body}</w:footnotes>'.encode()
    files["word/footnotes.xml"] = notes_xml
    files["[Content_Types].xml"] = files["[Content_Types].xml"].replace(b"</Types>", (
        b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'wordprocessingml.footnotes+xml"/></Types>'))
    files["word/_rels/document.xml.rels"] = files["word/_rels/document.xml.rels"].replace(b"</Relationships>", (
        b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'footnotes" Target="footnotes.xml"/></Relationships>'))
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for name, blob in files.items():
            out.writestr(name, blob)


def _report(tmp_path: Path, notes_xml: bytes | None = None) -> Document:
    d = docx.Document()
    d.add_paragraph(BEFORE)
    table = d.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Partners named in the document"
    table.cell(1, 0).text, table.cell(1, 1).text = "UK MQP Limited", "super grain refiner project"
    table.cell(2, 0).text, table.cell(2, 1).text = "Brunel University", "joint laboratory"
    d.add_paragraph(AFTER)
    plain = tmp_path / "plain.docx"
    d.save(plain)
    report = tmp_path / "Lizhong due diligence.docx"
    _with_footnotes(plain, report, notes_xml)
    (doc,) = read_file(report)
    assert isinstance(doc, Document), doc
    return doc


def test_tables_stand_where_they_are_and_a_merged_cell_counts_once(tmp_path: Path) -> None:
    lines = _report(tmp_path).text.split("\n\n")
    assert lines[:5] == [BEFORE.replace("[1]", ""), "Partners named in the document",
                         "UK MQP Limited | super grain refiner project", "Brunel University | joint laboratory",
                         AFTER.replace("[2]", "")], lines


def test_footnotes_are_read_after_the_body(tmp_path: Path) -> None:
    lines = _report(tmp_path).text.split("\n\n")
    assert lines[-2:] == list(NOTES.values()), lines


def test_a_damaged_footnotes_part_keeps_the_body(tmp_path: Path) -> None:
    doc = _report(tmp_path, notes_xml=b"<w:footnotes this is not XML")
    assert doc.text.split("\n\n")[0] == BEFORE.replace("[1]", "")
    assert NOTES[2] not in doc.text


KEY_FINDING = "Key finding: the Lizhong Group took part in the PLA Baoding branch's military-civil fusion exhibition."
TEXT_BOX = (  # Word's markup for a text box: the DrawingML shape and, in mc:Fallback, the same box in VML
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp>'
    '<wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp>'
    '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t>'
    '</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_a_text_box_is_read_once_where_it_stands(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph(BEFORE.replace("[1]", ""))
    anchor = d.add_paragraph(AFTER.replace("[2]", ""))
    anchor._p.append(parse_xml(TEXT_BOX.format(text=KEY_FINDING)))
    d.add_paragraph("Internal document of Qingyuan District, Baoding City, Hebei Province.")
    f = tmp_path / "call-out.docx"
    d.save(f)
    (doc,) = read_file(f)
    assert isinstance(doc, Document), doc
    assert doc.text.split("\n\n") == [BEFORE.replace("[1]", ""), AFTER.replace("[2]", ""), KEY_FINDING,
                                      "Internal document of Qingyuan District, Baoding City, Hebei Province."]


def test_two_like_text_boxes_and_a_box_in_a_table_cell_are_read(tmp_path: Path) -> None:
    """Review s27 doors #8: two call-outs that both read "Source: ASPI" became one, and a text box inside a
    table cell was dropped (python-docx's cell text skips drawings)."""
    from docx.oxml import parse_xml

    d = docx.Document()
    anchor = d.add_paragraph(AFTER.replace("[2]", ""))
    for _ in range(2):
        anchor._p.append(parse_xml(TEXT_BOX.format(text="Source: ASPI")))
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Lizhong Group"
    table.cell(0, 1).paragraphs[0]._p.append(parse_xml(TEXT_BOX.format(text=KEY_FINDING)))
    f = tmp_path / "call-outs.docx"
    d.save(f)
    (doc,) = read_file(f)
    assert isinstance(doc, Document), doc
    assert doc.text.split("\n\n") == [AFTER.replace("[2]", ""), "Source: ASPI", "Source: ASPI",
                                      f"Lizhong Group | {KEY_FINDING}"]
