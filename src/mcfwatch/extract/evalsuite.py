"""What ``mcfwatch eval`` prints: for each language, the rules-only, model-only and combined extractors and
the two baselines (``baselines.py``), scored by the harness (``eval.py``) per entity type and per relation type.

Three ways to get the gold: a name-based gold file (``benchmarks/gold/*_dev.jsonl``), an annotated corpus
folder scored with the shipped model, or an annotated corpus folder *cross-validated*: each fold's documents
are extracted with a model trained on everything else (the training corpus and the dev gold, never the blind
split), so no document is scored by a model that saw it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mcfwatch.extract.corpus import load_corpus, to_gold
from mcfwatch.extract.eval import GoldDoc, Report, Score, load_gold, score_document
from mcfwatch.model import Document, Extraction

SYSTEMS = ("rules", "model", "both")
# Cross-validation refits the model once per fold with the shipped model's regularisation (no search) and
# fewer inner folds for its calibration and thresholds than ``make train`` (5): 26 labels x 4 fits a fold.
INNER_FOLDS = 3
BASELINES = ("cooccurrence", "bare-ner")


@dataclass(slots=True)
class Suite:
    """Reports by language and system."""

    title: str
    reports: dict[str, dict[str, Report]] = field(default_factory=dict)
    docs: dict[str, int] = field(default_factory=dict)


def lang_of(doc: Document) -> str:
    return (doc.language or "en").split("-")[0].lower()


def corpus_gold(paths: list[Path]) -> list[GoldDoc]:
    out = []
    for d in load_corpus(paths):
        g = to_gold(d)
        doc = Document(text=g["text"], id=g["doc_id"], language=g["language"], published=g["published"])
        out.append(GoldDoc(doc, g["entities"], g["relations"]))
    return out


def file_gold(path: Path) -> list[GoldDoc]:
    docs = load_gold(path)
    for g in docs:  # the Chinese dev gold does not always say its language
        if sum("\u4e00" <= ch <= "\u9fff" for ch in g.document.text) > len(g.document.text) / 5:
            g.document.language = "zh"
    return docs


class Systems:
    """The extractors of one language: rules, model and both share one parse (English) or tagging (Chinese)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        if lang == "en":
            from mcfwatch.extract.en.extractor import EnglishExtractor

            self.en = EnglishExtractor(relations="rules")
        else:
            from mcfwatch.extract.zh import ChineseExtractor

            self.zh = ChineseExtractor(relations="rules")

    def run(self, docs: list[Document], model: object | None, floors: tuple[float, ...] = ()) -> dict[str, list[Extraction]]:
        """Extractions of ``docs`` by each system (``model``: a RelModel, else the shipped one); ``floors``:
        also ``both`` with these confidence floors for the model's own findings (``both@0.5``)."""
        from mcfwatch.extract.relmodel.model import RelModel, shipped

        m = model if isinstance(model, RelModel) else shipped(self.lang)
        runs: list[tuple[str, str, float | None]] = [(s, s, None) for s in SYSTEMS] + [(f"both@{f}", "both", f) for f in floors]
        out: dict[str, list[Extraction]] = {name: [] for name, _, _ in runs}
        if self.lang == "en":
            from mcfwatch.extract.en.extractor import extract_parsed

            for doc, sdoc in zip(docs, self.en.nlp.pipe([d.text for d in docs], batch_size=16), strict=True):
                for name, how, floor in runs:
                    out[name].append(extract_parsed(doc, sdoc, how, m, floor, typer=self.en.typer))
        else:
            from mcfwatch.extract.zh.normalise import simplify

            texts = [simplify(d.text) for d in docs]
            tagged = self.zh.mentions(texts)  # once for every system
            for name, how, floor in runs:
                self.zh.relations, self.zh.model = how, m
                self.zh.confident = floor  # None: per-type floors, as extraction
                out[name] = [self.zh.extract_tagged(d, t, ms) for d, t, ms in zip(docs, texts, tagged, strict=True)]
            self.zh.relations, self.zh.confident = "rules", None
        return out


