"""Exports of the store: FollowTheMoney entities (JSON lines) and the mcfwatch JSON graph.

Both follow the store's one fold: merged entities come out once (under the canonical id, with every member's
names), relations come out with their ends folded, and a relation an analyst rejected is not exported.

The FtM export needs no FtM install: it writes plain entity dicts in FtM's shape, and the test suite checks
every property against followthemoney's ranges (extra `ftm`). Mapping (see README and `ftm:` in
model/schema.yaml): entity types map through their `ftm` schema; documents become `Document`, each mention a
`Mention` (`resolved` only when the entity is a legal entity). Each watchlist entry a listable entity is linked
to (the entries every door shows: report.sanctions, analysts' rejections applied) becomes a `Sanction`
(`entity` -> the entity; authority, program, provisions, listingDate, reason, recordId from the list and its
entry) and adds its list kind's FtM topics to the entity. A relation maps to the schema its type
declares (`ftm_by_subtype`, `ftm_by_target`, then `ftm`) when both ends fit that schema's ranges, else to an
`UnknownLink` whose `role` names the relation and subtype. Every relation entity carries `proof` (the
Document), `summary` (the quoted evidence) and `startDate`/`endDate`; confidence and span go in `description`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any, TextIO

from mcfwatch.model import SCHEMA
from mcfwatch.report.sanctions import ftm_sanction, listing_topics, store_listings
from mcfwatch.store import Store

LANG3 = {"en": "eng", "zh": "zho", "ja": "jpn", "ko": "kor"}
LEGAL = {"Company", "Organization", "PublicBody", "Person"}  # FtM LegalEntity schemata we emit
ORGANIZATIONS = {"Company", "Organization", "PublicBody"}   # FtM Organization and its children

Props = dict[str, list[str]]
_HAN = re.compile(r"[\u4e00-\u9fff]")


def ftm_schema_of(etype: str) -> str | None:
    return SCHEMA.entity_types[etype].ftm


def _owned(store: Store) -> set[str]:
    """Organisations that a source states are owned: exported as `Company` (an FtM Company is an
    Organization that is also an Asset, the range of Ownership.asset)."""
    return {r["target_id"] for r in store.relations() if r["type"] == "ownership"}


def _schema_for(e: dict[str, Any], owned: set[str]) -> str | None:
    schema = ftm_schema_of(e["type"])
    if schema == "Organization" and e["id"] in owned:
        return "Company"
    return schema


def machine_names(names: list[str], printed: set[str]) -> set[str]:
    """The names the tool made from an entity's Chinese names (pinyin: 加拿大庞巴迪公司 -> "Jianadapangbadi Gongsi",
    person names "Zhang San", "Lizhong Jituan") that no document printed as a mention of it: FtM `weakAlias`,
    not `alias` (a name a source gives). The same pinyin a source printed stays an alias."""
    from mcfwatch.extract.zh.aliases import person_aliases, pinyin_aliases

    made: set[str] = set()
    for name in names:
        if _HAN.search(name):
            made.update(pinyin_aliases(name))
            made.update(person_aliases(name))
    return {n for n in names if n in made and n not in printed}


def made_names_possible(names: list[str]) -> bool:
    """Whether machine_names can mark any of NAMES (it only marks names made from a Chinese name): without one,
    the entity's printed mention texts need not be read."""
    return any(_HAN.search(n) for n in names)


def alias_props(name: str, names: list[str], printed: set[str]) -> Props:
    """`alias` (names the sources print) and `weakAlias` (names the tool made, see machine_names) of an entity."""
    made = machine_names(names, printed)
    props: Props = {}
    aliases = [n for n in names if n != name and n not in made]
    weak = [n for n in names if n != name and n in made]
    if aliases:
        props["alias"] = aliases
    if weak:
        props["weakAlias"] = weak
    return props


def _entity(e: dict[str, Any], schema: str, names: list[str], topics: list[str] | None = None,
            printed: set[str] | None = None) -> dict[str, Any]:
    etype = SCHEMA.entity_types[e["type"]]
    props: Props = {}
    if schema == "Address":
        props["full"] = [e["name"]]
    else:
        props["name"] = [e["name"]]
        props.update(alias_props(e["name"], names, printed or set()))
        found = list(dict.fromkeys([*etype.ftm_topics, *(topics or [])]))
        if found:
            props["topics"] = found
    return {"id": e["id"], "schema": schema, "properties": props}


