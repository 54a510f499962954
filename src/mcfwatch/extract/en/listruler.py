"""Watchlist names in the English pipeline: a phrase matcher over lower-cased tokens, placed before ``ner``.

spaCy's ``entity_ruler`` runs every phrase pattern through ``nlp.pipe`` when it is added (about 7 s
for the ~11,000 list names); this component builds the same matcher from the tokenizer alone
(well under a second) and sets the matches as entities, longest span first, over what earlier
components set. Which names go in: multi-token English names and aliases of the shipped lists, one
type per name (the entry's schema; a name with a company suffix is a Company, one ending in a programme
word a Program: the Section 1286 list files "Thousand Talents Plan" under its Company schema; otherwise the
first of ``SCHEMA_PRIORITY`` among the schemas the lists give it). Person names stay out: a person's name
in a list says nothing about the same name in a press release.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Protocol, cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

log = logging.getLogger(__name__)

SCHEMA_PRIORITY = ["Company", "University", "PublicBody", "MilitaryUnit", "Organization"]
_COMPANY_SUFFIX = ("co", "co.", "ltd", "ltd.", "limited", "inc", "inc.", "corporation", "corp.", "company", "llc",
                   "group", "gmbh", "plc", "(limited)")
PROGRAM_SUFFIX = ("plan", "program", "programme", "initiative", "scheme")  # a talent plan is no company


def list_names() -> dict[str, str]:
    """Lower-cased list name -> mcfwatch type, for the names the matcher holds (empty if lists fail to load)."""
    try:
        from mcfwatch.lists import load_lists
        lists = load_lists()
    except Exception as exc:  # a broken list must not stop extraction; say so
        log.warning("watchlists not loaded into the English entity matcher: %s", exc)
        return {}
    schemas: dict[str, set[str]] = {}
    for wl in lists:
        for entry in wl.entries:
            if entry.schema not in SCHEMA_PRIORITY:
                continue
            for name in [entry.name, *entry.aliases]:
                name = " ".join(name.split())
                if not name or not name.isascii() or len(name.split()) < 2 or len(name) > 120:
                    continue
                schemas.setdefault(name.lower(), set()).add(entry.schema)
    out: dict[str, str] = {}
    for key, found in schemas.items():
        if key.split()[-1].strip(",") in _COMPANY_SUFFIX:
            out[key] = "Company"
        elif key.split()[-1] in PROGRAM_SUFFIX:
            out[key] = "Program"
        else:
            out[key] = next(s for s in SCHEMA_PRIORITY if s in found)
    return out


class _BatchTokenizer(Protocol):
    def pipe(self, texts: Iterable[str]) -> Iterable[Doc]: ...


class ListMatcher:
    """Pipeline component: watchlist names as entities (label = mcfwatch type)."""

    def __init__(self, nlp: Language, names: dict[str, str]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Language types its tokenizer as any str -> Doc callable; the English pipeline's is a spaCy
        # Tokenizer, which has no type stubs: only its ``pipe`` is used here.
        tokenizer = cast(_BatchTokenizer, nlp.tokenizer)
        by_type: dict[str, list[str]] = {}
        for key, etype in names.items():
            by_type.setdefault(etype, []).append(key)
        for etype, keys in by_type.items():
            # the tokenizer splits "CO., LTD" and "Co., Ltd" differently: add each casing it may meet
            variants = {v for k in keys for v in (k, k.upper(), k.title())}
            self.matcher.add(etype, list(tokenizer.pipe(sorted(variants))))

    def __call__(self, doc: Doc) -> Doc:
        # a list name written all in lower case is a common phrase ("advanced technologies"), not the name
        found = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)
                 if any(not t.is_lower for t in doc[s:e] if t.is_alpha)]
        if found:
            doc.ents = filter_spans(_longest_first(found, doc.ents))
        return doc


def _longest_first(found: list[Span], existing: Iterable[Span]) -> list[Span]:
    return [*found, *existing]


@Language.factory("mcfwatch_lists", default_config={})
def make_list_matcher(nlp: Language, name: str) -> ListMatcher:
    return ListMatcher(nlp, list_names())