def _score(gold: list[GoldDoc], extractions: Iterable[Extraction], report: Report) -> None:
    for g, ex in zip(gold, extractions, strict=True):
        score_document(g, ex, report)


def run(title: str, gold: list[GoldDoc], folds: int = 0, baselines: bool = True,
        log: Callable[[str], None] = lambda _: None, floors: tuple[float, ...] = (),
        en_folds: Path | None = None, zh_folds: Path | None = None) -> Suite:
    """Score every system on ``gold``; ``folds`` > 1 cross-validates the model over the gold's documents;
    ``floors`` adds ``both`` rows at other confidence floors for the model's own findings; ``en_folds``: a
    folder of English ner/typer refit per fold (``en/heldout.py``) that extract each fold's documents; ``zh_folds``:
    likewise a folder of Chinese NER models trained per fold (``zh/heldout.py``)."""
    suite = Suite(title)
    for lang in sorted({lang_of(g.document) for g in gold}):
        docs = [g for g in gold if lang_of(g.document) == lang]
        names = [*SYSTEMS, *(f"both@{f}" for f in floors)]
        reports = {s: Report() for s in (*names, *BASELINES)}
        systems = Systems(lang)
        for n, (part, model) in enumerate(_folds(lang, docs, folds, log)):
            if lang == "en" and en_folds is not None and folds > 1:
                from mcfwatch.extract.en.heldout import load_fold

                systems.en.nlp, systems.en.typer = load_fold(en_folds, n, {text_group(g.document.text) for g in part})
            if lang == "zh" and zh_folds is not None and folds > 1:
                from mcfwatch.extract.zh.heldout import load_fold as load_zh_fold

                systems.zh.crf_tagger = load_zh_fold(zh_folds, n, {text_group(g.document.text) for g in part})
            ex = systems.run([g.document for g in part], model, floors)
            for s in names:
                _score(part, ex[s], reports[s])
            if baselines:
                from mcfwatch.extract.baselines import bare_entities, cooccurrence

                _score(part, cooccurrence(ex["rules"], lang), reports["cooccurrence"])
                if lang == "en":
                    _score(part, bare_entities([g.document for g in part]), reports["bare-ner"])
        if lang != "en" or not baselines:
            reports.pop("bare-ner")
        if not baselines:
            reports.pop("cooccurrence")
        suite.reports[lang] = reports
        suite.docs[lang] = len(docs)
    return suite


