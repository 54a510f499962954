"""yente's system routes: `/catalog` (the datasets: one per watchlist, the `default` collection of all of
them, and `documents`, the store), `/readyz` (lists indexed, store readable) and `/healthz`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request

from mcfwatch.api import store_entities
from mcfwatch.api.deps import services
from mcfwatch.api.listings import dataset_name, list_index
from mcfwatch.api.services import running_services
from mcfwatch.api.yente_models import Catalog, Health, Status, YenteError
from mcfwatch.errors import StoreError

router = APIRouter(tags=["system"])


@router.get("/catalog", response_model=Catalog)
def catalog(request: Request) -> dict[str, Any]:
    """The datasets this server answers for, with their versions (the list copies' dates)."""
    index = list_index(None)
    lists: list[dict[str, Any]] = [
        {"name": dataset_name(wl.id), "title": wl.title, "summary": f"{wl.authority}. {wl.legal_basis}", "url": wl.url or None,
         "version": wl.version, "updated_at": wl.as_of, "entity_count": len(wl.entries),
         "thing_count": len(wl.entries), "load": True, "publisher": {"name": wl.authority}}
        for wl in index.screener.lists
    ]
    default: dict[str, Any] = {"name": "default", "title": "All watchlists", "summary": "Every watchlist mcfwatch ships or fetched.",
               "load": True, "children": [x["name"] for x in lists],
               "version": max((wl.version for wl in index.screener.lists), default=None)}
    count = services(request).store.counts().get("entities", 0)
    documents = {"name": store_entities.DATASET, "title": "Entities found in documents",
                 "summary": "What mcfwatch extracted from the ingested documents (the store).", "load": True,
                 "entity_count": count, "thing_count": count}
    datasets: list[dict[str, Any]] = [default, *lists, documents]
    return {"datasets": datasets, "current": [d["name"] for d in datasets], "outdated": [], "index_stale": False}


def _ready(request: Request) -> None:
    try:
        services(request).generation()  # opens the store once, then one read at most a second
    except StoreError as exc:
        raise HTTPException(503, f"store not ready: {exc}") from None
    list_index(None)


@router.get("/readyz", response_model=Status, responses={503: {"model": YenteError, "description": "Not ready"}},
            dependencies=[Depends(_ready)])
def readyz() -> dict[str, str]:
    """Ready when the watchlists are indexed and the store opens (the first call builds the index)."""
    return {"status": "ok"}


@router.get("/healthz", response_model=Health, response_model_exclude_none=True)
def healthz(request: Request) -> dict[str, Any]:
    """The process answers (says nothing about the store or the lists; see /readyz). A server that builds its
    graph index in another process adds `index`: the latest build's state (running, done, failed) and error."""
    builds = [h for s in running_services(request.app) if (h := s.health())]
    return {"status": "ok", "index": builds[0]} if builds else {"status": "ok"}
