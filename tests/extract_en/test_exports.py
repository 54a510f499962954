"""Export told by a verb, from either side (``extract/en/exports.py``, ``flows.py``, ``verbs.py``;
docs/annotation.md 4.11): the receiver hung on the goods, the exporter of a conviction or a plea, the receiver
named by a relative "to which", goods received, taken delivery of or bought as a participle; and what is not an
export (people sent, standing supply of a military body: an mcf_link). Passages of corpus/train (corpus/extra where
named); relations made by the rules."""

from __future__ import annotations

import pytest

from .test_references import passage, rels
from .test_trade import extra_passage

pytestmark = pytest.mark.slow


def test_the_receiver_hung_on_the_goods(extract_text) -> None:  # en-w-1001
    ex = extract_text(passage("en-w-1001", "According to court documents", "June 2021"))
    assert ("Raymond Keel", "Wuhan Huaxing Optoelectronics Co., Ltd.") in rels(ex, "export")


def test_convicted_of_exporting(extract_text) -> None:  # en-w-1065
    ex = extract_text(passage("en-w-1065", "A jury convicted Victor Ruan", "Harbin Engineering University."))
    assert rels(ex, "export") == {("Victor Ruan", "Harbin Engineering University")}


def test_to_which_it_ships(extract_text) -> None:  # en-w-1137
    ex = extract_text(passage("en-w-1137", "MADRID", "wing ribs, the companies said on Monday.") + "\n\n" +
                      passage("en-w-1137", "MAE supplies Airbus", "C919 wing parts."))
    assert any(t == "Commercial Aircraft Corporation of China" and "Mecanizados" in s for s, t in rels(ex, "export"))


def test_to_which_is_the_clause_head_not_the_last_subject(extract_text) -> None:  # en-w-1091
    ex = extract_text(passage("en-w-1091", "Zhongtian's sales director", "sensors in 2019."))
    found = rels(ex, "export")
    assert ("Leclerc", "Tianjin Haiyun Instruments") in found or ("Martin Leclerc", "Tianjin Haiyun Instruments") in found
    assert not any(t == "Bai Rui" for _s, t in found)


def test_goods_received_from(extract_text) -> None:  # en-w-1025
    ex = extract_text(passage("en-w-1025", "Bangladesh received two", "from China in 2016."))
    assert ("China", "Bangladesh") in rels(ex, "export")


def test_took_delivery_of_and_bought_from(extract_text) -> None:  # corpus/extra en-x-0143
    ex = extract_text(extra_passage("en-x-0143", "Serbia took delivery", "bought from AVIC,"))
    assert {("CASC", "Serbia"), ("AVIC", "Royal Saudi Air Force")} <= rels(ex, "export")


def test_goods_worth_money_are_goods(extract_text) -> None:  # en-w-0049
    ex = extract_text(passage("en-w-0049", "Kentucky companies exported", "Corporation of China."))
    assert {("Kentucky", "China"), ("Commonwealth Aerospace", "Commercial Aircraft Corporation of China")} <= rels(
        ex, "export")


def test_people_sent_are_not_goods(extract_text) -> None:  # en-w-1225
    ex = extract_text(passage("en-w-1225", "CIOMP paid NOK 4 million", "researchers to Bergen."))
    assert not rels(ex, "export")


def test_standing_supply_of_a_military_body_is_an_mcf_link(extract_text) -> None:  # en-w-1037
    ex = extract_text(passage("en-w-1037", "Guangjian states on its website", "to the PLA Army."))
    assert not rels(ex, "export")
