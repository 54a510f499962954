"""The FastAPI application: routers from one explicit list, one exception mapping.

Run: `uvicorn mcfwatch.api.app:app`.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import APIRouter, FastAPI

from mcfwatch import __version__
from mcfwatch.api import entities, errors, exposure, match


def routers() -> tuple[APIRouter, ...]:
    """Every router the API serves, in one explicit list (add new ones here)."""
    return (match.router, exposure.router, entities.router)


def create_app(include: Sequence[APIRouter] | None = None) -> FastAPI:
    app = FastAPI(
        title="mcfwatch",
        version=__version__,
        description="Screening and evidence for China's military-civil fusion pathways. "
        "`/match` speaks OpenSanctions yente's request and response shapes.",
    )
    for router in include if include is not None else routers():
        app.include_router(router)
    errors.install(app)

    @app.get("/healthz", tags=["system"])
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


app = create_app()
