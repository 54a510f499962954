"""Which edge stands for a hop when several join the same two entities, and how "also" evidence names its
documents (usertry s27, on a Chinese report of COMAC's 2011 agreement with Bombardier).

- `exposure 庞巴迪公司` showed as path 1 the funding edge (confidence 0.41, read from "庞巴迪向中国商飞提供的技术支持"),
  because funding weighs more by type than agreement, although three agreements (0.6) join the same two
  entities; the rule's explanation quoted the funding sentence. The choice is now confidence first, then the
  type's weight, and the path says why.
- The same relation told by a second document was printed as "also, same words: (doc-8a56… 179:295)": the
  document's id, not its title.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mcfwatch.cli.main import app
from mcfwatch.workspace import Workspace

TEXT = Path(__file__).parent / "data" / "comac_bombardier_zh.txt"
BOMBARDIER = "庞巴迪公司"
COMAC = "中国商用飞机有限责任公司"
runner = CliRunner()


@pytest.fixture(scope="module")
def comac_db(tmp_path_factory: pytest.TempPathFactory, extractor) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("comac")
    text = TEXT.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    # the same report republished under another headline: the same relations, told by a second document
    (folder / "b.txt").write_text(text.replace("中国商飞与加拿大庞巴迪公司签署长期战略合作协议", "庞巴迪与中国商飞签约合作", 1),
                                  encoding="utf-8")
    db = folder / "comac.db"
    ws = Workspace(db, extractor=extractor)
    assert len(ws.ingest([folder / "a.txt"]).stored) == 1
    ws.close()
    return db


def _exposure(db: Path, fmt: str = "json") -> str:
    result = runner.invoke(app, ["exposure", BOMBARDIER, "--db", str(db), "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def _read_as_session_27_did(db: Path) -> None:
    """The report as session 27's Chinese extraction stored it (usertry s27): the agreement of the title line
    (0.6) and a funding edge (0.41) read from "庞巴迪向中国商飞提供的技术支持", between the same two companies. The
    extractor no longer makes that funding edge; a store made then still holds it, and so may any store where the
    extraction mistypes a low-confidence relation."""
    from mcfwatch.model import Document, Entity, Extraction, Relation, Span
    from mcfwatch.store import Store

    text = TEXT.read_text(encoding="utf-8")

    def span(words: str, after: int = 0) -> Span:
        start = text.index(words, after)
        return Span(start, start + len(words), words)

    title = text.splitlines()[0]
    funding = next(line for line in text.splitlines() if "提供的技术支持" in line)
    ex = Extraction(document=Document(text=text, title=title, language="zh", format="txt"), entities=[
        Entity("e1", BOMBARDIER, "Company", mentions=[span(BOMBARDIER)]),
        Entity("e2", COMAC, "Company", mentions=[span(COMAC)]),
    ])
    ex.add_relation(Relation(type="agreement", subtype="cooperation", source="e2", target="e1", evidence=span(title),
                             confidence=0.6, method="model"))
    ex.add_relation(Relation(type="funding", source="e1", target="e2", evidence=span(funding), confidence=0.409,
                             method="model"))
    store = Store(db)
    assert store.add_extraction(ex)
    store.close()


def test_the_surest_edge_stands_for_two_entities_and_the_path_says_why(tmp_path: Path) -> None:
    db = tmp_path / "s27.db"
    _read_as_session_27_did(db)
    result = json.loads(_exposure(db))
    direct = [p for p in result["paths"] if len(p["hops"]) == 1 and p["hops"][0]["target"] == COMAC]
    assert len(direct) == 1
    hop = direct[0]["hops"][0]
    assert hop["type"] == "agreement", hop  # funding weighs 0.95 x 0.41 = 0.39, agreement 0.6 x 0.6 = 0.36
    assert "surest" in direct[0]["chosen"] and "funding" in direct[0]["chosen"], direct[0]
    explained = " ".join(f["explanation"] for f in result["rating"]["rules"])
    assert "funded" not in explained and "agreement with" in explained, explained  # the path worded (session 28)
    assert "chosen: the surest of 2 ways" in _exposure(db, "text")


def test_also_evidence_names_its_document_by_title(comac_db: Path, tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    import shutil

    db = tmp_path / "two.db"
    shutil.copy(comac_db, db)
    ws = Workspace(db, extractor=extractor)
    assert len(ws.ingest([comac_db.parent / "b.txt"]).stored) == 1
    ws.close()
    result = json.loads(_exposure(db))
    also = [x for p in result["paths"] for h in p["hops"] for x in h.get("also", [])]
    assert also and all(x["title"] and x["source"] == x["title"] for x in also), also
    text = _exposure(db, "text")
    lines = [line for line in text.splitlines() if line.strip().startswith("also")]
    assert lines and not any("doc-" in line for line in lines), lines
    assert any("庞巴迪与中国商飞签约合作" in line or "中国商飞与加拿大庞巴迪公司签署长期战略合作协议" in line for line in lines), lines


AVIC = "中国航空工业集团公司"


def test_a_hop_against_the_path_reads_in_the_relations_own_direction(tmp_path: Path) -> None:
    """usertry s28 (report of 航天发展 'controlled by CASIC'): a path runs from the partner outwards, and the CLI,
    the rule's sentence and the report printed each hop in the path's direction: "中国商飞 —ownership→ 中国航空工业集团公司"
    for "中国商飞 ... 由 ... 中国航空工业集团公司 ... 共同出资组建" (AVIC is an owner of COMAC). Each hop now reads in the
    relation's own direction, with its confidence."""
    from mcfwatch.analyse import Analyst
    from mcfwatch.model import Document, Entity, Extraction, Relation, Span
    from mcfwatch.report import write_report
    from mcfwatch.store import Store

    text = TEXT.read_text(encoding="utf-8")
    founded = next(line for line in text.splitlines() if "共同出资组建" in line)
    sentence = founded[: founded.index("。") + 1]

    def span(words: str) -> Span:
        start = text.index(words)
        return Span(start, start + len(words), words)

    ex = Extraction(document=Document(text=text, title=text.splitlines()[0], language="zh", format="txt"), entities=[
        Entity("e1", COMAC, "Company", mentions=[span(COMAC)]),
        Entity("e2", AVIC, "Company", mentions=[span(AVIC)]),
    ])
    ex.add_relation(Relation(type="ownership", source="e2", target="e1", evidence=span(sentence), date="2008",
                             confidence=0.6, method="rule"))
    db = tmp_path / "owners.db"
    store = Store(db)
    assert store.add_extraction(ex)
    store.close()
    out = runner.invoke(app, ["exposure", COMAC, "--db", str(db)]).stdout
    assert f"{COMAC} is owned by {AVIC} (2008): ownership, confidence 0.60" in out, out  # in words (session 28)
    assert f"{COMAC} —ownership" not in out
    store = Store(db)
    page = write_report(Analyst(store), [COMAC], tmp_path / "r.html").read_text(encoding="utf-8")
    store.close()
    assert f"<b>{COMAC}</b> is owned by <b>{AVIC}</b> (ownership), 2008 · confidence 0.60" in page
