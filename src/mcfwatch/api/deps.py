"""What routes need from the app: its Services over the store (opened once per process, see api/services.py)
and the extractor.

The store is the app's `db` (create_app(db=...)) or else MCFWATCH_DB, read at request time.
"""

from __future__ import annotations

from functools import lru_cache

from fastapi import Request
from pydantic import BaseModel

from mcfwatch import settings
from mcfwatch.api.services import Services, services_for
from mcfwatch.extract import Extractor
from mcfwatch.store import Store


def db_of(request: Request) -> str:
    db = getattr(request.app.state, "db", None)
    return str(db) if db is not None else settings.DB.get()


def services(request: Request) -> Services:
    """The app's services over its store: one engine and one graph per process, shared by every request."""
    return services_for(request.app, db_of(request))


def store(request: Request) -> Store:
    """The app's one store (pooled connections; never closed by a request)."""
    return services(request).store


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()


def extractor(request: Request) -> Extractor:
    made = getattr(request.app.state, "extractor", None)
    return made if made is not None else default_extractor()


def model_json(model: type[BaseModel], data: object) -> bytes:
    """DATA checked against the route's response model and serialised as FastAPI would (by alias): a route that
    caches the bytes per store generation answers without validating a large answer again on every request."""
    return model.model_validate(data).model_dump_json(by_alias=True).encode()
