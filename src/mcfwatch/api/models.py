"""Response models of mcfwatch's own routes: the contract OpenAPI shows. The fields are those the CLI's
`--format json` prints; models allow extra fields so that adding one is not a breaking change."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorInfo(BaseModel):
    status: int = Field(..., examples=[404])
    type: str = Field(..., examples=["NotFoundError"], description="The error class (NotFoundError, InputError, ...).")
    message: str = Field(..., examples=["no entity named 'x' in mcfwatch.db; try 'mcfwatch entities'"])


class Error(BaseModel):
    """The one error shape of mcfwatch's own routes."""

    error: ErrorInfo


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "A bad parameter or date, or a limit exceeded (the message names it)"},
    404: {"model": Error, "description": "Not found"},
    413: {"model": Error, "description": "Request body over MCFWATCH_MAX_BODY_BYTES"},
    503: {"model": Error, "description": "The store cannot be opened"},
}


class Span(Open):
    start: int
    end: int
    text: str


class Evidence(Span):
    document: str
    source: str | None = None


class EntityRef(Open):
    id: str
    name: str
    type: str | None


class EntityRow(EntityRef):
    mentions: int
    documents: int
    merged: list[str] = Field(default_factory=list)


class CardEvidence(Span):
    document: str
    title: str | None = None


class CardRelation(Open):
    id: str
    type: str
    subtype: str | None
    direction: str = Field(..., description="out: the entity is the source; in: the target.")
    source: EntityRef
    target: EntityRef
    date: str | None
    date_end: str | None
    subject: str | None
    confidence: float
    method: str | None
    evidence: CardEvidence


class DocumentRef(Open):
    id: str
    title: str | None
    path: str | None
    url: str | None = None
    published: str | None
    language: str | None
    label: str | None = Field(None, description=(
        "How the doors name the document: its title, else the opening words of its first line, else URL or path."))


class Card(Open):
    id: str
    name: str
    type: str
    names: list[str]
    aliases: list[str]
    merged: list[str] = Field(..., description="Ids of the entities folded into this one.")
    requested_id: str | None = Field(None, description="The id asked for, when it was merged into this entity.")
    merged_into: str | None = None
    relations: list[CardRelation]
    documents: list[DocumentRef]
    mentions: int
    listings: list[dict[str, Any]] = Field(default_factory=list, description=(
        "Watchlist entries the entity is linked to (as `exposure` links them; analysts' rejections applied), "
        "in the extract contract's form."))


class StoredDocument(DocumentRef):
    sha256: str
    source: str | None
    format: str | None
    text: str
    ingested_at: str | None


class ExtractedEntity(Open):
    id: str
    name: str
    type: str
    aliases: list[str]
    mentions: list[Span]
    listings: list[dict[str, Any]]


class ExtractedRelation(Open):
    type: str
    subtype: str | None
    source: str
    target: str
    date: str | None
    date_end: str | None
    subject: str | None
    confidence: float
    evidence: Span


class Extraction(Open):
    """The `extract` JSON contract (README)."""

    document: DocumentRef
    entities: list[ExtractedEntity]
    relations: list[ExtractedRelation]


class ListingEvidence(Open):
    """A list entry as a rule's evidence (the partner, or an entity on its path, is listed), under the listing
    field names of every door (the `extract` contract's); `list`, `title`, `version`, `entry` and `name` are the
    names used before, kept for one version."""

    list_id: str
    list_title: str
    list_version: str
    entry_id: str
    entry_name: str
    list: str = Field(..., description="Deprecated: list_id.")
    title: str = Field(..., description="Deprecated: list_title.")
    version: str = Field(..., description="Deprecated: list_version.")
    entry: str = Field(..., description="Deprecated: entry_id.")
    name: str = Field(..., description="Deprecated: entry_name.")


class RuleFinding(Open):
    id: str
    version: str
    level: str
    explanation: str
    evidence: list[Evidence | ListingEvidence] = Field(..., description="Quotes from documents, or list entries.")


class Rating(Open):
    level: str = Field(..., examples=["high"])
    rules_version: str
    rules: list[RuleFinding]
    unknown: list[str] = Field(..., description="What the store cannot tell (stated, not guessed).")


class Hop(Open):
    source: str
    target: str
    type: str
    subtype: str | None
    date: str | None
    evidence: Span
    edge: str
    direction: str
    confidence: float


class ExposurePath(Open):
    score: float
    hops: list[Hop]


class PathNode(EntityRef):
    roles: list[str]
    listings: list[dict[str, Any]]


class TimelineEvent(Open):
    date: str | None
    date_end: str | None
    what: str
    type: str
    subtype: str | None
    edge: str


class Pattern(Open):
    kind: str
    parties: dict[str, str]
    values: dict[str, str]
    evidence: list[Evidence]


class ListVersion(Open):
    list: str
    title: str
    version: str


class Partner(Open):
    id: str | None = Field(..., description="None when the name is not in the store.")
    name: str
    type: str | None


class Exposure(Open):
    partner: Partner
    rating: Rating
    paths: list[ExposurePath]
    path_nodes: list[PathNode]
    listings: list[dict[str, Any]]
    timeline: list[TimelineEvent]
    patterns: list[Pattern]
    as_of: str | None
    lists: list[ListVersion]
    store: str = Field(..., description="The store's URL, any password replaced by ***.")
