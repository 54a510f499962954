"""Documents and entities over HTTP: the same dicts as `mcfwatch entities`, `show` and `extract`.

GET  /entities?type=Company&limit=100   stored entities, most mentioned first
GET  /entities/{name}                   the entity card (names, relations with quoted evidence, sources)
GET  /documents/{id}                    a stored document's metadata and text
POST /extract                           {"text", "title"?, "published"?, "language"?} -> the extract contract
The store is MCFWATCH_DB (as for the CLI).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from mcfwatch import settings
from mcfwatch.extract import Extractor
from mcfwatch.ingest.language import detect_language
from mcfwatch.model import ENTITY_TYPES, Document
from mcfwatch.workspace import Workspace

router = APIRouter(tags=["documents"])


def _workspace() -> Workspace:
    return Workspace(settings.DB.get(), extractor=_extractor())


@lru_cache(maxsize=1)
def _extractor() -> Extractor:
    return Extractor()


@router.get("/entities")
def entities(
    type: str | None = Query(None, description=f"One of {', '.join(ENTITY_TYPES)}."),
    limit: int = Query(100, ge=1, le=10000),
) -> list[dict[str, Any]]:
    from mcfwatch.errors import InputError

    if type is not None and type not in ENTITY_TYPES:
        raise InputError("type", f"unknown entity type {type!r}; use one of {', '.join(ENTITY_TYPES)}")
    return _workspace().entities(type)[:limit]


@router.get("/entities/{name}")
def entity(name: str) -> dict[str, Any]:
    return _workspace().card(name)


@router.get("/documents/{doc_id}")
def document(doc_id: str) -> dict[str, Any]:
    return _workspace().store.document(doc_id)


class ExtractRequest(BaseModel):
    text: str = Field(..., min_length=1, max_length=2_000_000)
    title: str | None = None
    published: str | None = Field(None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    language: str | None = Field(None, pattern=r"^[a-z]{2}$")


@router.post("/extract")
def extract(req: ExtractRequest) -> dict[str, Any]:
    doc = Document(text=req.text, title=req.title, published=req.published,
                   language=req.language or detect_language(req.text), format="api")
    return _extractor().extract(doc).to_dict()
