"""A stored entity's watchlist entries come out of the FollowTheMoney doors as `Sanction`s: the FtM export and
yente's `GET /entities/{ent-...}` give the entries `show` and `exposure` give, and an analyst's rejection of a
listing removes it from both. The store: the founding seed and the shipped BIS Entity List entry text of
Northwestern Polytechnical University (a university several real lists name)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from mcfwatch.analyse.decisions import decide
from mcfwatch.api import services as services_module
from mcfwatch.api.app import create_app
from mcfwatch.api.yente_models import Entity
from mcfwatch.report.export import export_store
from mcfwatch.store import Store
from mcfwatch.workspace import Workspace

followthemoney = pytest.importorskip("followthemoney", reason="install the 'ftm' extra: pip install -e '.[ftm]'")

NWPU = "Northwestern Polytechnical University"
BIS = "us-bis-entity-list:northwestern-polytechnical-university"


@pytest.fixture(scope="module")
def listed_db(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, corpus_dir: Path, extractor) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("sanctions")
    records = (corpus_dir / "bis-entity-list-entries.jsonl").read_text(encoding="utf-8").splitlines()
    (folder / "nwpu.jsonl").write_text(next(r for r in records if NWPU in r) + "\n", encoding="utf-8")
    db = folder / "listed.db"
    ws = Workspace(db, extractor=extractor)
    assert ws.ingest([seed_path, folder / "nwpu.jsonl"]).stored
    ws.close()
    return db


def _export(store: Store) -> list[dict[str, Any]]:
    buf = io.StringIO()
    export_store(store, "ftm", buf)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def _card_entries(db: Path) -> tuple[str, list[str]]:
    """The entity id and the entries `show` (and /cards, exposure) list for NWPU."""
    ws = Workspace(db, create=False)
    card = ws.card(NWPU, listings=True)
    ws.close()
    return card["id"], sorted(x["entry_id"] for x in card["listings"])


def _exported_entries(lines: list[dict[str, Any]], entity_id: str) -> list[str]:
    return sorted(r for e in lines if e["schema"] == "Sanction" and e["properties"]["entity"] == [entity_id]
                  for r in e["properties"]["recordId"])


def _yente(db: Path, entity_id: str, client: TestClient | None = None) -> dict[str, Any]:
    client = client or TestClient(create_app(db=db, hosts=["testserver"]))
    response = client.get(f"/entities/{entity_id}")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    Entity.model_validate(body)
    return body


def test_the_ftm_export_carries_the_listings_as_valid_sanctions(listed_db: Path) -> None:
    from followthemoney import model

    entity_id, shown = _card_entries(listed_db)
    assert BIS in shown and len(shown) >= 2, shown
    store = Store(listed_db)
    lines = _export(store)
    again = _export(store)
    store.close()
    assert [e["id"] for e in lines] == [e["id"] for e in again]  # deterministic ids
    proxies = {e["id"]: model.get_proxy(e, cleaned=False) for e in lines}  # every value re-validated
    for e in lines:  # a value followthemoney finds invalid would be dropped
        kept = {k: len(v) for k, v in proxies[e["id"]].to_dict()["properties"].items()}
        assert kept == {k: len(v) for k, v in e["properties"].items()}, e
    sanctions = [p for p in proxies.values() if p.schema.name == "Sanction"]
    assert sanctions
    for p in sanctions:
        (target,) = p.get("entity")
        assert target in proxies and proxies[target].schema.is_a(model.get("LegalEntity")), target
        for prop in ("authority", "program", "recordId"):
            assert p.get(prop), (p.id, prop)
    assert _exported_entries(lines, entity_id) == shown  # the entries every other door shows
    bis = next(p for p in sanctions if p.get("recordId") == [BIS])
    assert bis.get("program") == ["Entity List"] and bis.get("listingDate") and bis.get("sourceUrl")
    topics = proxies[entity_id].get("topics")
    assert "export.control" in topics and "sanction" not in topics, topics  # per list kind, FtM's values


def test_yente_nests_the_same_sanctions(listed_db: Path) -> None:
    entity_id, shown = _card_entries(listed_db)
    body = _yente(listed_db, entity_id)
    nested = body["properties"]["sanctions"]
    assert sorted(s["properties"]["recordId"][0] for s in nested) == shown
    assert all(s["schema"] == "Sanction" and "entity" not in s["properties"] for s in nested)  # yente's shape
    store = Store(listed_db)
    exported = {e["id"] for e in _export(store) if e["schema"] == "Sanction"}
    store.close()
    assert {s["id"] for s in nested} <= exported  # one id for one listing in both doors
    assert "export.control" in body["properties"]["topics"]


def test_a_rejected_listing_leaves_both_doors(listed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(services_module, "GENERATION_SECONDS", 0.0)  # the server reads the generation at once
    db = tmp_path / "rejected.db"
    shutil.copy(listed_db, db)
    entity_id, before = _card_entries(db)
    client = TestClient(create_app(db=db, hosts=["testserver"]))  # a running server: its answers are cached
    assert BIS in {s["properties"]["recordId"][0] for s in _yente(db, entity_id, client)["properties"]["sanctions"]}
    store = Store(db)
    decide(store, "listing", f"{entity_id}|{BIS}", "reject")
    lines = _export(store)
    store.close()
    _, after = _card_entries(db)
    assert after == [e for e in before if e != BIS] and after
    assert _exported_entries(lines, entity_id) == after
    nested = _yente(db, entity_id, client)["properties"]["sanctions"]
    assert sorted(s["properties"]["recordId"][0] for s in nested) == after


def _cli_export(db: Path, out: Path, *args: str) -> tuple[Any, list[dict[str, Any]]]:
    from typer.testing import CliRunner

    from mcfwatch.cli.main import app

    result = CliRunner().invoke(app, ["export", "--db", str(db), "-o", str(out), *args])
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    return result, lines


def test_the_export_screens_the_store_in_one_pass(listed_db: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """`mcfwatch export`: the decisions table is read a fixed number of times (not once per entity), no entity is
    read again one by one, and only types a list can carry are screened (review s26 lists-resolve #3)."""
    from mcfwatch.resolve.link import LISTABLE
    from mcfwatch.resolve.screen import Screener

    calls = {"decisions": 0, "entity": 0, "screen": 0}
    for cls, name in ((Store, "decisions"), (Store, "entity"), (Screener, "screen")):
        real = getattr(cls, name)

        def counted(self: Any, *a: Any, _real: Any = real, _name: str = name, **k: Any) -> Any:
            calls[_name] += 1
            return _real(self, *a, **k)

        monkeypatch.setattr(cls, name, counted)
    store = Store(listed_db)
    ents = store.entities()
    store.close()
    listable = sum(1 for e in ents if e["type"] in LISTABLE)
    assert listable >= 10 and len(ents) > listable  # a store with places, technologies ... beside listable ones
    result, lines = _cli_export(listed_db, tmp_path / "out.ftm.json")
    assert result.exit_code == 0, result.output
    assert any(e["schema"] == "Sanction" for e in lines)
    assert calls["entity"] == 0, calls
    assert calls["decisions"] <= 8, calls  # was one per legal entity (and per Person, Event ... besides)
    assert calls["screen"] <= listable, calls


def test_the_export_is_as_of_a_day_it_names(listed_db: Path, tmp_path: Path) -> None:
    """`export --as-of DAY`: the Sanctions are the entries valid that day, each says so, the run says so, and two
    runs give the same file; a bad day is refused before any file is made (review s26 lists-resolve #5)."""
    from datetime import date

    day = date.today().isoformat()  # a day the shipped lists hold NWPU's BIS entry (as show says today)
    result, lines = _cli_export(listed_db, tmp_path / "a.json", "--as-of", day)
    assert result.exit_code == 0, result.output
    assert f"watchlist entries as of {day}" in result.output
    sanctions = [e for e in lines if e["schema"] == "Sanction"]
    assert BIS in {r for s in sanctions for r in s["properties"]["recordId"]}
    assert all(s["properties"]["description"][0].endswith(f"lists as of {day}") for s in sanctions)
    again, second = _cli_export(listed_db, tmp_path / "b.json", "--as-of", day)
    assert again.exit_code == 0 and second == lines
    before, early = _cli_export(listed_db, tmp_path / "c.json", "--as-of", "2000-01-01")  # before NWPU's BIS listing
    assert before.exit_code == 0, before.output
    assert BIS not in {r for e in early if e["schema"] == "Sanction" for r in e["properties"]["recordId"]}
    bad, _ = _cli_export(listed_db, tmp_path / "d.json", "--as-of", "30/11/2026")
    assert bad.exit_code != 0 and "not an ISO date" in bad.output and not (tmp_path / "d.json").exists()


def test_adjacent_screens_a_stored_entity_once(listed_db: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """GET /entities/{id}/adjacent: the root and its `sanctions` group come from one screening (review #4). A copy
    of the store: its link cache starts empty."""
    from mcfwatch.resolve.screen import Screener

    db = tmp_path / "listed.db"
    shutil.copy(listed_db, db)
    store = Store(db)
    entity_id = store.find(NWPU)[0].id  # no screening yet: `show` would fill the link cache
    store.close()
    client = TestClient(create_app(db=db, hosts=["testserver"]))
    assert client.get("/healthz").status_code == 200
    screened: list[list[str]] = []
    real = Screener.screen

    def counted(self: Screener, names: Any, *a: Any, **k: Any) -> Any:
        screened.append(list(names) if isinstance(names, list) else [names])
        return real(self, names, *a, **k)

    monkeypatch.setattr(Screener, "screen", counted)
    response = client.get(f"/entities/{entity_id}/adjacent")
    assert response.status_code == 200, response.text
    body = response.json()
    nwpu = [n for n in screened if NWPU in n]
    assert len(nwpu) == 1, screened
    _, shown = _card_entries(db)
    assert sorted(s["properties"]["recordId"][0] for s in body["adjacent"]["sanctions"]["results"]) == shown  # <= 10: one page
    assert "export.control" in body["entity"]["properties"]["topics"]


def test_every_door_names_a_listing_with_the_same_fields(listed_db: Path, tmp_path: Path) -> None:
    """usertry s26: `show`/`/cards` said `list_id, entry_id`, `exposure`/`/exposure` said `list, entry`. Every door
    now names a listing's list, version and entry alike (the `extract` contract's names); exposure keeps the old
    names beside them for one version; the FtM doors carry the entry id as FtM's `recordId`."""
    from typer.testing import CliRunner

    from mcfwatch.cli.main import app
    from mcfwatch.graph.model import OLD_NAMES

    unified = ("list_id", "list_version", "entry_id", "entry_name")
    runner = CliRunner()
    db = str(listed_db)
    card = json.loads(runner.invoke(app, ["show", NWPU, "--db", db, "--format", "json"]).stdout)
    exposure = json.loads(runner.invoke(app, ["exposure", NWPU, "--db", db, "--format", "json"]).stdout)
    client = TestClient(create_app(db=listed_db, hosts=["testserver"]))
    api_card = client.get(f"/cards/{NWPU}").json()
    api_exposure = client.get("/exposure", params={"name": NWPU}).json()
    doors = {"show": card["listings"], "exposure": exposure["listings"], "/cards": api_card["listings"],
             "/exposure": api_exposure["listings"]}
    seen = {door: sorted(tuple(x[k] for k in unified) for x in found) for door, found in doors.items()}
    assert seen["show"] and all(v == seen["show"] for v in seen.values()), seen
    assert any(x[0] == "us-bis-entity-list" for x in seen["show"])
    for found in (exposure["listings"], api_exposure["listings"]):  # the old names, one more version
        assert all(x[old] == x[new] for x in found for old, new in OLD_NAMES.items())
    evidence = [ev for rule in api_exposure["rating"]["rules"] for ev in rule["evidence"] if "entry_id" in ev]
    assert evidence and all(ev["entry_id"] == ev["entry"] for ev in evidence)
    _, lines = _cli_export(listed_db, tmp_path / "x.json")
    recorded = sorted(r for e in lines if e["schema"] == "Sanction" and e["properties"]["entity"] == [card["id"]]
                      for r in e["properties"]["recordId"])
    assert recorded == sorted(x[2] for x in seen["show"])


def test_the_screening_is_paid_once(listed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mcfwatch export` keeps what it screened in the graph's link cache: a second export screens nothing and
    writes the same file, and an export after `exposure` (whose graph screened every entity) screens nothing
    either, with the Sanctions of an export that screened."""
    from typer.testing import CliRunner

    from mcfwatch.cli.main import app
    from mcfwatch.resolve.screen import Screener

    screens = {"n": 0}
    real = Screener.screen

    def counted(self: Screener, *a: Any, **k: Any) -> Any:
        screens["n"] += 1
        return real(self, *a, **k)

    monkeypatch.setattr(Screener, "screen", counted)
    first_db = tmp_path / "a" / "listed.db"
    first_db.parent.mkdir()
    shutil.copy(listed_db, first_db)
    result, first = _cli_export(first_db, tmp_path / "first.json")
    assert result.exit_code == 0 and screens["n"] > 0, result.output
    screens["n"] = 0
    result, second = _cli_export(first_db, tmp_path / "second.json")
    assert result.exit_code == 0 and screens["n"] == 0 and second == first
    other_db = tmp_path / "b" / "listed.db"
    other_db.parent.mkdir()
    shutil.copy(listed_db, other_db)
    exposed = CliRunner().invoke(app, ["exposure", NWPU, "--db", str(other_db), "--format", "json"])
    assert exposed.exit_code == 0, exposed.output
    screens["n"] = 0
    result, after = _cli_export(other_db, tmp_path / "after.json")
    assert result.exit_code == 0 and screens["n"] == 0, screens
    assert [e for e in after if e["schema"] == "Sanction"] == [e for e in first if e["schema"] == "Sanction"]


def test_the_noncommercial_switch_holds_at_every_door(listed_db: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """MCFWATCH_EXCLUDE_NONCOMMERCIAL=1 swaps the lists' non-commercial copies out of `exposure` (NWPU's DoD 1286
    entry then comes from the public-domain 2025 copy); `show` and the FtM export kept the other copy's version.
    Every door now uses the same list versions: (entry, version) agree in show, exposure and the export."""
    from typer.testing import CliRunner

    from mcfwatch.cli.main import app

    runner = CliRunner()
    db = str(listed_db)

    def entries() -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]]]:
        card = json.loads(runner.invoke(app, ["show", NWPU, "--db", db, "--format", "json"]).stdout)
        exposure = json.loads(runner.invoke(app, ["exposure", NWPU, "--db", db, "--format", "json"]).stdout)
        _, lines = _cli_export(listed_db, tmp_path / "x.json")
        exported = sorted((e["properties"]["recordId"][0], e["id"].rsplit(".listing.", 1)[1]) for e in lines
                          if e["schema"] == "Sanction" and e["properties"]["entity"] == [card["id"]])
        return (sorted((x["entry_id"], x["list_version"]) for x in card["listings"]),
                sorted((x["entry_id"], x["list_version"]) for x in exposure["listings"]), exported)

    shown, exposed, exported = entries()
    assert shown == exposed == exported and BIS in dict(shown)
    monkeypatch.setenv("MCFWATCH_EXCLUDE_NONCOMMERCIAL", "1")
    switched = entries()
    assert switched[1] != exposed  # exposure reads other list versions with the switch on
    assert switched[0] == switched[1] == switched[2], switched


def test_names_the_tool_made_are_weak_aliases(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    """The Chinese extractor gives each entity machine pinyin (立中集团 -> "Lizhong Jituan"); the FtM export and
    yente sent it out as `alias`, a name a source printed. It is FtM's `weakAlias` now; the names the documents
    print stay `name`/`alias` (read back with followthemoney). Store: the Chinese founding seed alone."""
    from followthemoney import model

    from mcfwatch.data import sample_path

    db = tmp_path / "zh.db"
    ws = Workspace(db, extractor=extractor)
    assert ws.ingest([sample_path("zh", "seed_zh.txt")]).stored
    lizhong = ws.resolve_name("立中集团")
    ws.close()
    assert "Lizhong Jituan" in lizhong.names
    store = Store(db)
    lines = _export(store)
    printed = {m["text"] for m in store.mentions(lizhong.id)}
    store.close()
    proxy = model.get_proxy(next(e for e in lines if e["id"] == lizhong.id), cleaned=False)
    assert "Lizhong Jituan" in proxy.get("weakAlias") and "Lizhong Jituan" not in proxy.get("alias")
    assert printed <= {*proxy.get("name"), *proxy.get("alias")}, printed  # what the document prints
    body = _yente(db, lizhong.id)
    assert "Lizhong Jituan" in body["properties"]["weakAlias"]
    assert "Lizhong Jituan" not in body["properties"]["alias"]



NP_TEXT = ("Queen Mary University of London and Northwestern Polytechnic in Xi'an signed an agreement in 2019 to run a "
           "joint aerospace engineering programme.\n")
NP = "Northwestern Polytechnic"


def test_a_listings_score_is_one_number_at_every_door(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    """Review s27 #6: show and /cards parsed a listing's score back from the graph's display text ("screening score
    0.95 on '…'", 2 decimals) while the `extract` contract gives 3 (0.947), and a text not parsed became 1.0. The
    graph's Listing now carries the score and the name matched as fields, kept in the link cache: extract, show,
    /cards, exposure, the FtM export and the report give one number for one listing (the short name
    "Northwestern Polytechnic" matches the lists' "Northwestern Polytechnic University" at 0.947)."""
    import re

    from followthemoney import model
    from typer.testing import CliRunner

    from mcfwatch.analyse import Analyst
    from mcfwatch.cli.main import app
    from mcfwatch.report import write_report

    doc = tmp_path / "np.txt"
    doc.write_text(NP_TEXT, encoding="utf-8")
    db = tmp_path / "scores.db"
    ws = Workspace(db, extractor=extractor)
    assert ws.ingest([doc]).stored
    ws.close()
    runner = CliRunner()
    extracted = json.loads(runner.invoke(app, ["extract", str(doc), "--format", "jsonl"]).stdout.splitlines()[0])
    contract = {x["entry_id"]: (x["score"], x["matched_name"])
                for e in extracted["entities"] if e["name"] == NP for x in e["listings"]}
    card = json.loads(runner.invoke(app, ["show", NP, "--db", str(db), "--format", "json"]).stdout)
    shown = {x["entry_id"]: (x["score"], x["matched_name"]) for x in card["listings"]}
    assert shown and all(0.85 <= s < 0.95 and s == round(s, 3) != round(s, 2) for s, _ in shown.values()), shown
    assert shown == contract
    client = TestClient(create_app(db=db, hosts=["testserver"]))
    api_card = client.get(f"/cards/{NP}").json()
    assert {x["entry_id"]: (x["score"], x["matched_name"]) for x in api_card["listings"]} == shown
    exposure = json.loads(runner.invoke(app, ["exposure", NP, "--db", str(db), "--format", "json"]).stdout)
    assert {x["entry_id"]: (x["score"], x["matched_name"]) for x in exposure["listings"]} == shown
    _, lines = _cli_export(db, tmp_path / "x.json")
    exported = {}
    for e in lines:
        proxy = model.get_proxy(e, cleaned=False)
        if proxy.schema.name == "Sanction" and proxy.get("entity") == [card["id"]]:
            found = re.search(r"name '(.*)', score ([0-9.]+);", proxy.get("description")[0])
            assert found, proxy.get("description")
            exported[proxy.get("recordId")[0]] = (float(found[2]), found[1])
    assert exported == shown
    store = Store(db)
    out = write_report(Analyst(store), [NP], tmp_path / "r.html")
    store.close()
    page = out.read_text(encoding="utf-8")
    for score, name in shown.values():
        assert f"{name} ({score})" in page, (name, score)
