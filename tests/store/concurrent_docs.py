"""Documents and an extractor for the concurrent-writer tests, in a module light enough for spawned workers."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mcfwatch.model import Document, Entity, Extraction, Relation, Span
from mcfwatch.workspace import Workspace

# Parties with the alias a document may name them by alone: whichever document a store sees first, each
# party ends as one entity in a sequential ingest (the alias-only entity is joined by the full name's alias).
COMPANIES = [("Lizhong Group", "立中集团"), ("Hebei Lizhong Wheel", "河北立中车轮"), ("UK MQP Limited", "英国MQP公司"),
             ("Tianjin Lizhong Alloy", "天津立中合金")]
UNIVERSITIES = [("Brunel University", "布鲁内尔大学"), ("Northwestern Polytechnical University", "西北工业大学")]
DOCUMENTS = 24
PROCESSES = 4


def _form(party: tuple[str, str], k: int) -> str:
    return party[0] if k % 2 == 0 else party[1]


def write_documents(folder: Path) -> list[Path]:
    paths = []
    for k in range(DOCUMENTS):
        c1, u, c2 = COMPANIES[k % 4], UNIVERSITIES[(k // 4) % 2], COMPANIES[(k + 1) % 4]
        path = folder / f"report-{k:02d}.txt"
        path.write_text(f"Report {k}: {_form(c1, k)} signed an agreement with {_form(u, k // 2)}. "
                        f"{_form(c2, k // 3)} attended the ceremony.", encoding="utf-8")
        paths.append(path)
    return paths


class DictionaryExtractor:
    """Finds the parties above by name: a full name carries its alias, an alias alone carries nothing."""

    def extract_many(self, docs: list[Document]) -> Iterator[Extraction]:
        for doc in docs:
            ex = Extraction(document=doc)
            for i, (full, alias) in enumerate(COMPANIES + UNIVERSITIES):
                etype = "Company" if i < len(COMPANIES) else "University"
                name, aliases = (full, [alias]) if full in doc.text else (alias, [])
                if name in doc.text:
                    start = doc.text.index(name)
                    ex.entities.append(Entity(f"e{i}", name, etype, aliases=aliases,
                                              mentions=[Span(start, start + len(name), name)]))
            company = next(e for e in ex.entities if e.type == "Company" and doc.text.index(e.name) < 40)
            university = next(e for e in ex.entities if e.type == "University")
            sentence = doc.text[: doc.text.index(".") + 1]
            ex.add_relation(Relation("agreement", company.id, university.id, Span(0, len(sentence), sentence),
                                     confidence=0.9))
            yield ex


def ingest_worker(db: str, paths: list[str], seed: int, barrier: Any, waits: Any) -> None:
    """One writer process: its documents in its own order, started with the others, no resolution."""
    random.Random(seed).shuffle(paths)
    ws = Workspace(db, extractor=DictionaryExtractor())  # type: ignore[arg-type]
    barrier.wait(timeout=120)
    report = ws.ingest([Path(p) for p in paths], on_wait=waits.put, resolve=False)
    assert report.ok, report.failures
