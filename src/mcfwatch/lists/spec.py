"""How an importer is declared: the list it feeds, the copy it reads, and the function that parses it.

An importer module builds one `Importer` (its `IMPORTER` constant); `registry.py` lists them all.
A parse function receives the copy's files through `SourceFiles` and returns one or more
`ParsedVersion`s (the 1260H copy yields one per edition); the loader wraps them in `WatchList`s.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mcfwatch.errors import InputError
from mcfwatch.lists.model import ListEntry


@dataclass(frozen=True, slots=True)
class ListInfo:
    """What a list is, whatever copy of it we hold."""

    id: str
    title: str
    authority: str
    jurisdiction: str
    legal_basis: str
    kind: str
    url: str  # the official page


@dataclass(slots=True)
class ParsedVersion:
    as_of: str
    entries: list[ListEntry]


class SourceFiles:
    """The files of one copy of a list (a folder), read with one-line errors naming the file."""

    def __init__(self, folder: Path, as_of: str) -> None:
        self.folder = folder
        self.as_of = as_of

    def path(self, name: str) -> Path:
        path = self.folder / name
        if not path.is_file():
            raise InputError(str(path), "list file missing; reinstall mcfwatch or run `mcfwatch lists update`")
        return path

    def text(self, name: str, encoding: str = "utf-8") -> str:
        try:
            return self.path(name).read_text(encoding=encoding)
        except UnicodeDecodeError as exc:
            raise InputError(str(self.folder / name), f"not {encoding} text ({exc.reason})") from None

    def json(self, name: str) -> Any:
        try:
            return json.loads(self.text(name))
        except json.JSONDecodeError as exc:
            raise InputError(str(self.folder / name), f"malformed JSON at line {exc.lineno}: {exc.msg}") from None

    def rows(self, name: str, required: tuple[str, ...] = ()) -> list[dict[str, str]]:
        """CSV rows with a header; raises if a required column is missing."""
        reader = csv.DictReader(io.StringIO(self.text(name, "utf-8-sig")))
        missing = [col for col in required if col not in (reader.fieldnames or [])]
        if missing:
            raise InputError(str(self.folder / name), f"malformed list file: missing column(s) {', '.join(missing)}")
        try:
            return list(reader)
        except csv.Error as exc:
            raise InputError(str(self.folder / name), f"malformed CSV: {exc}") from None

    def records(self, name: str, key: str = "entities") -> list[dict[str, Any]]:
        """The record list of a JSON file: the file itself if a list, else its `key` member."""
        data = self.json(name)
        records = data if isinstance(data, list) else data.get(key) if isinstance(data, dict) else None
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise InputError(str(self.folder / name), f"malformed list file: expected a list of records under '{key}'")
        return records


def bad_record(files: SourceFiles, name: str, reason: str) -> InputError:
    """The error for a record an importer cannot read."""
    return InputError(str(files.folder / name), f"malformed list file: {reason}")


Parser = Callable[[SourceFiles], list[ParsedVersion]]


@dataclass(frozen=True, slots=True)
class Importer:
    """One copy of one list: where its files are, under what licence, and how to parse them."""

    info: ListInfo
    copy: str                 # short name of the copy: "nsfreg", "opensanctions", "ofac" ...
    folder: str               # folder under lists/data/ holding the shipped files
    files: tuple[str, ...]    # the files parse() reads
    licence: str
    noncommercial: bool
    source: str               # upstream repository + commit (from PROVENANCE.md)
    as_of: str                # as-of date of the shipped copy
    parse: Parser
    urls: Mapping[str, str] = field(default_factory=dict)  # file -> URL serving the same format
    rank: int = 0             # among copies giving the same version date, the lowest rank is used
    note: str = ""

    @property
    def list_id(self) -> str:
        return self.info.id
