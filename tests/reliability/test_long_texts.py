"""Issue 13 item 7: texts over spaCy's max_length go through the NLP in sections, stitched with true offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from mcfwatch.errors import InputError
from mcfwatch.extract import Extractor
from mcfwatch.extract.sections import section_bounds
from mcfwatch.model import Document, Entity, Extraction, Relation

NAMES = re.compile(r"\b(Huawei|China|United States|Department of Commerce)\b")


class RegexExtractor:
    """A stand-in language extractor: each name found is an entity, each sentence with two names a relation."""

    def __init__(self) -> None:
        self.longest = 0

    def extract_many(self, docs: list[Document]) -> Iterator[Extraction]:
        for doc in docs:
            self.longest = max(self.longest, len(doc.text))
            ex = Extraction(document=doc)
            ids: dict[str, Entity] = {}
            for m in NAMES.finditer(doc.text):
                ent = ids.setdefault(m.group(), Entity(id=f"e{len(ids) + 1}", name=m.group(), type="Organization"))
                ent.mentions.append(ex.span(m.start(), m.end()))
            ex.entities = list(ids.values())
            for s in re.finditer(r"[^.\n]+\.", doc.text):
                found = [ids[m.group()] for m in NAMES.finditer(s.group())]
                if len({e.id for e in found}) >= 2:
                    ex.add_relation(Relation("agreement", found[0].id, found[1].id, ex.span(s.start(), s.end())))
            yield ex


def _long_text(records: list[dict], at_least: int) -> str:
    body = "\n\n".join(r["text"] for r in records if (r.get("language") or "en") == "en")
    text = body
    while len(text) <= at_least:
        text += "\n\n" + body
    return text


def test_item7_text_over_one_million_characters_is_sectioned_not_refused(corpus_records: list[dict]) -> None:
    text = _long_text(corpus_records, 1_000_000)
    fake = RegexExtractor()
    extractor = Extractor()
    extractor._loaded["en"] = fake
    ex = extractor.extract(Document(text=text, path="long.txt", language="en"))
    assert len(text) > 1_000_000 and fake.longest <= 100_000
    ex.check()  # text[start:end] == span.text for every mention and evidence
    found = sorted((m.start, m.end) for e in ex.entities for m in e.mentions)
    assert found == [(m.start(), m.end()) for m in NAMES.finditer(text)]  # nothing lost or doubled at a cut
    assert sorted(e.name for e in ex.entities) == sorted({m.group() for m in NAMES.finditer(text)})
    assert len({e.id for e in ex.entities}) == len(ex.entities)
    sentences = [s for s in re.finditer(r"[^.\n]+\.", text) if len({m.group() for m in NAMES.finditer(s.group())}) >= 2]
    assert {(r.evidence.start, r.evidence.end) for r in ex.relations} <= {(s.start(), s.end()) for s in sentences}
    assert ex.relations  # relations are unique by (type, parties, date): a few pairs
    for r in ex.relations:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text


def test_item7_sections_cut_at_paragraph_ends(corpus_records: list[dict]) -> None:
    text = _long_text(corpus_records, 300_000)
    bounds = section_bounds(text, 100_000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(0 < e - s <= 100_000 for s, e in bounds)
    assert all(text[e - 2:e] == "\n\n" for _, e in bounds[:-1])


def test_item7_english_model_sectioned_keeps_offsets_and_finds_the_same_names(
    corpus_records: list[dict], extractor: Extractor, monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = _long_text(corpus_records, 0)[:30_000]
    doc = Document(text=text, path="part.txt", language="en")
    whole = extractor.extract(doc)
    monkeypatch.setenv("MCFWATCH_SECTION_CHARS", "4000")
    cut = extractor.extract(doc)
    cut.check()
    assert len(section_bounds(text, 4000)) >= 8
    names_whole = {e.name for e in whole.entities}
    names_cut = {e.name for e in cut.entities}
    assert len(names_whole & names_cut) >= 0.8 * len(names_whole)
    assert len(cut.relations) >= 0.7 * len(whole.relations)


def test_limits_text_over_the_absolute_cap_is_refused_naming_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MCFWATCH_MAX_TEXT_CHARS", "50")
    extractor = Extractor()
    extractor._loaded["en"] = RegexExtractor()
    with pytest.raises(InputError, match=r"long\.txt: text too large \(60 characters > 50 characters limit, MCFWATCH_MAX_TEXT_CHARS\)"):
        extractor.extract(Document(text="x" * 60, path="long.txt", language="en"))


def test_minor_bidi_and_control_characters_leave_entity_names(extractor: Extractor) -> None:
    text = ("Northwestern Polytechnical University signed an agreement with \u202eHuawei\u202c Technologies "
            "in 2019. Brunel\u200b University hosted a delegation from Huawei Technologies.")
    ex = extractor.extract(Document(text=text, path="bidi.txt", language="en"))
    ex.check()
    names = [n for e in ex.entities for n in (e.name, *e.aliases)]
    assert names and not any(re.search(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\x00-\x1f]", n) for n in names)
    assert any("Huawei" in n for n in names)
