"""PDF: the text layer (pypdf), its soft-wrapped lines joined back into paragraphs. Scanned PDFs without a text
layer are refused, not OCR'd."""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Callable

from mcfwatch.errors import InputError

_HYPHEN_BREAK = re.compile(r"(\w+)-\n(\w+)")


def dehyphenate(page: str) -> str:
    """Join a word the layout broke at a line-end hyphen. The hyphen goes ("tech-/nology" -> "technology")
    unless it belongs to the word: the next part is capitalised ("Military-/Civil Fusion") or the page writes the
    compound with its hyphen elsewhere ("state-/owned" where "state-owned" occurs); "Military-Civil" had become
    "MilitaryCivil". A number on either side ("2019-/2020", "F-/35", "Covid-/19") or an acronym on the left
    ("PLA-/linked") keeps it too: words are not broken there."""
    lowered = page.lower()

    def join(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if (right[:1].isupper() or right[:1].isdigit() or left[-1:].isdigit() or (len(left) > 1 and left.isupper())
                or f"{left}-{right}".lower() in lowered):
            return f"{left}-{right}"
        return left + right

    return _HYPHEN_BREAK.sub(join, page)
# A line that ends here ends its sentence (closing quotes and brackets after the mark allowed).
_SENTENCE_END = re.compile(r"[.!?。！？…:：;；][\"'”’）)\]」』]*$")
# ... unless the mark is a title's or an initialism's ("Mr.", "U.S.", "Co."): "the U.S. / Department of Commerce"
# and "Mr. / Sullivan stressed" are one name across the break.
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sen|Rep|Gov|Amb|St|No|Nos|Co|Corp"
                           r"|Inc|Jr|Sr|vs|Art|Sec|Vol|Fig)\.)$")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
# A line ending in one of these words never ends a paragraph or a heading: "the National University of / Defense
# Technology" is one name (English articles, prepositions and conjunctions; lower case only, so "Annex A" ends).
_GOES_ON = re.compile(r"(?:^|\s)(?:of|the|and|or|nor|a|an|to|for|in|on|at|by|with|from|into|onto|under|between"
                      r"|against|about|via|than|its|their|whose)$")
# Typographic ligatures a browser's or a word processor's PDF writes as Unicode ligature characters ("Oﬃce", "Aﬀairs").
_LIGATURES = str.maketrans({chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)})
_FULL = 0.6  # a line at least this share of the page's usual line length was wrapped by the layout, not ended


