"""`mcfwatch serve`: the REST API (FastAPI under uvicorn) over one store."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from mcfwatch.cli.common import DEFAULT_DB, DbOption, err_console, friendly_errors
from mcfwatch.store import Store


def register(app: typer.Typer) -> None:
    @app.command()
    @friendly_errors
    def serve(
        db: DbOption = DEFAULT_DB,
        host: Annotated[str, typer.Option(help="Interface to listen on (loopback by default).")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    ) -> None:
        """Serve the web application and the REST API (/match, /exposure, /entities …; docs at /docs) over the store."""
        import uvicorn

        Store(db).close()  # fail here, with a one-line error, if the store cannot be opened
        os.environ["MCFWATCH_DB"] = str(db)
        err_console.print(f"mcfwatch on http://{host}:{port} (store {db}); log in with an account from "
                          "'mcfwatch users add'; OpenAPI docs at /docs", markup=False, highlight=False)
        uvicorn.run("mcfwatch.web.app:server", factory=True, host=host, port=port, log_level="info")
