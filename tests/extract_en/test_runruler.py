"""The late ruler's technology runs, matched by phrase lookup, give spaCy's EntityRuler's matches."""

from __future__ import annotations

from pathlib import Path

from spacy.pipeline import EntityRuler

from mcfwatch.extract.corpus import load_corpus
from mcfwatch.extract.en.model import RULER_NAME, load_nlp
from mcfwatch.extract.en.patterns import late_patterns
from mcfwatch.extract.en.runruler import RunRuler, run_shape

REPO = Path(__file__).resolve().parents[2]
RUNS = ("They sold semiconductor manufacturing equipment items chips, quantum computing equipment and aero-engines; "
        "Quantum Computing, aero engines manufacturing and 5G chips.")


def test_same_matches_as_the_entity_ruler_on_the_corpus() -> None:
    nlp = load_nlp()
    late = nlp.get_pipe(RULER_NAME + "_late")
    assert isinstance(late, RunRuler) and late.run_keys  # the runs are taken out of the Matcher
    ref = EntityRuler(nlp, "reference", phrase_matcher_attr="LOWER", overwrite_ents=False)
    ref.add_patterns(late_patterns())
    texts = [d.text for d in load_corpus([REPO / "corpus" / "train" / "en.jsonl"])[:80]] + [RUNS]
    before = nlp.pipe_names[: nlp.pipe_names.index(RULER_NAME + "_late")]
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(texts))
    found = 0
    for doc in docs:
        ours, theirs = late.match(doc), ref.match(doc)
        assert set(ours) == set(theirs), doc.text[:80]
        assert [(e - s, s) for _, s, e in ours] == [(e - s, s) for _, s, e in theirs]
        found += len(ours)
    assert found > 100


def test_the_last_document_finds_every_run_length() -> None:
    nlp = load_nlp()
    with nlp.select_pipes(disable=["ner"]):  # the ruler's runs, whatever the trained ner claims first
        doc = nlp(RUNS)
    techs = {e.text for e in doc.ents if e.label_ == "Technology"}
    assert "semiconductor manufacturing equipment items chips" in techs
    assert "quantum computing equipment" in techs


def test_only_lower_case_runs_are_taken() -> None:
    cont = {"LOWER": {"IN": ["chips"]}, "OP": "*"}
    assert run_shape({"label": "Technology", "pattern": [{"LOWER": "5g"}, cont]}) == (
        "Technology", ("5g",), frozenset({"chips"}))
    assert run_shape({"label": "Technology", "pattern": [{"LOWER": "5G"}, cont]}) is None  # never meets LOWER
    assert run_shape({"label": "Technology", "pattern": [{"TEXT": "AI"}, cont]}) is None
    assert run_shape({"label": "Technology", "id": "x", "pattern": [{"LOWER": "ai"}, cont]}) is None
