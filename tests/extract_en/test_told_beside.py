"""Parties told beside another phrase of the same verb, and people sent to an event (issue 8, session 29): "signed
agreements with A in 2016 and with B in 2018" (the parse hangs the second "with" off the date's "in"), "has
cooperated with A since 2012 and with B since 2015"; "sent a delegation / observers to the fair" is taking part in
it (docs/annotation.md 4.8), never an export of people. Ordinary press-release and newswire phrasings; the relations
asserted are the rules' (``rels``)."""

from __future__ import annotations

import pytest

from .test_references import rels

pytestmark = pytest.mark.slow


def test_a_second_with_hung_off_a_date(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Huawei signed research agreements with Imperial College in 2016 and with the University of "
                      "Cambridge in 2018.")
    assert {("Huawei", "Imperial College"), ("Huawei", "University of Cambridge")} <= rels(ex, "agreement")
    ex = extract_text("Northwestern Polytechnical University has cooperated with Queen Mary University of London "
                      "since 2012 and with Imperial College since 2015.")
    found = {frozenset(p) for p in rels(ex, "agreement")}
    assert frozenset({"Northwestern Polytechnical University", "Imperial College"}) in found
    assert frozenset({"Northwestern Polytechnical University", "Queen Mary University of London"}) in found


def test_a_delegation_sent_to_a_fair_takes_part(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("The Guangdong Provincial Overseas Chinese Affairs Office sent a recruiting delegation to the "
                      "Toronto Innovation and Talent Fair in 2018.")
    assert ("Guangdong Provincial Overseas Chinese Affairs Office", "Toronto Innovation and Talent Fair") in \
        rels(ex, "participation")


def test_people_sent_are_no_export(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("The PLA Eastern Theater Command sent observers to the Yangtze River Delta Unmanned Systems "
                      "Challenge.")
    assert not rels(ex, "export")
    ex = extract_text("Huawei sent 300 routers to Iran.")
    assert ("Huawei", "Iran") in rels(ex, "export")
