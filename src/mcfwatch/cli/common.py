"""Helpers shared by CLI commands: the --db option, the consoles, progress bars, error exits.

Data is never markup. Both consoles have Rich markup off, so a name, path or evidence text such as
``[/x]`` or ``[link=file:///etc/passwd]`` prints as written wherever it is printed (plain ``print``,
table cells, rules). Styling goes through ``styled``: a trusted template whose fields are escaped.

Data never drives the terminal either. A quote, title or name can carry control characters (a saved web
page with an escape sequence that sets the window title or clears the screen, a NUL, a C1 control) or bidi
overrides (U+202E reverses the rest of the line as displayed): the consoles print each as a visible escape
(``\x1b``, ``\u202e``; ``terminal_safe``), and emoji codes (``:fire:``) print as written. Tabs and newlines
are kept. JSON output is untouched (JSON escapes control characters itself).
"""

from __future__ import annotations

import re
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

# C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """TEXT with every character that would control the terminal shown as an escape (ESC -> ``\\x1b``)."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


class SafeConsole(Console):
    """A console that prints data as text: no markup, no emoji codes, no terminal control (``terminal_safe``).

    Every string it prints goes through ``render_str`` (``print``, table cells, rule titles); ``styled`` makes
    its values safe before they become a ``Text``."""

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(terminal_safe(text), **kwargs)


console = SafeConsole(soft_wrap=True, markup=False, highlight=False, emoji=False)
err_console = SafeConsole(stderr=True, soft_wrap=True, markup=False, highlight=False, emoji=False)

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
    return Text.from_markup(template.format_map({k: escape(terminal_safe(str(v))) for k, v in values.items()}),
                            emoji=False)


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
