"""Each supported format and encoding is read into the right text, title and language."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from mcfwatch.ingest import Failure, iter_documents, read_file
from mcfwatch.model import Document

SEED_PARA = (
    "It mentioned that from November 19 to 26, 2018, the Baoding Economic and Trade Delegation "
    "visited the United Kingdom and Italy."
)
ZH = "2018年11月，保定市经贸代表团访问英国，帮助河北立中集团与英国MQP公司签署超级晶粒细化剂合作协议。"


def one(path: Path) -> Document:
    items = read_file(path)
    assert len(items) == 1
    assert isinstance(items[0], Document), items[0]
    return items[0]


def test_seed_txt(seed_path: Path) -> None:
    doc = one(seed_path)
    assert doc.language == "en"
    assert doc.title and "Military-Civil Fusion" in doc.title
    assert doc.published == "2020-12-22"
    assert "Lizhong Group" in doc.text
    assert len(doc.sha256) == 64


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk", "big5"])
def test_chinese_encodings(tmp_path: Path, encoding: str) -> None:
    text = ZH if encoding != "big5" else "保定市經貿代表團訪問英國，幫助河北立中集團與英國MQP公司簽署超級晶粒細化劑合作協議。"
    f = tmp_path / f"zh-{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    doc = one(f)
    assert doc.text == text
    assert doc.language == "zh"


def test_utf16_with_byte_order_mark(tmp_path: Path) -> None:
    f = tmp_path / "windows.txt"
    f.write_bytes(ZH.encode("utf-16"))
    assert one(f).text == ZH


def test_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    body = " ".join([SEED_PARA] * 3)
    html = f"""<html><head><title>Baoding delegation report</title></head><body>
    <nav><a href="/">Home</a> <a href="/about">About us</a> <a href="/subscribe">Subscribe now</a></nav>
    <article><h1>Baoding delegation report</h1><p>{body}</p>
    <p>During the official visit, it helped the Lizhong Group to secure multiple contracts.</p></article>
    <footer>Copyright 2020 Example News. All rights reserved. Cookie policy.</footer></body></html>"""
    f = tmp_path / "page.html"
    f.write_text(html, encoding="utf-8")
    doc = one(f)
    assert doc.title == "Baoding delegation report"
    assert "Baoding Economic and Trade Delegation" in doc.text
    assert "Cookie policy" not in doc.text and "Subscribe now" not in doc.text
    assert doc.format == "html"


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    d = docx.Document()
    d.core_properties.title = "Delegation memo"
    d.add_paragraph(SEED_PARA)
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Partner"
    table.rows[0].cells[1].text = "Brunel University"
    f = tmp_path / "memo.docx"
    d.save(str(f))
    doc = one(f)
    assert doc.title == "Delegation memo"
    assert SEED_PARA in doc.text and "Partner | Brunel University" in doc.text


def _minimal_pdf(text: str) -> bytes:
    """A one-page PDF with a real text layer (Helvetica), written by hand."""
    stream = f"BT /F1 11 Tf 50 750 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_pdf_text_layer(tmp_path: Path) -> None:
    f = tmp_path / "report.pdf"
    f.write_bytes(_minimal_pdf("The Lizhong Group signed a contract with UK MQP Limited."))
    doc = one(f)
    assert "Lizhong Group signed a contract with UK MQP Limited" in doc.text
    assert doc.format == "pdf"


def test_jsonl_corpus_records(corpus_dir: Path) -> None:
    items = list(iter_documents([corpus_dir / "bis-entity-list-entries.jsonl"]))
    assert len(items) == 14
    assert all(isinstance(i, Document) for i in items)
    first = items[0]
    assert first.id == "el-001" and first.language == "en"
    assert first.url and first.url.startswith("https://www.ecfr.gov/")


def test_jsonl_bad_lines_are_reported_by_line(tmp_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "a", "text": "Hello Baoding.", "date": "2020-10"}\nnot json\n{"id": "b"}\n', encoding="utf-8")
    items = list(iter_documents([f]))
    docs = [i for i in items if isinstance(i, Document)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [d.id for d in docs] == ["a"] and docs[0].published == "2020-10"
    assert [x.path for x in fails] == [f"{f}:2", f"{f}:3"]


def test_folder_is_walked_recursively(tmp_path: Path, seed_path: Path) -> None:
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "seed.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "note.md").write_text("# Note\n\nThe delegation visited Italy.", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    docs = list(iter_documents([tmp_path]))
    assert sorted(Path(d.path).name for d in docs if isinstance(d, Document)) == ["note.md", "seed.txt"]


def test_a_text_that_opens_with_its_body_has_no_title_taken_from_a_later_paragraph(tmp_path: Path) -> None:
    story = tmp_path / "oxford.txt"
    story.write_text("OXFORD, 12 May 2021 — The University of Oxford said on Wednesday that it had ended its research "
                     "partnership with Huawei Technologies, which had funded two projects at its Department of "
                     "Engineering Science since 2018.\n\nThe Aviation Industry Corporation of China (AVIC) hosted "
                     "the 2019 Xi'an Aerospace Forum.\n", encoding="utf-8")
    titled = tmp_path / "memo.txt"
    titled.write_text("\nSkip to content\nBaoding delegation visits Brunel\n\nThe delegation met the university.\n",
                      encoding="utf-8")
    assert one(story).title is None
    assert one(titled).title == "Baoding delegation visits Brunel"


# A university news page as saved to text, written by the project in the register of 高校新闻网 pages.
NEWS_PAGE = (
    "我校与某研究所签署战略合作协议\n发布日期：2018-12-03\n"
    "11月29日，副校长杨华民前往该所调研，双方签署战略合作协议。\n"
)


def test_a_labelled_publication_date_near_the_top_is_the_documents_date(tmp_path: Path) -> None:
    f = tmp_path / "news.txt"
    f.write_text(NEWS_PAGE, encoding="utf-8")
    assert one(f).published == "2018-12-03"
    f.write_text("Imperial to close two centres\nPublished: 11 September 2022\nImperial College will shut ...\n",
                 encoding="utf-8")
    assert one(f).published == "2022-09-11"


def test_dates_in_the_story_or_impossible_dates_are_no_publication_date(tmp_path: Path) -> None:
    f = tmp_path / "story.txt"
    f.write_text("Title\nline two\nline three\n时间：2023年5月1日（活动安排）\nOn 2019-05-04 the lab opened.\n",
                 encoding="utf-8")
    assert one(f).published is None  # a bare 时间 label below the first three lines is an event's time
    f.write_text("标题\n发布时间：2023-02-30\n正文。\n", encoding="utf-8")
    assert one(f).published is None


def test_the_files_read_and_the_files_named_not_read_are_one_walk(tmp_path: Path) -> None:
    """`walk` (what ingest reads) and `unread_files` (what it names as not read) split one folder listing: every
    file but the hidden ones is in exactly one of them (review s26 lists-resolve #7)."""
    import shutil

    from mcfwatch.data import sample_path
    from mcfwatch.ingest import unread_files, walk

    folder = tmp_path / "in"
    shutil.copytree(sample_path("corpus"), folder / "corpus")
    shutil.copy(sample_path("zh", "seed_zh.txt"), folder / "seed_zh.TXT")
    (folder / "corpus" / "memo.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / ".git").mkdir()
    (folder / ".git" / "config.csv").write_text("a,b\n", encoding="utf-8")
    (folder / ".notes.txt").write_text("hidden", encoding="utf-8")
    read = [p for p in walk([folder]) if isinstance(p, Path)]
    named = unread_files([folder])
    every = sorted(p for p in folder.rglob("*") if p.is_file() and not any(x.startswith(".") for x in p.relative_to(folder).parts))
    assert sorted(read + named) == every and not set(read) & set(named)
    assert folder / "seed_zh.TXT" in read and folder / "corpus" / "memo.doc" in named
    assert folder / "corpus" / "PROVENANCE.md" in read and folder / "corpus" / "dev-split.txt" in read
