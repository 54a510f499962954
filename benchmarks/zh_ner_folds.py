"""Chinese entities held out by document folds: the NER CRF retrained without each fold, scored on that fold.

Run: ``nice -n 10 .venv/bin/python benchmarks/zh_ner_folds.py [--folds 5] [--only 0 1] [--reuse] [--errors]``.
The folds are ``mcfwatch eval --corpus corpus/train/zh.jsonl --folds 5``'s (``evalsuite.fold_parts``). For each
fold a CRF is trained as ``make train-zh`` trains the shipped one (the public splits from ../shared, sampled as
``--sample``, plus the corpus documents of the other folds, ``--repeat`` times), then the fold's documents are
extracted with it (rules for relations) and scored by the harness (name + type, as ``mcfwatch eval`` scores
entities). The same documents through the shipped model are the baseline row of the same run: the shipped
model's figure is in-sample when it was trained on the corpus (its meta says). ``--reuse`` keeps fold models
already trained under build/zh-ner-folds (for changes downstream of the model). Each fold's model is recorded in
``build/zh-ner-folds/fold{K}.json`` (model hash, documents left out), so that ``mcfwatch eval --corpus corpus/train
--zh-folds build/zh-ner-folds`` extracts each Chinese fold with the model trained without it. Skips when ../shared is absent.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from mcfwatch.extract.eval import GoldDoc, Report, Score, score_document  # noqa: E402
from mcfwatch.extract.evalsuite import corpus_gold, fold_parts, text_group  # noqa: E402
from mcfwatch.extract.zh import ChineseExtractor, crf_ner  # noqa: E402
from mcfwatch.extract.zh.crf_corpus import corpus_texts, subsample  # noqa: E402
from mcfwatch.extract.zh.extractor import _chunks  # noqa: E402
from mcfwatch.extract.zh.heldout import write_record  # noqa: E402
from mcfwatch.extract.zh.ner import find_mentions  # noqa: E402
from mcfwatch.extract.zh.normalise import simplify  # noqa: E402
from mcfwatch.extract.zh.tagger import Token, make_tagger  # noqa: E402
from mcfwatch.extract.zh.train import DEFAULT_FILES, read_bio, sha256, train  # noqa: E402

CORPUS = REPO / "corpus" / "train" / "zh.jsonl"
DATA = REPO.parent / "shared" / "data" / "zh-ner-train"
WORK = REPO / "build" / "zh-ner-folds"


def _tokens(ex: ChineseExtractor, gold: list[GoldDoc]) -> list[list[tuple[int, int, list[Token]]]]:
    """Segmenter tokens of each document's chunks, cached by the corpus hash (LAC is the slow part)."""
    cache = WORK / f"tokens-{sha256(CORPUS)[:12]}.pkl"
    if cache.is_file():
        data: list[list[tuple[int, int, list[Token]]]] = pickle.loads(cache.read_bytes())
        return data
    out = []
    for g in gold:
        text = simplify(g.document.text)
        spans = _chunks(text)
        out.append([(s, e, toks) for (s, e), toks in zip(spans, ex.tagger.tag_many([text[s:e] for s, e in spans]), strict=True)])
    cache.write_bytes(pickle.dumps(out))
    return out


def _extract(ex: ChineseExtractor, g: GoldDoc, chunks: list[tuple[int, int, list[Token]]], tagger: Any) -> Report:
    text = simplify(g.document.text)
    found = []
    for s, e, toks in chunks:
        for m in find_mentions(text[s:e], toks, ex.gazetteer, crf_ner.tag_entities(text[s:e], tagger)):
            m.start += s
            m.end += s
            found.append(m)
    report = Report()
    score_document(g, ex.extract_tagged(g.document, text, found), report)
    return report


