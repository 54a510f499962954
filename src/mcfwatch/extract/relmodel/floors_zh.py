"""Re-pick the Chinese combination of rules and model (``combine.FLOORS_ZH``, ``SCALES_ZH``, ``SOURCE_READ_ZH``) on
document-level dev cross-validation, reproducibly, in three steps (``floors_en`` does it for English):

``python -m mcfwatch.extract.relmodel.floors_zh prep FOLDS.pkl [--zh-folds DIR] [--folds 5]``
    the folds of ``mcfwatch eval --corpus corpus/train/zh.jsonl --folds 5`` (same split, same pool, same inner
    folds: ``evalsuite._folds``): each fold's relation model refit without it, and each fold's documents tagged
    once (``--zh-folds``: by the NER trained without them, as ``mcfwatch eval --zh-folds``). The relation rules play
    no part in this step, so one prep serves every rule change (the slow step: five fits).
``python -m mcfwatch.extract.relmodel.floors_zh capture FOLDS.pkl OUT.json``
    each fold's documents extracted in ``both`` by the current rules with every model finding the lowest factor and
    the floor 0 admit, each with what it needs to pass (its probability, its label's threshold, whether a rule read
    its source); the real ``both`` of the first fold is scored beside it to check the replay.
``python -m mcfwatch.extract.relmodel.floors_zh pick OUT.json [--floors-only]``
    coordinate ascent per type over the factor on the type's thresholds (``--floors-only``: kept), its floor and its
    blocking, from the shipped values: the best relation micro F1 (ties to the higher recall), printed free and with micro recall held
    within ``floors_en.RECALL_SLACK`` of the shipped values' and each type's within ``floors_en.TYPE_SLACK``.

``python -m mcfwatch.extract.relmodel.floors_zh nested OUT.json [--floors-only]``
    the pick made on all folds but one and scored on that one, for each fold: what the re-pick is worth on documents
    it did not see (session 26: floors only .682/.644/.662 -> .698/.636/.666, factors too -> .688/.642/.664).

Never the blind split: the gold is corpus/train's Chinese documents, the pool ``data.training_docs``.
"""

from __future__ import annotations

import json
import pickle
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mcfwatch.extract.eval import Report, score_document
from mcfwatch.extract.relmodel import floors_en
from mcfwatch.extract.relmodel.floors_en import RECALL_SLACK, TYPE_SLACK, Tally, _better, fact
from mcfwatch.model import SCHEMA

FLOOR_GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)
SCALE_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass(slots=True)
class Config:
    scales: dict[str, float]
    floors: dict[str, float]
    blocking: frozenset[str]

    def with_type(self, rtype: str, scale: float, fl: float, block: bool) -> Config:
        return Config({**self.scales, rtype: scale}, {**self.floors, rtype: fl},
                      self.blocking | {rtype} if block else self.blocking - {rtype})


def passes(finding: list[Any], rtype: str, cfg: Config) -> bool:
    """Whether a captured model finding ``[probability (rounded, as the floor sees it), label threshold, rule read its
    source, probability (unrounded, as the threshold sees it)]`` is admitted."""
    p, threshold, read, raw = finding
    return (raw >= threshold * cfg.scales.get(rtype, 1.0) and p >= cfg.floors.get(rtype, 0.2)
            and not (read and rtype in cfg.blocking))


def score(docs: list[dict[str, Any]], cfg: Config | None) -> Tally:
    """Relation tallies under ``cfg`` (None: the rules alone), as ``floors_en.score`` counts them."""
    return floors_en.score(docs, cfg, passes)


def ascend(docs: list[dict[str, Any]], start: Config, types: list[str], min_recall: float = 0.0,
           type_recall: dict[str, float] | None = None, passes_max: int = 3,
           factors: bool = True) -> tuple[Config, Tally]:
    """Coordinate ascent over each type's (factor, floor, blocking) (``factors`` False: the factors stay as in
    ``start``); a choice whose micro recall falls under ``min_recall``, or its type's recall under
    ``type_recall[type]``, is not taken."""
    floor_of = type_recall or {}
    cfg = Config(dict(start.scales), dict(start.floors), start.blocking)
    best = score(docs, cfg)
    for _ in range(passes_max):
        moved = False
        for rtype in types:
            for scale in SCALE_GRID if factors else (cfg.scales.get(rtype, 1.0),):
                for fl in FLOOR_GRID:
                    for block in (False, True):
                        trial = cfg.with_type(rtype, scale, fl, block)
                        if trial == cfg:
                            continue
                        t = score(docs, trial)
                        if (t.prf()[1] >= min_recall - 1e-9 and t.prf(rtype)[1] >= floor_of.get(rtype, 0.0) - 1e-9
                                and _better(t.prf(), best.prf())):
                            cfg, best, moved = trial, t, True
        if not moved:
            break
    return cfg, best


def shipped_config() -> Config:
    from mcfwatch.extract.relmodel import combine

    return Config(dict(combine.SCALES_ZH), dict(combine.FLOORS_ZH), combine.SOURCE_READ_ZH)


