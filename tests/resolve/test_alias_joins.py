"""Entries of two lists joined through an alias that is the other entry's name (knowledge.alias_joins): a
Chinese name that one list publishes reaches the other list's entry, and the hit says why."""

from __future__ import annotations

from functools import lru_cache

from mcfwatch.lists import load_lists
from mcfwatch.lists.model import ListEntry
from mcfwatch.resolve import screen
from mcfwatch.resolve.knowledge import alias_joins
from mcfwatch.resolve.screen_parts import entry_part


def _joins(entries: list[ListEntry]) -> list[tuple[str, str, str]]:
    parts = [entry_part(e) for e in entries]
    return alias_joins(entries, [p.unit(e) for p, e in zip(parts, entries, strict=True)], [p.primary_keys for p in parts])


@lru_cache(maxsize=1)
def _shipped() -> list[tuple[str, str, str]]:
    return _joins([e for wl in load_lists() for e in wl.entries])


def test_a_misspelt_1286_entry_reaches_its_chinese_name_through_aspi() -> None:
    """1286 prints "Hangzhao Dianzi University" and gives "Hangzhou Dianzi University" as its alias; ASPI's
    entry of that name carries 杭州电子科技大学."""
    hits = {h.entry_id: h for h in screen("杭州电子科技大学").hits}
    assert "us-dod-1286:hangzhao-dianzi-university" in hits, sorted(hits)
    detail = hits["us-dod-1286:hangzhao-dianzi-university"].features["known_same"]["detail"]
    assert "aspi-unitracker" in detail and "us-dod-1286 gives 'Hangzhou Dianzi University'" in detail


def test_subsidiaries_carrying_their_groups_name_are_not_joined() -> None:
    joined = {x for a, b, _ in _shipped() for x in (a, b)}
    assert "us-dod-1260h:huawei-investment-holding-co-ltd" not in joined
    assert "us-bis-entity-list:beijing-computational-science-research-center" not in joined  # a CAEP unit
    assert ("us-dod-1286:hangzhao-dianzi-university", "aspi-unitracker:hangzhou-dianzi-university") in {
        (a, b) for a, b, _ in _shipped()}


def test_join_needs_a_spelling_one_type_and_one_country() -> None:
    group = ListEntry("x:group", "x", "Huawei Technologies Co., Ltd.", schema="Company", country="cn")
    holding = ListEntry("y:holding", "y", "Huawei Investment & Holding Co., Ltd.", schema="Company", country="cn",
                        aliases=["Huawei Technologies Co., Ltd."])
    assert _joins([group, holding]) == []  # its own name is not a spelling of the alias: a parent's name
    uni = ListEntry("x:hdu", "x", "Hangzhou Dianzi University", schema="University", country="cn")
    typo = ListEntry("y:hdu", "y", "Hangzhao Dianzi University", schema="University", country="cn",
                     aliases=["Hangzhou Dianzi University"])
    assert [(a, b) for a, b, _ in _joins([uni, typo])] == [("y:hdu", "x:hdu")]
    abroad = ListEntry("y:hdu", "y", "Hangzhao Dianzi University", schema="University", country="ir",
                       aliases=["Hangzhou Dianzi University"])
    assert _joins([uni, abroad]) == []
    person = ListEntry("y:p", "y", "Hangzhao Dianzi University", schema="Person", aliases=["Hangzhou Dianzi University"])
    assert _joins([uni, person]) == []
    shared = ListEntry("z:hdu", "z", "Hangzhau Dianzi University", schema="University", country="cn",
                       aliases=["Hangzhou Dianzi University"])
    assert _joins([uni, typo, shared]) == []  # an alias two entries give designates neither


def test_entity_list_dji_joins_the_1260h_and_ns_cmic_entries_it_names() -> None:
    """The Entity List's "DJI" gives "Shenzhen DJI Innovation Technology Co., Ltd." (1260H's name) and "SZ DJI
    Technology Co., Ltd." (NS-CMIC's): 大疆 reaches all three, no longer 1260H's through the bare acronym."""
    hits = {h.entry_id: h for h in screen("大疆").hits}
    hit = hits["us-dod-1260h:shenzhen-dji-innovation-technology-co-ltd"]
    assert hit.score >= 0.85
    assert "us-bis-entity-list gives 'Shenzhen DJI Innovation Technology Co., Ltd.' as a name of DJI" in (
        hit.features["known_same"]["detail"])


