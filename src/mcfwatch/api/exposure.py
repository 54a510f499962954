"""Exposure analysis over HTTP: the same dicts the CLI prints with --format json.

GET /exposure?name=Brunel%20University[&as_of=2019-01-01]   partner, rating (rules, evidence), paths, timeline
GET /timeline?name=...                                       dated events of one entity with sources
GET /patterns                                                every detected pattern with its evidence
The store is MCFWATCH_DB (as for the CLI).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from mcfwatch import settings
from mcfwatch.analyse import Analyst
from mcfwatch.store import Store

router = APIRouter(tags=["exposure"])


_CACHE: dict[tuple[str, str | None], tuple[tuple[object, ...], Analyst]] = {}


def _analyst(as_of: str | None) -> Analyst:
    """One Analyst per (store, date), rebuilt when documents, relations or decisions change."""
    store = Store(settings.DB.get())
    key = (store.url, as_of)
    stamp = (tuple(sorted(store.counts().items())), len(store.overlays()))
    hit = _CACHE.get(key)
    if hit is None or hit[0] != stamp:
        if len(_CACHE) >= 4:
            _CACHE.clear()
        _CACHE[key] = (stamp, Analyst(store, as_of=as_of))
    return _CACHE[key][1]


@router.get("/exposure")
def exposure(
    name: str = Query(..., min_length=1, description="The partner's name."),
    as_of: str | None = Query(None, description="ISO date: only edges and list versions valid then."),
    limit: int = Query(200, ge=1, le=2000),
) -> dict[str, Any]:
    return _analyst(as_of).exposure(name, limit=limit)


@router.get("/timeline")
def timeline(name: str = Query(..., min_length=1), as_of: str | None = None) -> list[dict[str, Any]]:
    return _analyst(as_of).timeline(name)


@router.get("/patterns")
def patterns(as_of: str | None = None) -> list[dict[str, Any]]:
    return _analyst(as_of).all_patterns()
