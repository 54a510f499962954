"""Pattern detectors over the graph. Each returns Pattern records that name their parties and cite edges.

- delegation_agreements: a government delegation visits, helps a company, and that company concludes
  agreements within 60 days of the visit (or, undated, in the same document as the help it got);
- friendship_city_escalation: a friendship-city programme moving from cultural to economic to invitation steps;
- gov_facilitation_mcf: a government body helps a company that has military-civil fusion links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from mcfwatch.graph import Edge, Graph

GOVERNMENT = re.compile(
    r"delegation|government|municipal|ministry|committee|bureau|commission|province|city|代表团|政府|委员会|省|市", re.I
)
CULTURAL = re.compile(r"cultur|touris|friendly exchange|friendship|文化|旅游|友好", re.I)
ECONOMIC = re.compile(r"econom|trade|business|invest|经济|贸易|经贸|投资", re.I)
WINDOW_DAYS = 60


@dataclass(slots=True)
class Pattern:
    kind: str
    parties: dict[str, str]                 # role -> node id
    edges: list[Edge] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)

    def involves(self, node_id: str) -> bool:
        return node_id in self.parties.values()


def parse_day(value: str | None, end: bool = False) -> date | None:
    """First (or last) day of a partial ISO date ('2018', '2018-11', '2018-11-19')."""
    if not value:
        return None
    parts = value.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else (12 if end else 1)
        if len(parts) > 2:
            return date(y, m, int(parts[2][:2]))
        if not end:
            return date(y, m, 1)
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return nxt - timedelta(days=1)
    except (ValueError, IndexError):
        return None


def is_government(g: Graph, node_id: str) -> bool:
    node = g.node(node_id)
    return node.type == "PublicBody" or (node.type == "Organization" and bool(GOVERNMENT.search(node.name)))


def has_mcf_links(g: Graph, node_id: str) -> bool:
    return any(f.kind in {"mcf_link", "mcf_event", "listed", "military"} for f in g.flags[node_id])


class _Deals:
    """The agreements of each company, their days parsed once: on a store where one fact is told in hundreds
    of documents a company has hundreds of agreement edges, and every help it got reads them all."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.by_company: dict[str, list[tuple[Edge, date | None, date | None]]] = {}

    def after_help(self, help_edge: Edge, start: date | None, end: date | None) -> list[Edge]:
        """Agreements of the helped company dated within [start, end + 60 days], or undated in the same
        document as the help (every agreement, when the window itself is undated)."""
        company = help_edge.target
        rows = self.by_company.get(company)
        if rows is None:
            rows = [(e, parse_day(e.date), parse_day(e.date_end or e.date, end=True))
                    for e in self.g.edges_of(company) if e.type == "agreement"]
            self.by_company[company] = rows
        doc, helper = help_edge.evidence.document, help_edge.source
        until = None if end is None else end + timedelta(days=WINDOW_DAYS)
        found = []
        for e, first, last in rows:
            if e.other(company) == helper:
                continue
            if first is None or last is None or start is None or until is None:
                if e.evidence.document == doc:
                    found.append(e)
            elif last >= start and first <= until:  # a partial date overlaps the window
                found.append(e)
        return found


def _visit_windows(g: Graph, node_id: str) -> list[tuple[Edge, date | None, date | None]]:
    """The node's own visits with their days, the first of each distinct (start, end) only: a later visit with
    the same days finds the same agreements, and a pattern is kept once per (help, agreement), for the first
    visit that found it (so the later visit could add nothing)."""
    seen: set[tuple[date | None, date | None]] = set()
    out = []
    for v in g.edges_of(node_id):
        if v.type != "visit" or v.source != node_id:
            continue
        days = parse_day(v.date), parse_day(v.date_end or v.date, end=True)
        if days not in seen:
            seen.add(days)
            out.append((v, *days))
    return out


