"""The model's rule lemmatizer, without a Python ``Token`` per token.

spaCy's ``Lemmatizer`` builds a ``Token`` object for every token and runs ``is_base_form`` (a morphology dict)
before its cache: about a twentieth of the English pipeline's time. A token's rule lemma depends only on its
text, part of speech and morphology (the lemmatizer's own cache key), so ``FastLemmatizer`` reads those three
columns with ``Doc.to_array``, asks the lemmatizer once per distinct triple and writes the column back.

What must stay true: the lemmas are the ``Lemmatizer``'s. It keeps the lemma a token already has (the
attribute ruler's exceptions) unless the lemmatizer overwrites; ``tests/extract_en/test_lemmas.py`` compares
both on the corpus.
"""

from __future__ import annotations

from typing import Any, cast

import numpy as np
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from mcfwatch.extract.en.attributes import swap_pipe

_COLUMNS: list[int | str] = ["ORTH", "POS", "MORPH", "LEMMA"]


class FastLemmatizer:
    """Sets ``lemmatizer``'s lemmas; use it in the lemmatizer's place in the pipeline (rule mode only)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode != "rule":
            raise ValueError(f"lemmatizer mode {lemmatizer.mode!r}: only 'rule' has a fast twin")
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self.overwrite = bool(lemmatizer.overwrite)
        self._lemma: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    def _lemma_of(self, doc: Doc, i: int, key: tuple[int, int, int]) -> int:
        found = self._lemma.get(key)
        if found is None:
            found = self._lemma[key] = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        cols = doc.to_array(_COLUMNS)
        lemmas = cols[:, 3].copy()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(cols.tolist()):
            if self.overwrite or lemma == 0:
                lemmas[i] = self._lemma_of(doc, i, (orth, pos, morph))
                changed = True
        if changed:
            doc.from_array(["LEMMA"], cast(Any, np.asarray(lemmas, dtype=np.uint64).reshape(-1, 1)))
        return doc


@Language.factory("mcfwatch_lemmatizer")
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """The fast twin of the pipeline's ``lemmatizer`` (which must be there when this is added)."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer):
        raise TypeError(f"lemmatizer is a {type(lemmatizer).__name__}, not spaCy's Lemmatizer")
    return FastLemmatizer(lemmatizer)


def replace_lemmatizer(nlp: Language) -> None:
    """Put the fast twin in the place and under the name of the pipeline's ``lemmatizer``."""
    swap_pipe(nlp, "lemmatizer", "mcfwatch_lemmatizer")
