"""The whole graph's index written from the store's rows (graph/whole.py, what a first call after a write
does) is, file by file, the index of the graph ``build_graph`` makes (``persisted.save``, the code it
replaced): on the seed and its Chinese rendering through the real pipeline with the shipped lists, the seed
told again, and renamed copies sharing its event; also as of a date that leaves relations out, and through
``GraphCache`` (the persisted path exposure takes)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from mcfwatch.analyse import Analyst
from mcfwatch.analyse.indexed import graph_cache
from mcfwatch.graph import build_graph
from mcfwatch.graph.cachedir import read_array
from mcfwatch.graph.persisted import save
from mcfwatch.graph.whole import build_index
from mcfwatch.model import Entity
from mcfwatch.store import Store

from .helpers import copy_store
from .test_linear_build import told_again
from .test_local_graph import copies_store, retold_store


def files(folder: Path) -> dict[str, object]:
    out: dict[str, object] = {p.stem: read_array(folder, p.stem) for p in folder.glob("*.npy")}
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    assert len(meta.pop("build")) == 32  # each save's own id (graph/persisted.py load)
    out["meta"] = meta
    return out


def same_index(store: Store, tmp: Path, as_of: str | None = None) -> dict[str, int]:
    a = Analyst(store, as_of=as_of)
    cache = graph_cache(a)
    assert cache is not None
    g = build_graph(store, a.lists, a.as_of, a.weigh, a.max_hops, cache.links)
    assert g.index is not None
    g.index.set_hop_factors(cache.hop_factors)
    save(g, tmp / "before", 7, {"nodes": len(g.nodes), "edges": len(g.edges)})
    built = build_index(store, tmp / "now", 7, a.lists, a.as_of, a.weigh, a.max_hops, cache.hop_factors, cache.links)
    old, new = files(tmp / "before"), files(tmp / "now")
    # what only build_index keeps, for adding documents later (graph/incremental.py)
    new = {k: v for k, v in new.items() if not k.startswith("inc_")}
    new["meta"] = {k: v for k, v in new["meta"].items() if k not in ("plain", "state")}  # type: ignore[attr-defined]
    assert sorted(old) == sorted(new) and len(old) > 20
    for name, value in old.items():
        if isinstance(value, np.ndarray):
            assert value.dtype == new[name].dtype and np.array_equal(value, new[name]), name  # type: ignore[union-attr]
        else:
            assert value == new[name], name
    assert (built.nodes, built.edges) == (len(g.nodes), len(g.edges))
    index = g.index
    return {"edges": len(g.edges), "composed": sum(e.method == "composed" for e in g.edges),
            "terminal": int(index.terminal.sum()), "soft": int(index.soft.sum()),
            "listed": sum(bool(n.listings) for n in g.nodes)}


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MCFWATCH_CACHE_DIR", str(tmp_path / "cache"))


def with_a_guest(store: Store) -> Store:
    """The seed told again, with a guest at an expo a military office organised: the guest's only tie to
    military-civil fusion is that organiser (its role comes from a composed edge alone; the expo's name, unlike
    the seed's conference, says nothing of military-civil fusion); and a speaker at a forum named for it, which
    nobody is said to organise (its role comes from the event's name alone); and an agreement with a firm on the
    shipped lists (a path's end for its listing alone)."""
    ex = told_again(8)
    ex.entities += [Entity(id="guest", name="Expo Guest", type="Person"),
                    Entity(id="expo", name="Spring expo", type="Event"),
                    Entity(id="office", name="PLA Expo Office", type="MilitaryUnit"),
                    Entity(id="speaker", name="Forum Speaker", type="Person"),
                    Entity(id="forum", name="Military-civil fusion forum", type="Event"),
                    Entity(id="listed", name="Huawei Technologies Co., Ltd.", type="Company")]
    took_part = next(r for r in ex.relations if r.type == "participation")
    ex.add_relation(replace(took_part, source="guest", target="expo"))
    ex.add_relation(replace(took_part, type="organizer", source="office", target="expo"))
    ex.add_relation(replace(took_part, source="speaker", target="forum"))
    agreement = next(r for r in ex.relations if r.type == "agreement")
    ex.add_relation(replace(agreement, target="listed"))
    store.add_extraction(ex)
    return store


def test_renamed_copies_and_the_seed_told_again(tmp_path: Path) -> None:
    store = with_a_guest(copies_store(tmp_path / "copies.db"))
    seen = same_index(store, tmp_path / "c")
    # every copy's PLA branch is a military end, every copy's Lizhong Group MCF-linked, and so are the guest and
    # the speaker; the
    # conference's 9 tellings of a participation x 7 organisers, the fair's 6 visitors x 6 firms and the guest
    assert seen["composed"] == 100 and seen["soft"] == 9, seen
    assert seen["listed"] >= 1 and seen["terminal"] >= 9, seen
    seen = same_index(retold_store(tmp_path / "retold.db"), tmp_path / "r")
    assert seen["composed"] > 0 and seen["soft"] > 0, seen
    earlier = same_index(retold_store(tmp_path / "retold2.db"), tmp_path / "r2", as_of="2017-01-01")
    assert 0 < earlier["edges"] < seen["edges"], (earlier, seen)


def test_the_seed_and_its_chinese_rendering_with_the_shipped_lists(
    seed_db: Path, bilingual_db: Path, tmp_path: Path
) -> None:
    for i, db in enumerate((seed_db, bilingual_db)):
        seen = same_index(Store(copy_store(db, tmp_path / f"{i}.db")), tmp_path / f"s{i}")
        assert seen["terminal"] > 0 and seen["soft"] > 0, seen


def test_exposure_builds_its_index_this_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = copies_store(tmp_path / "copies.db")
    a = Analyst(store)
    cache = graph_cache(a)
    assert cache is not None and cache.folder is not None
    calls: list[Path] = []

    def counted(store: Store, folder: Path, *args: object) -> object:
        calls.append(folder)
        return build_index(store, folder, *args)  # type: ignore[arg-type]

    monkeypatch.setattr("mcfwatch.graph.whole.build_index", counted)
    assert a.exposure("Brunel University 3")["paths"]
    assert calls == [cache.folder]
