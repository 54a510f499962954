"""Recall audit: is a listed body found when it is screened by its own Chinese name, or by that name in pinyin?

    PYTHONPATH=src python benchmarks/list_names_recall.py            # the figures
    PYTHONPATH=src python benchmarks/list_names_recall.py --misses   # also every name that misses its entry

1. Every shipped list entry that publishes a Chinese name (its Chinese names, or the Chinese half of a name that
   packs both) is screened by that name as printed, and by its pinyin written word by word as a romanised
   registered name is ("Huawei Jishu Youxian Gongsi"; the words are the glossary's, a run of other characters
   one word). Found: the entry itself is among the hits.
2. Every Chinese name of mcfwatch's table of names (resolve/data: Huawei's 华为技术有限公司, ZTE's, Hikvision's ...),
   many of them registered names the lists print in English only, screened the same two ways. Found: a hit on an
   entry of the body the table names (the table's group joined to the entry in `Knowledge`).
   The Chinese half of this is a SMOKE CHECK, not recall: the screener indexes each table name as a name of the
   entries its body joins (`Screener._index_table_names`), so screening exactly those strings finds them by
   construction (about 1.000). It only says the table names are wired in. The pinyin half is not indexed as such.
3. The recall audit of the table: strings the index does not hold. (a) Each table name of a listed body, screened
   by a screener built WITHOUT the table (`Screener(..., table=False)`: its names neither indexed nor joined to the
   entries; the glossary and the table's English readings of Chinese words still read a name), so that only the
   lists' own names and what the words translate to can find the body: this is the figure that measures recall.
   (b) Each table name's short form with its legal form and a trailing group word dropped (华为技术有限公司 ->
   华为技术, 中国电子科技集团公司 -> 中国电子科技), a string no list and no table line holds, screened by the shipped
   screener. (b) is weak: the parser drops a legal form itself, so only the group word makes it differ.
The pinyin is spelled here, by the script's own word split (`spelled`: the old greedy glossary split, on purpose
NOT `names.segments`, so that two versions of the code meet the same queries; do not "fix" it to match).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator

from mcfwatch.lists import load_lists
from mcfwatch.lists.model import ListEntry
from mcfwatch.resolve import lexicon
from mcfwatch.resolve.names import parse, variants_of
from mcfwatch.resolve.normalize import han_only, has_han, pinyin, strip_numbers, to_simplified
from mcfwatch.resolve.screen import Screener, default_screener


def spelled(han: str) -> str:
    """The Chinese name in pinyin, a word for each word of the glossary (longest first) and for each run of other
    characters, a word of four or six characters cut in twos: "华为技术有限公司" -> "Huawei Jishu Youxian Gongsi"."""
    glossary = lexicon.glossary()
    longest = max(len(k) for k in glossary)
    words: list[str] = []
    run = ""
    i = 0
    while i < len(han):
        size = next((n for n in range(min(longest, len(han) - i), 1, -1) if han[i : i + n] in glossary), 0)
        if size:
            if run:
                words.append(run)
                run = ""
            piece = han[i : i + size]
            words.append(piece)
            i += size
        else:
            run += han[i]
            i += 1
    if run:
        words.append(run)
    # a word of four characters or six is two words or three in a romanised name (Gongye Daxue, Youxian Gongsi)
    words = [
        p for w in words for p in ([w[j : j + 2] for j in range(0, len(w), 2)] if len(w) in (4, 6) else [w])]
    return " ".join(pinyin(w, spaced=False).capitalize() for w in words)


def chinese_names(e: ListEntry) -> list[str]:
    out: list[str] = []
    for n in e.all_names():
        for v in variants_of(n):
            if has_han(v) and parse(v).script == "han" and v not in out:
                out.append(v)
    return out


def _queries(name: str) -> dict[str, str]:
    han = han_only(strip_numbers(name)) if not any(c.isdigit() for c in name) else han_only(name)
    return {"chinese": name, "pinyin": spelled(han)}


def entries_audit(s: Screener, show: bool) -> None:
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    seen: set[str] = set()
    for _, e in s.entries:
        if e.id in seen or e.schema == "Person":
            continue
        names = chinese_names(e)
        if not names:
            continue
        seen.add(e.id)
        for how, q in _queries(names[0]).items():
            total[how] += 1
            hit = any(h.entry_id == e.id for h in s.screen(q).hits)
            found[how] += hit
            if show and not hit:
                print(f"  miss {how:8} {q}  ({e.id})")
    for how in ("chinese", "pinyin"):
        print(f"list entries with a Chinese name, screened by it ({how}): {found[how]} of {total[how]} find their "
              f"entry ({found[how] / max(total[how], 1):.3f})")


def listed_table_names(s: Screener) -> Iterator[tuple[str, list[str], str]]:
    """(cluster, table row, Chinese name) for each Chinese name of mcfwatch's table whose body a shipped list holds."""
    knowledge = s.matcher.knowledge
    listed = {knowledge.cluster_of(e.id) for _, e in s.entries}
    for i, group in enumerate(lexicon.known_names()):
        cluster = knowledge.cluster_of(f"table:{i}")
        if cluster in listed:  # else the table names a body no shipped list holds
            for name in (n for n in group if has_han(n)):
                yield cluster, list(group), name


def table_audit(s: Screener, show: bool) -> None:
    knowledge = s.matcher.knowledge
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for cluster, group, name in listed_table_names(s):
        for how, q in _queries(name).items():
            total[how] += 1
            hit = any(knowledge.cluster_of(h.entry_id) == cluster for h in s.screen(q).hits)
            found[how] += hit
            if show and not hit:
                print(f"  miss {how:8} {q}  ({group[0]})")
    for how in ("chinese", "pinyin"):
        smoke = " SMOKE CHECK (indexed strings)" if how == "chinese" else ""
        print(f"Chinese names of mcfwatch's table for listed bodies ({how}){smoke}: {found[how]} of {total[how]} find the "
              f"body ({found[how] / max(total[how], 1):.3f})")


_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司", "集团")


def short_form(name: str) -> str | None:
    """The name without its legal form and a trailing group word (华为技术有限公司 -> 华为技术), or None when that
    leaves nothing new of two characters or more."""
    out = name
    for form in _FORMS:
        if out.endswith(form) and len(out) - len(form) >= 2:
            out = out[: -len(form)]
    return out if out != name else None


def table_recall(s: Screener, bare: Screener, show: bool) -> None:
    """Recall on strings the index does not hold (see 3. above)."""
    knowledge = s.matcher.knowledge
    indexed = {to_simplified(n) for group in lexicon.known_names() for n in group if has_han(n)}
    indexed |= {to_simplified(n) for _, e in s.entries for n in e.all_names() if has_han(n)}
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for cluster, group, name in listed_table_names(s):
        short = short_form(to_simplified(name))
        tries = [("no table index", bare, name)]
        if short and short not in indexed:
            tries.append(("short form", s, short))
        for how, screener, q in tries:
            total[how] += 1
            hit = any(knowledge.cluster_of(h.entry_id) == cluster for h in screener.screen(q).hits)
            found[how] += hit
            if show and not hit:
                print(f"  miss {how:14} {q}  ({group[0]})")
    for how in ("no table index", "short form"):
        print(f"RECALL table names of listed bodies, not indexed ({how}): {found[how]} of {total[how]} find the "
              f"body ({found[how] / max(total[how], 1):.3f})")


def main() -> int:
    show = "--misses" in sys.argv
    s = default_screener()
    entries_audit(s, show)
    table_audit(s, show)
    bare = Screener(load_lists(), table=False, cache=None)
    table_recall(s, bare, show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
