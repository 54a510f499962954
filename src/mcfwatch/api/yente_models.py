"""Pydantic models of the yente-compatible routes, written from yente's published API (field names and
meanings), so that yente clients parse our answers. The tests check our answers against the yente
package's own models. mcfwatch adds fields (`explanations[*].explanation`, `mcfwatch`); clients ignore them.
"""

from __future__ import annotations

from typing import Annotated, Any, cast

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from mcfwatch.api.scoring import SCHEMATA
from mcfwatch.resolve.algorithm import ENTRY_QUALIFIERS, FEATURES_BY_NAME


class YenteError(BaseModel):
    """yente's error shape, used on every yente-compatible route."""

    detail: str = Field(..., examples=["no entity 'x'"])


class Status(BaseModel):
    status: str = Field("ok", examples=["ok"])


class IndexHealth(BaseModel):
    """The latest graph index build a server ran in another process (api/indexer.py)."""

    state: str = Field(..., examples=["done"], description="none, running, done, failed or stopped")
    builds: int = Field(..., description="build processes this server process started")
    seconds: float | None = Field(None, description="how long the latest finished build took")
    error: str | None = Field(None, description="why the latest build failed")


class Health(Status):
    index: IndexHealth | None = Field(None, description="index builds (a server that builds them apart)")


class Entity(BaseModel):
    """An FtM entity as yente serves it; property values are strings or (nested=true) entities."""

    model_config = ConfigDict(populate_by_name=True)
    id: str = Field(..., examples=["us-dod-1260h.avic"])
    caption: str = Field(..., examples=["Aviation Industry Corporation of China"])
    schema_: str = Field(..., alias="schema", examples=["Company"])
    properties: dict[str, list[str | Entity]] = Field(default_factory=dict)
    datasets: list[str] = Field(default_factory=list, examples=[["us-dod-1260h"]])
    referents: list[str] = Field(default_factory=list, description="Every source id merged into this entity.")
    target: bool = Field(False, description="True for listed parties (screening targets).")
    first_seen: str | None = Field(None, examples=["2021-06-03T00:00:00"])
    last_seen: str | None = Field(None, examples=["2026-06-08T00:00:00"])
    last_change: str | None = Field(None, examples=["2026-06-08T00:00:00"])


class FeatureExplanation(BaseModel):
    """One feature's score on one candidate (yente's FeatureResult, plus role and explanation)."""

    score: float
    detail: str | None = None
    query: str | None = None
    candidate: str | None = None
    explanation: str = Field(..., description="The sentence shown to users: what the feature checks.")
    role: str = Field(..., description="match, cap or penalty.")


class ListingInfo(BaseModel):
    """mcfwatch's own block: the list entry that scored best (list, version, legal basis, citation)."""

    list: str
    entry_id: str = Field(..., description="The entry's id in the list (the entity id is its FtM form).")
    list_title: str
    list_version: str
    authority: str
    legal_basis: str
    licence: str
    relation: str | None = None
    citation: str | None = None
    end_date: str | None = None


class ScoredEntity(Entity):
    score: float = Field(..., ge=0.0, le=1.0)
    match: bool = Field(..., description="True when the score is at or above the threshold.")
    features: dict[str, float] = Field(default_factory=dict)
    explanations: dict[str, FeatureExplanation] = Field(default_factory=dict)
    mcfwatch: ListingInfo


class Total(BaseModel):
    value: int
    relation: str = "eq"


class EntityExample(BaseModel):
    """A query by example: an FtM schema and properties (values are strings; numbers are read as text)."""

    model_config = ConfigDict(populate_by_name=True)
    id: str | None = Field(None, examples=["my-entity-id"])
    schema_: str = Field(..., alias="schema", examples=["Company"], json_schema_extra=cast(JsonDict, {"enum": SCHEMATA}))
    properties: dict[str, str | int | float | bool | None | list[Any]] = Field(
        ..., examples=[{"name": ["Northwestern Polytechnical University"], "country": ["cn"]}]
    )

    def echo(self) -> dict[str, Any]:
        """The query as yente echoes it: every property a list of strings (numbers as text)."""
        props = {k: self.values((k,)) for k in self.properties}
        return {"id": self.id, "schema": self.schema_, "properties": {k: v for k, v in props.items() if v}}

    def values(self, names: tuple[str, ...]) -> list[str]:
        """Every non-blank value of these properties, as text (numbers included: `1970` reads as "1970")."""
        out: list[str] = []
        for name in names:
            raw = self.properties.get(name)
            for v in raw if isinstance(raw, list) else [raw]:
                if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip():
                    out.append(str(v).strip())
        return out


WEIGHTED = sorted([*FEATURES_BY_NAME, *ENTRY_QUALIFIERS])


class NoConfig(BaseModel):
    """The algorithm takes no configuration: any key is refused (400)."""

    model_config = ConfigDict(extra="forbid")


class MatchRequest(BaseModel):
    queries: dict[str, EntityExample] = Field(..., description="Query id -> entity example.")
    weights: dict[str, Annotated[float, Field(ge=0.0, le=10.0)]] = Field(
        default_factory=dict, examples=[{"acronym_match": 0.5}],
        description="Feature -> value replacing the algorithm's: a match feature's weight, a cap's ceiling, a "
                    "penalty's amount (see /algorithms).",
        json_schema_extra=cast(JsonDict, {"propertyNames": {"enum": WEIGHTED}}),
    )
    config: NoConfig = Field(default_factory=NoConfig, description="Not used: the algorithm takes none.")


class QueryMatches(BaseModel):
    status: int = 200
    results: list[ScoredEntity]
    total: Total
    query: EntityExample


class MatchResponse(BaseModel):
    responses: dict[str, QueryMatches]
    limit: int
    algorithm: str


class FacetValue(BaseModel):
    name: str
    label: str
    count: int


class Facet(BaseModel):
    label: str
    values: list[FacetValue]


class SearchResponse(BaseModel):
    limit: int
    offset: int = 0
    total: Total
    results: list[Entity]
    facets: dict[str, Facet] = Field(default_factory=dict)


class AdjacentResults(BaseModel):
    limit: int
    offset: int = 0
    total: Total
    results: list[Entity]


class EntityAdjacent(BaseModel):
    entity: Entity
    adjacent: dict[str, AdjacentResults]


class Dataset(BaseModel):
    name: str
    title: str
    summary: str | None = None
    url: str | None = None
    version: str | None = None
    updated_at: str | None = None
    entity_count: int | None = None
    thing_count: int | None = None
    load: bool = False
    children: list[str] = Field(default_factory=list)
    publisher: dict[str, str] | None = None


class Catalog(BaseModel):
    datasets: list[Dataset]
    current: list[str]
    outdated: list[str] = Field(default_factory=list)
    index_stale: bool = False


class FeatureDoc(BaseModel):
    description: str
    coefficient: float
    url: str


class AlgorithmDocs(BaseModel):
    name: str
    description: str
    config: dict[str, dict[str, Any]] = Field(default_factory=dict)
    features: dict[str, FeatureDoc]


class Algorithm(BaseModel):
    name: str
    description: str
    features: dict[str, FeatureDoc] = Field(..., description="The same as docs.features (yente keeps both).")
    docs: AlgorithmDocs


class Algorithms(BaseModel):
    algorithms: list[Algorithm]
    default: str
    best: str
