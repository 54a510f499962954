"""Issue 13's ingest items: each hostile input fails alone with a one-line error, or is read correctly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mcfwatch.ingest import Failure, iter_documents
from mcfwatch.ingest.text import decode_bytes
from mcfwatch.model import Document


def _items(path: Path) -> tuple[list[Document], list[Failure]]:
    items = list(iter_documents([path]))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)]


def test_item1_nested_jsonl_record_fails_alone(corpus_records: list[dict], tmp_path: Path) -> None:
    good = corpus_records[:16]
    lines = [json.dumps(r) for r in good]
    lines.insert(5, '{"text": "deep", "x": ' + "[" * 200_000 + "]" * 200_000 + "}")  # RecursionError in json
    lines.insert(9, '{"text": "big", "n": ' + "9" * 5000 + "}")  # ValueError: integer too long to convert
    f = tmp_path / "corpus.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, fails = _items(f)
    assert [d.id for d in docs] == [str(r["id"]) for r in good]
    assert [x.path for x in fails] == [f"{f}:6", f"{f}:10"]
    assert "nested too deeply" in fails[0].reason
    assert all("\n" not in str(x) for x in fails)


def test_item1_jsonl_metadata_of_the_wrong_kind_is_ignored(tmp_path: Path) -> None:
    f = tmp_path / "odd.jsonl"
    f.write_text(json.dumps({"text": "Huawei signed an agreement.", "title": {"x": 1}, "url": ["u"],
                             "language": 5, "date": 2020}) + "\n", encoding="utf-8")
    [doc], [] = _items(f)
    assert doc.title is None and doc.url is None and doc.language == "en" and doc.published is None


def test_minor_utf16_without_bom_is_text(tmp_path: Path) -> None:
    text = "Northwestern Polytechnical University signed an agreement with Brunel University.\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        f = tmp_path / f"{encoding}.txt"
        f.write_bytes((text * 3).encode(encoding))
        [doc], [] = _items(f)
        assert doc.text == text * 3
    zh = "西北工业大学与布鲁内尔大学签署合作协议。\n" * 4
    assert decode_bytes(zh.encode("utf-16-le"), "zh.txt") == zh
    assert decode_bytes(zh.encode("utf-16-be"), "zh.txt") == zh


def test_minor_binary_with_nuls_is_still_refused(tmp_path: Path) -> None:
    f = tmp_path / "image.txt"
    f.write_bytes(bytes(range(256)) * 40)
    [], [fail] = _items(f)
    assert "binary" in fail.reason


def test_limits_text_characters_refused_naming_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MCFWATCH_MAX_TEXT_CHARS", "1000")
    f = tmp_path / "long.txt"
    f.write_text("word " * 400, encoding="utf-8")
    j = tmp_path / "long.jsonl"
    j.write_text(json.dumps({"text": "word " * 400}) + "\n" + json.dumps({"text": "short"}) + "\n", encoding="utf-8")
    [], [fail] = _items(f)
    assert "MCFWATCH_MAX_TEXT_CHARS" in fail.reason and "2,000 characters > 1,000" in fail.reason
    [doc], [fail] = _items(j)
    assert doc.text == "short" and fail.path == f"{j}:1" and "MCFWATCH_MAX_TEXT_CHARS" in fail.reason


def test_limits_a_bad_setting_value_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mcfwatch.settings import MAX_FILE_BYTES, SettingError

    monkeypatch.setenv("MCFWATCH_MAX_FILE_BYTES", "lots")
    with pytest.raises(SettingError, match="MCFWATCH_MAX_FILE_BYTES='lots' must be a positive whole number"):
        MAX_FILE_BYTES.get_int()
