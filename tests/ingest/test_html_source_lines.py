"""An HTML page whose source is wrapped at a fixed width, as editors and static-site generators write it. A line
break in HTML source is white space (between two Chinese characters: nothing), but the boilerplate remover kept
the breaks of a page without <article> markup, so "the National University of / Defense Technology" reached the
extractor as two entities, and spaced a Chinese name broken in the source ("航天工业发展 股份有限公司")."""

from __future__ import annotations

from pathlib import Path

from mcfwatch.extract import Extractor
from mcfwatch.ingest import read_file
from mcfwatch.model import Document

# A compliance desk's case note (public facts: the U.S. Justice Department's announcement of 28 July 2025), its
# source wrapped near 120 columns, with a navigation line, a footer and a script as such pages have.
CASE_NOTE = (Path(__file__).parent / "fixtures" / "case_note_cadence.html").read_text(encoding="utf-8")

ZH_NOTE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>案例分析</title></head><body>
<h1>案例分析：德国否决中资收购</h1>
<p>2020年12月，德国联邦政府否决了航天工业发展
股份有限公司收购德国IMST公司的交易。航天工业发展股份有限公司是中国航天科工集团有限公司控股的上市公司，
IMST公司从事雷达和卫星通信技术的研发。</p>
</body></html>
"""


def _read(tmp_path: Path, name: str, html: str) -> Document:
    f = tmp_path / name
    f.write_text(html, encoding="utf-8")
    (doc,) = read_file(f)
    assert isinstance(doc, Document), doc
    return doc


def test_a_name_broken_in_the_source_is_one_name(tmp_path: Path, extractor: Extractor) -> None:
    doc = _read(tmp_path, "case.html", CASE_NOTE)
    assert "to the National University of Defense Technology in China" in doc.text, doc.text
    names = {e.name for e in extractor.extract(doc).entities}
    assert "National University of Defense Technology" in names, sorted(names)
    assert "National University" not in names and "Defense Technology" not in names, sorted(names)


def test_paragraphs_stay_lines(tmp_path: Path) -> None:
    lines = _read(tmp_path, "case.html", CASE_NOTE).text.split("\n")
    assert any(line.startswith("Cadence Design Systems, Inc.") and line.endswith("Industry and Security.")
               for line in lines), lines
    assert any(line.startswith("The National University of Defense Technology (NUDT)") for line in lines), lines

def test_preformatted_lines_stay_lines(tmp_path: Path) -> None:
    page = ("<html><body><article><p>The plea agreement was filed with the court in San Jose on 28 July 2025, "
            "and the court accepted it.</p><pre>Case number: 3:25-cr-00123\nCourt: Northern District of "
            "California</pre></article></body></html>")
    lines = _read(tmp_path, "pre.html", page).text.split("\n")
    assert "Case number: 3:25-cr-00123" in lines and "Court: Northern District of California" in lines, lines


def test_a_chinese_name_broken_in_the_source_keeps_no_space(tmp_path: Path) -> None:
    text = _read(tmp_path, "zh.html", ZH_NOTE).text
    assert "否决了航天工业发展股份有限公司收购德国IMST公司的交易" in text, text
    assert "控股的上市公司，IMST公司从事" in text, text
