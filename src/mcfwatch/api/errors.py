"""The one place that maps exceptions to HTTP statuses, and the two JSON error shapes.

mcfwatch's own routes (/exposure, /cards, /documents, /extract, /entities ...) answer

    {"error": {"status": 404, "type": "NotFoundError", "message": "no entity 'x' ..."}}

and the yente-compatible routes (/match, /search, /entities/{id}, /catalog, /algorithms, /readyz, /healthz)
answer yente's own shape, which yente clients read:

    {"detail": "no entity 'x' ..."}

Every error is JSON, 500s included; a request that fails validation is a 400 (never 422).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from mcfwatch.errors import InputError, McfwatchError, MissingExtraError, NotFoundError, StoreError

log = logging.getLogger(__name__)

STATUS: tuple[tuple[type[McfwatchError], int], ...] = (
    (NotFoundError, 404),
    (InputError, 400),
    (MissingExtraError, 501),
    (StoreError, 503),
    (McfwatchError, 400),
)
YENTE_EXACT = ("/match", "/catalog", "/algorithms", "/readyz", "/healthz")
YENTE_PREFIXES = ("/match/", "/search/", "/entities/")   # not /search (a web page) nor /entities (mcfwatch's list)


def is_yente(path: str) -> bool:
    """True for the routes that speak yente's shapes (their errors are `{"detail": ...}`)."""
    return path in YENTE_EXACT or path.startswith(YENTE_PREFIXES)


def error_body(status: int, kind: str, message: str) -> dict[str, dict[str, object]]:
    return {"error": {"status": status, "type": kind, "message": message}}


def error_response(path: str, status: int, kind: str, message: str) -> JSONResponse:
    """The error in the shape the route at PATH speaks."""
    body: object = {"detail": message} if is_yente(path) else error_body(status, kind, message)
    return JSONResponse(body, status_code=status)


def status_for(exc: McfwatchError) -> int:
    return next(code for cls, code in STATUS if isinstance(exc, cls))


def validation_message(exc: RequestValidationError) -> str:
    """The first problem of a request that failed validation, as one line naming the field."""
    errors = exc.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first.get('msg', 'invalid value')}{more}" if where else f"{first.get('msg')}{more}"


def document(app: FastAPI) -> None:
    """Make the app's OpenAPI document say what is sent: no 422 (validation errors are 400s in the route's
    error shape) and the 400 on every operation that takes parameters or a body."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        spec = build()
        for path, methods in spec.get("paths", {}).items():
            shape = "YenteError" if is_yente(path) else "Error"
            for op in methods.values():
                op["responses"].pop("422", None)
                if (op.get("parameters") or "requestBody" in op) and "400" not in op["responses"]:
                    op["responses"]["400"] = {"description": "Invalid parameter", "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{shape}"}}}}
        for unused in ("HTTPValidationError", "ValidationError"):
            spec.get("components", {}).get("schemas", {}).pop(unused, None)
        app.openapi_schema = spec
        return spec

    app.openapi = openapi  # type: ignore[method-assign]


def install(app: FastAPI) -> None:
    """Register the exception handlers on an app, and document them (see `document`)."""
    document(app)

    @app.exception_handler(McfwatchError)
    async def _mcfwatch(request: Request, exc: McfwatchError) -> JSONResponse:
        status = status_for(exc)
        return error_response(request.url.path, status, type(exc).__name__, str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(request.url.path, 400, "ValidationError", validation_message(exc))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        kind = {404: "NotFound", 405: "MethodNotAllowed", 413: "BodyTooLarge"}.get(exc.status_code, "HTTPError")
        response = error_response(request.url.path, exc.status_code, kind, str(exc.detail))
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        message = f"internal error ({type(exc).__name__}); the server log has the details"
        return error_response(request.url.path, 500, "InternalError", message)
