"""Screening: names against every loaded watchlist, each hit naming its list, version, entry,
legal basis and the features that fired.

    >>> from mcfwatch.resolve import screen
    >>> screen("NWPU").hits[0].list_id
"""

from __future__ import annotations

import multiprocessing as mp
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache, partial
from typing import Any, Literal

from rapidfuzz.distance import Indel

from mcfwatch.lists import load_lists, noncommercial_excluded
from mcfwatch.lists.countries import country_code
from mcfwatch.lists.model import ListEntry, WatchList
from mcfwatch.resolve import lexicon
from mcfwatch.resolve.algorithm import (
    ALGORITHM,
    CHINESE_NAME_DIFFERS,
    DEFAULT_THRESHOLD,
    NUMBER_MISMATCH,
    Comparison,
    FeatureHit,
)
from mcfwatch.resolve.bilingual import is_place_zh, is_soft
from mcfwatch.resolve.bilingual import readings as bilingual_readings
from mcfwatch.resolve.index import NameIndex, prepare
from mcfwatch.resolve.knowledge import KeyedUnit, Knowledge, alias_joins, named_units, table_units
from mcfwatch.resolve.matcher import Matcher
from mcfwatch.resolve.names import Name, latin_words, parse, variants_of
from mcfwatch.resolve.normalize import has_han, to_simplified
from mcfwatch.resolve.renderings import RENDERING_CAP
from mcfwatch.resolve.renderings import table as rendering_table
from mcfwatch.resolve.renderings import variants as rendered_variants
from mcfwatch.resolve.schemas import can_match
from mcfwatch.resolve.screen_cache import ScreenCache, default_cache
from mcfwatch.resolve.screen_index import Opened
from mcfwatch.resolve.screen_parts import EntryPart, fragment

# relation of a hit that matches but for the country given: shown under related, never dropped, so that a
# listed firm screened with a branch's country (Huawei, DE) is never read "not listed" without a word
OTHER_COUNTRY = "other-country"
COUNTRY_PENALTY = 0.35  # enough to drop a same-name body of another country below 0.7
RELATED_FLOOR = 0.3
CANDIDATES = 20   # names compared in full per query name
ALIAS_OF_OTHER_CAP = 0.6
HAN_AGREES = 0.5  # han_match's own floor: below it, two Chinese names are not alike



@dataclass(slots=True)
class Hit:
    list_id: str
    list_title: str
    list_version: str
    authority: str
    legal_basis: str
    licence: str
    entry_id: str
    entry_name: str
    schema: str
    country: str | None
    score: float
    match: bool
    relation: str | None
    query_name: str
    matched_name: str
    features: dict[str, dict[str, Any]]
    # where matched_name comes from: "list" (this entry's own name or alias, as its list printed it), "list_other"
    # (a Chinese name another entry of the lists gives for this body) or "name_table" (mcfwatch's table of names,
    # resolve/data/aliases.tsv: the list never printed it)
    matched_via: str = "list"
    names_zh: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    start_date: str | None = None
    end_date: str | None = None
    citation: str | None = None
    remarks: str | None = None
    properties: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ScreenResult:
    query: str
    as_of: str | None
    threshold: float
    lists: list[dict[str, str]]
    hits: list[Hit]            # matches at the threshold, best first
    related: list[Hit]         # sub-units of a listed body, or a listed unit of the query
    near: list[Hit] = field(default_factory=list)  # below the threshold, at or above the cutoff
    algorithm: str = ALGORITHM

    @property
    def listed(self) -> bool:
        return bool(self.hits)

    def summary(self) -> str:
        if not self.hits:
            where = ", ".join(f"{x['id']}@{x['version']}" for x in self.lists)
            extra = f"; {len(self.related)} related" if self.related else ""
            elsewhere = sorted({(h.country or "?").upper() for h in self.related if h.relation == OTHER_COUNTRY})
            if elsewhere:
                extra += (f"; the same name is listed for another country ({', '.join(elsewhere)}): check whether "
                          "it is the same body before clearing it")
            return f"not listed (checked {len(self.lists)} lists: {where}){extra}"
        lists = sorted({f"{h.list_id}@{h.list_version}" for h in self.hits})
        return f"listed: {len(self.hits)} entries on {', '.join(lists)}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query, "as_of": self.as_of, "threshold": self.threshold, "algorithm": self.algorithm,
            "listed": self.listed, "summary": self.summary(), "lists": self.lists,
            "hits": [h.to_dict() for h in self.hits], "related": [h.to_dict() for h in self.related],
        }


