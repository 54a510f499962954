"""A blank line ends a sentence: paragraphs, list items and headings are never one sentence with what follows.

The pinned parser joins "…Remote Sensing Equipment.\\n\\nMODERATOR: Thanks so much." and a heading with the
paragraph under it into one sentence, so an evidence span crossed paragraphs and two parties in different
paragraphs became a same-sentence pair. Set before the parser, which keeps boundaries it is given.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("mcfwatch_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """The first word after a blank line starts a sentence."""
    broken = False
    for tok in doc:
        if tok.is_space:
            broken = broken or tok.text.count("\n") >= 2
            continue
        if broken and tok.i > 0:
            tok.is_sent_start = True
            # Given a boundary after a heading with no full stop, the parser may also cut the paragraph's
            # first word off as a sentence of its own ("Brunel" | "University met them."): it may not.
            if tok.i + 1 < len(doc) and not (doc[tok.i + 1].is_space or doc[tok.i + 1].is_punct):
                doc[tok.i + 1].is_sent_start = False
        broken = False
    return doc
