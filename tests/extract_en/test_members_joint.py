"""Participation and agreement told by phrasings of ordinary reporting (docs/annotation.md 4.3, 4.8): a member of an
alliance or association takes part in it ("which became a member of the X Association", "Its 48 founding members
include A, B and C"); a person named as an object is what "she" stands for in the next clause ("X brought in Wang Rui
...; she joined the Y Program"); "runs a joint laboratory with Y" is a joint_lab agreement. Passages of corpus/train;
relations made by the rules."""

from __future__ import annotations

import pytest

from .test_references import passage, rels

pytestmark = pytest.mark.slow


def test_a_member_of_an_association_takes_part_in_it(extract_text) -> None:  # en-w-0013
    ex = extract_text(passage("en-w-0013", "Among private companies", "used by the PLA Navy."))
    assert ("Tianjin Haiying Unmanned Systems", "China Association for Military-Civil Fusion") in rels(ex, "participation")


def test_founding_members_include(extract_text) -> None:  # en-w-1167
    ex = extract_text(passage("en-w-1167", "On December 10", "Chongqing Yunque UAV."))
    members = {s for s, t in rels(ex, "participation") if t.endswith("Innovation Alliance")}
    assert "Chongqing Changan Industry Group" in members


def test_she_is_the_person_named_before(extract_text) -> None:  # en-w-0012
    text = passage("en-w-0012", "2. Northwestern Polytechnical", "following year.") + "\n\n" + \
        passage("en-w-0012", "3. Harbin Engineering University", "in 2016.")
    found = rels(extract_text(text), "participation")
    assert ("Wang Rui", "Changjiang Scholars Program") in found
    assert ("Klaus Bauer", "Changjiang Scholars Program") not in found


@pytest.mark.parametrize(("doc", "start", "end", "pair"), [
    ("en-w-1223", "1. Nanjing University", "China North Industries Group Corporation.",
     ("School of Mechanical Engineering", "China North Industries Group Corporation")),
    ("en-w-1088", "Yunnan University of Technology runs", "Science and Technology Corporation.",
     ("Yunnan University of Technology", "China Academy of Space Technology")),
])
def test_runs_a_joint_laboratory_with(extract_text, doc: str, start: str, end: str, pair: tuple[str, str]) -> None:
    ex = extract_text(passage(doc, start, end))
    assert pair in rels(ex, "agreement") or pair[::-1] in rels(ex, "agreement")


def test_board_members_are_no_members_of_a_body(extract_text) -> None:  # review s25
    """'Board members include X' after an alliance is named: seats on a board, not participation in the alliance."""
    text = ("Harbin Kestrel Robotics joined the Northern Robotics Industry Alliance in 2021. "
            "Board members include Zhou Lin and Ma Qiang.")
    found = rels(extract_text(text), "participation")
    assert ("Harbin Kestrel Robotics", "Northern Robotics Industry Alliance") in found
    assert not [p for p in found if p[0] in ("Zhou Lin", "Ma Qiang")]
