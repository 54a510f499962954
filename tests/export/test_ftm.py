"""`mcfwatch export --format ftm` writes entities that the followthemoney library validates."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from mcfwatch.report.export import export_store
from mcfwatch.workspace import Workspace

followthemoney = pytest.importorskip("followthemoney", reason="install the 'ftm' extra: pip install -e '.[ftm]'")


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, extractor):  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("ftm") / "seed.db"
    ws = Workspace(db, extractor=extractor)
    report = ws.ingest([seed_path])
    assert report.stored
    return ws.store


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
    # The seed's document carries its provenance.
    (doc,) = [e for e in lines if e["schema"] == "Document"]
    assert doc["properties"]["language"] == ["eng"]


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
    buf = io.StringIO()
    export_store(seed_store, "json", buf)
    graph = json.loads(buf.getvalue())
    assert graph["documents"] and graph["entities"]
    text = seed_store.document(graph["documents"][0]["id"])["text"]
    for rel in graph["relations"]:
        ev = rel["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
