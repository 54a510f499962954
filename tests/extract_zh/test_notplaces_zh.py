"""Place words that name no place (zh/notplaces.py): law titles, adjectives, 多国. Text from corpus/train
(zh-p-law-022, zh-p-rep-002), where the gold marks none of these; a place named as one stays."""

from __future__ import annotations

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh.notplaces import names_no_place


def _places(ex: ChineseExtractor, text: str) -> list[str]:
    return [m.surface for m in ex.mentions([text])[0] if m.type == "Place"]


def test_law_titles_adjectives_and_counts(zh_extractor: ChineseExtractor) -> None:
    assert _places(zh_extractor, "中华人民共和国军品出口管理条例\n\n第一章 总则") == []
    assert "中华人民共和国" not in _places(zh_extractor, "根据《中华人民共和国出口管制法》，制定本条例。")
    found = _places(zh_extractor, "一年来，中国特色大国外交全面推进。习近平主席等党和国家领导人出访多国。")
    assert "中国" not in found and "多国" not in found


def test_places_named_as_places_stay(zh_extractor: ChineseExtractor) -> None:
    # zh-p-rep-002 again: 中国为促进世界和平 (the gold marks 中国 there).
    assert "中国" in _places(zh_extractor, "中国为促进世界和平与发展作出了新的贡献。")
    text = "威海市与德国城市签署协议，中美双方同意加强合作。"
    assert not names_no_place(text, 0, 3)
    assert names_no_place(text, text.index("中美"), text.index("中美") + 2)
    text = "不少发展中国家用户采购该型机。罗罗公司中国区总裁出席。"  # zh-w-0103, zh-w-0034
    assert names_no_place(text, text.index("中国"), text.index("中国") + 2)
    assert names_no_place(text, text.index("中国区"), text.index("中国区") + 3)
    text = "国家主席习近平26日下午在人民大会堂会见美国国务卿。"  # zh-w-0071: a building, no place
    assert names_no_place(text, text.index("人民大会堂"), text.index("人民大会堂") + 5)
