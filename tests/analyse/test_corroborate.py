"""One relation told by two documents (the English seed and its Chinese rendering): each edge carries the
other's quote, so an exposure path shows the Chinese sentence beside the English one."""

from __future__ import annotations

from importlib import resources

from mcfwatch.analyse.exposure import Analyst
from mcfwatch.graph.build import corroborate
from mcfwatch.graph.model import Edge, Evidence
from mcfwatch.store import Store

EN = resources.files("mcfwatch.data").joinpath("samples/000_2742a0ed2317a793.txt").read_text("utf-8")
ZH = resources.files("mcfwatch.data").joinpath("samples/zh/seed_zh.txt").read_text("utf-8")


def _evidence(doc: str, text: str, needle: str) -> Evidence:
    start = text.index(needle)
    return Evidence(doc, start, start + len(needle), needle)


def test_the_chinese_report_of_the_brunel_joint_lab_stands_beside_the_english_one() -> None:
    en = _evidence("en", EN, "a joint development laboratory project with Brunel University")
    zh = _evidence("zh", ZH, "立中集团还与英国布鲁内尔大学签订了联合实验室项目协议")
    other = _evidence("en", EN, "strategic investment agreement with HT&L Fitting")
    edges = [
        Edge("r1", "lizhong", "brunel", "agreement", en, subtype="joint_lab", directed=False),
        Edge("r2", "brunel", "lizhong", "agreement", zh, subtype="joint_lab", directed=False),
        Edge("r3", "lizhong", "htl", "agreement", other, subtype="investment", directed=False),
    ]
    out = {e.id: e for e in corroborate(edges)}
    assert out["r1"].also == (zh,) and out["r2"].also == (en,)
    assert out["r3"].also == ()  # another relation: no borrowed evidence
    assert ZH[zh.start : zh.end] == zh.text and EN[en.start : en.end] == en.text


def test_a_partner_named_in_chinese_finds_its_english_node(hand_store: Store) -> None:
    analyst = Analyst(hand_store, lists=[])
    assert analyst.find("布鲁内尔大学").name == "Brunel University"  # type: ignore[union-attr]
    assert analyst.find("英国MQP公司").name == "UK MQP Limited"  # type: ignore[union-attr]
    assert analyst.find("墨尔本大学") is None  # another university is not found by its kind alone
