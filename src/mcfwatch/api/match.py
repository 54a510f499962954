"""`POST /match/{dataset}` and `GET /algorithms`: OpenSanctions yente's query-by-example, so yente clients
(nomenklatura's YenteEnricher, yente's own models) work against mcfwatch.

One result per organisation (all its entries on all lists merged, their ids in `referents`), filtered by
the query's FtM schema, `exclude_schema`, `topics` and `changed_since`; `weights` replace the algorithm's
feature values. Results carry yente's fields plus `explanations` (feature, score, detail, the sentence the
user sees) and an `mcfwatch` block naming the best entry's list, version and legal basis.

An answer depends only on the list index (the list versions valid on `as_of`), the request's parameters and its
body: it is serialised once and kept in services.LIST_ANSWERS under exactly those, and a repeated request is
answered from there on the event loop (no screening, no validation of the answer, no thread hand-off).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from mcfwatch import settings
from mcfwatch.api.deps import model_json
from mcfwatch.api.listings import ListIndex, Organisation, built_index, dataset_name, list_index
from mcfwatch.api.scoring import QUALIFIER_ROLES, QUALIFIER_VALUES, check_weights, matchable, rescore
from mcfwatch.api.services import LIST_ANSWERS
from mcfwatch.api.yente_models import (
    Algorithm,
    AlgorithmDocs,
    Algorithms,
    EntityExample,
    FeatureDoc,
    MatchRequest,
    MatchResponse,
    YenteError,
)
from mcfwatch.errors import InputError, NotFoundError
from mcfwatch.model.dates import check_day, check_stamp
from mcfwatch.resolve.algorithm import ALGORITHM, ENTRY_QUALIFIERS, FEATURES_BY_NAME
from mcfwatch.resolve.screen import Hit

router = APIRouter(tags=["matching"])

NAME_PROPS = ("name", "alias", "weakAlias", "previousName", "abbreviation", "firstName", "lastName")
COUNTRY_PROPS = ("country", "jurisdiction", "nationality", "mainCountry", "citizenship")
ALGORITHMS = {"best", "default", ALGORITHM, "mcf-logic-v1", "logic-v1", "logic-v2"}   # yente names map to ours
COLLECTIONS = {"default", "all", "mcfwatch"}
DEFAULT_LIMIT = 5
MAX_LIMIT = 500
CUTOFF = 0.5
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": YenteError, "description": "Invalid query (unknown schema, feature, date, or a limit exceeded)"},
    404: {"model": YenteError, "description": "Unknown dataset"},
    413: {"model": YenteError, "description": "Request body over MCFWATCH_MAX_BODY_BYTES"},
}


def name_limit(names: list[str], where: str) -> None:
    """A name over MCFWATCH_MAX_NAME_CHARS is refused (comparing a very long name costs seconds of CPU)."""
    limit = int(settings.MAX_NAME_CHARS.get())
    long = next((n for n in names if len(n) > limit), None)
    if long is not None:
        raise InputError(where, f"name too long ({len(long):,} characters > {limit:,} limit, "
                                f"{settings.MAX_NAME_CHARS.name})")


def scope(index: ListIndex, dataset: str, include: list[str], exclude: list[str]) -> set[str]:
    """The list ids a request covers: the dataset (a list id or a collection), narrowed by include/exclude."""
    ids = index.list_ids()
    if dataset not in COLLECTIONS and dataset not in ids:
        names = sorted({dataset_name(i) for i in ids.values()})
        raise NotFoundError(f"no dataset {dataset!r}; use 'default' or one of {', '.join(names)}")
    wanted = {ids[dataset]} if dataset in ids else set(ids.values())
    if include:
        wanted &= {ids.get(x, x) for x in include}
    return wanted - {ids.get(x, x) for x in exclude}


def _check(body: MatchRequest, algorithm: str, limit: int) -> None:
    if algorithm not in ALGORITHMS:
        raise InputError("algorithm", f"unknown algorithm {algorithm!r}; use one of {sorted(ALGORITHMS)}")
    check_weights(body.weights)
    if not 0 < limit <= MAX_LIMIT:
        raise InputError("limit", f"limit must be between 1 and {MAX_LIMIT}")


class Filters:
    """What a result must satisfy besides its score (yente's query parameters)."""

    def __init__(self, schemata: frozenset[str], exclude_schema: list[str], topics: list[str],
                 changed_since: str | None, exclude_ids: list[str]) -> None:
        self.schemata = schemata - set(exclude_schema)
        self.topics = set(topics)
        self.changed_since = changed_since[:10] if changed_since else None
        self.exclude_ids = set(exclude_ids)

    def keep(self, org: Organisation) -> bool:
        if org.schema not in self.schemata:
            return False
        if self.topics and not self.topics & set(org.topics):
            return False
        if self.changed_since and org.last_change < self.changed_since:
            return False
        return not ({org.id, *org.referents} & self.exclude_ids)


def best_per_organisation(index: ListIndex, hits: list[Hit], weights: dict[str, float],
                          wanted: set[str]) -> list[tuple[Organisation, Hit, float]]:
    """One (organisation, best hit, score) per organisation, restricted to the wanted lists, best first."""
    best: dict[str, tuple[Organisation, Hit, float]] = {}
    for hit in hits:
        org = index.organisation(hit.entry_id)
        if org is None:
            continue
        score = rescore(hit.features, weights) if weights else hit.score
        old = best.get(org.id)
        if old is None or score > old[2]:
            best[org.id] = (org.within(wanted), hit, score)
    return sorted(best.values(), key=lambda x: (-x[2], x[0].id))


def scored(index: ListIndex, org: Organisation, hit: Hit, score: float, threshold: float) -> dict[str, Any]:
    """The organisation as a yente ScoredEntityResponse, with the best entry's features and listing."""
    return {
        **index.entity(org),
        "score": score,
        "match": score >= threshold,
        "features": {k: v["score"] for k, v in hit.features.items()},
        "explanations": {
            k: {**v, "query": hit.query_name, "candidate": hit.matched_name} for k, v in hit.features.items()
        },
        "mcfwatch": {
            "list": hit.list_id, "entry_id": hit.entry_id, "list_title": hit.list_title, "list_version": hit.list_version,
            "authority": hit.authority, "legal_basis": hit.legal_basis, "licence": hit.licence,
            "relation": hit.relation, "citation": hit.citation, "end_date": hit.end_date,
        },
    }


def match_one(index: ListIndex, q: EntityExample, wanted: set[str], filters: Filters, weights: dict[str, float],
              threshold: float, cutoff: float, limit: int) -> dict[str, Any]:
    query = q.echo()
    names = q.values(NAME_PROPS)
    if not names:
        return {"status": 400, "results": [], "total": {"value": 0, "relation": "eq"}, "query": query,
                "error": "the query has no name property"}
    if not filters.schemata:
        return {"status": 200, "results": [], "total": {"value": 0, "relation": "eq"}, "query": query}
    countries = q.values(COUNTRY_PROPS)
    floor = min(cutoff, threshold)
    result = index.screener.screen(names, country=countries[0] if countries else None, threshold=threshold,
                                   limit=MAX_LIMIT, list_ids=wanted, cutoff=0.0 if weights else floor)
    hits = [*result.hits, *result.related, *result.near]
    ranked = [(o, h, s) for o, h, s in best_per_organisation(index, hits, weights, wanted)
              if s >= floor and filters.keep(o)]
    results = [scored(index, o, h, s, threshold) for o, h, s in ranked[:limit]]
    return {"status": 200, "results": results, "total": {"value": len(ranked), "relation": "eq"}, "query": query}


class Params:
    """A /match request's query parameters, checked and normalised (dates as ISO strings, lists as tuples)."""

    def __init__(self, dataset: str, threshold: float, cutoff: float, limit: int, include: list[str],
                 exclude: list[str], exclude_schema: list[str], topics: list[str], since: str | None,
                 exclude_ids: list[str], as_of: str | None) -> None:
        self.dataset, self.threshold, self.cutoff, self.limit = dataset, threshold, cutoff, limit
        self.include, self.exclude, self.exclude_schema = tuple(include), tuple(exclude), tuple(exclude_schema)
        self.topics, self.since, self.exclude_ids, self.as_of = tuple(topics), since, tuple(exclude_ids), as_of

    def key(self, index: ListIndex, body: MatchRequest) -> tuple[Any, ...]:
        """Everything an answer depends on: the list index, these parameters and the body (as validated JSON,
        so key order and spacing of the request do not matter; names are kept as sent, since answers echo them)."""
        return ("match", index.serial, self.dataset, self.threshold, self.cutoff, self.limit, self.include,
                self.exclude, self.exclude_schema, self.topics, self.since, self.exclude_ids,
                body.model_dump_json(by_alias=True))


def respond(index: ListIndex, body: MatchRequest, p: Params) -> dict[str, Any]:
    """The /match answer, computed (no cache)."""
    wanted = scope(index, p.dataset, list(p.include), list(p.exclude))
    responses: dict[str, Any] = {}
    for qid, q in body.queries.items():
        filters = Filters(matchable(q.schema_), list(p.exclude_schema), list(p.topics), p.since, list(p.exclude_ids))
        responses[qid] = match_one(index, q, wanted, filters, body.weights, p.threshold, p.cutoff, p.limit)
    return {"responses": responses, "limit": p.limit, "algorithm": ALGORITHM}


def answer(body: MatchRequest, p: Params) -> bytes:
    """The answer as sent: kept in LIST_ANSWERS, else computed, checked against MatchResponse and serialised."""
    index = list_index(p.as_of)
    return LIST_ANSWERS.build(p.key(index, body), lambda: model_json(MatchResponse, respond(index, body, p)))


# List-valued parameters default to `[]`, not `default_factory=list`: FastAPI resolves a factory's signature on
# every request (inspect parses a builtin's text signature: a sixth of a cached /match's CPU, py-spy).
@router.post("/match", response_model=MatchResponse, responses=ERRORS, include_in_schema=False)
@router.post("/match/{dataset}", response_model=MatchResponse, responses=ERRORS)
async def match(
    body: MatchRequest,
    dataset: str = "default",
    algorithm: str = Query("best", description=f"best, default or {ALGORITHM} (yente's names map to it).",
                           json_schema_extra={"enum": sorted(ALGORITHMS)}),
    threshold: float = Query(0.7, ge=0.0, le=1.0, description="Score at which a result is a match."),
    cutoff: float = Query(CUTOFF, ge=0.0, le=1.0, description="Lowest score returned at all."),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Results per query."),
    include_dataset: list[str] = Query([]),
    exclude_dataset: list[str] = Query([]),
    exclude_schema: list[str] = Query([], description="FtM schemata left out of results."),
    topics: list[str] = Query([], description="Only results with one of these FtM topics."),
    changed_since: str | None = Query(None, description="Only results whose listing changed on or after this date "
                                      "(YYYY-MM-DD, or a time stamp YYYY-MM-DDTHH:MM:SS).",
                                      json_schema_extra={"format": "date"}),
    exclude_entity_ids: list[str] = Query([], description="Ids (or referents) left out."),
    as_of: str | None = Query(None, description="ISO date (YYYY-MM-DD): the list versions and entries valid then.",
                              json_schema_extra={"format": "date"}),
) -> Response:
    """Match entities by example against the watchlists (yente-compatible)."""
    _check(body, algorithm, limit)
    p = Params(dataset, threshold, cutoff, limit, include_dataset, exclude_dataset, exclude_schema, topics,
               check_stamp(changed_since), exclude_entity_ids, check_day(as_of))
    for qid, q in body.queries.items():
        name_limit(q.values(NAME_PROPS), f"queries.{qid}")
    index = built_index(p.as_of)
    kept = LIST_ANSWERS.get(p.key(index, body)) if index is not None else None
    if kept is None:  # screening (and a first index build) runs in the thread pool, never on the event loop
        kept = await run_in_threadpool(answer, body, p)
    return Response(kept, media_type="application/json")


FEATURE_URL = "https://github.com/mcfwatch/mcfwatch/blob/main/src/mcfwatch/resolve/features.py"


@router.get("/algorithms", response_model=Algorithms)
def algorithms() -> dict[str, Any]:
    """The matching algorithm and its features with their values (yente's AlgorithmResponse shape)."""
    feats = {name: FeatureDoc(description=f"{feat.explanation} ({feat.role})", coefficient=feat.value,
                              url=f"{FEATURE_URL}#{name}") for name, feat in FEATURES_BY_NAME.items()}
    for name, text in ENTRY_QUALIFIERS.items():
        feats[name] = FeatureDoc(description=f"{text} ({QUALIFIER_ROLES[name]})", coefficient=QUALIFIER_VALUES[name],
                                 url=f"{FEATURE_URL}#{name}")
    description = ("mcfwatch name matching for Chinese institutions: the strongest match feature, then caps and "
                   "penalties; `weights` replace a match feature's weight, a cap's ceiling or a penalty's amount.")
    docs = AlgorithmDocs(name=ALGORITHM, description=description, config={}, features=feats)
    algo = Algorithm(name=ALGORITHM, description=description, features=feats, docs=docs)
    return Algorithms(algorithms=[algo], default=ALGORITHM, best=ALGORITHM).model_dump()
