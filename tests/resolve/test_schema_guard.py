"""A Chinese firm is never shown as listed because a listed individual shares a word of its name.

The case found by hand (session 23): 汉斯精密机械公司, short form 汉斯 ("Hans"), was linked to the Entity List's
individual "Hans Maria De Geetere" through the CC-CEDICT label 汉斯 = Hans. Three faults, three guards: the
Entity List's individuals are typed Person (lists/persons.py), a company is never linked to a person (FtM's
schema compatibility, resolve/schemas.py), and a personal name never labels a longer name (bilingual.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from mcfwatch.api.app import create_app
from mcfwatch.model import Document, Entity, Extraction, Relation, Span
from mcfwatch.resolve.knowledge import Knowledge, Vocabulary
from mcfwatch.resolve.link import link_extraction, listings_for
from mcfwatch.resolve.matcher import Matcher
from mcfwatch.resolve.schemas import can_match, ftm_family
from mcfwatch.resolve.screen import Screener, default_screener
from mcfwatch.store import Store, entity_id_for

FIRM, SHORT = "汉斯精密机械公司", "汉斯"
HANS = "us-bis-entity-list:hans-maria-de-geetere"
TYPES = ("Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Person")


@pytest.fixture(scope="module")
def screener() -> Screener:
    return default_screener()


@pytest.fixture(scope="module")
def names_only() -> Matcher:
    return Matcher(Knowledge.from_sources([], table=True), Vocabulary.from_names([]))


def test_the_guard_is_followthemoneys_schema_compatibility() -> None:
    model = pytest.importorskip("followthemoney").model
    ftm = {"Company": "Company", "Organization": "Organization", "PublicBody": "PublicBody",
           "University": "Organization", "MilitaryUnit": "PublicBody", "Person": "Person"}  # model/schema.yaml
    for a in TYPES:
        for b in TYPES:
            # our organisation subtypes are guesses from names: FtM is asked about their common parent
            fa, fb = (s if s == "Person" else "Organization" for s in (ftm[a], ftm[b]))
            assert can_match(a, b) == model.get(fa).can_match(model.get(fb)), (a, b)
        assert can_match(None, a) and can_match("LegalEntity", a)  # an untyped party may be either
    assert not model.get("Company").can_match(model.get("Person"))
    assert not model.get("Person").can_match(model.get("PublicBody"))
    assert ftm_family("University") == "Organization" and ftm_family("Technology") == "LegalEntity"


def test_the_firm_is_not_linked_to_the_listed_individual(screener: Screener) -> None:
    wl, entry = screener.entry(HANS) or (None, None)
    assert entry is not None and entry.schema == "Person"
    for etype in ("Company", "Organization"):
        hits = listings_for([FIRM, SHORT, "Hansi"], etype, screener, 0.7)
        assert HANS not in {h.entry_id for h in hits}, etype
    # not even untyped: the short form alone no longer reaches the screening threshold
    assert HANS not in {h.entry_id for h in screener.screen(SHORT).hits}
    assert not screener.screen(FIRM).hits
    # the person himself is still found, by his names, as a person
    assert HANS in {h.entry_id for h in listings_for(["Hans De Geetere"], "Person", screener, 0.85)}
    # the Entity List publishes no type: "Person" is read off the name's shape, so it never hides a match
    assert entry.properties.get("schema_guessed")
    assert HANS in {h.entry_id for h in listings_for(["Hans De Geetere"], "Company", screener, 0.85)}


def test_a_guessed_type_never_hides_a_listed_body(screener: Screener) -> None:
    # State's nonproliferation list publishes no type and the name's shape reads as a person's: the militia is
    # still found when an extraction types it as an organisation (review of session 24)
    hits = listings_for(["Kata'ib Hezbollah"], "Organization", screener, 0.85)
    assert any(h.list_id == "us-state-nonproliferation" and h.score >= 0.99 for h in hits)


def test_a_published_type_rules_a_match_out(screener: Screener) -> None:
    # the EU and China's countersanctions lists publish their types: a company is never linked to their persons
    people = [(wl, e) for wl, e in screener.entries
              if e.schema == "Person" and not e.properties.get("schema_guessed") and e.list_id == "eu-sanctions-china"]
    assert people
    for _, person in people[:5]:
        assert person.id not in {h.entry_id for h in listings_for([person.name], "Company", screener, 0.85)}
        assert person.id in {h.entry_id for h in listings_for([person.name], "Person", screener, 0.85)}


def test_true_listings_of_chinese_companies_by_their_chinese_names_hold(screener: Screener) -> None:
    cetc = {h.entry_id for h in listings_for(["中国电子科技集团公司"], "Company", screener, 0.85)}
    assert "cn-defence-groups:china-electronics-technology-group-corporation" in cetc
    casic2 = {h.entry_id for h in listings_for(["中国航天科工集团第二研究院"], "Company", screener, 0.85)}
    assert any(e.startswith("us-bis-entity-list:china-aerospace-science-and-industry-corporation-second") for e in casic2)
    nwpu = {h.list_id for h in listings_for(["西北工业大学"], "University", screener, 0.85)}
    assert "us-bis-entity-list" in nwpu


@pytest.mark.parametrize(
    ("zh", "en", "low", "high"),
    [
        ("汉斯", "Hans Maria De Geetere", 0.0, 0.7), ("汉斯", "Hans De Geetere", 0.0, 0.7),
        ("约翰", "John Smith", 0.0, 0.7), ("约翰", "John Holland Group Pty Ltd.", 0.0, 0.7),
        ("约翰", "John Holland Group", 0.0, 0.7),  # a place word is no excuse either (review of session 24)
        ("兰博基尼", "Automobili Lamborghini S.p.A.", 0.8, 1.01), ("诺基亚", "Nokia", 0.8, 1.01),
        # the Chinese press names a foreign person by the family name
        ("鲁比欧", "Marco Rubio", 0.7, 0.8), ("罗斯", "Kenneth Roth", 0.7, 0.8),
        ("星辰控股集团", "Joint Stock Company STAR", 0.7, 0.8),  # one common word: a lead, never a link
    ],
)
def test_a_personal_name_never_labels_a_longer_name(names_only: Matcher, zh: str, en: str, low: float,
                                                    high: float) -> None:
    c = names_only.compare(zh, en)
    assert low <= c.score < high, c.features_dict()
    if high <= 0.8:
        assert "bilingual_label" not in c.features


def test_the_extract_contract_lists_no_false_listing(screener: Screener) -> None:
    text = f"2024年5月，{FIRM}（以下简称“{SHORT}”）与北京理工大学签署战略合作协议。"
    ex = Extraction(Document(text=text, id="d-hans", language="zh"), entities=[
        Entity(entity_id_for(FIRM, "Company"), FIRM, "Company", aliases=[SHORT, "Hansi"]),
        Entity(entity_id_for("北京理工大学", "University"), "北京理工大学", "University"),
    ])
    link_extraction(ex, screener)
    firm, bit = ex.entities
    assert firm.listings == []
    assert "us-bis-entity-list" in {x["list_id"] for x in bit.listings}


def _span(text: str, name: str) -> Span:
    start = text.index(name)
    return Span(start, start + len(name), name)


def test_every_door_of_the_api_gives_the_same_decision(tmp_path: Path) -> None:
    text = f"2024年5月，{FIRM}（以下简称“{SHORT}”）与北京理工大学签署战略合作协议。"
    firm_id, bit_id = entity_id_for(FIRM, "Company"), entity_id_for("北京理工大学", "University")
    ex = Extraction(
        Document(text=text, id="d-hans", language="zh"),
        entities=[
            Entity(firm_id, FIRM, "Company", aliases=[SHORT], mentions=[_span(text, FIRM)]),
            Entity(bit_id, "北京理工大学", "University", mentions=[_span(text, "北京理工大学")]),
        ],
        relations=[Relation("agreement", firm_id, bit_id, Span(0, len(text), text), subtype="cooperation",
                            date="2024-05", confidence=0.8)],
    )
    store = Store(tmp_path / "hans.db")
    store.add_extraction(ex)
    store.close()
    client = TestClient(create_app(db=tmp_path / "hans.db", hosts=["testserver"]))
    exposure = client.get("/exposure", params={"name": FIRM})
    assert exposure.status_code == 200, exposure.text
    assert "Geetere" not in exposure.text and "北京理工大学" in exposure.text
    card = client.get(f"/cards/{FIRM}")
    assert card.status_code == 200 and "Geetere" not in card.text
    bit = client.get("/cards/北京理工大学")
    assert bit.status_code == 200 and "Entity List" in client.get("/exposure", params={"name": "北京理工大学"}).text
    match = client.post("/match/default", json={"queries": {"q": {"schema": "Company", "properties": {"name": [SHORT]}}}})
    assert match.status_code == 200 and "Geetere" not in match.text


@pytest.mark.parametrize(
    ("names", "not_listed_as"),
    [
        # corpus/train zh Company entities that were linked at 1.0 through the bracketed place alone
        (["航宇（香港）国际贸易有限公司"], "eu-sanctions-china:chinaoil-hong-kong-corporation-limited"),
        (["锐达国际（香港）有限公司"], "eu-sanctions-china:chinaoil-hong-kong-corporation-limited"),
        (["海澄精密（泰国）有限公司"], None),   # 泰国 Thailand alone matched "Russia-Thailand Technology"
        (["星辰控股集团"], None),              # 星辰 'star': one common word, not the Russian JSC STAR
    ],
)
def test_a_place_or_a_common_word_alone_lists_no_company(screener: Screener, names: list[str], not_listed_as: str | None) -> None:
    hits = listings_for(names, "Company", screener, 0.85)
    assert not hits if not_listed_as is None else not_listed_as not in {h.entry_id for h in hits}, [
        (h.entry_name, h.score, h.matched_name) for h in hits]


def test_a_listed_company_is_still_found_by_its_own_name_with_its_place(screener: Screener) -> None:
    hits = {h.entry_id for h in listings_for(["中國石油(香港)有限公司"], "Company", screener, 0.85)}
    assert "eu-sanctions-china:chinaoil-hong-kong-corporation-limited" in hits