def _add(total: Report, part: Report) -> None:
    for k, s in part.entities.items():
        t = total.entities.setdefault(k, Score())
        t.tp, t.fp, t.fn = t.tp + s.tp, t.fp + s.fp, t.fn + s.fn
    total.errors += [e for e in part.errors if " entity " in e]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only", type=int, nargs="*", default=None, help="fold numbers to run (default: all)")
    ap.add_argument("--sample", type=int, default=15000, help="sentences of each public file (as make train-zh)")
    ap.add_argument("--repeat", type=int, default=2, help="times each corpus clause is added (as make train-zh)")
    ap.add_argument("--max-iter", type=int, default=12)
    ap.add_argument("--fill", default="lac", choices=["lac", "jieba", "none"], help="as train --corpus-fill")
    ap.add_argument("--extra", type=Path, nargs="*", default=[],
                    help="training-only annotated files added to every fold model (corpus/extra/zh.jsonl; default none, "
                         "as make train-zh trains the shipped model on corpus/train alone)")
    ap.add_argument("--reuse", action="store_true", help="reuse fold models already under build/zh-ner-folds")
    ap.add_argument("--errors", action="store_true", help="list missed and spurious entities of the fold models")
    args = ap.parse_args(argv)
    if not DATA.is_dir():
        print(f"[skip] {DATA} is absent: no public Chinese NER training data here")
        return 0
    import pycrfsuite

    WORK.mkdir(parents=True, exist_ok=True)
    gold = corpus_gold([CORPUS])
    ex = ChineseExtractor(relations="rules")
    fill = None if args.fill == "none" else make_tagger(args.fill)
    texts = {t.group: t for t in corpus_texts([CORPUS], fill)}
    extra = [t for t in corpus_texts(args.extra, fill) if t.group not in texts] if args.extra else []
    parts = fold_parts(gold, args.folds)
    t0 = time.perf_counter()
    chunks = _tokens(ex, gold)
    print(f"segmenter tokens of {len(gold)} documents: {time.perf_counter() - t0:.0f} s", flush=True)
    public = [s for name in DEFAULT_FILES for s in subsample(read_bio(DATA / name), args.sample)]
    base, held = Report(), Report()
    tag = (f"s{args.sample}-r{args.repeat}-i{args.max_iter}" + ("" if args.fill == "lac" else f"-{args.fill}")
           + (f"-x{len(extra)}" if extra else ""))
    for k, part in enumerate(parts):
        if args.only is not None and k not in args.only:
            continue
        groups = {text_group(gold[i].document.text) for i in part}
        path = WORK / f"fold{k}-{tag}.crfsuite"
        if not (args.reuse and path.is_file()):
            corpus = [s for g, t in texts.items() if g not in groups for s in t.sentences]
            corpus += [s for t in extra for s in t.sentences]
            secs = train(public + corpus * args.repeat, path, "ap", 0.0, 0.0, args.max_iter, 1, log=False)
            print(f"fold {k}: trained on {len(public):,} public + {len(corpus):,} x {args.repeat} corpus clauses "
                  f"({len(extra)} training-only documents among them) "
                  f"in {secs:.0f} s", flush=True)
        write_record(WORK, k, groups, path, {"config": tag, "folds": args.folds})  # for `mcfwatch eval --zh-folds`
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        for i in part:
            _add(base, _extract(ex, gold[i], chunks[i], None))
            _add(held, _extract(ex, gold[i], chunks[i], tagger))
    n = sum(len(p) for k, p in enumerate(parts) if args.only is None or k in args.only)
    print(f"Chinese entities of {n} corpus/train documents (folds {args.only or 'all'} of {args.folds}), name + type "
          f"P / R: the shipped model | fold models ({tag}, held out)")
    for etype in sorted(held.entities):
        b, h = base.entities.get(etype, Score()), held.entities[etype]
        print(f"  {etype:<14} {b.precision:.3f} {b.recall:.3f} | {h.precision:.3f} {h.recall:.3f}  gold {h.support}")
    b, h = base.total("entities"), held.total("entities")
    print(f"  {'ALL':<14} {b.precision:.3f} {b.recall:.3f} | {h.precision:.3f} {h.recall:.3f}  gold {h.support}")
    if args.errors:
        print("\n".join(held.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
