"""Organisers, funders and sellers told through a reference, a "co-" verb or from the receiving side, on
passages of the training corpus (corpus/train/en.jsonl, the document named in each test)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from mcfwatch.extract.en.coprefix import CO_LEMMA
from mcfwatch.model import Extraction

pytestmark = pytest.mark.slow
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "train" / "en.jsonl"


@cache
def _texts() -> dict[str, str]:
    return {rec["id"]: rec["text"] for rec in map(json.loads, CORPUS.read_text(encoding="utf-8").splitlines())}


def passage(doc_id: str, start: str, end: str) -> str:
    """The text of a training document from ``start`` to the end of ``end``."""
    text = _texts()[doc_id]
    i = text.index(start)
    return text[i: text.index(end, i) + len(end)]


def rels(ex: Extraction, rtype: str) -> set[tuple[str, str]]:
    """(source, target) names of the relations of a type that the rules made (not the model)."""
    n = {e.id: e.name for e in ex.entities}
    return {(n[r.source], n[r.target]) for r in ex.relations if r.type == rtype and r.method.startswith("rule")}


def test_the_fair_co_hosted_by_a_list(extract_text) -> None:  # en-w-1246
    ex = extract_text(passage("en-w-1246", "The 21st China", "People's Government."))
    fair = next(e.name for e in ex.entities if e.type == "Event")
    hosts = {s for s, t in rels(ex, "organizer") if t == fair}
    assert {"Ministry of Commerce", "Ministry of Science and Technology",
            "Shenzhen Municipal People's Government"} <= hosts


def test_co_verb_is_one_token_with_the_plain_lemma(english) -> None:  # en-w-1246
    doc = english.nlp(passage("en-w-1246", "The fair is", "People's Government."))
    tok = next(t for t in doc if t.lower_ == "co-hosted")
    assert tok.lemma_ == "host" and tok.pos_ == "VERB"
    assert {c.dep_ for c in tok.children} >= {"nsubjpass", "agent"}
    assert CO_LEMMA["co-organised"] == "organise"


def test_co_organised_with_a_partner(extract_text) -> None:  # en-w-0050
    ex = extract_text(passage("en-w-0050", "It co-organised", "in 2017 with Lakeland University"))
    organisers = {s for s, t in rels(ex, "organizer") if "Workshop" in t}
    assert "Lakeland University" in organisers


def test_money_received_and_put_into(extract_text) -> None:  # en-w-0040, en-w-0032
    ex = extract_text(passage("en-w-0040", "Westmere University received", "China Scholarship Council."))
    assert ("Huawei", "Westmere University") in rels(ex, "funding")
    ex = extract_text(passage("en-w-0032", "Since 2018 Nordlicht", "Estonian software firm."))
    assert ("Nordlicht", "Skyvane") in rels(ex, "funding")


def test_goods_bought_from_a_seller_are_its_export(extract_text) -> None:  # en-w-1023
    ex = extract_text(passage("en-w-1023", "Foreign inputs remain", "from Japan."))
    assert any(s == "Hagemann Pressen" and t.startswith("Dongsheng") for s, t in rels(ex, "export"))


def test_buying_a_company_is_no_export(extract_text) -> None:  # en-w-1056
    ex = extract_text(passage("en-w-1056", "In 2016, after", "Tianjin."))
    assert not rels(ex, "export")


def test_taking_part_by_other_verbs(extract_text) -> None:  # en-w-1262, en-w-0038
    ex = extract_text(passage("en-w-1262", "SHENZHEN", "visited the show."))
    assert {s for s, t in rels(ex, "organizer") if t == "World UAV Conference and Expo"} >= {
        "Shenzhen UAV Industry Association", "China Aviation Industry Association"}  # "It was organised by"
    took_part = rels(ex, "participation")
    assert {s for s, _ in took_part} >= {"PLA Southern Theater Command", "China Coast Guard"}
    assert not {s for s, _ in rels(ex, "visit")} & {"PLA Southern Theater Command", "China Coast Guard"}
    ex = extract_text(passage("en-w-0038", "2. Appointments.", "Scholars Program in 2016."))
    assert any(t == "Thousand Talents Plan" for _, t in rels(ex, "participation"))


def test_at_the_invitation_of(extract_text) -> None:  # en-w-1145
    ex = extract_text(passage("en-w-1145", "The court said Morita", "Professor Liu Ming."))
    assert any(s.startswith("College of Veterinary Medicine") and t.endswith("Morita")
               for s, t in rels(ex, "invitation"))


def test_introduced_to_a_buyer(extract_text) -> None:  # en-w-1182
    ex = extract_text(passage("en-w-1182", "The agency helped Hubei", "Jianghan Wine Imports"))
    assert any(t == "Château Laroque-Blanc" for _, t in rels(ex, "facilitation"))


def test_resold_and_re_exported(extract_text) -> None:  # en-w-1060, en-w-0006
    ex = extract_text(passage("en-w-1060", "Case 2020-07.", "in 2019."))
    assert ("Cosmo Tech Trading Ltd", "National University of Defense Technology") in rels(ex, "export")
    ex = extract_text(passage("en-w-0006", "2. Between March 2014", "Second Academy"))
    assert any(t == "China Academy of Engineering Physics" for _, t in rels(ex, "export"))


def test_hired_is_recruited(extract_text) -> None:  # en-w-1140
    ex = extract_text(passage("en-w-1140", "Professor Daniel Webb", "part-time adviser."))
    assert ("Hunan Xiangtan Energy Materials", "Daniel Webb") in rels(ex, "recruitment")
    assert ("Daniel Webb", "Hunan Xiangtan Energy Materials") in rels(ex, "position")


def test_exhibitors_included(extract_text) -> None:  # en-w-1262
    ex = extract_text(passage("en-w-1262", "SHENZHEN", "Shenzhen Yunfan Trading."))
    assert {("Shenzhen Skyfalcon Robotics", "World UAV Conference and Expo"),
            ("Allgäu Flugsysteme", "World UAV Conference and Expo")} <= rels(ex, "participation")
