"""Pattern detectors over the graph. Each returns Pattern records that name their parties and cite edges.

- delegation_agreements: a government delegation visits, helps a company, and that company concludes
  agreements within 60 days of the visit (or, undated, in the same document as the help it got);
- friendship_city_escalation: a friendship-city programme moving from cultural to economic to invitation steps;
- friendship_city_followups: what followed a friendship-city programme on either side (its governments, their
  office holders, the firms they helped), dated on or after it or undated: after it, not caused by it;
- gov_facilitation_mcf: a government body helps a company that has military-civil fusion links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from mcfwatch.graph import Edge, Graph
from mcfwatch.graph.build import fact_key

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
    """The agreements of each company, their days parsed once, also by document: on a store where one fact is
    told in hundreds of documents a company has hundreds of agreement edges, and every help it got reads them."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.rows: dict[str, list[tuple[Edge, date | None, date | None]]] = {}
        self.by_doc: dict[str, dict[str, list[tuple[Edge, date | None, date | None]]]] = {}

    def of(self, company: str) -> list[tuple[Edge, date | None, date | None]]:
        if company not in self.rows:
            rows = [(e, parse_day(e.date), parse_day(e.date_end or e.date, end=True))
                    for e in self.g.edges_of(company) if e.type == "agreement"]
            self.rows[company] = rows
            by_doc = self.by_doc[company] = {}
            for row in rows:
                by_doc.setdefault(row[0].evidence.document, []).append(row)
        return self.rows[company]

    def after_help(self, help_edge: Edge, start: date | None, end: date | None, dated: bool = True) -> list[Edge]:
        """Agreements of the helped company dated within [start, end + 60 days], or undated in the same
        document as the help (every agreement, when the window itself is undated). ``dated=False`` leaves out
        the first kind, which does not depend on the help's own document: another telling of the same help
        with the same window found them already."""
        company, doc, helper = help_edge.target, help_edge.evidence.document, help_edge.source
        every = self.of(company)
        rows = every if dated else self.by_doc[company].get(doc, [])
        until = None if end is None else end + timedelta(days=WINDOW_DAYS)
        found = []
        for e, first, last in rows:
            if e.other(company) == helper:
                continue
            if first is None or last is None or start is None or until is None:
                if e.evidence.document == doc:
                    found.append(e)
            elif dated and last >= start and first <= until:  # a partial date overlaps the window
                found.append(e)
        return found


def _visit_windows(g: Graph, node_id: str) -> list[tuple[Edge, date | None, date | None]]:
    """The node's own visits with their days, the first of each distinct (start, end) only: a later visit with
    the same days finds the same agreements, and a pattern is kept for the first visit that found it."""
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
    """One pattern per (help, agreement) fact, citing the first tellings (in edge order: help, then visit,
    then agreement) that make it; the other tellings' quotes are in those edges' ``also``."""
    deals = _Deals(g)
    windows: dict[str, list[tuple[Edge, date | None, date | None]]] = {}
    helps_seen: set[tuple[Any, ...]] = set()
    found: dict[tuple[Any, ...], tuple[Edge, Edge, Edge]] = {}  # in the order first found
    for f in g.edges:
        if f.type != "facilitation" or not is_government(g, f.source):
            continue
        if f.source not in windows:
            windows[f.source] = _visit_windows(g, f.source)
        help_fact = fact_key(f)
        first_telling = help_fact not in helps_seen
        helps_seen.add(help_fact)
        for v, start, end in windows[f.source]:
            for a in deals.after_help(f, start, end, dated=first_telling):
                found.setdefault((help_fact, fact_key(a)), (v, f, a))
    return [
        Pattern(
            kind="delegation_agreements",
            parties={"delegation": f.source, "company": f.target, "partner": a.other(f.target)},
            edges=[v, f, a],
            values={"delegation": g.node(f.source).name, "company": g.node(f.target).name,
                    "partner": g.node(a.other(f.target)).name, "visit": g.node(v.target).name,
                    "days": str(WINDOW_DAYS)},
        )
        for v, f, a in found.values()
    ]


