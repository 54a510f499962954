"""A token's user is read afresh on every request: what another process changes in the accounts is obeyed on
the very next request (web/auth.py keeps nothing between requests)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import delete

from mcfwatch.api.app import create_app
from mcfwatch.store import Store
from mcfwatch.store import tables as t
from mcfwatch.store.accounts import Accounts
from tests.web.conftest import PASSWORD

JSON = {"accept": "application/json"}
# a write that is refused before it changes anything: 403 for a reader, 400 (a note is required) otherwise
DECIDE = {"kind": "edge", "target": "rel-x", "decision": "reject", "note": " "}


def _bearer(token: str) -> dict[str, str]:
    return {**JSON, "authorization": f"Bearer {token}"}


def test_role_change_revocation_and_removal_are_seen_on_the_next_request(web_app: FastAPI, web_db: Path) -> None:
    other = Accounts(Store(web_db))  # another engine over the same file: as another process would write
    token = other.create_token("rita", "script")
    c = TestClient(web_app)
    assert c.get("/entities", headers=_bearer(token)).status_code == 200
    refused = c.post("/decide", data=DECIDE, headers=_bearer(token))
    assert refused.status_code == 403 and "rita is a reader" in refused.json()["error"]["message"]

    other.add_user("rita", "analyst", PASSWORD)  # promoted: the next write passes the role check
    allowed = c.post("/decide", data=DECIDE, headers=_bearer(token))
    assert allowed.status_code == 400 and "note is required" in allowed.json()["error"]["message"]
    other.add_user("rita", "reader", PASSWORD)  # demoted again: refused again at once
    assert c.post("/decide", data=DECIDE, headers=_bearer(token)).status_code == 403

    assert other.revoke_tokens("rita") == 1
    r = c.get("/entities", headers=_bearer(token))
    assert r.status_code == 401 and r.json()["error"]["type"] == "Unauthorized"

    second = other.create_token("ana")
    assert c.get("/entities", headers=_bearer(second)).status_code == 200
    with other.store.write_engine.begin() as conn:  # the user removed, its token row left behind
        conn.execute(delete(t.users).where(t.users.c.name == "ana"))
    assert c.get("/entities", headers=_bearer(second)).status_code == 401


def test_token_answers_equal_the_api_alone(web_app: FastAPI, web_db: Path) -> None:
    """The middleware only admits: behind a token the API answers exactly as the API app without accounts."""
    token = Accounts(Store(web_db)).create_token("rita")
    api = TestClient(create_app(db=web_db, hosts=["testserver"]))
    web = TestClient(web_app)
    body = {"queries": {"a": {"schema": "Organization", "properties": {"name": ["华为技术有限公司"]}},
                        "b": {"schema": "Organization", "properties": {"name": ["Harbin Institute of Technology"]}}}}
    for method, path, payload in (("GET", "/entities", None), ("GET", "/catalog", None),
                                  ("POST", "/match/default", body)):
        mine = web.request(method, path, json=payload, headers=_bearer(token))
        alone = api.request(method, path, json=payload, headers=JSON)
        assert mine.status_code == alone.status_code == 200, path
        assert mine.json() == alone.json(), path
