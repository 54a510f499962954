"""Replay the hostile corpus and the fault scenarios; print cases tried, clean errors, crashes, documents lost.

The corpus: the regression files (tests/ingest/regressions/), inputs generated here (zip bomb, billion
laughs and XXE DOCX files, deeply nested HTML and JSON, a recursive PDF, mutated PDFs, bad encodings, a text
over one million characters) and names carrying markup, bidi overrides, NULs and formula prefixes. Every
reader input is read alone; then all of them are ingested together with good corpus documents through the
CLI in a subprocess, and every good document must be stored. The fault scenarios are the `kill -9` tests
(tests/reliability/test_kill.py) run as a subprocess.

A crash is an exception other than a one-line InputError, or a traceback from the CLI. Figures to expect:
crashes 0, documents lost 0. `--full` also extracts the 1.1M-character text with the English model
(about 4 minutes on two busy cores) instead of a stand-in extractor.

Run: nice -n 10 .venv/bin/python benchmarks/hostile.py [--full] [--no-faults]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mcfwatch.data import sample_path
from mcfwatch.errors import InputError
from mcfwatch.ingest.readers import READERS
from mcfwatch.model import sha256_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "reliability" / "seeds"
REGRESSIONS = ROOT / "tests" / "ingest" / "regressions"
CLI = [sys.executable, "-c", "from mcfwatch.cli.main import app; app()"]
SUFFIX = {"txt": ".txt", "html": ".html", "pdf": ".pdf", "docx": ".docx", "jsonl": ".jsonl", "csv": ".csv", "xlsx": ".xlsx"}
NAMES = ["[/x]", "[link=file:///etc/passwd]click[/link]", "[bold red]Huawei", "\u202eHuawei\u202c Technologies",
         "Huawei\x00 Technologies", "=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1", "=HYPERLINK(\"http://x\")",
         "%s%s%n", "'; DROP TABLE entities; --", "_", "%", "\\", "\u200b", "A" * 5000]


@dataclass
class Tally:
    tried: int = 0
    clean: int = 0
    read: int = 0
    crashes: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)

    def reader(self, name: str, kind: str, data: bytes) -> None:
        self.tried += 1
        try:
            READERS[kind](data, name)
        except InputError as exc:
            if "\n" in str(exc) or not str(exc).startswith(name):
                self.crashes.append(f"{name}: error is not one line naming the input")
            else:
                self.clean += 1
        except Exception as exc:  # noqa: BLE001 (any other exception is what we count)
            self.crashes.append(f"{name}: {exc.__class__.__name__}: {str(exc)[:120]}")
        else:
            self.read += 1


def _docx_with(document_xml: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(SEEDS / "seed.docx") as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, document_xml if info.filename == "word/document.xml" else src.read(info))
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _zip_bomb(inner: str, mb: int = 300) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z, z.open(inner, "w") as fh:
        chunk = b"\0" * 2**20
        for _ in range(mb):
            fh.write(chunk)
    return out.getvalue()


def _recursive_pdf() -> bytes:
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def _mutate(data: bytes, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf[: rng.randint(len(buf) // 2, len(buf))])


def generated() -> list[tuple[str, str, bytes]]:
    """(name, reader, bytes) of every generated hostile input."""
    rng = random.Random(13)
    text = "Huawei signed an agreement with Brunel University in 2019.\n"
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    cases = [
        ("zip-bomb.docx", "docx", _zip_bomb("word/document.xml")),
        ("zip-bomb.xlsx", "xlsx", _zip_bomb("xl/worksheets/sheet1.xml")),
        ("billion-laughs.docx", "docx", _docx_with(
            f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "lol">{laughs}]>'
            f'<w:document {_W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>'.encode())),
        ("xxe.docx", "docx", _docx_with(
            f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f'<w:document {_W}><w:body><w:p><w:r><w:t>Huawei &x;</w:t></w:r></w:p></w:body></w:document>'.encode())),
        ("billion-laughs.html", "html", f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY l0 "lol">{laughs}]><html><body><p>&l9;</p></body></html>'.encode()),
        ("deep.html", "html", b"<div>" * 100_000 + b"Huawei" + b"</div>" * 100_000),
        ("deep.jsonl", "jsonl", b'{"text": "x", "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"),
        ("wrong-types.jsonl", "jsonl", b'{"text": 5}\n{"text": ["a"]}\n[1]\n"s"\nnull\n{"text": "ok", "title": {"a": 1}}\n'),
        ("not-utf8.jsonl", "jsonl", '{"text": "é"}\n'.encode("latin-1")),
        ("recursive.pdf", "pdf", _recursive_pdf()),
        ("truncated.pdf", "pdf", (SEEDS / "seed.pdf").read_bytes()[:300]),
        ("random.pdf", "pdf", rng.randbytes(4096)),
        ("random.txt", "txt", rng.randbytes(4096)),
        ("truncated-utf8.txt", "txt", "西北工业大学 signed".encode()[:-8]),
        ("utf16le-no-bom.txt", "txt", text.encode("utf-16-le")),
        ("utf16be-no-bom.txt", "txt", ("西北工业大学与布鲁内尔大学签署协议。\n" * 3).encode("utf-16-be")),
        ("gb18030.txt", "txt", ("西北工业大学与布鲁内尔大学签署协议。\n" * 3).encode("gb18030")),
        ("big5.txt", "txt", ("西北工業大學與布魯內爾大學簽署協議。\n" * 3).encode("big5")),
        ("latin1.txt", "txt", ("Université de Montréal signed an agreement. " * 5).encode("latin-1")),
        ("nul-laden.txt", "txt", text.encode() + b"\0" * 100),
        ("bom-only.txt", "txt", b"\xef\xbb\xbf"),
        ("bidi.txt", "txt", "\u202eHuawei\u202c signed an agreement with Brunel\u200b University.\n".encode()),
        ("formula-names.csv", "csv", b"name\n" + "\n".join(n.replace("\x00", "") for n in NAMES).encode()),
        ("nul.csv", "csv", b"name\nHuawei\x00\n"),
        ("random.xlsx", "xlsx", rng.randbytes(2048)),
        ("random.docx", "docx", rng.randbytes(2048)),
    ]
    for kind, seed in (("pdf", "seed.pdf"), ("docx", "seed.docx"), ("xlsx", "partners.xlsx")):
        data = (SEEDS / seed).read_bytes()
        cases += [(f"mutated-{i}.{kind}", kind, _mutate(data, rng)) for i in range(15)]
    return cases


def good_documents(n: int = 12) -> list[str]:
    texts = []
    for f in sorted(sample_path("corpus").glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if (rec.get("language") or "en") == "en":
                    texts.append(rec["text"])
    return texts[:n]


def ingest_all(tally: Tally, cases: list[tuple[str, str, bytes]], work: Path) -> None:
    """Every hostile file next to good documents, one CLI ingest: each good document must be stored."""
    folder = work / "in[" / "x]"  # a path that is Rich markup
    folder.mkdir(parents=True)
    for name, kind, data in cases:
        if kind in {"txt", "html", "pdf", "docx", "jsonl"}:
            (folder / f"{Path(name).stem}{SUFFIX[kind]}").write_bytes(data)
    good = good_documents()
    for i, text in enumerate(good):
        (folder / f"good-{i:02}.txt").write_text(text, encoding="utf-8")
    db = work / "store.db"
    started = time.perf_counter()
    proc = subprocess.run([*CLI, "ingest", str(work / "in["), "--db", str(db)],  # noqa: S603
                          capture_output=True, text=True, timeout=1800)
    tally.tried += 1
    if "Traceback" in proc.stderr or proc.returncode not in (0, 1):
        tally.crashes.append(f"ingest of the hostile folder: exit {proc.returncode}: {proc.stderr[-300:]}")
    else:
        tally.clean += 1
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    stored = {row[0] for row in con.execute("SELECT sha256 FROM documents")}
    con.close()
    tally.lost += [f"good-{i:02}.txt" for i, t in enumerate(good) if sha256_text(t) not in stored]
    print(f"  ingest: {len(stored)} documents stored ({len(good)} good ones among them required), "
          f"{proc.stderr.count('failed:')} one-line failures, {time.perf_counter() - started:.0f} s")


def names(tally: Tally, work: Path) -> None:
    """Hostile names through screen, show and exposure, and a partner file through CSV and XLSX output."""
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from mcfwatch.cli.main import app

    runner, db = CliRunner(), work / "store.db"
    for name in NAMES:
        for args in (["screen", name], ["show", name, "--db", str(db)], ["exposure", name, "--db", str(db)]):
            tally.tried += 1
            result = runner.invoke(app, args)
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                tally.crashes.append(f"{args[0]} {name[:30]!r}: {result.exception!r}")
            elif result.exit_code in (0, 1, 2):
                tally.clean += 1
    partners = work / "partners.csv"
    partners.write_text("name\n" + "\n".join(n.replace("\x00", "") for n in NAMES) + "\nHuawei\x01\n", encoding="utf-8")
    for out in (work / "out.csv", work / "out.xlsx"):
        tally.tried += 1
        result = runner.invoke(app, ["screen", "--file", str(partners), "-o", str(out)])
        if result.exit_code != 0 or not out.exists():
            tally.crashes.append(f"screen --file -o {out.name}: exit {result.exit_code} {result.output[-200:]}")
            continue
        if out.suffix == ".xlsx":
            formulas = [c.coordinate for row in load_workbook(out).active.iter_rows() for c in row if c.data_type == "f"]
        else:
            formulas = [line for line in out.read_text(encoding="utf-8").splitlines() if re.match(r'^"?[=+\-@\t\r]', line)]
        if formulas:
            tally.crashes.append(f"{out.name}: formula cells {formulas[:3]}")
        else:
            tally.clean += 1


def huge_text(tally: Tally, full: bool) -> None:
    from mcfwatch.extract import Extractor
    from mcfwatch.model import Document, Entity, Extraction

    body = "\n\n".join(good_documents(200))
    text = body
    while len(text) <= 1_000_000:
        text += "\n\n" + body
    extractor = Extractor()
    if not full:
        class Stand:  # a stand-in for the English model (--full uses the model): every 'China' is a mention
            def extract_many(self, docs: list[Document]) -> list[Extraction]:
                out = []
                for d in docs:
                    ex = Extraction(document=d)
                    spans = [ex.span(m.start(), m.end()) for m in re.finditer("China", d.text)]
                    ex.entities = [Entity(id="e1", name="China", type="Country", mentions=spans)] if spans else []
                    out.append(ex)
                return out

        extractor._loaded["en"] = Stand()  # type: ignore[assignment]
    tally.tried += 1
    started = time.perf_counter()
    try:
        ex = extractor.extract(Document(text=text, path="huge.txt", language="en"))
        ex.check()
        tally.read += 1
        mentions = sum(len(e.mentions) for e in ex.entities)
        print(f"  {len(text):,}-character text: {len(ex.entities)} entities ({mentions} mentions), {len(ex.relations)} relations, "
              f"offsets verified, {time.perf_counter() - started:.0f} s ({'English model' if full else 'stand-in'})")
    except Exception as exc:  # noqa: BLE001
        tally.crashes.append(f"huge text: {exc!r}"[:200])


def faults(tally: Tally) -> None:
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",  # noqa: S603
                           str(ROOT / "tests" / "reliability" / "test_kill.py")],
                          capture_output=True, text=True, cwd=ROOT, timeout=1800)
    passed = int(m.group(1)) if (m := re.search(r"(\d+) passed", proc.stdout)) else 0
    failed = int(m.group(1)) if (m := re.search(r"(\d+) failed", proc.stdout)) else 0
    tally.tried += passed + failed
    tally.clean += passed
    tally.crashes += [f"fault scenario failed: {line}" for line in proc.stdout.splitlines() if line.startswith("FAILED")]
    print(f"  kill -9 scenarios: {passed} passed, {failed} failed")


def _read_all(tally: Tally, cases: list[tuple[str, str, bytes]]) -> None:
    for name, kind, data in cases:
        tally.reader(name, kind, data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--full", action="store_true", help="extract the 1.1M-character text with the English model")
    ap.add_argument("--no-faults", action="store_true", help="skip the kill -9 scenarios")
    args = ap.parse_args()
    tally = Tally()
    cases = generated()
    cases += [(p.name, p.name.split("-", 1)[0], p.read_bytes()) for p in sorted(REGRESSIONS.glob("*.bin"))]
    started = time.perf_counter()
    step: list[tuple[str, Callable[[], None]]] = []
    with tempfile.TemporaryDirectory(prefix="mcfwatch-hostile-") as tmp:
        work = Path(tmp)
        step = [
            ("readers", lambda: _read_all(tally, cases)),
            ("ingest", lambda: ingest_all(tally, cases, work)),
            ("names", lambda: names(tally, work)),
            ("huge text", lambda: huge_text(tally, args.full)),
        ]
        if not args.no_faults:
            step.append(("faults", lambda: faults(tally)))
        for label, run in step:
            t = time.perf_counter()
            run()
            print(f"{label:<10} done in {time.perf_counter() - t:5.1f} s", flush=True)
    for crash in tally.crashes:
        print("CRASH", crash)
    for lost in tally.lost:
        print("LOST", lost)
    print(f"cases tried: {tally.tried}")
    print(f"clean errors (one line, run goes on): {tally.clean}")
    print(f"read or handled normally: {tally.read}")
    print(f"crashes: {len(tally.crashes)}")
    print(f"documents lost: {len(tally.lost)}")
    print(f"({time.perf_counter() - started:.0f} s)")
    sys.exit(1 if tally.crashes or tally.lost else 0)


if __name__ == "__main__":
    main()
