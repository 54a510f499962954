"""Chinese "both parties" (双方, 两校, 两家企业, 两国 ...): a sentence that names the two parties of its relation
only through a word for the pair ("X代表团访问了Y大学。双方签署了合作协议。", "山东省与南澳州于1986年结为友好省州
……。双方当天签署了《备忘录》"). Such a word stands for the first two parties of the latest of the two sentences
before it that names two (two bodies, and apart from them two people: each pair its own candidate), and gives
the model a candidate of those two in its own sentence (so the evidence is that sentence), with
``ref=zh:both`` as its feature. When
the sentence already pairs them, its candidate gets ``both_after`` instead (the pair word follows both names).
What must stay true: training and extraction call the same function on their own mentions.
"""

from __future__ import annotations

import re
from functools import partial

from mcfwatch.extract.relmodel.candidates import Candidate, Mention, previous_pair

# the pair word -> the types its parties can have (None: any agent or place)
_PAIR_TYPES: dict[str, set[str] | None] = {
    "两校": {"University"}, "两所大学": {"University"}, "两所高校": {"University"}, "两院": {"University", "Organization"},
    "两家企业": {"Company"}, "两家公司": {"Company"}, "两企": {"Company"}, "两家": {"Company", "Organization"},
    "两国": {"Place"}, "两市": {"Place", "PublicBody"}, "两城": {"Place", "PublicBody"},
    "两地": {"Place", "PublicBody"}, "两省": {"Place", "PublicBody"}, "双方": None, "两者": None, "二者": None,
}
PAIR_WORDS = re.compile("|".join(sorted(_PAIR_TYPES, key=len, reverse=True)))
PARTY_TYPES = {"Company", "Organization", "PublicBody", "University", "MilitaryUnit", "Person", "Place"}
REF = "zh:both"
_HELPER = re.compile(r"(?:在|经)([^，。；在]{2,40}?)的?(?:大力|积极)?(?:牵线|推动|协调|撮合|促成|帮助|协助|支持|推荐|介绍|指导|引荐)"
                     r"(?:和[^，。；]{2})?下?|由([^，。；由]{2,40}?)(?:负责)?(?:牵线|协调|撮合|促成|推荐|介绍|引荐)")
LOOK_BACK = 2  # sentences before the pair word's own searched for its two parties

# A filing's own company (what its bare 公司/本公司 means): declared 公司 (X（以下简称“公司”）), named at the start of
# its title before 关于 (X关于收购Y股权的公告) or a report's year (X2021年年度报告（摘要）), or signing it (X董事会 on its last line). In corpus/train/zh.jsonl 7 of
# the 12 filings so titled have another company mentioned more often (the target of an acquisition, the buyer's
# parent), which the bare 公司 went to before.
_SELF_DECLARED = re.compile(r"\s*[（(](?:以下)?(?:简称|称)[:：]?[“\"「]?(?:本公司|公司)[”\"」]?[）)]")
_ABOUT = re.compile(r"\s*(?:关于|\d{4}年(?:度|第.季度)?[^\n]{0,12}(?:报告|预告|公告))")  # X关于…的公告, X2021年年度报告
_SIGNS = re.compile(r"\s*董事会\s*(?:\n|$)")
SIGNATURE_CHARS = 80  # how far before the end a signing 董事会 may stand (the date line follows it)


def announcer(text: str, mentions: list[Mention]) -> Mention | None:
    """The company a filing speaks for (see ``_SELF_DECLARED``), or None."""
    companies = [m for m in sorted(mentions, key=lambda m: m.start) if m.type == "Company"]
    declared = next((m for m in companies if _SELF_DECLARED.match(text, m.end)), None)
    if declared is not None:
        return declared
    for m in companies:
        line_start = text.rfind("\n", 0, m.start) + 1
        if m.start > 300:
            break
        if not text[line_start : m.start].strip() and _ABOUT.match(text, m.end):
            return m
    return next((m for m in reversed(companies) if m.start >= len(text) - SIGNATURE_CHARS
                 and _SIGNS.match(text, m.end) and not text[text.rfind("\n", 0, m.start) + 1 : m.start].strip()), None)


def _parties(mentions: list[Mention], start: int, end: int, types: set[str]) -> list[Mention]:
    """The distinct entities of [start, end) of ``types``, each at its first mention, in text order."""
    seen: dict[str, Mention] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if start <= m.start and m.end <= end and m.type in types and m.entity not in seen:
            seen[m.entity] = m
    return list(seen.values())


def pair_candidates(text: str, mentions: list[Mention], sentences: list[tuple[int, int]], index: int,
                    existing: list[Candidate]) -> tuple[list[Candidate], set[tuple[str, str]]]:
    """For sentence ``index``: new candidates of the two parties a pair word stands for, and the entity pairs of
    ``existing`` (this sentence's candidates) that such a word follows (their ``both_after``)."""
    s, e = sentences[index]
    new: list[Candidate] = []
    after: set[tuple[str, str]] = set()
    have = {frozenset((c.first.entity, c.second.entity)) for c in existing}
    hits = list(PAIR_WORDS.finditer(text, s, e))
    if hits:  # the helper of 在X的牵线下 / 由X协调 is no side of the pair (the lead's probe, session 22)
        helpers = [m.span(1 if m.group(1) else 2) for m in _HELPER.finditer(text, max(0, s - 400), e)]
        mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in helpers)]
    for hit in hits:
        types = _PAIR_TYPES[hit.group()] or PARTY_TYPES
        for group in (types - {"Person"}, types & {"Person"}):  # two bodies, or two people (each its own pair)
            if not group:
                continue
            here = _parties(mentions, s, hit.start(), group)
            if len(here) >= 2:
                after |= {(a.entity, b.entity) for a in here for b in here if a.entity != b.entity}
                continue
            pair = previous_pair(sentences, index, partial(_parties, mentions, types=group), have, LOOK_BACK)
            if pair is None:
                continue
            a, b = pair
            first = Mention(hit.start(), hit.end(), a.entity, a.type, REF)
            second = Mention(hit.start(), hit.end(), b.entity, b.type, REF)
            new.append(Candidate(first, second, s, e, ()))
    return new, after
