"""yente's data routes: `GET /search/{dataset}`, `GET /entities/{id}` and `GET /entities/{id}/adjacent`.

Ids are of two kinds, both stable: watchlist organisations (`us-dod-1260h.avic`; an entry merged into
another organisation redirects to it with 308, as yente does) and entities found in documents
(`ent-…`; an id merged away by resolution redirects to the entity it was merged into).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response

from mcfwatch.api import store_entities
from mcfwatch.api.deps import model_json, services, store
from mcfwatch.api.listings import ListIndex, Organisation, list_index
from mcfwatch.api.match import MAX_LIMIT, Filters, name_limit, scope
from mcfwatch.api.scoring import SCHEMATA, matchable
from mcfwatch.api.services import LIST_ANSWERS, Services
from mcfwatch.api.yente_models import Entity, EntityAdjacent, SearchResponse, YenteError
from mcfwatch.errors import NotFoundError
from mcfwatch.model.dates import check_stamp
from mcfwatch.report.sanctions import entity_listings
from mcfwatch.store import Store

router = APIRouter(tags=["yente data"])

SEARCH_THRESHOLD = 0.7
SEARCH_CUTOFF = 0.5
MAX_OFFSET = 10_000
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": YenteError, "description": "Invalid parameter"},
    404: {"model": YenteError, "description": "Unknown dataset or entity"},
}
REDIRECT: dict[int | str, dict[str, Any]] = {308: {"description": "The id was merged into another entity"}}


def _facets(orgs: list[Organisation]) -> dict[str, Any]:
    def facet(label: str, counts: Counter[str]) -> dict[str, Any]:
        values = [{"name": k, "label": k, "count": n} for k, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]
        return {"label": label, "values": values}

    return {
        "datasets": facet("Lists", Counter(d for o in orgs for d in o.datasets)),
        "topics": facet("Topics", Counter(t for o in orgs for t in o.topics)),
        "countries": facet("Countries", Counter(c for o in orgs for _, e in o.members if e.country
                                                for c in {e.country})),
    }


def _found(index: ListIndex, q: str, wanted: set[str]) -> list[Organisation]:
    if not q.strip():
        orgs = {o.id: o for o in index.by_id.values() if any(wl.id in wanted for wl, _ in o.members)}
        return [orgs[k].within(wanted) for k in sorted(orgs)]
    result = index.screener.screen(q, threshold=SEARCH_THRESHOLD, limit=MAX_LIMIT, list_ids=wanted,
                                   cutoff=SEARCH_CUTOFF)
    best: dict[str, tuple[float, Organisation]] = {}
    for hit in [*result.hits, *result.related, *result.near]:
        org = index.organisation(hit.entry_id)
        if org is not None and (org.id not in best or hit.score > best[org.id][0]):
            best[org.id] = (hit.score, org.within(wanted))
    return [o for _, o in sorted(best.values(), key=lambda x: (-x[0], x[1].id))]


@router.get("/search/{dataset}", response_model=SearchResponse, responses=ERRORS)
def search(
    dataset: str,
    q: str = Query("", description="Name text to search for; empty lists every entity in scope."),
    schema: str = Query("Thing", description="FtM schema results must be able to match.",
                        json_schema_extra={"enum": SCHEMATA}),
    include_dataset: list[str] = Query([]),
    exclude_dataset: list[str] = Query([]),
    exclude_schema: list[str] = Query([]),
    topics: list[str] = Query([]),
    changed_since: str | None = Query(None, description="ISO date (or time stamp YYYY-MM-DDTHH:MM:SS).",
                                      json_schema_extra={"format": "date"}),
    limit: int = Query(10, ge=0, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
) -> dict[str, Any]:
    """Search the watchlists by name (yente's simple entity search), with facets by list, topic and country."""
    name_limit([q], "q")
    index = list_index(None)
    wanted = scope(index, dataset, include_dataset, exclude_dataset)
    filters = Filters(matchable(schema), exclude_schema, topics, check_stamp(changed_since), [])
    orgs = [o for o in _found(index, q, wanted) if filters.keep(o)]
    return {
        "limit": limit, "offset": offset, "total": {"value": len(orgs), "relation": "eq"},
        "results": [index.entity(o) for o in orgs[offset: offset + limit]], "facets": _facets(orgs),
    }


def _redirect(request: Request, canonical_id: str, suffix: str = "") -> RedirectResponse:
    url = request.url_for("fetch_entity", entity_id=canonical_id).path + suffix
    query = request.url.query
    return RedirectResponse(f"{url}?{query}" if query else url, status_code=308)


@router.get("/entities/{entity_id}", response_model=Entity, responses={**ERRORS, **REDIRECT},
            name="fetch_entity")
def fetch_entity(
    request: Request,
    entity_id: str,
    nested: bool = Query(True, description="Include adjacent entities (listings, links) as nested entities."),
    s: Services = Depends(services),
) -> Any:
    """One entity by id: a watchlist organisation or an entity found in documents (yente's data access)."""
    index = list_index(None)
    org = index.organisation(entity_id)
    if org is not None:
        if org.id != entity_id:
            return _redirect(request, org.id)
        listed = org
        body = LIST_ANSWERS.build(("entity", index.serial, org.id, nested),
                                  lambda: model_json(Entity, index.entity(listed, nested=nested)))
        return Response(body, media_type="application/json")
    found = s.cached("yente-found", entity_id, build=lambda: store_entities.lookup(s.store, entity_id))
    if found is None:
        raise NotFoundError(f"no entity {entity_id!r}: not a watchlist entry nor an entity of the store")
    if found.id != entity_id:
        return _redirect(request, found.id)
    # A hub's entity nests thousands of links: built, checked against the model and serialised once per
    # store generation, then sent as it is.
    body = s.cached("yente-entity", found.id, nested,
                    build=lambda: model_json(Entity, store_entities.entity(s.store, found, nested=nested)))
    return Response(body, media_type="application/json")


@router.get("/entities/{entity_id}/adjacent", response_model=EntityAdjacent, responses={**ERRORS, **REDIRECT})
def fetch_adjacent(
    request: Request,
    entity_id: str,
    limit: int = Query(10, ge=0, le=MAX_LIMIT, description="Results per property."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    opened: Store = Depends(store),
) -> Any:
    """The entities adjacent to one entity (its listings, its links), by property, paginated."""
    index = list_index(None)
    org = index.organisation(entity_id)
    if org is not None:
        if org.id != entity_id:
            return _redirect(request, org.id, "/adjacent")
        root = index.entity(org)
        groups = {"sanctions": [index.sanction(wl, e) for wl, e in org.members]}
    else:
        found = store_entities.lookup(opened, entity_id)
        if found is None:
            raise NotFoundError(f"no entity {entity_id!r}: not a watchlist entry nor an entity of the store")
        if found.id != entity_id:
            return _redirect(request, found.id, "/adjacent")
        listings = entity_listings(opened, opened.entity(found.id))  # one screening for the root and its group
        root = store_entities.entity(opened, found, listings=listings)
        groups = store_entities.adjacent(opened, found, listings)
    adjacent = {
        prop: {"limit": limit, "offset": offset, "total": {"value": len(items), "relation": "eq"},
               "results": items[offset: offset + limit]}
        for prop, items in groups.items()
    }
    return {"entity": root, "adjacent": adjacent}
