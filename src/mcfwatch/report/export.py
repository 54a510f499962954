"""Exports of the store: FollowTheMoney entities (JSON lines) and the mcfwatch JSON graph.

The FtM export needs no FtM install: it writes plain entity dicts in FtM's shape, and the
test suite validates them with the `followthemoney` library (extra `ftm`). Mapping (see README):
entity types map through `ftm:` in model/schema.yaml; documents become `Document`, each mention a
`Mention`; a visit becomes an `Event` (involved: both parties); ownership, position and funding
become `Ownership`, `Employment` and `Payment`; every other relation an `UnknownLink` whose `role`
names the relation and subtype. Every relation entity carries `proof` (the Document), `summary`
(the quoted evidence) and `startDate`/`endDate`; confidence and span go in `description`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any, TextIO

from mcfwatch.model import SCHEMA
from mcfwatch.store import Store

LANG3 = {"en": "eng", "zh": "zho", "ja": "jpn", "ko": "kor"}
# Schemata whose edge properties accept these endpoint schemata (others fall back to UnknownLink).
EDGE_RANGES: dict[str, tuple[str, str, set[str], set[str]]] = {
    "Ownership": ("owner", "asset", {"Company", "Organization", "PublicBody", "Person"}, {"Company"}),
    "Employment": ("employee", "employer", {"Person"}, {"Company", "Organization", "PublicBody"}),
    "Payment": ("payer", "beneficiary", {"Company", "Organization", "PublicBody", "Person"},
                {"Company", "Organization", "PublicBody", "Person"}),
}


def ftm_schema_of(etype: str) -> str | None:
    return SCHEMA.entity_types[etype].ftm


def _entity(e: dict[str, Any], names: list[str]) -> dict[str, Any] | None:
    etype = SCHEMA.entity_types[e["type"]]
    schema = etype.ftm
    if schema is None:
        return None
    props: dict[str, list[str]] = {}
    if schema == "Address":
        props["full"] = [e["name"]]
    else:
        props["name"] = [e["name"]]
        aliases = [n for n in names if n != e["name"]]
        if aliases:
            props["alias"] = aliases
        if etype.ftm_topics:
            props["topics"] = list(etype.ftm_topics)
    return {"id": e["id"], "schema": schema, "properties": props}


def _document(d: dict[str, Any]) -> dict[str, Any]:
    name = PurePath((d["path"] or d["id"]).split(":")[0]).name or d["id"]
    props: dict[str, list[str]] = {"fileName": [name], "title": [d["title"] or name]}
    if d["url"]:
        props["sourceUrl"] = [d["url"]]
    if d["published"]:
        props["publishedAt"] = [d["published"]]
    if d["language"] in LANG3:
        props["language"] = [LANG3[d["language"]]]
    return {"id": d["id"], "schema": "Document", "properties": props}


def _relation(r: dict[str, Any], exported: dict[str, str]) -> dict[str, Any] | None:
    src, tgt = r["source_id"], r["target_id"]
    if src not in exported or tgt not in exported:
        return None  # an endpoint with no FtM schema (a Technology): kept in the JSON export only
    rtype = SCHEMA.relation_types[r["type"]]
    kind = r["type"] + (f" ({r['subtype']})" if r["subtype"] else "")
    props: dict[str, list[str]] = {
        "proof": [r["document_id"]],
        "summary": [r["ev_text"]],
        "description": [
            f"mcfwatch {kind}; confidence {r['confidence']:.2f}; method {r['method']}; "
            f"evidence {r['document_id']}[{r['ev_start']}:{r['ev_end']}]"
        ],
    }
    if r["date"]:
        props["startDate"] = [r["date"]]
    if r["date_end"]:
        props["endDate"] = [r["date_end"]]
    schema = rtype.ftm_by_subtype.get(r["subtype"] or "", rtype.ftm) or "UnknownLink"
    if schema == "Event":
        props["name"] = [f"{r['source_name']} {rtype.label} {r['target_name']}"]
        props["involved"] = [src, tgt]
        if r["target_type"] == "Place":
            props["location"] = [r["target_name"]]
        return {"id": r["id"], "schema": "Event", "properties": props}
    if schema in EDGE_RANGES:
        sprop, tprop, sok, tok = EDGE_RANGES[schema]
        if exported[src] in sok and exported[tgt] in tok:
            props[sprop], props[tprop] = [src], [tgt]
            if schema == "Employment" and r["subject"]:
                props["role"] = [r["subject"]]
            return {"id": r["id"], "schema": schema, "properties": props}
    props["subject"], props["object"] = [src], [tgt]
    props["role"] = [kind + (f": {r['subject']}" if r["subject"] else "")]
    return {"id": r["id"], "schema": "UnknownLink", "properties": props}


def ftm_entities(store: Store) -> Iterator[dict[str, Any]]:
    """Every document, entity, mention and relation of the store as FtM entity dicts."""
    for d in store.documents():
        yield _document(d)
    exported: dict[str, str] = {}
    for e in store.entities():
        names = store.entity(e["id"]).names
        ftm = _entity(e, names)
        if ftm is not None:
            exported[e["id"]] = ftm["schema"]
            yield ftm
            for m in store.mentions(e["id"]):
                yield {
                    "id": m["id"],
                    "schema": "Mention",
                    "properties": {
                        "document": [m["document_id"]], "name": [m["text"]],
                        "resolved": [e["id"]], "detectedSchema": [ftm["schema"]],
                    },
                }
    for r in store.relations():
        rel = _relation(r, exported)
        if rel is not None:
            yield rel


def graph_json(store: Store) -> dict[str, Any]:
    """The mcfwatch graph with full evidence: documents (metadata), entities with names, relations."""
    docs = [{k: v for k, v in d.items() if k != "text"} for d in store.documents()]
    ents = []
    for e in store.entities():
        ent = store.entity(e["id"])
        ents.append({"id": ent.id, "name": ent.name, "type": ent.type, "names": ent.names,
                     "mentions": e["mentions"], "documents": e["documents"]})
    rels = [
        {
            "id": r["id"], "type": r["type"], "subtype": r["subtype"], "source": r["source_id"],
            "target": r["target_id"], "date": r["date"], "date_end": r["date_end"], "subject": r["subject"],
            "confidence": r["confidence"], "method": r["method"],
            "evidence": {"document": r["document_id"], "start": r["ev_start"], "end": r["ev_end"], "text": r["ev_text"]},
        }
        for r in store.relations()
    ]
    return {"schema_version": SCHEMA.version, "documents": docs, "entities": ents, "relations": rels}


def export_store(store: Store, fmt: str, out: TextIO) -> int:
    """Write the store to out in fmt ('ftm' or 'json'); return the number of records written."""
    if fmt == "ftm":
        n = 0
        for ent in ftm_entities(store):
            out.write(json.dumps(ent, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "json":
        graph = graph_json(store)
        out.write(json.dumps(graph, ensure_ascii=False, indent=2) + "\n")
        return len(graph["entities"]) + len(graph["relations"])
    raise ValueError(f"unknown export format {fmt!r}: use ftm or json")
