"""Running headers and footers go; body text that merely repeats at a page edge stays (review s27 doors #2)."""

from __future__ import annotations

from mcfwatch.ingest.pdf import without_running_lines


def test_table_rows_of_numbers_at_page_tops_are_body_text() -> None:
    """A table continued over pages: its numbers-only rows stand at the top of each page, as a header would."""
    pages = ["Table 3. Exports by year (US$ million)\n2019 120 340\nExports rose in both years.\nmore body.\nend",
             "2020 125 350\nExports fell in the next year.\nmore body.\nChapter 2\nend 2",
             "2021 130 360\nThe final year of the series.\nmore body.\nChapter 3\nend 3"]
    kept = without_running_lines(pages)
    assert all(row in "\n".join(kept) for row in ("2019 120 340", "2020 125 350", "2021 130 360"))


def test_a_sentence_repeated_on_two_pages_is_kept() -> None:
    pages = ["Introduction\nThe company was founded in 2008 in Beijing.\nIt makes drones.",
             "Results\nThe company was founded in 2008 in Beijing.\nIt sells abroad."]
    assert without_running_lines(pages) == pages


def test_a_line_closing_one_page_and_opening_another_is_not_a_header() -> None:
    """Counted apart: a header stands at the top of pages, a footer at their bottom."""
    pages = ["Summary of findings\nbody one\nbody two\nbody three\nbody four\nSee the annex for sources.",
             "See the annex for sources.\nbody five\nbody six\nbody seven\nbody eight\nClosing words",
             "Further findings\nbody nine\nbody ten\nbody eleven\nbody twelve\nLast words"]
    assert sum(p.count("See the annex for sources.") for p in without_running_lines(pages)) == 2


def test_headers_with_a_page_number_still_go_in_two_pages() -> None:
    pages = ["Annual Report 2023 - 1\nThe firm signed an agreement with Beihang University.",
             "Annual Report 2023 - 2\nThe agreement covers drone research."]
    assert without_running_lines(pages) == ["The firm signed an agreement with Beihang University.",
                                            "The agreement covers drone research."]


def test_a_running_header_and_page_numbers_go_on_every_page() -> None:
    bodies = ["The defendant pleaded guilty.", "He exported parts to China.", "The case was investigated by HSI.",
              "Sentencing is set for May."]
    pages = [f"U.S. Department of Justice — Office of Public Affairs\n{b}\nPage {i} of 4"
             for i, b in enumerate(bodies, 1)]
    assert without_running_lines(pages) == bodies


def test_a_line_end_hyphen_after_a_number_or_an_acronym_stays() -> None:
    """Review s27 doors #5: "PLA-linked" became "PLAlinked" (and lost its PLA mention), "F-35" "F35"."""
    from mcfwatch.ingest.pdf import dehyphenate

    page = "from 2019-\n2020 the F-\n35 and Covid-\n19 and a PLA-\nlinked firm built tech-\nnology"
    assert dehyphenate(page) == "from 2019-2020 the F-35 and Covid-19 and a PLA-linked firm built technology"
