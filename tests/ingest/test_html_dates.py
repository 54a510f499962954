"""A saved news page's publication date from its markup (session 27 user try).

The page of a real case (Italy's Guardia di Finanza on the 2018 covert purchase of the drone maker Alpi
Aviation, reported in December 2021) prints its date in the byline, which the boilerplate remover drops with
the navigation: the document had no date, so "last October" and "on Tuesday" could not be resolved and the
timeline showed the story undated. News and government pages state the date for machines; only those
statements count, never a date in the story or a "modified" time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mcfwatch.ingest import read_file
from mcfwatch.ingest.html import published_from_markup
from mcfwatch.model import Document

STORY = (
    "<h1>Italian police uncover covert Chinese takeover of military drone maker Alpi Aviation</h1>"
    "<div class='byline'>By Staff Reporter · {byline}</div>"
    "<p>PORDENONE, Italy — The Guardia di Finanza said on Tuesday that Alpi Aviation, a small manufacturer of "
    "military drones based in San Quirino near Pordenone, had been secretly acquired by two Chinese state-owned "
    "companies in 2018 without the notification required under Italy's golden power rules.</p>"
    "<p>According to the financial police, a 75 percent stake in Alpi Aviation was bought on 4 May 2018 by Mars "
    "Information Technology Holding Co., Ltd., a company registered in Hong Kong. Investigators said that Mars "
    "Information Technology was controlled by Wuxi Industrial Development Group, an investment company owned by "
    "the municipal government of Wuxi.</p>"
    "<p>Alpi Aviation produces the Strix, a small unmanned aircraft that the Italian Army used in Afghanistan.</p>"
)
NAV = "<nav><a href='/'>Home</a><a href='/defence'>Defence</a></nav><div class='cookie'>We use cookies.</div>"


def page(head: str = "", byline: str = "<time>3 December 2021</time>", body_extra: str = "") -> bytes:
    html = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Alpi Aviation | Defence Wire</title>"
            f"{head}</head><body>{NAV}<main><article>{STORY.format(byline=byline)}{body_extra}</article></main>"
            "<footer>© 2021 Defence Wire</footer></body></html>")
    return html.encode("utf-8")


def read(tmp_path: Path, data: bytes) -> Document:
    f = tmp_path / "Alpi Aviation – Defence Wire.html"
    f.write_bytes(data)
    (doc,) = read_file(f)
    assert isinstance(doc, Document), doc
    return doc


@pytest.mark.parametrize("head,byline", [
    ("<meta property='article:published_time' content='2021-12-03T09:00:00+01:00'>", "<time>3 December 2021</time>"),
    ("<script type='application/ld+json'>{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": "
     "\"NewsArticle\", \"headline\": \"Italian police uncover covert Chinese takeover\", \"datePublished\": "
     "\"2021-12-03T08:00:00Z\"}]}</script>", "<time>3 December 2021</time>"),
    ("", "<time pubdate datetime='2021-12-03'>3 December 2021</time>"),
    ("", "<time itemprop='datePublished' datetime='2021-12-03T09:00'>3 Dec 2021</time>"),
    ("<meta name='PubDate' content='2021-12-03 10:30'>", "发布时间"),  # gov.cn-style pages
])
def test_a_news_page_takes_the_date_its_markup_states(tmp_path: Path, head: str, byline: str) -> None:
    doc = read(tmp_path, page(head, byline))
    assert "Mars Information Technology Holding" in doc.text and "cookies" not in doc.text
    assert doc.published == "2021-12-03"


def test_a_story_date_or_a_modified_time_is_no_publication_date(tmp_path: Path) -> None:
    head = ("<meta property='article:modified_time' content='2022-01-10T09:00:00Z'>"
            "<script type='application/ld+json'>{\"dateModified\": \"2022-01-10\", \"datePublished\": \"soon\"}"
            "</script><script type='application/ld+json'>{not json</script>")
    doc = read(tmp_path, page(head, byline="<time datetime='2022-01-10'>updated 10 January 2022</time>"))
    assert doc.published is None  # the story's "4 May 2018", the modified time and a bare <time> do not count


def test_a_labelled_line_in_the_text_wins_over_the_markup(tmp_path: Path) -> None:
    head = "<meta property='article:published_time' content='2021-12-04T09:00:00Z'>"
    doc = read(tmp_path, page(head).replace(b"<p>PORDENONE", b"<p>Published: 3 December 2021</p><p>PORDENONE"))
    assert "Published: 3 December 2021" in doc.text
    assert doc.published == "2021-12-03"


def test_hostile_markup_gives_no_date_not_a_failure() -> None:
    assert published_from_markup("") is None
    assert published_from_markup("<meta name='date' content='2021-02-30'>") is None  # no such day
    deep = "<script type='application/ld+json'>" + "[" * 5000 + "]" * 5000 + "</script>"
    assert published_from_markup(deep) is None


def test_a_generic_date_meta_yields_to_the_published_time(tmp_path: Path) -> None:
    """Review s27 doors #7: a CMS's <meta name="date"> (the day the page was built) came before JSON-LD's
    datePublished and <time pubdate>; it is read last now, and still read when nothing else states a day."""
    built = "<meta name='date' content='2024-06-30'><meta name='DC.date' content='2024-06-30'>"
    doc = read(tmp_path, page(built, "<time pubdate datetime='2021-12-03'>3 December 2021</time>"))
    assert doc.published == "2021-12-03"
    assert published_from_markup(f"<html><head>{built}</head></html>") == "2024-06-30"


def test_json_ld_takes_the_articles_date_not_a_related_items() -> None:
    """Review s27 doors #7: an @graph with the WebPage, a related article and the story gave the first
    datePublished met, another item's."""
    graph = ('{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "datePublished": "2020-01-01", '
             '"relatedLink": {"@type": "WebPage", "datePublished": "2019-05-05"}}, '
             '{"@type": "NewsArticle", "headline": "Italian police uncover covert Chinese takeover", '
             '"datePublished": "2021-12-03T08:00:00Z"}]}')
    markup = f"<html><head><script type='application/ld+json'>{graph}</script></head></html>"
    assert published_from_markup(markup) == "2021-12-03"
