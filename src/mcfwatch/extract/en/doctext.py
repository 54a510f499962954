"""A parsed document's text and per-document memos, kept in ``Doc.user_data`` (a leaf module: every English module
may import it without a cycle)."""

from __future__ import annotations

from spacy.tokens import Doc


def text_of(doc: Doc) -> str:
    """The document's text, built once: ``Doc.text`` joins every token again on each access."""
    text = doc.user_data.get("mcfwatch_text")
    if not isinstance(text, str):
        text = doc.user_data["mcfwatch_text"] = doc.text
    return text


def memo(doc: Doc, key: str) -> dict[str, bool]:
    """A per-document verdict table under ``key`` (a word's answer, asked once per document)."""
    table = doc.user_data.get(key)
    if not isinstance(table, dict):
        table = doc.user_data[key] = {}
    return table
