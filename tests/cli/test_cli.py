"""The CLI as a user types it: exit codes, the extract JSON contract, cards, exports."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mcfwatch.cli.main import app

runner = CliRunner()


def test_every_command_has_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in app.registered_commands:
        assert command.callback is not None and (command.help or command.callback.__doc__), command.name
    for group in app.registered_groups:
        assert group.typer_instance is not None and group.typer_instance.info.help, group.name


def test_extract_contract_on_seed(seed_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(seed_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    (obj,) = json.loads(result.stdout)
    assert set(obj) == {"document", "entities", "relations"}
    assert set(obj["document"]) == {"id", "path", "title", "language", "published"}
    text = seed_path.read_text(encoding="utf-8")
    ids = set()
    for ent in obj["entities"]:
        assert set(ent) == {"id", "name", "type", "aliases", "mentions", "listings"}
        ids.add(ent["id"])
        for m in ent["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for rel in obj["relations"]:
        assert set(rel) == {"type", "subtype", "source", "target", "date", "date_end", "subject", "confidence", "evidence"}
        assert rel["source"] in ids and rel["target"] in ids
        ev = rel["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_extract_jsonl_corpus_uses_record_ids(corpus_dir: Path) -> None:
    result = runner.invoke(app, ["extract", str(corpus_dir / "federal-register-abstracts.jsonl"), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["document"]["id"] for d in docs] == [f"fr-00{i}" for i in range(1, 8)]


def test_ingest_is_idempotent_and_reports_failures(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "m.db"
    ok = runner.invoke(app, ["ingest", str(seed_path), "--db", str(db)])
    assert ok.exit_code == 0, ok.output
    assert "stored 1 documents" in ok.stdout
    again = runner.invoke(app, ["ingest", str(seed_path), "--db", str(db)])
    assert "stored 0 documents" in again.stdout and "1 already stored" in again.stdout
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad = runner.invoke(app, ["ingest", str(empty), str(seed_path), "--db", str(db)])
    assert bad.exit_code == 1
    assert f"{empty}: the file is empty" in bad.output


def test_show_entities_and_export(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "m.db"
    runner.invoke(app, ["ingest", str(seed_path), "--db", str(db)])
    ents = runner.invoke(app, ["entities", "--db", str(db), "--format", "json"])
    rows = json.loads(ents.stdout)
    names = {r["name"] for r in rows}
    assert "Lizhong Group" in names
    card = runner.invoke(app, ["show", "Lizhong Group", "--db", str(db), "--format", "json"])
    assert card.exit_code == 0, card.output
    assert json.loads(card.stdout)["name"] == "Lizhong Group"
    missing = runner.invoke(app, ["show", "No Such Entity Ltd", "--db", str(db)])
    assert missing.exit_code == 2 and "no entity named" in missing.output
    out = tmp_path / "x.ftm.jsonl"
    exp = runner.invoke(app, ["export", "--db", str(db), "--format", "ftm", "-o", str(out)])
    assert exp.exit_code == 0 and out.read_text().count("\n") > 10


def test_bad_db_path_is_one_line_error(tmp_path: Path, seed_path: Path) -> None:
    result = runner.invoke(app, ["entities", "--db", str(tmp_path / "missing" / "x.db")])
    assert result.exit_code == 2
    assert "does not exist" in result.output and "Traceback" not in result.output


def test_extract_fills_listings_from_the_watchlists(tmp_path: Path) -> None:
    f = tmp_path / "nwpu.txt"
    f.write_text(
        "In 2019, Northwestern Polytechnical University signed a cooperation agreement with Brunel University.",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(f)])
    assert result.exit_code == 0, result.output
    (obj,) = json.loads(result.stdout)
    by_name = {e["name"]: e for e in obj["entities"]}
    nwpu = {lst["list_id"] for lst in by_name["Northwestern Polytechnical University"]["listings"]}
    assert {"us-bis-entity-list", "us-dod-1286", "cn-seven-sons", "aspi-unitracker"} <= nwpu
    for listing in by_name["Northwestern Polytechnical University"]["listings"]:
        assert listing["list_version"] and listing["entry_id"] and listing["score"] >= 0.85
    assert by_name["Brunel University"]["listings"] == []
