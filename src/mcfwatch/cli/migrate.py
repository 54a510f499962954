"""`mcfwatch migrate`: upgrade a store written by an older mcfwatch to this one's schema."""

from __future__ import annotations

import typer

from mcfwatch.cli.common import DEFAULT_DB, DbOption, console, friendly_errors


def register(app: typer.Typer) -> None:
    @app.command()
    @friendly_errors
    def migrate(db: DbOption = DEFAULT_DB) -> None:
        """Upgrade a store (SQLite file or PostgreSQL URL) to this mcfwatch's schema, in one transaction."""
        from mcfwatch.store.schema import migrate_store

        shown, before, after = migrate_store(str(db))
        if before == after:
            console.print(f"{shown}: schema version {after}, already current", highlight=False)
        else:
            console.print(f"{shown}: schema version {before} -> {after}", highlight=False)
