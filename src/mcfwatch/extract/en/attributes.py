"""The model's attribute ruler (tag -> POS and morphology, lemma and POS exceptions), without its matcher pass.

spaCy's ``AttributeRuler`` runs a ``Matcher`` of all its 179 patterns over every token: about a tenth of the
English pipeline's time, though all but eight patterns look at one token only, and a token's tag, lower
form, dependency label and spacing decide which of those match. ``FastAttributeRuler`` asks that question once
per distinct (tag, lower, dep, is_space) and keeps the answer; the multi-token patterns (and any condition it
does not know) go through a ``Matcher`` as before.

What must stay true: the output is the ``AttributeRuler``'s. Matches apply in pattern order, a later pattern
overriding an earlier one attribute by attribute (``set_token_attrs`` sets each attribute on its own), so
the attributes of a token's matching patterns are merged in that order and set once.
``tests/extract_en/test_attributes.py`` compares both on the corpus.
"""

from __future__ import annotations

import re
from typing import Any, cast

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

Conditions = dict[str, Any]
_KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}  # positions in a token's key


def _holds(value: Any, cond: Any) -> bool | None:
    """Whether a token attribute value meets one Matcher condition; None for a condition this does not know."""
    if isinstance(cond, (str, bool)):
        return bool(value == cond)
    if isinstance(cond, dict) and len(cond) == 1:
        (op, arg), = cond.items()
        if op == "IN":
            return bool(value in arg)
        if op == "NOT_IN":
            return bool(value not in arg)
        if op == "REGEX" and isinstance(value, str):
            return re.search(arg, value) is not None
    return None


def _named(cond: Any) -> list[str]:
    """The words an equality or IN/NOT_IN condition names."""
    if isinstance(cond, str):
        return [cond]
    if isinstance(cond, dict):
        words = cond.get("IN") or cond.get("NOT_IN") or []
        return [str(w) for w in words]
    return []


def _known(spec: Conditions) -> bool:
    probe = {"TAG": "", "LOWER": "", "DEP": "", "IS_SPACE": False}
    return all(k in _KEYS and _holds(probe[k], v) is not None for k, v in spec.items())


class FastAttributeRuler:
    """Applies ``ruler``'s patterns with the same result; use it in the ruler's place in the pipeline."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self.single: list[tuple[int, Conditions]] = []
        self.matcher = Matcher(ruler.vocab)
        for attr_id, entry in enumerate(ruler.patterns):  # ruler.patterns is in attr id order
            patterns = cast(list[list[Conditions]], entry["patterns"])
            for pattern in patterns:
                if len(pattern) == 1 and self.indices[attr_id] in (0, -1) and _known(pattern[0]):
                    self.single.append((attr_id, pattern[0]))
                else:
                    self.matcher.add(str(attr_id), [pattern])
        # a lower form that no LOWER condition names or tests is the same as any other such form
        self._lower_words: set[str] | None = {w for _, spec in self.single for w in _named(spec.get("LOWER"))}
        self._lower_tests = [spec["LOWER"] for _, spec in self.single
                             if isinstance(spec.get("LOWER"), dict) and "REGEX" in spec["LOWER"]]
        self._lower: dict[int, int] = {}
        if "" in self._lower_words or any(_holds("", t) for t in self._lower_tests):
            self._lower_words = None  # "" would not stand for the unnamed forms: keep every form apart
        self._ids: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    def _lower_key(self, lower: int) -> int:
        """The lower form's hash where a pattern may tell it apart, else 0."""
        found = self._lower.get(lower)
        if found is None:
            text = self.vocab.strings[lower]
            keep = (self._lower_words is None or text in self._lower_words
                    or any(_holds(text, t) for t in self._lower_tests))
            found = self._lower[lower] = lower if keep else 0
        return found

    def _matching(self, key: tuple[int, ...]) -> tuple[int, ...]:
        """The ids of the one-token patterns a token with this (tag, lower, dep, is_space) key matches."""
        found = self._ids.get(key)
        if found is None:
            strings = self.vocab.strings
            # a lower form of 0 stands for every form no condition names: "" meets exactly the same ones
            values = (strings[key[0]] if key[0] else "", strings[key[1]] if key[1] else "",
                      strings[key[2]] if key[2] else "", bool(key[3]))
            found = tuple(sorted({aid for aid, spec in self.single
                                  if all(_holds(values[_KEYS[k]], v) for k, v in spec.items())}))
            self._ids[key] = found
            merged: dict[Any, Any] = {}
            for aid in found:
                merged.update(self.attrs[aid])
            self._merged[key] = merged
        return found

    def __call__(self, doc: Doc) -> Doc:
        extra: dict[int, set[int]] = {}
        for match_id, start, end in self.matcher(doc, allow_missing=True):
            aid = int(self.vocab.strings[match_id])
            index = self.indices[aid]
            target = start + index if index >= 0 else end + index
            if not start <= target < end:
                raise ValueError(f"attribute ruler pattern {aid}: index {index} outside its match {start}:{end}")
            extra.setdefault(target, set()).add(aid)
        for i, (tag, lower, dep, space) in enumerate(doc.to_array(["TAG", "LOWER", "DEP", "IS_SPACE"]).tolist()):
            key = (tag, self._lower_key(lower), dep, space)
            ids = self._matching(key)
            if i in extra:
                for aid in sorted(extra[i].union(ids)):
                    set_token_attrs(doc[i], self.attrs[aid])
            elif ids:
                set_token_attrs(doc[i], self._merged[key])
        return doc


@Language.factory("mcfwatch_attributes")
def make_fast_attributes(nlp: Language, name: str) -> FastAttributeRuler:
    """The fast twin of the pipeline's ``attribute_ruler`` (which must be there when this is added)."""
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        raise TypeError(f"attribute_ruler is a {type(ruler).__name__}, not spaCy's AttributeRuler")
    return FastAttributeRuler(ruler)


def swap_pipe(nlp: Language, name: str, factory: str) -> None:
    """Put a fast twin (made by ``factory``) in the place and under the name of the pipeline's ``name``."""
    nlp.add_pipe(factory, name=factory, after=name)
    nlp.remove_pipe(name)
    nlp.rename_pipe(factory, name)


def replace_ruler(nlp: Language) -> None:
    """Put the fast twin in the place and under the name of the pipeline's ``attribute_ruler``."""
    swap_pipe(nlp, "attribute_ruler", "mcfwatch_attributes")
