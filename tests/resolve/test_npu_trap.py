"""The Northwestern Polytechnic trap: "NPU" is Northwestern Polytechnical University (西北工业大学) and also
Northwestern Polytechnic University, a school in Fremont, California. Acronyms alone never prove identity."""

from __future__ import annotations

from pathlib import Path

from mcfwatch.model import Document, Entity, Extraction, Span
from mcfwatch.resolve import THRESHOLDS, compare, resolve_store, screen
from mcfwatch.store import Store


def test_northwestern_polytechnic_trap_acronym_is_a_lead_not_identity() -> None:
    for left, right in (("NPU", "西北工业大学"), ("NPU", "Northwestern Polytechnical University"), ("NPU", "NPU")):
        c = compare(left, right)
        assert c.score < THRESHOLDS["merging"], (left, right, c.score)
        assert "acronym_only" in c.features
    # the explanation names the organisation, not the acronym
    c = compare("Northwestern Polytechnic University", "西北工业大学")
    assert "NPU" not in c.features["known_same"].detail


def test_northwestern_polytechnic_trap_us_school_is_not_screened_as_nwpu() -> None:
    assert screen("Northwestern Polytechnic University", country="us").hits == []


def _ex(text: str, doc_id: str, name: str, etype: str, aliases: list[str]) -> Extraction:
    start = text.index(name)
    ent = Entity("e1", name, etype, aliases=aliases, mentions=[Span(start, start + len(name), name)])
    return Extraction(Document(text=text, id=doc_id, language="en"), entities=[ent])


def test_northwestern_polytechnic_trap_store_never_joins_by_acronym(tmp_path: Path) -> None:
    store = Store(tmp_path / "npu.db")
    store.add_extraction(_ex("NPU Fremont Campus hosted a job fair.", "f", "NPU Fremont Campus", "University", ["NPU"]))
    store.add_extraction(_ex("西北工业大学 (NPU) opened a lab.", "x", "西北工业大学", "University", ["NPU"]))
    assert len(store.entities()) == 2  # the shared alias "NPU" did not make them one entity
    resolve_store(store)
    assert len(store.entities()) == 2  # nor did resolution
