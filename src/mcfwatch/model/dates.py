"""Dates a user gives (`--as-of`, `as_of=`, `changed_since=`): checked in one place, for the CLI and the API.

A date that is not a real calendar day (2019-02-30) or not a date at all ("foo") is an InputError naming
the parameter, never a traceback and never silently "today".
"""

from __future__ import annotations

import re
from datetime import date, datetime

from mcfwatch.errors import InputError

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?$")


def check_day(value: str | None, what: str = "as_of") -> str | None:
    """VALUE as an ISO day (YYYY-MM-DD), None unchanged; anything else is an InputError naming WHAT."""
    if value is None:
        return None
    text = value.strip()
    if not _DAY.match(text):
        raise InputError(what, f"{value!r} is not an ISO date; use YYYY-MM-DD, e.g. 2019-02-28")
    try:
        date.fromisoformat(text)
    except ValueError:
        raise InputError(what, f"{value!r} is not a day of the calendar; use YYYY-MM-DD, e.g. 2019-02-28") from None
    return text


def check_stamp(value: str | None, what: str = "changed_since") -> str | None:
    """VALUE as an ISO day or time stamp (YYYY-MM-DD[THH[:MM[:SS]]]), None unchanged; else an InputError."""
    if value is None:
        return None
    text = value.strip()
    if not _STAMP.match(text):
        raise InputError(what, f"{value!r} is not an ISO date or time; use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS")
    try:
        datetime.fromisoformat(text if len(text) != 13 else text + ":00")
    except ValueError:
        raise InputError(what, f"{value!r} is not a real date or time; use YYYY-MM-DD, e.g. 2019-02-28") from None
    return text
