"""A name in the other language reaches the stored entity at every door (usertry s27: "Bombardier" found nothing
where the store holds only 庞巴迪公司; `show`/`/cards` said "no entity named …"). The resolver's cross-language
search (resolve.namesearch, lists s28) answers the web search, and `show` and `GET /cards/{key}` ask it through
the one library function `Workspace.found_otherwise`. The store: the Chinese report of COMAC's 2011 agreement
with Bombardier (tests/analyse/data)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from mcfwatch.api.app import create_app
from mcfwatch.cli.main import app
from mcfwatch.extract import Extractor
from mcfwatch.store import Store
from mcfwatch.store.accounts import Accounts
from mcfwatch.workspace import Workspace
from tests.web.conftest import PASSWORD, login

REPORT = Path(__file__).resolve().parents[1] / "analyse" / "data" / "comac_bombardier_zh.txt"
STORED = "空中客车公司"  # "C系列项目后来由空中客车公司控股"


@pytest.fixture(scope="module")
def zh_store(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    folder = tmp_path_factory.mktemp("cross-language")
    db = folder / "zh.db"
    ws = Workspace(db, extractor=extractor)
    assert len(ws.ingest([REPORT]).stored) == 1
    assert STORED in {e["name"] for e in ws.entities()}
    assert not ws.store.find("Airbus") and not ws.store.find("Bombardier")  # no stored name carries the English
    ws.close()
    store = Store(db)
    Accounts(store).add_user("ana", "analyst", PASSWORD)
    store.close()
    return db


def test_show_finds_the_stored_name_in_the_other_language(zh_store: Path) -> None:
    result = CliRunner().invoke(app, ["show", "Airbus", "--db", str(zh_store), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["name"] == STORED


def test_cards_finds_the_stored_name_in_the_other_language(zh_store: Path) -> None:
    client = TestClient(create_app(db=zh_store, hosts=["testserver"]))
    r = client.get("/cards/Airbus")
    assert r.status_code == 200, r.text
    assert r.json()["name"] == STORED


@pytest.fixture()
def web(zh_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    from mcfwatch.web.app import server

    db = tmp_path / "web.db"
    shutil.copy(zh_store, db)
    monkeypatch.setenv("MCFWATCH_DB", str(db))
    monkeypatch.setenv("MCFWATCH_ALLOWED_HOSTS", "testserver")
    with TestClient(server()) as c:
        yield login(c, "ana")


def test_web_search_finds_the_stored_name_in_the_other_language(web: TestClient) -> None:
    r = web.get("/search", params={"q": "Airbus", "format": "json"})
    assert r.status_code == 200, r.text
    assert STORED in [e["name"] for e in r.json()["entities"]], r.json()["entities"]
    found = [e["name"] for e in web.get("/search", params={"q": "Bombardier", "format": "json"}).json()["entities"]]
    assert {"庞巴迪公司", "庞巴迪"} <= set(found), found


def test_a_translation_of_several_stored_names_names_them_and_a_foreign_name_is_refused(zh_store: Path) -> None:
    """The store holds 庞巴迪公司 and 庞巴迪 apart: show names both rather than pick one; a name in no language of
    the store stays "no entity"."""
    result = CliRunner().invoke(app, ["show", "Bombardier", "--db", str(zh_store)])
    assert result.exit_code != 0 and "'庞巴迪公司'" in result.output and "'庞巴迪'" in result.output, result.output
    result = CliRunner().invoke(app, ["show", "Rolls-Royce", "--db", str(zh_store)])
    assert result.exit_code != 0 and "no entity named" in result.output


def test_a_translation_find_is_shown_as_a_guess_with_its_score(zh_store: Path) -> None:
    """review doors #8: a lone TRANSLATED find was shown like an exact one; show and /cards now say it was found
    by its name in the other language, with the matcher's score."""
    line = "found by its name in the other language: 空中客车公司 (0.95)"
    result = CliRunner().invoke(app, ["show", "Airbus", "--db", str(zh_store)])
    assert result.exit_code == 0 and line in result.output, result.output
    client = TestClient(create_app(db=zh_store, hosts=["testserver"]))
    assert client.get("/cards/Airbus").json()["found_as"] == line
    assert "found_as" not in client.get(f"/cards/{STORED}").json()  # a stored name is no guess
