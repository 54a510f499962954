"""`mcfwatch export --format ftm` writes entities that the followthemoney library validates, whose every
property is in range, that follow the store's merges and decisions, and that nomenklatura re-imports."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from mcfwatch.analyse.decisions import decide
from mcfwatch.data import sample_path
from mcfwatch.model import Document, Entity, Extraction, Relation, Span
from mcfwatch.report.export import export_store
from mcfwatch.store import Store
from mcfwatch.workspace import Workspace

followthemoney = pytest.importorskip("followthemoney", reason="install the 'ftm' extra: pip install -e '.[ftm]'")


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, extractor):  # type: ignore[no-untyped-def]
    """The seed in English and Chinese, then two analyst decisions: a merge confirmed, a relation rejected."""
    db = tmp_path_factory.mktemp("ftm") / "seed.db"
    ws = Workspace(db, extractor=extractor)
    report = ws.ingest([seed_path, sample_path("zh", "seed_zh.txt")])
    assert report.stored
    decide(ws.store, "merge", f"{ws.resolve_name('UK MQP Limited').id}|{ws.resolve_name('MQP公司').id}", "confirm")
    meeting = next(r for r in ws.store.relations() if r["type"] == "meeting")
    decide(ws.store, "edge", meeting["id"], "reject")
    return ws.store


def _export(store: Store) -> list[dict[str, Any]]:
    buf = io.StringIO()
    export_store(store, "ftm", buf)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def range_violations(lines: list[dict[str, Any]]) -> list[str]:
    """followthemoney's own ranges over every exported property: each reference points at an entity of the
    property's range schema, each other value is valid for the property's type."""
    from followthemoney import model

    schema_of = {e["id"]: model.get(e["schema"]) for e in lines}
    bad = []
    for e in lines:
        schema = schema_of[e["id"]]
        assert schema is not None, e
        for name, values in e["properties"].items():
            prop = schema.get(name)
            if prop is None:
                bad.append(f"{e['id']}: {e['schema']} has no property {name}")
                continue
            for value in values:
                if prop.type.name == "entity":
                    target = schema_of.get(value)
                    if target is None or prop.range is None or not target.is_a(prop.range):
                        bad.append(f"{e['id']}: {e['schema']}.{name} -> {target and target.name}, not {prop.range}")
                elif not prop.type.validate(value):
                    bad.append(f"{e['id']}: {e['schema']}.{name} = {value!r} is not a valid {prop.type.name}")
    return bad


def test_every_exported_property_is_in_range(seed_store: Store) -> None:
    assert range_violations(_export(seed_store)) == []


def test_export_follows_merges_and_decisions(seed_store: Store) -> None:
    lines = _export(seed_store)
    ids = {e["id"] for e in lines}
    fold = seed_store.fold()
    assert fold.root and not set(fold.root) & ids  # merged-away entities never come out
    mqp = next(e for e in lines if e["id"] == seed_store.find("MQP公司")[0].id)
    assert {"UK MQP Limited", "MQP公司"} <= {*mqp["properties"]["name"], *mqp["properties"].get("alias", [])}
    rejected = seed_store.decisions().rejected_edges
    assert rejected and not rejected & ids
    for e in lines:
        for ref in e["properties"].get("resolved", []):
            assert ref not in fold.root


def test_relations_map_to_the_schemata_schema_yaml_declares(seed_store: Store) -> None:
    lines = _export(seed_store)
    by_id = {e["id"]: e for e in lines}
    rels = {r["id"]: r for r in seed_store.relations()}
    for rid, r in rels.items():
        if r["subtype"] == "investment":  # a strategic investment agreement states no ownership
            assert by_id[rid]["schema"] == "UnknownLink"
            assert by_id[rid]["properties"]["role"][0].startswith("agreement (investment)")
        if r["subtype"] == "joint_lab":
            assert by_id[rid]["schema"] == by_id[f"{rid}-2"]["schema"] == "ProjectParticipant"
            assert by_id[f"{rid}-project"]["schema"] == "Project"
        if r["subtype"] == "contract":
            assert by_id[rid]["schema"] == "ContractAward" and by_id[f"{rid}-contract"]["schema"] == "Contract"
        if r["type"] == "visit" and r["target_type"] == "Place":
            props = by_id[rid]["properties"]
            assert props["addressEntity"] == [r["target_id"]] and r["target_id"] not in props["involved"]
    assert "Ownership" not in {e["schema"] for e in lines}  # the seed states no ownership
    mentions = [e for e in lines if e["schema"] == "Mention"]
    legal = {"Company", "Organization", "PublicBody", "Person"}
    assert all(by_id[m["properties"]["resolved"][0]]["schema"] in legal for m in mentions if "resolved" in m["properties"])
    assert any("resolved" not in m["properties"] for m in mentions)  # places and events are only detected


def test_stated_ownership_is_ownership_and_the_institute_an_asset(tmp_path: Path) -> None:
    text = "CETC owns the 14th Research Institute of CETC."
    ex = Extraction(Document(text=text, id="own", language="en"), entities=[
        Entity("a", "CETC", "Company", mentions=[Span(0, 4, "CETC")]),
        Entity("b", "14th Research Institute of CETC", "University", mentions=[Span(14, 45, text[14:45])]),
    ])
    ex.add_relation(Relation("ownership", "a", "b", Span(0, len(text), text), confidence=0.9))
    store = Store(tmp_path / "own.db")
    store.add_extraction(ex)
    lines = _export(store)
    (own,) = [e for e in lines if e["schema"] == "Ownership"]
    asset = next(e for e in lines if e["id"] == own["properties"]["asset"][0])
    assert asset["schema"] == "Company" and range_violations(lines) == []


def test_nomenklatura_xref_finds_no_pair_mcfwatch_already_merged(seed_store: Store, tmp_path: Path) -> None:
    pytest.importorskip("nomenklatura", reason="install the dev extra: pip install -e '.[dev]'")
    from followthemoney import StatementEntity
    from nomenklatura.db import make_session
    from nomenklatura.resolver import Resolver
    from nomenklatura.store import load_entity_file_store
    from nomenklatura.xref import xref

    path = tmp_path / "seed.ftm.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        export_store(seed_store, "ftm", fh)
    fold = seed_store.fold()
    with make_session(f"sqlite:///{tmp_path}/nk.db") as session:
        resolver = Resolver[StatementEntity](session, create=True)
        resolver.load_into_memory()
        xref(resolver, session, load_entity_file_store(path, resolver=resolver), tmp_path / "index")
        pairs = [(str(a), str(b)) for a, b, _ in resolver.get_candidates(limit=10_000)]
    assert pairs, "xref ran over the export"
    merged = set(fold.root)
    for a, b in pairs:
        assert a not in merged and b not in merged and fold.canonical(a) != fold.canonical(b), (a, b)


def test_ftm_export_validates(seed_store) -> None:  # type: ignore[no-untyped-def]
    from followthemoney import model

    buf = io.StringIO()
    n = export_store(seed_store, "ftm", buf)
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert n == len(lines) > 0
    ids = {e["id"] for e in lines}
    assert len(ids) == len(lines), "entity ids must be unique"
    schemata = set()
    for data in lines:
        proxy = model.get_proxy(data)
        schemata.add(proxy.schema.name)
        assert proxy.schema.validate(proxy.to_dict()) is None, data
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                for ref in proxy.get(prop):
                    assert ref in ids, f"{data['id']}.{prop.name} points to missing {ref}"
    assert {"Document", "Mention"} <= schemata
    # The documents carry their provenance.
    docs = [e for e in lines if e["schema"] == "Document"]
    assert sorted(d["properties"]["language"][0] for d in docs) == ["eng", "zho"]


def test_relation_entities_keep_evidence(seed_store) -> None:  # type: ignore[no-untyped-def]
    buf = io.StringIO()
    export_store(seed_store, "ftm", buf)
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    docs = {e["id"]: seed_store.document(e["id"])["text"] for e in lines if e["schema"] == "Document"}
    rels = [e for e in lines if "proof" in e["properties"]]
    relations = seed_store.relations()
    assert len(relations) >= 10 and len(rels) >= 10
    for rel in rels:
        (doc_id,) = rel["properties"]["proof"]
        (quote,) = rel["properties"]["summary"]
        assert quote in docs[doc_id]


@pytest.mark.skipif(shutil.which("ftm") is None and not Path(".venv/bin/ftm").exists(), reason="ftm CLI not installed")
def test_ftm_cli_validate_accepts_export(seed_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "seed.ftm.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        n = export_store(seed_store, "ftm", fh)
    ftm = shutil.which("ftm") or ".venv/bin/ftm"
    proc = subprocess.run([ftm, "validate", "-i", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == n


def test_json_graph_export(seed_store) -> None:  # type: ignore[no-untyped-def]
    import networkx as nx

    buf = io.StringIO()
    export_store(seed_store, "json", buf)
    graph = json.loads(buf.getvalue())
    assert graph["documents"] and graph["entities"]
    assert graph["directed"] is True and graph["multigraph"] is True
    for rel in graph["relations"]:
        ev = rel["evidence"]
        text = seed_store.document(ev["document"])["text"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
    g = nx.node_link_graph(graph, nodes="entities", edges="relations")
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(graph["entities"]) and g.number_of_edges() == len(graph["relations"])
    assert {e["id"] for e in graph["entities"]} == {e["id"] for e in seed_store.entities()}
