"""The annotated corpus: markup compiles to offsets that quote the text, and the shipped JSON lines agree."""

import json
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
    for split in ("train", "extra", "blind"):
        for lang in ("en", "zh"):
            ann = sorted((ROOT / "ann" / split / lang).glob("*.ann"))
            compiled = ROOT / split / f"{lang}.jsonl"
            if not ann:
                continue
            expected = [r for p in ann for r in parse_markup(p.read_text(encoding="utf-8"), str(p))]
            assert [d.record for d in load_corpus([compiled])] == expected, f"rebuild {compiled}"


def test_training_reads_the_extra_documents_outside_the_dev_folds(tmp_path: Path) -> None:
    from mcfwatch.extract.relmodel.data import sources, training_docs

    (rec,) = parse_markup(DOC, "t.ann")
    for folder in ("train", "extra"):
        (tmp_path / "corpus" / folder).mkdir(parents=True)
    (tmp_path / "corpus" / "train" / "en.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    extra = dict(rec, id="t2", text=rec["text"] + " It was renewed.")
    (tmp_path / "corpus" / "extra" / "en.jsonl").write_text(json.dumps(extra) + "\n", encoding="utf-8")
    paths = sources("en", tmp_path)
    assert [p.parent.name for p in paths] == ["train", "extra"]
    docs, _ = training_docs("en", paths)
    assert [d.id for d in docs] == ["t1", "t2"]
