"""Environment settings, declared once as (name, default, help)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str

    def get(self) -> str:
        return os.environ.get(self.name, self.default)


DB = Setting("MCFWATCH_DB", "mcfwatch.db", "SQLite file (or SQLAlchemy URL) of the store.")
MAX_FILE_BYTES = Setting("MCFWATCH_MAX_FILE_BYTES", str(50 * 1024 * 1024), "Files larger than this are refused.")
RULES = Setting("MCFWATCH_RULES", "", "Path of a risk-rules YAML file replacing the shipped one.")
EXCLUDE_NONCOMMERCIAL = Setting(
    "MCFWATCH_EXCLUDE_NONCOMMERCIAL", "0", "Set to 1 to leave out watchlist copies under non-commercial licences."
)

LISTS_DIR = Setting(
    "MCFWATCH_LISTS_DIR",
    "~/.local/share/mcfwatch/lists",
    "Folder where `mcfwatch lists update` writes fetched list versions (next to the shipped ones).",
)

RELATIONS = Setting(
    "MCFWATCH_RELATIONS", "both",
    "Relation extraction: rules (hand rules only), model (the trained classifier only) or both.",
)

SETTINGS = (DB, MAX_FILE_BYTES, RULES, EXCLUDE_NONCOMMERCIAL, LISTS_DIR, RELATIONS)
