"""`mcfwatch users` and `mcfwatch tokens`: accounts of the web application, kept in the store."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from mcfwatch.cli.common import DEFAULT_DB, DbOption, console, err_console, friendly_errors
from mcfwatch.errors import InputError

users_app = typer.Typer(help="Web accounts: reader (reads), analyst (also uploads and decides), admin (all).",
                        no_args_is_help=True)
tokens_app = typer.Typer(help="API tokens for scripts (send 'Authorization: Bearer TOKEN').", no_args_is_help=True)


def _accounts(db: object):  # type: ignore[no-untyped-def]
    from mcfwatch.store import Store
    from mcfwatch.store.accounts import Accounts

    return Accounts(Store(str(db)))


@users_app.command("add")
@friendly_errors
def users_add(
    name: str,
    role: Annotated[str, typer.Option(help="reader, analyst or admin.")] = "reader",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Add a user (or change an existing user's role and password)."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise InputError(name, "no password given")
    user = _accounts(db).add_user(name, role, password)
    err_console.print(f"user {user.name} ({user.role}) saved", markup=False, highlight=False)


@users_app.command("list")
@friendly_errors
def users_list(db: DbOption = DEFAULT_DB) -> None:
    """List users and their roles."""
    for user in _accounts(db).users():
        console.print(f"{user.name}\t{user.role}", markup=False, highlight=False)


@tokens_app.command("create")
@friendly_errors
def tokens_create(
    name: str,
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Create an API token for a user and print it (it is shown only this once)."""
    print(_accounts(db).create_token(name, label))


@tokens_app.command("revoke")
@friendly_errors
def tokens_revoke(name: str, db: DbOption = DEFAULT_DB) -> None:
    """Revoke every API token of a user."""
    n = _accounts(db).revoke_tokens(name)
    err_console.print(f"{n} token(s) of {name} revoked", markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
    app.add_typer(tokens_app, name="tokens")
