"""Apply the rules to one entity: findings (rule, level, sentence, evidence) and the overall rating.

The overall level is the highest finding, raised by a critical technology (up to the rule's ceiling) and
lowered when all dated evidence is old. "unknown" is returned only when mcfwatch holds no data at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from mcfwatch.analyse.paths import Path
from mcfwatch.analyse.patterns import Pattern
from mcfwatch.analyse.ruleset import LEVELS, UNKNOWN, Rule, RuleSet, highest, rank, shift
from mcfwatch.analyse.technology import TechHit
from mcfwatch.analyse.timeline import describe, path_words
from mcfwatch.graph import Edge, Evidence, Graph, Listing, Node
from mcfwatch.graph.forces import military_end

STRUCTURAL = {"listing", "aspi_rating", "defence_conglomerate", "military_body"}


@dataclass(slots=True)
class Finding:
    rule: Rule
    level: str
    explanation: str
    evidence: list[dict[str, Any]] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)

    def to_dict(self, version: str) -> dict[str, Any]:
        return {"id": self.rule.id, "version": version, "level": self.level,
                "explanation": self.explanation, "evidence": self.evidence}


@dataclass(slots=True)
class Rating:
    level: str
    version: str
    findings: list[Finding]
    unknown: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "rules_version": self.version,
                "rules": [f.to_dict(self.version) for f in self.findings], "unknown": self.unknown}


def ev_dict(ev: Evidence) -> dict[str, Any]:
    return {**ev.to_dict(), "source": ev.source_label()}


def edge_evidence(e: Edge) -> list[dict[str, Any]]:
    return [ev_dict(e.evidence), *(ev_dict(x) for x in e.also)]


def listing_evidence(lst: Listing) -> dict[str, Any]:
    return lst.to_dict()


def _aspi_level(lst: Listing, rule: Rule) -> str | None:
    raw = (lst.prop("risk_rating") or "").lower().replace("risk", "").strip()
    level = rule.params.get("level_by_rating", {}).get(raw)
    return str(level) if level else None


def direct_findings(g: Graph, node: Node, rules: RuleSet) -> list[Finding]:
    """Rules about the entity itself: listings, ratings, defence ownership, military status, MCF ties."""
    out: list[Finding] = []
    name = node.name
    for rule in rules.of_kind("listing"):
        for lst in node.listings:
            if lst.list_id in rule.params.get("skip_lists", []):
                continue
            level = rule.params.get("level_by_list_kind", {}).get(lst.kind, "medium")
            out.append(Finding(rule, level, rule.explain(entity=name, list=lst.list_title, authority=lst.authority,
                               version=lst.version, legal_basis=lst.legal_basis), [listing_evidence(lst)]))
    for rule in rules.of_kind("aspi_rating"):
        for lst in node.listings:
            level = _aspi_level(lst, rule)
            if level:
                out.append(Finding(rule, level, rule.explain(entity=name, rating=lst.prop("risk_rating"),
                                   version=lst.version), [listing_evidence(lst)]))
    for rule in rules.of_kind("defence_conglomerate"):
        group_lists = set(rule.params.get("lists", []))
        owners = [(lst.parent_name or lst.entry_name, lst) for lst in node.listings if lst.list_id in group_lists]
        for e in g.edges_of(node.id):
            if e.type == "ownership" and e.target == node.id:
                src = g.node(e.source)
                owners += [(src.name, lst) for lst in src.listings if lst.list_id in group_lists]
        for owner, lst in owners:
            out.append(Finding(rule, rule.level, rule.explain(entity=name, owner=owner, list=lst.list_title,
                               version=lst.version), [listing_evidence(lst)]))
    for rule in rules.of_kind("military_body"):
        if military_end(node.type, node.name):
            out.append(Finding(rule, rule.level, rule.explain(entity=name)))
    for flag in g.flags[node.id]:
        if flag.edge is None:
            continue
        fe = flag.edge
        for rule in rules.of_kind(flag.kind):
            far = g.node(fe.other(node.id))
            other = far.name
            out.append(Finding(rule, rule.level, rule.explain(
                entity=name, event=fe.via or other, organiser=other, target=other, date=fe.date or "undated",
                target_kind=_target_kind(far), relation=describe(g, fe), confidence=f"{fe.confidence:.2f}"),
                edge_evidence(fe), [fe.date] if fe.date else []))
    return _dedupe(out)


def _target_kind(node: Node) -> str:
    """What the far end of an MCF tie is, in words a rule sentence can use."""
    if military_end(node.type, node.name):
        return "a military or defence body"
    return "a body or programme of military-civil fusion"


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    out = []
    for f in findings:
        if (f.rule.id, f.explanation) not in seen:
            seen.add((f.rule.id, f.explanation))
            out.append(f)
    return out


def node_level(findings: list[Finding]) -> str:
    return highest([f.level for f in findings])


def exposure_findings(
    g: Graph, node: Node, paths: list[Path], rules: RuleSet, end_levels: dict[str, str] | None = None
) -> list[Finding]:
    """One finding per path end (its strongest path), at the end's level lowered by hops and weak ties.

    end_levels caches each end's own level (it does not depend on the partner) across queries."""
    cache = end_levels if end_levels is not None else {}
    rule = rules.one("exposure")
    if rule is None:
        return []
    out: list[Finding] = []
    done: set[str] = set()
    for p in paths:  # best first
        if p.end.id in done:
            continue
        done.add(p.end.id)
        if p.end.id not in cache:
            cache[p.end.id] = node_level(direct_findings(g, p.end, rules))
        end_level = cache[p.end.id]
        if rank(end_level) == 0:
            continue
        lower = int(rule.params.get("lower_per_extra_hop", 1)) * (len(p.edges) - 1)
        if p.edges[0].type in rule.params.get("weak_first_hop", []):
            lower += int(rule.params.get("lower_for_weak_first_hop", 1))
        level = shift(end_level, -lower)
        evidence = [ev for e in p.edges for ev in edge_evidence(e)]
        out.append(Finding(rule, level, rule.explain(entity=node.name, hops=len(p.edges), end=p.end.name,
                                                     end_level=end_level, path=path_words(p)),
                           evidence, [e.date for e in p.edges if e.date]))
    return out


