from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mcfwatch.extract.zh.normalise import simplify


def test_traditional_to_simplified() -> None:
    assert simplify("該公司與布魯內爾大學簽訂協議") == "该公司与布鲁内尔大学签订协议"
    assert simplify("ＨＴ＆Ｌ公司") == "HT&L公司"


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x9FFF), max_size=60))
def test_length_is_preserved(text: str) -> None:
    assert len(simplify(text)) == len(text)
