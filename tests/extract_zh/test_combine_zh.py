"""Chinese `both` (relmodel/combine.py, zh/extractor.py): per-type floors, the document-level "the rules found
this fact" check, and rules-free types, on made-up findings and on the shipped seed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from mcfwatch.extract.relmodel import combine
from mcfwatch.extract.zh import ChineseExtractor
from mcfwatch.extract.zh import extractor as zx
from mcfwatch.model import Document

SEED_ZH = Path(__file__).resolve().parents[2] / "src" / "mcfwatch" / "data" / "samples" / "zh" / "seed_zh.txt"


@dataclass
class F:
    type: str
    source: str
    target: str
    confidence: float
    method: str = "model"


def test_every_chinese_type_has_its_own_floor_and_it_decides() -> None:
    from mcfwatch.model import SCHEMA

    floors = combine.floors("zh")
    assert set(floors) == set(SCHEMA.relation_types)
    rtype = max(floors, key=lambda t: floors[t])
    fl = floors[rtype]
    rule = (F(rtype, "a", "b", 0.6, "zh-rules"), 0)
    elsewhere = (F(rtype, "a", "b", 0.99), 40)  # the rules' fact, told again in another sentence
    new = (F(rtype, "c", "b", fl), 40)
    low = (F(rtype, "d", "b", fl - 0.01), 40)
    assert combine.combine([rule], [elsewhere, new, low], "both", None, "zh") == [rule, new]


def test_source_blocking_only_for_the_types_chosen_for_it() -> None:
    from mcfwatch.model import SCHEMA

    directed = [t for t in combine.floors("zh") if SCHEMA.relation_types[t].directed]
    for rtype in directed:
        rule = (F(rtype, "a", "b", 0.6, "zh-rules"), 0)
        other = (F(rtype, "a", "c", 1.0), 0)  # the same source tied to another party in the same sentence
        out = combine.combine([rule], [other], "both", None, "zh")
        assert (other in out) == (rtype not in combine.SOURCE_READ_ZH), rtype


def test_seed_both_keeps_rule_findings_except_model_only_types(zh_extractor: ChineseExtractor) -> None:
    text = SEED_ZH.read_text(encoding="utf-8")
    doc = Document(text=text, language="zh", published="2020-12-22")
    assert zh_extractor.relations == "both" and zh_extractor.confident is None
    both = next(zh_extractor.extract_many([doc]))
    try:
        zh_extractor.relations = "rules"
        rules = next(zh_extractor.extract_many([doc]))
    finally:
        zh_extractor.relations = "both"
    names = {e.id: e.name for e in rules.entities}
    kept = {(r.type, names[r.source], names[r.target]) for r in rules.relations if r.type not in zx.MODEL_ONLY}
    names_b = {e.id: e.name for e in both.entities}
    assert kept <= {(r.type, names_b[r.source], names_b[r.target]) for r in both.relations}
    floors = combine.floors("zh")
    for r in both.relations:
        if r.method.startswith("model"):
            assert r.confidence >= floors[r.type] - 1e-9, r


def test_eval_systems_tag_once_and_give_what_extraction_gives(zh_extractor: ChineseExtractor) -> None:
    import json

    from mcfwatch.extract.evalsuite import Systems
    from mcfwatch.model import Extraction

    lines = (Path(__file__).resolve().parents[2] / "corpus" / "train" / "zh.jsonl").read_text(encoding="utf-8")
    recs = [json.loads(line) for line in lines.splitlines()[:3]]
    docs = [Document(text=r["text"], id=r["id"], language="zh", published=r["published"]) for r in recs]
    systems = Systems("zh")
    calls = []
    tag = systems.zh.mentions
    systems.zh.mentions = lambda texts: calls.append(len(texts)) or tag(texts)  # type: ignore[method-assign]
    out = systems.run(docs, None)
    assert calls == [3]

    def facts(ex: Extraction) -> list[tuple[str, str, str, int, float, str]]:
        names = {e.id: e.name for e in ex.entities}
        return [(r.type, names[r.source], names[r.target], r.evidence.start, r.confidence, r.method) for r in ex.relations]

    for how in ("rules", "model", "both"):
        zh_extractor.relations = how
        try:
            expected = list(zh_extractor.extract_many(docs))
        finally:
            zh_extractor.relations = "both"
        assert [facts(e) for e in out[how]] == [facts(e) for e in expected], how
    assert any(facts(e) for e in out["both"])


def test_chinese_both_uses_the_chinese_floors_and_threshold_factors(zh_extractor: ChineseExtractor,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractor combines with FLOORS_ZH (not the English floors) and lowers the model's thresholds by
    SCALES_ZH."""
    from mcfwatch.model import SCHEMA

    doc = Document(text=SEED_ZH.read_text(encoding="utf-8"), language="zh", published="2020-12-22")

    def model_findings() -> int:
        return sum(r.method.startswith("model") for r in next(zh_extractor.extract_many([doc])).relations)

    monkeypatch.setattr(combine, "FLOORS_ZH", dict.fromkeys(SCHEMA.relation_types, 0.0))
    monkeypatch.setattr(combine, "SCALES_ZH", dict.fromkeys(SCHEMA.relation_types, 0.5))
    lowered = model_findings()
    monkeypatch.setattr(combine, "SCALES_ZH", dict.fromkeys(SCHEMA.relation_types, 1.0))
    assert lowered > model_findings()
    monkeypatch.setattr(combine, "SCALES_ZH", dict.fromkeys(SCHEMA.relation_types, 0.5))
    monkeypatch.setattr(combine, "FLOORS_ZH", dict.fromkeys(SCHEMA.relation_types, 1.01))
    assert model_findings() == 0
