"""English date expressions: exact, partial, ranges, relative to the publication date."""

from __future__ import annotations

import pytest

from mcfwatch.extract.dates import find_dates, parse_date


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("from November 19 to 26, 2018, the delegation", None, ("2018-11-19", "2018-11-26")),
    ("from June 9-16, 2019,", None, ("2019-06-09", "2019-06-16")),
    ("in July 2019, it invited", None, ("2019-07", None)),
    ("on August 1, 2016, it participated", None, ("2016-08-01", None)),
    ("in October 2018.", None, ("2018-10", None)),
    ("last October", "2019-03-02", ("2018-10", None)),
    ("last October", "2019-11-20", ("2019-10", None)),
    ("met on September 16-17 with", "2023-09-17", ("2023-09-16", "2023-09-17")),
    ("November 19 to December 2, 2018", None, ("2018-11-19", "2018-12-02")),
    ("on 1 August 2016", None, ("2016-08-01", None)),
    ("between 2015 and 2018", None, ("2015", "2018")),
])
def test_parse(text: str, published: str | None, expected: tuple[str, str | None]) -> None:
    assert parse_date(text, published) == expected


def test_relative_dates_need_a_publication_date() -> None:
    assert parse_date("last October") is None


def test_not_a_date() -> None:
    assert find_dates("FR Doc. 2020-03144 and 13873") == []


def test_spans_quote_the_text() -> None:
    text = "It mentioned that from November 19 to 26, 2018, the delegation visited"
    for d in find_dates(text):
        assert text[d.start:d.end] == d.text