def _document(d: dict[str, Any]) -> dict[str, Any]:
    name = PurePath((d["path"] or d["id"]).split(":")[0]).name or d["id"]
    props: Props = {"fileName": [name], "title": [d["title"] or name]}
    if d["url"]:
        props["sourceUrl"] = [d["url"]]
    if d["published"]:
        props["publishedAt"] = [d["published"]]
    if d["language"] in LANG3:
        props["language"] = [LANG3[d["language"]]]
    return {"id": d["id"], "schema": "Document", "properties": props}


def _kind(r: dict[str, Any]) -> str:
    return str(r["type"]) + (f" ({r['subtype']})" if r["subtype"] else "")


def _evidence(r: dict[str, Any]) -> Props:
    props: Props = {
        "proof": [r["document_id"]],
        "summary": [r["ev_text"]],
        "description": [
            f"mcfwatch {_kind(r)}; confidence {r['confidence']:.2f}; method {r['method']}; "
            f"evidence {r['document_id']}[{r['ev_start']}:{r['ev_end']}]"
        ],
    }
    if r["date"]:
        props["startDate"] = [r["date"]]
    if r["date_end"]:
        props["endDate"] = [r["date_end"]]
    return props


def declared_schema(r: dict[str, Any]) -> str:
    """The FtM schema model/schema.yaml declares for this relation (before the range check)."""
    rtype = SCHEMA.relation_types[r["type"]]
    found = rtype.ftm_by_subtype.get(r["subtype"] or "") or rtype.ftm_by_target.get(r["target_type"]) or rtype.ftm
    return str(found or "UnknownLink")


def _relation(r: dict[str, Any], schema_of: dict[str, str]) -> list[dict[str, Any]]:
    """The FtM entities for one relation: the relation entity (id = relation id) first, then helpers."""
    src, tgt = r["source_id"], r["target_id"]
    ss, ts = schema_of[src], schema_of[tgt]
    rid, props = r["id"], _evidence(r)
    role = _kind(r) + (f": {r['subject']}" if r["subject"] else "")
    schema = declared_schema(r)

    def edge(name: str, **ends: list[str]) -> dict[str, Any]:
        return {"id": rid, "schema": name, "properties": {**props, **ends}}

    if schema == "Event" and ss in LEGAL and (ts in LEGAL or ts == "Address"):
        ev: Props = {**props, "name": [f"{r['source_name']} {SCHEMA.relation_types[r['type']].label} {r['target_name']}"]}
        ev["involved"] = [src] + ([tgt] if ts in LEGAL else [])
        if ts == "Address":
            ev["addressEntity"], ev["location"] = [tgt], [r["target_name"]]
        return [{"id": rid, "schema": "Event", "properties": ev}]
    if schema == "Ownership" and ss in LEGAL and ts == "Company":
        return [edge("Ownership", owner=[src], asset=[tgt])]
    if schema == "Employment" and ss == "Person" and ts in ORGANIZATIONS:
        return [edge("Employment", employee=[src], employer=[tgt], **({"role": [r["subject"]]} if r["subject"] else {}))]
    if schema == "Payment" and ss in LEGAL and ts in LEGAL:
        return [edge("Payment", payer=[src], beneficiary=[tgt])]
    if schema == "Membership" and ss in LEGAL and ts in ORGANIZATIONS:
        return [edge("Membership", member=[src], organization=[tgt], role=[role])]
    if schema == "ProjectParticipant" and ss in LEGAL and ts == "Project":
        return [edge("ProjectParticipant", participant=[src], project=[tgt], role=[role])]
    if schema == "ProjectParticipant" and ss in LEGAL and ts in LEGAL:  # a joint lab: the project, two participants
        pid = f"{rid}-project"
        project = {"id": pid, "schema": "Project", "properties": {
            **props, "name": [r["subject"] or f"joint laboratory of {r['source_name']} and {r['target_name']}"]}}
        second = {"id": f"{rid}-2", "schema": "ProjectParticipant",
                  "properties": {**props, "participant": [tgt], "project": [pid], "role": [role]}}
        return [edge("ProjectParticipant", participant=[src], project=[pid], role=[role]), project, second]
    if schema == "ContractAward" and ss in LEGAL and ts in LEGAL:  # the contract (issued by the source), awarded
        cid = f"{rid}-contract"
        contract = {"id": cid, "schema": "Contract", "properties": {
            **{k: v for k, v in props.items() if k in {"proof", "summary", "description"}},
            "title": [r["subject"] or f"contract between {r['source_name']} and {r['target_name']}"],
            "authority": [src]}}
        return [edge("ContractAward", contract=[cid], supplier=[tgt], role=[role]), contract]
    return [edge("UnknownLink", subject=[src], object=[tgt], role=[role])]


