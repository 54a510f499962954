"""The caption of a merged entity: the firm's own full Latin-script name, the same at every door."""

from __future__ import annotations

import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mcfwatch.api.app import create_app
from mcfwatch.data import sample_path
from mcfwatch.model import Document, Entity, Extraction, Span
from mcfwatch.report.export import export_store
from mcfwatch.resolve.caption import caption_index
from mcfwatch.resolve.merge import resolve_store
from mcfwatch.store import Store, entity_id_for
from mcfwatch.workspace import Workspace


@pytest.mark.parametrize(
    ("better", "worse"),
    [
        ("HT&L Fitting", "HT&L公司"),                                  # Latin script over Chinese
        ("UK MQP Limited", "英国MQP公司"),
        ("Northwestern Polytechnical University", "NWPU"),           # a name over a bare acronym
        ("Northwestern Polytechnical University", "西北工业大学"),
        ("Lizhong Group", "Hebei Lizhong"),                          # the formal name over a short form
        ("Brunel University London", "Brunel University"),          # the fuller form of the same name
        ("Huishan District", "Huishan"),
    ],
)
def test_the_fullest_formal_latin_name_is_the_caption_however_often_the_other_is_mentioned(
    better: str, worse: str
) -> None:
    assert caption_index([(worse, 9), (better, 1)]) == 1
    assert caption_index([(better, 1), (worse, 9)]) == 0


def test_between_equally_good_names_the_most_mentioned_then_the_first_is_the_caption() -> None:
    # two formal Latin names, neither a fuller form of the other: what the sources call it most
    assert caption_index([("Institute of Applied Physics and Computational Mathematics", 1),
                          ("Chinese Academy of Engineering Physics", 15)]) == 1
    assert caption_index([("MOA#8 Academy", 1), ("CASC 8th Academy", 1)]) == 0


def _doc(text: str, doc_id: str, name: str, aliases: list[str], language: str) -> Extraction:
    spans = [Span(m.start(), m.end(), n) for n in [name, *aliases] for m in re.finditer(re.escape(n), text)]
    ent = Entity("e1", name, "University", aliases=aliases, mentions=spans)
    return Extraction(Document(text=text, id=doc_id, language=language), entities=[ent])


def test_nwpu_english_name_chinese_name_and_acronym_resolve_as_one_entity_under_its_english_name(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "nwpu.db")
    store.add_extraction(_doc("西北工业大学与英方签署协议。西北工业大学", "zh", "西北工业大学", [], "zh"))
    store.add_extraction(_doc("Northwestern Polytechnical University (NWPU) opened a lab.", "en",
                              "Northwestern Polytechnical University", ["NWPU"], "en"))
    resolve_store(store)
    full = entity_id_for("Northwestern Polytechnical University", "University")
    assert [e["id"] for e in store.entities()] == [full]  # the Chinese name, mentioned more, did not win
    for name in ("NWPU", "西北工业大学", "Northwestern Polytechnical University"):
        (found,) = store.find(name)
        assert found.id == full and found.name == "Northwestern Polytechnical University"
        assert set(found.names) == {"Northwestern Polytechnical University", "西北工业大学", "NWPU"}


def test_a_bare_acronym_still_never_merges_on_its_own(tmp_path: Path) -> None:
    store = Store(tmp_path / "npu.db")
    store.add_extraction(_doc("NWPU opened a lab.", "a", "NWPU", [], "en"))
    store.add_extraction(_doc("Northwestern Polytechnical University opened a lab.", "b",
                              "Northwestern Polytechnical University", [], "en"))
    resolve_store(store)
    assert len(store.entities()) == 2  # tests/resolve/test_npu_trap.py: an acronym is a lead, not identity


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, extractor) -> Path:  # type: ignore[no-untyped-def]
    """The founding document and our Chinese rendering of it, ingested (and resolved) as `make demo` does."""
    db = tmp_path_factory.mktemp("caption") / "seed.db"
    ws = Workspace(db, extractor=extractor)
    assert ws.ingest([seed_path, sample_path("zh", "seed_zh.txt")]).stored
    ws.close()
    return db


def test_the_seed_firm_is_shown_by_its_own_name_at_every_door(bilingual: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = Workspace(bilingual, create=False)
    card = ws.card("HT&L公司")
    assert card["name"] == "HT&L Fitting" and "HT&L公司" in card["aliases"]
    htl = card["id"]
    assert ws.card("HT&L Fitting")["id"] == htl
    assert next(e["name"] for e in ws.entities() if e["id"] == htl) == "HT&L Fitting"
    assert ws.card("英国MQP公司")["name"] == "UK MQP Limited"
    # the API and the exports read the same canonical entity
    monkeypatch.setenv("MCFWATCH_DB", str(bilingual))
    client = TestClient(create_app(hosts=["testserver"]))
    rows = client.get("/entities", params={"type": "Company"}).json()
    assert next(e["name"] for e in rows if e["id"] == htl) == "HT&L Fitting"
    assert client.get(f"/cards/{htl}").json()["name"] == "HT&L Fitting"
    buf = io.StringIO()
    export_store(ws.store, "ftm", buf)
    ftm = next(json.loads(line) for line in buf.getvalue().splitlines() if json.loads(line)["id"] == htl)
    assert ftm["properties"]["name"] == ["HT&L Fitting"] and "HT&L公司" in ftm["properties"]["alias"]
    # the store's own view, for plain SQL readers
    with sqlite3.connect(bilingual) as conn:
        assert conn.execute("SELECT name FROM canonical_entities WHERE id = ?", (htl,)).fetchone() == ("HT&L Fitting",)
