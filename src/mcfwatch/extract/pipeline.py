"""One entry point for extraction: route each Document to the extractor of its language.

Models load once per Extractor (lazily, on the first document of that language);
English goes through nlp.pipe in batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

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
            for i, ex in zip(idx, ext.extract_many([batch[i] for i in idx]), strict=True):
                ex.check()
                results[i] = ex
        for i in range(len(batch)):
            yield results[i]
