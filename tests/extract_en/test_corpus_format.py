"""The annotated corpus: markup compiles to offsets that quote the text, and the shipped JSON lines agree."""

from pathlib import Path

import pytest

from mcfwatch.errors import InputError
from mcfwatch.extract.corpus import CorpusDoc, load_corpus, parse_markup, to_gold

ROOT = Path(__file__).resolve().parents[2] / "corpus"

DOC = """# id: t1
# lang: en
# origin: written
# source: the founding document
# licence: CC0-1.0
text:
[Lizhong Group]{Company:lz} signed a contract with [UK MQP Limited]{Company:mqp}. [Lizhong]{Company:lz} also \
signed a contract with [Brunel University]{University:bu}.
relations:
agreement/contract lz mqp 2018-11..2018-12 | signed a contract with UK MQP Limited
agreement/contract lz bu - | signed a contract with
"""


def test_markup_spans_quote_the_text() -> None:
    (rec,) = parse_markup(DOC, "t.ann")
    text = rec["text"]
    assert text.startswith("Lizhong Group signed a contract with UK MQP Limited. Lizhong also")
    lz = next(e for e in rec["entities"] if e["id"] == "lz")
    assert [text[m["start"]:m["end"]] for m in lz["mentions"]] == ["Lizhong Group", "Lizhong"]
    first, second = rec["relations"]
    assert (first["date"], first["date_end"]) == ("2018-11", "2018-12")
    # the repeated quote is placed next to the second pair's mentions, not at its first occurrence
    assert second["evidence"]["start"] > text.index("Lizhong also")
    assert to_gold(CorpusDoc(rec))["relations"][1]["target"] == "Brunel University"


@pytest.mark.parametrize("bad, reason", [
    (DOC.replace("| signed a contract with UK MQP Limited", "| signed a deal"), "not found verbatim"),
    (DOC.replace("lz mqp", "lz nobody"), "no entity with key"),
    (DOC.replace("{Company:mqp}", "{Firm:mqp}"), "unknown entity type"),
    (DOC.replace("agreement/contract lz mqp", "agreement/lease lz mqp"), "unknown subtype"),
])
def test_markup_errors_name_the_problem(bad: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        parse_markup(bad, "t.ann")


def test_shipped_corpus_compiles_to_its_json_lines() -> None:
    for split in ("train", "blind"):
        for lang in ("en", "zh"):
            ann = sorted((ROOT / "ann" / split / lang).glob("*.ann"))
            compiled = ROOT / split / f"{lang}.jsonl"
            if not ann:
                continue
            expected = [r for p in ann for r in parse_markup(p.read_text(encoding="utf-8"), str(p))]
            assert [d.record for d in load_corpus([compiled])] == expected, f"rebuild {compiled}"
