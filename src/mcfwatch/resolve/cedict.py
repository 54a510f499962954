"""The one reader of data/cedict_names.tsv (CC-CEDICT's proper names and short common words, see PROVENANCE.md):
bilingual readings, the English word list and the place readings all parse it through `rows` (each keeps only
the table it derives, so the 57,000 rows are not held in memory)."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

Row = tuple[str, str, str, str]  # Chinese, pinyin (spaced syllables), kind (name | word), English senses ("|")


def rows() -> Iterator[Row]:
    """Every row of cedict_names.tsv in file order (a name row before the word row of the same characters)."""
    text = resources.files("mcfwatch.resolve").joinpath("data", "cedict_names.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t", 3)
        if len(cols) == 4:
            yield cols[0], cols[1], cols[2], cols[3]
