"""Grouping scored pairs into clusters that cannot chain.

Single linkage (A~B and B~C, so A=C) lets one short or generic name pull unrelated bodies into one
entity: on a 100,000-document store "Research Institute", "Air Force" and a shared alias chained
Harbin Institute of Technology, BUPT, CETC and the Washington Post into the People's Liberation Army.
Here two groups join only when EVERY pair across them is itself a match (complete linkage, as the
record-linkage literature recommends when a false merge costs more than a missed one) and no pair
across them is a cannot-link. Pairs are taken strongest first, ties in input order, so the result
depends only on the pairs, never on the order entities were stored in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Link:
    """One scored pair of positions: a match (score, features of the comparison)."""

    a: int
    b: int
    score: float
    features: dict[str, Any]


PairCheck = Callable[[int, int], "Link | None"]


def complete_linkage(
    size: int, links: Iterable[Link], check: PairCheck, initial: Iterable[list[int]] = ()
) -> tuple[list[list[int]], dict[tuple[int, int], Link | None]]:
    """Groups (each sorted) of positions 0..size-1 with two or more members, and every pair scored
    (keyed (low, high); None where not a match). `initial`: groups already formed (earlier merges), kept
    whole; a new member joins one only when it matches every member.

    `links` are the matches found by blocking; `check(i, j)` scores a pair blocking did not produce
    (None: not a match, or a cannot-link). Two groups merge only when every cross pair matches.
    """
    known: dict[tuple[int, int], Link | None] = {}
    for link in links:
        key = (min(link.a, link.b), max(link.a, link.b))
        old = known.get(key)
        if old is None or link.score > old.score:
            known[key] = link

    def match(i: int, j: int) -> Link | None:
        key = (min(i, j), max(i, j))
        if key not in known:
            known[key] = check(*key)
        return known[key]

    order = sorted((lk for lk in known.values() if lk is not None), key=lambda lk: (-lk.score, lk.a, lk.b))
    group_of = list(range(size))
    members: dict[int, list[int]] = {}
    for group in initial:
        if len(group) > 1:
            keep = min(group)
            members[keep] = sorted(group)
            for p in group:
                group_of[p] = keep
    for link in order:
        ga, gb = group_of[link.a], group_of[link.b]
        if ga == gb:
            continue
        left, right = members.get(ga, [ga]), members.get(gb, [gb])
        if all(match(i, j) is not None for i in left for j in right):
            keep, gone = min(ga, gb), max(ga, gb)
            joined = sorted(left + right)
            for p in joined:
                group_of[p] = keep
            members[keep] = joined
            members.pop(gone, None)
    return [g for _, g in sorted(members.items())], known