def delegation_agreements(g: Graph) -> list[Pattern]:
    """Each (help, agreement) once, with the first visit (in edge order) whose window it falls in."""
    deals = _Deals(g)
    windows: dict[str, list[tuple[Edge, date | None, date | None]]] = {}
    seen: set[tuple[str, ...]] = set()
    out = []
    for f in g.edges:
        if f.type != "facilitation" or not is_government(g, f.source):
            continue
        if f.source not in windows:
            windows[f.source] = _visit_windows(g, f.source)
        for v, start, end in windows[f.source]:
            for a in deals.after_help(f, start, end):
                key = (f.id, a.id, f.source, f.target, a.other(f.target))
                if key in seen:
                    continue
                seen.add(key)
                out.append(Pattern(
                    kind="delegation_agreements",
                    parties={"delegation": f.source, "company": f.target, "partner": key[4]},
                    edges=[v, f, a],
                    values={"delegation": g.node(f.source).name, "company": g.node(f.target).name,
                            "visit": g.node(v.target).name, "days": str(WINDOW_DAYS)},
                ))
    return out


def gov_facilitation_mcf(g: Graph) -> list[Pattern]:
    deals_of = _Deals(g)
    out = []
    for f in g.edges:
        if f.type != "facilitation" or not is_government(g, f.source) or not has_mcf_links(g, f.target):
            continue
        why = [fl.edge for fl in g.flags[f.target] if fl.edge is not None][:2]
        deals = deals_of.after_help(f, parse_day(f.date), parse_day(f.date_end or f.date, end=True))
        parties = {"facilitator": f.source, "company": f.target}
        for i, a in enumerate(deals):
            parties[f"counterparty{i + 1}"] = a.other(f.target)
        out.append(Pattern(
            kind="gov_facilitation_mcf", parties=parties, edges=[f, *why, *deals],
            values={"facilitator": g.node(f.source).name, "company": g.node(f.target).name},
        ))
    return out


def _stage(e: Edge) -> str | None:
    """cultural, economic or invitation: the step of a friendship-city programme an edge records."""
    if e.type == "invitation":
        return "invitation"
    if e.type != "agreement":
        return None
    text = f"{e.subject or ''} {e.evidence.text}"
    cultural, economic = bool(CULTURAL.search(text)), bool(ECONOMIC.search(text))
    if economic != cultural:
        return "economic" if economic else "cultural"
    if e.subtype == "friendship_city":
        return "cultural"
    return "economic" if e.subtype in {"cooperation", "mou", "contract", "investment"} else None


STAGES = ("cultural", "economic", "invitation")


def _order(edges: list[Edge]) -> list[Edge]:
    docs = {e.evidence.document for e in edges}
    if len(docs) == 1:  # one narrative: its order is the order of events
        return sorted(edges, key=lambda e: e.evidence.start)
    return sorted(edges, key=lambda e: (e.date is None, e.date or "", e.evidence.start))


def friendship_city_escalation(g: Graph) -> list[Pattern]:
    pairs: dict[tuple[str, str], list[Edge]] = {}
    for e in g.edges:
        if e.type in {"agreement", "invitation"}:
            pairs.setdefault(tuple(sorted((e.source, e.target))), []).append(e)  # type: ignore[arg-type]
    out = []
    for (a, b), edges in pairs.items():
        if not any(e.subtype == "friendship_city" for e in edges):
            continue
        steps: list[tuple[str, Edge]] = []
        for e in _order(edges):
            st = _stage(e)
            if st and (not steps or STAGES.index(st) > STAGES.index(steps[-1][0])):
                steps.append((st, e))
        if len(steps) < 2:
            continue
        inviter = next((e.source for st, e in steps if st == "invitation"), a)
        other = b if inviter == a else a
        out.append(Pattern(
            kind="friendship_city_escalation", parties={"initiator": inviter, "counterpart": other},
            edges=[e for _, e in steps],
            values={"stages": " → ".join(st for st, _ in steps), "initiator": g.node(inviter).name},
        ))
    return out


DETECTORS = {
    "delegation_agreements": delegation_agreements,
    "friendship_city_escalation": friendship_city_escalation,
    "gov_facilitation_mcf": gov_facilitation_mcf,
}


def detect_all(g: Graph) -> list[Pattern]:
    return [p for detect in DETECTORS.values() for p in detect(g)]
