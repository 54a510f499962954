"""Risk rules: a versioned YAML file users can read and edit, loaded into small immutable objects.

Levels form one ordered scale; "unknown" (no data on the partner) is deliberately not on it, so that it can
never be mistaken for "low".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from mcfwatch import settings
from mcfwatch.errors import McfwatchError

LEVELS = ("no finding", "low", "medium", "high", "very high")
UNKNOWN = "unknown"
KINDS = {
    "listing", "aspi_rating", "defence_conglomerate", "military_body", "mcf_event", "mcf_link",
    "exposure", "pattern", "technology", "recency",
}


class RulesError(McfwatchError):
    """The rules file is malformed. Stop: fix the file named in the message."""


def rank(level: str) -> int:
    return LEVELS.index(level)


def shift(level: str, steps: int, floor: str = "low", ceiling: str = "very high") -> str:
    """Move a level up (steps > 0) or down, staying within [floor, ceiling]."""
    i = min(max(rank(level) + steps, rank(floor)), rank(ceiling))
    return LEVELS[i]


def highest(levels: list[str]) -> str:
    return max(levels, key=rank) if levels else LEVELS[0]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: str
    explanation: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def level(self) -> str:
        return str(self.params.get("level", "medium"))

    def explain(self, **values: Any) -> str:
        """The rule's sentence with its placeholders filled; a missing value shows as '?'."""
        return self.explanation.strip().format_map(_Missing(values))


class _Missing(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"


@dataclass(frozen=True, slots=True)
class RuleSet:
    version: str
    rules: tuple[Rule, ...]
    source: str

    def of_kind(self, kind: str) -> list[Rule]:
        return [r for r in self.rules if r.kind == kind]

    def one(self, kind: str) -> Rule | None:
        found = self.of_kind(kind)
        return found[0] if found else None


def parse_rules(raw: Any, source: str) -> RuleSet:
    if not isinstance(raw, dict) or "version" not in raw or not isinstance(raw.get("rules"), list):
        raise RulesError(f"{source}: a rules file needs 'version' and a list of 'rules'")
    rules = []
    for i, spec in enumerate(raw["rules"]):
        if not isinstance(spec, dict) or not {"id", "kind", "explanation"} <= spec.keys():
            raise RulesError(f"{source}: rule #{i + 1} needs id, kind and explanation")
        if spec["kind"] not in KINDS:
            raise RulesError(f"{source}: rule {spec['id']} has unknown kind {spec['kind']!r}; known: {', '.join(sorted(KINDS))}")
        params = {k: v for k, v in spec.items() if k not in {"id", "kind", "explanation"}}
        for key in ("level", "raise_up_to"):
            if key in params and params[key] not in LEVELS:
                raise RulesError(f"{source}: rule {spec['id']} {key} {params[key]!r} is not one of {', '.join(LEVELS)}")
        rules.append(Rule(id=str(spec["id"]), kind=spec["kind"], explanation=str(spec["explanation"]), params=params))
    return RuleSet(version=str(raw["version"]), rules=tuple(rules), source=source)


def load_rules(path: str | Path | None = None) -> RuleSet:
    """The rules in path, else in $MCFWATCH_RULES, else the shipped rules_v1.yaml."""
    chosen = str(path or settings.RULES.get() or "")
    if chosen:
        p = Path(chosen)
        try:
            return parse_rules(yaml.safe_load(p.read_text("utf-8")), str(p))
        except (OSError, yaml.YAMLError) as exc:
            raise RulesError(f"{p}: cannot read rules ({exc})") from exc
    return _shipped()


@lru_cache(maxsize=1)
def _shipped() -> RuleSet:
    res = resources.files("mcfwatch.analyse").joinpath("rules/rules_v1.yaml")
    return parse_rules(yaml.safe_load(res.read_text("utf-8")), "rules_v1.yaml")


@dataclass(frozen=True, slots=True)
class TechList:
    name: str
    date: str
    categories: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def load_techlist() -> TechList:
    res = resources.files("mcfwatch.analyse").joinpath("rules/critical_technologies.yaml")
    raw = yaml.safe_load(res.read_text("utf-8"))
    cats = {str(k): tuple(str(w).lower() for w in v) for k, v in raw["categories"].items()}
    return TechList(name=str(raw["list"]), date=str(raw["date"]), categories=cats)
