"""Property tests (hypothesis): every reader on arbitrary and mutated input, the name normalisers, and the
evidence-offset invariant. A reader either returns text or raises InputError (one line, naming the file);
nothing else may escape. Examples are bounded so the whole file runs in seconds."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mcfwatch.errors import InputError
from mcfwatch.extract import Extractor
from mcfwatch.extract.pipeline import clean_name
from mcfwatch.extract.sections import section_bounds
from mcfwatch.ingest.docx import read_docx
from mcfwatch.ingest.html import read_html
from mcfwatch.ingest.pdf import read_pdf
from mcfwatch.ingest.sources import Failure, read_jsonl
from mcfwatch.ingest.text import decode_bytes
from mcfwatch.model import Document, Entity, Extraction, Relation
from mcfwatch.resolve.batch import read_rows, rows_from_csv
from mcfwatch.resolve.names import latin_words, parse, variants_of
from mcfwatch.resolve.normalize import compact, fold, han_only, strip_accents, to_simplified

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SEEDS = Path(__file__).parent / "seeds"


def _mutations(seed: bytes) -> st.SearchStrategy[bytes]:
    """The seed file with a few bytes overwritten, a slice cut out, or truncated."""

    @st.composite
    def mutate(draw: st.DrawFn) -> bytes:
        data = bytearray(seed)
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] = draw(st.integers(0, 255))
        if draw(st.booleans()):
            a = draw(st.integers(0, len(data)))
            b = draw(st.integers(a, min(len(data), a + 200)))
            del data[a:b]
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]
        return bytes(data)

    return mutate()


def _clean_error(exc: InputError, path: str) -> None:
    assert str(exc).startswith(path + ": ") and "\n" not in str(exc)


@FAST
@given(st.binary(max_size=4096))
def test_txt_reader_on_any_bytes(data: bytes) -> None:
    try:
        text = decode_bytes(data, "x.txt")
    except InputError as exc:
        _clean_error(exc, "x.txt")
    else:
        assert isinstance(text, str) and text


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=1, max_size=300), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_txt_reader_round_trips_text(text: str, encoding: str) -> None:
    assume(text.strip() and not re.search(r"[\x00-\x08\x0e-\x1f]", text))
    assert decode_bytes(text.encode(encoding), "x.txt") == text


@FAST
@given(st.binary(max_size=4096) | st.text(max_size=2000).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode()))
def test_html_reader_on_any_bytes(data: bytes) -> None:
    try:
        text, title = read_html(data, "x.html")
    except InputError as exc:
        _clean_error(exc, "x.html")
    else:
        assert text.strip() and (title is None or isinstance(title, str))


@pytest.mark.parametrize(("name", "reader"), [("seed.pdf", read_pdf), ("seed.docx", read_docx)])
def test_binary_readers_on_mutated_files(name: str, reader: object) -> None:
    seed = (SEEDS / name).read_bytes()

    @FAST
    @given(_mutations(seed) | st.binary(max_size=2048))
    def run(data: bytes) -> None:
        try:
            text, _ = reader(data, name)  # type: ignore[operator]
        except InputError as exc:
            _clean_error(exc, name)
        else:
            assert isinstance(text, str) and text.strip()

    run()


_RECORD = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=200)},
    optional={"id": st.text(max_size=10) | st.integers(), "title": st.none() | st.text(max_size=20) | st.integers(),
              "date": st.text(max_size=12), "language": st.sampled_from(["en", "zh", "", "xx"])},
)


@FAST
@given(st.lists(_RECORD | st.text(max_size=50).map(json.dumps) | st.binary(max_size=50).map(repr), max_size=8))
def test_jsonl_reader_one_item_per_line(records: list[object]) -> None:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    data = "\n".join(lines).encode("utf-8")
    items = list(read_jsonl(data, "c.jsonl"))
    expected = [i + 1 for i, line in enumerate(lines) if line.strip()]
    assert [int(str(i.path).rsplit(":", 1)[1]) for i in items] == expected
    for item, line in zip(items, [x for x in lines if x.strip()], strict=True):
        if isinstance(item, Document):
            rec = json.loads(line)
            # Line endings normalised and NULs dropped at reading (PostgreSQL stores no NUL), nothing else.
            assert item.text == rec["text"].replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
            assert item.title is None or isinstance(item.title, str)
        else:
            assert isinstance(item, Failure) and "\n" not in item.reason


@FAST
@given(st.binary(max_size=2048))
def test_jsonl_reader_on_any_bytes(data: bytes) -> None:
    for item in read_jsonl(data, "c.jsonl"):
        assert isinstance(item, Document | Failure)


_CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@FAST
@given(st.lists(st.tuples(_CELL, _CELL), min_size=1, max_size=10))
def test_csv_partner_reader_round_trips_rows(rows: list[tuple[str, str]]) -> None:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)
    writer.writerow(["name", "country"])
    writer.writerows(rows)
    got = rows_from_csv(buf.getvalue(), "p.csv")
    assert [(r.get("name", ""), r.get("country", "")) for r in got] == [
        (a.strip(), b.strip()) for a, b in rows
    ] or len(got) != len(rows)  # a cell holding a bare newline sequence may split a row: never a crash


@FAST
@given(st.binary(max_size=2048))
def test_csv_partner_reader_on_any_bytes(data: bytes) -> None:
    try:
        rows = rows_from_csv(decode_bytes(data, "p.csv"), "p.csv")
    except InputError as exc:
        _clean_error(exc, "p.csv")
    else:
        assert rows and all(isinstance(r, dict) for r in rows)


def test_xlsx_partner_reader_on_mutated_files(tmp_path: Path) -> None:
    seed = (SEEDS / "partners.xlsx").read_bytes()

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(_mutations(seed))
    def run(data: bytes) -> None:
        path = tmp_path / "p.xlsx"
        path.write_bytes(data)
        try:
            rows = read_rows(path)
        except InputError as exc:
            _clean_error(exc, str(path))
        else:
            assert isinstance(rows, list)

    run()


_NAME = st.text(max_size=80) | st.sampled_from(
    ["Northwestern Polytechnical University（NPU） (西北工業大學)", "Huawei Technologies Co., Ltd.", "[/x]", "=1+1",
     "\u202eHuawei", "中国航天科工集团", "A.B.C. (Hong Kong) Ltd", "", "   "]
)


@settings(max_examples=200, deadline=None)
@given(_NAME)
def test_name_normalisers_never_crash_and_are_idempotent(name: str) -> None:
    parsed = parse(name)
    assert parsed.original == name
    assert all(isinstance(v, str) for v in variants_of(name))
    for f in (fold, strip_accents, to_simplified, han_only, compact):
        once = f(name)
        assert f(once) == once, f.__name__
    assert latin_words(" ".join(latin_words(name))) == latin_words(name) or any(
        w != w.strip() for w in latin_words(name))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_clean_name_is_idempotent_and_leaves_no_format_characters(name: str) -> None:
    once = clean_name(name)
    assert clean_name(once) == once
    assert not any(unicodedata.category(ch) in {"Cc", "Cf"} for ch in once)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n。"), max_size=400), st.integers(1, 50))
def test_section_bounds_cover_the_text_within_the_size(text: str, size: int) -> None:
    bounds = section_bounds(text, size)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(e - s <= size for s, e in bounds) and all(e > s for s, e in bounds[:-1])


class _WordExtractor:
    """Every capitalised word is an entity; neighbours in a sentence are related (a stand-in for the NLP)."""

    def extract_many(self, docs: list[Document]) -> Iterator[Extraction]:
        for doc in docs:
            ex = Extraction(document=doc)
            by_name: dict[str, Entity] = {}
            for m in re.finditer(r"[A-Z][a-z]+", doc.text):
                ent = by_name.setdefault(m.group(), Entity(id=f"e{len(by_name) + 1}", name=m.group(), type="Company"))
                ent.mentions.append(ex.span(m.start(), m.end()))
            ex.entities = list(by_name.values())
            for s in re.finditer(r"[^.]+", doc.text):
                names = re.findall(r"[A-Z][a-z]+", s.group())
                if len(set(names)) >= 2:
                    a, b = by_name[names[0]].id, by_name[names[-1]].id
                    if a != b:
                        ex.add_relation(Relation("agreement", a, b, ex.span(s.start(), s.end())))
            yield ex


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["Acme", "Beta", "and", " ", ".", "\n", "\n\n", "x", "é", "中"]), max_size=120).map("".join),
       st.integers(5, 60))
def test_evidence_offsets_hold_after_stitching(text: str, size: int) -> None:
    assume(text.strip())
    ex_whole = next(_WordExtractor().extract_many([Document(text=text)]))
    extractor = Extractor()
    extractor._loaded["en"] = _WordExtractor()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MCFWATCH_SECTION_CHARS", str(size))
        ex = extractor.extract(Document(text=text, language="en"))
    ex.check()
    for ent in ex.entities:
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text
    # where every cut falls between words, every mention of the whole text is found in the sections too
    cuts = [e for _, e in section_bounds(text, size)[:-1]]
    if all(not (text[c - 1].isalpha() and text[c].isalpha()) for c in cuts):
        assert sorted((m.start, m.end) for e in ex.entities for m in e.mentions) == sorted(
            (m.start, m.end) for e in ex_whole.entities for m in e.mentions)


ENGLISH = [
    "Northwestern Polytechnical University signed an agreement with Brunel University in 2019.",
    "Huawei Technologies funded a laboratory at the University of Cambridge.",
    "The Commerce Department added China Electronics Technology Group Corporation to the Entity List.",
    "\u202eBeihang University\u202c hosted a delegation from Imperial College London.",
]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(ENGLISH), min_size=1, max_size=6), st.sampled_from(["\n\n", " ", "\n"]))
def test_evidence_offsets_hold_on_the_english_model(extractor: Extractor, sentences: list[str], sep: str) -> None:
    text = sep.join(sentences)
    ex = extractor.extract(Document(text=text, language="en"))
    ex.check()
    for rel in ex.relations:
        assert text[rel.evidence.start:rel.evidence.end] == rel.evidence.text
    assert not any("\u202e" in e.name for e in ex.entities)
