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

from typing import TYPE_CHECKING, Any

from mcfwatch.resolve.algorithm import ALGORITHM, DEFAULT_THRESHOLD, THRESHOLDS, Comparison
from mcfwatch.resolve.compare import compare, compare_pairs
from mcfwatch.resolve.matcher import Matcher, default_matcher
from mcfwatch.resolve.screen import Hit, Screener, ScreenResult, default_screener, screen

if TYPE_CHECKING:
    from mcfwatch.resolve.link import link_store, listings_for
    from mcfwatch.resolve.merge import Merge, resolve_store, undo_merge

# Store-backed parts load on first use: screening a name must not import the store (SQLAlchemy).
_LAZY = {"link_store": "link", "listings_for": "link", "Merge": "merge", "resolve_store": "merge", "undo_merge": "merge"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"mcfwatch.resolve.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'mcfwatch.resolve' has no attribute {name!r}")

__all__ = [
    "ALGORITHM", "DEFAULT_THRESHOLD", "THRESHOLDS", "Comparison", "Hit", "Matcher", "Merge", "ScreenResult", "Screener",
    "compare", "compare_pairs", "default_matcher", "default_screener", "link_store", "listings_for", "resolve_store",
    "screen", "undo_merge",
]
