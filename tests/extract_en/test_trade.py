"""Exports told as a noun, transshipments, procurement agents, penalties paid and money from a funder
(``extract/en/trade.py``, ``money.py``, lexicon,
modality), on passages of the training corpus (corpus/train/en.jsonl; corpus/extra/en.jsonl where named), the
document named in each test; relations made by the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .test_references import passage, rels

EXTRA = Path(__file__).resolve().parents[2] / "corpus" / "extra" / "en.jsonl"


def extra_passage(doc_id: str, start: str, end: str) -> str:
    """The text of a training-only document (corpus/extra) from ``start`` to the end of ``end``."""
    for line in EXTRA.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["id"] == doc_id:
            text: str = doc["text"]
            i = text.index(start)
            return text[i: text.index(end, i) + len(end)]
    raise KeyError(doc_id)

pytestmark = pytest.mark.slow


def test_causing_the_export_of_and_transshipped(extract_text) -> None:  # en-w-1065
    ex = extract_text(passage("en-w-1065", "2. Linda Yao", "to Mianyang."))
    assert {("Linda Yao", "China Academy of Engineering Physics"), ("Sunrise Components HK", "Mianyang")} <= rels(
        ex, "export")


def test_the_shipment_of_goods_from_x_to_y(extract_text) -> None:  # en-w-0022
    ex = extract_text(passage("en-w-0022", "Meridian also arranged", "Industry Corporation."))
    assert ("Vision Dynamics Inc.", "Beijing Aerospace Changfeng") in rels(ex, "export")


def test_the_delivery_of_drones_by_x_to_y(extract_text) -> None:  # en-w-1179
    ex = extract_text(passage("en-w-1179", "The deal follows", "in 2022."))
    assert rels(ex, "export") == {("CATIC", "UAE Air Force")}


def test_the_sale_from_a_lessor_to_a_buyer(extract_text) -> None:  # en-w-1110
    ex = extract_text(passage("en-w-1110", "In 2016 it brokered", "Aviation Leasing."))
    assert ("Iberleasing", "Chengdu Skyline Aviation Leasing") in rels(ex, "export")


def test_acted_as_a_middleman_for(extract_text) -> None:  # en-w-1091
    ex = extract_text(passage("en-w-1091", "According to the plea", "Navigation Technology."))
    assert ("Laurentide Sourcing Inc.", "Beijing Zhongtian Navigation Technology") in rels(ex, "facilitation")


def test_agreed_to_pay_a_penalty_for_shipments_to(extract_text) -> None:  # corpus/extra en-x-0132
    ex = extract_text(extra_passage("en-x-0132", "WASHINGTON — Caldwell", "between 2016 and 2019"))
    assert {("Caldwell Instruments Inc.", "Harbin Engineering University"),
            ("Caldwell Instruments Inc.", "Beijing Huanyu Yida Electronics")} <= rels(ex, "export")


def test_money_from_a_funder(extract_text) -> None:  # corpus/extra en-x-0137
    ex = extract_text(extra_passage("en-x-0137", "The Centre for Advanced", "wind-tunnel upgrade."))
    assert {("Huawei Technologies Canada", "Centre for Advanced Photonics"), ("Mitacs", "Centre for Advanced Photonics"),
            ("Zhongshan Haifeng Electric", "Institute for Water Systems")} <= rels(ex, "funding")
