"""Chinese names a list gives in its own data for another body (ASPI's subsidiaries and defence laboratories:
"Beijing Computational Science Research Center (北京计算科学研究中心)") reach the entries other lists publish
under that English name (knowledge.named_units), and no longer make the parent answer to them."""

from __future__ import annotations

from mcfwatch.lists import load_lists
from mcfwatch.lists.model import ListEntry
from mcfwatch.resolve import screen
from mcfwatch.resolve.knowledge import named_units
from mcfwatch.resolve.screen_parts import entry_part

BCSRC = "us-bis-entity-list:beijing-computational-science-research-center"
CAEP = "aspi-unitracker:chinese-academy-of-engineering-physics"


def test_a_research_centres_chinese_name_reaches_the_centre_not_its_academy() -> None:
    hits = {h.entry_id: h for h in screen("北京计算科学研究中心").hits}
    assert BCSRC in hits and "us-dod-1286:beijing-computational-science-research-center" in hits
    assert CAEP not in hits  # ASPI names it a subsidiary of CAEP: CAEP is not the centre
    assert CAEP not in {h.entry_id for h in screen("Beijing Computational Science Research Center").hits}


def test_the_hit_says_which_list_gave_the_chinese_name() -> None:
    hit = next(h for h in screen("国家超级计算长沙中心").hits
               if h.entry_id == "us-bis-entity-list:national-supercomputing-center-changsha-nscc-cs")
    assert hit.score == 1.0
    assert "aspi-unitracker (Hunan University" in hit.features["known_same"]["detail"]


def test_aspi_keeps_sub_units_out_of_the_institutions_own_names() -> None:
    caep = next(e for wl in load_lists() if wl.id == "aspi-unitracker" for e in wl.entries if e.id == CAEP)
    assert "中国工程物理研究院" in caep.names_zh and "北京计算科学研究中心" not in caep.names_zh
    assert "Beijing Computational Science Research Center" not in caep.aliases
    assert any("北京计算科学研究中心" in s for s in caep.properties["subsidiaries"])  # still there, as a unit


def test_only_bodies_with_their_own_name_are_lent() -> None:
    """A company's name loses its legal form in matching ("Xi'an Jiaotong University Holding Co., Ltd." would
    read as the university): it is never lent; nor is a name no Chinese list entry carries."""
    uni = ListEntry("x:xjtu", "x", "Xi'an Jiaotong University", schema="University", country="cn",
                    properties={"subsidiaries": ["Xi'an Jiaotong University Holding Co., Ltd. (西安交通大学资产经营有限公司)",
                                                 "Unlisted Research Centre (未列研究中心)"]})
    entries = [uni]
    parts = [entry_part(e) for e in entries]
    units, joins = named_units(entries, [p.unit(e) for p, e in zip(parts, entries, strict=True)])
    assert units == [] and joins == []
