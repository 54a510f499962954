"""A reader of the persisted graph index gets one whole index, never the arrays of a build renamed into place
while it reads: on the bilingual seed store, a new document is stored and the next build swapped in between a
reader's first look at the folder and its arrays; an index opened before keeps its own arrays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from mcfwatch.analyse import Analyst
from mcfwatch.analyse.indexed import graph_cache
from mcfwatch.graph import persisted
from mcfwatch.graph.cachedir import read_meta
from mcfwatch.model import Document, Entity, Extraction, Relation, Span
from mcfwatch.store import Store

from .helpers import copy_store


@pytest.fixture()
def store(bilingual_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("MCFWATCH_CACHE_DIR", str(tmp_path / "cache"))
    return Store(copy_store(bilingual_db, tmp_path / "b.db"))


def new_document(store: Store) -> None:
    text = "Brunel University signed a cooperation agreement with Northwestern Polytechnical University in 2019."
    doc = Document(text=text, id="new-doc", published="2019-05-01")
    ex = Extraction(document=doc, entities=[
        Entity("a", "Brunel University", "University", mentions=[Span(0, 17, "Brunel University")]),
        Entity("b", "Northwestern Polytechnical University", "University",
               mentions=[Span(54, 91, "Northwestern Polytechnical University")]),
    ])
    ex.add_relation(Relation(type="agreement", subtype="cooperation", source="a", target="b",
                             evidence=Span(0, len(text), text), date="2019", confidence=0.9))
    assert store.add_extraction(ex)


def test_a_reader_never_mixes_an_index_swapped_in_while_it_reads(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = graph_cache(Analyst(store))
    assert cache is not None and cache.folder is not None
    old = cache.open()
    old_edges, old_generation = np.array(old.edge_key).copy(), old.generation
    new_document(store)  # the next build has other nodes and edges, and another generation
    real, swapped, started = persisted.read_array, [], []

    def swap_midway(folder: Path, name: str) -> Any:
        if not started:  # another process's build finishes and is renamed into place now
            started.append(name)
            swapped.append(graph_cache(Analyst(store)).open())  # type: ignore[union-attr]
        return real(folder, name)

    monkeypatch.setattr(persisted, "read_array", swap_midway)
    pg = persisted.load(cache.folder)
    assert swapped and pg is not None
    meta = read_meta(cache.folder)
    assert meta is not None and pg.generation == store.generation() == meta["generation"] != old_generation
    assert (len(pg.node_id), len(pg.edge_key)) == (meta["nodes"], meta["edges"]) != (len(old.node_id), len(old_edges))
    assert np.array_equal(pg.edge_key, swapped[0].edge_key) and len(pg.index.indptr) == len(pg.node_id) + 1
    # the index opened before the swap still reads its own (renamed, then removed) files
    assert np.array_equal(old.edge_key, old_edges) and old.pos(old.id_of(0)) == 0
