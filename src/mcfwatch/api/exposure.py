"""Exposure analysis over HTTP: the same dicts the CLI prints with --format json.

GET /exposure?name=Brunel%20University[&as_of=2019-01-01]   partner, rating (rules, evidence), paths, timeline
GET /timeline?name=...                                       dated events of one entity with sources
GET /patterns                                                every detected pattern with its evidence
The store is the app's db, else MCFWATCH_DB (as for the CLI). A bad `as_of` is a 400 naming it.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from mcfwatch.analyse import Analyst
from mcfwatch.api.deps import db_of
from mcfwatch.api.match import name_limit
from mcfwatch.api.models import ERRORS, Exposure, Pattern, TimelineEvent
from mcfwatch.model.dates import check_day
from mcfwatch.report.html import redact_url
from mcfwatch.store import Store

router = APIRouter(tags=["exposure"])

AS_OF = Query(None, description="ISO date (YYYY-MM-DD): only edges and list versions valid then.",
              json_schema_extra={"format": "date"})
_CACHE: dict[tuple[str, str | None], tuple[tuple[object, ...], Analyst]] = {}


def _analyst(request: Request, as_of: str | None) -> Analyst:
    """One Analyst per (store, date), rebuilt when documents, relations or decisions change."""
    as_of = check_day(as_of)
    store = Store(db_of(request))
    key = (store.url, as_of)
    stamp = (tuple(sorted(store.counts().items())), len(store.overlays()))
    hit = _CACHE.get(key)
    if hit is None or hit[0] != stamp:
        if len(_CACHE) >= 4:
            _CACHE.clear()
        _CACHE[key] = (stamp, Analyst(store, as_of=as_of))
    else:
        store.close()
    return _CACHE[key][1]


@router.get("/exposure", response_model=Exposure, responses=ERRORS)
def exposure(
    request: Request,
    name: str = Query(..., min_length=1, description="The partner's name."),
    as_of: str | None = AS_OF,
    limit: int = Query(200, ge=1, le=2000),
) -> dict[str, Any]:
    """Paths of up to 4 hops from a partner to listed, MCF-linked or military entities, with the rating."""
    name_limit([name], "name")
    result = _analyst(request, as_of).exposure(name, limit=limit)
    return {**result, "store": redact_url(str(result.get("store", "")))}


@router.get("/timeline", response_model=list[TimelineEvent], responses=ERRORS)
def timeline(request: Request, name: str = Query(..., min_length=1), as_of: str | None = AS_OF) -> list[dict[str, Any]]:
    """Dated events of one entity, with their sources."""
    name_limit([name], "name")
    return _analyst(request, as_of).timeline(name)


@router.get("/patterns", response_model=list[Pattern], responses=ERRORS)
def patterns(request: Request, as_of: str | None = AS_OF) -> list[dict[str, Any]]:
    """Every detected pattern with its evidence."""
    return _analyst(request, as_of).all_patterns()
