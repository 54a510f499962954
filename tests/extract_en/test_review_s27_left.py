"""Leftovers of the session-27 review of the English extraction (/work/notes/review/s27/en-extract.md items 8 and
12), each on a phrasing of a filing or of newswire."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from mcfwatch.extract.relmodel import crosssent
from mcfwatch.extract.relmodel.candidates import Mention

from .test_references import rels


def test_a_definition_reads_back_only_as_far_as_a_name_reaches() -> None:
    # item 8: each "(the "Company")" scanned back over every earlier mention for an agent; a long filing with
    # thousands of parentheses and place names took O(parentheses x mentions)
    n = 8000
    text = "".join(f"Ningbo {i:05d} ({'the'} \"Buyer\") " for i in range(n))
    step = len(text) // n
    mentions = [Mention(i * step, i * step + 12, f"p{i}", "Place") for i in range(n)]
    parties = SimpleNamespace(ordered=mentions, starts=[m.start for m in mentions])
    began = time.process_time()
    assert crosssent._Parties._defined(parties, text) == {}  # type: ignore[arg-type]
    assert time.process_time() - began < 0.5
    # a name right before its definition is still found
    text = 'Sierra Optronics, Inc. (the "Company") sold lasers.'
    sierra = Mention(0, 16, "sierra", "Company")
    parties = SimpleNamespace(ordered=[sierra], starts=[0])
    assert crosssent._Parties._defined(parties, text) == {"Company": sierra}  # type: ignore[arg-type]


@pytest.mark.slow
def test_relief_told_before_a_pairing_leaves_the_sister_city(extract_text) -> None:  # type: ignore[no-untyped-def]
    # item 12: "relief" or "aid" a sentence before "paired" speaks of something else; counterpart aid still blocks
    ex = extract_text("Cork sent disaster relief to Haiti after the 2010 earthquake. Cork County has been paired with "
                      "Shanghai since 2005.")
    assert any({s, t} == {"Cork County", "Shanghai"} for s, t in rels(ex, "agreement"))
    ex = extract_text("Shanghai has provided counterpart assistance to Kashgar since 2010. In 2012 Shanghai was "
                      "paired with Kashgar.")
    assert not rels(ex, "agreement")
