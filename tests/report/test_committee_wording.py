"""A committee reads every door's words for a relation one way (session 28 user try, a compliance lead).

The report's path said "IMST公司 → 航天工业发展股份有限公司: ownership" (read: IMST owns it) while the timeline said
"航天工业发展股份有限公司 owns IMST公司" for the same edge; the CLI printed "A —ownership→ B" for "A is controlled by
B". Each hop showed "strength 0.3959" but not how sure the extractor is. The mcf_link rule sentence said "A source
states that Cadence ... is tied to military-civil fusion (NUDT)" on a quote that says the firm exported design tools
to NUDT: the sentence claimed more than the quote.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mcfwatch.cli.main import app

runner = CliRunner()
DOCS = {
    # a real phrasing: 航天发展's own filings and the press describe it this way
    "casic_zh.txt": "航天工业发展股份有限公司（简称航天发展）是中国航天科工集团有限公司控股的上市公司。\n",
    "huahang_en.txt": ("Supplier note\n\nBeijing Huahang Radio Measurement Research Institute is a subsidiary of "
                       "China Aerospace Science and Industry Corporation.\n"),
    "cadence_en.txt": ("Case note\n\nCadence Design Systems, Inc. pleaded guilty on July 28, 2025 to conspiring to "
                       "export its design tools to the National University of Defense Technology.\n"),
    "hongda_en.txt": ("Hongda Electronics produces a small unmanned aircraft that the PLA Rocket Force used in "
                      "exercises. The company also builds light aircraft.\n"),
}
SUB_ZH, PARENT_ZH = "航天工业发展股份有限公司", "中国航天科工集团有限公司"
SUB_EN = "Beijing Huahang Radio Measurement Research Institute"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    d = tmp_path_factory.mktemp("wording")
    for name, text in DOCS.items():
        (d / name).write_text(text, encoding="utf-8")
    out = str(d / "s.db")
    res = runner.invoke(app, ["ingest", *(str(d / n) for n in DOCS), "--db", out])
    assert res.exit_code == 0, res.output
    return out


def cli(db: str, partner: str) -> str:
    res = runner.invoke(app, ["exposure", partner, "--db", db])
    assert res.exit_code == 0, res.output
    return res.stdout


def report(db: str, partner: str, tmp_path: Path) -> str:
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["report", partner, "--db", db, "-o", str(out)])
    assert res.exit_code == 0, res.output
    return " ".join(re.sub(r"<[^>]+>", " ", out.read_text(encoding="utf-8")).split())


@pytest.mark.parametrize("sub", [SUB_ZH, SUB_EN])
def test_a_subsidiary_s_path_says_it_is_owned_by_its_parent_at_every_door(db: str, sub: str, tmp_path: Path) -> None:
    text = cli(db, sub)
    owned = f"{sub} is owned by {PARENT_ZH}"
    assert re.search(rf"(?m)^  {re.escape(owned)} \(undated\): ownership, confidence 0\.\d\d  \[edge", text), text
    assert f"rated very high: {owned}." in text  # the exposure rule's sentence too
    assert "—ownership" not in text and f"{sub} owns" not in text
    html = report(db, sub, tmp_path)
    assert f"{sub} is owned by {PARENT_ZH} (ownership)" in html
    assert f"{PARENT_ZH} owns {sub}" in html  # the timeline words the same edge the same way
    assert f"{sub} owns" not in html and f"{sub} → {PARENT_ZH}" not in html


def test_each_hop_shows_its_confidence_and_strength_is_explained_once(db: str, tmp_path: Path) -> None:
    html = report(db, SUB_ZH, tmp_path)
    assert re.search(r"undated · confidence 0\.\d\d\b", html)
    assert re.search(r"\bstrength 0\.\d\d\b", html) and not re.search(r"\bstrength 0\.\d{3}", html)
    how = html.split("How to read this report", 1)[1].split("Summary", 1)[0]
    assert "confidence" in how and "strength" in how and "not a probability" in how
    assert re.search(r"(?m)^path 1 \(strength 0\.\d\d\):$", cli(db, SUB_ZH))


def test_the_mcf_link_sentence_claims_no_more_than_its_quote(db: str, tmp_path: Path) -> None:
    text = cli(db, "Hongda Electronics")
    line = next(ln for ln in text.splitlines() if "] mcf_link:" in ln)
    assert "A source reports a relation between Hongda Electronics and PLA Rocket Force, a military or defence body" in line
    assert re.search(r"reads as a military-civil fusion tie \(confidence 0\.\d\d\)", line)
    for partner in ("Hongda Electronics", "Cadence Design Systems, Inc."):
        assert "is tied to military-civil fusion" not in cli(db, partner)
        assert "is tied to military-civil fusion" not in report(db, partner, tmp_path)