def gov_facilitation_mcf(g: Graph) -> list[Pattern]:
    """One pattern per help fact, citing its first telling; its deals are those any telling finds (each
    telling's own dates make its window), one per agreement fact, in the order first found."""
    deals_of = _Deals(g)
    helps: dict[tuple[Any, ...], tuple[Edge, dict[tuple[Any, ...], Edge]]] = {}
    windows_seen: set[tuple[Any, ...]] = set()
    for f in g.edges:
        if f.type != "facilitation" or not is_government(g, f.source) or not has_mcf_links(g, f.target):
            continue
        help_fact = fact_key(f)
        days = parse_day(f.date), parse_day(f.date_end or f.date, end=True)
        first_window = (help_fact, *days) not in windows_seen
        windows_seen.add((help_fact, *days))
        _, deals = helps.setdefault(help_fact, (f, {}))
        for a in deals_of.after_help(f, *days, dated=first_window):
            deals.setdefault(fact_key(a), a)
    out = []
    for f, deals in helps.values():
        why = [fl.edge for fl in g.flags[f.target] if fl.edge is not None][:2]
        parties = {"facilitator": f.source, "company": f.target}
        for i, a in enumerate(deals.values()):
            parties[f"counterparty{i + 1}"] = a.other(f.target)
        out.append(Pattern(
            kind="gov_facilitation_mcf", parties=parties, edges=[f, *why, *deals.values()],
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


# -- friendship_city_followups ------------------------------------------------------------------------

GOVERNMENT_TYPES = {"Place", "PublicBody"}
# What can follow a programme: a party's deals, visits, invitations, meetings, money, exports and hires. Its
# ownership, positions, event roles and MCF links say what it is, not what it did after the programme.
FOLLOWUP_TYPES = frozenset({"agreement", "visit", "invitation", "meeting", "funding", "export", "recruitment",
                            "facilitation"})
FOLLOWUP_LINES = 25  # follow-ups listed per programme (dated first); "followups" counts them all
WORDING = ("relations of a party of the programme (either government, its office holders, firms it helped) "
           "dated on or after it, or undated; after the programme, not shown to be caused by it")


def _followup_side(g: Graph, gov: str) -> dict[str, Edge | None]:
    """The parties of one side: the government (None), each person holding a position in it and each firm it
    helped (the edge that makes it one)."""
    side: dict[str, Edge | None] = {gov: None}
    for e in g.edges_of(gov):
        if e.method == "composed":
            continue
        if e.type == "position" and e.target == gov and e.source != gov and g.node(e.source).type == "Person":
            side.setdefault(e.source, e)
        elif e.type == "facilitation" and e.source == gov and e.target != gov:
            side.setdefault(e.target, e)
    return side


def _followup_flags(g: Graph, node_id: str) -> tuple[bool, bool]:
    kinds = {f.kind for f in g.flags[node_id]}
    return "listed" in kinds, bool(kinds & {"mcf_link", "mcf_event"})


def _followup_line(g: Graph, actor: str, hop: Edge | None, gov: str, e: Edge, when: str) -> str:
    """'Sören Link (office holder of Duisburg) — agreement/mou — Huawei Technologies, 2018-01'."""
    ends = [g.node(e.source).name, g.node(e.target).name]
    if hop is not None:
        role = "office holder of" if hop.type == "position" else "helped by"
        ends[e.source != actor] += f" ({role} {g.node(gov).name})"
    verb = e.type + (f"/{e.subtype}" if e.subtype else "")
    return f"{ends[0]} — {verb} — {ends[1]}, {when}"


def friendship_city_followups(g: Graph) -> list[Pattern]:
    """What followed each friendship-city programme, on either side.

    For each pair of governments (places or public bodies) joined by a ``friendship_city`` agreement, the relations that
    a party of the programme has with other parties on or after the programme's date: the two governments themselves,
    the persons holding a position in either (the mayor who signs a memorandum with a firm), and the firms either
    helped. A follow-up is "after the programme, involving a party of it", never "caused by it": the values say so.
    An undated follow-up is listed as undated (never given a date); one dated before the programme is left out; when
    the programme itself is undated every follow-up is listed and the values say the programme has no date.
    A programme with nothing after it gives no pattern (an empty record would only repeat the agreement).

    Only the relation types that record something done (FOLLOWUP_TYPES) count, and the first FOLLOWUP_LINES are
    listed ("more" says how many are not; "followups" counts all). The values name the follow-up parties the graph
    holds as listed (their Listing) or MCF-linked (an mcf_link or
    mcf_event edge): nothing is screened again here.

    Only the two governments are the pattern's parties, so it is part of their exposure results. A neighbourhood
    (graph/local.py) asked about a government holds every edge of the government, of its government counterparts,
    of their officials and helped firms, and of the parties at the other end of those edges, so the pattern comes out
    the same on it as on the whole graph (tests/analyse/test_friendship_followups.py checks this).
    """
    programmes: dict[tuple[str, str], list[Edge]] = {}
    for e in g.edges:
        if (e.type == "agreement" and e.subtype == "friendship_city" and e.source != e.target
                and g.node(e.source).type in GOVERNMENT_TYPES and g.node(e.target).type in GOVERNMENT_TYPES):
            programmes.setdefault(tuple(sorted((e.source, e.target))), []).append(e)  # type: ignore[arg-type]
    out = []
    for pair, agreements in programmes.items():
        firsts = list({fact_key(e): e for e in reversed(agreements)}.values())[::-1]
        days = [d for d in (parse_day(e.date) for e in agreements) if d is not None]
        since = min(days) if days else None
        sides = {gov: _followup_side(g, gov) for gov in pair}
        found: dict[tuple[Any, ...], tuple[str, Edge | None, str, Edge, str]] = {}
        for gov, side in sides.items():
            for actor, hop in side.items():
                for e in g.edges_of(actor):
                    other = e.other(actor)
                    if (e.method == "composed" or e.type not in FOLLOWUP_TYPES or other == actor or e is hop
                            or e is side.get(other)
                            or (e.type == "agreement" and e.subtype == "friendship_city")):
                        continue  # a programme of its own, or what makes a party one of the side
                    last = parse_day(e.date_end or e.date, end=True)
                    if last is not None and since is not None and last < since:
                        continue
                    when = e.date or "undated"
                    found.setdefault(fact_key(e), (actor, hop, gov, e, when))
        if not found:
            continue
        listed: dict[str, None] = {}
        mcf: dict[str, None] = {}
        edges = list(firsts)
        cited = {e.id for e in edges}
        dated = sorted((e.date for e in agreements if e.date), key=lambda d: (parse_day(d) or date.max, d))
        values = {"programme": " – ".join(g.node(n).name for n in pair),
                  "since": dated[0] if dated else "undated (follow-ups of any date are listed)",
                  "reading": WORDING}
        in_time = sorted(found.values(), key=lambda f: (f[3].date is None, f[3].date or ""))  # undated last
        for i, (actor, hop, gov, e, when) in enumerate(in_time, start=1):
            other = e.other(actor)
            is_listed, is_mcf = _followup_flags(g, other)
            if is_listed:
                listed.setdefault(g.node(other).name)
            if is_mcf:
                mcf.setdefault(g.node(other).name)
            if i > FOLLOWUP_LINES:  # a big city's hundreds: the flags above still read them all
                continue
            values[f"followup{i}"] = _followup_line(g, actor, hop, gov, e, when)
            for x in (hop, e):
                if x is not None and x.id not in cited:
                    cited.add(x.id)
                    edges.append(x)
        undated = sum(when == "undated" for *_, when in found.values())
        if len(found) > FOLLOWUP_LINES:
            values["more"] = f"{len(found) - FOLLOWUP_LINES} more follow-ups not listed (the first {FOLLOWUP_LINES} shown)"
        values.update({"followups": str(len(found)), "undated": str(undated),
                       "listed": "; ".join(listed) or "none", "mcf_linked": "; ".join(mcf) or "none"})
        out.append(Pattern(kind="friendship_city_followups", parties={"city": pair[0], "partner_city": pair[1]},
                           edges=edges, values=values))
    return out


DETECTORS = {
    "delegation_agreements": delegation_agreements,
    "friendship_city_escalation": friendship_city_escalation,
    "friendship_city_followups": friendship_city_followups,
    "gov_facilitation_mcf": gov_facilitation_mcf,
}


def detect_all(g: Graph) -> list[Pattern]:
    return [p for detect in DETECTORS.values() for p in detect(g)]
