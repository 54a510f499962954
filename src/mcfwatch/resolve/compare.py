"""Pair comparison for `mcfwatch compare`: one pair, or a JSON-lines file of pairs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from mcfwatch.errors import InputError
from mcfwatch.resolve.algorithm import DEFAULT_THRESHOLD, Comparison
from mcfwatch.resolve.matcher import Matcher, default_matcher


def compare(left: str, right: str, matcher: Matcher | None = None) -> Comparison:
    """Score two names with everything mcfwatch knows (list aliases, Chinese names, acronyms)."""
    return (matcher or default_matcher()).compare(left, right)


def compare_pairs(
    lines: Iterable[str], source: str = "-", threshold: float = DEFAULT_THRESHOLD, matcher: Matcher | None = None
) -> Iterator[dict[str, Any]]:
    """Each JSON line {"id", "left", "right", ...} echoed back with score, match and features added."""
    m = matcher or default_matcher()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{source}:{number}", f"not a JSON line ({exc.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("left"), str) or not isinstance(row.get("right"), str):
            raise InputError(f"{source}:{number}", 'each line needs string fields "left" and "right"')
        c = m.compare(row["left"], row["right"])
        yield {**row, "score": c.score, "match": c.match(threshold), "relation": c.relation,
               "features": c.features_dict()}
