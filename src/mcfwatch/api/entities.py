"""Documents and entities over HTTP: the same dicts as `mcfwatch entities`, `show` and `extract`.

GET  /entities?type=Company&limit=100   stored entities, most mentioned first
GET  /cards/{key}                       the entity card (`mcfwatch show`): key is an entity id or a name
GET  /documents/{id}                    a stored document's metadata and text
POST /extract                           {"text", "title"?, "published"?, "language"?} -> the extract contract
The store is the app's db, else MCFWATCH_DB (as for the CLI), opened once per process (api/services.py).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field

from mcfwatch.api.deps import extractor, services
from mcfwatch.api.match import name_limit
from mcfwatch.api.models import ERRORS, Card, EntityRow, Extraction, StoredDocument
from mcfwatch.errors import InputError
from mcfwatch.extract import Extractor
from mcfwatch.ingest.language import detect_language
from mcfwatch.model import ENTITY_TYPES, Document
from mcfwatch.workspace import Workspace

router = APIRouter(tags=["documents"])


def workspace(request: Request) -> Workspace:
    """A workspace over the app's one store (nothing opened per request)."""
    return services(request).workspace()


@router.get("/entities", response_model=list[EntityRow], responses=ERRORS)
def entities(
    type: str | None = Query(None, description=f"One of {', '.join(ENTITY_TYPES)}.",
                             json_schema_extra={"enum": list(ENTITY_TYPES)}),
    limit: int = Query(100, ge=1, le=10000),
    ws: Workspace = Depends(workspace),
) -> list[dict[str, Any]]:
    """Stored entities, most mentioned first; entities merged by resolution count as one."""
    if type is not None and type not in ENTITY_TYPES:
        raise InputError("type", f"unknown entity type {type!r}; use one of {', '.join(ENTITY_TYPES)}")
    return ws.entities(type)[:limit]


@router.get("/cards/{key}", response_model=Card, responses=ERRORS)
def card(
    key: str = Path(..., description="An entity id (merged ids follow the merge) or a name, as `mcfwatch show` takes."),
    ws: Workspace = Depends(workspace),
) -> dict[str, Any]:
    """The entity card: names, watchlist entries, relations with dates and quoted evidence, and sources."""
    name_limit([key], "key")
    return ws.entity_card(key, listings=True) if ws.store.has_entity(key) else ws.card(key, listings=True)


@router.get("/documents/{doc_id}", response_model=StoredDocument, responses=ERRORS)
def document(doc_id: str, ws: Workspace = Depends(workspace)) -> dict[str, Any]:
    """A stored document: its metadata and its whole text (evidence offsets index into it)."""
    return ws.store.document(doc_id)


class ExtractRequest(BaseModel):
    text: str = Field(..., min_length=1, description="The document text (the body limit, MCFWATCH_MAX_BODY_BYTES, "
                                                     "bounds it).")
    title: str | None = None
    published: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    language: str | None = Field(None, pattern=r"^[a-z]{2}$")


@router.post("/extract", response_model=Extraction, responses=ERRORS)
def extract(req: ExtractRequest, nlp: Extractor = Depends(extractor)) -> dict[str, Any]:
    """Extraction only, no store: entities, relations and evidence spans of one text (the extract contract)."""
    doc = Document(text=req.text, title=req.title, published=req.published,
                   language=req.language or detect_language(req.text), format="api")
    return nlp.extract(doc).to_dict()
