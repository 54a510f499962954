"""Composed event edges: participant -took part in-> event <-organised- organiser  becomes  participant -> organiser.

The whole graph composes every pair; a neighbourhood (graph/local.py) asks for those of a few nodes only
(``Around``): on a store where one event gathers thousands of participants and hundreds of organisers, the
pairs of parties the answer never reads were most of a neighbourhood's edges and of its time.

Invariant: the edges composed for an ``Around`` are exactly those of the whole composition that it asks for,
in the whole composition's order; so a node's edges (``Graph.edges_of``) begin as in the whole graph.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from mcfwatch.graph.forces import military_end
from mcfwatch.graph.model import Edge, Node


@dataclass(slots=True, frozen=True)
class Around:
    """The composed edges a neighbourhood reads: every one of a node of ``whole`` (as participant or
    organiser); every one between a pair of ``pairs`` (participant, organiser: the paths' hops); and for each
    node of ``nodes``, its first ``first`` (its edge list then begins as in the whole graph) and, for each
    telling of its participation, the one with the event's first military organiser (the telling's role flag,
    graph/build.py ``_flags``, is the first such edge)."""

    nodes: Collection[str]
    whole: Collection[str]
    pairs: Collection[tuple[str, str]]
    first: int


def compose_events(nodes: dict[str, Node], edges: list[Edge], around: Around | None = None) -> list[Edge]:
    """participant -took part in-> event <-organised- organiser  becomes  participant -> organiser; all of
    them, or those ``around`` asks for.

    One edge per telling of the participation and per organiser, citing the organiser's telling in the same
    sentence, else in the same document, else the first (its component organiser edge carries the other
    tellings' quotes): one per pair of tellings was quadratic, 90,000 edges for one event told 300 times."""
    return [composed(event, p, o) for event, p, o in event_pairs(nodes, edges, around)]


def event_pairs(nodes: dict[str, Node], edges: list[Edge], around: Around | None = None) -> Iterator[tuple[Node, Edge, Edge]]:
    """(event, participation, organiser's telling) of each composed edge, in the composition's order: events by
    their first participation, then participations, then organisers by their first telling."""
    parts: dict[str, list[Edge]] = {}
    orgs: dict[str, list[Edge]] = {}
    for e in edges:
        if nodes[e.target].type == "Event":
            if e.type == "participation":
                parts.setdefault(e.target, []).append(e)
            elif e.type == "organizer":
                orgs.setdefault(e.target, []).append(e)
    pick = None if around is None else _Picker(around)
    for event, plist in parts.items():
        tellings: dict[str, tuple[Edge, dict[Any, Edge]]] = {}  # organiser -> (first, by sentence and document)
        for o in orgs.get(event, ()):
            first, where = tellings.setdefault(o.source, (o, {}))
            where.setdefault((o.evidence.document, o.evidence.start), o)
            where.setdefault(o.evidence.document, o)
        everyone = list(tellings.items())
        if pick is not None:
            pick.event(everyone, [org for org in tellings if military_end(nodes[org].type, nodes[org].name)])
        node = nodes[event]
        for p in plist:
            for organiser, (first, where) in everyone if pick is None else pick.candidates(p.source):
                if p.source == organiser or (pick is not None and not pick.keep(p.source, organiser)):
                    continue
                yield node, p, where.get((p.evidence.document, p.evidence.start)) or where.get(p.evidence.document) or first


Telling = tuple[str, tuple[Edge, dict[Any, Edge]]]


class _Picker:
    """Which of one event's (participant, organiser) pairs an ``Around`` keeps, visited in the whole
    composition's order. ``made`` counts each node's composed edges in that order, kept or not, until it
    reaches ``first``: the candidates offered for a participant include every organiser that may still count."""

    def __init__(self, around: Around) -> None:
        self.around = around
        self.made = dict.fromkeys(around.nodes, 0)
        self.everyone: list[Telling] = []
        self.at: dict[str, int] = {}
        self.military: list[str] = []
        self.open: set[str] = set()  # the event's organisers whose every pair is still a candidate
        self.offered: list[Telling] | None = None  # ``open`` in the event's order, until it changes
        self.paired: dict[str, set[str]] = {}
        for participant, organiser in around.pairs:
            self.paired.setdefault(participant, set()).add(organiser)

    def event(self, everyone: list[Telling], military: list[str]) -> None:
        self.everyone, self.military = everyone, military
        self.at = {org: i for i, (org, _) in enumerate(everyone)}
        self.open = {org for org in self.at if self._counting(org) or org in self.around.whole}
        self.offered = None

    def _counting(self, node: str) -> bool:
        return self.made.get(node, self.around.first) < self.around.first

    def candidates(self, participant: str) -> list[Telling]:
        """The event's organisers, in order, that may pair with this participant: all of them while it counts
        its first edges (or is wanted whole), else those a rule names."""
        if participant in self.around.whole or self._counting(participant):
            return self.everyone
        if participant not in self.made and participant not in self.paired:
            if self.offered is None:
                self.offered = self._in_order(self.open)
            return self.offered
        want = self.open | self.paired.get(participant, set())
        if participant in self.made:
            want.update(org for org in self.military[:2] if org != participant)
        return self._in_order(want)

    def _in_order(self, organisers: set[str]) -> list[Telling]:
        return [self.everyone[i] for i in sorted(self.at[org] for org in organisers if org in self.at)]

    def keep(self, participant: str, organiser: str) -> bool:
        a = self.around
        keep = participant in a.whole or organiser in a.whole or (participant, organiser) in a.pairs
        if participant in self.made:
            keep = keep or self.made[participant] < a.first or organiser == self._first_military(participant)
            self.made[participant] += 1
        if organiser in self.made:
            keep = keep or self.made[organiser] < a.first
            self.made[organiser] += 1
            if not self._counting(organiser) and organiser not in a.whole and organiser in self.open:
                self.open.discard(organiser)
                self.offered = None
        return keep

    def _first_military(self, participant: str) -> str | None:
        return next((org for org in self.military if org != participant), None)


def composed(event: Node, p: Edge, o: Edge) -> Edge:
    """The composed edge of a participation p and the organiser's telling o."""
    also = () if (o.evidence.document, o.evidence.start) == (p.evidence.document, p.evidence.start) else (o.evidence,)
    return Edge(
        id=f"{p.id}+{o.id}", source=p.source, target=o.source, type="participation",
        subtype="event_organised_by", evidence=p.evidence, date=p.date or o.date,
        date_end=p.date_end, subject=p.subject, confidence=min(p.confidence, o.confidence),
        method="composed", directed=True, via=event.name, parts=(p.id, o.id), also=also,
        components=(p, o),
    )
