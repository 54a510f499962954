"""English entities on the held-out fifth of corpus/train: the PyPI model's ``ner`` against a fine-tuned one.

Run: ``.venv/bin/python benchmarks/ner_heldout.py [NER_FOLDER] [--errors] [--pool]`` after
``.venv/bin/python -m mcfwatch.extract.en.ner_train --holdout --out NER_FOLDER`` (default folder:
``build/ner-holdout``). The held-out documents (``ner_train.heldout``: a fixed fifth by source, chosen before
any training) are extracted by the whole English extractor (ruler, lists, cleanup, typer; rules for relations)
with each ``ner`` and scored by the harness (name + type, as ``mcfwatch eval`` scores entities): precision and
recall per type, side by side, from one run; then each ``ner`` alone on exact spans. The typer (``MCFWATCH_EN_TYPES``) saw these documents in its
training: the comparison is of the spans. ``--errors`` then lists the tuned run's missed and spurious entities
(the diagnosis of the remaining misses). ``--pool`` scores the real U.S.-government documents of corpus/train
(origin ``pool:``) instead, the register of the blind split's real documents; every model saw them in training,
so that column measures the rules and the fit, not generalisation. Given the shipped folder
(``src/mcfwatch/extract/en/models/ner``) the tuned column is the shipped extractor. Reads only files inside the
repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from mcfwatch.extract.en import EnglishExtractor  # noqa: E402
from mcfwatch.extract.en.model import build_nlp  # noqa: E402
from mcfwatch.extract.en.ner_train import heldout, span_scores  # noqa: E402
from mcfwatch.extract.eval import Report, Score, score_document  # noqa: E402
from mcfwatch.extract.evalsuite import corpus_gold  # noqa: E402
from mcfwatch.extract.relmodel.data import training_docs  # noqa: E402

CORPUS = REPO / "corpus" / "train" / "en.jsonl"


def _selected(doc_id: str, origin: str, pool: bool) -> bool:
    return origin.startswith("pool:") if pool else heldout(doc_id, origin)


def main(argv: list[str]) -> int:
    errors, pool = "--errors" in argv, "--pool" in argv
    argv = [a for a in argv if a not in {"--errors", "--pool"}]
    folder = Path(argv[0]) if argv else REPO / "build" / "ner-holdout"
    if not (folder / "ner.json").is_file():
        print(f"{folder}: no fine-tuned ner; run: python -m mcfwatch.extract.en.ner_train --holdout --out {folder}")
        return 1
    import json

    origins = {json.loads(line)["id"]: json.loads(line).get("origin", "")
               for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()}
    gold = [g for g in corpus_gold([CORPUS]) if _selected(g.document.id or "", origins.get(g.document.id or "", ""), pool)]
    reports: dict[str, Report] = {}
    spans: dict[str, dict[str, dict[str, float]]] = {}
    test_docs = [d for d in training_docs("en")[0] if _selected(d.id, d.origin, pool)]
    for name, ner in (("base ner", None), ("tuned ner", folder)):
        report = reports[name] = Report()
        nlp = build_nlp(ner)
        spans[name] = span_scores(nlp, test_docs)
        ex = EnglishExtractor(nlp=nlp, relations="rules")
        for g, extraction in zip(gold, ex.extract_many([g.document for g in gold]), strict=True):
            score_document(g, extraction, report)
    print(f"{'real pool' if pool else 'held-out'} English documents: {len(gold)} "
          f"(corpus/train, {'origin pool:' if pool else 'ner_train.heldout'})")
    names = list(reports)
    print(f"  {'type':<14}" + "".join(f" {n + ' P':>12} {n + ' R':>12}" for n in names) + f" {'gold':>5}")
    first = reports[names[0]]
    for etype in sorted(first.entities):
        cells = "".join(f" {reports[n].entities.get(etype, Score()).precision:12.3f}"
                        f" {reports[n].entities.get(etype, Score()).recall:12.3f}" for n in names)
        print(f"  {etype:<14}{cells} {first.entities[etype].support:5d}")
    cells = "".join(f" {reports[n].total('entities').precision:12.3f} {reports[n].total('entities').recall:12.3f}"
                    for n in names)
    print(f"  {'ALL':<14}{cells} {first.total('entities').support:5d}")
    print("ner alone, exact character spans against the annotations mapped to spaCy labels (P / R; gold)")
    for lab in sorted(spans[names[0]]):
        cells = "".join(f" {spans[n][lab]['precision']:12.3f} {spans[n][lab]['recall']:12.3f}" for n in names)
        print(f"  {lab:<14}{cells} {int(spans[names[0]][lab]['gold']):5d}")
    if errors:
        print("tuned ner: missed and spurious entities")
        for line in sorted(reports["tuned ner"].errors):
            if " entity " in line:
                print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
