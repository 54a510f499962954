"""Exact keys for names: the cheapest form of resolution, used when storing mentions and building ids."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_LEADING_ARTICLE = re.compile(r"^(the)\s+", re.IGNORECASE)


def name_key(name: str) -> str:
    """Case-, width- and punctuation-insensitive key of a name ("The Lizhong Group" -> "lizhong group")."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = _LEADING_ARTICLE.sub("", text)
    text = _NON_WORD.sub(" ", text.casefold())
    return " ".join(text.split())


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,9}$")


def is_acronym(name: str) -> bool:
    """A single short upper-case word (NPU, CETC): on its own it never proves which organisation is meant."""
    return bool(_ACRONYM.match(unicodedata.normalize("NFKC", name).strip()))
