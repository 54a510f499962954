"""nomenklatura's YenteEnricher, a client nobody on the team wrote, matches and expands against a real
`mcfwatch` server (uvicorn on 127.0.0.1): match finds the listed university, expand reads its listings."""

from __future__ import annotations

from pathlib import Path

from followthemoney import Dataset, StatementEntity
from nomenklatura.cache import Cache
from nomenklatura.db import Session, get_engine
from nomenklatura.enrich.yente import YenteEnricher

from mcfwatch.api.app import create_app

from .server import serving


def test_yente_enricher_match_and_expand(demo_db: Path, tmp_path: Path) -> None:
    dataset = Dataset.make({"name": "partners", "title": "Partners"})
    session = Session(get_engine(f"sqlite:///{tmp_path / 'nk.db'}"))
    cache = Cache(session, dataset, create=True)
    query = StatementEntity.from_data(dataset, {
        "id": "partner-1", "schema": "Organization",
        "properties": {"name": ["Harbin Institute of Technology"], "country": ["cn"]},
    })
    with serving(create_app(db=demo_db)) as api:
        enricher = YenteEnricher(dataset, cache, {"api": api, "dataset": "default", "cache_days": 0})
        matches = list(enricher.match(query))
        assert matches, "no match"
        top = matches[0]
        assert "Harbin Institute of Technology" in top.get("name")
        assert any(url.startswith(api + "entities/") for url in top.get("sourceUrl"))
        expanded = list(enricher.expand(query, top))
    schemata = {e.schema.name for e in expanded}
    assert expanded[0].id == top.id and "Sanction" in schemata
    sanctions = [e for e in expanded if e.schema.name == "Sanction"]
    assert sanctions and all(e.get("entity") == [top.id] for e in sanctions)
    session.close()
