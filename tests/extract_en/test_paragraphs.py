"""A blank line ends a sentence (extract/en/paragraphs.py): evidence never runs across paragraphs."""

from __future__ import annotations

import pytest

from mcfwatch.extract.en import EnglishExtractor

pytestmark = pytest.mark.slow

# Paragraphs of the Federal Register and White House texts of the corpus, joined as a document joins them;
# the heading-like first paragraph has no full stop.
TEXT = ("Subordinate institution 25th Research Institute, a.k.a., the following one alias: —Beijing Institute of "
        "Remote Sensing Equipment.\n\nMODERATOR: Thanks so much.\n\nThe Lizhong Group signed a contract with MQP "
        "Limited\n\nBrunel University met them. Then it left.\nA line\nwrapped here.")


def test_a_blank_line_ends_a_sentence_and_the_next_paragraph_starts_whole(english: EnglishExtractor) -> None:
    sents = [s.text.strip() for s in english.nlp(TEXT).sents]
    assert "MODERATOR" not in sents[0] and sents[0].endswith("Equipment.")
    assert "The Lizhong Group signed a contract with MQP Limited" in sents
    assert "Brunel University met them." in sents  # not "Brunel" | "University met them."
    assert "A line\nwrapped here." in sents  # one newline is a wrapped line, not a break


def test_no_relation_or_evidence_crosses_a_paragraph(extract_text) -> None:
    ex = extract_text("Exhibitors\n\nThe Lizhong Group signed a contract with MQP Limited on 5 November 2018.\n\n"
                      "Brunel University hosted a delegation from Baoding.")
    assert ex.relations
    assert all("\n\n" not in r.evidence.text.strip() for r in ex.relations)
