"""One entry point for extraction: route each Document to the extractor of its language.

Models load once per Extractor (lazily, on the first document of that language);
English goes through nlp.pipe in batches. Texts longer than MCFWATCH_SECTION_CHARS go through in
sections and are stitched back (``sections.py``); texts over MCFWATCH_MAX_TEXT_CHARS are refused.
Entity names leave here without control or bidi-override characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from mcfwatch import settings
from mcfwatch.errors import InputError
from mcfwatch.extract.sections import split, stitch
from mcfwatch.model import Document, Extraction


class LanguageExtractor(Protocol):
    def extract_many(self, docs: list[Document]) -> Iterator[Extraction]: ...


def _english() -> LanguageExtractor:
    from mcfwatch.extract.en import EnglishExtractor

    return EnglishExtractor()


def _chinese() -> LanguageExtractor:
    from mcfwatch.extract.zh import ChineseExtractor

    return ChineseExtractor()


# Explicit list of languages and their extractors (no discovery by import side effects).
LANGUAGES: dict[str, Callable[[], LanguageExtractor]] = {"en": _english, "zh": _chinese}


class Extractor:
    """Extract entities and relations from documents of any supported language."""

    def __init__(self) -> None:
        self._loaded: dict[str, LanguageExtractor] = {}

    def for_language(self, lang: str | None) -> LanguageExtractor | None:
        key = (lang or "en").split("-")[0].lower()
        if key not in LANGUAGES:
            return None
        if key not in self._loaded:
            self._loaded[key] = LANGUAGES[key]()
        return self._loaded[key]

    def extract(self, doc: Document) -> Extraction:
        return next(iter(self.extract_many([doc])))

    def extract_many(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Extraction]:
        """Yield one Extraction per document, in input order. Unsupported languages yield empty ones."""
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Document]) -> Iterator[Extraction]:
        # Group by language but keep input order in the output.
        results: dict[int, Extraction] = {}
        by_lang: dict[str, list[int]] = {}
        for i, doc in enumerate(batch):
            by_lang.setdefault((doc.language or "en").split("-")[0].lower(), []).append(i)
        for lang, idx in by_lang.items():
            ext = self.for_language(lang)
            if ext is None:
                for i in idx:
                    results[i] = Extraction(document=batch[i])
                continue
            size = settings.SECTION_CHARS.get_int()
            limit = settings.MAX_TEXT_CHARS.get_int()
            for i in idx:
                if len(batch[i].text) > limit:
                    where = batch[i].path or batch[i].id
                    raise InputError(where, settings.MAX_TEXT_CHARS.refuse("text", len(batch[i].text), "characters"))
            parts = [(i, offset, section) for i in idx for offset, section in split(batch[i], size)]
            pieces: dict[int, list[tuple[int, Extraction]]] = {}
            for (i, offset, _), ex in zip(parts, ext.extract_many([p[2] for p in parts]), strict=True):
                pieces.setdefault(i, []).append((offset, ex))
            for i in idx:
                ex = clean_names(stitch(batch[i], pieces[i]))
                ex.check()
                results[i] = ex
        for i in range(len(batch)):
            yield results[i]


def clean_name(name: str) -> str:
    """The name without format characters (bidi overrides, zero-width marks) and with controls as spaces."""
    if all(unicodedata.category(ch) not in {"Cc", "Cf"} for ch in name):
        return name
    kept = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in name
                   if unicodedata.category(ch) != "Cf")
    return " ".join(kept.split())


def clean_names(ex: Extraction) -> Extraction:
    """Entity names and aliases as printable text; an entity whose name was only such characters is dropped."""
    keep = []
    for ent in ex.entities:
        ent.name = clean_name(ent.name)
        ent.aliases = [a for a in dict.fromkeys(clean_name(a) for a in ent.aliases) if a]
        if ent.name:
            keep.append(ent)
    if len(keep) != len(ex.entities):
        ids = {e.id for e in keep}
        ex.entities = keep
        ex.relations = [r for r in ex.relations if r.source in ids and r.target in ids]
    return ex
