"""The library API end to end: English and Chinese reports of the same events meet in one entity."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcfwatch.data import sample_path
from mcfwatch.workspace import Workspace


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, extractor) -> Workspace:  # type: ignore[no-untyped-def]
    ws = Workspace(tmp_path_factory.mktemp("ws") / "bi.db", extractor=extractor)
    report = ws.ingest([seed_path, sample_path("zh", "seed_zh.txt")])
    assert len(report.stored) == 2 and not report.failures
    return ws


def test_chinese_and_english_names_meet(bilingual: Workspace) -> None:
    card = bilingual.card("立中集团")
    assert card["name"] == "Lizhong Group" or "Lizhong Group" in card["aliases"]
    assert "立中集团" in [card["name"], *card["aliases"]]
    languages = {bilingual.store.document(d["id"])["language"] for d in card["documents"]}
    assert languages == {"en", "zh"}


def test_card_relations_quote_their_documents(bilingual: Workspace) -> None:
    card = bilingual.card("Lizhong Group")
    kinds = {(r["type"], r["subtype"]) for r in card["relations"]}
    assert {("agreement", "joint_lab"), ("agreement", "investment"), ("facilitation", None)} <= kinds
    for r in card["relations"]:
        ev = r["evidence"]
        assert bilingual.store.document(ev["document"])["text"][ev["start"] : ev["end"]] == ev["text"]


def test_reingest_is_idempotent(bilingual: Workspace, seed_path: Path) -> None:
    before = bilingual.store.counts()
    report = bilingual.ingest([seed_path, sample_path("zh", "seed_zh.txt")])
    assert report.stored == [] and len(report.duplicates) == 2 and report.merges == 0
    assert bilingual.store.counts() == before


def test_military_body_named_in_both_languages_is_one_entity(bilingual: Workspace) -> None:
    card = bilingual.card("解放军保定军分区")
    assert "PLA Baoding branch" in [card["name"], *card["aliases"]]
    assert card["type"] == "MilitaryUnit"


def test_entity_list_counts_merged_entities_once(bilingual: Workspace) -> None:
    rows = bilingual.entities("Company")
    lizhong = [r for r in rows if r["name"] in {"Lizhong Group", "立中集团"}]
    assert len(lizhong) == 1
    assert lizhong[0]["documents"] == 2
