"""CC-CEDICT senses that begin with a qualifier in brackets ("(Chinese) National People's Congress", "(PRC)
Central Military Commission") give their names (scripts/build_name_dictionary.py): the bracket is dropped, not
the sense."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from mcfwatch.resolve import bilingual
from mcfwatch.resolve.features import Context, translated_match
from mcfwatch.resolve.names import parse

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_name_dictionary.py"
_CTX = Context(lambda w: 1.0, lambda n: frozenset(), lambda c: c)


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_name_dictionary", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("senses", "names"), [
    (["(Chinese) National People's Congress", "abbr. to 人大[Ren2 da4]"], ["National People's Congress"]),
    (["(PRC) Central Military Commission"], ["Central Military Commission"]),
    (["Harbin, subprovincial city and capital of Heilongjiang province"], ["Harbin"]),
])
def test_a_leading_qualifier_is_dropped_not_the_sense(senses: list[str], names: list[str]) -> None:
    assert _script().names_of(senses) == names


@pytest.mark.parametrize(("zh", "english"), [
    ("全国人民代表大会", ("national", "people", "congress")),
    ("中央军事委员会", ("central", "military", "commission")),
])
def test_the_shipped_table_reads_the_bodies(zh: str, english: tuple[str, ...]) -> None:
    assert english in [r.words for r in bilingual.readings(zh)]


def test_the_english_name_of_the_central_military_commission_matches_it() -> None:
    score, _ = translated_match(parse("中央军事委员会"), parse("Central Military Commission"), _CTX)
    assert score >= 0.9
