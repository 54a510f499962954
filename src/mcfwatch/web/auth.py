"""Who is asking: cookie sessions for people, bearer tokens for scripts, roles, and CSRF for forms.

Invariants:
- Every path but ``/login``, ``/healthz`` and ``/static/`` needs a session or a token. A page request
  without one is sent to ``/login``; anything else gets a 401 in the API's error shape.
- Requests that change the store (uploads, decisions, account changes) need the analyst or admin role.
- A form posted with a session cookie carries the session's CSRF token (``csrf_token`` field or
  ``X-CSRF-Token`` header); token-authenticated requests carry no cookie and need none.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from mcfwatch.store.accounts import Accounts, User

OPEN_PATHS = ("/login", "/healthz", "/static/", "/favicon.ico")
# Methods that read even though they are POSTs (a JSON body is a query, nothing is stored).
READ_POSTS = ("/match", "/extract", "/screen")


def _error(status: int, kind: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "type": kind, "message": message}}, status_code=status)


def wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept.split(",")[0]


class AuthMiddleware:
    """Sets ``request.state.user`` or refuses the request; runs inside the session middleware.

    A plain ASGI middleware (not Starlette's BaseHTTPMiddleware, which runs every request through a task
    group and memory streams). Nothing about a user is kept between requests: each request reads its token's
    or session's user afresh (one indexed query), so a revoked token, a removed user or a changed role is
    refused on the very next request, by every server process over the store. On SQLite that read runs on
    the event loop (a primary-key lookup in a local file: cheaper than the hand-off to a thread, and never
    queued behind the routes that fill the thread pool); on PostgreSQL it runs in the thread pool.
    """

    def __init__(self, app: ASGIApp, accounts: Accounts) -> None:
        self.app = app
        self.accounts = accounts
        self.inline = accounts.store.target.is_sqlite

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        state = scope.setdefault("state", {})
        state["user"] = None
        state["via_token"] = False
        if path.startswith(OPEN_PATHS):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        user = self._user(request) if self.inline else await run_in_threadpool(self._user, request)
        refusal = self._refusal(request, path, user)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        state["user"] = user
        await self.app(scope, receive, send)

    @staticmethod
    def _refusal(request: Request, path: str, user: User | None) -> Response | None:
        if user is None:
            if request.method == "GET" and wants_html(request):
                return RedirectResponse(f"/login?next={_safe_next(path)}", status_code=303)
            return _error(401, "Unauthorized", "log in (POST /login) or send 'Authorization: Bearer TOKEN'")
        if request.method not in ("GET", "HEAD", "OPTIONS") and not path.startswith(READ_POSTS) \
                and path != "/logout" and not user.can_write:
            return _error(403, "Forbidden", f"{user.name} is a {user.role}: changing the store needs the "
                                            "analyst or admin role")
        return None

    def _user(self, request: Request) -> User | None:
        header = request.headers.get("authorization", "")
        scheme, _, credentials = header.partition(" ")
        # "Bearer TOKEN" for scripts; "ApiKey TOKEN" is what yente clients (nomenklatura's enricher) send.
        if scheme.lower() in ("bearer", "apikey") and credentials.strip():
            user = self.accounts.token_user(credentials.strip())
            request.state.via_token = user is not None
            return user
        name = request.session.get("user") if "session" in request.scope else None
        return self.accounts.user(name) if isinstance(name, str) else None


def _safe_next(path: str) -> str:
    """Only local paths are followed after login (no open redirect)."""
    return path if path.startswith("/") and not path.startswith("//") else "/"


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


async def check_csrf(request: Request) -> None:
    """FastAPI dependency for every form POST: the session's token must come back with the form."""
    if getattr(request.state, "via_token", False):
        return
    expected = request.session.get("csrf")
    sent = request.headers.get("x-csrf-token")
    if sent is None:
        form = await request.form()
        value = form.get("csrf_token")
        sent = value if isinstance(value, str) else None
    if not isinstance(expected, str) or sent is None or not hmac.compare_digest(expected, sent):
        raise HTTPException(status_code=403, detail="the form's CSRF token is missing or stale; reload the page")


def current_user(request: Request) -> User:
    user = getattr(request.state, "user", None)
    if user is None:
        raise HTTPException(status_code=401, detail="not logged in")
    return user  # type: ignore[no-any-return]


def require_admin(request: Request) -> User:
    user = current_user(request)
    if user.role != "admin":
        raise HTTPException(status_code=403, detail="this page is for admins")
    return user
