"""Every importer mcfwatch knows, in one explicit list (no discovery by import side effects).

Order is display order. A list id may appear more than once: one importer per copy of the list.
"""

from __future__ import annotations

from mcfwatch.lists import aspi_unitracker, bis_entity_list, dod_1260h, dod_1286
from mcfwatch.lists.spec import Importer

IMPORTERS: tuple[Importer, ...] = (
    dod_1260h.OPENSANCTIONS,
    dod_1260h.FEDERAL_REGISTER,
    dod_1286.FY24,
    dod_1286.OPENSANCTIONS,
    bis_entity_list.IMPORTER,
    aspi_unitracker.IMPORTER,
)


def list_ids() -> list[str]:
    """Every list id, in registry order, once."""
    return list(dict.fromkeys(imp.list_id for imp in IMPORTERS))


def importers_for(list_id: str) -> list[Importer]:
    return [imp for imp in IMPORTERS if imp.list_id == list_id]
