"""`POST /match` and `POST /match/{dataset}`: OpenSanctions yente's query-by-example shapes, so existing
yente clients work against mcfwatch. Results carry yente's fields plus `explanations` (feature, score,
detail, the sentence the user sees) and an `mcfwatch` block naming the list, its version and legal basis.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from mcfwatch.errors import InputError, NotFoundError
from mcfwatch.resolve.algorithm import ALGORITHM, FEATURES_BY_NAME
from mcfwatch.resolve.screen import Hit, default_screener

router = APIRouter(tags=["matching"])

NAME_PROPS = ("name", "alias", "weakAlias", "previousName", "abbreviation", "firstName", "lastName")
COUNTRY_PROPS = ("country", "jurisdiction", "nationality", "mainCountry", "citizenship")
ALGORITHMS = {"best", "default", ALGORITHM, "mcf-logic-v1", "logic-v1", "logic-v2"}   # yente names map to ours
SCHEMA_MAP = {"Person": "Person", "Company": "Company"}
TOPICS = {"sanction": "sanction", "export_control": "export.control", "investment_ban": "invest.ban",
          "military": "mil", "research_security": "export.risk", "reference": "role.oligarch"}
DEFAULT_LIMIT = 5
MAX_LIMIT = 500
CUTOFF = 0.5


class EntityExample(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)
    id: str | None = None
    schema_: str = Field("LegalEntity", alias="schema")
    properties: dict[str, list[str] | str] = Field(default_factory=dict)


class MatchRequest(BaseModel):
    queries: dict[str, EntityExample]
    weights: dict[str, float] = Field(default_factory=dict)
    config: dict[str, Any] = Field(default_factory=dict)


def _values(props: dict[str, list[str] | str], keys: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for k in keys:
        v = props.get(k)
        out.extend([v] if isinstance(v, str) else (v or []))
    return [x for x in out if isinstance(x, str) and x.strip()]


def entity_response(hit: Hit, kind: str) -> dict[str, Any]:
    """A list entry as a yente EntityResponse (FtM schema and properties) with score and explanations."""
    props: dict[str, list[str]] = {"name": [hit.entry_name], "alias": [*hit.names_zh, *hit.aliases]}
    if hit.country:
        props["country"] = [hit.country]
    if hit.remarks:
        props["notes"] = [hit.remarks]
    if hit.start_date:
        props["createdAt"] = [hit.start_date]
    props["topics"] = [TOPICS.get(kind, "sanction")]
    props = {k: v for k, v in props.items() if v}
    return {
        "id": hit.entry_id,
        "caption": hit.entry_name,
        "schema": SCHEMA_MAP.get(hit.schema, "Organization"),
        "properties": props,
        "datasets": [hit.list_id],
        "referents": [],
        "target": True,
        "first_seen": hit.start_date,
        "last_seen": hit.list_version,
        "last_change": hit.list_version,
        "score": hit.score,
        "match": hit.match,
        "features": {k: v["score"] for k, v in hit.features.items()},
        "explanations": {
            k: {**v, "query": hit.query_name, "candidate": hit.matched_name} for k, v in hit.features.items()
        },
        "mcfwatch": {
            "list": hit.list_id, "list_title": hit.list_title, "list_version": hit.list_version,
            "authority": hit.authority, "legal_basis": hit.legal_basis, "licence": hit.licence,
            "relation": hit.relation, "citation": hit.citation, "end_date": hit.end_date,
        },
    }


def _check(body: MatchRequest, algorithm: str, limit: int) -> None:
    if algorithm not in ALGORITHMS:
        raise InputError("algorithm", f"unknown algorithm {algorithm!r}; use one of {sorted(ALGORITHMS)}")
    if body.config:
        raise InputError("config", f"unknown config keys {sorted(body.config)}; {ALGORITHM} takes none")
    unknown = sorted(set(body.weights) - set(FEATURES_BY_NAME))
    if unknown:
        raise InputError("weights", f"unknown features {unknown}; known: {sorted(FEATURES_BY_NAME)}")
    if not 0 < limit <= MAX_LIMIT:
        raise InputError("limit", f"limit must be between 1 and {MAX_LIMIT}")


@router.post("/match")
@router.post("/match/{dataset}")
def match(
    body: MatchRequest,
    dataset: str = "default",
    algorithm: str = "best",
    threshold: float = Query(0.7, ge=0.0, le=1.0),
    cutoff: float = Query(CUTOFF, ge=0.0, le=1.0),
    limit: int = DEFAULT_LIMIT,
    include_dataset: list[str] = Query(default_factory=list),
    exclude_dataset: list[str] = Query(default_factory=list),
    exclude_entity_ids: list[str] = Query(default_factory=list),
    as_of: str | None = None,
) -> dict[str, Any]:
    """Match entities by example against the watchlists (yente-compatible)."""
    _check(body, algorithm, limit)
    screener = default_screener(as_of)
    kinds = {wl.id: wl.kind for wl in screener.lists}
    if dataset not in {"default", "mcfwatch", "all"} and dataset not in kinds:
        raise NotFoundError(f"no dataset {dataset!r}; use 'default' or a list id: {sorted(kinds)}")
    wanted = {dataset} if dataset in kinds else set(kinds)
    wanted = (wanted & set(include_dataset) if include_dataset else wanted) - set(exclude_dataset)
    responses: dict[str, Any] = {}
    for qid, q in body.queries.items():
        names = _values(q.properties, NAME_PROPS)
        if not names:
            responses[qid] = {"status": 400, "results": [], "total": {"value": 0, "relation": "eq"},
                              "query": q.model_dump(by_alias=True), "error": "the query has no name property"}
            continue
        countries = _values(q.properties, COUNTRY_PROPS)
        result = screener.screen(names, country=countries[0] if countries else None, threshold=threshold,
                                 limit=MAX_LIMIT, list_ids=wanted, cutoff=min(cutoff, threshold))
        hits = sorted([*result.hits, *result.related, *result.near], key=lambda h: -h.score)
        hits = [h for h in hits if h.entry_id not in exclude_entity_ids and h.score >= min(cutoff, threshold)]
        results = [entity_response(h, kinds.get(h.list_id, "sanction")) for h in hits[:limit]]
        responses[qid] = {"status": 200, "results": results,
                          "total": {"value": len(hits), "relation": "eq"}, "query": q.model_dump(by_alias=True)}
    return {"responses": responses, "limit": limit, "algorithm": ALGORITHM}


@router.get("/algorithms")
def algorithms() -> dict[str, Any]:
    """The matching algorithm and its features (yente's /algorithms shape)."""
    feats = {name: feat.explanation for name, feat in FEATURES_BY_NAME.items()}
    return {"algorithms": [{"name": ALGORITHM, "description": "mcfwatch name matching for Chinese institutions",
                            "features": feats}], "default": ALGORITHM, "best": ALGORITHM}
