"""What a relation rule finds: entity ids and the trigger, before dates and evidence are attached."""

from __future__ import annotations

from dataclasses import dataclass

ORGS = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit"}


@dataclass(slots=True)
class Found:
    type: str
    source: str
    target: str
    trigger: int
    confidence: float
    subtype: str | None = None
    subject: str | None = None
    method: str = "rule"  # "rule+ellipsis" when a party comes from an earlier sentence ("another memo")