def text_group(text: str) -> str:
    """A document's fold group: documents with the same text never straddle a training and a test fold."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fold_parts(docs: list[GoldDoc], folds: int) -> list[list[int]]:
    """The indices of ``docs`` in each cross-validation fold (GroupKFold by text: deterministic), shared by the
    relation model's folds here and the English entity models' fold refit (``en/heldout.py``)."""
    from sklearn.model_selection import GroupKFold

    groups = [text_group(g.document.text) for g in docs]
    k = min(folds, len(set(groups)))
    return [list(test) for _, test in GroupKFold(n_splits=k).split(docs, groups=groups)]


def _folds(lang: str, docs: list[GoldDoc], folds: int, log: Callable[[str], None]) -> Iterator[tuple[list[GoldDoc], object | None]]:
    if folds <= 1:
        yield docs, None
        return
    from mcfwatch.extract.relmodel import train
    from mcfwatch.extract.relmodel.data import training_docs
    from mcfwatch.extract.relmodel.model import shipped

    pool, _ = training_docs(lang)
    t0 = time.perf_counter()
    log(f"{lang}: featurizing {len(pool)} training documents once for all folds")
    exs = train.featurize(pool, lang)
    alpha = float(shipped(lang).meta["hyperparameters"]["alpha"])  # the shipped model's: no search per fold
    log(f"{lang}: {len(exs)} candidates in {time.perf_counter() - t0:.0f} s; alpha {alpha}, "
        f"{INNER_FOLDS} inner folds for calibration")
    groups = [text_group(g.document.text) for g in docs]
    parts = fold_parts(docs, folds)
    k = len(parts)
    for n, test in enumerate(parts):
        held = {groups[i] for i in test}
        t1 = time.perf_counter()
        model = train.fit(lang, [e for e in exs if e.group not in held], alpha, INNER_FOLDS, log=lambda _: None)
        log(f"{lang}: fold {n + 1}/{k}: {len(test)} held-out documents (fit {time.perf_counter() - t1:.0f} s)")
        yield [docs[i] for i in test], model


def format_suite(suite: Suite) -> Iterator[str]:
    """Per language: a summary row per system, then entity and relation recall/F1 per type."""
    yield suite.title
    for lang, reports in suite.reports.items():
        yield f"  [{lang}] {suite.docs[lang]} documents"
        yield f"    {'system':<14} {'ent P':>6} {'ent R':>6} {'ent F1':>6} {'rel P':>6} {'rel R':>6} {'rel F1':>6} {'gold':>5} {'pred':>5}"
        for name, r in reports.items():
            e, t = r.total("entities"), r.total("relations")
            rel = (f"{t.precision:6.2f} {t.recall:6.2f} {t.f1:6.2f} {t.support:5d} {t.tp + t.fp:5d}"
                   if name != "bare-ner" else f"{'-':>6} {'-':>6} {'-':>6} {t.support:5d} {'-':>5}")
            yield f"    {name:<14} {e.precision:6.2f} {e.recall:6.2f} {e.f1:6.2f} {rel}"
        yield "    end to end (reach.py): partners joined to a defence end of their document, reached / gold; pairs P / R"
        for name, r in reports.items():
            if name == "bare-ner":
                continue
            a = r.reach
            pairs = Score(a.pairs_tp, a.pairs_fp, a.pairs_fn)
            yield (f"      {name:<14} {a.partners_reached:4d} / {a.partners:<4d} {pairs.precision:6.2f} {pairs.recall:6.2f}"
                   f"   ({a.partners_spurious} partners joined only to ends the gold does not join them to)")
            if a.breaks:
                yield f"      {'':<14} missing links: " + ", ".join(f"{k} {v}" for k, v in a.breaks.most_common())
        first = next(iter(reports.values()))
        yield f"    entities by type (recall of {', '.join(reports)}; gold)"
        for etype in sorted(first.entities):
            cells = " ".join(f"{reports[s].entities.get(etype, Score()).recall:6.2f}" for s in reports)
            yield f"      {etype:<14} {cells} {first.entities[etype].support:5d}"
        rel_systems = [s for s in reports if s != "bare-ner"]
        yield f"    relations by type (F1 / recall of {', '.join(rel_systems)}; gold)"
        for rtype in sorted({t for s in rel_systems for t in reports[s].relations}):
            cells = " ".join(f"{reports[s].relations.get(rtype, Score()).f1:4.2f}/{reports[s].relations.get(rtype, Score()).recall:4.2f}"
                             for s in rel_systems)
            yield f"      {rtype:<14} {cells} {reports['rules'].relations.get(rtype, Score()).support:5d}"


def format_gap(dev: Suite, blind: Suite) -> Iterator[str]:
    """Relation P/R/F1 of each system on the cross-validated dev corpus beside the blind split, and the gap
    (dev F1 minus blind F1; over 0.10 means the engine fits its dev set)."""
    yield f"dev-blind gap: {dev.title} vs {blind.title}"
    yield (f"    {'lang':<4} {'system':<8} {'dev P':>6} {'dev R':>6} {'dev F1':>6} "
           f"{'bl P':>6} {'bl R':>6} {'bl F1':>6} {'gap':>6}")
    for lang in sorted(set(dev.reports) & set(blind.reports)):
        for name in SYSTEMS:
            if name not in dev.reports[lang] or name not in blind.reports[lang]:
                continue
            d, b = dev.reports[lang][name].total("relations"), blind.reports[lang][name].total("relations")
            yield (f"    {lang:<4} {name:<8} {d.precision:6.2f} {d.recall:6.2f} {d.f1:6.2f} "
                   f"{b.precision:6.2f} {b.recall:6.2f} {b.f1:6.2f} {d.f1 - b.f1:+6.2f}")