def pattern_findings(g: Graph, node: Node, patterns: list[Pattern], rules: RuleSet) -> list[Finding]:
    out = []
    for rule in rules.of_kind("pattern"):
        for p in patterns:
            if p.kind != rule.params.get("pattern") or not p.involves(node.id):
                continue
            role = next(r for r, nid in p.parties.items() if nid == node.id)
            counterpart = next((g.node(nid).name for r, nid in p.parties.items() if nid != node.id), "?")
            text = rule.explain(entity=node.name, role=role, counterpart=counterpart, **p.values)
            ev = [x for e in p.edges for x in edge_evidence(e)]
            out.append(Finding(rule, rule.level, text, ev, [e.date for e in p.edges if e.date]))
    return _dedupe(out)


def tech_findings(node: Node, hits: list[TechHit], rules: RuleSet, list_name: str) -> list[Finding]:
    rule = rules.one("technology")
    if rule is None:
        return []
    return [
        Finding(rule, rule.level, rule.explain(entity=node.name, technology=h.keyword, category=h.category,
                list=list_name, via=h.via, about="" if h.via == node.name else f" (about {h.via})"),
                [ev_dict(h.evidence)])
        for h in hits
    ]


def overall(findings: list[Finding], rules: RuleSet, as_of: str | None) -> tuple[str, list[Finding]]:
    """The rating level and the findings that adjusted it (technology raise, recency lowering)."""
    core = [f for f in findings if f.rule.kind != "technology"]
    tech = [f for f in findings if f.rule.kind == "technology"]
    level = node_level(core)
    extra: list[Finding] = []
    trule = rules.one("technology")
    if tech and trule is not None:
        if rank(level) == 0:
            level = trule.level
        else:
            ceiling = str(trule.params.get("raise_up_to", "high"))
            if rank(level) < rank(ceiling):
                level = shift(level, int(trule.params.get("raise_other_findings_by", 1)), ceiling=ceiling)
    rrule = rules.one("recency")
    dated = [d for f in core for d in f.dates]
    if rrule and dated and rank(level) > 1 and not any(f.rule.kind in STRUCTURAL for f in core):
        ref = date.fromisoformat(as_of[:10]) if as_of and len(as_of) >= 10 else date.today()
        years = int(rrule.params.get("older_than_years", 10))
        newest = max(dated)
        if int(newest[:4]) < ref.year - years:
            level = shift(level, -int(rrule.params.get("lower_by", 1)))
            extra.append(Finding(rrule, level, rrule.explain(newest=newest, years=years, as_of=ref.isoformat())))
    return level, extra


def rate(findings: list[Finding], rules: RuleSet, as_of: str | None, known: bool, unknown: list[str]) -> Rating:
    if not known and not findings:
        return Rating(UNKNOWN, rules.version, [], unknown)
    level, extra = overall(findings, rules, as_of)
    ordered = sorted(findings, key=lambda f: -rank(f.level))
    return Rating(level, rules.version, ordered + extra, unknown)


__all__ = ["LEVELS", "Finding", "Rating", "direct_findings", "exposure_findings", "pattern_findings", "rate"]
