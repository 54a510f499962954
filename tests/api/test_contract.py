"""The typed contract: every route's 200 has a response model in OpenAPI, 400s are documented in the right
error shape, 422 is never documented (never sent), and every error really has its documented shape."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mcfwatch.api.app import create_app
from mcfwatch.api.errors import is_yente
from mcfwatch.cli.main import app as cli
from mcfwatch.store import Store


def test_openapi_types_every_response() -> None:
    spec = create_app().openapi()
    assert spec["paths"]
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            ok = op["responses"]["200"]["content"]["application/json"]["schema"]
            assert "$ref" in ok or ok.get("type") == "array" and "$ref" in ok["items"], (method, path, ok)
            assert "422" not in op["responses"], (method, path)
            if op.get("parameters") or "requestBody" in op:
                err = op["responses"]["400"]["content"]["application/json"]["schema"]["$ref"]
                assert err.endswith("/YenteError" if is_yente(path) else "/Error"), (path, err)


@pytest.mark.parametrize(("method", "path", "yente"), [
    ("get", "/exposure?name=x&limit=0", False),
    ("get", "/entities?limit=abc", False),
    ("get", "/documents/nope", False),
    ("post", "/extract", False),
    ("get", "/nowhere", False),
    ("delete", "/entities", False),
    ("get", "/search/default?limit=-1", True),
    ("get", "/entities/nope", True),
    ("post", "/match/default", True),
    ("get", "/search/default?changed_since=2019-02-30", True),
])
def test_errors_have_their_documented_shape(client: TestClient, method: str, path: str, yente: bool) -> None:
    res = client.request(method, path)
    assert 400 <= res.status_code < 500
    if yente:
        assert set(res.json()) == {"detail"} and res.json()["detail"]
    else:
        err = res.json()["error"]
        assert set(err) == {"status", "type", "message"} and err["status"] == res.status_code and err["message"]


@pytest.mark.parametrize("as_of", ["2019-02-30", "foo"])
@pytest.mark.parametrize("command", [["exposure", "Lizhong Group"], ["patterns"], ["screen", "NWPU"], ["lists"]])
def test_cli_bad_dates_are_one_line_errors(tmp_path, as_of: str, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    Store(tmp_path / "s.db", create=True).close()
    res = CliRunner().invoke(cli, [*command, "--as-of", as_of, *(["--db", str(tmp_path / "s.db")]
                                                                  if command[0] in ("exposure", "patterns") else [])])
    assert res.exit_code == 2, res.output
    lines = [x for x in res.output.splitlines() if x.strip()]
    assert len(lines) == 1 and as_of in lines[0] and "Traceback" not in res.output
