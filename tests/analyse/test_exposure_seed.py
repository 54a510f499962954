"""Acceptance: the seed through the real pipeline (extractor, resolver, store) plus the shipped lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mcfwatch.analyse import Analyst
from mcfwatch.cli.main import app
from mcfwatch.store import Store

CONFERENCE = "CCP military-civil fusion achievement conference"


@pytest.fixture(scope="module")
def analyst(seed_db: Path) -> Analyst:
    return Analyst(Store(seed_db))


def hops(result: dict) -> list[list[tuple]]:
    return [[(h["source"], h["target"], h["type"], h["subtype"]) for h in p["hops"]] for p in result["paths"]]


@pytest.mark.parametrize(
    ("partner", "subtype"),
    [("Brunel University", "joint_lab"), ("UK MQP Limited", "contract"), ("HT&L Fitting", "investment")],
)
def test_lizhong_partners_have_exactly_the_path_through_the_pla_conference(analyst: Analyst, partner: str, subtype: str) -> None:
    r = analyst.exposure(partner)
    assert hops(r) == [[
        (partner, "Lizhong Group", "agreement", subtype),
        ("Lizhong Group", "PLA Baoding branch", "participation", "event_organised_by"),
    ]]
    first, second = r["paths"][0]["hops"]
    assert partner in first["evidence"]["text"]
    # secured during the November 19-26, 2018 visit: a date inherited from the discourse, a little less sure
    assert first["date"] == "2018-11-19" and first["confidence"] == pytest.approx(0.7)
    assert second["date"] == "2016-08-01"
    assert second["via"] == CONFERENCE
    assert second["evidence"]["text"].endswith("organized by the PLA Baoding branch.")


@pytest.mark.parametrize("partner", ["Cork County", "Benvolant"])
def test_partners_without_a_stated_mcf_tie_have_no_path(analyst: Analyst, partner: str) -> None:
    assert analyst.exposure(partner)["paths"] == []


def test_every_quote_is_verbatim_in_its_document(analyst: Analyst, seed_db: Path) -> None:
    store = Store(seed_db)
    for partner in ["Brunel University", "UK MQP Limited", "HT&L Fitting", "Cork County", "Benvolant"]:
        r = analyst.exposure(partner)
        evidence = [h["evidence"] for p in r["paths"] for h in p["hops"]]
        evidence += [ev for f in r["rating"]["rules"] for ev in f["evidence"] if "text" in ev]
        evidence += [ev["evidence"] for ev in r["timeline"] if not ev["evidence"]["document"].startswith("list:")]
        assert evidence
        for ev in evidence:
            assert store.document(ev["document"])["text"][ev["start"]: ev["end"]] == ev["text"]


def test_ratings_name_their_rules_versions_and_evidence(analyst: Analyst) -> None:
    expected = {
        "Brunel University": ("high", {"exposure", "pattern_gov_facilitation", "pattern_delegation_agreements", "technology"}),
        "UK MQP Limited": ("high", {"exposure", "pattern_gov_facilitation", "pattern_delegation_agreements", "technology"}),
        "HT&L Fitting": ("high", {"exposure", "pattern_gov_facilitation", "pattern_delegation_agreements", "technology"}),
        "Cork County": ("medium", {"pattern_friendship_city"}),
        "Benvolant": ("low", {"technology"}),
    }
    for partner, (level, rules) in expected.items():
        rating = analyst.exposure(partner)["rating"]
        assert rating["level"] == level, partner
        assert {f["id"] for f in rating["rules"]} == rules, partner
        assert rating["rules_version"] == "rules_v1"
        for f in rating["rules"]:
            assert f["version"] == "rules_v1" and f["explanation"] and f["evidence"], (partner, f["id"])


def test_cork_friendship_city_programme_escalates_from_culture(analyst: Analyst) -> None:
    patterns = analyst.exposure("Cork County")["patterns"]
    assert sorted(p["kind"] for p in patterns) == ["friendship_city_escalation", "friendship_city_followups"]
    [pattern] = [p for p in patterns if p["kind"] == "friendship_city_escalation"]
    assert pattern["values"]["stages"].split(" → ") == ["cultural", "economic", "invitation"]
    cultural, economic, invitation = (ev["text"] for ev in pattern["evidence"])
    assert "Cultural Tourism Friendly Exchange City" in cultural
    assert "another memo to establish economic and trade cooperation" in economic  # partner by ellipsis
    assert "invited officials of Cork County" in invitation


@pytest.mark.parametrize(("as_of", "paths"), [("2018-01-01", 0), ("2019-01-01", 1)])
def test_brunel_joint_lab_exists_only_from_the_november_2018_visit(seed_db: Path, as_of: str, paths: int) -> None:
    res = CliRunner().invoke(
        app, ["exposure", "Brunel University", "--format", "json", "--as-of", as_of, "--db", str(seed_db)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert len(data["paths"]) == paths
    if paths:
        assert data["paths"][0]["hops"][0]["subtype"] == "joint_lab"
    else:
        assert data["rating"]["level"] == "no finding"


def test_benvolant_technology_is_artificial_intelligence(analyst: Analyst) -> None:
    [f] = analyst.exposure("Benvolant")["rating"]["rules"]
    assert "Artificial Intelligence" in f["explanation"] and "Benvolant" in f["evidence"][0]["text"]


def test_unknown_is_not_low(analyst: Analyst) -> None:
    r = analyst.exposure("Nowhere Polytechnic of Atlantis")
    assert r["rating"]["level"] == "unknown"
    assert r["partner"] == {"id": None, "name": "Nowhere Polytechnic of Atlantis", "type": None}


def test_a_listed_partner_is_rated_from_its_list_entry_with_version(analyst: Analyst) -> None:
    r = analyst.exposure("Northwestern Polytechnical University")  # not in the seed, but on the lists
    assert r["rating"]["level"] == "very high"
    listed = [f for f in r["rating"]["rules"] if f["id"] == "listed"]
    assert any(ev["list"] == "us-bis-entity-list" and ev["version"] for f in listed for ev in f["evidence"])


def test_cli_json_has_the_issue_shape(seed_db: Path) -> None:
    res = CliRunner().invoke(app, ["exposure", "Brunel University", "--format", "json", "--db", str(seed_db)])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert {"id", "name", "type"} <= data["partner"].keys()
    assert {"level", "rules"} <= data["rating"].keys()
    assert all({"id", "version", "explanation", "evidence"} <= f.keys() for f in data["rating"]["rules"])
    hop = data["paths"][0]["hops"][0]
    assert {"source", "target", "type", "subtype", "date", "evidence"} <= hop.keys()
    assert set(hop["evidence"]) == {"document", "start", "end", "text"}
    assert "score" in data["paths"][0]


def test_cli_text_and_timeline(seed_db: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["exposure", "Brunel University", "--db", str(seed_db)])
    assert res.exit_code == 0 and "PLA Baoding branch" in res.stdout
    res = runner.invoke(app, ["timeline", "Lizhong Group", "--format", "json", "--db", str(seed_db)])
    events = json.loads(res.stdout)
    dated = [e["date"] for e in events if e["date"]]
    assert dated == sorted(dated) and "2016-08-01" in dated
    brunel = CliRunner().invoke(app, ["exposure", "Brunel University", "--format", "json", "--db", str(seed_db)])
    whats = [e["what"] for e in json.loads(brunel.stdout)["timeline"]]
    assert any("facilitated Lizhong Group" in w for w in whats)  # the pattern's context is on the timeline
    assert any("organised CCP military-civil fusion achievement conference" in w for w in whats)
    res = runner.invoke(app, ["patterns", "--format", "json", "--db", str(seed_db)])
    kinds = {p["kind"] for p in json.loads(res.stdout)}
    assert kinds == {"delegation_agreements", "gov_facilitation_mcf", "friendship_city_escalation",
                     "friendship_city_followups"}


def test_the_delegation_pattern_names_the_partner_whoever_asks(analyst: Analyst) -> None:
    """The helped company and the delegation read the same sentences as the partner: who concluded what with
    whom, once per agreement (it once read "Lizhong Group concluded an agreement with Lizhong Group")."""
    partners = {"Brunel University", "UK MQP Limited", "HT&L Fitting"}
    for name in ("Lizhong Group", "Brunel University"):
        texts = [f["explanation"] for f in analyst.exposure(name)["rating"]["rules"]
                 if f["id"] == "pattern_delegation_agreements"]
        named = {p for p in partners if any(t.startswith(f"{p} concluded an agreement with Lizhong Group") for t in texts)}
        assert named == (partners if name == "Lizhong Group" else {name}), texts