def prep(out: Path, zh_folds: Path | None, folds: int = 5, log: Any = print) -> None:
    """Each fold's relation model and held-out tagging, pickled: [(document ids, simplified texts, mentions, model)]."""
    from mcfwatch.extract import evalsuite
    from mcfwatch.extract.relmodel.data import REPO
    from mcfwatch.extract.zh.heldout import load_fold
    from mcfwatch.extract.zh.normalise import simplify

    gold = [g for g in evalsuite.corpus_gold([REPO / "corpus" / "train" / "zh.jsonl"])
            if evalsuite.lang_of(g.document) == "zh"]
    systems = evalsuite.Systems("zh")
    parts = []
    for n, (part, model) in enumerate(evalsuite._folds("zh", gold, folds, log)):
        if zh_folds is not None:
            systems.zh.crf_tagger = load_fold(zh_folds, n, {evalsuite.text_group(g.document.text) for g in part})
        texts = [simplify(g.document.text) for g in part]
        parts.append(([g.document.id for g in part], texts, systems.zh.mentions(texts), model))
        log(f"zh: fold {n + 1} tagged {time.strftime('%H:%M:%S')}")
    with out.open("wb") as fh:
        pickle.dump(parts, fh)


def captured(extractor: Any, g: Any, text: str, mentions: list[Any], model: Any) -> dict[str, Any]:
    """One document extracted in ``both`` by ``model`` with every model finding the lowest factor and the floor 0
    admit, each with what it needs to pass (``passes``), and its gold, for ``score``."""
    from unittest import mock

    from mcfwatch.extract.relmodel import combine, scorer
    from mcfwatch.extract.zh import sieve

    labels: dict[int, tuple[str, float]] = {}
    pending: list[tuple[Any, tuple[str, str, str], list[Any]]] = []
    record: list[tuple[tuple[str, str, str], list[Any]]] = []
    keep = sieve.keep
    thresholds = dict(zip(model.relations.labels, model.relations.thresholds.tolist(), strict=True))

    def chinese(text: str, items: Any, dates: Any, model: Any, scale: Any = None) -> list[Any]:
        hits = scorer.chinese_labelled(text, items, dates, model, scale)
        out = []
        for rc, label, p in hits:
            labels[id(rc)] = (label, p)
            out.append((rc, round(p, 3)))
        return out

    def recorder(rules: Any, found: Any, how: str, confident: Any = None, lang: str = "en") -> list[Any]:
        # ``combine.combine`` in ``both`` with per-type floors, its filters left to ``passes``
        ruled = {fact(f.type, f.source, f.target) for f, _ in rules}
        read = {(f.type, f.source, s) for f, s in rules if SCHEMA.relation_types[f.type].directed}
        keep = [(f, s) for f, s in found if fact(f.type, f.source, f.target) not in ruled]
        pending.extend((f, fact(f.type, f.source, f.target),
                        [f.confidence, thresholds[labels[id(f.rc)][0]], (f.type, f.source, s) in read,
                         labels[id(f.rc)][1]]) for f, s in keep)
        return [*rules, *keep]

    def sieved(text: str, items: Any, found: Any, sentence: Any, refs: Any = ()) -> list[bool]:
        # a finding the sieve drops admits nothing: the fact stands through its sentences' kept findings only
        kept = keep(text, items, found, sentence, refs)
        survivors = {id(f) for (f, _), ok in zip(found, kept, strict=True) if ok}
        record.extend((k, finding) for f, k, finding in pending if id(f) in survivors)
        return kept

    low = dict.fromkeys(combine.SCALES_ZH, min(SCALE_GRID))
    extractor.relations, extractor.model, extractor.confident = "both", model, None
    with (mock.patch.object(combine, "combine", recorder), mock.patch.object(scorer, "chinese", chinese),
          mock.patch.object(combine, "SCALES_ZH", low), mock.patch.object(sieve, "keep", sieved)):
        ex = extractor.extract_tagged(g.document, text, list(mentions))
    return floors_en.replayable(g, ex, record)


def capture(folds_pkl: Path, out: Path, check_fold: int = 0, log: Any = print) -> None:
    """Extract every prepared fold once with all the model findings the grids could admit (see the module doc)."""
    from mcfwatch.extract import evalsuite
    from mcfwatch.extract.relmodel.data import REPO
    from mcfwatch.extract.zh import ChineseExtractor

    gold = {g.document.id: g for g in evalsuite.corpus_gold([REPO / "corpus" / "train" / "zh.jsonl"])
            if evalsuite.lang_of(g.document) == "zh"}
    with folds_pkl.open("rb") as fh:
        parts = pickle.load(fh)
    ext = ChineseExtractor(relations="both")
    docs: list[dict[str, Any]] = []
    check = Report()
    for n, (ids, texts, mentions, model) in enumerate(parts):
        for i, text, ms in zip(ids, texts, mentions, strict=True):
            if n == check_fold:  # the real `both`, as extraction runs it, to check the replay against
                ext.relations, ext.model, ext.confident = "both", model, None
                score_document(gold[i], ext.extract_tagged(gold[i].document, text, list(ms)), check)
            docs.append({**captured(ext, gold[i], text, ms, model), "fold": n})
        log(f"zh: fold {n + 1}: {len(ids)} documents captured")
    replay = score([d for d in docs if d["fold"] == check_fold], shipped_config())
    real = check.total("relations")
    replayed = (sum(replay.tp.values()), sum(replay.fp.values()), sum(replay.fn.values()))
    log(f"check, fold {check_fold + 1}, shipped values: extraction tp/fp/fn {real.tp}/{real.fp}/{real.fn}, replay "
        f"{replayed[0]}/{replayed[1]}/{replayed[2]}")
    if replayed != (real.tp, real.fp, real.fn):
        raise RuntimeError(f"the replay does not score as extraction does on fold {check_fold + 1}: a pick from "
                           f"{out} would be chosen for another extractor")
    # written only once the check passes: a file on disk is one a pick may trust
    out.write_text(json.dumps({"prep": str(folds_pkl), "folds": len(parts), "docs": docs}), encoding="utf-8")


