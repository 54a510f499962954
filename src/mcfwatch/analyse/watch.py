"""Monitoring: store a baseline of findings per partner, then report what is new, changed or removed.

A snapshot holds, per partner, the rating level, the rules version, the findings (by rule and sentence)
and the paths (by their hops and edge ids), and the list entries it is on with each list's version. Path scores are
left out on purpose: they drift with the date (recency) and would report a change every day. So is a list's new
edition that still holds the partner on the same entries: a finding restated with the new version date, or the
version alone, is no change (one ASPI update reported 38 of 80 partners as changed, hiding the one added and the
one removed). The baseline lives in the store's database, in the table
``watch_baseline``, read and written through the Store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from mcfwatch.analyse.exposure import Analyst
from mcfwatch.errors import NotFoundError
from mcfwatch.store import Store


def path_key(path: dict[str, Any]) -> str:
    hops = path["hops"]
    if not hops:
        return ""
    return " ".join([hops[0]["source"], *(f"-[{h['type']}:{h['edge']}]-> {h['target']}" for h in hops)])


def snapshot(result: dict[str, Any]) -> dict[str, Any]:
    """The comparable part of an exposure result: with each list's version, the entries the partner is on."""
    entries: dict[str, set[str]] = {}
    for x in result.get("listings", []):
        entries.setdefault(str(x["list_id"]), set()).add(str(x["entry_id"]))
    return {
        "level": result["rating"]["level"],
        "rules_version": result["rating"]["rules_version"],
        "findings": {f"{f['id']}: {f['explanation']}": f["level"] for f in result["rating"]["rules"]},
        "paths": sorted(path_key(p) for p in result["paths"]),
        "lists": {f"{x['list_id']}": x["list_version"] for x in result.get("listings", [])},
        "entries": {k: sorted(v) for k, v in entries.items()},
    }


# A list version as findings quote it ("(version 2026-12-01)", "version 2025-01-01@nsfreg", "version
# 2026-12-01T06:00:00", a user list's own label "version Q4-2026"), as the rules template "version {version}" prints
# it, up to a space, ";", ")" or ",": a new edition of a
# list that still holds the partner restates every finding with the new date, which is no new finding.
_VERSION = re.compile(r"\bversion [^\s;),]+")  # any version token: a date, a time stamp, a label


def _unversioned(findings: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Findings keyed without the list versions they quote: key -> (the finding as last stated, its level)."""
    return {_VERSION.sub("version …", k): (k, lvl) for k, lvl in findings.items()}


@dataclass(slots=True)
class PartnerChange:
    partner: str
    level: tuple[str, str] | None = None
    new: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.level or self.new or self.removed or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {"partner": self.partner, "level": list(self.level) if self.level else None,
                "new": self.new, "removed": self.removed, "changed": self.changed}


def compare(partner: str, old: dict[str, Any], cur: dict[str, Any]) -> PartnerChange:
    ch = PartnerChange(partner)
    if old["level"] != cur["level"]:
        ch.level = (old["level"], cur["level"])
    of, cf = _unversioned(old["findings"]), _unversioned(cur["findings"])
    ch.new += [f"finding {cf[k][0]} [{cf[k][1]}]" for k in cf if k not in of]
    ch.removed += [f"finding {of[k][0]} [{of[k][1]}]" for k in of if k not in cf]
    ch.changed += [f"finding {cf[k][0]}: {of[k][1]} -> {cf[k][1]}" for k in cf if k in of and of[k][1] != cf[k][1]]
    ch.new += [f"path {p}" for p in cur["paths"] if p not in old["paths"]]
    ch.removed += [f"path {p}" for p in old["paths"] if p not in cur["paths"]]
    ol, cl = old.get("lists", {}), cur.get("lists", {})
    oe, ce = old.get("entries"), cur.get("entries", {})
    ch.new += [f"listing {k} (version {cl[k]})" for k in cl if k not in ol]
    ch.removed += [f"listing {k} (version {ol[k]})" for k in ol if k not in cl]
    for k in (k for k in cl if k in ol):
        if oe is None:  # a baseline stored before entries were kept: the version is all it says
            if ol[k] != cl[k]:
                ch.changed.append(f"listing {k}: version {ol[k]} -> {cl[k]}")
        elif oe.get(k, []) != ce.get(k, []):  # another entry of the list; a new edition that still lists it is none
            ch.changed.append(f"listing {k}: entries {', '.join(oe.get(k, []))} (version {ol[k]}) -> "
                              f"{', '.join(ce.get(k, []))} (version {cl[k]})")
    if old["rules_version"] != cur["rules_version"]:
        ch.changed.append(f"rules {old['rules_version']} -> {cur['rules_version']}")
    return ch


def store_baseline(store: Store, analyst: Analyst, partners: Iterable[str]) -> dict[str, str]:
    """Replace the baseline with the current findings of these partners; returns partner -> level."""
    snaps = {name: snapshot(analyst.exposure(name)) for name in partners}
    store.replace_baseline(snaps)
    return {name: snap["level"] for name, snap in snaps.items()}


def changes(store: Store, analyst: Analyst, update: bool = False) -> list[PartnerChange]:
    """Per watched partner, what differs from the baseline; with update, the current state becomes it."""
    rows = list(store.baseline().items())
    if not rows:
        raise NotFoundError(f"no baseline in {store.url}; run `mcfwatch watch partners.csv` first")
    out = []
    current = {}
    for name, old in rows:
        current[name] = snapshot(analyst.exposure(name))
        out.append(compare(name, old, current[name]))
    if update:
        store.update_baseline(current)
    return out
