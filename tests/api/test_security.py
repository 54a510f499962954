"""Nobody in: the Host check (DNS rebinding), security headers on every response, the body and name
limits (refused with a JSON error naming the setting, a 100 MB body without reading it), errors always
JSON (a crash included), /docs offline, a warning when serving on every interface."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mcfwatch.api.app import allowed_hosts, create_app
from mcfwatch.model import Document, Extraction

from .server import free_port, serving


class BrokenExtractor:
    """An extractor that fails as spaCy does on an over-long text (faked at the seam: create_app's extractor)."""

    def extract(self, doc: Document) -> Extraction:
        raise ValueError(f"[E088] Text of length {len(doc.text)} exceeds maximum of 1000000")


def test_host_header_is_checked(tmp_path: Path) -> None:
    app = create_app(db=tmp_path / "s.db")  # default: loopback names only
    rebinding = TestClient(app, base_url="http://attacker.example")
    res = rebinding.get("/healthz")
    assert res.status_code == 400 and "attacker.example" in res.json()["detail"]
    assert rebinding.get("/entities").json()["error"]["type"] == "HostNotAllowed"
    for base in ("http://localhost:8000", "http://127.0.0.1", "http://[::1]:8000"):
        assert TestClient(app, base_url=base).get("/healthz").status_code == 200, base
    assert "10.1.2.3" in allowed_hosts("10.1.2.3") and "0.0.0.0" not in allowed_hosts("0.0.0.0")


def test_security_headers_on_every_response(client: TestClient) -> None:
    for res in (client.get("/healthz"), client.get("/nope"), client.get("/exposure"),
                client.get("/docs"), client.post("/match/default", content=b"{")):
        csp = res.headers["content-security-policy"]
        script = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
        assert "unsafe-inline" not in script and "frame-ancestors 'none'" in csp
        assert res.headers["x-content-type-options"] == "nosniff"
        assert res.headers["referrer-policy"] == "no-referrer"


def test_a_crash_is_a_json_500_with_headers(demo_db: Path) -> None:
    app = create_app(db=demo_db, hosts=["testserver"], extractor=BrokenExtractor())  # type: ignore[arg-type]
    res = TestClient(app, raise_server_exceptions=False).post("/extract", json={"text": "x" * 1_200_000})
    assert res.status_code == 500 and res.headers["content-type"] == "application/json"
    assert res.json()["error"]["type"] == "InternalError" and "E088" not in res.text  # no internals leaked
    assert res.headers["x-content-type-options"] == "nosniff"


def test_bodies_over_the_limit_are_413_naming_the_setting(demo_db: Path) -> None:
    small = TestClient(create_app(db=demo_db, hosts=["testserver"], max_body_bytes=1_000_000))
    res = small.post("/extract", json={"text": "军民融合" * 500_000})  # 2 M characters, 6 MB
    assert res.status_code == 413 and "MCFWATCH_MAX_BODY_BYTES" in res.json()["error"]["message"]
    streamed = small.post("/match/default", content=(b"x" * 65536 for _ in range(40)),
                          headers={"content-type": "application/json"})
    assert streamed.status_code == 413 and "MCFWATCH_MAX_BODY_BYTES" in streamed.json()["detail"]


def test_a_100_mb_match_is_refused_unread(demo_db: Path) -> None:
    with serving(create_app(db=demo_db)) as base:
        port = int(base.rsplit(":", 1)[1].strip("/"))
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(b"POST /match/default HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 104857600\r\n\r\n{\"queries\": {")  # 100 MB announced, 13 bytes sent
            reply = b""
            while b"\r\n\r\n" not in reply or not reply.rstrip().endswith(b"}"):
                chunk = sock.recv(65536)
                if not chunk:
                    break
                reply += chunk
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413") and b"MCFWATCH_MAX_BODY_BYTES" in body


def test_long_names_are_refused_naming_the_setting(client: TestClient) -> None:
    long = "Acme " * 1000
    res = client.get("/exposure", params={"name": long})
    assert res.status_code == 400 and "MCFWATCH_MAX_NAME_CHARS" in res.json()["error"]["message"]
    res = client.post("/match/default", json={"queries": {"q": {"schema": "Company", "properties": {"name": [long]}}}})
    assert res.status_code == 400 and "MCFWATCH_MAX_NAME_CHARS" in res.json()["detail"]


def test_docs_work_offline(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "http" not in page.text.replace("http-equiv", "")
    assert "<script>" not in page.text  # no inline script
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "init.js"):
        assert client.get(f"/docs/assets/{asset}").status_code == 200, asset
    assert client.get("/openapi.json").json()["info"]["title"] == "mcfwatch"


def test_serving_on_every_interface_warns(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    port = free_port()
    env = {**os.environ, "MCFWATCH_DB": str(db)}
    proc = subprocess.Popen([sys.executable, "-m", "mcfwatch.cli.main", "serve", "--host", "0.0.0.0", "--port",
                             str(port)], stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline, seen = time.monotonic() + 60, ""
        assert proc.stderr is not None
        while "warning" not in seen and time.monotonic() < deadline and proc.poll() is None:
            seen += proc.stderr.readline()
        assert "warning" in seen and "every interface" in seen and "127.0.0.1" in seen, seen
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.parametrize("url", ["postgresql://bob:s3cr3t@db.example:5432/mcf",
                                 "postgresql://db.example/mcf?user=bob&password=s3cr3t"])
def test_report_never_prints_a_store_password(url: str) -> None:
    from mcfwatch.report.html import render_html

    html = render_html([], "t", "rules_v1", None, [], url)
    assert "s3cr3t" not in html and "***" in html


def test_guard_wraps_what_is_mounted_later(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The web application adds sessions and login around the API: its redirects carry the headers too,
    and its pages answer only allowed hosts."""
    from mcfwatch.web.app import mount

    app = mount(create_app(db=demo_db, hosts=["testserver"]), str(demo_db))
    res = TestClient(app).get("/", follow_redirects=False)
    assert res.status_code in (302, 303, 307, 401) and "frame-ancestors 'none'" in res.headers["content-security-policy"]
    assert TestClient(app, base_url="http://attacker.example").get("/login").status_code == 400
