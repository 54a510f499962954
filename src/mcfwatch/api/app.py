"""The FastAPI application: routers from one explicit list, one exception mapping, middleware in its own module.

Run: `mcfwatch serve` (or `uvicorn mcfwatch.api.app:app`). `create_app()` takes the store, the allowed Host
names and the body limit as arguments (defaults from settings), so tests and a later web UI build their own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI
from starlette.types import ASGIApp

from mcfwatch import __version__, settings
from mcfwatch.api import catalog, docs, entities, errors, exposure, match, search
from mcfwatch.api.middleware import LOCAL_HOSTS, BodyLimit, HostCheck, SecurityHeaders
from mcfwatch.api.services import running_services, services_for
from mcfwatch.errors import McfwatchError
from mcfwatch.extract import Extractor

DESCRIPTION = """Screening and evidence for China's military-civil fusion pathways.

The yente-compatible routes (`/match/{dataset}`, `/search/{dataset}`, `/entities/{id}`, `/catalog`,
`/algorithms`, `/readyz`, `/healthz`) speak OpenSanctions yente's request and response shapes and answer
errors as `{"detail": "..."}`. mcfwatch's own routes answer errors as
`{"error": {"status", "type", "message"}}`. Invalid parameters are 400s; bodies over
MCFWATCH_MAX_BODY_BYTES are 413s."""


def routers() -> tuple[APIRouter, ...]:
    """Every router the API serves, in one explicit list (add new ones here)."""
    return (match.router, search.router, catalog.router, exposure.router, entities.router)


def allowed_hosts(bound: str | None = None, extra: Sequence[str] = ()) -> list[str]:
    """Host names the API answers: loopback, the host it is bound to, MCFWATCH_ALLOWED_HOSTS and EXTRA."""
    configured = [h.strip() for h in settings.ALLOWED_HOSTS.get().split(",") if h.strip()]
    bound_names = [bound] if bound and bound not in ("0.0.0.0", "::") else []
    return list(dict.fromkeys([*LOCAL_HOSTS, *bound_names, *configured, *extra]))


def create_app(
    db: str | Path | None = None,
    hosts: Sequence[str] | None = None,
    max_body_bytes: int | None = None,
    extractor: Extractor | None = None,
    include: Sequence[APIRouter] | None = None,
    build_apart: bool = False,
) -> FastAPI:
    """The API over store DB (None: MCFWATCH_DB at request time), answering Host names HOSTS (None: loopback
    and MCFWATCH_ALLOWED_HOSTS; "*" for any), refusing bodies over MAX_BODY_BYTES (None: the setting).

    BUILD_APART (a server): the persisted graph index is built in another process (api/indexer.py), started
    when the server starts if the index is not current, and stopped when it shuts down."""
    app = FastAPI(title="mcfwatch", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.state.db = db
    app.state.extractor = extractor
    app.state.build_apart = build_apart
    if build_apart:
        around_lifespan(app, index_builds)
    for router in include if include is not None else routers():
        app.include_router(router)
    errors.install(app)
    docs.install(app)
    limit = max_body_bytes if max_body_bytes is not None else int(settings.MAX_BODY_BYTES.get())
    app.add_middleware(BodyLimit, limit=limit)
    guard(app, hosts if hosts is not None else allowed_hosts())
    return app


@asynccontextmanager
async def index_builds(app: FastAPI) -> AsyncIterator[None]:
    """While the server runs: today's graph index brought up to date in a build process; on shutdown (SIGTERM,
    Ctrl-C) every build process this server started is stopped and waited for. Before the first request, the
    watchlists' index every `/match` and `/entities/{id}` reads is loaded (about a second of CPU that the first
    twenty requests otherwise queued behind, measured at 8-9 s under load)."""
    from fastapi.concurrency import run_in_threadpool

    from mcfwatch.api.listings import list_index

    db = app.state.db if app.state.db is not None else settings.DB.get()
    with suppress(McfwatchError):  # a store that cannot be opened: its requests say why, as before
        services_for(app, db).start_builds()
    with suppress(McfwatchError):  # lists that cannot be read: the routes that need them say why
        await run_in_threadpool(list_index, None)
    try:
        yield
    finally:
        for s in running_services(app):
            s.stop_builds()


def around_lifespan(app: FastAPI, outer: Callable[[FastAPI], AbstractAsyncContextManager[None]]) -> None:
    """Run OUTER around the app's own lifespan (its startup and shutdown handlers, if any)."""
    inner = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(a: Any) -> AsyncIterator[Any]:
        async with outer(a), inner(a) as state:
            yield state

    app.router.lifespan_context = lifespan


def guard(app: FastAPI, hosts: Sequence[str]) -> None:
    """Wrap the app's whole middleware stack, however much is added later (sessions, authentication, the
    error middleware that sends 500s), in the Host check and the security headers: they hold for every response."""
    build = app.build_middleware_stack

    def build_guarded() -> ASGIApp:
        return SecurityHeaders(HostCheck(build(), allowed=hosts))

    app.build_middleware_stack = build_guarded  # type: ignore[method-assign]


app = create_app(build_apart=True)  # what `uvicorn mcfwatch.api.app:app` serves
