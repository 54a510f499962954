"""A fact told in many documents: the text answer quotes each distinct sentence once with its sources (the first
few, then how many more); the JSON answer keeps every telling."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mcfwatch.cli.analysis import ALSO_SHOWN
from mcfwatch.cli.main import app
from mcfwatch.store import Store

from .seed_fixture import seed_extraction
from .test_linear_build import told_again

runner = CliRunner()


def test_a_fact_told_in_seven_documents_is_quoted_once_with_its_sources(tmp_path: Path) -> None:
    db = tmp_path / "told.db"
    store = Store(db)
    store.add_extraction(seed_extraction())
    for k in range(1, 7):
        store.add_extraction(told_again(k))
    text = runner.invoke(app, ["exposure", "Brunel University", "--db", str(db)])
    assert text.exit_code == 0, text.output
    data = json.loads(runner.invoke(app, ["exposure", "Brunel University", "--db", str(db), "--format", "json"]).output)
    hop = next(h for p in data["paths"] for h in p["hops"] if "Brunel" in h["target"] or "Brunel" in h["source"])
    assert len(hop["also"]) == 6  # JSON: every other telling, each with its document and span
    quote = hop["evidence"]["text"]
    assert text.output.count(quote) == 1  # the seed's sentence is quoted once for this hop, not seven times
    line = next(x for x in text.output.splitlines() if x.strip().startswith("also"))
    assert line.strip().startswith("also, same words:")
    assert line.count(":") >= ALSO_SHOWN + 1 and "and 3 more documents" in line
