"""Re-picking the English floors replays ``combine.combine`` on captured findings: the replay must score what
extraction itself would, or the floors it picks are chosen for a different extractor."""

from __future__ import annotations

from pathlib import Path

from mcfwatch.extract.en import EnglishExtractor
from mcfwatch.extract.en.extractor import extract_parsed
from mcfwatch.extract.eval import Report, score_document
from mcfwatch.extract.evalsuite import corpus_gold
from mcfwatch.extract.relmodel import floors_en
from mcfwatch.extract.relmodel.model import shipped

REPO = Path(__file__).resolve().parents[2]


def _tally(report: Report) -> tuple[int, int, int]:
    t = report.total("relations")
    return t.tp, t.fp, t.fn


def test_replayed_floors_score_as_extraction_does(english: EnglishExtractor, tmp_path: Path) -> None:
    lines = (REPO / "corpus" / "train" / "en.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    part = tmp_path / "en.jsonl"
    part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = corpus_gold([part])
    model = shipped("en")
    real = {how: Report() for how in ("rules", "both")}
    docs = []
    for g, sdoc in zip(gold, english.nlp.pipe([g.document.text for g in gold]), strict=True):
        for how, report in real.items():
            score_document(g, extract_parsed(g.document, sdoc, how, model, None, typer=english.typer), report)
        docs.append(floors_en.captured(g, sdoc, model, english.typer))
    shipped_cfg = floors_en.shipped_config()
    replay = floors_en.score(docs, shipped_cfg)
    assert (sum(replay.tp.values()), sum(replay.fp.values()), sum(replay.fn.values())) == _tally(real["both"])
    rules = floors_en.score(docs, None)
    assert (sum(rules.tp.values()), sum(rules.fp.values()), sum(rules.fn.values())) == _tally(real["rules"])
    # the capture holds findings the shipped floors turn away, and the lowest factor and floor admit them
    loose = floors_en.Config(min(floors_en.SCALE_GRID), dict.fromkeys(shipped_cfg.floors, 0.0), frozenset())
    assert sum(floors_en.score(docs, loose).fp.values()) > sum(replay.fp.values())
    assert sum(rules.tp.values()) < sum(replay.tp.values())
    # the pick never buys F1 with recall: on these documents its choice keeps the shipped floors' micro recall
    types = sorted({r["type"] for d in docs for r in d["preds"]})
    held = replay.prf()[1]
    cfg, t = floors_en.ascend(docs, shipped_cfg, types, min_recall=held)
    assert t.prf()[1] >= held and t.prf()[2] >= replay.prf()[2]
    assert floors_en.score(docs, cfg).prf() == t.prf()
