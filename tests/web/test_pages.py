"""The pages and their JSON twins over the seed store: search in every script, entity, graph, document,
screening, lists, decisions."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi.testclient import TestClient
from openpyxl import load_workbook

from mcfwatch.store import Store
from mcfwatch.store.accounts import Accounts
from tests.web.conftest import csrf_of

HTML = {"accept": "text/html"}


def entity_id(c: TestClient, q: str) -> str:
    hits = c.get("/search", params={"q": q, "format": "json"}).json()["entities"]
    assert hits, f"search {q!r} found nothing"
    return str(hits[0]["id"])


def test_every_script_finds_lizhong(analyst: TestClient) -> None:
    ids = {q: entity_id(analyst, q) for q in ("Lizhong Group", "立中集团", "立中集團", "lizhong", "Li Zhong Ji Tuan")}
    assert len(set(ids.values())) == 1, ids
    page = analyst.get("/search", params={"q": "立中集团"}, headers=HTML).text
    assert f'href="/entity/{ids["立中集团"]}"' in page


def test_search_finds_list_entries_and_documents(analyst: TestClient) -> None:
    data = analyst.get("/search", params={"q": "西北工业大学", "format": "json"}).json()
    assert any("Northwestern Polytechnical" in h["entry_name"] for h in data["list_entries"])
    docs = analyst.get("/search", params={"q": "Brunel", "format": "json"}).json()["documents"]
    assert docs and all("id" in d for d in docs)


def test_entity_page_shows_mcf_link_with_its_quote(analyst: TestClient) -> None:
    eid = entity_id(analyst, "立中集团")
    data = analyst.get(f"/entity/{eid}", headers={"accept": "application/json"}).json()
    assert data["entity"]["name"] == "Lizhong Group"
    assert {"立中集团", "Lizhong Group"} <= set(data["names"])
    mcf = [r for r in data["relations"] if r["type"] in {"participation", "mcf_link"}]
    assert any("organized by the PLA Baoding branch" in r["evidence"]["text"] for r in mcf)
    page = analyst.get(f"/entity/{eid}", headers=HTML).text
    assert "organized by the PLA Baoding branch" in page and 'href="/document/' in page


def test_graph_of_brunel_reaches_the_pla_baoding_branch(analyst: TestClient) -> None:
    eid = entity_id(analyst, "Brunel University")
    g = analyst.get(f"/entity/{eid}/graph", params={"format": "json"}).json()
    labels = {n["data"]["id"]: n["data"] for n in g["nodes"]}
    pla = [n for n in labels.values() if n["label"] == "PLA Baoding branch"]
    assert pla and pla[0]["role"] == "military"
    assert labels[eid]["role"] == "partner"
    on_path = [e["data"] for e in g["edges"] if e["data"]["path"]]
    assert any(e["target"] == pla[0]["id"] and "PLA Baoding branch" in e["quote"] for e in on_path)
    nb = analyst.get(f"/entity/{on_path[0]['target']}/neighbours").json()
    assert nb["edges"] and all(e["data"]["quote"] for e in nb["edges"])


def test_document_page_highlights_mentions_and_evidence(analyst: TestClient) -> None:
    eid = entity_id(analyst, "Brunel University")
    rel = next(r for r in analyst.get(f"/entity/{eid}?format=json").json()["relations"] if r["type"] == "agreement")
    data = analyst.get(f"/document/{rel['evidence']['document']}", params={"format": "json"}).json()
    text = "".join(s["text"] for s in data["segments"])
    assert text == analyst.get(f"/documents/{rel['evidence']['document']}").json()["text"]
    covered = "".join(s["text"] for s in data["segments"] if rel["id"] in s["evidence"])
    assert covered == rel["evidence"]["text"]
    assert any(rel["id"] in s["anchors"] for s in data["segments"])
    page = analyst.get(f"/document/{rel['evidence']['document']}", headers=HTML).text
    assert f'id="ev-{rel["id"]}"' in page and f'href="#ev-{rel["id"]}"' in page


def test_rejecting_the_joint_lab_edge_changes_the_rating(analyst: TestClient, web_db: Path) -> None:
    eid = entity_id(analyst, "Brunel University")
    before = analyst.get(f"/entity/{eid}?format=json").json()
    assert before["rating"]["level"] == "high" and before["paths"]
    # The English and the Chinese source each state the joint lab: the analyst rejects each edge in turn.
    labs: list[str] = []
    data = before
    while data["paths"] and len(labs) < 4:
        edge = data["paths"][0]["hops"][0]["edge"]
        assert data["paths"][0]["hops"][0]["subtype"] == "joint_lab" and edge not in labs
        labs.append(edge)
        token = csrf_of(analyst, f"/entity/{eid}")
        r = analyst.post("/decide", data={"kind": "edge", "target": edge, "decision": "reject",
                                          "note": "joint lab never set up", "next": f"/entity/{eid}",
                                          "csrf_token": token}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == f"/entity/{eid}"
        data = analyst.get(f"/entity/{eid}?format=json").json()
    assert data["rating"]["level"] != "high" and not data["paths"], data["rating"]
    assert [d["target"] for d in data["decisions"]] == labs, "the entity page lists the decisions"
    from mcfwatch.analyse.exposure import Analyst
    from mcfwatch.report import write_report

    report = write_report(Analyst(Store(web_db)), ["Brunel University"], web_db.parent / "brunel.html")
    html = report.read_text(encoding="utf-8")
    assert "Analyst decisions applied" in html and "joint lab never set up" in html and "ana" in html
    overlay = Store(web_db).overlays("edge")[-1]
    assert (overlay["decided_by"], overlay["note"]) == ("ana", "joint lab never set up")
    assert any(e["action"] == "decide.edge" for e in Accounts(Store(web_db)).audit_log())
    token = csrf_of(analyst, f"/entity/{eid}")
    analyst.post("/decide", data={"kind": "edge", "target": labs[0], "decision": "confirm", "note": "reversed",
                                  "csrf_token": token})
    assert analyst.get(f"/entity/{eid}?format=json").json()["rating"]["level"] == "high"


def test_partner_list_screening_and_downloads(analyst: TestClient) -> None:
    token = csrf_of(analyst, "/screen")
    body = "name,country\nBrunel University,gb\n西北工业大学,cn\n=1+1,\n"
    r = analyst.post("/screen", files={"file": ("partners.csv", body.encode(), "text/csv")},
                     data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    job_url = r.headers["location"]
    for _ in range(600):
        job = analyst.get(job_url, params={"format": "json"}).json()["job"]
        if job["state"] != "running":
            break
        import time

        time.sleep(0.1)
    assert job["state"] == "done", job
    rows = {row["name"]: row for row in job["rows"]}
    assert rows["Brunel University"]["rating"] == "high"
    assert rows["西北工业大学"]["status"] == "listed"
    got = analyst.get(f"{job_url}/download", params={"format": "csv"})
    table = list(csv.DictReader(io.StringIO(got.content.decode("utf-8"))))
    assert [r["name"] for r in table][:2] == ["Brunel University", "西北工业大学"]
    xlsx = load_workbook(io.BytesIO(analyst.get(f"{job_url}/download", params={"format": "xlsx"}).content))
    assert xlsx.active is not None and xlsx.active.max_row == 4


def test_lists_pages_show_versions_and_diffs(analyst: TestClient) -> None:
    lists = analyst.get("/lists", params={"format": "json"}).json()["lists"]
    assert any(lst["id"] == "us-dod-1260h" for lst in lists)
    page = analyst.get("/lists/us-dod-1260h", params={"format": "json"}).json()
    assert len(page["versions"]) >= 5
    names = [v["name"] for v in page["versions"]]
    diff = analyst.get("/lists/us-dod-1260h", params={"from": names[-2], "to": names[-1], "format": "json"}).json()
    assert diff["diff"]["added"] or diff["diff"]["removed"] or diff["diff"]["changed"]


def test_audit_log_is_for_admins(web_app: object, analyst: TestClient) -> None:
    assert analyst.get("/audit", params={"format": "json"}).status_code == 403


def test_changes_since_the_watched_baseline(analyst: TestClient, web_db: Path) -> None:
    assert analyst.get("/changes", params={"format": "json"}).json() == {"watched": 0, "changes": []}
    from mcfwatch.analyse.exposure import Analyst
    from mcfwatch.analyse.watch import store_baseline

    store = Store(web_db)
    store_baseline(store, Analyst(store), ["Brunel University", "Cork County"])
    eid = entity_id(analyst, "Brunel University")
    edge = analyst.get(f"/entity/{eid}?format=json").json()["paths"][0]["hops"][0]["edge"]
    token = csrf_of(analyst, f"/entity/{eid}")
    analyst.post("/decide", data={"kind": "edge", "target": edge, "decision": "reject", "note": "misread",
                                  "csrf_token": token})
    data = analyst.get("/changes", params={"format": "json"}).json()
    assert data["watched"] == 2
    assert [c["partner"] for c in data["changes"]] == ["Brunel University"]
    assert any(x.startswith("path ") for x in data["changes"][0]["removed"] + data["changes"][0]["new"])


def test_control_characters_in_a_query_are_shown_not_sent(analyst: TestClient) -> None:
    """usertry s26: /search?q=%00 put a NUL into the page's title (a browser shows U+FFFD; an RLO reversed the text
    after it). Pages show control characters and bidi overrides as escapes, as the CLI does; the JSON twin keeps
    the query verbatim."""
    q = "\x00Lizhong\u202e Group"
    page = analyst.get("/search", params={"q": q}, headers=HTML).text
    assert "\x00" not in page and "\u202e" not in page
    assert "<title>Search: \\x00Lizhong\\u202e Group" in page, page[:400]
    assert "Search: “\\x00Lizhong\\u202e Group”" in page
    assert analyst.get("/search", params={"q": q, "format": "json"}).json()["query"] == q.strip()
    broken = analyst.get("/search", params={"q": "Lizhong\r\nGroup"}, headers=HTML).text  # review s27 doors #10
    assert "\\x0d" not in broken and "Lizhong\r\nGroup" in broken
    lizhong = analyst.get("/search", params={"q": "立中集团"}, headers=HTML).text  # names and links as before
    assert 'href="/entity/' in lizhong and "Lizhong Group" in lizhong


def test_entity_page_words_each_hop_as_the_cli_does(analyst: TestClient) -> None:
    """A committee misread "A —ownership→ B" in path order (session 28): the page words each hop in the relation's
    own direction, as the CLI and the report do, with the hop's confidence; strength has two decimals."""
    eid = entity_id(analyst, "Brunel University")
    hop = analyst.get(f"/entity/{eid}?format=json").json()["paths"][0]["hops"][0]
    page = " ".join(analyst.get(f"/entity/{eid}", headers=HTML).text.split())
    assert f"Brunel University agreement with Lizhong Group (joint lab, {hop['date']}): agreement, confidence " \
           f"{hop['confidence']:.2f}" in page
    paths = page.split('id="paths"', 1)[1].split("</section>", 1)[0]
    assert "—agreement" not in paths and "→ Lizhong Group" not in paths
    assert "strength 0." in paths and "chosen: " in paths
