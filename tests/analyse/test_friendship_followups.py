"""friendship_city_followups (analyse/patterns.py): what followed a friendship-city programme on either side.

Real inputs: the seed (hand-written extraction over its real sentences: Baoding City and Cork County) and three
texts written from public facts (tests/data: Duisburg–Wuhan, Prague–Beijing) through the real pipeline. The
pattern must be the same on a government's neighbourhood graph (graph/local.py) as on the whole graph."""

from __future__ import annotations

import json
from dataclasses import replace
from html import escape
from pathlib import Path
from typing import Any

import pytest

from mcfwatch.analyse import Analyst
from mcfwatch.analyse import indexed as I
from mcfwatch.analyse.patterns import DETECTORS, friendship_city_followups
from mcfwatch.store import Store
from mcfwatch.workspace import Workspace

from .helpers import copy_store
from .seed_fixture import seed_extraction

DATA = Path(__file__).parents[1] / "data"
KIND = "friendship_city_followups"


@pytest.fixture(scope="module")
def friendly_db(tmp_path_factory: pytest.TempPathFactory, extractor: object, seed_path: Path) -> Path:
    db = tmp_path_factory.mktemp("friendly") / "f.db"
    ws = Workspace(db, extractor=extractor)  # type: ignore[arg-type]
    paths = [seed_path, *(DATA / n for n in ("prague_beijing.txt", "duisburg_partner_city.docx", "wuhan_fao.html"))]
    report = ws.ingest(paths)
    assert report.ok and len(report.stored) == 4, report
    ws.close()
    return db


@pytest.fixture()
def friendly(friendly_db: Path, tmp_path: Path) -> Store:
    return Store(copy_store(friendly_db, tmp_path / "f.db"))


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MCFWATCH_CACHE_DIR", str(tmp_path / "cache"))


def followups(a: Analyst) -> dict[str, dict[str, Any]]:
    """programme name -> the pattern as every door gives it."""
    return {p["values"]["programme"]: p for p in a.all_patterns() if p["kind"] == KIND}


def lines(p: dict[str, Any]) -> list[str]:
    return [v for k, v in p["values"].items() if k.startswith("followup") and k != "followups"]


def test_the_seed_baoding_cork_what_followed(hand_store: Store) -> None:
    found = followups(Analyst(hand_store))
    assert list(found) == ["Baoding City – Cork County"]
    p = found["Baoding City – Cork County"]
    assert p["parties"] == {"city": "Baoding City", "partner_city": "Cork County"}
    assert p["values"]["since"] == "2018-10"
    assert lines(p) == ["Baoding City — meeting — Benvolant Artificial Intelligence Company, 2019-06",
                        "Baoding City — invitation — Cork County, 2019-07",
                        "Baoding City — agreement/cooperation — Cork County, undated"]
    assert p["values"]["undated"] == "1" and p["values"]["listed"] == "none"
    assert "not shown to be caused by it" in p["values"]["reading"]
    # every hop quoted: the programme first, then each follow-up's sentence
    texts = [ev["text"] for ev in p["evidence"]]
    assert texts[0].startswith("The first step was that it signed a memo")
    assert any("invited officials" in t for t in texts) and any("meeting with companies" in t for t in texts)


def test_nothing_after_the_programme_gives_no_pattern(tmp_path: Path) -> None:
    """A friendship agreement whose city did nothing after it (here: a meeting dated before it) is no pattern:
    an empty one would only repeat the agreement, which the store already shows."""
    ex = seed_extraction()
    keep = [r for r in ex.relations if r.type == "friendship_city" or r.subtype == "friendship_city"]
    meeting = next(r for r in ex.relations if r.type == "meeting")
    ex.relations = [*keep, replace(meeting, date="2017-05")]
    store = Store(tmp_path / "none.db")
    store.add_extraction(ex)
    assert followups(Analyst(store)) == {}
    ex.relations = [*keep, replace(meeting, date=None)]  # undated: listed, and said to be undated
    store = Store(tmp_path / "undated.db")
    store.add_extraction(ex)
    (p,) = followups(Analyst(store)).values()
    assert lines(p) == ["Baoding City — meeting — Benvolant Artificial Intelligence Company, undated"]


