"""Party references of relmodel/crosssent.py (``KINDS_EN``) on corpus/train documents: a filing's defined term
("the Company"), "the defendant", "we" and the unnamed exporter of a passive transfer ("The machine was shipped to
Penang") become mentions of the party they stand for, so an export told through them gets a candidate; a model
trained without them (no ``ref_kinds`` in its record) gets the candidates it was trained on."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from mcfwatch.extract.en.entities import EntityTable
from mcfwatch.extract.relmodel import crosssent, examples, scorer
from mcfwatch.extract.relmodel.candidates import Mention
from mcfwatch.extract.relmodel.data import TrainDoc
from mcfwatch.extract.relmodel.model import shipped

NEW = ("def:term", "role:", "pron:we", "pass:")


def _refs(nlp: Language, doc: TrainDoc, kinds: frozenset[str] = crosssent.KINDS_EN) -> list[tuple[str, str, str]]:
    """(text, ref kind, the entity's longest name) of each reference of the new kinds, in text order."""
    names = {m.entity: doc.text[m.start:m.end] for m in sorted(doc.mentions, key=lambda m: m.end - m.start)}
    return [(doc.text[r.start:r.end], r.ref, names[r.entity]) for r in crosssent.english(nlp(doc.text), doc.mentions,
                                                                                         kinds)
            if r.ref.startswith(NEW)]


def _exports(nlp: Language, doc: TrainDoc, kinds: frozenset[str]) -> int:
    """Gold exports of ``doc`` that some candidate of their evidence sentence carries."""
    exs = examples.label(doc, examples.english(nlp(doc.text), doc.mentions, ref_kinds=kinds))
    return examples.candidate_recall_by_type([doc], exs).get("export", (0, 0))[0]


def test_a_filings_defined_term_stands_for_the_company_it_defines(nlp: Language, corpus: dict[str, TrainDoc]) -> None:
    # Valdora Precision S.p.A. (the "Company") ... "In 2019 the Company sold 1,140 titanium fastener kits to ..."
    refs = _refs(nlp, corpus["en-w-1003"])
    assert ("the Company", "def:term", "Valdora Precision S.p.A.") in refs
    assert {name for _, kind, name in refs if kind == "def:term"} == {"Valdora Precision S.p.A."}
    assert _exports(nlp, corpus["en-w-1003"], crosssent.KINDS_EN) > _exports(nlp, corpus["en-w-1003"], frozenset())
    assert ("the Company", "def:term", "Sierra Optronics, Inc.") in _refs(nlp, corpus["en-w-1075"])


def test_the_defendant_is_the_person_the_caption_names_not_the_latest_person(nlp: Language,
                                                                            corpus: dict[str, TrainDoc]) -> None:
    # "Chen invited the defendant to give a paper": the latest person is Chen, the defendant is Daniel Rourke
    refs = [(text, name) for text, kind, name in _refs(nlp, corpus["en-w-1008"]) if kind == "role:defendant"]
    assert len(refs) >= 5 and {name for _, name in refs} == {"Daniel Rourke"}


def test_we_is_the_body_the_text_speaks_for(nlp: Language, corpus: dict[str, TrainDoc]) -> None:
    # a hearing: "Mr. Brennan. ... we shipped two evaluation units in 2018 before our lawyers stopped it"
    refs = _refs(nlp, corpus["en-w-1056"])
    assert ("we", "pron:we", "Brennan Avionics") in refs and ("our", "pron:we", "Brennan Avionics") in refs
    assert _exports(nlp, corpus["en-w-1056"], crosssent.KINDS_EN) > _exports(nlp, corpus["en-w-1056"], frozenset())


def test_a_passive_transfer_without_agent_is_the_earlier_exporters(nlp: Language,
                                                                   corpus: dict[str, TrainDoc]) -> None:
    # "... Jian "Jack" Wu ... bought the machine ... The machine was shipped to Penang in March 2022"
    assert ("shipped", "pass:ship", 'Jian "Jack" Wu') in _refs(nlp, corpus["en-w-1047"])
    # "were shipped by X" names its agent: no reference
    text = "Keel Photonics sold the lasers to Orion Trading. The lasers were shipped by Orion Trading to Wuhan."
    sdoc = nlp(text)
    second = text.index("Orion", 40)
    mentions = [Mention(0, 14, "keel", "Company"), Mention(34, 47, "orion", "Company"),
                Mention(second, second + 13, "orion", "Company"), Mention(text.index("Wuhan"), len(text) - 1, "wuhan",
                                                                         "Place")]
    assert not [r for r in crosssent.english(sdoc, mentions, crosssent.KINDS_EN) if r.ref.startswith("pass:")]
    # without "by": the seller of the sentence before
    text = "Keel Photonics sold the lasers to Orion Trading. The lasers were shipped to Wuhan."
    sdoc = nlp(text)
    mentions = [Mention(0, 14, "keel", "Company"), Mention(34, 47, "orion", "Company"),
                Mention(text.index("Wuhan"), len(text) - 1, "wuhan", "Place")]
    refs = [r for r in crosssent.english(sdoc, mentions, crosssent.KINDS_EN) if r.ref.startswith("pass:")]
    assert [(text[r.start:r.end], r.entity) for r in refs] == [("shipped", "keel")]


def test_without_the_kinds_the_references_are_those_of_before(nlp: Language, corpus: dict[str, TrainDoc]) -> None:
    for doc_id in ("en-w-1003", "en-w-1008", "en-w-1047", "en-w-1056", "en-w-1076"):
        doc = corpus[doc_id]
        sdoc = nlp(doc.text)
        old = crosssent.english(sdoc, doc.mentions)
        assert old == crosssent.english(sdoc, doc.mentions, frozenset())
        assert not [r for r in old if r.ref.startswith(NEW)]
        # the new kinds only add: every reference of before is kept
        assert set(old) <= set(crosssent.english(sdoc, doc.mentions, crosssent.KINDS_EN))


@pytest.mark.parametrize("record", [None, ["defined", "we"]])
def test_extraction_follows_the_models_record(record: list[str] | None, monkeypatch: pytest.MonkeyPatch,
                                              nlp: Language) -> None:
    """A model whose record has no ``ref_kinds`` (trained before them) is given none; else the ones it records."""
    model = shipped("en")
    hyper = {k: v for k, v in model.meta["hyperparameters"].items() if k != "ref_kinds"}
    if record is not None:
        hyper["ref_kinds"] = record
    monkeypatch.setitem(model.meta, "hyperparameters", hyper)
    seen: list[Any] = []
    real = examples.english

    def spy(*args: Any, **kwargs: Any) -> list[examples.Example]:
        seen.append(kwargs.get("ref_kinds"))
        return real(*args, **kwargs)

    monkeypatch.setattr(examples, "english", spy)
    scorer.english(nlp("Keel Photonics shipped lasers to Wuhan."), EntityTable(), model)
    assert seen == [frozenset(record or ())]


def test_training_adds_the_kinds_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off by default, as the shipped model was trained (the dev CV folds refit as it was); ``--ref-kinds``."""
    from mcfwatch.extract.relmodel import train

    assert frozenset() == examples.REF_KINDS_EN
    seen: list[frozenset[str]] = []  # the kinds in force while the training reads its documents
    monkeypatch.setattr(train, "training_docs", lambda lang: (seen.append(examples.REF_KINDS_EN), ([], []))[1])
    monkeypatch.setattr(train, "data_hash", lambda paths: "")
    assert train.main(["en", "--ref-kinds", "defined,we"]) == 0
    assert seen == [frozenset({"defined", "we"})]
    assert train.main(["en", "--ref-kinds", "cheese"]) == 2


def _mentions(text: str, names: list[tuple[str, str, str]]) -> list[Mention]:
    """Mentions of each (name, entity, type) at every place the name is written."""
    out: list[Mention] = []
    for name, entity, kind in names:
        start = text.find(name)
        while start >= 0:
            out.append(Mention(start, start + len(name), entity, kind))
            start = text.find(name, start + 1)
    return out


def _ref_kinds(nlp: Language, text: str, names: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [(text[r.start:r.end], r.ref, r.entity)
            for r in crosssent.english(nlp(text), _mentions(text, names), crosssent.KINDS_EN) if r.ref.startswith(NEW)]


def test_a_parenthetical_defines_a_party_only_right_after_its_name(nlp: Language) -> None:
    # ("the Agreement") is no party; a definition 60 characters after the name is not the name's
    text = ('Acme Corp. signed a supply agreement with Beta LLC (the "Agreement"). Later the Agreement ended. '
            'Ferron Optics, Inc. (the "Company") sold 40 lasers to Beta LLC. In 2020 the Company shipped 12 more.')
    names = [("Acme Corp.", "acme", "Company"), ("Beta LLC", "beta", "Company"),
             ("Ferron Optics, Inc.", "ferron", "Company")]
    refs = _ref_kinds(nlp, text, names)
    assert not [r for r in refs if r[0] == "the Agreement"]
    assert ("the Company", "def:term", "ferron") in refs


def test_a_defined_acronym_shortens_the_name(nlp: Language) -> None:
    text = ('Semiconductor Manufacturing International Corporation ("SMIC") builds fabs. In 2019 the SMIC board met.')
    parties = crosssent._Parties(nlp(text), crosssent.features_en.tokens(nlp(text)),
                                 _mentions(text, [("Semiconductor Manufacturing International Corporation", "smic",
                                                   "Company")]), crosssent.KINDS_EN)
    assert {k: m.entity for k, m in parties.terms.items()} == {"SMIC": "smic"}


def test_the_defendant_is_never_the_judge_nor_a_buyer(nlp: Language) -> None:
    # "U.S. District Judge Mary Smith sentenced him": the judge is no defendant; "Huawei ordered 500 FPGAs": no charge
    text = ("Huawei ordered 500 FPGAs from Lattice. Wang Lei was arrested in Boston in May. "
            "U.S. District Judge Mary Smith sentenced him to 46 months. The defendant shipped the FPGAs to Shenzhen.")
    refs = _ref_kinds(nlp, text, [("Huawei", "huawei", "Company"), ("Lattice", "lattice", "Company"),
                                  ("Wang Lei", "wang", "Person"), ("Mary Smith", "smith", "Person"),
                                  ("Shenzhen", "shenzhen", "Place")])
    assert [r for r in refs if r[1] == "role:defendant"] == [("The defendant", "role:defendant", "wang")]


def test_the_defendant_is_the_one_exports_rules_name(nlp: Language) -> None:
    # one rule for both: ``en.accused`` (the relation rules' exporter of "the defendant shipped")
    from mcfwatch.extract.en.accused import accused

    text = "Liu Fang pleaded guilty on Monday. Prosecutor Anne Ward said the defendant sold radios to Iran."
    sdoc = nlp(text)
    mentions = _mentions(text, [("Liu Fang", "liu", "Person"), ("Anne Ward", "ward", "Person"),
                                ("Iran", "iran", "Place")])
    parties = crosssent._Parties(sdoc, crosssent.features_en.tokens(sdoc), mentions, crosssent.KINDS_EN)
    assert [e for _, e in accused(sdoc, parties._entity_at, parties.types.get)] == ["liu"]
    assert [r.entity for r in crosssent.english(sdoc, mentions, crosssent.KINDS_EN) if r.ref == "role:defendant"] \
        == ["liu"]


def test_we_in_a_speakers_quotation_is_not_the_author(nlp: Language) -> None:
    text = ('Keel Photonics shipped lasers to Wuhan. "We did nothing wrong," said Zhou Min of Orion Trading. '
            'We reported the sale in 2021.')
    refs = _ref_kinds(nlp, text, [("Keel Photonics", "keel", "Company"), ("Orion Trading", "orion", "Company"),
                                  ("Zhou Min", "zhou", "Person"), ("Wuhan", "wuhan", "Place")])
    assert [r for r in refs if r[1] == "pron:we"] == [("We", "pron:we", "keel")]


def test_a_passive_transfer_takes_no_shipper_from_far_back(nlp: Language) -> None:
    # the seller four sentences back is not the unnamed shipper of "The machine was shipped to Penang"
    text = ("Keel Photonics sold a laser to Orion Trading in 2019. Orion is based in Singapore. It has 40 staff. "
            "Its chief executive is Zhou Min. The machine was shipped to Penang in 2022.")
    refs = _ref_kinds(nlp, text, [("Keel Photonics", "keel", "Company"), ("Orion Trading", "orion", "Company"),
                                  ("Zhou Min", "zhou", "Person")])
    assert not [r for r in refs if r[1].startswith("pass:") and r[2] == "keel"]



def test_training_with_kinds_leaves_the_default_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--ref-kinds`` holds for that training only: the module's default is restored after it (review s26 #11)."""
    from mcfwatch.extract.relmodel import train

    monkeypatch.setattr(train, "training_docs", lambda lang: ([], []))
    monkeypatch.setattr(train, "data_hash", lambda paths: "")
    assert train.main(["en", "--ref-kinds", "defined,we"]) == 0
    assert frozenset() == examples.REF_KINDS_EN