def _row(name: str, t: Tally) -> str:
    p, r, f = t.prf()
    return f"{name:<24} P {p:.3f} R {r:.3f} F1 {f:.3f}"


def _cfg(cfg: Config) -> str:
    return (f"scales {json.dumps(cfg.scales, sort_keys=True)} floors {json.dumps(cfg.floors, sort_keys=True)} "
            f"blocking {sorted(cfg.blocking)}")


def pick(path: Path, factors: bool = True, log: Any = print) -> Config:
    data = json.loads(path.read_text(encoding="utf-8"))
    docs = data["docs"]
    types = sorted(SCHEMA.relation_types)
    shipped_cfg = shipped_config()
    log(f"{len(docs)} documents ({data['folds']} folds, {data['prep']})")
    log(_row("rules alone", score(docs, None)))
    shipped_t = score(docs, shipped_cfg)
    log(_row("shipped", shipped_t))
    free, ft = ascend(docs, shipped_cfg, types, factors=factors)
    log(_row("best F1", ft) + "  " + _cfg(free))
    min_recall = shipped_t.prf()[1] - RECALL_SLACK
    type_recall = {t: shipped_t.prf(t)[1] - TYPE_SLACK for t in types}
    cfg, t = ascend(docs, shipped_cfg, types, min_recall, type_recall, factors=factors)
    log(_row("recall held", t) + "  " + _cfg(cfg))
    log(f"  {'type':<14} {'shipped P/R':>12} {'best F1 P/R':>12} {'held P/R':>12} gold")
    for rtype in types:
        sp, sr, _ = shipped_t.prf(rtype)
        fp_, fr, _ = ft.prf(rtype)
        pp, pr, _ = t.prf(rtype)
        log(f"  {rtype:<14} {sp:5.2f}/{sr:5.2f}  {fp_:5.2f}/{fr:5.2f}  {pp:5.2f}/{pr:5.2f} "
            f"{t.tp.get(rtype, 0) + t.fn.get(rtype, 0):5d}")
    return cfg


def nested(path: Path, factors: bool = True, log: Any = print) -> Tally:
    """How well the pick carries to unseen documents: pick (recall held) on all folds but one, score that one."""
    docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    types = sorted(SCHEMA.relation_types)
    shipped_cfg = shipped_config()
    totals = (Tally(), Tally())
    for k in sorted({d["fold"] for d in docs}):
        train = [d for d in docs if d["fold"] != k]
        test = [d for d in docs if d["fold"] == k]
        st = score(train, shipped_cfg)
        cfg, _ = ascend(train, shipped_cfg, types, st.prf()[1] - RECALL_SLACK,
                        {t: st.prf(t)[1] - TYPE_SLACK for t in types}, factors=factors)
        for total, t in zip(totals, (score(test, shipped_cfg), score(test, cfg)), strict=True):
            for name in ("tp", "fp", "fn"):
                for rtype, n in getattr(t, name).items():
                    getattr(total, name)[rtype] = getattr(total, name).get(rtype, 0) + n
        log(f"fold {k + 1}: " + _row("shipped", score(test, shipped_cfg)) + "  " + _row("picked", score(test, cfg)))
    log(_row("all folds, shipped", totals[0]) + "  " + _row("picked", totals[1]))
    return totals[1]


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 2 or args[0] not in ("prep", "capture", "pick", "nested"):
        print(__doc__, file=sys.stderr)
        return 2

    def opt(name: str) -> str | None:
        if name in args:
            k = args.index(name)
            value = args[k + 1]
            del args[k:k + 2]
            return value
        return None

    if args[0] == "prep":
        folds_dir, folds = opt("--zh-folds"), opt("--folds")
        prep(Path(args[1]), Path(folds_dir) if folds_dir else None, int(folds) if folds else 5)
    elif args[0] == "capture":
        capture(Path(args[1]), Path(args[2]))
    elif args[0] == "nested":
        nested(Path(args[1]), factors="--floors-only" not in args)
    else:
        pick(Path(args[1]), factors="--floors-only" not in args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
