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

Patterns that cannot match in a document are left out of its matching. The Matcher starts every pattern at every
token (~0.1 us per pattern and token, whether it can match there or not), and most patterns need some word that a
given document lacks: "NATO", "thousand", one of {"IN": ["Embassy", "Consulate"]}, an ordinal, a university
head word. A token spec that every match must use (no ``OP``, or one that takes at least one token) and that
names words, or tests a word flag, can be met only by a token that is one of those words or has that flag. A
pattern with such a spec that no token of the document meets finds nothing there, and its runs change nothing
in the others' (they leave no match, and the predicate cache they fill only remembers values); so the Matcher of
the other patterns, in the order they were added, finds the same matches in the same order as the Matcher of all.
Those Matchers are made on first need and kept per set of patterns left out (~2 ms each).
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, cast

from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

Spec = dict[str | int, Any]
Test = Callable[[str], bool]
WORD_KEYS = ("TEXT", "ORTH", "LOWER")  # attributes that depend on the word alone (LOWER is the text lower-cased)
FREE_FLAGS = range(19, 64)  # spacy.attrs: 1-18 are IS_ALPHA ... IS_CURRENCY
# what a token spec asks of the word: ("ORTH" or "LOWER", the hashes of the words it must be) or ("FLAG", {flag bit})
Need = tuple[str, frozenset[int]]
SUBSETS_MAX = 64  # Matchers of pattern subsets kept; the least recently used is dropped when there would be more


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


def required(spec: Spec) -> bool:
    """Whether every match of a pattern uses a token that meets this spec (no ``OP``, ``+``, ``{n}``, ``{n,m}``
    or ``{n,}`` with n >= 1)."""
    op = spec.get("OP")
    if op is None or op == "+":
        return True
    found = re.fullmatch(r"\{(\d+)(,\d*)?\}", op) if isinstance(op, str) else None
    return found is not None and int(found.group(1)) >= 1


def needs(spec: Spec, converted: Spec) -> list[Need]:
    """What a token must be to meet a required spec: one of the words it names under ORTH/TEXT or LOWER (a string,
    or ``IN`` a list of strings), and the flags its word conditions became (``converted``). [] when the spec is
    not required or asks nothing of the word that these can tell."""
    if not required(spec):
        return []
    out: list[Need] = []
    for key, attr in (("ORTH", "ORTH"), ("TEXT", "ORTH"), ("LOWER", "LOWER")):
        value = spec.get(key)
        if isinstance(value, str):
            out.append((attr, frozenset([get_string_id(value)])))
        elif isinstance(value, dict) and isinstance(value.get("IN"), list) and all(isinstance(w, str) for w in value["IN"]):
            out.append((attr, frozenset(get_string_id(w) for w in value["IN"])))
    out += [("FLAG", frozenset([k])) for k, v in converted.items() if isinstance(k, int) and v is True]
    return out


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
        # every pattern as added (key, flag-converted pattern, what its required specs need), for the subsets
        self.added: list[tuple[str, list[Spec], list[Need]]] = []
        self.subsets: OrderedDict[tuple[int, ...], Matcher] = OrderedDict()  # the indices of the patterns left out -> their Matcher
        self.plain_only = False  # a pattern came with callbacks or a filter: match with the Matcher of all
        self.needed_flags: list[int] = []  # the flags some required spec tests

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
        converted = [self.convert(p) for p in patterns]
        self.matcher.add(key, [cast(Any, p) for p in converted], **kwargs)
        if any(v is not None for v in kwargs.values()):
            self.plain_only = True
        self.added += [(key, c, [n for spec, conv in zip(p, c, strict=True) for n in needs(spec, conv)])
                       for p, c in zip(patterns, converted, strict=True)]
        self._changed()

    def remove(self, key: str) -> None:
        self.matcher.remove(key)
        self.added = [a for a in self.added if a[0] != key]
        self._changed()

    def _changed(self) -> None:
        self.subsets.clear()
        self.needed_flags = sorted({b for _, _, ns in self.added for kind, bits in ns if kind == "FLAG" for b in bits})

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

    def for_doc(self, doc: Doc) -> Matcher:
        """The Matcher of the patterns that can match in ``doc`` (whose required specs some token meets), in the
        order they were added."""
        self.flag_words(doc)
        if self.plain_only or not isinstance(doc, Doc) or not len(doc):
            return self.matcher
        flags = self.needed_flags
        cols = doc.to_array(["ORTH", "LOWER", *flags])
        had = cast(list[bool], cols[:, 2:].any(axis=0).tolist())
        present = {"ORTH": set(cols[:, 0].tolist()), "LOWER": set(cols[:, 1].tolist()),
                   "FLAG": {b for b, some in zip(flags, had, strict=True) if some}}
        out = tuple(i for i, (_, _, ns) in enumerate(self.added) if any(w.isdisjoint(present[k]) for k, w in ns))
        if not out:
            return self.matcher
        found = self.subsets.get(out)
        if found is not None:
            self.subsets.move_to_end(out)
        else:
            if len(self.subsets) >= SUBSETS_MAX:
                self.subsets.popitem(last=False)
            found = self.subsets[out] = Matcher(self.vocab, validate=False)
            left = set(out)
            for i, (key, pattern, _) in enumerate(self.added):
                if i not in left:
                    found.add(key, [cast(Any, pattern)])
        return found

    def __call__(self, doc: Doc, **kwargs: Any) -> Any:
        matcher = self.for_doc(doc)
        return matcher(doc, **kwargs) if len(matcher) else []  # none can match (the Matcher would warn W036)


def use_flags(ruler: Any) -> None:
    """Give an EntityRuler with no token patterns yet a ``FlagMatcher`` (call before ``add_patterns``)."""
    if len(ruler.matcher):
        raise ValueError("use_flags: the entity ruler has token patterns already; call it before add_patterns")
    ruler.matcher = FlagMatcher(ruler.nlp.vocab)
