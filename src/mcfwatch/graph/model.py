"""The graph's records: nodes (resolved entities), edges (relations with evidence) and list memberships.

Invariant: every Edge carries the evidence it stands on (document, span, quote) or, for an
edge composed from two relations, the ids of the relations it was composed from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, frozen=True)
class Evidence:
    document: str
    start: int
    end: int
    text: str
    title: str | None = None
    url: str | None = None
    path: str | None = None
    opening: str | None = None  # the text's first characters, read only for a document without a title

    def to_dict(self, labelled: bool = False) -> dict[str, Any]:
        """The quote and where it is (the issue's shape: document id, start, end, text); labelled adds the
        document's title (None when it has none) and the label every door names it by (`source`: the title, else
        its opening words, URL, path or id), for evidence printed away from its hop (a path's "also" lines)."""
        out: dict[str, Any] = {"document": self.document, "start": self.start, "end": self.end, "text": self.text}
        if labelled:
            out.update(title=self.title, source=self.source_label())
        return out

    def source_label(self) -> str:
        """A human label for the source: title, else the opening of its first line, else URL, path, document id."""
        return document_label(self.title, self.opening, self.url, self.path, self.document)


LABEL_CHARS = 60  # of a document's opening words, when they name it


def document_label(title: str | None, text: str | None, url: str | None, path: str | None, doc_id: str) -> str:
    """How every door names a document: its title; a document that opens with its body (no title line, as the
    Chinese founding seed) by the opening of its first line, cut after a clause within LABEL_CHARS and marked
    "…"; else its URL, its path, its id. The title stays what ingest found (none), the label only shows."""
    if title and title.strip():  # a blank title (a DOCX whose core title is " ") names nothing
        return title.strip()
    line = next((x.strip() for x in (text or "").splitlines() if x.strip()), "")
    if line:
        if len(line) <= LABEL_CHARS:
            return line
        cut = max(line.rfind(p, 0, LABEL_CHARS) for p in "，,；;。.：:") + 1  # after a clause
        if cut <= LABEL_CHARS // 3:
            space = line.rfind(" ", 0, LABEL_CHARS)  # else between words, or (Chinese) at the limit
            cut = space if space > LABEL_CHARS // 2 else LABEL_CHARS
        return line[:cut].rstrip() + "…"
    return url or path or doc_id


@dataclass(slots=True)
class Edge:
    id: str
    source: str
    target: str
    type: str
    evidence: Evidence
    subtype: str | None = None
    date: str | None = None
    date_end: str | None = None
    subject: str | None = None
    confidence: float = 0.5
    method: str = "rule"
    directed: bool = True
    via: str | None = None               # name of the event a composed edge passes through
    parts: tuple[str, ...] = ()          # ids of the relations a composed edge was built from
    also: tuple[Evidence, ...] = ()      # further evidence (the organiser's sentence of a composed edge)
    components: tuple[Edge, ...] = ()    # the relations a composed edge stands for

    def other(self, node: str) -> str:
        return self.target if node == self.source else self.source


@dataclass(slots=True, frozen=True)
class Listing:
    """Membership of an entity in one version of a watch list: an edge from the entity to the list."""

    list_id: str
    list_title: str
    authority: str
    legal_basis: str
    kind: str
    version: str
    entry_id: str
    entry_name: str
    start_date: str | None
    end_date: str | None
    remarks: str | None
    citation: str | None
    properties: tuple[tuple[str, str], ...] = ()
    match: str = "name"                  # how the entity was linked to the entry (for people: the words)
    parent_name: str | None = None       # the entry's parent (the group a listed member belongs to)
    score: float = 1.0                   # the screening score of the link (1.0: an exact name, no screener)
    matched_name: str = ""               # the entity's name that matched the entry

    @property
    def shown_score(self) -> float:
        """The score every door prints and returns (show, /cards, exposure, the FtM export, reports): 3 decimals,
        as the `extract` contract's listings give it."""
        return round(self.score, 3)

    def prop(self, key: str) -> str | None:
        return dict(self.properties).get(key)

    def to_dict(self) -> dict[str, Any]:
        """The listing in JSON under the field names every door uses (the `extract` contract's: list_id,
        list_version, entry_id, entry_name ...), then, for one version, the names `exposure` used before
        (OLD_NAMES: list, title, version, entry, name)."""
        out: dict[str, Any] = {
            "list_id": self.list_id, "list_title": self.list_title, "list_version": self.version,
            "entry_id": self.entry_id, "entry_name": self.entry_name, "authority": self.authority,
            "legal_basis": self.legal_basis, "kind": self.kind, "start_date": self.start_date,
            "end_date": self.end_date, "remarks": self.remarks, "citation": self.citation,
            "match": self.match, "parent": self.parent_name, "score": self.shown_score,
            "matched_name": self.matched_name,
        }
        return {**out, **{old: out[new] for old, new in OLD_NAMES.items()}}


# Deprecated aliases of a listing's fields in exposure / API / report JSON (the names before session 27), kept for
# one version beside the unified names: old name -> unified name.
OLD_NAMES = {"list": "list_id", "title": "list_title", "version": "list_version", "entry": "entry_id",
             "name": "entry_name"}


@dataclass(slots=True)
class Node:
    id: str
    name: str
    type: str
    names: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)      # store entity ids folded into this node
    listings: list[Listing] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type}
