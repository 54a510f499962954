"""The persisted graph index: exposure answered from it equals exposure over the graph built in memory, on
the founding document in English and Chinese (resolution merges across them), before and after a decision
and a new document; and an unchanged store is not screened again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mcfwatch.analyse import Analyst
from mcfwatch.analyse.indexed import graph_cache, indexed_exposure
from mcfwatch.graph import listings
from mcfwatch.model import Document, Entity, Extraction, Relation, Span
from mcfwatch.store import Store

from .helpers import copy_store

NAMES = ["Brunel University", "Cork County", "Lizhong Group", "UK MQP Limited", "HT&L Fitting",
         "PLA Baoding branch", "解放军保定军分区", "立中集团"]


@pytest.fixture()
def store(bilingual_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("MCFWATCH_CACHE_DIR", str(tmp_path / "cache"))
    return Store(copy_store(bilingual_db, tmp_path / "b.db"))


def fresh(store: Store, name: str, monkeypatch: pytest.MonkeyPatch, **kw: Any) -> str:
    monkeypatch.setenv("MCFWATCH_GRAPH_CACHE", "0")
    try:
        return dump(Analyst(store, **kw).exposure(name))
    finally:
        monkeypatch.delenv("MCFWATCH_GRAPH_CACHE")


def cached(store: Store, name: str, **kw: Any) -> str:
    """Through the persisted index, failing if the index did not answer (no silent whole-graph fallback)."""
    found = indexed_exposure(Analyst(store, **kw), name, 200)
    assert found is not None, name
    return dump(found)


def dump(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False, sort_keys=True, default=str)


def test_indexed_exposure_equals_the_graph_built_in_memory(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in NAMES:
        assert cached(store, name) == fresh(store, name, monkeypatch), name
    brunel = json.loads(cached(store, "Brunel University"))
    assert brunel["paths"] and brunel["rating"]["level"] != "none"  # a real result, not two empty ones
    folder = graph_cache(Analyst(store)).folder  # type: ignore[union-attr]
    assert folder is not None and (folder / "meta.json").exists() and (folder / "indptr.npy").exists()
    # a date before the founding document's events: another index, and still the same answers
    for name in ("Brunel University", "Lizhong Group"):
        assert cached(store, name, as_of="2017-01-01") == fresh(store, name, monkeypatch, as_of="2017-01-01")
    # names the store's index does not hold take the whole-graph path, through Analyst.exposure
    for name in ("Brunel", "Nobody Trading Ltd"):
        assert dump(Analyst(store).exposure(name)) == fresh(store, name, monkeypatch)


def test_a_decision_and_a_new_document_change_both_alike(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    before = cached(store, "Brunel University")
    first_hop = json.loads(before)["paths"][0]["hops"][0]["edge"]
    store.add_overlay("edge", first_hop, "reject")
    after = cached(store, "Brunel University")
    assert first_hop not in {h["edge"] for p in json.loads(after)["paths"] for h in p["hops"]}
    assert after == fresh(store, "Brunel University", monkeypatch)

    text = "Brunel University signed a cooperation agreement with Northwestern Polytechnical University in 2019."
    doc = Document(text=text, id="new-doc", published="2019-05-01")
    ex = Extraction(document=doc, entities=[
        Entity("a", "Brunel University", "University", mentions=[Span(0, 17, "Brunel University")]),
        Entity("b", "Northwestern Polytechnical University", "University",
               mentions=[Span(text.index("Northwestern"), text.index(" in 2019"), "Northwestern Polytechnical University")]),
    ])
    ex.add_relation(Relation(type="agreement", subtype="cooperation", source="a", target="b",
                             evidence=Span(0, len(text), text), date="2019", confidence=0.9))
    assert store.add_extraction(ex)
    newest = cached(store, "Brunel University")
    assert "Northwestern Polytechnical University" in newest and newest != after  # NPU is on the Entity List
    assert newest == fresh(store, "Brunel University", monkeypatch)
    for name in ("Lizhong Group", "Northwestern Polytechnical University"):
        assert cached(store, name) == fresh(store, name, monkeypatch)


def test_only_new_names_are_screened(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    cached(store, "Brunel University")  # builds the index, screening every entity once
    screened: list[list[str]] = []
    real = listings._screen

    def counting(names: list[str], *args: Any) -> Any:
        screened.append(names)
        return real(names, *args)

    monkeypatch.setattr(listings, "_screen", counting)
    store.add_overlay("edge", json.loads(cached(store, "Brunel University"))["paths"][0]["hops"][0]["edge"], "reject")
    cached(store, "Brunel University")  # rebuilt (new generation): no entity is new, none is screened
    assert screened == []
    text = "Zhongguancun Widget Works hosted Brunel University."
    doc = Document(text=text, id="widget")
    assert store.add_extraction(Extraction(document=doc, entities=[
        Entity("w", "Zhongguancun Widget Works", "Company", mentions=[Span(0, 25, "Zhongguancun Widget Works")])]))
    cached(store, "Brunel University")
    assert [names[0] for names in screened] == ["Zhongguancun Widget Works"]  # the one new entity