def test_duisburg_wuhan_the_mayors_huawei_memorandum(friendly: Store) -> None:
    found = followups(Analyst(friendly))
    p = next(p for name, p in found.items() if "Duisburg" in name and "Wuhan" in name)
    assert p["values"]["since"] == "1982"
    assert "Sören Link (office holder of Duisburg) — agreement/mou — Huawei Technologies, 2018-01" in lines(p)
    assert "Huawei Technologies" in p["values"]["listed"]  # the graph's Listing, not a new screening
    texts = [ev["text"] for ev in p["evidence"]]
    assert any("Sören Link signed a memorandum of understanding with Huawei" in t for t in texts)
    # COSCO's stake is no follow-up: the graph holds COSCO owning "Duisburg Gateway Terminal", and nothing ties
    # the terminal to the city or its officials (no relation type says where a terminal is)
    assert not any("COSCO" in line or "远洋" in line for line in lines(p))


def test_prague_beijing_what_the_graph_holds(friendly: Store) -> None:
    """The pact was terminated (2019); the graph holds it as an undated friendship agreement (extraction reads
    no termination), so every follow-up is listed and the programme is said to be undated."""
    found = followups(Analyst(friendly))
    p = found["Beijing – Prague"]
    assert p["values"]["since"].startswith("undated")
    assert "Prague — agreement/cooperation — Taipei, 2020-01" in lines(p)
    assert p["values"]["listed"] == "none" and p["values"]["mcf_linked"] == "none"


def dump(result: dict[str, Any] | None) -> str:
    return json.dumps(result, ensure_ascii=False, sort_keys=True, default=str)


