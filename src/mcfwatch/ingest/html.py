"""HTML: the main text without navigation and boilerplate (trafilatura), title from metadata."""

from __future__ import annotations

import re

from mcfwatch.errors import InputError
from mcfwatch.ingest.text import decode_bytes

_TAGS = re.compile(r"<[^>]+>")


def read_html(data: bytes, path: str) -> tuple[str, str | None]:
    """Return (main text, title)."""
    markup = decode_bytes(data, path)
    import trafilatura

    try:
        text = trafilatura.extract(markup, include_comments=False, include_tables=True, favor_recall=True)
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
    return text, title
