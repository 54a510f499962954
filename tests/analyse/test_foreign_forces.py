"""A tie to a foreign armed force is no military-civil fusion finding; a tie to the PLA is.

Found by a new user's try (session 27): a report on the covert takeover of Alpi Aviation said "the Italian Army used"
its drone, and Alpi was rated very high as tied to military-civil fusion through the Italian Army.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mcfwatch.analyse import Analyst
from mcfwatch.graph.forces import foreign_force
from mcfwatch.workspace import Workspace

ALPI = (
    "Alpi Aviation produces the Strix, a small unmanned aircraft that the Italian Army used in Afghanistan. "
    "The company also builds light aircraft.\n"
)
PLA = (
    "Hongda Electronics produces a small unmanned aircraft that the PLA Rocket Force used in exercises. "
    "The company also builds light aircraft.\n"
)


@pytest.mark.parametrize("name", ["Italian Army", "U.S. Army Research Laboratory", "Royal Navy", "Bundeswehr",
                                  "Japan Ground Self-Defense Force", "美国陆军", "美海军", "Indian Army", "Israel Defense Forces",
                                  "Army of the Republic of Korea", "Republic of China Army", "中华民国国军", "台军"])
def test_a_name_that_names_another_country_is_a_foreign_force(name: str) -> None:
    assert foreign_force(name)


@pytest.mark.parametrize("name", ["PLA Rocket Force", "Rocket Force", "Equipment Development Department",
                                  "中国人民解放军", "Central Military Commission", "PLA Hong Kong Garrison",
                                  "National University of Defense Technology", "中央军委装备发展部",
                                  "美兰区人武部", "Inner Mongolia Military District", "内蒙古军区",
                                  "People's Republic of China Navy", "中国军队"])
def test_china_s_bodies_and_bodies_without_a_country_stay_china_s(name: str) -> None:
    assert not foreign_force(name)


def _rating(tmp_path: Path, extractor: object, text: str, name: str) -> dict[str, object]:
    doc = tmp_path / "report.txt"
    doc.write_text(text, encoding="utf-8")
    ws = Workspace(tmp_path / "s.db", extractor=extractor)  # type: ignore[arg-type]
    assert ws.ingest([doc]).ok
    store = ws.store
    r = Analyst(store, lists=[]).exposure(name)
    ws.close()
    return r  # type: ignore[no-any-return]


def test_a_western_army_customer_is_no_mcf_finding(tmp_path: Path, extractor: object) -> None:
    r = _rating(tmp_path, extractor, ALPI, "Alpi Aviation")
    rules = {f["id"] for f in r["rating"]["rules"]}  # type: ignore[index]
    assert "mcf_link" not in rules and r["rating"]["level"] not in {"high", "very high"}, r["rating"]  # type: ignore[index]


def test_the_pla_as_customer_stays_a_finding(tmp_path: Path, extractor: object) -> None:
    r = _rating(tmp_path, extractor, PLA, "Hongda Electronics")
    rules = {f["id"] for f in r["rating"]["rules"]}  # type: ignore[index]
    assert "mcf_link" in rules and r["rating"]["level"] in {"high", "very high"}, r["rating"]  # type: ignore[index]
