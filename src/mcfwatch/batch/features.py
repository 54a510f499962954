"""mcfwatch's name features as column functions: a pandas Series in, a Series (or frame) out.

`mcfwatch batch resolve` wraps these as Spark pandas UDFs, so rows reach Python in Arrow batches; the
name work inside is the same code the single-process resolver runs (resolve/), so a pair scores the
same on Spark as in `mcfwatch resolve`. The Matcher (every list's names, the name table) is built once
per executor process and kept here. No pyspark import (pandas: the spark extra).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd  # the spark extra; imported here so that Spark reads the UDFs' type hints

from mcfwatch.resolve.index import blocking_keys
from mcfwatch.resolve.names import parse, variants_of
from mcfwatch.store.ids import entity_id_for

if TYPE_CHECKING:
    from mcfwatch.resolve.matcher import Matcher

_MATCHER: Matcher | None = None


def matcher() -> Matcher:
    global _MATCHER
    if _MATCHER is None:
        from mcfwatch.resolve.matcher import default_matcher

        _MATCHER = default_matcher()
    return _MATCHER


def keys_of(names: Iterable[str]) -> list[str]:
    """The blocking keys of every variant of every name (resolve/index.py's keys), sorted."""
    keys: set[str] = set()
    for raw in names:
        for variant in variants_of(raw):
            parsed = parse(variant)
            if parsed.key:
                keys |= blocking_keys(parsed)
    return sorted(keys)


def index_records(name: str, names: Iterable[str]) -> list[list[str]]:
    """The rows NameIndex.add makes of an entity: one per distinct parsed variant of each name, with its keys."""
    seen: set[str] = set()
    out: list[list[str]] = []
    for raw in [name, *names]:
        for variant in variants_of(raw):
            parsed = parse(variant)
            if parsed.key and parsed.key not in seen:
                seen.add(parsed.key)
                out.append(sorted(blocking_keys(parsed)))
    return out


def query_keys(name: str) -> list[str]:
    """The keys NameIndex.candidates looks up for an entity: those of its name as parsed, no variants."""
    return sorted(blocking_keys(parse(name)))


def index_records_column(names: pd.Series, all_names: pd.Series) -> pd.Series:
    return pd.Series([index_records(n, list(ns)) for n, ns in zip(names, all_names, strict=True)], dtype=object)


def query_keys_column(names: pd.Series) -> pd.Series:
    return pd.Series([query_keys(n) for n in names], dtype=object)


def entity_ids(names: pd.Series, types: pd.Series) -> pd.Series:
    """The store's content id of each (name, type): the id the entity gets when first stored under it."""
    return pd.Series([entity_id_for(n, t) for n, t in zip(names, types, strict=True)], dtype=object)


def blocking_keys_column(names: pd.Series) -> pd.Series:
    return pd.Series([keys_of(list(ns)) for ns in names], dtype=object)


def compare_column(left: pd.Series, right: pd.Series) -> pd.DataFrame:
    """score, relation ("same", "sub-unit" or None) and features (JSON) of each pair of name lists."""
    m = matcher()
    out: dict[str, list[Any]] = {"score": [], "relation": [], "features": []}
    for a, b in zip(left, right, strict=True):
        c = m.compare(list(a), list(b))
        out["score"].append(float(c.score))
        out["relation"].append(c.relation)
        out["features"].append(json.dumps(c.features_dict(), ensure_ascii=False, sort_keys=True))
    return pd.DataFrame(out)
