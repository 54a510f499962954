"""Kept answers (services.LIST_ANSWERS): `/match` and a listed organisation's `/entities/{id}` answer exactly
what computing them anew answers, per request (real names: seed partners, Chinese, pinyin, acronyms), and follow
the list versions (`as_of`)."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from mcfwatch.api.listings import list_index
from mcfwatch.api.match import Params, respond
from mcfwatch.api.services import LIST_ANSWERS
from mcfwatch.api.yente_models import Entity, MatchRequest, MatchResponse

NAMES = [
    "UK MQP Limited", "Lizhong Group", "Brunel University", "Huawei Technologies", "华为技术有限公司",
    "哈尔滨工业大学", "Haerbin Gongye Daxue", "Beijing Hangkong Hangtian Daxue", "西北工业大学", "NWPU", "BUAA",
    "中国航天科工集团", "Aviation Industry Corporation of China", "Acme Widgets Ltd",
]


def body(name: str, schema: str = "Company") -> dict[str, Any]:
    return {"queries": {"q": {"schema": schema, "properties": {"name": [name]}}}}


def computed(payload: dict[str, Any], dataset: str = "default", cutoff: float = 0.5, limit: int = 5,
             exclude_schema: tuple[str, ...] = (), as_of: str | None = None) -> Any:
    """The answer computed without the cache, serialised as FastAPI serialises a route's response model."""
    p = Params(dataset, 0.7, cutoff, limit, [], [], list(exclude_schema), [], None, [], as_of)
    answer = respond(list_index(as_of), MatchRequest.model_validate(payload), p)
    return MatchResponse.model_validate(answer).model_dump(mode="json", by_alias=True)


def test_kept_match_answers_equal_computed_ones(lists_client: TestClient) -> None:
    first = {}
    for name in NAMES:
        r = lists_client.post("/match/default", json=body(name))
        assert r.status_code == 200, r.text
        assert r.json() == computed(body(name)), name
        first[name] = r.content
    hits = LIST_ANSWERS.hits
    for name in reversed(NAMES):   # again, in another order: each from the cache, each its own answer
        assert lists_client.post("/match/default", json=body(name)).content == first[name], name
    assert LIST_ANSWERS.hits >= hits + len(NAMES)
    assert len(set(first.values())) == len(NAMES)
    found = json.loads(first["Huawei Technologies"])["responses"]["q"]["results"]
    assert found and found[0]["match"], found


def test_parameters_and_spelling_of_the_body_are_part_of_the_key(lists_client: TestClient) -> None:
    name = "Huawei Technologies"
    default = lists_client.post("/match/default", json=body(name)).json()
    for params, kwargs in [({"limit": 1}, {"limit": 1}), ({"cutoff": 0.3}, {"cutoff": 0.3}),
                           ({"exclude_schema": "Company"}, {"exclude_schema": ("Company",)})]:
        answer = lists_client.post("/match/default", params=params, json=body(name)).json()
        assert answer == computed(body(name), **kwargs), params  # type: ignore[arg-type]
        assert answer != default, params
    person = lists_client.post("/match/default", json=body(name, "Person")).json()
    assert person == computed(body(name, "Person")) and person != default
    # the same query with other key order and spacing: the kept answer (the body is keyed as validated JSON)
    raw = '{ "queries" : {"q": {"properties": {"name": ["Huawei Technologies"]}, "schema": "Company"}} }'
    hits = LIST_ANSWERS.hits
    again = lists_client.post("/match/default", content=raw, headers={"content-type": "application/json"})
    assert again.json() == default and LIST_ANSWERS.hits == hits + 1


def test_kept_answers_follow_the_list_versions(lists_client: TestClient) -> None:
    """AVIC is on the DoD 1260H list today, not in 2020 (the list's first version is of 2021)."""
    payload = body("Aviation Industry Corporation of China")
    for _ in range(2):   # computed, then kept: each date keeps its own answer
        today = lists_client.post("/match/us_dod_1260h", json=payload).json()
        before = lists_client.post("/match/us_dod_1260h", params={"as_of": "2020-06-01"}, json=payload).json()
        assert today == computed(payload, "us_dod_1260h")
        assert before == computed(payload, "us_dod_1260h", as_of="2020-06-01")
        assert today["responses"]["q"]["results"] and not before["responses"]["q"]["results"]
    assert list_index("2020-06-01").serial != list_index(None).serial


def test_errors_are_never_kept(lists_client: TestClient) -> None:
    for _ in range(2):
        r = lists_client.post("/match/nosuchlist", json=body("Huawei"))
        assert r.status_code == 404 and "nosuchlist" in r.json()["detail"]
        r = lists_client.post("/match/default", json=body("Huawei", "Vessle"))
        assert r.status_code == 400 and "Vessle" in r.json()["detail"]


def test_kept_listed_organisation_equals_computed(lists_client: TestClient) -> None:
    index = list_index(None)
    (org_id, *_) = [o.id for o in index.by_id.values() if len(o.members) > 1]
    for nested in (True, False):
        want = Entity.model_validate(index.entity(index.by_id[org_id], nested=nested)).model_dump(
            mode="json", by_alias=True)
        for _ in range(2):
            r = lists_client.get(f"/entities/{org_id}", params={"nested": nested})
            assert r.status_code == 200 and r.json() == want
