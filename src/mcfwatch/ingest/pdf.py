"""PDF: the text layer (pypdf), its soft-wrapped lines joined back into paragraphs. Scanned PDFs without a text
layer are refused, not OCR'd."""

from __future__ import annotations

import io
import logging
import re

from mcfwatch.errors import InputError

_HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")
# A line that ends here ends its sentence (closing quotes and brackets after the mark allowed).
_SENTENCE_END = re.compile(r"[.!?。！？…:：;；][\"'”’）)\]」』]*$")
# ... unless the mark is a title's or an initialism's ("Mr.", "U.S.", "Co."): "the U.S. / Department of Commerce"
# and "Mr. / Sullivan stressed" are one name across the break.
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.){1,3}|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sen|Rep|Gov|Amb|St|No|Nos|Co|Corp"
                           r"|Inc|Jr|Sr|vs|Art|Sec|Vol|Fig)\.)$")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
_FULL = 0.6  # a line at least this share of the page's usual line length was wrapped by the layout, not ended


def unwrap(page: str) -> str:
    """Join the lines a PDF's layout wrapped back into one line per paragraph.

    A text layer gives every printed line its own line: "a 75 percent stake in Alpi Aviation was / bought in 2018
    by Mars Information Technology" reached the extractor as two sentence pieces, and a news story printed in two
    columns kept 1 of the 10 relations its HTML page gives. A line is joined to the next when it does not end a
    sentence and it is nearly as long as the page's usual line (the 90th percentile: the layout wrapped it), or
    the next line goes on in lower case. Headings, dates, list items and table rows are short: they stay lines.
    A line that ends or starts with a Chinese character is joined without a space.
    """
    lines = page.split("\n")
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < 3:
        return page
    usual = lengths[int(0.9 * (len(lengths) - 1))]
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
        joining = bool(line and following and not ended
                       and (len(line) >= _FULL * usual or following[:1].islower()))
    return "\n".join(out)


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
        pages = [page.extract_text() or "" for page in reader.pages]
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
    text = "\n\n".join(unwrap(_HYPHEN_BREAK.sub(r"\1\2", p.strip())) for p in pages if p.strip())
    if not text.strip():
        raise InputError(path, "the PDF has no text layer (scanned image?); OCR it first")
    return text, title
