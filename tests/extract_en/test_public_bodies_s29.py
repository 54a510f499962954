"""A government body named beside what it does is a public body, as "the <trade> company X" is a firm
(entities.CONTEXT_TYPES): "Germany's financial regulator, BaFin", "X, the regional development agency"
(en-x-0256, en-x-0282, unseen by the session-24 fold models); a firm's agency stays a firm."""

from __future__ import annotations

import pytest

from mcfwatch.model import Extraction


def types(ex: Extraction) -> dict[str, str]:
    return {e.name: e.type for e in ex.entities}


@pytest.mark.slow
def test_a_regulator_or_agency_in_apposition_is_a_public_body(extract_text) -> None:
    found = types(extract_text("France's competition regulator, Concurrix, examined whether the stake had been "
                               "notified in time."))
    assert found.get("Concurrix") == "PublicBody"
    found = types(extract_text("The round was led by Delta Tech Ventures, with Brabantia Invest, the regional "
                               "development agency, joining in."))
    assert found.get("Brabantia Invest") == "PublicBody"


@pytest.mark.slow
def test_a_news_or_travel_agency_is_no_public_body(extract_text) -> None:
    found = types(extract_text("The deal was first reported by Kyodo, the Japanese news agency, and by Vantour, "
                               "a travel agency in Osaka."))
    assert found.get("Kyodo") != "PublicBody" and found.get("Vantour") != "PublicBody"
