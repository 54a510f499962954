"""The trained relation model: shipped weights with their training record, the rules/model combination,
and training code that never reads the blind split."""

from __future__ import annotations

import builtins
import io
import json
from pathlib import Path
from typing import Any

import pytest

from mcfwatch.errors import InputError
from mcfwatch.extract.en import EnglishExtractor
from mcfwatch.extract.en.discourse import INHERITED_METHOD, INHERITED_PENALTY
from mcfwatch.extract.relmodel import combine, data
from mcfwatch.extract.relmodel.candidates import Mention, allowed, label_of, pairs, to_relation
from mcfwatch.extract.relmodel.model import MODELS_DIR, load
from mcfwatch.model import Document

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "src/mcfwatch/data/samples/000_2742a0ed2317a793.txt"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_shipped_model_has_its_training_record(lang: str) -> None:
    model = load(lang)
    meta = json.loads((MODELS_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    assert len(meta["training_data"]["sha256"]) == 64
    assert meta["training_data"]["documents"] > 0 and meta["training_data"]["relations"] > 0
    assert all("blind" not in f for f in meta["training_data"]["files"])
    assert meta["sklearn_version"] and meta["hyperparameters"]["class_weight"] == "balanced"
    assert model.relations.weights.shape[1] == len(model.relations.labels)
    # no pickle anywhere: the arrays load with allow_pickle=False (load() does) and the folder holds no .joblib/.pkl
    assert not [p for p in MODELS_DIR.iterdir() if p.suffix in {".pkl", ".joblib", ".pickle"}]


def test_training_never_opens_the_blind_split(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real_open = builtins.open
    real_io_open = io.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", lambda f, *a, **k: (opened.append(str(f)), real_io_open(f, *a, **k))[1])
    for lang in ("en", "zh"):
        docs, paths = data.training_docs(lang)
        assert all("blind" not in p.parts for p in paths)
        data.data_hash(paths)
    assert opened and not [p for p in opened if "blind" in Path(p).parts]
    with pytest.raises(InputError, match="blind"):
        data.training_docs("en", [REPO / "corpus" / "blind" / "en.jsonl"])


def test_candidates_are_pairs_in_a_sentence_with_directional_labels() -> None:
    ms = [Mention(0, 5, "a", "Person"), Mention(10, 15, "b", "Company"), Mention(30, 35, "c", "Place"),
          Mention(50, 55, "a", "Person")]
    cands = pairs(ms, 0, 40)
    assert [(c.first.entity, c.second.entity) for c in cands] == [("a", "b"), ("a", "c"), ("b", "c")]
    assert label_of("position", "a", "b", "a", "b") == "position>"
    assert label_of("ownership", "b", "a", "a", "b") == "ownership<"
    assert label_of("meeting", "b", "a", "a", "b") == "meeting"
    assert to_relation("ownership<", "a", "b") == ("ownership", "b", "a")
    assert not allowed("position>", "Company", "Person") and allowed("position<", "Company", "Person")


def test_relations_setting_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MCFWATCH_RELATIONS", "model")
    assert combine.mode() == "model"
    monkeypatch.setenv("MCFWATCH_RELATIONS", "neural")
    with pytest.raises(InputError, match="MCFWATCH_RELATIONS"):
        combine.mode()


@pytest.fixture(scope="module")
def seed_by_mode() -> dict[str, Any]:
    text = SEED.read_text(encoding="utf-8")
    base = EnglishExtractor(relations="rules")
    out = {}
    for how in combine.MODES:
        ext = EnglishExtractor(nlp=base.nlp, relations=how)
        out[how] = next(ext.extract_many([Document(text=text, language="en", published="2020-12-22")]))
    return out


def test_model_relations_carry_evidence_confidence_and_method(seed_by_mode: dict[str, Any]) -> None:
    ex = seed_by_mode["model"]
    ex.check()
    assert ex.relations, "the model finds the seed's relations on its own"
    text = ex.document.text
    for r in ex.relations:
        assert r.method.startswith("model")
        assert 0.0 < r.confidence <= 1.0
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text and len(r.evidence.text) > 20
    assert any(r.date for r in ex.relations), "dates come from the date machinery"


def test_both_keeps_every_rule_finding(seed_by_mode: dict[str, Any]) -> None:
    def keys(ex: Any) -> set[tuple[str, str, str]]:
        names = {e.id: e.name for e in ex.entities}
        return {(r.type, names[r.source], names[r.target]) for r in ex.relations}

    rules, both = seed_by_mode["rules"], seed_by_mode["both"]
    assert keys(rules) <= keys(both)
    assert all("model" not in r.method for r in rules.relations)
    floors = combine.floors("en")
    for r in both.relations:  # a date taken from the discourse costs INHERITED_PENALTY after the floor
        if r.method.startswith("model"):
            raw = r.confidence + (INHERITED_PENALTY if r.method.endswith(INHERITED_METHOD) else 0.0)
            assert raw >= floors.get(r.type, combine.floor("en")) - 1e-9, r


def test_eval_suite_scores_rules_model_and_both_per_language(tmp_path: Path) -> None:
    from mcfwatch.extract.evalsuite import corpus_gold, format_suite, run

    lines = (REPO / "corpus" / "train" / "en.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    part = tmp_path / "en.jsonl"
    part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = corpus_gold([part])
    suite = run("three training documents", gold, folds=0, baselines=False, floors=(0.5,))
    reports = suite.reports["en"]
    assert list(reports) == ["rules", "model", "both", "both@0.5"]
    n_gold = reports["rules"].total("relations").support
    assert n_gold > 0 and all(r.total("relations").support == n_gold for r in reports.values())
    both, rules = reports["both"].total("relations"), reports["rules"].total("relations")
    assert both.tp >= rules.tp  # both keeps every rule finding
    text = "\n".join(format_suite(suite))
    assert "relations by type" in text and "both@0.5" in text
    assert "end to end" in text
    assert all(r.reach.partners == reports["rules"].reach.partners for r in reports.values())  # one gold


def test_eval_refuses_error_listing_on_the_blind_split() -> None:
    from typer.testing import CliRunner

    from mcfwatch.cli.main import app

    result = CliRunner().invoke(app, ["eval", "--blind", "--errors"])
    assert result.exit_code != 0 and "aggregate" in result.output


def test_pruning_type_pairs_before_featurising_changes_no_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction skips pairs whose types no annotation ever related (speed); the findings are those of
    scoring every pair."""
    from mcfwatch.extract.en.entities import build_table, mentions_of
    from mcfwatch.extract.relmodel import examples, scorer
    from mcfwatch.extract.relmodel.candidates import Mention as Cand
    from mcfwatch.extract.relmodel.model import shipped

    base = EnglishExtractor(relations="rules")
    sdoc = base.nlp(SEED.read_text(encoding="utf-8"))
    table = build_table(sdoc, mentions_of(sdoc))
    model = shipped("en")
    mentions = [Cand(s, e, eid, table.types[eid]) for eid, spans in table.spans.items() for s, e in set(spans)]
    # without references: with them the seed's one unannotated type pair (a carried topic) is not carried
    assert (len(examples.english(sdoc, mentions, keep=model.any_shown, references=False))
            < len(examples.english(sdoc, mentions, references=False)))

    def found() -> list[tuple[str, str, str, float]]:
        return sorted((f.type, f.source, f.target, f.confidence) for f, _ in scorer.english(sdoc, table, model))

    pruned = found()
    monkeypatch.setattr(type(model), "any_shown", lambda self, a, b: True)
    assert pruned == found() and pruned


def test_predicted_mentions_take_the_gold_entity_they_overlap_most() -> None:
    from mcfwatch.extract.relmodel.aligned import align

    gold = [Mention(0, 30, "hit", "University"), Mention(40, 52, "avic", "Company"), Mention(60, 70, "avic", "Company")]
    # "Harbin Institute" cut short, "AVIC" typed Organization, a name the annotators did not mark
    pred = [Mention(0, 16, "e1", "University"), Mention(40, 44, "e2", "Organization"),
            Mention(60, 70, "e2", "Organization"), Mention(80, 90, "e3", "Place")]
    out = align(pred, gold)
    assert [(m.entity, m.type) for m in out] == [("hit", "University"), ("avic", "Organization"),
                                                  ("avic", "Organization"), ("~e3", "Place")]


def test_training_on_predicted_mentions_labels_the_extractors_own_candidates() -> None:
    """On a real training document, the candidates built from the English extractor's mentions carry gold
    labels (the aligned entities are the annotated ones), and names the annotators did not mark are negatives."""
    from mcfwatch.extract.relmodel import train

    docs, _ = data.training_docs("en")
    doc = next(d for d in docs if len(d.relations) >= 8)
    gold = train.featurize([doc], "en", "gold")
    predicted = train.featurize([doc], "en", "predicted")
    assert sum(bool(e.labels) for e in predicted) >= 0.5 * sum(bool(e.labels) for e in gold) > 0
    assert all(not e.labels for e in predicted
               if e.cand.first.entity.startswith("~") or e.cand.second.entity.startswith("~"))
    both = train.featurize([doc], "en", "both")
    assert len(both) == len(gold) + len(predicted)


def test_dev_blind_gap_is_dev_f1_minus_blind_f1(tmp_path: Path) -> None:
    from mcfwatch.extract.evalsuite import corpus_gold, format_gap, run

    lines = (REPO / "corpus" / "train" / "en.jsonl").read_text(encoding="utf-8").splitlines()
    for name, part in (("a", lines[:2]), ("b", lines[2:4])):
        (tmp_path / f"{name}.jsonl").write_text("\n".join(part) + "\n", encoding="utf-8")
    dev = run("dev", corpus_gold([tmp_path / "a.jsonl"]), baselines=False)
    blind = run("blind", corpus_gold([tmp_path / "b.jsonl"]), baselines=False)
    rows = {line.split()[1]: line.split() for line in format_gap(dev, blind) if line.split()[:1] == ["en"]}
    assert list(rows) == ["rules", "model", "both"]
    for name, cells in rows.items():
        d, b = dev.reports["en"][name].total("relations").f1, blind.reports["en"][name].total("relations").f1
        assert float(cells[4]) == pytest.approx(d, abs=0.006) and float(cells[-1]) == pytest.approx(d - b, abs=0.011)


def test_the_documents_main_event_is_carried_into_sentences_that_do_not_name_it() -> None:
    """"Representatives of 120 employers took part": the event an earlier sentence named is a candidate party,
    and a gold participation told that way becomes a positive example."""
    from mcfwatch.extract.relmodel import examples
    from mcfwatch.extract.zh.normalise import simplify

    docs, _ = data.training_docs("zh")
    gained = 0
    for doc in docs[:60]:
        text = simplify(doc.text)
        without = examples.label(doc, examples.chinese(text, doc.mentions, carry_event=False))
        carried = examples.label(doc, examples.chinese(text, doc.mentions, carry_event=True))
        new = [e for e in carried if "carried_event" in e.features]
        assert all(e.cand.first.type == "Event" and e.cand.first.end <= e.cand.sent_start for e in new)
        assert len(carried) >= len(without)
        gained += sum(bool(e.labels) for e in carried) - sum(bool(e.labels) for e in without)
    assert gained > 0


@pytest.mark.parametrize("text", [
    "Brunel University proposed a joint laboratory with the Lizhong Group.",
    "Brunel University is considering a joint laboratory with the Lizhong Group.",
    "Brunel University plans to open a joint laboratory with the Lizhong Group.",
    "Brunel University aims to set up a joint laboratory with the Lizhong Group.",
    "Brunel University intends to sign an agreement with the Lizhong Group.",
    "Brunel University hopes to sign an agreement with the Lizhong Group.",
    "Brunel University could open a joint laboratory with the Lizhong Group.",
    "Brunel University would open a joint laboratory with the Lizhong Group.",
])
def test_model_alone_reads_no_relation_from_plans(english: EnglishExtractor, text: str) -> None:
    """The model's own modality cue: a path through "proposed", "plans to", "would" is not stated."""
    model = EnglishExtractor(nlp=english.nlp, relations="model")
    ex = next(model.extract_many([Document(text=text, language="en")]))
    assert not [r for r in ex.relations if r.type == "agreement"], ex.relations
    stated = text.replace("is considering", "opened").replace("proposed", "opened")
    for verb in ("plans to open", "aims to set up", "intends to sign", "hopes to sign", "could open", "would open"):
        stated = stated.replace(verb, "opened")
    plain = next(model.extract_many([Document(text=stated, language="en")]))
    assert [r for r in plain.relations if r.type == "agreement"], (stated, plain.relations)


def test_both_adds_a_model_fact_no_rule_found_at_its_type_floor() -> None:
    """In ``both`` a model finding passes when the rules did not find its (type, source, target) in the
    sentence and its probability reaches its type's floor; a fact the rules found stays the rules' own."""
    from dataclasses import dataclass

    @dataclass
    class F:
        type: str
        source: str
        target: str
        confidence: float
        method: str = "model"

    floors = combine.floors("en")
    rtype = max(floors, key=lambda t: floors[t])  # a type whose floor leaves room below it
    fl = floors[rtype]
    rule = (F(rtype, "a", "b", 0.9, "rule"), 0)
    same = (F(rtype, "a", "b", 0.99), 0)
    new = (F(rtype, "c", "b", fl), 0)
    low = (F(rtype, "d", "b", fl - 0.01), 0)
    out = combine.combine([rule], [same, new, low], "both", None, "en")
    assert out == [rule, new]
    assert combine.combine([rule], [same, new, low], "rules") == [rule]
    assert combine.combine([rule], [same, new, low], "model") == [same, new, low]


def _corpus_sentence(doc_id: str, start: str) -> str:
    for line in (REPO / "corpus" / "train" / "en.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] == doc_id:
            text = rec["text"]
            i = text.index(start)
            return text[i: text.index(".", i) + 1]
    raise AssertionError(doc_id)


def _features(english: EnglishExtractor, text: str, a: str, ta: str, b: str, tb: str) -> list[str]:
    from mcfwatch.extract.relmodel import features_en

    i, j = text.index(a), text.rindex(b)
    ms = [Mention(i, i + len(a), "a", ta), Mention(j, j + len(b), "b", tb)]
    [cand] = pairs(ms, 0, len(text))
    return features_en.features(english.nlp(text), cand)[0]


def test_newswire_word_classes_and_coordinations_are_features(english: EnglishExtractor) -> None:
    """Money put into a partner, percentage stakes and lists of co-hosts read as classes, not as the words of one
    document (corpus/train en-w-0032, en-w-1095, en-w-1272, en-w-1246)."""
    money = _corpus_sentence("en-w-0032", "Since 2018 Nordlicht")
    f = _features(english, money, "Nordlicht", "Company", "Skyvane", "Company")
    assert "money_between" in f and "tp_money_between=Company|Company" in f and "pct_between" not in f
    invested = _corpus_sentence("en-w-1095", "It matched")
    assert "money_after" in _features(english, invested, "ScanWave", "Company", "Haishan Medical", "Company")
    stake = _corpus_sentence("en-w-1272", "Tianjin Binhai Port Development holds")
    f = _features(english, stake, "Tianjin Binhai Port Development", "Company", "Sino-Adriatic", "Company")
    assert "pct_between" in f and "money_between" not in f
    hosts = _corpus_sentence("en-w-1246", "The fair is co-hosted")
    first = _features(english, hosts, "fair", "Event", "Ministry of Commerce", "PublicBody")
    last = _features(english, hosts, "fair", "Event", "Shenzhen Municipal People's Government", "PublicBody")
    assert "jointly_between" in first and "conj_collapsed" not in first and "conj_collapsed" in last
    path = next(x for x in first if x.startswith("path="))[len("path="):]
    assert f"cpath={path}" in last  # the last co-host is read through the list's first
    both = _features(english, "Beihang University and Centrale Paris signed an agreement.",
                     "Beihang University", "University", "Centrale Paris", "University")
    assert "coordinated" in both and "coord_head=sign" in both


@pytest.mark.slow
def test_candidate_recall_by_type_counts_what_no_candidate_carries(nlp: Any, corpus: dict[str, data.TrainDoc]) -> None:
    from mcfwatch.extract.relmodel import examples

    doc = corpus["en-w-1047"]  # "The machine was shipped to Penang in March 2022": the exporter is in no candidate
    exs = examples.label(doc, examples.english(nlp(doc.text), doc.mentions))
    by_type = examples.candidate_recall_by_type([doc], exs)
    assert by_type["export"] == (3, 4)
    assert sum(n for _, n in by_type.values()) == len(doc.relations)
    assert sum(h for h, _ in by_type.values()) == examples.candidate_recall(doc, exs)[0]
    # candidates of the document's sentences only: without them nothing is carried, every relation still counted
    assert examples.candidate_recall_by_type([doc], [e for e in exs if e.group != doc.group]) == {
        k: (0, n) for k, (_, n) in by_type.items()}


def test_dev_cv_refits_each_fold_at_the_shipped_models_alpha(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`mcfwatch eval --folds` and `--blind` must measure one configuration: each fold's relation model is refit
    with the shipped model's regularisation and on the mentions it was trained on, whatever ``train`` defaults to."""
    from mcfwatch.extract import evalsuite
    from mcfwatch.extract.relmodel import train

    lines = (REPO / "corpus" / "train" / "en.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    (tmp_path / "en.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = evalsuite.corpus_gold([tmp_path / "en.jsonl"])
    fitted: list[float] = []
    monkeypatch.setattr(data, "training_docs", lambda lang: ([], []))
    monkeypatch.setattr(train, "featurize", lambda docs, lang, mentions=None: [])
    monkeypatch.setattr(train, "ALPHA", 0.123)
    monkeypatch.setattr(train, "fit", lambda lang, exs, alpha, folds, log=print, mentions=None:
                        fitted.append(alpha) or load("en"))
    parts = list(evalsuite._folds("en", gold, 2, lambda _: None))
    hyper = load("en").meta["hyperparameters"]
    assert len(parts) == 2 and sorted(len(p) for p, _ in parts) == [2, 2]
    assert fitted == [hyper["alpha"]] * 2
    assert hyper["mentions"] == train.MENTIONS  # the folds featurize with train's default mentions
