"""End to end on the seed (extract/reach.py): every foreign partner of the founding document is joined to the
defence ends the gold names, through the delegation's facilitation and the Lizhong Group's MCF ties."""

from __future__ import annotations

from dataclasses import replace

from mcfwatch.extract.en import EnglishExtractor
from mcfwatch.extract.eval import Report, gold_edges, load_gold, score_document
from mcfwatch.extract.reach import joined
from tests.extract_en.conftest import REPO


def _seed():
    return next(g for g in load_gold(REPO / "benchmarks" / "gold" / "en_dev.jsonl") if g.document.id == "seed")


def test_the_seed_gold_joins_each_uk_partner_to_the_pla_branch_through_lizhong() -> None:
    gold = _seed()
    names = [e["name"] for e in gold.entities]
    join = {names[p]: {names[e] for e in ends} for p, ends in joined([e["type"] for e in gold.entities], gold_edges(gold)).items()}
    assert {"UK MQP Limited", "Brunel University", "HT&L Fitting"} <= set(join)
    assert all({"Lizhong Group", "PLA Baoding branch"} <= ends for ends in join.values())
    assert "Cork County" not in join  # a place is never a partner, nor a path


def test_the_seed_extraction_reaches_every_partner_and_loses_them_without_its_agreements(english: EnglishExtractor) -> None:
    gold = _seed()
    ex = next(english.extract_many([gold.document]))
    report = Report()
    score_document(gold, ex, report)
    assert (report.reach.partners_reached, report.reach.partners) == (4, 4)
    assert report.reach.pairs_fn == 0
    cut = replace(ex, relations=[r for r in ex.relations if r.type not in {"agreement", "facilitation"}])
    report = Report()
    score_document(gold, cut, report)
    assert report.reach.partners == 4 and report.reach.partners_reached < 4
    assert report.reach.pairs_fn > 0
    assert set(report.reach.breaks) <= {"agreement", "facilitation"} and report.reach.breaks  # where the chains broke
