"""The Parquet layout of a batch run, and the conversion between its rows and the pipeline's records.

One row per document: the extract JSON contract (document, entities with mentions, relations with
evidence, dates, confidence and method) plus the document's text, hash and format, so that ``mcfwatch load``
can store it exactly as ``mcfwatch ingest`` would, and ``file_no``/``item_no``, the document's place in
ingest's reading order (the store names entities first come, first served). Pure: no Spark here.
"""

from __future__ import annotations

from typing import Any

from mcfwatch.model import Document, Entity, Extraction, Relation, Span

FORMAT_VERSION = 1
EXTRACTIONS = "extractions"
FAILURES = "failures"
PAIRS = "pairs"
MANIFEST = "_mcfwatch.json"

_SPAN = "struct<start:int,end:int,text:string>"
EXTRACTION_DDL = (
    "file_no int, item_no int, "
    "document struct<id:string,sha256:string,path:string,title:string,language:string,published:string,"
    "url:string,source:string,format:string,text:string>, "
    f"entities array<struct<id:string,name:string,type:string,aliases:array<string>,mentions:array<{_SPAN}>>>, "
    "relations array<struct<type:string,subtype:string,source:string,target:string,date:string,"
    f"date_end:string,subject:string,confidence:double,method:string,evidence:{_SPAN}>>"
)
FAILURE_DDL = "file_no int, item_no int, path string, reason string"


def extraction_row(ex: Extraction, file_no: int, item_no: int) -> dict[str, Any]:
    d = ex.document
    return {
        "file_no": file_no,
        "item_no": item_no,
        "document": {
            "id": d.id, "sha256": d.sha256, "path": d.path, "title": d.title, "language": d.language,
            "published": d.published, "url": d.url, "source": d.source, "format": d.format, "text": d.text,
        },
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
             "mentions": [m.to_dict() for m in e.mentions]}
            for e in ex.entities
        ],
        "relations": [
            {"type": r.type, "subtype": r.subtype, "source": r.source, "target": r.target, "date": r.date,
             "date_end": r.date_end, "subject": r.subject, "confidence": float(r.confidence), "method": r.method,
             "evidence": r.evidence.to_dict()}
            for r in ex.relations
        ],
    }


def failure_row(path: str, reason: str, file_no: int, item_no: int) -> dict[str, Any]:
    return {"file_no": file_no, "item_no": item_no, "path": path, "reason": reason}


def _span(d: dict[str, Any]) -> Span:
    return Span(int(d["start"]), int(d["end"]), str(d["text"]))


def extraction_from_row(row: dict[str, Any]) -> Extraction:
    """The Extraction a row was written from (spans are checked again when the store adds it)."""
    d = row["document"]
    doc = Document(
        text=d["text"], path=d["path"], title=d["title"], language=d["language"], published=d["published"],
        url=d["url"], source=d["source"], id=d["id"], sha256=d["sha256"], format=d["format"] or "txt",
    )
    entities = [
        Entity(id=e["id"], name=e["name"], type=e["type"], aliases=list(e["aliases"] or []),
               mentions=[_span(m) for m in e["mentions"] or []])
        for e in row["entities"] or []
    ]
    relations = [
        Relation(type=r["type"], source=r["source"], target=r["target"], evidence=_span(r["evidence"]),
                 subtype=r["subtype"], date=r["date"], date_end=r["date_end"], subject=r["subject"],
                 confidence=float(r["confidence"]), method=r["method"])
        for r in row["relations"] or []
    ]
    return Extraction(document=doc, entities=entities, relations=relations)
