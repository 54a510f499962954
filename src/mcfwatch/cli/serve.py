"""`mcfwatch serve`: the web application and the REST API (one FastAPI app under uvicorn) over one store."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from mcfwatch.cli.common import DEFAULT_DB, DbOption, err_console, friendly_errors

PUBLIC = ("0.0.0.0", "::", "")


def register(app: typer.Typer) -> None:
    @app.command()
    @friendly_errors
    def serve(
        db: DbOption = DEFAULT_DB,
        host: Annotated[str, typer.Option(help="Interface to listen on (loopback by default).")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
        allow_host: Annotated[list[str], typer.Option(
            "--allow-host", help="A Host name clients may use besides localhost and the bound host "
            "(repeat; also MCFWATCH_ALLOWED_HOSTS). Needed behind a proxy or for a DNS name.")] = [],  # noqa: B006
        workers: Annotated[int, typer.Option(min=1, help="Server processes; each holds its own store engine and "
                                             "graph in memory (memory grows with each).")] = 1,
    ) -> None:
        """Serve the web application and the REST API (/match, /exposure, /entities …; docs at /docs) over the store."""
        import uvicorn

        from mcfwatch.api.app import allowed_hosts, create_app
        from mcfwatch.store import Store
        from mcfwatch.store.engine import shown_db
        from mcfwatch.web.app import mount

        Store(db).close()  # fail here, with a one-line error, if the store cannot be opened
        os.environ["MCFWATCH_DB"] = str(db)
        hosts = allowed_hosts(host, allow_host)
        if host in PUBLIC:
            err_console.print(f"[yellow]warning:[/yellow] listening on every interface ({host or 'all'}): anyone who "
                              "can reach this machine reaches the login page and the API, over plain HTTP (put a "
                              "TLS proxy in front). Requests must name one of these hosts (--allow-host adds one): "
                              f"{', '.join(hosts)}", highlight=False)
        err_console.print(f"mcfwatch on http://{host}:{port} (store {shown_db(db)}); log in with an account from "
                          "'mcfwatch users add'; OpenAPI docs at /docs", markup=False, highlight=False)
        if workers > 1:  # each worker process imports the app: the settings carry the store and the hosts
            os.environ["MCFWATCH_ALLOWED_HOSTS"] = ",".join(hosts)
            uvicorn.run("mcfwatch.web.app:server", factory=True, workers=workers, host=host, port=port,
                        log_level="info")
            return
        # the persisted graph index is built in a separate process (api/indexer.py), never in a request's thread
        uvicorn.run(mount(create_app(db=db, hosts=hosts, build_apart=True), str(db)), host=host, port=port,
                    log_level="info")
