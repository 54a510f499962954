"""Entity resolution: names, explainable matching, screening against watchlists, cross-document merges.

Public API: `screen(name, ...)`, `compare(left, right, ...)`, `Screener`, `Matcher`, `resolve_store(store)`.
"""

from __future__ import annotations

from mcfwatch.resolve.algorithm import ALGORITHM, DEFAULT_THRESHOLD, THRESHOLDS, Comparison
from mcfwatch.resolve.compare import compare, compare_pairs
from mcfwatch.resolve.matcher import Matcher, default_matcher
from mcfwatch.resolve.screen import Hit, Screener, ScreenResult, default_screener, screen

__all__ = [
    "ALGORITHM", "DEFAULT_THRESHOLD", "THRESHOLDS", "Comparison", "Hit", "Matcher", "ScreenResult", "Screener",
    "compare", "compare_pairs", "default_matcher", "default_screener", "screen",
]
