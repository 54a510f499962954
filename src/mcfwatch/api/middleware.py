"""ASGI middleware every response passes through: the Host check, the body limit and security headers.

Each is a plain ASGI class. SecurityHeaders and HostCheck wrap the whole stack (`api.app.guard`), so pages,
sessions and authentication added later sit inside them; BodyLimit is ordinary app middleware.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mcfwatch.api.errors import error_response

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")

# No inline scripts, nothing from elsewhere, never framed. Swagger UI sets inline styles, hence 'unsafe-inline'
# for styles only; images include data: URLs (its icons).
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response (errors included), replacing any the app set."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_of(header: str) -> str:
    """The host name of a Host header value, without port or IPv6 brackets, lower case."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class HostCheck:
    """Refuses requests whose Host header is not an allowed name (DNS rebinding: a hostile page whose
    domain resolves to 127.0.0.1 would otherwise read the API from the user's browser)."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(h.strip().lower().strip("[]") for h in allowed if h.strip())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        header = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
        if host_of(header) not in self.allowed:
            message = (f"host {header!r} is not allowed; allowed: {', '.join(sorted(self.allowed))} "
                       "(add names with MCFWATCH_ALLOWED_HOSTS or serve --allow-host)")
            await error_response(scope["path"], 400, "HostNotAllowed", message)(scope, receive, send)
            return
        await self.app(scope, receive, send)


class BodyTooLarge(HTTPException):
    """A request body over the limit. An HTTPException so FastAPI's body reader passes it through unchanged."""

    def __init__(self, limit: int, size: int | None) -> None:
        got = f"{size:,} bytes > {limit:,} bytes limit" if size is not None else f"over the {limit:,} bytes limit"
        super().__init__(413, f"request body too large ({got}, MCFWATCH_MAX_BODY_BYTES)")


class BodyLimit:
    """Refuses request bodies over `limit` bytes without reading them whole: at once when Content-Length
    says so, else as soon as the streamed chunks pass the limit."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = next((v for k, v in scope.get("headers", []) if k == b"content-length"), None)
        if declared is not None:
            size = int(declared) if declared.isdigit() else -1
            if size < 0 or size > self.limit:
                exc = BodyTooLarge(self.limit, size if size >= 0 else None)
                status = 413 if size >= 0 else 400
                message = exc.detail if size >= 0 else "invalid Content-Length header"
                await error_response(scope["path"], status, "BodyTooLarge" if size >= 0 else "BadRequest",
                                     message)(scope, receive, send)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit, None)
            return message

        await self.app(scope, counted, send)
