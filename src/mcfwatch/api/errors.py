"""The one place that maps exceptions to HTTP statuses, and the one JSON error shape:

    {"error": {"status": 404, "type": "NotFoundError", "message": "no list 'x' ..."}}
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from mcfwatch.errors import InputError, McfwatchError, MissingExtraError, NotFoundError, StoreError

STATUS: tuple[tuple[type[McfwatchError], int], ...] = (
    (NotFoundError, 404),
    (InputError, 400),
    (MissingExtraError, 501),
    (StoreError, 503),
    (McfwatchError, 400),
)


def error_body(status: int, kind: str, message: str) -> dict[str, dict[str, object]]:
    return {"error": {"status": status, "type": kind, "message": message}}


def status_for(exc: McfwatchError) -> int:
    return next(code for cls, code in STATUS if isinstance(exc, cls))


def install(app: FastAPI) -> None:
    """Register the exception handlers on an app."""

    @app.exception_handler(McfwatchError)
    async def _mcfwatch(_: Request, exc: McfwatchError) -> JSONResponse:
        status = status_for(exc)
        return JSONResponse(error_body(status, type(exc).__name__, str(exc)), status_code=status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = f"{where}: {first.get('msg', 'invalid request')}" if where else "invalid request"
        return JSONResponse(error_body(422, "ValidationError", message), status_code=422)

    @app.exception_handler(HTTPException)
    async def _http(_: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse(error_body(exc.status_code, "HTTPError", str(exc.detail)), status_code=exc.status_code)
