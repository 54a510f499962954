"""The entity ruler's word conditions as lexeme flags, so that its ``Matcher`` tests them in C.

A Matcher condition written as a dict on the word (``{"TEXT": {"REGEX": "^[A-Z]"}}``, ``{"LOWER": {"IN": [...]}}``,
``NOT_IN``) is a Python predicate, called for every token each pattern state reaches: about a third of the
hand-pattern ruler's time (``mcfwatch_ruler``, ~1 s of CPU on the shipped corpus). Such a condition depends on
the word alone, so ``FlagMatcher`` turns the word conditions of each token spec into one boolean lexeme flag
(``Vocab`` flag bits 19-63, which spaCy leaves free) and the spec into ``{flag: True, ...}``; the other keys
(``POS``, ``OP``, plain strings) stay as written.

What must stay true: the matches, and their order, are the plain ``Matcher``'s. Every lexeme carries the flags
before a document is matched: new lexemes get them from the vocabulary's attribute getters when they are made,
the lexemes the vocabulary held before on the first document that uses them (setting the flags of all ~28,000
at load time costs ~2 s; the tests are put in place at the first document, not while the pipeline is built). A spec whose conditions this does not know, or one past the free bits, stays a
predicate. ``tests/extract_en/test_lexflags.py`` compares both matchers on the corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any, cast

from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

Spec = dict[str | int, Any]
Test = Callable[[str], bool]
WORD_KEYS = ("TEXT", "ORTH", "LOWER")  # attributes that depend on the word alone (LOWER is the text lower-cased)
FREE_FLAGS = range(19, 64)  # spacy.attrs: 1-18 are IS_ALPHA ... IS_CURRENCY


def _one(key: str, op: str, arg: Any) -> Test | None:
    """One word condition as a test of the word's text (None: not one this knows)."""
    low = key == "LOWER"
    if op == "REGEX" and isinstance(arg, str):
        rx = re.compile(arg)
        return (lambda s: rx.search(s.lower()) is not None) if low else (lambda s: rx.search(s) is not None)
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
        words, inside = frozenset(arg), op == "IN"
        return (lambda s: (s.lower() in words) is inside) if low else (lambda s: (s in words) is inside)
    return None


def word_test(spec: Spec) -> tuple[str, Test] | None:
    """The spec's word conditions as one test (all must hold) and a key naming them; None when the spec has none
    or one this does not know."""
    conds = [(k, v) for k, v in spec.items() if k in WORD_KEYS and isinstance(v, dict)]
    if not conds:
        return None
    tests: list[Test] = []
    for key, ops in conds:
        for op, arg in ops.items():
            test = _one(str(key), op, arg)
            if test is None:
                return None
            tests.append(test)
    return json.dumps(conds, sort_keys=True), lambda s: all(t(s) for t in tests)


def _unset(text: str) -> bool:
    """A flag's value before its test is in place (``flag_words`` sets it on first use)."""
    return False


class FlagMatcher:
    """A ``Matcher`` whose patterns' word conditions are lexeme flags; put it in an EntityRuler's ``matcher``
    before its patterns are added (``add`` keeps the order they come in, so the matches come in the same order)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab, validate=False)  # the schema knows no flag keys; patterns come validated
        self.flags: dict[str, int] = {}
        self.tests: list[tuple[int, Test]] = []
        self.getters: dict[int, Callable[[str], Any]] = vocab.lex_attr_getters  # type: ignore[attr-defined]
        self.free = [b for b in FREE_FLAGS if b not in self.getters]
        self.pending: set[int] = set()  # lexemes made before some flag existed, not yet flagged
        self.stale = False  # a flag was made since ``pending`` was taken

    def _flag(self, key: str, test: Test) -> int | None:
        found = self.flags.get(key)
        if found is None and self.free:
            found = self.flags[key] = self.free.pop(0)
            # the bit is taken; the test itself runs from the first document on (lexemes made while the pipeline
            # is built, thousands of watchlist words, would otherwise pay every test at load time)
            self.getters[found] = _unset
            self.tests.append((found, test))
            self.stale = True
        return found

    def convert(self, pattern: list[Spec]) -> list[Spec]:
        out = []
        for spec in pattern:
            found = word_test(spec)
            flag = self._flag(*found) if found is not None else None
            if flag is None:
                out.append(spec)
                continue
            new: Spec = {k: v for k, v in spec.items() if not (k in WORD_KEYS and isinstance(v, dict))}
            new[flag] = True
            out.append(new)
        return out

    def add(self, key: str, patterns: list[list[Spec]], **kwargs: Any) -> None:
        self.matcher.add(key, [cast(Any, self.convert(p)) for p in patterns], **kwargs)

    def remove(self, key: str) -> None:
        self.matcher.remove(key)

    def _normalize_key(self, key: Any) -> Any:
        return self.matcher._normalize_key(key)

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key: str) -> bool:
        return key in self.matcher

    def flag_words(self, doc: Doc) -> None:
        """Set the flags of the document's lexemes that the vocabulary held before the flags existed."""
        if self.stale:  # every lexeme now held: those made later get the flags from the getters
            for flag, test in self.tests:
                self.getters[flag] = test
            self.pending, self.stale = {lex.orth for lex in self.vocab}, False
        if not self.pending:
            return
        for orth in set(doc.to_array("ORTH").tolist()) & self.pending:
            lex = Lexeme(self.vocab, orth)
            text = lex.orth_
            for flag, test in self.tests:
                lex.set_flag(flag, test(text))
            self.pending.discard(orth)

    def __call__(self, doc: Doc, **kwargs: Any) -> Any:
        self.flag_words(doc)
        return self.matcher(doc, **kwargs)


def use_flags(ruler: Any) -> None:
    """Give an EntityRuler with no token patterns yet a ``FlagMatcher`` (call before ``add_patterns``)."""
    if len(ruler.matcher):
        raise ValueError("use_flags: the entity ruler has token patterns already; call it before add_patterns")
    ruler.matcher = FlagMatcher(ruler.nlp.vocab)
