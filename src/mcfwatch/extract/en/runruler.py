"""An entity ruler that finds "fixed words, then any number of continuation words" without its Matcher.

The late ruler's technology patterns are of one shape: a fixed sequence of lower-case words, then any number of
words from one set ("semiconductor manufacturing equipment", "... items"). spaCy's ``Matcher`` tries each such
pattern at every token, so a hundred of them cost as much as the rest of the ruler. ``RunRuler`` finds the fixed
words with a ``PhraseMatcher`` (one lookup per token, whatever the number of patterns) and extends each hit over
the continuation words; every other pattern goes to the ruler as before.

What must stay true: the matches are the ``EntityRuler``'s. For a pattern ``[w1 .. wk, {"LOWER": {"IN": C},
"OP": "*"}]`` the Matcher returns every span from the fixed words up to any number of following words in C,
and so does ``_runs``; the ruler then sorts the union and resolves overlaps exactly as spaCy's ruler does.
``tests/extract_en/test_runruler.py`` compares the matches with the Matcher's on the corpus.
"""

from __future__ import annotations

import warnings
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

Match = tuple[int, int, int]


def run_shape(pattern: dict[str, Any]) -> tuple[str, tuple[str, ...], frozenset[str]] | None:
    """(label, fixed words, continuation words) of a pattern of the run shape, else None."""
    tokens = pattern.get("pattern")
    if "id" in pattern or not isinstance(tokens, list) or len(tokens) < 2:
        return None
    *fixed, last = tokens
    if not all(set(t) == {"LOWER"} and isinstance(t["LOWER"], str) and t["LOWER"] == t["LOWER"].lower()
               for t in fixed):  # a capital never meets LOWER in the Matcher, but would in the PhraseMatcher
        return None
    if set(last) != {"LOWER", "OP"} or last["OP"] != "*" or not isinstance(last["LOWER"], dict):
        return None
    if set(last["LOWER"]) != {"IN"}:
        return None
    return str(pattern["label"]), tuple(t["LOWER"] for t in fixed), frozenset(last["LOWER"]["IN"])


class RunRuler(EntityRuler):
    """An ``EntityRuler`` whose run-shaped token patterns are matched by phrase lookup (see the module)."""

    def __init__(self, nlp: Language, name: str, **config: Any) -> None:
        super().__init__(nlp, name, **config)
        self.strings = nlp.vocab.strings
        self.run_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.run_keys: dict[int, tuple[int, frozenset[str]]] = {}  # phrase key -> (label hash, continuation)

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        rest = []
        for p in patterns:
            shape = run_shape(p)
            if shape is None:
                rest.append(p)
                continue
            label, words, cont = shape
            key = f"run:{label}:{'|'.join(sorted(cont))}"
            self.run_keys[self.strings.add(key)] = (self.strings.add(label), cont)
            self.run_matcher.add(key, [Doc(self.nlp.vocab, words=list(words))])
        if rest:
            super().add_patterns(rest)

    def _runs(self, doc: Doc) -> set[Match]:
        out: set[Match] = set()
        for key, start, end in self.run_matcher(doc):
            label, cont = self.run_keys[key]
            out.add((label, start, end))
            while end < len(doc) and doc[end].lower_ in cont:
                end += 1
                out.add((label, start, end))
        return out

    def match(self, doc: Doc) -> list[Match]:
        """spaCy's ``EntityRuler.match`` with the runs' matches added before the sort."""
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            matches = list(self.matcher(doc)) + list(self.phrase_matcher(doc))
        final = {(m_id, start, end) for m_id, start, end in matches if start != end} | self._runs(doc)
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory("mcfwatch_run_ruler", default_config={"phrase_matcher_attr": "LOWER", "overwrite_ents": False})
def make_run_ruler(nlp: Language, name: str, phrase_matcher_attr: str, overwrite_ents: bool) -> RunRuler:
    return RunRuler(nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents)
