"""The load generator's same-answer check (benchmarks/http_load.py) on real web pages: two answers to one page
differ only in the CSRF token of its forms, which the check masks; any other difference is still an error."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient

from mcfwatch.store import Store
from mcfwatch.store.accounts import Accounts

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from http_load import masked, same_answer  # noqa: E402


def test_pages_compared_with_their_csrf_token_masked(web_app: FastAPI, web_db: Path) -> None:
    store = Store(web_db)
    token = Accounts(store).create_token("ana", "tests/web/test_load_compare.py")
    (lizhong,) = store.find("Lizhong Group")
    store.close()
    headers = {"authorization": f"Bearer {token}", "accept": "text/html"}   # as api_load.py --app web sends
    client = TestClient(web_app)

    def get(path: str) -> httpx.Response:
        client.cookies.clear()  # the load generator keeps no session cookie either
        return client.get(path, headers=headers)

    for path in (f"/entity/{lizhong.id}", "/search?q=Lizhong"):
        first, second = get(path), get(path)
        assert first.status_code == second.status_code == 200
        a, b = first.content, second.content
        assert a != b and b'name="csrf_token" value="' in a  # a fresh token in every answer
        assert same_answer(a, b), path
        assert masked(a).count(b'name="csrf_token" value=""') == a.count(b'name="csrf_token"')
        assert not same_answer(a, b.replace(b"Lizhong Group", b"Lizhong Groep", 1)), path
    answer = client.get("/entities", headers={"authorization": f"Bearer {token}"}).content
    assert same_answer(answer, answer) and not same_answer(answer, answer.replace(b"Lizhong", b"Lizhonk", 1))
