"""Inter-annotator agreement on the shipped second annotation (corpus/agreement) of corpus/extra documents."""

import copy
from pathlib import Path

import pytest

from mcfwatch.errors import InputError
from mcfwatch.extract.agreement import compare, id_filter, main
from mcfwatch.extract.corpus import CorpusDoc, load_corpus, parse_markup

ROOT = Path(__file__).resolve().parents[2] / "corpus"
ROUNDS = {"s23": "{l}-x-0111..{l}-x-0230", "s24": "{l}-x-0231..{l}-x-0292"}  # ids each round re-annotated from


def _round(name: str, lang: str) -> str:
    return ROUNDS[name].format(l=lang)


def _docs(split: str, lang: str) -> list[CorpusDoc]:
    return load_corpus([ROOT / split / f"{lang}.jsonl"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_document_scored_against_itself_agrees_fully(lang: str) -> None:
    docs = _docs("agreement", lang)
    ag = compare(docs, docs)
    assert len(ag.documents) == 24
    assert ag.exact_total().f1 == ag.span.f1 == 1.0
    assert ag.scored.total("relations").f1 == 1.0 and ag.scored.total("relations").support > 50
    assert ag.subtype_same == ag.subtype_pairs > 0


@pytest.mark.parametrize("lang, rnd, mentions, relations", [
    ("en", "s23", 0.93, 0.89), ("zh", "s23", 0.96, 0.98), ("en", "s24", 0.96, 0.92), ("zh", "s24", 0.92, 0.92)])
def test_second_annotation_against_the_first_gives_the_reported_figures(
        lang: str, rnd: str, mentions: float, relations: float) -> None:
    ag = compare(_docs("extra", lang), _docs("agreement", lang), keep=id_filter(_round(rnd, lang)))
    assert len(ag.documents) == 12
    msg = "the first annotation changed: rerun the agreement and update corpus/README.md"
    assert ag.exact_total().f1 >= mentions - 0.05, msg  # a later Technology pass on corpus/extra may move it a little
    assert round(ag.scored.total("relations").f1, 2) == relations, msg


def test_a_changed_relation_lowers_agreement_and_is_listed() -> None:
    docs = _docs("agreement", "en")
    changed = [CorpusDoc(copy.deepcopy(d.record)) for d in docs]
    rec = next(d.record for d in changed if d.id == "en-x-0217")
    rel = next(r for r in rec["relations"] if r["type"] == "ownership")  # CRRC Corporation -> CRRC Qishuyan
    rel["source"], rel["target"] = rel["target"], rel["source"]  # direction reversed
    ag = compare(docs, changed)
    assert ag.scored.total("relations").f1 < 1.0
    assert ag.scored.relations["ownership"].fn == ag.scored.relations["ownership"].fp == 1
    assert "en-x-0217: missed ownership CRRC Corporation -> CRRC Qishuyan" in ag.scored.errors


def test_a_changed_subtype_is_counted_apart_from_the_relation() -> None:
    docs = _docs("agreement", "zh")
    changed = [CorpusDoc(copy.deepcopy(d.record)) for d in docs]
    rec = next(d.record for d in changed if d.id == "zh-x-0208")
    rec["relations"][0]["subtype"] = "mou"
    ag = compare(docs, changed)
    assert ag.scored.total("relations").f1 == 1.0
    assert ag.subtype_same == ag.subtype_pairs - 2  # contract (A only) and mou (B only)
    assert any(line.startswith("zh-x-0208: agreement") for line in ag.subtype_diff)


def test_the_id_filter_keeps_single_ids_and_inclusive_ranges() -> None:
    keep = id_filter("en-x-0144, en-x-0231..en-x-0239")
    assert [i for i in ("en-x-0144", "en-x-0150", "en-x-0230", "en-x-0231", "en-x-0235", "en-x-0239", "en-x-0240")
            if keep(i)] == ["en-x-0144", "en-x-0231", "en-x-0235", "en-x-0239"]
    for bad in ("", " , ", "en-x-0239..en-x-0231", "..en-x-0231"):
        with pytest.raises(InputError, match="--ids"):
            id_filter(bad)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_two_rounds_split_the_second_annotation_and_sum_to_the_whole(lang: str) -> None:
    a, b = _docs("extra", lang), _docs("agreement", lang)
    rounds = [compare(a, b, keep=id_filter(_round(r, lang))) for r in ("s23", "s24")]
    whole = compare(a, b)
    assert [len(r.documents) for r in rounds] == [12, 12]
    assert sorted(rounds[0].documents + rounds[1].documents) == sorted(whole.documents)
    assert sum(r.scored.total("relations").tp for r in rounds) == whole.scored.total("relations").tp
    assert sum(r.scored.total("relations").support for r in rounds) == whole.scored.total("relations").support


def test_a_different_text_is_refused_naming_the_file() -> None:
    docs = _docs("agreement", "en")
    changed = [CorpusDoc(dict(d.record, text=d.text + " ")) for d in docs]
    with pytest.raises(InputError, match="second.jsonl: document en-x-0144 has a different text"):
        compare(docs, changed, "second.jsonl")


def test_cli_errors_are_one_line_naming_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert main([str(ROOT / "agreement" / "en.jsonl"), str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert "bad.jsonl" in err and "\n" not in err
    assert main([str(ROOT / "agreement" / "en.jsonl"), str(ROOT / "agreement" / "zh.jsonl")]) == 1
    assert "no document id in common" in capsys.readouterr().err


def test_cli_prints_the_tables() -> None:
    assert main([str(ROOT / "extra" / "zh.jsonl"), str(ROOT / "agreement" / "zh.jsonl")]) == 0


def test_cli_ids_scores_one_round_and_names_an_empty_selection(capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(ROOT / "extra" / "en.jsonl"), str(ROOT / "agreement" / "en.jsonl")]
    assert main([*files, "--ids", _round("s24", "en")]) == 0
    assert capsys.readouterr().out.startswith("12 documents in both files")
    assert main([*files, "--ids", "en-x-0001..en-x-0010"]) == 1
    assert "no document id in common" in capsys.readouterr().err
    assert main([*files, "--ids", "en-x-0239..en-x-0231"]) == 1
    assert "--ids" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_agreement_markup_compiles_to_its_json_lines_and_is_never_training_data(lang: str) -> None:
    from mcfwatch.extract.relmodel.data import sources

    ann = sorted((ROOT / "ann" / "agreement" / lang).glob("*.ann"))
    expected = [r for p in ann for r in parse_markup(p.read_text(encoding="utf-8"), str(p))]
    assert [d.record for d in _docs("agreement", lang)] == expected
    extra = {d.id: d.text for d in _docs("extra", lang)}
    assert all(extra[r["id"]] == r["text"] for r in expected)  # the same documents, identical text
    assert all("agreement" not in p.parts for p in sources(lang))
