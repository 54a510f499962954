"""English candidates on shipped corpus documents: a pair whose closest mentions go through a reference is also a
candidate through its two names (relmodel/candidates.pairs ``named_too``), and "the two companies" stands for the
two parties the sentence before named (relmodel/pairwords_en.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from mcfwatch.extract.relmodel import examples, pairwords_en
from mcfwatch.extract.relmodel.data import TrainDoc

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _labelled(nlp: Language, doc: TrainDoc, **kw: bool) -> list[examples.Example]:
    return examples.label(doc, examples.english(nlp(doc.text), doc.mentions, **kw))


def test_a_pair_through_a_reference_is_also_a_candidate_through_its_names(nlp: Language,
                                                                       corpus: dict[str, TrainDoc]) -> None:
    doc = corpus["en-w-1011"]  # CETC ... "its 14th Research Institute": the short path of "its" and the names
    exs = [ex for ex in _labelled(nlp, doc) if {ex.cand.first.entity, ex.cand.second.entity} == {"cetc", "cetc14"}
           and "ownership>" in ex.labels]
    texts = {(doc.text[ex.cand.first.start:ex.cand.first.end], doc.text[ex.cand.second.start:ex.cand.second.end])
             for ex in exs}
    assert ("its", "14th Research Institute") in texts
    assert ("China Electronics Technology Group Corporation", "14th Research Institute") in texts
    assert len({(ex.cand.sent_start, ex.cand.first.start, ex.cand.second.start) for ex in exs}) == len(exs)


def test_the_two_companies_stand_for_the_parties_named_before(nlp: Language, corpus: dict[str, TrainDoc]) -> None:
    doc = corpus["en-w-1068"]  # "Introduced ... Deepline Engineering to CNOOC Energy Technology & Services ...
    # The two companies signed a services framework agreement in February."
    pair = [ex for ex in _labelled(nlp, doc, pair_words=True) if ex.cand.first.ref == pairwords_en.REF]
    agreement = [ex for ex in pair if ex.labels == {"agreement"}]
    assert len(agreement) == 1
    ex = agreement[0]
    assert {ex.cand.first.entity, ex.cand.second.entity} == {"deepline", "cnoocets"}
    assert doc.text[ex.cand.first.start:ex.cand.first.end] == "The two companies"
    assert doc.text[ex.cand.sent_start:ex.cand.sent_end].startswith("The two companies signed")
    assert "pair" in ex.features and "aw=sign" in ex.features and "not_stated" not in ex.features
    # a model trained without pair words (its record) gets none
    assert not [e for e in _labelled(nlp, doc, pair_words=False) if e.cand.first.ref == pairwords_en.REF]


def test_a_sentence_naming_both_parties_itself_gets_no_pair_candidate(nlp: Language) -> None:
    from mcfwatch.extract.relmodel.candidates import Mention

    text = ("Deepline Engineering met CNOOC Energy Technology & Services in Aberdeen. "
            "Deepline Engineering and China National Offshore Oil Corporation said the two companies would talk.")
    sdoc = nlp(text)
    ms = []
    for name, eid, etype in (("Deepline Engineering", "d", "Company"),
                             ("CNOOC Energy Technology & Services", "c", "Company"),
                             ("China National Offshore Oil Corporation", "n", "Company")):
        start = text.find(name)
        while start >= 0:
            ms.append(Mention(start, start + len(name), eid, etype))
            start = text.find(name, start + 1)
    sents = list(sdoc.sents)
    assert len(sents) == 2
    assert pairwords_en.pair_candidates(sents, 1, sorted(ms, key=lambda m: m.start), []) == []
