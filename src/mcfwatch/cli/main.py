"""The mcfwatch command line. Each command module registers itself on `app` through one explicit list."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="mcfwatch",
    help="Trace technology-transfer pathways to China's military-civil fusion, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    # Explicit list of command modules (no discovery by import side effects).
    from mcfwatch.cli import accounts, analysis, batch, documents, eval, lists, migrate, screen, serve

    for module in (documents, lists, screen, eval, analysis, serve, accounts, migrate, batch):
        module.register(app)


_register()

if __name__ == "__main__":
    app()
