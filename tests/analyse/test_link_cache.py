"""The link cache (graph/listings.py): real screening hits of the shipped lists, saved in its SQLite file, come
back identical in another process's cache without screening; a damaged file is replaced, not trusted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mcfwatch.analyse.exposure import default_lists
from mcfwatch.graph import listings
from mcfwatch.graph.listings import LinkCache, link_listings
from mcfwatch.graph.model import Listing, Node

NAMES = [("Northwestern Polytechnical University", "University"), ("西北工业大学", "University"),
         ("Huawei Technologies Co., Ltd.", "Company"), ("Brunel University", "University"),
         ("Harbin Institute of Technology", "University")]


def nodes() -> list[Node]:
    return [Node(id=f"n{i}", name=name, type=etype, members=[f"n{i}"]) for i, (name, etype) in enumerate(NAMES)]


def linked(cache: LinkCache, lists: list[object]) -> list[list[Listing]]:
    found = nodes()
    link_listings(found, lists, None, set(), cache)
    return [n.listings for n in found]


def test_screened_listings_come_back_from_the_file_without_screening(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lists, why = default_lists(None)
    assert lists and why is None
    path = tmp_path / "links-x.sqlite"
    first = LinkCache(path)
    screened = linked(first, lists)
    assert sum(map(len, screened)) >= 3  # NPU (in two scripts), Huawei, HIT are on the shipped lists
    first.save()
    assert path.read_bytes().startswith(b"SQLite format 3")

    def refuse(*args: object) -> list[Listing]:
        raise AssertionError("screened again")

    monkeypatch.setattr(listings, "_screen", refuse)
    assert linked(LinkCache(path), []) == screened  # no lists needed either


def test_the_one_json_file_it_replaces_is_taken_over_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lists, _ = default_lists(None)
    saved = LinkCache(tmp_path / "links-x.sqlite")
    screened = linked(saved, lists)
    old = {k: json.loads(v) for k, v in saved.pending.items()}  # what the JSON format held: key -> listings
    (tmp_path / "links-y.json").write_text(json.dumps(old), "utf-8")
    monkeypatch.setattr(listings, "_screen", lambda *a: pytest.fail("screened again"))
    assert linked(LinkCache(tmp_path / "links-y.sqlite"), []) == screened
    assert not (tmp_path / "links-y.json").exists() and (tmp_path / "links-y.sqlite").exists()


def test_a_damaged_file_is_replaced_and_its_names_screened_again(tmp_path: Path) -> None:
    path = tmp_path / "links-x.sqlite"
    path.write_bytes(b"not a database, " * 64)
    cache = LinkCache(path)
    assert cache.get(["Brunel University"]) is None
    hit = Listing("l", "List", "A", "basis", "sanctions", "v1", "e1", "Brunel University", None, None, None, None,
                  (("country", "gb"),))
    cache.put(["Brunel University"], [hit])
    cache.save()
    assert LinkCache(path).get(["Brunel University"]) == [hit]
    assert LinkCache(path).get(["Brunel"]) is None
