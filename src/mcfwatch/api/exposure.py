"""Exposure analysis over HTTP: the same dicts the CLI prints with --format json.

GET /exposure?name=Brunel%20University[&as_of=2019-01-01]   partner, rating (rules, evidence), paths, timeline
GET /timeline?name=...                                       dated events of one entity with sources
GET /patterns                                                every detected pattern with its evidence
The store is the app's db, else MCFWATCH_DB (as for the CLI); the graph is built once per store generation. A bad `as_of` is a 400 naming it.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from mcfwatch.analyse import Analyst
from mcfwatch.api.deps import model_json, services
from mcfwatch.api.match import name_limit
from mcfwatch.api.models import ERRORS, Exposure, Pattern, TimelineEvent
from mcfwatch.model.dates import check_day
from mcfwatch.report.html import redact_url

router = APIRouter(tags=["exposure"])

AS_OF = Query(None, description="ISO date (YYYY-MM-DD): only edges and list versions valid then.",
              json_schema_extra={"format": "date"})


def _analyst(request: Request, as_of: str | None) -> Analyst:
    """The app's Analyst for the date: one graph per (store generation, date), shared with the web pages."""
    return services(request).analyst(check_day(as_of))


@router.get("/exposure", response_model=Exposure, responses=ERRORS)
def exposure(
    request: Request,
    name: str = Query(..., min_length=1, description="The partner's name."),
    as_of: str | None = AS_OF,
    limit: int = Query(200, ge=1, le=2000),
) -> Response:
    """Paths of up to 4 hops from a partner to listed, MCF-linked or military entities, with the rating."""
    name_limit([name], "name")
    s, day = services(request), check_day(as_of)

    def build() -> bytes:
        result = s.analyst(day).exposure(name, limit=limit)
        return model_json(Exposure, {**result, "store": redact_url(str(result.get("store", "")))})

    # one answer per (store generation, name, date, limit): computed once, then sent as it is
    return Response(s.cached("exposure", name, day, limit, build=build), media_type="application/json")


@router.get("/timeline", response_model=list[TimelineEvent], responses=ERRORS)
def timeline(request: Request, name: str = Query(..., min_length=1), as_of: str | None = AS_OF) -> list[dict[str, Any]]:
    """Dated events of one entity, with their sources."""
    name_limit([name], "name")
    return _analyst(request, as_of).timeline(name)


@router.get("/patterns", response_model=list[Pattern], responses=ERRORS)
def patterns(request: Request, as_of: str | None = AS_OF) -> list[dict[str, Any]]:
    """Every detected pattern with its evidence."""
    return _analyst(request, as_of).all_patterns()
