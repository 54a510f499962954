"""Train the Chinese NER model (``make train-zh``) from ``char<TAB>tag`` BIO files.

    nice -n 10 python -m mcfwatch.extract.zh.train --data ../shared/data/zh-ner-train

Reads the public training splits (never the test splits), converts BIO to BIOES, extracts the
features of ``crf_features.py``, trains a CRF with python-crfsuite (averaged perceptron by default: about
5 CPU-minutes for MSRA train; L-BFGS with L1 pruning gives smaller models but needs about 10 times the CPU)
and writes ``models/zh_ner.crfsuite.gz`` and ``models/zh_ner.meta.json`` next to this module. With ``--dev`` the
last N sentences of the first file are held out and scored after training (for choosing settings).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shlex
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mcfwatch.errors import InputError
from mcfwatch.extract.zh.crf_corpus import corpus_texts, subsample
from mcfwatch.extract.zh.crf_features import FEATURE_SET, sentence_features
from mcfwatch.extract.zh.crf_ner import META_FILE, MODEL_FILE, Span, spans_from_tags
from mcfwatch.extract.zh.tagger import make_tagger

DEFAULT_FILES = ("msra_train.bio.txt", "peoples_daily_dev.bio.txt")
OPTIONAL_FILES = ("weibo_train.bio.txt", "resume_train.bio.txt", "cluener2020_train.bio.txt")
TEST_FILES = {"MSRA test": "msra_test_bio.txt",
              "People's Daily test (MSRA train shares source articles with it)": "peoples_daily_test_bio.txt"}
LICENCE_NOTE = ("Trained on public research NER sets (MSRA NER / SIGHAN 2006 train split, People's Daily 1998 "
                "dev split, and any others listed in `files`); none of the sources states a licence "
                "(distributed for research). See shared/data/zh-ner-train/PROVENANCE.md.")

CORPUS_NOTE = ("The annotated corpus is in the training data, so `mcfwatch eval --corpus` Chinese entity figures are "
               "in-sample for this model; benchmarks/zh_ner_folds.py retrains it without each fold and scores the fold.")

Sentence = tuple[str, list[str]]
LABEL_ORDER = ("PER", "LOC", "ORG", "TEC", "EVT")


def read_bio(path: Path) -> list[Sentence]:
    """Sentences of a char-per-line file (tab or space separated), blank line between sentences."""
    out: list[Sentence] = []
    chars: list[str] = []
    tags: list[str] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if not parts:
            if chars:
                out.append(("".join(chars), tags))
            chars, tags = [], []
            continue
        if len(parts) != 2:
            raise ValueError(f"{path}:{n}: expected 'char<TAB>tag', got {line[:40]!r}")
        if len(parts[0]) > 1:  # a broken emoji (two U+FFFD) in Weibo: one character per code point
            rest = "O" if parts[1] == "O" else "I-" + parts[1][2:]
            chars += list(parts[0][:-1])
            tags += [parts[1]] + [rest] * (len(parts[0]) - 2)
            parts = [parts[0][-1], rest]
        chars.append(parts[0])
        tags.append(parts[1])
    if chars:
        out.append(("".join(chars), tags))
    return out


def labels_of(sents: list[Sentence]) -> list[str]:
    """The entity labels the sentences use, in LABEL_ORDER."""
    seen = {t[2:] for _, tags in sents for t in tags if t != "O"}
    return [lab for lab in LABEL_ORDER if lab in seen]


def to_bioes(tags: list[str]) -> list[str]:
    spans = spans_from_tags("x" * len(tags), tags)
    out = ["O"] * len(tags)
    for sp in spans:
        if sp.end - sp.start == 1:
            out[sp.start] = "S-" + sp.label
        else:
            out[sp.start] = "B-" + sp.label
            out[sp.start + 1 : sp.end - 1] = ["I-" + sp.label] * (sp.end - sp.start - 2)
            out[sp.end - 1] = "E-" + sp.label
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def score(gold: list[list[Span]], pred: list[list[Span]]) -> dict[str, dict[str, float]]:
    """Entity-level exact-match P/R/F1 per type (of the gold) and overall."""
    out: dict[str, dict[str, float]] = {}
    for typ in (*sorted({s.label for g in gold for s in g}, key=LABEL_ORDER.index), "ALL"):
        tp = n_pred = n_gold = 0
        for g, p in zip(gold, pred, strict=True):
            gs = {(s.start, s.end, s.label) for s in g if typ in ("ALL", s.label)}
            ps = {(s.start, s.end, s.label) for s in p if typ in ("ALL", s.label)}
            tp += len(gs & ps)
            n_pred += len(ps)
            n_gold += len(gs)
        p_ = tp / n_pred if n_pred else 0.0
        r_ = tp / n_gold if n_gold else 0.0
        out[typ] = {"p": round(p_, 4), "r": round(r_, 4), "f1": round(2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0, 4)}
    return out


def train(
    sents: list[Sentence], model_path: Path, algorithm: str, c1: float, c2: float, max_iter: int, min_freq: int,
    log: bool,
) -> float:
    import pycrfsuite

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for text, tags in sents:
        trainer.append(sentence_features(text), to_bioes(tags))
    t_feat = time.perf_counter() - t0
    print(f"features of {len(sents):,} sentences in {t_feat:.0f}s", flush=True)
    params: dict[str, Any] = {"max_iterations": max_iter, "feature.minfreq": min_freq,
                              "feature.possible_transitions": True}
    if algorithm == "lbfgs":
        params |= {"c1": c1, "c2": c2}
    trainer.set_params(params)
    if log:
        def message(self: Any, log: str) -> None:
            if log.startswith("***** Iteration"):
                print(f"  {log.strip()} {time.perf_counter() - t0:.0f}s", flush=True)
        trainer.message = message.__get__(trainer)
    trainer.train(str(model_path))
    return time.perf_counter() - t0


def compress(raw: Path, out: Path) -> None:
    """Gzip the trained model (no timestamp, so the same model gives the same bytes) and drop the raw file."""
    out.write_bytes(gzip.compress(raw.read_bytes(), compresslevel=9, mtime=0))
    raw.unlink()


def evaluate(model_path: Path, sents: list[Sentence]) -> dict[str, dict[str, float]]:
    import pycrfsuite

    data = gzip.decompress(model_path.read_bytes())  # crfsuite reads these bytes in place: keep them alive
    tagger = pycrfsuite.Tagger()
    tagger.open_inmemory(data)
    gold = [spans_from_tags(t, tags) for t, tags in sents]
    pred = [spans_from_tags(t, tagger.tag(sentence_features(t))) for t, _ in sents]
    return score(gold, pred)


def main(argv: Iterable[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description="Train the Chinese NER CRF from char<TAB>BIO files.")
    ap.add_argument("--data", type=Path, required=True, help="folder with the *.bio.txt training files")
    ap.add_argument("--files", nargs="+", default=list(DEFAULT_FILES), help="file names inside --data")
    ap.add_argument("--out", type=Path, default=here / "models", help="folder for the model and its meta.json")
    ap.add_argument("--algorithm", default="ap", choices=["lbfgs", "ap", "l2sgd", "pa", "arow"])
    ap.add_argument("--c1", type=float, default=0.05, help="L1 penalty, lbfgs only (prunes features)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty, lbfgs only")
    ap.add_argument("--max-iter", type=int, default=12, help="epochs (ap) or iterations (lbfgs)")
    ap.add_argument("--min-freq", type=int, default=1, help="drop features seen fewer times")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences of each file (quick runs)")
    ap.add_argument("--sample", type=int, default=0,
                    help="N sentences spread evenly over each public file (0: all of them)")
    ap.add_argument("--corpus", nargs="*", type=Path, default=[],
                    help="annotated corpus files (corpus/train/zh.jsonl corpus/extra/zh.jsonl) whose gold mentions "
                         "are added")
    ap.add_argument("--corpus-repeat", type=int, default=1, help="times each corpus sentence is added (its weight)")
    ap.add_argument("--corpus-fill", default="lac", choices=["lac", "jieba", "none"],
                    help="segmenter whose people and places fill in where the corpus gold marks nothing")
    ap.add_argument("--dev", type=int, default=0, help="hold out the last N sentences of the first file")
    ap.add_argument("--test", type=Path, default=None,
                    help="folder of the MSRA / People's Daily test splits, scored once after training")
    ap.add_argument("--eval", nargs="*", type=Path, default=[], help="extra BIO files to score (development only)")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if not args.data.is_dir():
        print(f"[skip] {args.data} is absent: no Chinese NER training data here (nothing trained)")
        return 0
    print(f"training data: {args.data} (read from ../shared; the product never reads it)")
    sents: list[Sentence] = []
    files: list[dict[str, Any]] = []
    dev: list[Sentence] = []
    for k, name in enumerate(args.files):
        path = args.data / name
        try:
            data = read_bio(path)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        if args.limit:
            data = data[: args.limit]
        data = subsample(data, args.sample)
        if k == 0 and args.dev:
            data, dev = data[: -args.dev], data[-args.dev :]
        sents += data
        files.append({"file": name, "sha256": sha256(path), "sentences_used": len(data),
                      "characters_used": sum(len(t) for t, _ in data)})
        print(f"  {name}: {len(data):,} sentences")
    fill = make_tagger(args.corpus_fill) if args.corpus and args.corpus_fill != "none" else None
    seen: set[str] = set()  # a text in two files counts once (corpus/train first, then corpus/extra)
    for path in args.corpus:
        try:
            texts = [t for t in corpus_texts([path], fill) if t.group not in seen]
        except (OSError, InputError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        seen |= {t.group for t in texts}
        data = [s for t in texts for s in t.sentences]
        sents += data * args.corpus_repeat
        files.append({"file": str(path), "sha256": sha256(path), "documents": len(texts),
                      "sentences_used": len(data), "characters_used": sum(len(t) for t, _ in data),
                      "repeated": args.corpus_repeat, "filled_by": args.corpus_fill})
        print(f"  corpus {path}: {len(texts)} documents, {len(data):,} clauses x {args.corpus_repeat}")
    args.out.mkdir(parents=True, exist_ok=True)
    raw_path = args.out / MODEL_FILE.removesuffix(".gz")
    model_path = args.out / MODEL_FILE
    seconds = train(sents, raw_path, args.algorithm, args.c1, args.c2, args.max_iter, args.min_freq, log=True)
    raw_bytes = raw_path.stat().st_size
    compress(raw_path, model_path)
    print(f"trained in {seconds / 60:.1f} min -> {model_path} ({model_path.stat().st_size / 1e6:.1f} MB, "
          f"{raw_bytes / 1e6:.1f} MB uncompressed)")
    scores: dict[str, Any] = {}
    if dev:
        scores["dev (held-out tail of " + args.files[0] + ")"] = evaluate(model_path, dev)
    for path in args.eval:
        scores[path.name] = evaluate(model_path, read_bio(path))
    for name, sc in scores.items():
        print(f"  {name}: " + "  ".join(f"{t} {v['f1']:.4f}" for t, v in sc.items()))
    meta: dict[str, Any] = {
        "feature_set": FEATURE_SET,
        "labels": "BIOES over " + ", ".join(labels_of(sents)),
        "algorithm": f"CRF (python-crfsuite {args.algorithm}), max_iterations={args.max_iter}, "
                     f"feature.minfreq={args.min_freq}" + (f", c1={args.c1}, c2={args.c2}" if args.algorithm == "lbfgs" else ""),
        "files": files,
        "sentences": len(sents),
        "training_seconds": round(seconds),
        "model_bytes": model_path.stat().st_size,
        "model_bytes_uncompressed": raw_bytes,
        "model_sha256": sha256(model_path),
        "dev_scores": scores,
        "test_scores": {},
        "licence": LICENCE_NOTE,
        "command": "python -m mcfwatch.extract.zh.train " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:])),
    }
    if args.corpus:
        meta["corpus_note"] = CORPUS_NOTE
    if args.test and args.test.is_dir():  # scored once, after training: never used to choose settings
        for label, fname in TEST_FILES.items():
            meta["test_scores"][label] = sc = evaluate(model_path, read_bio(args.test / fname))
            print(f"  TEST {label}: " + "  ".join(f"{t} {v['f1']:.4f}" for t, v in sc.items()))
    (args.out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
