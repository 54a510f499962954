"""Mount the web application (pages, static files, sessions, accounts) on the API's FastAPI app.

One server: the same app serves the REST API and the pages, over the same view functions and one store
(one Services per app and store: one engine, one graph per store generation).
"""

from __future__ import annotations

import threading
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import Response

from mcfwatch.api.services import Services, services_for
from mcfwatch.errors import McfwatchError
from mcfwatch.resolve.namesearch import name_index
from mcfwatch.store.accounts import Accounts
from mcfwatch.web import pages
from mcfwatch.web.auth import AuthMiddleware, wants_html

STATIC = Path(__file__).parent / "static"
SESSION_SECONDS = 8 * 3600


def mount(app: FastAPI, db: str, warm: bool = False) -> FastAPI:
    """Add pages, static files, login and the auth middleware to ``app`` over the store ``db``.

    The pages and the API routes share one Services (api/services.py): one store engine and one graph."""
    services = services_for(app, db)
    accounts = Accounts(services.store)
    app.state.services = services
    app.state.accounts = accounts
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # Starlette runs the last-added middleware first: sessions must be read before authentication.
    app.add_middleware(AuthMiddleware, accounts=accounts)
    app.add_middleware(SessionMiddleware, secret_key=accounts.session_key(), session_cookie="mcfwatch_session",
                       max_age=SESSION_SECONDS, same_site="strict", https_only=False)
    _html_errors(app)
    if warm:
        threading.Thread(target=_warm, args=(services,), name="mcfwatch-warm", daemon=True).start()
    return app


def _warm(services: Services) -> None:
    """Build the graph, the screener and the name index before the first user asks (a server thread)."""
    services.warm()
    name_index(services.store.url, services.generation(), services.store.names)


def _html_errors(app: FastAPI) -> None:
    """A person in a browser gets an error page; scripts keep the API's JSON error shape."""
    for exc_class in (McfwatchError, HTTPException):
        json_handler = app.exception_handlers.get(exc_class)
        if json_handler is None:
            continue

        async def handler(request: Request, exc: Exception, _json=json_handler) -> Response:  # type: ignore[no-untyped-def]
            if wants_html(request):
                from mcfwatch.api.errors import status_for

                status = exc.status_code if isinstance(exc, HTTPException) else status_for(exc)  # type: ignore[arg-type]
                message = str(exc.detail) if isinstance(exc, HTTPException) else str(exc)
                return pages.error_page(request, status, message)
            return await _json(request, exc)  # type: ignore[no-any-return]

        app.add_exception_handler(exc_class, handler)


def server() -> FastAPI:
    """The app `mcfwatch serve` runs: the REST API and the pages over MCFWATCH_DB, behind login.

    `uvicorn --factory mcfwatch.web.app:server` runs the same.
    """
    from mcfwatch import settings
    from mcfwatch.api.app import create_app

    return mount(create_app(build_apart=True), settings.DB.get(), warm=True)
