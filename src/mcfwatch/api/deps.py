"""What routes need from the app: the store (opened per request, closed after) and the extractor.

The store is the app's `db` (create_app(db=...)) or else MCFWATCH_DB, read at request time.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from fastapi import Request

from mcfwatch import settings
from mcfwatch.extract import Extractor
from mcfwatch.store import Store


def db_of(request: Request) -> str:
    db = getattr(request.app.state, "db", None)
    return str(db) if db is not None else settings.DB.get()


def store(request: Request) -> Iterator[Store]:
    opened = Store(db_of(request))
    try:
        yield opened
    finally:
        opened.close()


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()


def extractor(request: Request) -> Extractor:
    made = getattr(request.app.state, "extractor", None)
    return made if made is not None else default_extractor()
