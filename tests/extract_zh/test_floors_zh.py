"""Re-picking the Chinese floors and factors replays ``combine.combine`` on captured findings: the replay must score
what extraction itself would, or what it picks is chosen for a different extractor."""

from __future__ import annotations

from pathlib import Path

from mcfwatch.extract.eval import Report, score_document
from mcfwatch.extract.evalsuite import corpus_gold
from mcfwatch.extract.relmodel import floors_zh
from mcfwatch.extract.relmodel.model import shipped
from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh.normalise import simplify

REPO = Path(__file__).resolve().parents[2]


def _tally(report: Report) -> tuple[int, int, int]:
    t = report.total("relations")
    return t.tp, t.fp, t.fn


def test_replayed_floors_score_as_extraction_does(zh_extractor: ChineseExtractor, tmp_path: Path) -> None:
    lines = (REPO / "corpus" / "train" / "zh.jsonl").read_text(encoding="utf-8").splitlines()[:15]
    part = tmp_path / "zh.jsonl"
    part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = corpus_gold([part])
    model = shipped("zh")
    ext = ChineseExtractor(relations="rules")
    texts = [simplify(g.document.text) for g in gold]
    mentions = ext.mentions(texts)
    real = {how: Report() for how in ("rules", "both")}
    docs = []
    for g, text, ms in zip(gold, texts, mentions, strict=True):
        for how, report in real.items():
            ext.relations, ext.model, ext.confident = how, model, None
            score_document(g, ext.extract_tagged(g.document, text, list(ms)), report)
        docs.append(floors_zh.captured(ext, g, text, ms, model))
    shipped_cfg = floors_zh.shipped_config()
    replay = floors_zh.score(docs, shipped_cfg)
    assert (sum(replay.tp.values()), sum(replay.fp.values()), sum(replay.fn.values())) == _tally(real["both"])
    rules = floors_zh.score(docs, None)
    assert (sum(rules.tp.values()), sum(rules.fp.values()), sum(rules.fn.values())) == _tally(real["rules"])
    # the capture holds findings the shipped values turn away; the lowest factor and floor admit them
    loose = floors_zh.Config(dict.fromkeys(shipped_cfg.scales, min(floors_zh.SCALE_GRID)),
                             dict.fromkeys(shipped_cfg.floors, 0.0), frozenset())
    assert sum(floors_zh.score(docs, loose).fp.values()) > sum(replay.fp.values())
    # the ascent with recall held never buys F1 with recall
    types = sorted({r["type"] for d in docs for r in d["preds"]})
    held = replay.prf()[1]
    cfg, t = floors_zh.ascend(docs, shipped_cfg, types, min_recall=held, passes_max=1)
    assert t.prf()[1] >= held and t.prf()[2] >= replay.prf()[2]
    assert floors_zh.score(docs, cfg).prf() == t.prf()
