"""Chinese entities on the held-out fifth of corpus/train (``ner_train.heldout``, the split the English ner uses).

Run: ``.venv/bin/python benchmarks/zh_entities_heldout.py [held|rest] [--errors]``: the Chinese extractor (rules for
relations) over the held-out documents (``held``, default) or the others (``rest``), scored by the harness (name +
type, as ``mcfwatch eval`` scores entities): precision and recall per type, next to the same extractor with LAC's
entity tags (``MCFWATCH_ZH_NER=lac``) from the same run; ``--errors`` lists every missed and
spurious entity. Reads only files inside the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from mcfwatch.extract.en.ner_train import heldout  # noqa: E402
from mcfwatch.extract.eval import Report, Score, score_document  # noqa: E402
from mcfwatch.extract.evalsuite import corpus_gold  # noqa: E402
from mcfwatch.extract.zh import ChineseExtractor  # noqa: E402

CORPUS = REPO / "corpus" / "train" / "zh.jsonl"


def main(argv: list[str]) -> int:
    which = next((a for a in argv if not a.startswith("--")), "held")
    origins = {rec["id"]: rec.get("origin", "") for rec in
               (json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip())}
    gold = [g for g in corpus_gold([CORPUS])
            if heldout(g.document.id or "", origins.get(g.document.id or "", "")) == (which == "held")]
    reports: dict[str, Report] = {}
    for ner in ("crf", "lac"):  # the shipped names, and LAC's own entity tags as the baseline
        report = reports[ner] = Report()
        extractor = ChineseExtractor(relations="rules", ner=ner)
        for g, ex in zip(gold, extractor.extract_many([g.document for g in gold]), strict=True):
            score_document(g, ex, report)
    print(f"Chinese entities, corpus/train {which} ({len(gold)} documents): P / R of the shipped extractor "
          "(crf) and of the same with LAC's entity tags (lac)")
    first, base = reports["crf"], reports["lac"]
    for etype, s in sorted(first.entities.items()):
        b = base.entities.get(etype, Score())
        print(f"  {etype:<14} crf {s.precision:.3f} {s.recall:.3f}  lac {b.precision:.3f} {b.recall:.3f}  "
              f"gold {s.support}")
    t, bt = first.total("entities"), base.total("entities")
    print(f"  {'ALL':<14} crf {t.precision:.3f} {t.recall:.3f}  lac {bt.precision:.3f} {bt.recall:.3f}  gold {t.support}")
    report = first
    if "--errors" in argv:
        print("\n".join(e for e in report.errors if " entity " in e))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
