"""Rules are versioned and editable; a new list version or a rejected edge changes the rating, and
`changes` reports it down to the path, with a cron-usable exit code."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mcfwatch.analyse import Analyst, load_rules
from mcfwatch.analyse.ruleset import RulesError, shift
from mcfwatch.analyse.watch import changes, store_baseline
from mcfwatch.cli.main import app
from mcfwatch.lists import get_list
from mcfwatch.lists.model import ListEntry
from mcfwatch.store import Store


def test_shipped_rules_are_versioned_and_readable() -> None:
    rules = load_rules()
    assert rules.version == "rules_v1"
    kinds = {r.kind for r in rules.rules}
    assert {"listing", "aspi_rating", "defence_conglomerate", "military_body", "mcf_event", "mcf_link",
            "exposure", "pattern", "technology", "recency"} <= kinds
    assert all(r.explanation for r in rules.rules)
    assert shift("very high", -1) == "high" and shift("low", -3) == "low"


def test_a_bad_rules_file_names_itself(tmp_path: Path) -> None:
    bad = tmp_path / "rules.yaml"
    bad.write_text("version: x\nrules:\n  - id: a\n    kind: astrology\n    explanation: no\n")
    with pytest.raises(RulesError, match="rules.yaml.*astrology"):
        load_rules(bad)


def test_an_edited_rules_file_changes_the_rating_and_is_recorded(hand_store: Store, tmp_path: Path) -> None:
    text = load_rules().source  # the shipped file's name; read its text from the package
    from importlib import resources

    raw = resources.files("mcfwatch.analyse").joinpath("rules/rules_v1.yaml").read_text("utf-8")
    edited = tmp_path / "strict.yaml"
    edited.write_text(raw.replace("version: rules_v1", "version: strict_v2").replace(
        "    level: low                      # alone", "    level: medium                   # alone"))
    r = Analyst(hand_store, lists=[], rules=load_rules(edited)).exposure("Benvolant")
    assert text == "rules_v1.yaml"
    assert r["rating"]["rules_version"] == "strict_v2" and r["rating"]["level"] == "medium"


def military_list_with(extra: str | None):  # noqa: ANN201
    """The shipped 1260H list, optionally as a new version that adds one entry."""
    wl = get_list("us-dod-1260h")
    if extra is None:
        return [wl]
    entry = ListEntry(id=f"us-dod-1260h:{extra.lower().replace(' ', '-')}", list_id=wl.id, name=extra,
                      schema="Company", start_date="2026-11-01")
    return [dataclasses.replace(wl, as_of="2026-11-01", entries=[*wl.entries, entry])]


def test_new_list_version_changes_rating_and_changes_reports_it(seed_store: Store) -> None:
    partners = ["Brunel University", "Cork County"]
    before = Analyst(seed_store, lists=military_list_with(None))
    assert before.exposure("Brunel University")["rating"]["level"] == "high"
    store_baseline(seed_store, before, partners)
    assert not any(c.any for c in changes(seed_store, before))

    after = Analyst(seed_store, lists=military_list_with("Lizhong Group"))
    r = after.exposure("Brunel University")
    assert r["rating"]["level"] == "very high"  # one hop from a 1260H company
    assert [[h["target"] for h in p["hops"]] for p in r["paths"]] == [["Lizhong Group"]]
    found = {c.partner: c for c in changes(seed_store, after)}
    brunel = found["Brunel University"]
    assert brunel.level == ("high", "very high")
    assert any(x.startswith("path Brunel University -[agreement:") and x.endswith("-> Lizhong Group") for x in brunel.new)
    assert any("PLA Baoding branch" in x for x in brunel.removed)
    assert not found["Cork County"].any


def test_rejecting_an_edge_changes_rating_and_cli_changes_exits_1(seed_store: Store) -> None:
    db = seed_store.url.removeprefix("sqlite:///")
    runner = CliRunner()
    partners = Path(db).with_name("partners.csv")
    partners.write_text("name,country\nBrunel University,gb\nBenvolant,gb\n", encoding="utf-8")
    res = runner.invoke(app, ["watch", str(partners), "--db", db])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["changes", "--db", db])
    assert res.exit_code == 0 and "no changes" in res.stdout

    path = Analyst(seed_store).exposure("Brunel University")["paths"][0]
    joint_lab = path["hops"][0]["edge"]
    res = runner.invoke(app, ["reject", joint_lab, "--note", "test", "--db", db])
    assert res.exit_code == 0, res.output
    after = Analyst(seed_store).exposure("Brunel University")
    assert after["paths"] == [] and after["rating"]["level"] != "high"

    res = runner.invoke(app, ["changes", "--db", db])
    assert res.exit_code == 1
    assert "Brunel University: high ->" in res.stdout and "- path Brunel University" in res.stdout
    assert "Benvolant" not in res.stdout
    runner.invoke(app, ["changes", "--update", "--db", db])
    assert runner.invoke(app, ["changes", "--db", db]).exit_code == 0


def test_decisions_check_their_targets(seed_store: Store) -> None:
    db = seed_store.url.removeprefix("sqlite:///")
    runner = CliRunner()
    res = runner.invoke(app, ["reject", "rel-doesnotexist", "--db", db])
    assert res.exit_code == 2 and "no relation" in res.output
    res = runner.invoke(app, ["decide", "merge", "a|b", "maybe", "--db", db])
    assert res.exit_code == 2 and "confirm, split" in res.output
    res = runner.invoke(app, ["changes", "--db", db])
    assert res.exit_code == 2 and "mcfwatch watch" in res.output
