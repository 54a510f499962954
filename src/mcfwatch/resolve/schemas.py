"""Which list entries a name of a given entity type may be matched to: FollowTheMoney's schema compatibility.

FtM's `Schema.can_match` says a Person never matches an Organization, Company or PublicBody (and the reverse);
a LegalEntity (or an untyped query) matches either. mcfwatch types map to FtM schemata through the data model
(model/schema.yaml: University -> Organization, MilitaryUnit -> PublicBody). The organisation subtypes on both
sides are guesses from the name (an extracted 'Company' may be listed as 'PublicBody'; lists/parsing.schema_for),
so the guard asks FtM about the distinction the types make reliably: a natural person or an organisation.

followthemoney is an optional dependency (the `ftm` extra) and costs about a second to import, so the answer is
not asked of it at run time: `tests/resolve/test_schema_guard.py` checks this module against followthemoney's
own `model.get(a).can_match(model.get(b))` for every pair of listable types.
"""

from __future__ import annotations

from functools import lru_cache

PERSON = "Person"
ORGANIZATION = "Organization"
LEGAL_ENTITY = "LegalEntity"   # FtM's common parent: an untyped party
# FtM: Person.matchable_schemata = {Person, LegalEntity}; Organization's = {Organization, Company, PublicBody,
# LegalEntity}; LegalEntity's = all of them.
_MATCHABLE = {
    PERSON: frozenset({PERSON, LEGAL_ENTITY}),
    ORGANIZATION: frozenset({ORGANIZATION, LEGAL_ENTITY}),
    LEGAL_ENTITY: frozenset({PERSON, ORGANIZATION, LEGAL_ENTITY}),
}


@lru_cache(maxsize=64)
def ftm_family(etype: str | None) -> str:
    """Person, Organization (any organisation subtype) or LegalEntity (unknown or untyped) for an mcfwatch type
    or an FtM schema name."""
    if not etype:
        return LEGAL_ENTITY
    from mcfwatch.model.schema import SCHEMA  # the data model (YAML) is read only when a type is asked about

    spec = SCHEMA.entity_types.get(etype)
    ftm = spec.ftm if spec is not None else etype
    if ftm == PERSON:
        return PERSON
    if ftm in ("Organization", "Company", "PublicBody"):
        return ORGANIZATION
    return LEGAL_ENTITY


def can_match(mention_type: str | None, entry_schema: str | None) -> bool:
    """True if a name of this type may name a list entry of that schema (a company is never a listed person)."""
    return ftm_family(entry_schema) in _MATCHABLE[ftm_family(mention_type)]
