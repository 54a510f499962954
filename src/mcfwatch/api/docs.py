"""`/docs`: Swagger UI served from the installed `swagger-ui-bundle` package (Apache-2.0), never a CDN, so the
docs work offline. The page has no inline script (the CSP forbids them): its setup is /docs/assets/init.js."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from mcfwatch.errors import MissingExtraError

ASSETS = "/docs/assets"
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} – API</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="{assets}/init.js"></script>
</body></html>
"""
INIT = """window.ui = SwaggerUIBundle({url: "%s", dom_id: "#swagger-ui", deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout"});
"""


def swagger_ui_dir() -> Path:
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError as exc:  # a dependency; only a broken install lacks it
        raise MissingExtraError("api", "swagger-ui-bundle") from exc
    return Path(swagger_ui_path)


def install(app: FastAPI) -> None:
    """Serve /docs and its assets (the app must be created with docs_url=None, redoc_url=None)."""
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(PAGE.format(title=app.title, assets=ASSETS))

    @app.get(f"{ASSETS}/init.js", include_in_schema=False)
    def init() -> Response:
        return Response(INIT % openapi_url, media_type="text/javascript")

    app.mount(ASSETS, StaticFiles(directory=swagger_ui_dir()), name="docs-assets")