def test_an_alias_never_joins_two_entries_of_one_list() -> None:
    """1260H publishes "Hesai Group" (alias "Hesai Technology Co") and "Hesai Technology Co., Ltd." as two
    entries: they stay two organisations; across lists the same alias joins."""
    from mcfwatch.resolve.knowledge import Knowledge, entry_unit

    group = ListEntry("us-dod-1260h:hesai-group", "us-dod-1260h", "Hesai Group", schema="Company", country="cn",
                      aliases=["Hesai Technology Co"])
    tech = ListEntry("us-dod-1260h:hesai-technology", "us-dod-1260h", "Hesai Technology Co., Ltd.", schema="Company",
                     country="cn")
    joins = _joins([group, tech])
    assert joins  # the alias is the other entry's name ...
    k = Knowledge().build_keyed([entry_unit(group), entry_unit(tech)], joins)
    assert k.cluster_of(group.id) != k.cluster_of(tech.id)  # ... but one list keeps its two entries apart
    other = ListEntry("us-bis-entity-list:hesai-technology", "us-bis-entity-list", "Hesai Technology Co., Ltd.",
                      schema="Company", country="cn")
    k = Knowledge().build_keyed([entry_unit(group), entry_unit(other)], _joins([group, other]))
    assert k.cluster_of(group.id) == k.cluster_of(other.id) and k.joined(group.id)


def test_a_missing_country_needs_a_second_signal() -> None:
    """Review s25: a join used to pass on spelling alone when either entry left its country out. Real entries
    of the shipped lists, with one country removed: the Entity List's "Shahid Bakeri Industrial Group" gives
    Japan's "Shahid Bagheri Industries Group" (ratio < 95); its DJI gives 1260H's Shenzhen DJI name."""
    from dataclasses import replace

    shipped = {e.id: e for wl in load_lists() for e in wl.entries}
    bakeri = shipped["us-bis-entity-list:shahid-bakeri-industrial-group"]
    bagheri = shipped["jp-meti-eul:shahid-bagheri-industrial-group-sbig"]
    dji = shipped["us-bis-entity-list:dji"]
    dji_1260h = shipped["us-dod-1260h:shenzhen-dji-innovation-technology-co-ltd"]
    assert (bakeri.id, bagheri.id) in {(a, b) for a, b, _ in _joins([bakeri, bagheri])}  # both publish Iran
    assert _joins([bakeri, replace(bagheri, country=None, aliases=[])]) == []  # Japan's entry: no country, no name back
    # Japan's own aliases give the Entity List's spelling back: a second signal, the join stands
    assert (bakeri.id, bagheri.id) in {(a, b) for a, b, _ in _joins([bakeri, replace(bagheri, country=None)])}
    assert [(a, b) for a, b, _ in _joins([dji, dji_1260h])] == [(dji.id, dji_1260h.id)]
    assert _joins([replace(dji, country=None), replace(dji_1260h, aliases=[])]) == []
    # a second signal: the other entry names this one back (1260H gives "DJI"), or a spelling all but letter for letter
    assert "DJI" in dji_1260h.aliases
    assert [(a, b) for a, b, _ in _joins([replace(dji, country=None), dji_1260h])] == [(dji.id, dji_1260h.id)]
    uni = ListEntry("x:hdu", "x", "Hangzhou Dianzi University", schema="University")
    typo = ListEntry("y:hdu", "y", "Hangzhao Dianzi University", schema="University", country="cn",
                     aliases=["Hangzhou Dianzi University"])
    assert [(a, b) for a, b, _ in _joins([uni, typo])] == [("y:hdu", "x:hdu")]


def test_the_shipped_joins_all_rest_on_two_published_countries() -> None:
    """The 47 alias joins of the shipped lists (41 across lists once two entries of one list stay two) are the
    same under the stricter rule: every one joins two entries that both publish their (one) country."""
    shipped = {e.id: e for wl in load_lists() for e in wl.entries}
    assert len(_shipped()) == 47
    assert all(shipped[a].country and shipped[a].country == shipped[b].country for a, b, _ in _shipped())
