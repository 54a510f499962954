"""Resolution clusters cannot chain: the People's Liberation Army cluster of a 100,000-document store.

Single linkage folded 35 unrelated entities into the PLA (Harbin Institute of Technology, BUPT, CETC, the
Washington Post...) through short, generic or borrowed names. The fixture is that cluster as stored
(fixtures/README.md); the plan must split it, and every merge must carry its own pair's evidence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mcfwatch.resolve.algorithm import THRESHOLDS
from mcfwatch.resolve.cluster import Link, complete_linkage
from mcfwatch.resolve.constraints import cannot_link, distinctive_words
from mcfwatch.resolve.matcher import Matcher, default_matcher
from mcfwatch.resolve.merge import Candidate, plan_merges

FIXTURE = Path(__file__).parent / "fixtures" / "pla_chain.json"
PLA = "ent-a0c44e965c49bf44"
NEVER_PLA = {
    "Harbin Institute of Technology", "Harbin Engineering University", "Beijing University of Posts and Telecommunications",
    "Beijing Institute of Technology", "CHINA ELECTRONICS TECHNOLOGY GROUP CORPORATION",
    "Nanjing University of Aeronautics and Astronautics", "Research Institute", "Washington Post", "Air Force",
    "23rd Research Institute", "25th Research Institute",
}


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return default_matcher()


@pytest.fixture(scope="module")
def pla_chain() -> list[Candidate]:
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [Candidate(r["id"], r["name"], r["type"], r["names"], r["mentions"]) for r in rows]


def test_the_pla_chain_is_split(pla_chain: list[Candidate], matcher: Matcher) -> None:
    merges = plan_merges(pla_chain, matcher)
    groups: dict[str, set[str]] = {}
    for m in merges:
        groups.setdefault(m.winner_id, {m.winner_name}).add(m.loser_name)
    pla = next((g for w, g in groups.items() if w == PLA), set())
    assert not pla & NEVER_PLA, pla
    assert all(not (NEVER_PLA & g and "People’s Liberation Army" in g) for g in groups.values())
    assert max(len(g) for g in groups.values()) <= 7, groups  # the CAS remote-sensing institutes (one list entry)
    assert len(merges) < 20  # single linkage made 35


def test_every_merge_carries_its_own_pairs_evidence(pla_chain: list[Candidate], matcher: Matcher) -> None:
    by_id = {c.id: c for c in pla_chain}
    merges = plan_merges(pla_chain, matcher)
    assert merges
    for m in merges:
        assert m.score >= THRESHOLDS["merging"] and m.features, m
        winner, loser = by_id[m.winner_id], by_id[m.loser_id]
        direct = max(matcher.compare([winner.name], [loser.name, *loser.names]).score,
                     matcher.compare([winner.name, *winner.names], [loser.name]).score)
        assert m.score == direct, (m.winner_name, m.loser_name)


@pytest.mark.parametrize(
    ("a", "a_type", "b", "b_type", "reason"),
    [
        ("23rd Research Institute", "University", "25th Research Institute", "University", "number_mismatch"),
        ("Air Force Engineering University", "MilitaryUnit", "Harbin Engineering University", "University", "types"),
        ("国家安全战略", "Program", "国家战略", "Program", "full Chinese names"),
        ("县级以上地方人民政府", "PublicBody", "县级以上人民政府", "PublicBody", "full Chinese names"),
        ("Air Force", "MilitaryUnit", "PLA Air Force", "MilitaryUnit", "no distinctive word"),
        ("Jill Biden", "Person", "Joe Biden", "Person", "different given names"),
    ],
)
def test_cannot_link_rules(a: str, a_type: str, b: str, b_type: str, reason: str, matcher: Matcher) -> None:
    c = matcher.compare(a, b)
    why = cannot_link(a, a_type, b, b_type, c, c, matcher.vocabulary.weight, THRESHOLDS["merging"])
    assert why is not None and reason in why, why


def test_distinctive_words(matcher: Matcher) -> None:
    assert distinctive_words("Research Institute", matcher.vocabulary.weight) == []
    assert distinctive_words("Harbin Engineering University", matcher.vocabulary.weight) == []  # a place, a kind
    assert "beihang" in distinctive_words("Beihang University", matcher.vocabulary.weight)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Lizhong Group", "Hebei Lizhong"), ("HARBIN ENGINEERING UNIVERSITY", "Harbin Engineering University")],
)
def test_pairs_that_may_merge(a: str, b: str, matcher: Matcher) -> None:
    c = matcher.compare(a, b)
    assert c.score >= THRESHOLDS["merging"]
    assert cannot_link(a, "Company", b, "Company", c, c, matcher.vocabulary.weight, THRESHOLDS["merging"]) is None


def test_complete_linkage_never_chains() -> None:
    # 0~1 and 1~2 match, 0 and 2 do not: single linkage would make {0, 1, 2}
    links = [Link(0, 1, 0.9, {"x": {}}), Link(1, 2, 0.95, {"x": {}})]
    groups, scored = complete_linkage(3, links, lambda i, j: None)
    assert groups == [[1, 2]] and scored[(0, 2)] is None
    # when 0~2 matches too, all three join
    groups, _ = complete_linkage(3, links, lambda i, j: Link(i, j, 0.85, {"x": {}}))
    assert groups == [[0, 1, 2]]
