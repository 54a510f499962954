"""The watchlists' index a server answers /match from is built whole: read from the screening cache file in full
and with the conversion tables a first Chinese or pinyin name needs already loaded (a fresh process shows it)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
from mcfwatch.api.listings import list_index
from mcfwatch.resolve import bilingual, phonetic
from mcfwatch.resolve.normalize import pinyin
before = (phonetic.syllables.cache_info().currsize, bilingual._tables.cache_info().currsize,
          pinyin.cache_info().currsize)
screener = list_index(None).screener
after = (phonetic.syllables.cache_info().currsize, bilingual._tables.cache_info().currsize,
         pinyin.cache_info().currsize > 0)
opened = screener.opened
whole = opened is None or (all(m.complete for m in opened.maps) and all(len(r.memo) == len(r) for r in opened.rows))
print(before, after, whole)
"""


def test_list_index_is_built_whole_with_its_tables_loaded() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "(0, 0, 0) (1, 1, True) True", out
