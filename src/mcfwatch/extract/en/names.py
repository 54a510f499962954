"""Name keys: the one name of a country written several ways, and the key under which mentions of one
entity meet within a document. Pure functions."""

from __future__ import annotations

import re

COUNTRY_NAMES: dict[str, str] = {
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom", "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States", "united states": "United States", "united states of america": "United States",
    "prc": "China", "p.r.c.": "China", "people's republic of china": "China", "china": "China",
    "the people's republic of china": "China", "mainland china": "China",
    "rok": "South Korea", "republic of korea": "South Korea", "south korea": "South Korea",
    "roc": "Taiwan", "taiwan": "Taiwan", "dprk": "North Korea", "north korea": "North Korea",
    "indo-pacific": "Indo-Pacific", "russian federation": "Russia", "russia": "Russia",
    "democratic people's republic of korea": "North Korea",
}


_COUNTRY_ADJECTIVES = {"chinese": "china", "american": "united states", "u.s.": "united states", "us": "united states",
                       "british": "united kingdom", "russian": "russia", "japanese": "japan"}


def country_name(name: str) -> str | None:
    """The one name of a country written several ways ("UK", "Britain" -> "United Kingdom")."""
    key = re.sub(r"^the\s+", "", name.lower().replace("’", "'")).strip()
    key = re.sub(r"\s+special administrative region$", "", key)
    if key.endswith(" government"):  # "Chinese Government", "U.S. Government"
        key = key.removesuffix(" government")
        key = _COUNTRY_ADJECTIVES.get(key, key)
    return COUNTRY_NAMES.get(key)


def name_key(name: str, etype: str | None = None) -> str:
    """The key under which mentions of one entity meet: case, "the", punctuation and place suffixes ignored; a
    country's name is its key, but not "U.S. Government" typed as a public body."""
    key = re.sub(r"[“”\"'’.,()]", "", name.lower())
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"\s+", " ", key).strip()
    key = re.sub(r"^(?:us |u s )?(department|ministry) of (?:the )?(\w+)$", r"\2 \1", key)
    country = country_name(name)
    if country is not None and not (etype not in {None, "Place"} and key.endswith(" government")):
        return country.lower()
    if etype == "Place":
        key = re.sub(r"\s+(city|province|municipality)$", "", key)
    return key


__all__ = ["COUNTRY_NAMES", "country_name", "name_key"]