class Screener:
    """An index over the entries of some lists and the matcher that scores candidates.

    The parsed names come from the screening cache (`screen_cache`; cache=None parses them here): the
    result is the same either way, only the time to build differs.
    """

    opened: Opened | None = None  # the stored index it reads from, if any

    def __init__(
        self, lists: list[WatchList], as_of: str | None = None, table: bool = True,
        cache: ScreenCache | None | Literal["default"] = "default",
    ) -> None:
        self.lists = lists
        self.as_of = as_of
        self.entries: list[tuple[WatchList, ListEntry]] = [(wl, e) for wl in lists for e in wl.entries]
        self._han_memo: dict[str, frozenset[str]] = {}  # organisation -> the Chinese names it publishes
        store = default_cache() if cache == "default" else cache
        self.cache_key = store.content_key(lists, table) if store else None
        opened = store.open_index(self.cache_key) if store and self.cache_key else None
        if opened is not None:  # these lists were indexed before: read the index, keep the entries given
            self._use(opened)
            return
        parts: list[EntryPart] = [p for wl in lists for p in (store.fragment(wl) if store else fragment(wl))]
        units: list[KeyedUnit] = (store.table(table_units) if store else table_units()) if table else []
        self.index = NameIndex()
        for pos, part in enumerate(parts):
            self.index.add_prepared(pos, part.names)
        entry_units = [p.unit(e) for p, (_, e) in zip(parts, self.entries, strict=True)]
        listed = [e for _, e in self.entries]
        joins = alias_joins(listed, entry_units, [p.primary_keys for p in parts])
        named, named_joins = named_units(listed, entry_units)
        knowledge = Knowledge().build_keyed([*units, *entry_units, *named], [*joins, *named_joins])
        knowledge.with_renderings(rendering_table(r for p in parts for r in p.renderings))
        # a Chinese name a list gives for another entry's body (named_units) is searchable as that entry's
        # name, once it joined it
        position = {e.id: pos for pos, e in enumerate(listed)}
        chinese = {unit: joining[0] for unit, _, joining, _, _ in named if joining}  # its Chinese name's key
        for unit, target, _ in named_joins:
            if unit in chinese and knowledge.cluster_of(unit) == knowledge.cluster_of(target):
                self.index.add_prepared(position[target], prepare([chinese[unit]]))
        self.index.freeze()
        if table:  # (after freeze: the words' weights stay those of the lists' own names)
            self._index_table_names(knowledge, listed)
        self.matcher = Matcher(knowledge, self.index.vocabulary)
        self.primary_keys = [set(p.primary_keys) for p in parts]
        self.members: dict[str, list[int]] = defaultdict(list)  # organisation -> its entries on all lists
        for pos, (_, entry) in enumerate(self.entries):
            self.members[knowledge.cluster_of(entry.id)].append(pos)
        if store and self.cache_key:
            store.save_index(self.cache_key, self)

    def _index_table_names(self, knowledge: Knowledge, listed: list[ListEntry]) -> None:
        """The Chinese names mcfwatch's table of names gives for a body the lists print in English only (华为技术有限公司
        for Huawei's entries, 中兴通讯股份有限公司 for ZTE's) are searchable as those entries' names: that name, and its
        pinyin ("Huawei Jishu Youxian Gongsi"), then reach the entries, not only the words they translate to."""
        positions: dict[str, list[int]] = defaultdict(list)
        for pos, e in enumerate(listed):
            if not any(has_han(n) for n in e.all_names()):
                positions[knowledge.cluster_of(e.id)].append(pos)
        for i, group in enumerate(lexicon.known_names()):
            chinese = [n for n in group if has_han(n)]
            for pos in positions.get(knowledge.cluster_of(f"table:{i}"), []) if chinese else []:
                self.index.add_prepared(pos, prepare(chinese))

    @classmethod
    def from_index(cls, opened: Opened, as_of: str | None) -> Screener:
        """A screener over a stored index: entries, names and keys are read from its file as queries need them."""
        s = cls.__new__(cls)
        s.lists, s.as_of, s.entries = opened.lists, as_of, opened.entries  # type: ignore[assignment]
        s._han_memo = {}
        s.cache_key = opened.key
        s._use(opened)
        return s

    def _use(self, opened: Opened) -> None:
        self.opened = opened
        self.index, self.primary_keys = opened.index, opened.primary_keys  # type: ignore[assignment]
        self.matcher = Matcher(opened.knowledge, opened.index.vocabulary)
        self.members = opened.members  # type: ignore[assignment]

    def read_whole(self) -> None:
        """Read a stored index whole now instead of row by row (for a long-running server: a new name then
        costs no query; answers are the same either way)."""
        if self.opened is not None:
            self.opened.load()

    def list_versions(self) -> list[dict[str, str]]:
        return [{"id": wl.id, "version": wl.version, "title": wl.title} for wl in self.lists]

    def screen(
        self,
        names: str | Iterable[str],
        country: str | None = None,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 20,
        list_ids: Iterable[str] | None = None,
        cutoff: float | None = None,
        schema: str | None = None,
    ) -> ScreenResult:
        """Screen one party (given by one or more names) against the index. With the party's type (schema), only
        entries FtM lets it match are answered: a company is never a listed person (resolve.schemas)."""
        queries = [names] if isinstance(names, str) else [n for n in names if n and n.strip()]
        parsed = [parse(v) for q in queries for v in variants_of(q)]
        # the lists give ISO2 codes: "China", "Germany", "DE" and "de" are read alike; a country no table knows
        # is no evidence against a hit, so it is ignored rather than compared as a string
        country = country_code(country) if country else None
        # what each query name says it is (a city, a body), kept for the comparisons it makes: one alias that
        # names a city (深圳市) does not make a whole company's card a "place"
        shapes: dict[str, str] = {}
        for query in queries:
            shaped = query_shape(query)
            for v in variants_of(query):
                shapes.setdefault(parse(v).original, shaped)
        wanted = set(list_ids) if list_ids else None
        best: dict[int, Comparison] = {}
        for q in parsed:
            compared: dict[str, Comparison] = {}  # a name several entries publish is compared once
            for _, indexed in self.index.candidate_pairs(q, limit=CANDIDATES):
                first = compared.get(indexed.name.original)
                if first is None:
                    c = compared[indexed.name.original] = self.matcher.compare_parsed(q, indexed.name)
                else:  # each entry its own copy: the hit loop writes into its features
                    c = replace(first, features=dict(first.features))
                old = best.get(indexed.owner)
                if old is None or c.score > old.score:
                    best[indexed.owner] = c
        for q in parsed:
            self._rendered(q, best)
        self._spread(best, threshold)
        floor = min(RELATED_FLOOR, threshold, cutoff if cutoff is not None else 1.0)
        hits: list[Hit] = []
        related: list[Hit] = []
        near: list[Hit] = []
        for owner, c in best.items():
            if c.score < floor:
                continue
            wl, entry = self.entries[owner]
            if wanted and wl.id not in wanted:
                continue
            # a type the list publishes rules a match out; one guessed from the name's shape never does
            if schema and not can_match(schema, entry.schema) and not entry.properties.get("schema_guessed"):
                continue
            shape = shapes.get(c.left, "")
            if shape and entry.schema == "Person" and (not entry.properties.get("schema_guessed") or not _published(c)):
                continue  # 尼斯市 (Nice) is a city, never the listed person Geoffrey Nice (尼斯); a firm that has a
                # name in its own (绵阳天翼测控技术有限公司) is no one whose name looks like a person's (Tian Yi)
            if shape == "place" and not _published(c) and not _names_a_place(c.right):
                continue  # 里昂市 (Lyon) is a city, not Leon Technology Co., Ltd. (a firm named after a place)
            score = c.score
            known = c.features.get("known_same")
            why = self.matcher.knowledge.joined(entry.id) if known is not None else ""
            if known is not None and why and why not in known.detail:  # joined through a list's alias: say so
                c.features["known_same"] = FeatureHit(known.name, known.score, f"{known.detail}; {why}", known.role)
            differs = self._chinese_name_differs(owner, c)
            if differs:
                score = min(score, CHINESE_NAME_DIFFERS.value)
                c.features["chinese_name_differs"] = FeatureHit("chinese_name_differs", 1.0, differs, "cap")
            numbered = _other_number(c, entry)
            if numbered:
                score = min(score, NUMBER_MISMATCH.value)
                c.features["number_mismatch"] = FeatureHit("number_mismatch", 1.0, numbered, "cap")
            other = self._alias_of_other(owner, c)
            if other:
                score = min(score, ALIAS_OF_OTHER_CAP)
                c.features["alias_of_other"] = FeatureHit("alias_of_other", 1.0, other, "cap")
                c.relation = "member-of"
            elsewhere = False  # a match but for the country: never dropped, kept as a lead
            if country and entry.country and entry.country.lower() != country:
                elsewhere = score >= threshold
                score = max(0.0, score - COUNTRY_PENALTY)
                c.features["country_mismatch"] = FeatureHit("country_mismatch", 1.0, f"{country} vs {entry.country}", "penalty")
            hit = _hit(wl, entry, c, score, threshold, queries[0])
            if hit.match:
                hits.append(hit)
            elif elsewhere:
                related.append(replace(hit, relation=OTHER_COUNTRY))
            elif c.relation in ("sub-unit", "member-of") and score >= RELATED_FLOOR:
                related.append(hit)
            elif cutoff is not None and score >= cutoff:
                near.append(hit)
        hits.sort(key=lambda h: (-h.score, h.list_id, h.entry_id))
        related.sort(key=lambda h: (-h.score, h.list_id, h.entry_id))
        near.sort(key=lambda h: (-h.score, h.list_id, h.entry_id))
        return ScreenResult(
            query=" | ".join(queries), as_of=self.as_of, threshold=threshold, lists=self.list_versions(),
            hits=hits[:limit], related=related[:limit], near=near[:limit],
        )

    def screen_many(
        self, names: Sequence[str], workers: int = 1, threshold: float = DEFAULT_THRESHOLD
    ) -> list[ScreenResult]:
        """Screen many names in this process, or (workers > 1, more than PARALLEL_FROM names) in forked
        worker processes sharing the index. workers=0 means one per CPU. One process is usually as
        fast: results (hits with list metadata) cost about as much to send back as to compute."""
        workers = workers or (os.cpu_count() or 1)
        if workers < 2 or len(names) < PARALLEL_FROM or "fork" not in mp.get_all_start_methods():
            return [self.screen(n, threshold=threshold) for n in names]
        global _WORKER
        _WORKER = self
        chunk = max(1, len(names) // (workers * 8))
        with mp.get_context("fork").Pool(workers) as pool:
            return pool.map(partial(_screen_one, threshold=threshold), names, chunksize=chunk)

    def entry(self, entry_id: str) -> tuple[WatchList, ListEntry] | None:
        return next(((wl, e) for wl, e in self.entries if e.id == entry_id), None)


    def _rendered(self, q: Name, best: dict[int, Comparison]) -> None:
        """A Chinese name read through a brand the lists publish for its pinyin (renderings): 商汤 is read
        "Sensetime" because an Entity List entry is named both "Beijing Shangtang ..." and "Beijing Sensetime
        ...". A match this way is capped at RENDERING_CAP and names the entry that published the two names."""
        for variant in rendered_variants(q, self.matcher.knowledge.renderings):
            reading = parse(variant.text)
            for _, indexed in self.index.candidate_pairs(reading, limit=CANDIDATES):
                if not _same_words(reading, indexed.name):
                    continue  # a derived reading must name the entry word for word: 商汤餐饮 is not SenseTime
                c = self.matcher.compare_parsed(reading, indexed.name)
                if c.relation != "same":
                    continue
                # what the derived reading matched on says nothing of the query itself: only the rendering
                # is the match (worth RENDERING_CAP); the caps and penalties of the pair stay
                kept = {k: v for k, v in c.features.items() if v.role != "match"}
                c = Comparison(q.original, c.right, min(c.score, RENDERING_CAP), {
                    "list_rendering": FeatureHit("list_rendering", 1.0, variant.detail(), "match"), **kept}, "same")
                old = best.get(indexed.owner)
                if old is None or c.score > old.score:
                    best[indexed.owner] = c

    def _chinese_name_differs(self, owner: int, c: Comparison) -> str:
        """A Chinese query matched through an English reading only, while the entry's organisation publishes
        Chinese names and none is like the query's characters."""
        if any(k in c.features for k in ("known_same", "han_match")):  # a rendering reads sound: checked too
            return ""
        query = parse(c.left)
        if query.script != "han" or not query.han:
            return ""
        published = self._published_han(owner)
        if not published or max(Indel.normalized_similarity(query.han, z) for z in published) >= HAN_AGREES:
            return ""
        return f"{query.han} is none of {', '.join(sorted(published)[:3])}"

    def _published_han(self, owner: int) -> frozenset[str]:
        """The Chinese names the entry's organisation publishes (all its entries), read once per screener."""
        _, entry = self.entries[owner]
        cluster = self.matcher.knowledge.cluster_of(entry.id)
        memo = self._han_memo
        found = memo.get(cluster)
        if found is None:
            published: set[str] = set()
            for pos in self.members.get(cluster, [owner]) or [owner]:
                published.update(parse(v).han for n in self.entries[pos][1].all_names() for v in variants_of(n)
                                 if has_han(v))
            published.discard("")
            found = memo[cluster] = frozenset(published)
        return found

    def _alias_of_other(self, owner: int, c: Comparison) -> str:
        """The entry matched through an alias that the lists publish as another organisation's name, or through
        its name less a bracketed place (Huawei Technologies (Yangon) Co., Ltd. read as Huawei Technologies Co.,
        Ltd.: a subsidiary found by its parent's name, never the parent's organisation)."""
        if c.relation != "same":
            return ""
        _, entry = self.entries[owner]
        if parse(c.right).key in self.primary_keys[owner]:
            return ""
        knowledge = self.matcher.knowledge
        mine = knowledge.cluster_of(entry.id)
        own = knowledge.publishes(mine, parse(c.right))
        if own and "known_same" in c.features and "same organisation as" not in c.features["known_same"].detail:
            return ""
        named = knowledge.primary_clusters(parse(c.right))
        if named and mine not in named:
            return f"'{c.right}' is the name of {knowledge.label(sorted(named)[0])}"
        return ""

    def _spread(self, best: dict[int, Comparison], threshold: float) -> None:
        """A match on one entry is a match on every entry the lists publish for the same organisation."""
        for owner, c in list(best.items()):
            if c.score < threshold or c.relation != "same" or self._chinese_name_differs(owner, c):
                continue  # (a match capped for its Chinese name is no match to spread)
            _, entry = self.entries[owner]
            for other in self.members.get(self.matcher.knowledge.cluster_of(entry.id), ()):
                old = best.get(other)
                if other == owner or (old is not None and old.score >= c.score):
                    continue
                spread = Comparison(c.left, c.right, c.score, dict(c.features), c.relation)
                same = f"same organisation as {entry.name} ({entry.list_id})"
                why = self.matcher.knowledge.joined(self.entries[other][1].id) or self.matcher.knowledge.joined(entry.id)
                if why:
                    same = f"{same}; {why}"
                rendered = spread.features.get("list_rendering")
                if rendered is not None:  # still only a rendering's match: say so there, worth no more
                    spread.features["list_rendering"] = FeatureHit(
                        "list_rendering", rendered.score, f"{rendered.detail}; {same}", rendered.role)
                else:
                    spread.features["known_same"] = FeatureHit("known_same", 1.0, same, "match")
                best[other] = spread


_SEAT_ZH = re.compile(r"^[\u4e00-\u9fff]{2,}(市|省|县)$")
# the common nouns for a city: 大都市, 智慧城市 end in 市 and name no city
_CITY_NOUNS = frozenset({"都市", "城市"})
_BODY_ZH = re.compile(r"(公司|集团|大学|学院|研究所|研究院|研究中心|实验室|银行|株式会社|协会|基金会|委员会|部队)")


def _other_number(c: Comparison, entry: ListEntry) -> str:
    """The query gives a number, and the entry's names give numbers, none of them the query's: CETC's 14th is not the
    entry of the 10th, though that entry also publishes a name without its number (中国西南电子技术研究所)."""
    asked = parse(c.left).numbers
    if not asked or "number_mismatch" in c.features:
        return ""
    published = _published_numbers(tuple(entry.all_names()))
    if not published or asked & published:
        return ""
    return f"{'/'.join(map(str, sorted(asked)))} vs {'/'.join(map(str, sorted(published)))} (the entry's names)"


@lru_cache(maxsize=20_000)
def _published_numbers(names: tuple[str, ...]) -> frozenset[int]:
    """The numbers an entry's names give (once per entry, not once per scored candidate)."""
    return frozenset(n for name in names if "," not in name and len(name.split()) <= 12  # (no address)
                     for v in variants_of(name) for n in parse(v).numbers)


def _published(c: Comparison) -> bool:
    """The match is the very name a list publishes (not one spread from another entry of the organisation)."""
    known = c.features.get("known_same")
    return "same_name" in c.features or known is not None and not known.detail.startswith("same organisation as")


def _names_a_place(name: str) -> bool:
    """Every word of the name is a place or a seat of government (Hotan City, Kyoto Prefecture)."""
    words = [w for r in parse(name).readings[:1] for w in r]
    return bool(words) and all(w in lexicon.PLACES or is_soft(w) for w in words)


def query_shape(name: str) -> str:
    """What a query name says it is: "place" (a city, a province: 里昂市, 深圳市), "body" (a company, a
    university, a bank: 强生公司, by a legal form or a kind of body), or "" (nothing: a bare name)."""
    text = name.strip()
    if _names_a_place_zh(text):
        return "place"
    if _BODY_ZH.search(text):
        return "body"
    words = set(latin_words(text)) if not has_han(text) else set()
    if words & lexicon.COMPANY_FORMS or words & lexicon.KINDS:
        return "body"
    return ""


def _names_a_place_zh(text: str) -> bool:
    """A Chinese name of a city, a province or a county (深圳市, 广东省, 里昂市, 京都市), not a shop or a market whose
    name ends in a word that has 市 in it (华润万家超市 "supermarket", 门市 "retail sales", 夜市, 大都市)."""
    if not _SEAT_ZH.match(text) and not (has_han(text) and len(text) <= 4):
        return False  # no X市/省/县, nor a short name a country or region could be (香港, 泰国)
    zh = to_simplified(text)
    if any(r.source == "cedict-word" for r in bilingual_readings(zh)):
        return False  # a common word as a whole: 大都市 "metropolis", 城市
    if is_place_zh(zh):
        return True
    if not _SEAT_ZH.match(zh) or _BODY_ZH.search(zh):
        return False
    if any(r.source == "cedict-name" and not r.person for r in bilingual_readings(zh[:-1])):
        return True  # the rest is a proper name CC-CEDICT knows: 里昂 Lyon, 京都 Kyoto (not 京 + 都市)
    ending = zh[-2:]
    return ending not in _CITY_NOUNS and not any(r.source == "cedict-word" for r in bilingual_readings(ending))



def _same_words(a: Name, b: Name) -> bool:
    """Some reading of each name has the same words (order and legal forms aside)."""
    return any(set(x) == set(y) for x in a.readings for y in b.readings if x and y)


_WORKER: Screener | None = None
PARALLEL_FROM = 500


def _screen_one(name: str, threshold: float) -> ScreenResult:
    assert _WORKER is not None
    return _WORKER.screen(name, threshold=threshold)


TABLE_SOURCE = "mcfwatch name table (resolve/data/aliases.tsv)"
VIA_WORDS = {"list": "", "list_other": "another list entry's name for this body", "name_table": TABLE_SOURCE}


def matched_label(hit: Hit) -> str:
    """The matched name as a door shows it: with where it comes from when the hit's own list never printed it."""
    via = VIA_WORDS.get(hit.matched_via, hit.matched_via)
    return f"{hit.matched_name} (from {via})" if via else hit.matched_name


def matched_via(entry: ListEntry, matched: str) -> str:
    """Where a hit's matched name comes from: the entry's own names ("list"), mcfwatch's table of names
    ("name_table"), or another list entry's Chinese name for the same body ("list_other")."""
    if parse(matched).key in _own_keys(tuple(entry.all_names())):
        return "list"
    return "name_table" if to_simplified(matched) in _table_chinese() else "list_other"


@lru_cache(maxsize=20_000)
def _own_keys(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(parse(v).key for n in names for v in variants_of(n))


@lru_cache(maxsize=1)
def _table_chinese() -> frozenset[str]:
    return frozenset(to_simplified(n) for group in lexicon.known_names() for n in group if has_han(n))


def _hit(wl: WatchList, entry: ListEntry, c: Comparison, score: float, threshold: float, query: str) -> Hit:
    features = c.features_dict()
    return Hit(
        list_id=wl.id, list_title=wl.title, list_version=wl.version, authority=wl.authority,
        legal_basis=wl.legal_basis, licence=wl.licence, entry_id=entry.id, entry_name=entry.name,
        schema=entry.schema, country=entry.country, score=round(score, 4), match=score >= threshold,
        relation=c.relation if score >= RELATED_FLOOR else None, query_name=c.left or query,
        matched_name=c.right, matched_via=matched_via(entry, c.right), features=features, names_zh=list(entry.names_zh), aliases=list(entry.aliases),
        start_date=entry.start_date, end_date=entry.end_date, citation=entry.citation, remarks=entry.remarks,
        properties=dict(entry.properties),
    )


@lru_cache(maxsize=4)
def default_screener(as_of: str | None = None, exclude_noncommercial: bool = False) -> Screener:
    """The screener over every list version valid on as_of (built once per process, from the screening
    cache when it is on: a fresh process then reads the parsed lists instead of parsing them)."""
    store = default_cache()
    if store is None:
        return Screener(load_lists(as_of, exclude_noncommercial), as_of=as_of, cache=None)
    return stored_screener(store, as_of, exclude_noncommercial)


def stored_screener(store: ScreenCache, as_of: str | None = None, exclude_noncommercial: bool = False) -> Screener:
    """The screener over the list versions valid on as_of, read from the store's index file without parsing
    a list; when the lists, the code or the date changed, the lists are parsed and the index found by their
    contents (or built from the per-list parts, and stored)."""
    from mcfwatch.model.dates import check_day

    # a bad date is refused (one-line error) before any file is read; no date needs no check (nor the model)
    selection = store.selection_key(check_day(as_of) if as_of else None, noncommercial_excluded(exclude_noncommercial))
    opened = store.open_selection(selection)
    if opened is not None:
        return Screener.from_index(opened, as_of)
    screener = Screener(load_lists(as_of, exclude_noncommercial), as_of=as_of, cache=store)
    if screener.cache_key:
        store.save_selection(selection, screener.cache_key)
    return screener


def screen(
    name: str | Iterable[str],
    country: str | None = None,
    as_of: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 20,
    exclude_noncommercial: bool = False,
    lists: Iterable[str] | None = None,
) -> ScreenResult:
    """Screen a party (one or more of its names) against every loaded list valid on as_of."""
    return default_screener(as_of, exclude_noncommercial).screen(
        name, country=country, threshold=threshold, limit=limit, list_ids=lists
    )
