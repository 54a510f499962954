"""HTML: the main text without navigation and boilerplate (trafilatura), title and publication date from metadata."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from typing import Any

from mcfwatch.errors import InputError
from mcfwatch.ingest.text import decode_bytes

_TAGS = re.compile(r"<[^>]+>")
# <meta> names that state when the page was first published (Open Graph / article, schema.org, Dublin Core,
# Highwire citation, and the names Chinese government and news sites use). Never "modified"/"updated".
_PUBLISHED_META = frozenset({
    "article:published_time", "og:article:published_time", "datepublished", "dc.date.issued",
    "dcterms.issued", "dcterms.created", "citation_publication_date", "citation_date", "pubdate", "publishdate",
    "publish-date", "publish_date", "firstpublishedtime", "publishedtime", "parsely-pub-date", "sailthru.date",
})
# Generic date names: many CMSs fill them with the day the page was built or last changed, so they are read only
# when no published-time, JSON-LD datePublished or <time pubdate> says it.
_GENERIC_META = frozenset({"date", "dc.date"})
_ISO_DAY = re.compile(r"\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


def _day(value: object) -> str | None:
    """The ISO day a machine-readable date value starts with ("2021-12-03T09:00:00+01:00" -> "2021-12-03")."""
    if not isinstance(value, str):
        return None
    m = _ISO_DAY.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


_STORY_TYPES = re.compile(r"Article|Report|BlogPosting|PressRelease|Posting", re.IGNORECASE)


def _json_ld_dates(node: Any, out: list[tuple[bool, str]], depth: int = 0) -> None:
    """(is the node a story, its datePublished day) of every node, depth first."""
    if depth > 8:
        return
    if isinstance(node, dict):
        found = _day(node.get("datePublished"))
        if found:
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            out.append((any(isinstance(k, str) and _STORY_TYPES.search(k) for k in kinds), found))
        children: list[Any] = list(node.values())
    elif isinstance(node, list):
        children = node
    else:
        return
    for child in children:
        if isinstance(child, (dict, list)):
            _json_ld_dates(child, out, depth + 1)


def _json_ld_published(node: Any) -> str | None:
    """The datePublished of the page's story: an Article/NewsArticle/Report node's before any other's (an
    @graph holds the WebPage and related articles too), else the first found."""
    dates: list[tuple[bool, str]] = []
    _json_ld_dates(node, dates)
    return next((day for story, day in dates if story), dates[0][1] if dates else None)


class _Dates(HTMLParser):
    """Collects the machine-readable publication statements of a page (stdlib parser: no extra dependency)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[str] = []
        self.generic: list[str] = []
        self.times: list[str] = []
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
            if key in _PUBLISHED_META and a.get("content"):
                self.meta.append(a["content"])
            elif key in _GENERIC_META and a.get("content"):
                self.generic.append(a["content"])
        elif tag == "time" and ("pubdate" in a or a.get("itemprop", "").lower() == "datepublished"):
            self.times.append(a.get("datetime", ""))
        elif tag == "script" and a.get("type", "").strip().lower() == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld[-1] += data


def published_from_markup(markup: str) -> str | None:
    """The publication day a page's markup states for machines, or None.

    A news page prints its date in a byline ("By Staff Reporter · Published 3 December 2021") that the boilerplate
    remover drops with the navigation, so the text alone had no date; the page's markup says it: a <meta>
    published-time (article:published_time, datePublished, DC.date.issued, PubDate …), JSON-LD datePublished, or a
    <time pubdate> / <time itemprop="datePublished"> element; a generic <meta name="date"> / DC.date last (CMSs put
    a build or change day there). Only those: a date in the story never counts, nor a "modified" time.
    """
    found = _Dates()
    found.feed(markup)
    found.close()
    for value in found.meta:
        day = _day(value)
        if day:
            return day
    for text in found.json_ld:
        try:
            day = _json_ld_published(json.loads(text))
        except (ValueError, RecursionError):
            continue
        if day:
            return day
    for value in found.times + found.generic:
        day = _day(value)
        if day:
            return day
    return None


# Text where a line break is layout: not inside <pre>, <textarea>, <script> or <style>.
_KEEPS_LINES = re.compile(r"(?is)(<(pre|textarea|script|style)\b.*?</\2\s*>)")
_SOURCE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t\r\n]*")
_CJK_CHAR = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _source_breaks_as_space(markup: str) -> str:
    """The markup with the line breaks of its source written as HTML reads them: white space, and nothing next to
    a Chinese character (as the PDF reader joins Chinese lines). A page whose source is wrapped at 80 or 120 columns reached the extractor with those
    breaks ("the National University of / Defense Technology" two entities), or with a space inside a Chinese name
    ("航天工业发展 股份有限公司"), as the boilerplate remover kept or spaced them. Paragraphs, <br> and the lines of
    <pre> stay lines."""
    def join(m: re.Match[str]) -> str:
        text = m.string
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        return "" if _CJK_CHAR.match(before) or _CJK_CHAR.match(after) else " "

    parts = _KEEPS_LINES.split(markup)
    out = []
    for i, part in enumerate(parts):
        if i % 3 == 0:
            out.append(_SOURCE_BREAK.sub(join, part))
        elif i % 3 == 1:
            out.append(part)  # the kept block; parts[i + 1] is its tag name (a split group)
    return "".join(out)


def read_html_page(data: bytes, path: str) -> tuple[str, str | None, str | None]:
    """Return (main text, title, publication day from the markup)."""
    markup = decode_bytes(data, path)
    import trafilatura

    try:
        text = trafilatura.extract(_source_breaks_as_space(markup), include_comments=False, include_tables=True,
                                   favor_recall=True)
        meta = trafilatura.extract_metadata(markup)
    except Exception as exc:  # lxml/trafilatura on hostile markup: report, do not stop the run
        raise InputError(path, f"not readable HTML ({exc.__class__.__name__}: {exc})") from exc
    title = meta.title if meta is not None else None
    if not text:
        # Very short pages defeat the boilerplate detector: fall back to all visible text.
        body = re.sub(r"(?is)<(script|style|nav|footer|header)[^>]*>.*?</\1>", " ", markup)
        text = " ".join(_TAGS.sub(" ", body).split())
    if not text.strip():
        raise InputError(path, "the HTML page holds no text")
    try:
        published = published_from_markup(markup)
    except Exception:  # a hostile page's markup: no date rather than no document
        published = None
    return text, title, published


def read_html(data: bytes, path: str) -> tuple[str, str | None]:
    """Return (main text, title)."""
    text, title, _ = read_html_page(data, path)
    return text, title
