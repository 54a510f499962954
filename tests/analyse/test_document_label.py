"""How every door names a document (graph.model.document_label): the review of session 27 found a blank title won."""

from __future__ import annotations

from mcfwatch.data import sample_path
from mcfwatch.graph.model import document_label


def test_a_blank_title_gives_way_to_the_opening_words() -> None:
    text = sample_path("zh", "seed_zh.txt").read_text("utf-8")
    label = document_label("  ", text, None, "/tmp/seed_zh.docx", "doc-1")
    assert label.strip() and label != "  " and label[:4] == text.strip()[:4], label


def test_a_real_title_is_shown_stripped() -> None:
    assert document_label(" Internal Document ", "body", None, None, "doc-1") == "Internal Document"
