"""The entity ruler's flag matcher finds what a plain Matcher of the same patterns finds, in the same order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from mcfwatch.extract.corpus import load_corpus
from mcfwatch.extract.en.lexflags import FlagMatcher, needs, required, word_test
from mcfwatch.extract.en.model import RULER_NAME, load_nlp
from mcfwatch.extract.en.patterns import static_patterns

REPO = Path(__file__).resolve().parents[2]


def _plain(ruler: Any) -> Matcher:
    """A plain Matcher of the static patterns under the keys the EntityRuler gives them, in the same order."""
    plain = Matcher(ruler.nlp.vocab)
    for p in static_patterns():
        key = ruler._create_label(p["label"], p["id"]) if "id" in p else p["label"]
        plain.add(key, [p["pattern"]])
    return plain


def test_the_pipelines_ruler_matches_as_a_plain_matcher_on_the_corpus() -> None:
    nlp = load_nlp()
    ruler = nlp.get_pipe(RULER_NAME)
    assert isinstance(ruler.matcher, FlagMatcher)  # type: ignore[attr-defined]
    assert len(ruler.matcher.flags) >= 40  # type: ignore[attr-defined]
    before = nlp.pipe_names[: nlp.pipe_names.index(RULER_NAME)]
    texts = [d.text for d in load_corpus([REPO / "corpus" / "train" / "en.jsonl"])[:120]]
    with nlp.select_pipes(enable=before):
        docs: list[Doc] = list(nlp.pipe(texts))
    plain = _plain(ruler)
    n = 0
    for doc in docs:
        want = list(plain(doc))
        assert list(ruler.matcher(doc)) == want, doc.text[:80]  # type: ignore[attr-defined]
        n += len(want)
    assert n > 500


def test_words_the_vocabulary_held_before_and_new_words_get_the_flags() -> None:
    nlp = spacy.blank("en")
    old = "The Harbin Municipal Science Bureau met the Ministry of Commerce ."
    nlp(old)  # these lexemes exist before the flags do
    patterns: list[list[dict[str | int, Any]]] = [
        [{"TEXT": {"REGEX": "^[A-Z]", "NOT_IN": ["The", "Ministry"]}, "OP": "+"},
         {"LOWER": {"IN": ["bureau", "commission"]}}],
        [{"LOWER": "ministry"}, {"LOWER": "of"}, {"TEXT": {"REGEX": "^[A-Z][a-z]+$"}}],
    ]
    fast, plain = FlagMatcher(nlp.vocab), Matcher(nlp.vocab)
    for k, p in enumerate(patterns):
        fast.add(f"P{k}", [p])
        plain.add(f"P{k}", [p])  # type: ignore[list-item]
    assert len(fast.flags) == 3 and len(fast) == 2 and "P1" in fast
    between = "Qingdao Harbour Bureau and the ministry of Transport"
    nlp(between)  # lexemes made after the patterns, before the first match
    for text in (between, old, "Shenyang Aerospace Bureau and the Ministry of Industry", "the ministry of Defence commission"):
        doc = nlp(text)
        assert list(fast(doc)) == list(plain(doc)) and list(plain(doc)), text


def test_unknown_conditions_stay_predicates() -> None:
    assert word_test({"LOWER": {"FUZZY": "bureau"}}) is None
    assert word_test({"POS": {"IN": ["PROPN"]}}) is None
    found = word_test({"TEXT": {"REGEX": "^[A-Z]"}, "LOWER": {"NOT_IN": ["the"]}})
    assert found is not None
    test = found[1]
    assert test("Harbin") and not test("The") and not test("harbin")


def test_required_specs() -> None:
    assert required({"LOWER": "of"}) and required({"IS_TITLE": True, "OP": "+"}) and required({"OP": "{1,3}"})
    assert not any(required({"LOWER": "of", "OP": op}) for op in ("?", "*", "!", "{0,2}", "{,2}"))
    assert needs({"LOWER": "of", "OP": "?"}, {"LOWER": "of", "OP": "?"}) == []


def test_patterns_that_cannot_match_in_a_document_are_left_out_with_the_same_matches() -> None:
    nlp = spacy.blank("en")
    patterns: list[list[dict[str | int, Any]]] = [
        [{"TEXT": "NATO"}, {"LOWER": "summit"}],  # a word the document must have
        [{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["university", "institute"]}}],  # a required last word
        [{"TEXT": {"REGEX": r"^\d+(st|nd|rd|th)$"}}, {"IS_TITLE": True, "OP": "+"}],  # a word flag: ordinals
        [{"IS_TITLE": True}, {"LOWER": "of", "OP": "?"}, {"IS_TITLE": True}],  # nothing a word set can tell
    ]
    fast, plain = FlagMatcher(nlp.vocab), Matcher(nlp.vocab)
    for k, p in enumerate(patterns):
        fast.add(f"P{k}", [p])
        plain.add(f"P{k}", [p])  # type: ignore[list-item]
    texts = {
        "The Harbin Institute of Technology met Beihang University at the NATO summit .": 1,
        "Delegates of the 14th Research Institute met Ministry of Commerce staff .": 1,
        "Officials of the Ministry of Commerce went to Beijing .": 3,
        "the 3rd Field Army and the NATO summit": 1,
    }
    for text, left_out in texts.items():
        doc = nlp(text)
        assert len(fast.for_doc(doc)) == len(patterns) - left_out, text
        assert list(fast(doc)) == list(plain(doc)) and list(plain(doc)), text
    doc = nlp("no capital here")
    assert len(fast.for_doc(doc)) == 1 and list(fast(doc)) == list(plain(doc)) == []  # only the last can run
