"""Load the declarative data model (schema.yaml) once into small immutable objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class EntityType:
    name: str
    label: str
    ftm: str | None
    description: str
    ftm_topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RelationType:
    name: str
    label: str
    directed: bool
    description: str
    ftm: str | None
    subtypes: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    ftm_by_subtype: dict[str, str] = field(default_factory=dict)
    ftm_by_target: dict[str, str] = field(default_factory=dict)  # by the target's entity type


@dataclass(frozen=True, slots=True)
class Schema:
    version: int
    entity_types: dict[str, EntityType]
    relation_types: dict[str, RelationType]

    def entity_type(self, name: str) -> EntityType:
        try:
            return self.entity_types[name]
        except KeyError:
            raise ValueError(f"unknown entity type {name!r}; known: {', '.join(self.entity_types)}") from None

    def relation_type(self, name: str) -> RelationType:
        try:
            return self.relation_types[name]
        except KeyError:
            raise ValueError(f"unknown relation type {name!r}; known: {', '.join(self.relation_types)}") from None


@lru_cache(maxsize=1)
def load_schema() -> Schema:
    raw = yaml.safe_load(resources.files("mcfwatch.model").joinpath("schema.yaml").read_text("utf-8"))
    ents = {
        name: EntityType(
            name=name,
            label=spec["label"],
            ftm=spec.get("ftm"),
            description=spec["description"],
            ftm_topics=tuple(spec.get("ftm_topics", ())),
        )
        for name, spec in raw["entity_types"].items()
    }
    rels = {
        name: RelationType(
            name=name,
            label=spec["label"],
            directed=bool(spec["directed"]),
            description=spec["description"],
            ftm=spec.get("ftm"),
            subtypes=tuple(spec.get("subtypes", ())),
            source=tuple(spec.get("source", ())),
            target=tuple(spec.get("target", ())),
            ftm_by_subtype=dict(spec.get("ftm_by_subtype", {})),
            ftm_by_target=dict(spec.get("ftm_by_target", {})),
        )
        for name, spec in raw["relation_types"].items()
    }
    return Schema(version=int(raw["version"]), entity_types=ents, relation_types=rels)


SCHEMA = load_schema()
ENTITY_TYPES: tuple[str, ...] = tuple(SCHEMA.entity_types)
RELATION_TYPES: tuple[str, ...] = tuple(SCHEMA.relation_types)
