"""A store built from the seed and our Chinese rendering of it by the real extractor, with three accounts."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from mcfwatch.data import SEED, sample_path
from mcfwatch.extract import Extractor
from mcfwatch.store import Store
from mcfwatch.store.accounts import Accounts
from mcfwatch.workspace import Workspace

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    db = tmp_path_factory.mktemp("web") / "seed.db"
    ws = Workspace(db, extractor=extractor)
    report = ws.ingest([sample_path(SEED), sample_path("zh/seed_zh.txt")])
    ws.close()
    assert len(report.stored) == 2
    store = Store(db)
    accounts = Accounts(store)
    for name, role in (("admin", "admin"), ("ana", "analyst"), ("rita", "reader")):
        accounts.add_user(name, role, PASSWORD)
    store.close()  # the last connection checkpoints SQLite's write-ahead log into the file that tests copy
    return db


@pytest.fixture()
def web_db(seed_store: Path, tmp_path: Path) -> Path:
    """A private copy of the seed store: tests that decide or upload change only their own."""
    db = tmp_path / "web.db"
    shutil.copy(seed_store, db)
    return db


@pytest.fixture()
def web_app(web_db: Path, monkeypatch: pytest.MonkeyPatch) -> FastAPI:
    from mcfwatch.web.app import server

    monkeypatch.setenv("MCFWATCH_DB", str(web_db))
    monkeypatch.setenv("MCFWATCH_ALLOWED_HOSTS", "testserver")  # the TestClient's Host (the API checks Host)
    return server()


def login(client: TestClient, name: str) -> TestClient:
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, "the login form carries a CSRF token"
    r = client.post("/login", data={"username": name, "password": PASSWORD, "csrf_token": token.group(1)},
                    follow_redirects=False)
    assert r.status_code == 303, r.text
    return client


def csrf_of(client: TestClient, path: str = "/") -> str:
    page = client.get(path, headers={"accept": "text/html"})
    m = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert m, f"{path} has a form with a CSRF token"
    return m.group(1)


@pytest.fixture()
def analyst(web_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(web_app) as c:
        yield login(c, "ana")


@pytest.fixture()
def reader(web_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(web_app) as c:
        yield login(c, "rita")