def canonical_names(store: Store) -> dict[str, list[str]]:
    """Every name of every stored entity, grouped under its canonical id (the store's fold), in store order."""
    fold = store.fold()
    names: dict[str, list[str]] = {}
    for eid, name in store.names():
        group = names.setdefault(fold.canonical(eid), [])
        if name not in group:
            group.append(name)
    return names


def ftm_entities(store: Store, as_of: str | None = None) -> Iterator[dict[str, Any]]:
    """Every document, canonical entity, mention and active relation of the store as FtM entity dicts, with the
    watchlist entries valid on as_of (default today) as Sanctions."""
    for d in store.documents():
        yield _document(d)
    names = canonical_names(store)
    owned = _owned(store)
    schema_of: dict[str, str] = {}
    sanctions: list[dict[str, Any]] = []
    listed = store_listings(store, as_of)  # one pass over the store: one screener, the rejections read once
    mentions = store.all_mentions()
    printed: dict[str, set[str]] = {}  # canonical id -> the texts its mentions print
    for m in mentions:
        printed.setdefault(m["canonical_id"], set()).add(m["text"])
    for e in store.entities():
        schema = _schema_for(e, owned)
        if schema is not None:
            schema_of[e["id"]] = schema
            listings = listed.get(e["id"], []) if schema in LEGAL else []
            sanctions.extend(ftm_sanction(e["id"], ls) for ls in listings)
            yield _entity(e, schema, names.get(e["id"], []), listing_topics(listings), printed.get(e["id"], set()))
    yield from sanctions
    for m in mentions:
        schema = schema_of.get(m["canonical_id"])
        if schema is None:
            continue  # a Technology: no FtM schema
        props: Props = {"document": [m["document_id"]], "name": [m["text"]], "detectedSchema": [schema]}
        if schema in LEGAL:  # Mention.resolved is a LegalEntity: places, projects and events are only detected
            props["resolved"] = [m["canonical_id"]]
        yield {"id": m["id"], "schema": "Mention", "properties": props}
    for r in store.relations():
        if r["source_id"] in schema_of and r["target_id"] in schema_of:  # else a Technology end: JSON export only
            yield from _relation(r, schema_of)


def graph_json(store: Store) -> dict[str, Any]:
    """The mcfwatch graph with full evidence: documents (metadata), canonical entities with names, active
    relations. A directed multigraph (two parties can be linked by several relations; each relation says
    whether its type is directed): ``networkx.node_link_graph(g, nodes="entities", edges="relations")``."""
    docs = [{k: v for k, v in d.items() if k != "text"} for d in store.documents()]
    names = canonical_names(store)
    ents = [
        {"id": e["id"], "name": e["name"], "type": e["type"], "names": names.get(e["id"], [e["name"]]),
         "merged": e["merged"], "mentions": e["mentions"], "documents": e["documents"]}
        for e in store.entities()
    ]
    rels = [
        {
            "id": r["id"], "key": r["id"], "type": r["type"], "subtype": r["subtype"], "source": r["source_id"],
            "target": r["target_id"], "directed": SCHEMA.relation_types[r["type"]].directed, "date": r["date"],
            "date_end": r["date_end"], "subject": r["subject"], "confidence": r["confidence"], "method": r["method"],
            "evidence": {"document": r["document_id"], "start": r["ev_start"], "end": r["ev_end"], "text": r["ev_text"]},
        }
        for r in store.relations()
    ]
    return {"schema_version": SCHEMA.version, "directed": True, "multigraph": True, "graph": {},
            "documents": docs, "entities": ents, "relations": rels}


def export_store(store: Store, fmt: str, out: TextIO, as_of: str | None = None) -> int:
    """Write the store to out in fmt ('ftm' or 'json'); return the number of records written. The FtM export's
    Sanctions are the watchlist entries valid on as_of (default today): each names that day in its description."""
    if fmt == "ftm":
        n = 0
        for ent in ftm_entities(store, as_of):
            out.write(json.dumps(ent, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "json":
        graph = graph_json(store)  # no watchlist side: the same on any day
        out.write(json.dumps(graph, ensure_ascii=False, indent=2) + "\n")
        return len(graph["entities"]) + len(graph["relations"])
    raise ValueError(f"unknown export format {fmt!r}: use ftm or json")
