"""A clause that opens with a coverb (（一）向X资助300万元, 其中向X投资3亿元, 为X提供贷款) has dropped its subject: X is the
coverb's object, never the sentence's subject, so the giver is the one the text is about (zh/sentence.py); and the
body glued right after a receiver is the unit that receives (向北京航空航天大学宇航学院资助: the college, as
docs/annotation.md 4.13 and the gold of corpus/train name it; zh/giving.py). Each assertion failed on main b3b6c4a."""

from __future__ import annotations

from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh.items import Item
from mcfwatch.extract.zh.sentence import Sentence
from tests.extract_zh.conftest import relation_pairs


def _doc(corpus: list[TrainDoc], doc_id: str) -> TrainDoc:
    return next(d for d in corpus if d.id == doc_id)


def test_a_foundations_grant_list_funds_the_listed_units(zh_rules: ChineseExtractor, corpus: list[TrainDoc]) -> None:
    # 华夏航天科技发展基金会2023年度共资助项目16项…（一）向北京航空航天大学宇航学院…项目资助300万元；（二）向哈尔滨工业大学
    # 空间环境与物质科学研究院资助250万元
    d = _doc(corpus, "zh-w-0114")
    found = relation_pairs(zh_rules, d.text, "funding", d.published or "2023-03-30")
    assert ("华夏航天科技发展基金会", "宇航学院") in found
    assert ("华夏航天科技发展基金会", "空间环境与物质科学研究院") in found


def test_an_export_list_item_keeps_the_exporter(zh_rules: ChineseExtractor, corpus: list[TrainDoc]) -> None:
    # …中原电力装备集团股份有限公司…。向菲律宾、越南出口配电设备合计2.3亿元。 (the buyer named before is no exporter)
    d = _doc(corpus, "zh-w-0191")
    found = relation_pairs(zh_rules, d.text, "export", d.published or "2023-03-30")
    assert ("中原电力装备集团股份有限公司", "越南") in found
    assert ("国家输电调度公司", "越南") not in found


def _items(text: str, *names: tuple[str, str]) -> list[Item]:
    return sorted((Item(text.index(n), text.index(n) + len(n), n, t, n) for n, t in names), key=lambda it: it.start)


def test_the_subject_is_no_coverbs_object() -> None:
    topic = Item(0, 0, "基金会", "Organization", "基金会")
    text = "（二）向哈尔滨工业大学空间环境与物质科学研究院资助250万元。"
    items = _items(text, ("哈尔滨工业大学", "University"), ("空间环境与物质科学研究院", "University"))
    assert Sentence(text, 0, len(text), items, topic).subject is topic
    text = "其中，向卫星互联网企业星链空间科技有限公司投资3亿元。"
    items = _items(text, ("星链空间科技有限公司", "Company"))
    assert Sentence(text, 0, len(text), items, topic).subject is topic
    # 对接会 is a word, not the coverb 对; 由X主办: X acts
    text = "对接会由江海省商务厅主办。"
    items = _items(text, ("江海省商务厅", "PublicBody"))
    assert Sentence(text, 0, len(text), items, topic).subject == items[0]
