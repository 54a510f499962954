"""One ChineseExtractor per test session (LAC loads in about 1.5 s)."""

from __future__ import annotations

import pytest

from mcfwatch.extract.zh import ChineseExtractor


@pytest.fixture(scope="session")
def zh_extractor() -> ChineseExtractor:
    return ChineseExtractor()
