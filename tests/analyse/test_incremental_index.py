"""Documents added to a store update its saved graph index in place of a whole build (graph/incremental.py),
and the files written are those a whole build (graph/whole.py) writes for the same store, apart from the
build id: on a store grown document by document (renamed copies, the seed retold with its organiser
elsewhere, undated, a guest of a military office's expo, a listed owner), on the real seed and on the real
bilingual seed (whose entities are merged across the two languages). Every partner's exposure is then the
same as after a whole build. A decision, a merge, or an index without sort keys takes the whole build."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from mcfwatch.analyse import Analyst
from mcfwatch.analyse.indexed import _OPENED, graph_cache
from mcfwatch.graph.cachedir import read_meta, write_bundle
from mcfwatch.graph.persisted import GraphCache, load
from mcfwatch.graph.whole import build_index
from mcfwatch.store import Store
from mcfwatch.store.ids import entity_id_for

from .helpers import copy_store, fixture_store
from .test_linear_build import told_again
from .test_local_graph import dump, owned, partners, renamed_copy
from .test_whole_index import files, with_a_guest


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MCFWATCH_CACHE_DIR", str(tmp_path / "cache"))


def opened(store: Store, as_of: str | None = None) -> GraphCache:
    """The store's index made current, as an exposure call makes it."""
    _OPENED.clear()
    cache = graph_cache(Analyst(store, as_of=as_of))
    assert cache is not None and cache.folder is not None
    cache.open()
    return cache


def same_as_whole(store: Store, tmp: Path, as_of: str | None = None) -> GraphCache:
    """Open the index (updated or built), then build it whole elsewhere: every file equal but the build id."""
    cache = opened(store, as_of)
    assert cache.folder is not None
    whole = tmp / f"whole-{len(list(tmp.glob('whole-*')))}"
    build_index(store, whole, store.generation(), cache.load_lists(), as_of, cache.weigh, cache.max_hops,
                cache.hop_factors, cache.links)
    now, then = files(cache.folder), files(whole)
    assert sorted(now) == sorted(then) and any(k.startswith("inc_") for k in now)
    for name, value in then.items():
        if isinstance(value, np.ndarray):
            got = now[name]
            assert isinstance(got, np.ndarray) and got.dtype == value.dtype, (name, got, value)
            assert np.array_equal(got, value), name
        else:
            assert now[name] == value, name
    return cache


def grown(db: Path) -> tuple[Store, list[Any]]:
    """The hand-written seed, and the documents added to it one by one."""
    adds: list[Any] = [renamed_copy(1), told_again(2, organiser="elsewhere"), renamed_copy(3),
                       told_again(4, undated=True), owned(told_again(5)), told_again(6, organiser="both"),
                       renamed_copy(7), told_again(9, twice=True, visits_on="2019-03")]
    return fixture_store(db), adds


def test_a_store_grown_document_by_document(tmp_path: Path) -> None:
    store, adds = grown(tmp_path / "grown.db")
    assert same_as_whole(store, tmp_path).path == "whole"  # nothing saved yet
    for ex in adds:
        store.add_extraction(ex)
        cache = same_as_whole(store, tmp_path)
        assert cache.path == "incremental", cache.why_whole
    with_a_guest(store)  # a military organiser's guest, a forum named for MCF, a listed firm: new roles
    assert same_as_whole(store, tmp_path).path == "incremental"
    index = load(opened(store).folder)  # type: ignore[arg-type]
    assert index is not None
    # the roles the update derived: from a composed edge to a military organiser, from an event's name alone,
    # and from a new name's screening against the shipped lists
    for name, etype, role in (("Expo Guest", "Person", index.index.soft), ("Forum Speaker", "Person", index.index.soft),
                              ("Huawei Technologies Co., Ltd.", "Company", index.index.terminal)):
        pos = index.pos(entity_id_for(name, etype))
        assert pos is not None and role[pos], name
    # every partner's answer from the updated index is the one after a whole build
    names = partners(store)
    updated = {n: dump(Analyst(store).exposure(n)) for n in names}
    for saved in (tmp_path / "grown.db.cache").glob("graph-*"):
        shutil.rmtree(saved) if saved.is_dir() else saved.unlink()
    assert opened(store).path == "whole"
    assert {n: dump(Analyst(store).exposure(n)) for n in names} == updated
    assert sum('"paths": [{' in a for a in updated.values()) >= 10  # answers with paths, not only empty ones


def test_as_of_a_date_that_leaves_relations_out(tmp_path: Path) -> None:
    store, adds = grown(tmp_path / "grown.db")
    same_as_whole(store, tmp_path, as_of="2018-06-30")
    for ex in adds[:4]:
        store.add_extraction(ex)
        assert same_as_whole(store, tmp_path, as_of="2018-06-30").path == "incremental"


def test_the_real_seed_and_bilingual_seed(seed_db: Path, bilingual_db: Path, tmp_path: Path) -> None:
    for i, db in enumerate((seed_db, bilingual_db)):
        store = Store(copy_store(db, tmp_path / f"{i}.db"))
        assert same_as_whole(store, tmp_path).path == "whole"
        if i == 1:
            assert store.fold().root, "the bilingual seed's entities are merged"
        for ex in (told_again(1), renamed_copy(2), owned(told_again(3))):
            store.add_extraction(ex)
            cache = same_as_whole(store, tmp_path)
            assert cache.path == "incremental", cache.why_whole


def test_what_takes_the_whole_build(tmp_path: Path) -> None:
    store, adds = grown(tmp_path / "grown.db")
    opened(store)
    store.add_extraction(adds[0])
    edge = store.relations()[0]["id"]
    store.add_overlay("edge", edge, "reject")  # a decision: an edge leaves the graph
    cache = same_as_whole(store, tmp_path)
    assert cache.path == "whole" and "decision" in str(cache.why_whole)
    # an index saved by the previous version keeps no sort keys
    assert cache.folder is not None
    meta = read_meta(cache.folder)
    assert meta is not None
    meta.pop("plain")
    arrays = {p.stem: np.load(p) for p in cache.folder.glob("*.npy")}
    write_bundle(cache.folder, arrays, meta)
    store.add_extraction(adds[1])
    cache = same_as_whole(store, tmp_path)
    assert cache.path == "whole" and "sort keys" in str(cache.why_whole)
    # a write the graph does not read (the monitoring baseline): updated with nothing added
    generation = store.generation()
    store.replace_baseline({"Brunel University": {"paths": []}})
    assert store.generation() > generation
    assert same_as_whole(store, tmp_path).path == "incremental"
