"""Chinese names the rules now find whole, split or trimmed as docs/annotation.md says."""

from __future__ import annotations

from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.model import Document


def _types(ext: ChineseExtractor, text: str) -> dict[str, str]:
    ex = next(ext.extract_many([Document(text=text, language="zh")]))
    ex.check()
    return {e.name: e.type for e in ex.entities}


def test_event_names_with_a_bracketed_place_or_a_dash(zh_extractor: ChineseExtractor) -> None:
    got = _types(zh_extractor, "该公司参加了中国（廊坊）国际经济贸易洽谈会和中国（湖北）—中东欧经贸合作对接会。")
    assert got.get("中国（廊坊）国际经济贸易洽谈会") == "Event"
    assert got.get("中国（湖北）—中东欧经贸合作对接会") == "Event"


def test_edition_and_former_are_not_part_of_a_name(zh_extractor: ChineseExtractor) -> None:
    got = _types(zh_extractor, "他曾任职于原美国普渡大学，并出席了第三届西安军民融合产业博览会。")
    assert got.get("西安军民融合产业博览会") == "Event"
    assert "普渡大学" in got and not [n for n in got if n.startswith("原")]


def test_services_and_offices(zh_extractor: ChineseExtractor) -> None:
    got = _types(zh_extractor, "该所为空军和火箭军研制装备，廊坊市外事办公室予以协助。")
    assert got.get("空军") == "MilitaryUnit" and got.get("火箭军") == "MilitaryUnit"
    assert got.get("廊坊市外事办公室") == "PublicBody"
