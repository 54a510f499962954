"""Findings of the session-27 code review of the English extraction (/work/notes/review/en-extract.md items 1-7
and 9), each on a phrasing of newswire, government or enforcement text."""

from __future__ import annotations

import time

import pytest
import spacy
from spacy.language import Language

from mcfwatch.extract.en import heads, lexflags
from mcfwatch.extract.en.accused import accused, defendant
from mcfwatch.extract.en.parts import shows_goods
from mcfwatch.extract.relmodel import crosssent

from .test_crosssent_parties import _mentions, _ref_kinds


def _object(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    return next(t for t in nlp(text) if t.dep_ == "dobj")


def test_a_two_sense_head_noun_is_no_goods_shown(nlp: Language) -> None:
    # item 1: "signals", "video" head their phrase: no modifier of a technology ("video compression")
    for text in ("Acme showed strong signals of recovery.", "The minister showed a video."):
        assert not shows_goods(_object(nlp, text)), text
    for text in ("COMAC displayed a C919 cabin mock-up.", "Hikvision showed video compression chips."):
        assert shows_goods(_object(nlp, text)), text


def test_a_person_whose_name_is_made_of_common_words_stays(extract_text) -> None:  # type: ignore[no-untyped-def]
    # item 2: "bill", "prices", "hunt", "rose", "young" in lower case make no common-word phrase of a person's name
    for text, name in (("Bill Price, a trade lawyer in Washington, said the bill would raise prices for farmers.",
                        "Bill Price"),
                       ("Mark Hunt, a trade lawyer in Washington, said the tariffs would hurt the hunt for new "
                        "markets, as companies marked their losses.", "Mark Hunt"),
                       ("Rose Young, the chief executive, said sales rose by 12 percent among young buyers.",
                        "Rose Young")):
        assert name in {e.name for e in extract_text(text).entities if e.type == "Person"}, text


def _accused(nlp: Language, text: str, names: list[tuple[str, str, str]]) -> tuple[list[tuple[int, str]], object]:
    doc = nlp(text)
    types = {e: t for _, e, t in names}
    at: dict[int, str] = {}
    for name, e, _ in names:
        start = 0
        while (k := text.find(name, start)) >= 0:
            for t in doc:
                if k <= t.idx < k + len(name):
                    at[t.i] = e
            start = k + len(name)
    return accused(doc, at.get, types.get), (doc, at, types)


def test_an_admission_to_a_university_is_no_confession(nlp: Language) -> None:
    # item 5: "admitted 30 students" admits no guilt; "admitted that he shipped" and "admitted to exporting" do
    names = [("Tsinghua University", "thu", "Company"), ("Zhang Wei", "zhang", "Person")]
    found, _ = _accused(nlp, "Tsinghua University admitted 30 students to its new programme in 2021.", names)
    assert not found
    found, _ = _accused(nlp, "Zhang Wei was admitted to Tsinghua University in 2015.", names)
    assert not found
    found, _ = _accused(nlp, "Zhang Wei admitted that he shipped the amplifiers to Tsinghua University.", names)
    assert [e for _, e in found] == ["zhang"]
    found, _ = _accused(nlp, "Zhang Wei admitted to exporting the amplifiers without a licence.", names)
    assert [e for _, e in found] == ["zhang"]


def test_the_defendant_is_the_one_accused_last_in_its_paragraph(nlp: Language) -> None:
    # item 4: a DOJ release of two defendants: "the defendant" of Chen's paragraph is Chen, not the first accused
    text = ("Li Ming was sentenced on Monday to 30 months in prison for conspiring to export radiation-hardened "
            "chips to China.\n\nIn a related case, Chen Bo pleaded guilty on Tuesday. According to court documents, "
            "the defendant shipped the chips to Hong Kong.\n\nThe defendant faces up to 20 years in prison.")
    names = [("Li Ming", "li", "Person"), ("Chen Bo", "chen", "Person")]
    refs = _ref_kinds(nlp, text, names)
    assert [r[2] for r in refs if r[1] == "role:defendant"] == ["chen", "li"]
    found, (doc, at, types) = _accused(nlp, text, names)
    k = next(t.i for t in doc if t.lower_ == "defendant")
    assert defendant(doc, found, [], k, at.get, types.get) == "chen"  # type: ignore[attr-defined]


def test_quotation_state_is_read_once_per_document() -> None:
    # item 3: "we" inside a speaker's quotation of its paragraph; a 1 MB single-line text stays fast
    text = 'The ministry said: \u201cWe will act.\u201d We added that "we are ready" and we left.\nWe "opened'
    quotes = crosssent._quotes(text)
    inside = [crosssent._quoted(quotes, m) for m in (text.index("We will"), text.index("We added"),
                                                      text.index("we are"), text.index("we left"),
                                                      text.index("We \"o"))]
    assert inside == [True, False, True, False, False]
    big = ('Officials said "the plan works" and we agreed. ' * 22000)
    t0 = time.perf_counter()
    quotes = crosssent._quotes(big)
    offsets = [k for k in range(0, len(big), 500)][:2000]
    assert not any(crosssent._quoted(quotes, k) for k in offsets if big.startswith("we", k))
    assert time.perf_counter() - t0 < 1.0


def test_shippers_are_ordered_by_their_end(nlp: Language) -> None:
    # item 7: nested mentions of one shipper ("Acme Corp" around "Acme") and a shipper told twice
    text = ("Acme Corp shipped the lasers and Acme Corp sold the optics to Orion Trading. Orion Trading exported "
            "them to Wuhan. The optics were shipped to Shenzhen.")
    ms = _mentions(text, [("Acme Corp", "acme", "Company"), ("Acme", "acme", "Company"),
                          ("Orion Trading", "orion", "Company")])
    parties = crosssent._Parties(nlp(text), crosssent.features_en.tokens(nlp(text)), ms, crosssent.KINDS_EN)
    assert parties.shipper_ends == sorted(parties.shipper_ends)
    assert len({id(m) for m in parties.shippers}) == len(parties.shippers)


def test_name_shapes_of_workers_councils_and_outlets() -> None:
    # item 9: a firm ending in "-networkers", a national security council and a placeholder "ABC" stay untyped
    assert heads.strong_type("Global Networkers") is None
    assert heads.strong_type("United Steelworkers") == "Organization"
    assert heads.strong_type("Communications Workers of America") == "Organization"
    assert heads.strong_type("Security Council") != "Organization"
    assert heads.strong_type("UN Security Council") == "Organization"
    assert heads.strong_type("ABC") is None
    assert heads.strong_type("Reuters") == "Organization"


def test_the_flag_matchers_cache_is_a_small_lru(monkeypatch: pytest.MonkeyPatch) -> None:
    # item 6: at most SUBSETS_MAX Matchers, the least recently used dropped first (not all at once)
    assert lexflags.SUBSETS_MAX == 64
    monkeypatch.setattr(lexflags, "SUBSETS_MAX", 2)
    nlp = spacy.blank("en")
    fm = lexflags.FlagMatcher(nlp.vocab)
    fm.add("P0", [[{"TEXT": {"REGEX": "^[A-Z]"}, "OP": "+"}, {"LOWER": {"IN": ["bureau", "commission"]}}]])
    fm.add("P1", [[{"LOWER": "ministry"}, {"LOWER": "of"}, {"TEXT": {"REGEX": "^[A-Z][a-z]+$"}}]])
    a, b, c = nlp("The Ministry of Commerce ."), nlp("The Harbin Science Bureau ."), nlp("Nothing here .")
    first = fm.for_doc(a)
    fm.for_doc(b)
    assert fm.for_doc(a) is first
    fm.for_doc(c)  # drops b's, the least recently used
    assert fm.for_doc(a) is first and len(fm.subsets) == 2
