"""Every importer mcfwatch knows, in one explicit list (no discovery by import side effects).

Order is display order. A list id may appear more than once: one importer per copy of the list.
"""

from __future__ import annotations

from mcfwatch.lists import (
    aspi_unitracker,
    bis_dpl,
    bis_entity_list,
    bis_meu,
    bis_mieu,
    ca_nro,
    cn_mofcom,
    defence_groups,
    dhs_uflpa,
    dod_1260h,
    dod_1286,
    eu_sanctions_china,
    fcc_covered,
    jp_meti_eul,
    ndaa_bans,
    ofac_nscmic,
    seven_sons,
    state_inksna,
    state_nonproliferation,
)
from mcfwatch.lists.spec import Importer

IMPORTERS: tuple[Importer, ...] = (
    dod_1260h.OPENSANCTIONS,
    dod_1260h.FEDERAL_REGISTER,
    dod_1286.FY24,
    dod_1286.OPENSANCTIONS,
    ofac_nscmic.OFAC,
    ofac_nscmic.ANNEX,
    bis_entity_list.IMPORTER,
    bis_meu.IMPORTER,
    bis_mieu.IMPORTER,
    bis_dpl.IMPORTER,
    dhs_uflpa.IMPORTER,
    fcc_covered.IMPORTER,
    ndaa_bans.IMPORTER,
    state_nonproliferation.IMPORTER,
    state_inksna.IMPORTER,
    aspi_unitracker.IMPORTER,
    seven_sons.IMPORTER,
    defence_groups.IMPORTER,
    ca_nro.IMPORTER,
    jp_meti_eul.IMPORTER,
    eu_sanctions_china.IMPORTER,
    cn_mofcom.MOFCOM,
    cn_mofcom.COUNTER,
)


def list_ids() -> list[str]:
    """Every list id, in registry order, once."""
    return list(dict.fromkeys(imp.list_id for imp in IMPORTERS))


def importers_for(list_id: str) -> list[Importer]:
    return [imp for imp in IMPORTERS if imp.list_id == list_id]