def usual_width(pages: list[str]) -> int:
    """The usual length of a printed line (90th percentile over the pages' lines); 0 when under three lines.
    Taken over the whole document: a page that only lists names (an annex) has no line of the body's width."""
    lengths = sorted(len(line.strip()) for page in pages for line in page.split("\n") if line.strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if len(lengths) >= 3 else 0


def unwrap(page: str, usual: int | None = None) -> str:
    """Join the lines a PDF's layout wrapped back into one line per paragraph.

    A text layer gives every printed line its own line: "a 75 percent stake in Alpi Aviation was / bought in 2018
    by Mars Information Technology" reached the extractor as two sentence pieces, and a news story printed in two
    columns kept 1 of the 10 relations its HTML page gives. A line is joined to the next when it does not end a
    sentence and it is nearly as long as the usual line (``usual``, by default the page's 90th percentile), or
    the next line goes on in lower case, or the line ends in a word no line of text ends in ("of", "the", "and").
    Headings, dates, list items and table rows are short: they stay lines,
    and so do two lines in capitals (a list of names in an annex).
    The lines left are paragraphs, and are separated as a text file separates them, by a blank line (a heading
    followed by one newline was read as the subject of the paragraph under it).
    A line that ends or starts with a Chinese character is joined without a space.
    """
    lines = page.split("\n")
    if usual is None:
        usual = usual_width([page])
    if not usual:
        return "\n\n".join(line.strip() for line in lines if line.strip())
    out: list[str] = []
    joining = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        if joining and out:
            out[-1] += line if _CJK.match(line[:1]) or _CJK.match(out[-1][-1:]) else " " + line
        else:
            out.append(line)
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        ended = bool(_SENTENCE_END.search(line)) and not _ABBREVIATION.search(line)
        shouting = all(any(c.isupper() for c in x) and not any(c.islower() for c in x) for x in (line, following))
        joining = bool(line and following and not ended and not shouting
                       and (len(line) >= _FULL * usual or following[:1].islower() or _GOES_ON.search(line)))
    return "\n\n".join(line for line in out if line)


_PAGE_NUMBER = re.compile(r"^(?:(?:page|p\.)\s*)?[-–—]?\s*\d+\s*[-–—]?(?:\s*(?:of|/)\s*\d+)?$|^第\s*\d+\s*页"
                          r"(?:\s*[，,]?\s*共\s*\d+\s*页)?$", re.IGNORECASE)
EDGE = 3  # lines at the top and at the bottom of a page where running headers and footers stand


def without_running_lines(pages: list[str]) -> list[str]:
    """Pages without their running headers and footers: page numbers ("Page 2 of 5", "- 3 -", "第3页 共5页") and a
    line that stands in the top edge (a header) or in the bottom edge (a footer) of at least half the pages (two at
    least), digits aside.

    A printed press release repeats "U.S. Department of Justice — Office of Public Affairs" on every page: the
    name was read as a mention on each page, and a sentence running over a page break was cut by it.
    A running line has three letters at least: a table row of numbers ("2019 120 340") at the top of two pages is
    body text. Headers and footers are counted apart, so a sentence that opens one page and closes another is
    kept; and in a document under three pages a line only runs when a number in it changes from page to page
    ("Annual Report 2023 — 1"), since two pages may share a sentence by chance."""
    if not pages:
        return pages
    split = [p.split("\n") for p in pages]

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", " ".join(line.split()))

    def top(lines: list[str]) -> list[int]:
        return list(range(min(EDGE, len(lines))))

    def bottom(lines: list[str]) -> list[int]:
        return list(range(max(0, len(lines) - EDGE), len(lines)))

    def running(side: Callable[[list[str]], list[int]]) -> set[str]:
        seen: dict[str, set[str]] = {}
        pages_with: dict[str, int] = {}
        for lines in split:
            here = {key(lines[i]): " ".join(lines[i].split()) for i in side(lines) if lines[i].strip()}
            for k, raw in here.items():
                pages_with[k] = pages_with.get(k, 0) + 1
                seen.setdefault(k, set()).add(raw)
        need = max(2, (len(pages) + 1) // 2)
        return {k for k, n in pages_with.items()
                if n >= need and sum(c.isalpha() for c in k) >= 3 and (len(pages) >= 3 or len(seen[k]) > 1)}

    if len(pages) > 1:
        headers, footers = running(top), running(bottom)
    else:
        headers, footers = set(), set()
    out = []
    for lines in split:
        head, foot = set(top(lines)), set(bottom(lines))
        kept = [line for i, line in enumerate(lines)
                if not ((i in head or i in foot) and _PAGE_NUMBER.match(line.strip()))
                and not (i in head and key(line) in headers) and not (i in foot and key(line) in footers)]
        out.append("\n".join(kept).strip())
    return [p for p in out if p]


def join_pages(pages: list[str]) -> str:
    """Pages one after the other; a paragraph that runs over a page break (its page's last line is a long line
    that does not end a sentence) goes on on the next page's first line."""
    text = ""
    for page in pages:
        last = text.rsplit("\n\n", 1)[-1]
        ended = bool(_SENTENCE_END.search(last)) and not _ABBREVIATION.search(last)
        if text and not ended and len(last) >= 40:
            text += page if _CJK.match(page[:1]) or _CJK.match(last[-1:]) else " " + page
        else:
            text += ("\n\n" if text else "") + page
    return text


def read_pdf(data: bytes, path: str) -> tuple[str, str | None]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:
                raise InputError(path, "the PDF is encrypted") from exc
        pages = [(page.extract_text() or "").translate(_LIGATURES) for page in reader.pages]
        title = None
        if reader.metadata is not None and reader.metadata.title:
            title = str(reader.metadata.title)
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(path, f"not a readable PDF ({exc.__class__.__name__}: {exc})") from exc
    except RecursionError as exc:
        raise InputError(path, "not a readable PDF (its object tree is recursive)") from exc
    except Exception as exc:  # pypdf raises assorted errors on hostile files; none may stop the run
        raise InputError(path, f"not a readable PDF ({exc.__class__.__name__}: {exc})") from exc
    kept = without_running_lines([dehyphenate(p.strip()) for p in pages if p.strip()])
    width = usual_width(kept)
    text = join_pages([unwrap(p, width) for p in kept])
    if not text.strip():
        raise InputError(path, "the PDF has no text layer (scanned image?); OCR it first")
    return text, title
