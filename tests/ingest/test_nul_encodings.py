"""A stray NUL (a converter's padding, a pasted C string) in a Chinese text file in any encoding ingest reads: the
text is read with the NUL dropped, as in UTF-8, instead of being refused as binary (review s26 lists-resolve #8).
Real text: the pool's 中华人民共和国反外国制裁法 (corpus/train zh-p-law-004) and, for Big5 (traditional
characters), the founding seed's sentence as tests/ingest/test_formats.py writes it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.store import Store

ROOT = Path(__file__).resolve().parents[2]
BIG5_TEXT = "保定市經貿代表團訪問英國，幫助河北立中集團與英國MQP公司簽署超級晶粒細化劑合作協議。"


def _law() -> str:
    for line in (ROOT / "corpus" / "train" / "zh.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == "zh-p-law-004":
            return str(record["text"])
    raise AssertionError("zh-p-law-004 is not in corpus/train/zh.jsonl")


def _with_nul(text: str, encoding: str) -> bytes:
    """The text encoded, with one NUL byte (or, in UTF-16, one NUL character) after its first full stop."""
    head, stop, rest = text.partition("。")
    return (head + stop).encode(encoding) + ("\x00" + rest).encode(encoding.replace("utf-16", "utf-16-le"))


def test_chinese_files_with_a_nul_read_in_every_encoding(tmp_path: Path) -> None:
    law = _law()
    assert len(law) > 1000 and "\x00" not in law
    folder = tmp_path / "in"
    folder.mkdir()
    files = {"law-gb18030.txt": (law, "gb18030"), "seed-big5.txt": (BIG5_TEXT * 3, "big5"),
             "law-utf16.txt": (law, "utf-16")}
    for name, (text, encoding) in files.items():
        (folder / name).write_bytes(_with_nul(text, encoding))
    db = tmp_path / "s.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert "failed:" not in result.output and "binary" not in result.output, result.output
    assert result.exit_code == 0 and "0 failed" in result.output, result.output
    store = Store(db, create=False)
    try:
        texts = {d["path"].rsplit("/", 1)[-1]: d["text"] for d in store.documents()}
    finally:
        store.close()
    assert texts["law-gb18030.txt"] == law and texts["seed-big5.txt"] == BIG5_TEXT * 3, texts.keys()
    assert "1 already stored" in result.output and "law-utf16.txt" not in texts  # the same text as the GB18030 file
