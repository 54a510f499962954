"""The sieve's last look at a document's relations (``zh.sieve.keep``), read on hand-placed items so that the order of
the items, which the tagger and the anaphors decide, is fixed by the test (review zh-extract s25 item 10)."""

from __future__ import annotations

from dataclasses import dataclass

from mcfwatch.extract.zh import sieve
from mcfwatch.extract.zh.items import Item


@dataclass
class _F:
    type: str
    source: str
    target: str
    confidence: float = 0.6
    method: str = "zh-rules"


TEXT = "在南通市的牵线下，南通远航船舶配件有限公司与英国北海船舶设备公司签订了供货合同。南通市与该公司有长期合作。"


def _keep(items: list[Item], helper: str) -> bool:
    end = TEXT.index("。") + 1
    found = [(_F("facilitation", helper, "c1"), 0)]
    return sieve.keep(TEXT, items, found, lambda s: (0, end))[0]


def _firms() -> list[Item]:
    a = TEXT.index("南通远航")
    b = TEXT.index("英国北海")
    return [Item(a, a + len("南通远航船舶配件有限公司"), "c1", "Company", "南通远航船舶配件有限公司"),
            Item(b + 2, b + len("英国北海船舶设备公司"), "c2", "Company", "北海船舶设备公司")]


def test_a_place_helper_is_dropped() -> None:
    place = [Item(1, 4, "p1", "Place", "南通市")]
    assert _keep(place + _firms(), "p1") is False


def test_an_entity_with_a_body_item_is_no_place_whichever_item_comes_last() -> None:
    """A city and its government canonicalised to one entity: one item typed as a body is enough to keep its help,
    whether the place item comes before or after it (the map from entity to type kept the last item's)."""
    second = TEXT.index("南通市", 5)
    body = Item(1, 4, "p1", "PublicBody", "南通市")
    place = Item(second, second + 3, "p1", "Place", "南通市")
    assert _keep([body, *_firms(), place], "p1") is True
    assert _keep([place, *_firms(), body], "p1") is True
