"""Environment settings, declared once as (name, default, help).

The limits below are the only place a size limit is declared; each refusal names its setting
(``Setting.refuse``) so the user knows what to raise.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from mcfwatch.errors import McfwatchError


class SettingError(McfwatchError):
    """An MCFWATCH_* variable holds a value of the wrong kind. Fix the environment and rerun."""


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str

    def get(self) -> str:
        return os.environ.get(self.name, self.default)

    def get_int(self) -> int:
        """The value as a positive whole number (limits), or a one-line error naming the variable."""
        raw = self.get().strip().replace("_", "")
        try:
            value = int(raw)
        except ValueError:
            value = 0
        if value <= 0:
            raise SettingError(f"{self.name}={self.get()!r} must be a positive whole number (default {self.default})")
        return value

    def refuse(self, what: str, size: int, unit: str) -> str:
        """The one-line reason for refusing ``what`` of ``size`` units over this limit."""
        limit = self.get_int()
        if unit == "bytes" and limit >= 2**20:
            return f"{what} too large ({size / 2**20:.0f} MB > {limit / 2**20:.0f} MB limit, {self.name})"
        return f"{what} too large ({size:,} {unit} > {limit:,} {unit} limit, {self.name})"


DB = Setting("MCFWATCH_DB", "mcfwatch.db", "SQLite file of the store, or a PostgreSQL URL (postgresql://user@host/db).")
RULES = Setting("MCFWATCH_RULES", "", "Path of a risk-rules YAML file replacing the shipped one.")
EXCLUDE_NONCOMMERCIAL = Setting(
    "MCFWATCH_EXCLUDE_NONCOMMERCIAL", "0", "Set to 1 to leave out watchlist copies under non-commercial licences."
)

LISTS_DIR = Setting(
    "MCFWATCH_LISTS_DIR",
    "~/.local/share/mcfwatch/lists",
    "Folder where `mcfwatch lists update` writes fetched list versions (next to the shipped ones).",
)

CACHE_DIR = Setting(
    "MCFWATCH_CACHE_DIR", "",
    "Folder of the screening cache (parsed list names, rebuilt when a list or the matching code changes); "
    "empty: $XDG_CACHE_HOME/mcfwatch or ~/.cache/mcfwatch; off: no cache.",
)
GRAPH_CACHE = Setting(
    "MCFWATCH_GRAPH_CACHE", "1",
    "Set to 0 to rebuild the graph and re-screen every entity on each call instead of reading the persisted "
    "graph index (`<store>.cache/`, keyed by the store generation and the list versions).",
)

RELATIONS = Setting(
    "MCFWATCH_RELATIONS", "both",
    "Relation extraction: rules (hand rules only), model (the trained classifier only) or both.",
)

# Limits. Each bounds the memory or CPU one hostile input can take.
MAX_FILE_BYTES = Setting("MCFWATCH_MAX_FILE_BYTES", str(50 * 1024 * 1024), "Files larger than this (bytes) are refused.")
MAX_TEXT_CHARS = Setting(
    "MCFWATCH_MAX_TEXT_CHARS", str(10_000_000),
    "Documents whose text is longer than this (characters) are refused before extraction.",
)
SECTION_CHARS = Setting(
    "MCFWATCH_SECTION_CHARS", str(100_000),
    "Texts longer than this (characters) go through the NLP in sections cut at paragraph or sentence ends; "
    "offsets are stitched back to the whole text.",
)
MAX_BODY_BYTES = Setting(
    "MCFWATCH_MAX_BODY_BYTES", str(10 * 1024 * 1024), "API request bodies larger than this (bytes) are refused (413)."
)
MAX_NAME_CHARS = Setting(
    "MCFWATCH_MAX_NAME_CHARS", "1000", "Names longer than this (characters) are refused for screening and matching."
)
MAX_BATCH_ROWS = Setting(
    "MCFWATCH_MAX_BATCH_ROWS", str(100_000), "Partner files and batch requests with more rows than this are refused."
)

ALLOWED_HOSTS = Setting(
    "MCFWATCH_ALLOWED_HOSTS", "",
    "Comma-separated extra Host names the API answers (besides localhost, 127.0.0.1, ::1 and the bound host).",
)
ZH_NER = Setting(
    "MCFWATCH_ZH_NER", "crf", "Chinese names from the trained model (crf) or from LAC's own entity tags (lac)."
)
EN_TYPES = Setting(
    "MCFWATCH_EN_TYPES", "model",
    "English entity types from the trained typer (model) or from the head-noun rules alone (rules).",
)
EN_NER = Setting(
    "MCFWATCH_EN_NER", "tuned",
    "English entity spans from the ner fine-tuned on the annotated corpus (tuned) or the PyPI model's own (base).",
)

SETTINGS = (
    DB, RULES, EXCLUDE_NONCOMMERCIAL, LISTS_DIR, CACHE_DIR, GRAPH_CACHE,
    MAX_FILE_BYTES, MAX_TEXT_CHARS, SECTION_CHARS, MAX_BODY_BYTES, MAX_NAME_CHARS, MAX_BATCH_ROWS,
    RELATIONS, ALLOWED_HOSTS, ZH_NER, EN_TYPES, EN_NER,
)
