"""A PDF's text layer breaks every printed line: the reader joins wrapped lines back into paragraphs.

Real inputs: the founding document and our Chinese rendering of it, printed by WeasyPrint (the engine of
`mcfwatch report`) in one and in two columns, then read and extracted as a user's PDF would be.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mcfwatch.data import sample_path
from mcfwatch.extract import Extractor
from mcfwatch.ingest import read_file
from mcfwatch.ingest.pdf import join_pages, unwrap, usual_width, without_running_lines
from mcfwatch.model import Document

weasyprint = pytest.importorskip("weasyprint")

SEED_SENTENCE = ("It mentioned that from November 19 to 26, 2018, the Baoding Economic and Trade Delegation "
                 "visited the United Kingdom and Italy.")
ZH_SENTENCE = "2018年11月19日至26日，保定市经贸代表团访问了英国和意大利。"


def _pdf(tmp_path: Path, text: str, columns: int, name: str) -> Path:
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    body = "".join(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>" for p in paras)
    html = f"<html><body style='column-count:{columns}; font-size:10pt'>{body}</body></html>"
    out = tmp_path / name
    weasyprint.HTML(string=html).write_pdf(out)
    return out


def _one(path: Path) -> Document:
    (doc,) = read_file(path)
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize("columns", [1, 2])
def test_a_sentence_wrapped_over_printed_lines_is_one_line_again(tmp_path: Path, columns: int) -> None:
    seed = sample_path("000_2742a0ed2317a793.txt").read_text(encoding="utf-8")
    doc = _one(_pdf(tmp_path, seed, columns, f"seed-{columns}.pdf"))
    assert any(SEED_SENTENCE in line for line in doc.text.splitlines())
    # the title is the whole headline, not its first printed line
    assert doc.title == "Internal Document: CCP Uses “Military-Civil Fusion” to Gain Access to Advanced Technology Overseas"


def test_chinese_lines_are_joined_without_a_space(tmp_path: Path) -> None:
    zh = sample_path("zh", "seed_zh.txt").read_text(encoding="utf-8")
    doc = _one(_pdf(tmp_path, zh, 2, "seed-zh.pdf"))
    flat = re.sub(r"\s", "", zh)
    lines = doc.text.splitlines()
    assert any(ZH_SENTENCE in line for line in lines)
    assert all(re.sub(r"\s", "", line) in flat for line in lines if line)  # no stray space inside a Chinese line
    assert "河北立中集团" in doc.text


def test_headings_dates_and_table_rows_stay_lines() -> None:
    page = ("Partner due diligence\nPublished: 14 March 2023\nQueen Mary University of London runs a joint\n"
            "engineering school with Northwestern Polytechnical\nUniversity in Xi'an, China.\nPartner | Role\n"
            "NWPU | joint school partner")
    assert unwrap(page).split("\n\n") == [
        "Partner due diligence", "Published: 14 March 2023",
        "Queen Mary University of London runs a joint engineering school with Northwestern Polytechnical "
        "University in Xi'an, China.",
        "Partner | Role", "NWPU | joint school partner"]


def test_a_two_column_pdf_gives_the_relations_of_the_plain_text(tmp_path: Path, extractor: Extractor) -> None:
    seed = sample_path("000_2742a0ed2317a793.txt")
    txt = _one(seed)
    pdf = _one(_pdf(tmp_path, seed.read_text(encoding="utf-8"), 2, "seed.pdf"))

    def relations(doc: Document) -> set[tuple[str, str, str]]:
        (ex,) = extractor.extract_many([doc])
        names = {e.id: e.name for e in ex.entities}
        return {(r.type, names[r.source], names[r.target]) for r in ex.relations}

    found, wanted = relations(pdf), relations(txt)
    assert len(found & wanted) >= 0.8 * len(wanted), sorted(wanted - found)


def test_a_title_or_initialism_at_a_line_end_does_not_end_the_sentence() -> None:
    """Real phrasings (a White House readout, a Federal Register abstract) broken after "Mr." and "U.S."."""
    page = ("Both sides agreed to continue the relationship as directed by the leaders. Mr.\n"
            "Sullivan stressed that although the United States and China are in competition,\n"
            "the two sides should manage it responsibly. The rule was published by the U.S.\n"
            "Department of Commerce, Bureau of Industry and Security.\n"
            "Fact sheet")
    assert unwrap(page).split("\n\n") == [
        "Both sides agreed to continue the relationship as directed by the leaders. Mr. Sullivan stressed that "
        "although the United States and China are in competition, the two sides should manage it responsibly. "
        "The rule was published by the U.S. Department of Commerce, Bureau of Industry and Security.",
        "Fact sheet"]


RUNNING = ("@page { size: A4; margin: 2.5cm 2cm; @top-center { content: 'U.S. Department of Justice — Office of Public "
           "Affairs' } @bottom-center { content: 'Page ' counter(page) ' of ' counter(pages) } } body { font-size: 11pt }")


def _release(tmp_path: Path, record_id: str) -> tuple[Document, Document]:
    """A shipped DOJ press release printed as the department prints it (running header, page x of y)."""
    import json

    corpus = sample_path("corpus", "doj-press-releases.jsonl").read_text(encoding="utf-8").splitlines()
    record = next(json.loads(line) for line in corpus if f'"{record_id}"' in line)
    paras = "".join(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>"
                    for p in record["text"].split("\n") if p.strip())
    pdf = tmp_path / f"{record_id}.pdf"
    weasyprint.HTML(string=f"<html><head><style>{RUNNING}</style></head><body>{paras}</body></html>").write_pdf(pdf)
    txt = tmp_path / f"{record_id}.txt"
    txt.write_text(record["text"], encoding="utf-8")
    return _one(pdf), _one(txt)


def test_running_headers_and_page_numbers_are_not_text(tmp_path: Path) -> None:
    pdf, _ = _release(tmp_path, "doj-006")
    assert "Office of Public Affairs" not in pdf.text  # was read once per page (4 times)
    assert not re.search(r"Page \d+ of \d+", pdf.text)


def test_a_printed_release_gives_the_relations_of_its_text(tmp_path: Path, extractor: Extractor) -> None:
    """doj-006 printed on 4 pages: 4 of its 13 relations were found at session 27's start, 10 after line joining
    (the running header 'U.S. Department of Justice' stood in for the department), 13 now."""
    pdf, txt = _release(tmp_path, "doj-006")

    def relations(doc: Document) -> set[tuple[str, str, str]]:
        (ex,) = extractor.extract_many([doc])
        names = {e.id: e.name for e in ex.entities}
        return {(r.type, names[r.source], names[r.target]) for r in ex.relations}

    found, wanted = relations(pdf), relations(txt)
    assert len(found & wanted) >= 0.9 * len(wanted), sorted(wanted - found)
    assert len(found - wanted) <= 1, sorted(found - wanted)


def test_page_furniture_in_chinese_and_a_paragraph_over_a_page_break() -> None:
    pages = ["国务院关于推进军民融合的意见\n一、总体要求。军民融合发展战略是国家战略，要加快形成全要素、多领域、高效益的\n第 1 页 共 2 页",
             "军民融合深度发展格局。\n二、主要任务。\n第 2 页 共 2 页"]
    kept = without_running_lines(pages)
    assert all("页" not in p for p in kept)
    text = join_pages([unwrap(p, usual_width(kept)) for p in kept])
    assert "高效益的军民融合深度发展格局。" in text  # the sentence goes on over the page break, without a space
    assert text.endswith("二、主要任务。")


def test_a_list_of_names_in_capitals_stays_a_list() -> None:
    """The annex of a real executive order (wh-001): one company per line, none joined to the next."""
    page = ("AEROSPACE COMMUNICATIONS HOLDINGS GROUP COMPANY LIMITED\nAEROSUN CORPORATION\n"
            "CHINA NATIONAL NUCLEAR CORPORATION\nCHINA NATIONAL OFFSHORE OIL CORPORATION")
    assert unwrap(page, usual=60).split("\n\n") == page.split("\n")


def test_a_hyphen_that_belongs_to_the_word_stays() -> None:
    from mcfwatch.ingest.pdf import dehyphenate

    page = ("CCP Uses “Military-\nCivil Fusion” to Gain Access to Advanced Tech-\nnology Overseas; two state-owned firms "
            "and a state-\nowned bank")
    assert dehyphenate(page) == ("CCP Uses “Military-Civil Fusion” to Gain Access to Advanced Technology Overseas; "
                                 "two state-owned firms and a state-owned bank")
