"""Helpers shared by CLI commands: the --db option, the consoles, progress bars, error exits.

Data is never markup. Both consoles have Rich markup off, so a name, path or evidence text such as
``[/x]`` or ``[link=file:///etc/passwd]`` prints as written wherever it is printed (plain ``print``,
table cells, rules). Styling goes through ``styled``: a trusted template whose fields are escaped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from mcfwatch import settings
from mcfwatch.errors import McfwatchError

console = Console(soft_wrap=True, markup=False, highlight=False)
err_console = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)

# A string, not a Path: Path would fold the // of postgresql://host/db.
DbOption = Annotated[
    str,
    typer.Option("--db", envvar=settings.DB.name, help=settings.DB.help, show_default=True),
]
DEFAULT_DB = settings.DB.default

F = TypeVar("F", bound=Callable[..., Any])


def styled(template: str, **values: object) -> Text:
    """Rich markup from a trusted ``template``; each ``{field}`` is filled with escaped data.

    ``styled("[bold]{name}[/bold]", name="[/x]")`` prints ``[/x]`` in bold: values never open or close a tag.
    """
    return Text.from_markup(template.format_map({k: escape(str(v)) for k, v in values.items()}))


def progress(label: str) -> Progress:
    """A progress bar on stderr (stdout stays clean for JSON); the description column is data, never markup."""
    return Progress(
        TextColumn(label, style="bold", markup=False), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False), console=err_console, transient=True,
    )


def friendly_errors(func: F) -> F:
    """Turn mcfwatch errors into a one-line message and exit code 2, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except McfwatchError as exc:
            err_console.print(styled("[red]error:[/red] {exc}", exc=exc))
            raise typer.Exit(2) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]
