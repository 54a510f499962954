"""Pair comparison for `mcfwatch compare`: one pair, or a JSON-lines file of pairs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from mcfwatch.resolve.algorithm import DEFAULT_THRESHOLD, Comparison
from mcfwatch.resolve.matcher import Matcher, default_matcher


def compare(left: str, right: str, matcher: Matcher | None = None) -> Comparison:
    """Score two names with everything mcfwatch knows (list aliases, Chinese names, acronyms)."""
    return (matcher or default_matcher()).compare(left, right)


def side_names(value: Any) -> list[str]:
    """The names on one side of a pair: a string, a list of strings, or an entity-like object.

    Objects may carry "name", "names" and "aliases", or FtM-style "properties" with name/alias/previousName.
    """
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    if isinstance(value, dict):
        inner = value.get("properties")
        props: dict[str, Any] = inner if isinstance(inner, dict) else value
        out: list[str] = []
        for key in ("name", "names", "alias", "aliases", "previousName", "weakAlias"):
            out += side_names(props.get(key)) if key in props else []
        return list(dict.fromkeys(out))
    return []


def compare_pairs(
    lines: Iterable[str], source: str = "-", threshold: float = DEFAULT_THRESHOLD, matcher: Matcher | None = None
) -> Iterator[dict[str, Any]]:
    """Each JSON line {"id", "left", "right", ...} echoed back with score, match and features added.

    A line that cannot be scored is echoed with an "error" field instead (the run goes on).
    """
    m = matcher or default_matcher()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield {"line": number, "error": f"{where}: not a JSON line ({exc.msg})"}
            continue
        if not isinstance(row, dict):
            yield {"line": number, "error": f"{where}: a line must be a JSON object"}
            continue
        left, right = side_names(row.get("left")), side_names(row.get("right"))
        if not left or not right:
            yield {**row, "error": f'{where}: "left" and "right" must each give a name '
                                   "(a string, a list of strings, or an object with name/aliases)"}
            continue
        c = m.compare(left, right)
        yield {**row, "score": c.score, "match": c.match(threshold), "relation": c.relation,
               "features": c.features_dict()}
