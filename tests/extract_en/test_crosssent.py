"""Cross-sentence references (relmodel/crosssent.py) on shipped corpus documents: "the expo", "its", "he" become
mentions of the entity an earlier sentence named, so the relation told through them gets a candidate."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from mcfwatch.extract.relmodel import crosssent, examples
from mcfwatch.extract.relmodel.candidates import Mention
from mcfwatch.extract.relmodel.data import TrainDoc

REPO = Path(__file__).resolve().parents[2]


def _refs(nlp: Language, doc: TrainDoc) -> dict[str, Mention]:
    names = {m.entity: doc.text[m.start:m.end] for m in sorted(doc.mentions, key=lambda m: m.end - m.start)}
    return {doc.text[r.start:r.end]: Mention(r.start, r.end, names[r.entity], r.type, r.ref)
            for r in crosssent.english(nlp(doc.text), doc.mentions)}


def test_definite_descriptions_and_pronouns_stand_for_a_named_entity(nlp: Language,
                                                                      corpus: dict[str, TrainDoc]) -> None:
    refs = _refs(nlp, corpus["en-w-1076"])
    assert refs["The expo"].entity == "Tangshan International Industrial Expo"
    assert refs["The expo"].ref == "def:expo" and refs["The expo"].type == "Event"
    assert refs["The council"].entity == "Dunmore County Council"
    refs = _refs(nlp, corpus["en-w-1186"])
    assert refs["its"].entity == "Ostsee Antennentechnik GmbH" and refs["its"].ref == "pron:its"
    assert refs["he"].entity == "Helmut Brandt"


def test_plurals_and_descriptions_that_name_their_entity_are_no_reference(nlp: Language,
                                                                         corpus: dict[str, TrainDoc]) -> None:
    # "The two companies" (both parties of the sale), "the private firm Sichuan Huafeng Electronics"
    assert "The two companies" not in _refs(nlp, corpus["en-w-1186"])
    doc = corpus["en-w-1048"]
    refs = crosssent.english(nlp(doc.text), doc.mentions)
    firm = doc.text.index("the private firm")
    assert not [r for r in refs if firm <= r.start < firm + len("the private firm")]
    assert all(r.end <= m.start or r.start >= m.end for r in refs for m in doc.mentions)  # never over a name


def test_a_relation_told_through_a_reference_gets_its_candidate(nlp: Language, corpus: dict[str, TrainDoc]) -> None:
    # "The expo is organised by the Tangshan Municipal People's Government and the Hebei Provincial Department of
    # Commerce": the expo is named two sentences before; without the reference no candidate carries the organizers
    doc = corpus["en-w-1076"]
    sdoc = nlp(doc.text)
    organizers = [r for r in doc.relations if r.type == "organizer"]
    assert len(organizers) == 2
    with_refs = examples.label(doc, examples.english(sdoc, doc.mentions, references=True))
    without = examples.label(doc, examples.english(sdoc, doc.mentions, references=False))
    found = [e for e in with_refs if "organizer>" in e.labels or "organizer<" in e.labels]
    assert len(found) == 2 and all("ref1" in e.features or "ref2" in e.features for e in found)
    assert not [e for e in without if "organizer>" in e.labels or "organizer<" in e.labels]
    hit_with = examples.candidate_recall(doc, with_refs)[0]
    assert hit_with > examples.candidate_recall(doc, without)[0]
