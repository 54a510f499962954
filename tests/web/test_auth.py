"""Accounts and security of the web application: nobody in without a session or token, readers cannot write."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from mcfwatch.store import Store
from mcfwatch.store.accounts import Accounts
from tests.web.conftest import PASSWORD, csrf_of

HTML = {"accept": "text/html"}


def test_only_login_and_healthz_are_open(web_app: FastAPI) -> None:
    c = TestClient(web_app)
    assert c.get("/healthz").status_code == 200
    assert c.get("/login").status_code == 200
    home = c.get("/", headers=HTML, follow_redirects=False)
    assert home.status_code == 303 and home.headers["location"].startswith("/login")
    for path in ("/entities", "/search?q=x", "/lists", "/exposure?name=Brunel", "/docs", "/openapi.json"):
        r = c.get(path, headers={"accept": "application/json"})
        assert r.status_code == 401, path
        assert r.json()["error"]["type"] == "Unauthorized"
    assert c.post("/match/default", json={"queries": {}}).status_code == 401


def test_wrong_password_is_refused_and_audited(web_app: FastAPI, web_db: Path) -> None:
    c = TestClient(web_app)
    token = csrf_of(c, "/login")
    r = c.post("/login", data={"username": "ana", "password": "nope", "csrf_token": token})
    assert r.status_code == 401 and "wrong name or password" in r.text
    assert c.get("/", headers=HTML, follow_redirects=False).status_code == 303
    actions = [e["action"] for e in Accounts(Store(web_db)).audit_log()]
    assert "login.failed" in actions


def test_login_without_csrf_token_is_refused(web_app: FastAPI) -> None:
    c = TestClient(web_app)
    c.get("/login")
    r = c.post("/login", data={"username": "ana", "password": PASSWORD})
    assert r.status_code == 403


def test_reader_cannot_decide_or_upload(reader: TestClient) -> None:
    token = csrf_of(reader)
    r = reader.post("/decide", data={"kind": "edge", "target": "rel-x", "decision": "reject", "note": "n",
                                     "csrf_token": token})
    assert r.status_code == 403 and "reader" in r.json()["error"]["message"]
    r = reader.post("/upload", files={"files": ("a.txt", b"text", "text/plain")}, data={"csrf_token": token})
    assert r.status_code == 403


def test_form_post_without_csrf_is_refused(analyst: TestClient) -> None:
    r = analyst.post("/decide", data={"kind": "edge", "target": "rel-x", "decision": "reject", "note": "n"})
    assert r.status_code == 403 and "CSRF" in r.text


def test_api_token_from_the_cli_works_for_scripts(web_app: FastAPI, web_db: Path) -> None:
    env = {**os.environ, "MCFWATCH_DB": str(web_db)}
    out = subprocess.run([sys.executable, "-m", "mcfwatch.cli.main", "tokens", "create", "ana"],
                         capture_output=True, text=True, env=env, check=True).stdout.strip()
    assert out.startswith("mcf_")
    c = TestClient(web_app)
    r = c.get("/entities", headers={"authorization": f"Bearer {out}", "accept": "application/json"})
    assert r.status_code == 200 and any(e["name"] == "Lizhong Group" for e in r.json())
    assert c.get("/entities", headers={"authorization": "Bearer mcf_wrong"}).status_code == 401
    # yente clients (nomenklatura's YenteEnricher with api_key) send the same token as "ApiKey"
    r = c.get("/catalog", headers={"authorization": f"ApiKey {out}"})
    assert r.status_code == 200


def test_users_add_reads_password_from_stdin(web_db: Path) -> None:
    subprocess.run([sys.executable, "-m", "mcfwatch.cli.main", "users", "add", "newbie", "--role", "reader",
                    "--password-stdin", "--db", str(web_db)], input="a long password\n", text=True, check=True,
                   capture_output=True)
    user = Accounts(Store(web_db)).authenticate("newbie", "a long password")
    assert user is not None and user.role == "reader"
    bad = subprocess.run([sys.executable, "-m", "mcfwatch.cli.main", "users", "add", "x", "--role", "boss",
                          "--password-stdin", "--db", str(web_db)], input="a long password\n", text=True,
                         capture_output=True)
    assert bad.returncode == 2 and "unknown role" in bad.stderr and "Traceback" not in bad.stderr


def test_hostile_document_renders_inert(analyst: TestClient) -> None:
    hostile = ("Hostile Corp <img src=x onerror=alert(1)> met <script>alert(2)</script> officials of "
               "Lizhong Group in Baoding in 2019.")
    token = csrf_of(analyst, "/upload")
    r = analyst.post("/upload", files={"files": ("../../../evil.txt", hostile.encode(), "text/plain")},
                     data={"csrf_token": token}, headers=HTML)
    assert r.status_code == 200 and "1 stored" in r.text
    doc = analyst.get("/search", params={"q": "onerror", "format": "json"}).json()["documents"][0]
    page = analyst.get(f"/document/{doc['id']}", headers=HTML).text
    assert "<img src=x" not in page and "<script>alert" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert doc["path"] is None or ".." not in doc["path"]
    assert not Path("evil.txt").exists()
    assert re.search(r"<script[^>]*>[^<]", page) is None, "no inline script on any page"
