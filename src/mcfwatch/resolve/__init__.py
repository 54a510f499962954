"""Entity resolution: names, explainable matching, screening against watchlists, cross-document merges.

Public API:

- `screen(name, country=None, as_of=None, ...) -> ScreenResult`; `default_screener(as_of)` / `Screener`
- `compare(left, right) -> Comparison`; `compare_pairs(lines)`; `Matcher`, `default_matcher()`
- `resolve_store(store) -> list[Merge]`, `undo_merge(store, merge_id)`; `link_store(store) -> {entity: hits}`
- `ALGORITHM`, `THRESHOLDS`, `DEFAULT_THRESHOLD`

`screen` and `compare` are both functions here and submodules (`mcfwatch.resolve.screen.Screener`):
importing the functions below rebinds the package attributes to the functions.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from mcfwatch.resolve.algorithm import ALGORITHM, DEFAULT_THRESHOLD, THRESHOLDS, Comparison
from mcfwatch.resolve.compare import compare, compare_pairs
from mcfwatch.resolve.matcher import Matcher, default_matcher
from mcfwatch.resolve.screen import Hit, Screener, ScreenResult, default_screener, screen

# merge and link read the store, whose module imports mcfwatch.resolve.keys: load them on first use
_LAZY = {"Merge": "merge", "resolve_store": "merge", "undo_merge": "merge", "link_store": "link",
         "listings_for": "link"}

__all__ = [
    "ALGORITHM", "DEFAULT_THRESHOLD", "THRESHOLDS", "Comparison", "Hit", "Matcher", "ScreenResult", "Screener",
    "compare", "compare_pairs", "default_matcher", "default_screener", "screen", *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'mcfwatch.resolve' has no attribute {name!r}")
    return getattr(import_module(f"mcfwatch.resolve.{_LAZY[name]}"), name)
