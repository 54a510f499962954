"""A country given with a listed name (a partner file's branch address) never turns a match into a silent "not
listed": a compliance team reads that as cleared. Found by a new user (session 28) screening a customer list whose
Country column gave a European branch of a listed Chinese firm."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcfwatch.resolve import screen
from mcfwatch.resolve.batch import read_rows, screen_rows
from mcfwatch.resolve.screen import OTHER_COUNTRY

HIKVISION = "Hangzhou Hikvision Digital Technology Co., Ltd."


@pytest.mark.parametrize("country", ["cn", "CN", "China", "PRC", "People's Republic of China"])
def test_a_country_name_is_read_as_the_lists_code(country: str) -> None:
    assert screen(HIKVISION, country=country).listed


@pytest.mark.parametrize("country", ["fr", "Germany"])
def test_a_match_but_for_the_country_stays_a_lead(country: str) -> None:
    result = screen(HIKVISION, country=country)
    assert not result.listed
    elsewhere = [h for h in result.related if h.relation == OTHER_COUNTRY]
    assert {"us-bis-entity-list", "us-dod-1260h"} <= {h.list_id for h in elsewhere}
    assert all("country_mismatch" in h.features and h.country == "cn" for h in elsewhere)
    assert "the same name is listed for another country (CN)" in result.summary()


def test_a_partner_file_with_a_branch_country_is_not_cleared(tmp_path: Path) -> None:
    path = tmp_path / "kunden.csv"
    path.write_text("Name;Land\nHuawei Technologies Co., Ltd.;Germany\nMTU Aero Engines AG;Germany\n", "utf-8")
    by_name = {r["Name"]: r for r in screen_rows(read_rows(path), str(path)).rows}
    huawei = by_name["Huawei Technologies Co., Ltd."]
    assert huawei["status"] == "related" and huawei["best_score"] >= 0.6
    assert OTHER_COUNTRY in huawei["related"]
    assert by_name["MTU Aero Engines AG"]["status"] == "not listed"


def test_an_unknown_country_is_no_evidence_against_a_hit() -> None:
    assert screen(HIKVISION, country="Atlantis").listed


@pytest.mark.parametrize(("name", "code"), [("中国", "cn"), ("中华人民共和国", "cn"), ("美国", "us"), ("德国", "de"),
                                            ("香港", "hk"), ("CN", "cn"), ("UK", "gb")])
def test_a_chinese_country_name_is_read_as_its_code(name: str, code: str) -> None:
    from mcfwatch.lists.countries import country_code

    assert country_code(name) == code  # review doors #2: "中国".isalpha() made it a code of its own


def test_a_partner_file_whose_country_column_says_china_in_chinese_keeps_hit_listed(tmp_path: Path) -> None:
    path = tmp_path / "partners.csv"
    path.write_text("name,国家\n哈尔滨工业大学,中国\n", "utf-8")
    [row] = screen_rows(read_rows(path), str(path)).rows
    assert row["status"] == "listed", row


def test_a_chinese_partner_file_names_its_columns_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "合作单位.csv"
    path.write_text("序号,单位名称,国家\n1,哈尔滨工业大学,中国\n2,慕尼黑工业大学,德国\n", "utf-8")
    by_name = {r["单位名称"]: r for r in screen_rows(read_rows(path), str(path)).rows}
    assert by_name["哈尔滨工业大学"]["status"] == "listed"
    assert by_name["慕尼黑工业大学"]["status"] == "not listed"
