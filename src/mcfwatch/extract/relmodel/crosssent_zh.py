"""Chinese references that carry a party across sentences (``chinese``): bare nouns (公司, 学校, 代表团, 本届),
该/本/我 + noun and the pronouns 其/它/他/她, each bound to the entity it stands for as an extra mention of it
(``ref=zh:<kind>``), as ``crosssent`` does for English.

Chinese "both parties" (双方, 两校, 两家企业, 两国 ...): a sentence that names the two parties of its relation
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
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import partial

from mcfwatch.extract.relmodel.antecedents import AGENTS, names_of
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


def main_entities(mentions: list[Mention]) -> dict[str, str]:
    """For each type, its most-mentioned entity (the document's company, university, fair ...)."""
    counts: dict[str, Counter[str]] = {}
    for m in mentions:
        counts.setdefault(m.type, Counter())[m.entity] += 1
    return {t: c.most_common(1)[0][0] for t, c in counts.items()}


# Chinese: (pattern, the words an antecedent's name contains, the types it can have, kind). A bare noun
# (公司, 学校, 代表团) refers only at a clause edge or after a function word, never inside a longer name.
# (after the whole verb of a grant too: 给予实验室, 资助公司, 奖励企业, 协助工作站, and 给 of 许可给公司; never
# after a bare 助/予/励 or the 给 of 补给/供给, which end generic compounds: 法律援助中心, 救助基金会, 互助协会, 补给中心)
_EDGE = (r"(?:(?<=^)|(?<=[\s，。；：、“”（）《》,;:与和同及由向为对被将从经并即且后时据在])"
         r"|(?<=给予|资助|奖励|协助|帮助|授予|赋予)|(?<=[^补供配]给))")
ZH_REFS: list[tuple[re.Pattern[str], tuple[str, ...], set[str], str]] = [
    (re.compile(r"该(?:公司|集团|企业)|本公司|" + _EDGE + r"(?:集团公司|公司|集团)"), ("公司", "集团", "企业"),
     {"Company"}, "company"),
    (re.compile(r"该(?:校|大学)|我校|本校|校方|" + _EDGE + r"(?:学校|大学)"), ("大学", "学校", "学院"),
     {"University"}, "school"),
    (re.compile(r"该(?:学院|院)|我院|本院|" + _EDGE + r"(?:学院|研究院)"), ("院",),
     {"University", "Organization", "PublicBody", "Company"}, "institute"),
    (re.compile(r"该(?:研究所|所)|" + _EDGE + r"研究所"), ("所",), {"Organization", "Company", "PublicBody"},
     "institute"),
    (re.compile(r"该(?:代表团|团)|" + _EDGE + r"代表团(?!成员)"), ("团",), AGENTS, "delegation"),
    (re.compile(r"该(?:中心|实验室|平台)|" + _EDGE + r"(?:中心|实验室)"), ("中心", "实验室", "平台"),
     {"Organization", "University", "Company", "PublicBody"}, "centre"),
    (re.compile(r"该(?:基金会|协会|学会|商会)|" + _EDGE + r"(?:基金会|协会|学会|商会|促进会)"),
     ("会",), {"Organization", "PublicBody"}, "association"),
    (re.compile(r"本届|本次|该届|此次|" + _EDGE + r"(?:博览会|展会|大会|论坛|对接会|洽谈会|峰会|交流会|年会|展览会)"),
     ("会", "坛", "展"), {"Event"}, "event"),
    (re.compile(_EDGE + r"(?:市政府|省政府|区政府|县政府)"), ("政府",), {"PublicBody"}, "government"),
    # a fund by its head (基金已完成首批项目投资：向X投资3亿元, 该基金): not 基金会 (an association, above), nor the
    # fund's manager (基金管理人, 基金经理), nor 基金委 (NSFC), 基金组织 (IMF), 基金公司 (a fund manager): the zh-extract
    # review of session 29, #8
    (re.compile(r"该基金(?!会)|本基金|" + _EDGE + r"基金(?![会管经委组公])"), ("基金",), {"Organization", "Company", "PublicBody"},
     "fund"),
    # a public body, an alliance, a works by its head, as the rules read them (``zh.triggers.ANAPHORS``): 该局 / 我局
    # of X投资促进局, 在管委会的牵线下, 经工作站牵线, 经联盟牵线, 该厂
    (re.compile(r"(?:该|(?<!自)我|本)(?:局|厅)(?![面限势部长])"), ("局", "厅"), {"PublicBody", "Organization"}, "body"),
    # (博士后工作站 is a generic compound, not the 工作站 of the text)
    (re.compile(r"该(?:管委会|工作站|联盟)|" + _EDGE + r"管委会|(?<!博士后)" + _EDGE + r"(?:工作站|联盟)"),
     ("管委会", "管理委员会", "工作站", "联盟"), AGENTS, "body"),
    (re.compile(r"该厂(?![商家])"), ("厂",), {"Company", "Organization"}, "company"),
    (re.compile(r"该市|我市|本市|该省|我省"), ("市", "省"), {"Place", "PublicBody"}, "place"),
]
ZH_TOPIC = re.compile(r"(?<![尤极与])其(?!中|他|它|实|余|次)|它(?!们)")
ZH_PERSON = re.compile(r"他(?!们|人|国)|她(?!们)")
_ZH_STOPS = "。！？\n"
_TEAM = ("团队", "课题组", "研究团队", "科研团队")
# 学校为其配套…, 向其支付, 聘任其为教授, 授予其称号: 其 after a preposition or a verb of appointing is its object,
# not the clause's subject
_TO = ("为", "给", "向", "对", "聘", "任", "请", "命", "予")
# a university named as where someone came from (从美国X引进, 来自X): not the text's own 学校
_CAME_FROM = re.compile(r"(?:从|自|来自)$")


def own_school(text: str, ordered: list[Mention], names: dict[str, str]) -> str | None:
    """The university a bare 学校 / 我校 / 该校 stands for: the most-mentioned University named so (大学, 学校,
    学院), leaving out one the text names as where someone came from (X从佐治亚理工学院引进李某: the recruiter is
    the school) and a 学院 named right after a 大学 (武昌科技大学微电子学院: a school of it)."""
    counts: Counter[str] = Counter()
    left_out: set[str] = set()
    for i, m in enumerate(ordered):
        if m.type != "University" or not names[m.entity].endswith(("大学", "学校", "学院")):
            continue
        counts[m.entity] += 1
        k = i  # skip the places glued before the name (从美国X)
        start = m.start
        while k > 0 and ordered[k - 1].end == start and ordered[k - 1].type == "Place":
            k -= 1
            start = ordered[k].start
        if _CAME_FROM.search(text, max(0, start - 2), start):
            left_out.add(m.entity)
        if (names[m.entity].endswith("学院") and i > 0 and ordered[i - 1].end == m.start
                and names[ordered[i - 1].entity].endswith("大学")):
            left_out.add(m.entity)
    kept = [(n, ent) for ent, n in counts.most_common() if ent not in left_out]
    return kept[0][1] if kept else None


class _Sorted:
    """Mentions in text order with their starts and the running maximum of their ends, for bisect lookups
    (``free``, ``subject`` and the antecedent searches in O(log n) instead of a scan of the document)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.items = mentions
        self.starts = [m.start for m in mentions]
        self.reach: list[int] = []
        top = -1
        for m in mentions:
            top = max(top, m.end)
            self.reach.append(top)

    def free(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps none of the mentions."""
        i = bisect_left(self.starts, end)
        return i == 0 or self.reach[i - 1] <= start

    def subject(self, lo: int, hi: int, types: set[str], skip: str | None = None) -> Mention | None:
        """``antecedents.subject`` over [lo, hi), leaving out entity ``skip``."""
        for i in range(bisect_left(self.starts, lo), bisect_left(self.starts, hi)):
            m = self.items[i]
            if m.end <= hi and m.type in types and m.entity != skip:
                return m
        return None

    def last_before(self, before: int) -> Mention | None:
        """The last mention (in start order) ending at or before ``before``."""
        for i in range(bisect_left(self.starts, before) - 1, -1, -1):
            if self.items[i].end <= before:
                return self.items[i]
        return None


class _Added:
    """The references found so far: disjoint spans kept in text order (``bisect.insort``)."""

    def __init__(self) -> None:
        self.items: list[Mention] = []
        self.starts: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        return i == 0 or self.items[i - 1].end <= start

    def add(self, m: Mention) -> None:
        i = bisect_right(self.starts, m.start)
        self.starts.insert(i, m.start)
        self.items.insert(i, m)

    def subject(self, lo: int, hi: int, types: set[str]) -> Mention | None:
        for i in range(bisect_left(self.starts, lo), bisect_left(self.starts, hi)):
            m = self.items[i]
            if m.end <= hi and m.type in types:
                return m
        return None


def _first_of(ordered: list[Mention], by_entity: dict[str, list[int]], fits: set[str], before: int) -> Mention | None:
    """The first mention in text order of one of ``fits`` that ends at or before ``before``."""
    best = len(ordered)
    for ent in fits:
        for i in by_entity.get(ent, ()):
            if i >= best or ordered[i].start >= before:
                break
            if ordered[i].end <= before:
                best = i
                break
    return ordered[best] if best < len(ordered) else None


_STOP_RX = re.compile("[" + _ZH_STOPS + "]")


def chinese(text: str, mentions: list[Mention]) -> list[Mention]:
    """该公司 / 公司 / 我校 / 代表团 / 本届 / 其 / 他 bound to the entity they stand for, as mentions of it; a
    bare noun goes to the document's main entity of a fitting type whose name ends so (学校: ``own_school``), else
    the latest one; 该 + noun to the latest one; 其 after 为/给/向/对 never to its clause's subject. Linear in the
    document but for bisect lookups (a 100,000-character text takes a fraction of a second)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    names = names_of(text, ordered)
    main = main_entities(ordered)
    own = announcer(text, ordered)  # a filing's bare 公司 is its own company
    school = own_school(text, ordered, names)
    index = _Sorted(ordered)
    by_entity: dict[str, list[int]] = {}
    for i, m in enumerate(ordered):
        by_entity.setdefault(m.entity, []).append(i)
    out = _Added()
    for rx, heads, types, kind in ZH_REFS:
        fitting = _Sorted([m for m in ordered if m.type in types and names[m.entity].endswith(heads)])
        for hit in rx.finditer(text):
            s, e = hit.start(), hit.end()
            if not (index.free(s, e) and out.free(s, e)):
                continue
            if hit.group().startswith("该"):  # 该公司 / 该局 / 该校: the one just told of (below), not the main one
                fits: set[str] = set()
            elif kind == "school":  # the text's own school: not one someone came from, not a 学院 of a 大学
                fits = {school} if school is not None else set()
            else:
                fits = {main[t] for t in types if t in main and names[main[t]].endswith(heads)}
            ante = _first_of(ordered, by_entity, fits, s)
            if own is not None and hit.group() in ("公司", "本公司"):
                ante = own  # wherever it is named (a signature comes last)
            if ante is None:
                ante = fitting.last_before(s)
            if ante is not None:
                out.add(Mention(s, e, ante.entity, ante.type, f"zh:{kind}"))
    stops = [m.start() for m in _STOP_RX.finditer(text)]
    for rx, kind in ((ZH_TOPIC, "topic"), (ZH_PERSON, "person")):
        for hit in rx.finditer(text):
            s, e = hit.start(), hit.end()
            if not (index.free(s, e) and out.free(s, e)):
                continue
            j = bisect_left(stops, s)
            stop = stops[j - 1] if j > 0 else -1
            prev = stops[j - 2] if stop > 0 and j > 1 else -1
            types = {"Person"} if kind == "person" else AGENTS | {"Person"}
            if kind == "topic" and text.startswith(_TEAM, e):  # 为其团队提供经费: whose team, a person's
                types = {"Person"}
            subj = None
            if kind == "topic" and text[s - 1 : s] in _TO:  # the clause's subject, of the mentions and the references
                agents = AGENTS | {"Person"}
                a, b = index.subject(stop + 1, s, agents), out.subject(stop + 1, s, agents)
                subj = a if b is None or (a is not None and a.start <= b.start) else b
            skip = subj.entity if subj is not None else None  # 学校为其… / 市政府向其支付…: not the clause's subject
            ante = index.subject(stop + 1, s, types, skip) or index.subject(prev + 1, stop + 1, types, skip)
            if ante is not None:
                out.add(Mention(s, e, ante.entity, ante.type, f"zh:{kind}"))
    return list(out.items)
