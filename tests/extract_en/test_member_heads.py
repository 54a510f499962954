"""One list of the head words of a body of members (extract/en/extents.MEMBER_HEADS), read by the name extents
and by the membership rule (nouns.membership_body, docs/annotation.md 4.8)."""

from __future__ import annotations

from mcfwatch.extract.en.extents import member_head
from mcfwatch.extract.en.nouns import membership_body


def test_a_body_of_members_by_its_head_word() -> None:
    # names of corpus/train documents and of ordinary news
    assert all(membership_body(n) for n in ("China Council for the Promotion of International Trade",
                                            "China-Britain Business Council", "Council on Foreign Relations",
                                            "Compound Semiconductor Manufacturing Consortium", "Riverton Rotary Club",
                                            "Irish-China Business Network", "Chinese Society of Astronautics"))
    # a polity and a seat are no body one is a member of (review s25 en-extract 7), nor is a name that only holds a
    # member word before its head
    assert not any(membership_body(n) for n in ("European Union", "Standing Committee of the National People's "
                                                "Congress", "Huawei Innovation Network Centre",
                                                "Federation University Australia"))



def test_the_head_word_past_a_short_form_or_a_legal_form() -> None:
    # review s26 en-extract 5: a name with its short form or seat in brackets, or a legal form after it, has the head
    # word before them ("Silicon Valley Chinese Engineers Association (SCEA)", "US-China Business Council, Inc.")
    assert member_head("Silicon Valley Chinese Engineers Association (SCEA)") == "association"
    assert member_head("Jiangsu Overseas Talent Workstation (Boston)") == "workstation"
    assert all(membership_body(n) for n in ("Silicon Valley Chinese Engineers Association (SCEA)",
                                            "US-China Business Council, Inc.", "Zhongguancun Alliance (ZGC)",
                                            "China Association for Science and Technology (CAST)",
                                            "Chinese Students and Scholars Association (CSSA)"))
    assert not any(membership_body(n) for n in ("European Union (EU)", "Huawei Technologies Co., Ltd.",
                                                "Federation University Australia (FedUni)"))