def test_same_answer_on_a_neighbourhood_as_on_the_whole_graph(
    friendly: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = Analyst(friendly)
    governments = {name for p in followups(a).values() for name in p["parties"].values()}
    assert {"Duisburg", "Wuhan", "Beijing", "Prague", "Cork County"} <= governments, governments
    asked = governments | {e["name"] for e in friendly.entities() if e["type"] in {"Person", "Company"}}
    with_pattern = 0
    for name in sorted(asked):
        local = I.indexed_exposure(Analyst(friendly), name, 200)
        monkeypatch.setenv("MCFWATCH_GRAPH_CACHE", "0")
        whole = Analyst(friendly).exposure(name)
        monkeypatch.delenv("MCFWATCH_GRAPH_CACHE")
        assert dump(local) == dump(whole), name
        with_pattern += any(p["kind"] == KIND for p in (whole or {}).get("patterns", []))
    assert with_pattern >= 5


def test_every_door_lists_it(friendly: Store, tmp_path: Path) -> None:
    """Through DETECTORS: the exposure result (web, API /exposure) and the report read it; CLI `patterns` and
    API /patterns are checked on the seed (test_exposure_seed.py, test_api.py)."""
    from mcfwatch.report import write_report

    assert DETECTORS[KIND] is friendship_city_followups
    result = Analyst(friendly).exposure("Duisburg")
    assert result is not None
    (p,) = [p for p in result["patterns"] if p["kind"] == KIND and "Wuhan" in p["values"]["programme"]]
    assert set(p["parties"].values()) == {"Duisburg", "Wuhan"}
    huawei = next(line for line in lines(p) if "Huawei" in line)
    html = write_report(Analyst(friendly), ["Duisburg"], tmp_path / "r.html").read_text("utf-8")
    assert "What followed a friendship-city programme" in html  # report/html.py PATTERN_NAMES
    assert escape(huawei) in html and escape(p["values"]["reading"]) in html  # the follow-ups, worded as found


def test_cli_patterns_prints_what_followed(friendly_db: Path, tmp_path: Path) -> None:
    """CLI `patterns` (text) prints each pattern's values under its parties: the follow-up lines, not only the kind."""
    from typer.testing import CliRunner

    from mcfwatch.cli.main import app

    db = copy_store(friendly_db, tmp_path / "cli.db")
    (p,) = [p for p in Analyst(Store(db)).all_patterns() if p["kind"] == KIND and "Wuhan" in p["values"]["programme"]]
    result = CliRunner().invoke(app, ["patterns", "--db", str(db)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    for line in lines(p):
        assert " ".join(line.split()) in text
    assert f"listed: {p['values']['listed']}" in text


def test_only_a_friendship_city_agreement_widens_a_governments_neighbourhood(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review s29 #4: the index holds no subtype, so any government-to-government agreement (a city's MoU with
    "China", a ministry's with another) closed the neighbourhood over both governments' office holders, helped
    firms and every neighbour of these: most of the graph for the frequent partners. The seed's Baoding City and
    Cork County with only their cooperation agreement (no friendship-city one) do not widen it; with the
    friendship-city agreement they do, and the answers are the whole graph's either way."""
    from mcfwatch.graph.local import closed_set

    ex = seed_extraction()
    friendship = [r for r in ex.relations if r.subtype == "friendship_city"]
    assert friendship
    for kept, name in (([r for r in ex.relations if r not in friendship], "plain"), (ex.relations, "twinned")):
        one = replace(ex, relations=kept)
        store = Store(tmp_path / f"{name}.db")
        store.add_extraction(one)
        a = Analyst(store)
        cache = I.graph_cache(a)
        assert cache is not None
        pg = I.open_index(cache)
        assert pg is not None
        start = I.find_position(a, pg, "Baoding City")
        assert start is not None
        ids = {pg.id_of(c) for c in closed_set(pg, start, set(), store)}
        names = {e["id"]: e["name"] for e in store.entities()}
        widened = "Benvolant Artificial Intelligence Company" in {names.get(i) for i in ids}
        assert widened == (name == "twinned"), (name, sorted(names.get(i, i) for i in ids))
        local = I.indexed_exposure(Analyst(store), "Baoding City", 200)
        monkeypatch.setenv("MCFWATCH_GRAPH_CACHE", "0")
        assert dump(local) == dump(Analyst(store).exposure("Baoding City")), name
        monkeypatch.delenv("MCFWATCH_GRAPH_CACHE")


def test_a_big_citys_followups_are_capped_and_its_ownership_is_none(tmp_path: Path) -> None:
    """Review s29 #5: every edge of either government counted as a follow-up, and every one was listed: a big city
    with hundreds gave hundreds of lines per programme, its ownership and position edges among them. Baoding City
    with 30 more meetings after its programme and a stake in Benvolant: 25 lines, "more" says how many are not
    listed, "followups" counts all, and the stake is no follow-up."""
    from mcfwatch.analyse.patterns import FOLLOWUP_LINES
    from mcfwatch.model import Entity

    ex = seed_extraction()
    meeting = next(r for r in ex.relations if r.type == "meeting")
    firms = [Entity(id=f"f{i}", name=f"Hebei Firm Number {chr(65 + i)} Company", type="Company") for i in range(30)]
    ex.entities += firms
    ex.relations += [replace(meeting, target=f.id, date=f"2020-{1 + i % 12:02d}") for i, f in enumerate(firms)]
    ex.relations.append(replace(meeting, type="ownership", subtype=None, source="e9", target="e12", date="2019-08"))
    store = Store(tmp_path / "big.db")
    store.add_extraction(ex)
    (p,) = followups(Analyst(store)).values()
    shown = lines(p)
    assert len(shown) == FOLLOWUP_LINES == 25
    total = int(p["values"]["followups"])  # the seed's three and the meetings (names the store folds: fewer)
    assert total > FOLLOWUP_LINES
    assert p["values"]["more"].startswith(f"{total - FOLLOWUP_LINES} more follow-ups not listed")
    assert not any("ownership" in line for line in shown)
    assert not any(line.endswith("undated") for line in shown)  # dated lines first: the undated memo not shown
