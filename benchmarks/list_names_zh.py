"""Chinese names of Chinese list entries: how many entries a Chinese name can reach, and what screening finds.

    PYTHONPATH=src python benchmarks/list_names_zh.py            # coverage, ten listed firms, rendering audit
    PYTHONPATH=src python benchmarks/list_names_zh.py --audit    # also print every hit made through a rendering

1. Coverage: of the list entries that are Chinese organisations (country cn/hk/mo, not a person; the PRC's own
   countermeasure lists, which name foreign bodies, are left out), how many carry a Chinese name themselves
   ("own"), how many once the entries of one organisation lend each other their names ("+join":
   `Knowledge`'s clusters, as screening builds them, with the Chinese names a list gives for another body:
   ASPI's sub-units), and once mcfwatch's table of names joins in ("+table":
   resolve/data/aliases.tsv). "+rendering": entries one of whose names holds an English brand the lists
   publish for a pinyin word (resolve/renderings.py), so a Chinese name that reads as that pinyin can reach
   them without any Chinese name on the list.
2. `screen` on ten famous listed firms by their Chinese name: hits, lists, and hits made through a rendering.
3. Precision audit: every Chinese organisation name of the training corpora (corpus/train, corpus/extra; never
   the blind split) and of the off-list names (benchmarks/data/offlist_names.tsv, none of them listed) is
   screened; a hit only a rendering made is counted, and printed with --audit for a reader to judge.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from mcfwatch.lists import load_lists
from mcfwatch.lists.model import ListEntry
from mcfwatch.resolve import lexicon
from mcfwatch.resolve.knowledge import Knowledge
from mcfwatch.resolve.names import parse
from mcfwatch.resolve.screen import default_screener

try:  # absent before session 25: the script then measures the code it runs on without them
    from mcfwatch.resolve.knowledge import entry_unit, named_units
    from mcfwatch.resolve.renderings import learn
    from mcfwatch.resolve.renderings import table as rendering_table
except ImportError:  # pragma: no cover
    learn = named_units = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u4e00-\u9fff]")
FOREIGN_TARGETS = {"cn-mofcom-lists", "cn-countersanctions"}
TEN = "华为 中芯国际 海康威视 大疆 华大基因 中国航天科工 中国电子科技集团 浪潮 科大讯飞 商汤".split()
ORG_TYPES = {"Organization", "Company", "University", "PublicBody", "MilitaryUnit"}


def chinese_names(e: ListEntry) -> list[str]:
    return [n for n in e.all_names() if HAN.search(n)]


def coverage() -> None:
    lists = load_lists()
    entries = [e for wl in lists for e in wl.entries]
    # the clusters screening builds (entries of one organisation, joined by a shared primary or Chinese name)
    screener = default_screener()
    knowledge = screener.matcher.knowledge
    zh_by_cluster: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        zh_by_cluster[knowledge.cluster_of(e.id)].update(chinese_names(e))
    if named_units is not None:  # Chinese names a list gives for another body (ASPI's sub-units)
        named, _ = named_units(entries, [entry_unit(e) for e in entries])
        for unit, _, joining, _, _ in named:
            zh_by_cluster[knowledge.cluster_of(unit)].update(joining[:1])
    with_table = Knowledge.from_sources(entries, table=True)
    zh_table: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        zh_table[with_table.cluster_of(e.id)].update(chinese_names(e))
    for i, group in enumerate(lexicon.known_names()):
        zh_table[with_table.cluster_of(f"table:{i}")].update(n for n in group if HAN.search(n))
    brands = {x[1] for rs in rendering_table(r for e in entries for r in learn(e)).values() for x in rs} if learn else set()
    total: Counter[str] = Counter()
    print(f"{'list':28s} {'cn orgs':>7s} {'own':>5s} {'+join':>6s} {'+table':>7s} {'+rendering':>10s}")
    for wl in lists:
        if wl.id in FOREIGN_TARGETS:
            continue
        cn = [e for e in wl.entries if (e.country or "").lower() in ("cn", "hk", "mo") and e.schema != "Person"]
        own = [e for e in cn if chinese_names(e)]
        joined = [e for e in cn if zh_by_cluster[knowledge.cluster_of(e.id)]]
        tabled = [e for e in cn if zh_by_cluster[knowledge.cluster_of(e.id)] or zh_table[with_table.cluster_of(e.id)]]
        rendered = [e for e in cn if e in tabled or _has_brand(e, brands)]
        for k, v in (("n", cn), ("own", own), ("join", joined), ("table", tabled), ("rendering", rendered)):
            total[k] += len(v)
        print(f"{wl.id:28s} {len(cn):7d} {len(own):5d} {len(joined):6d} {len(tabled):7d} {len(rendered):10d}")
    n = max(total["n"], 1)
    print(f"{'all':28s} {total['n']:7d} {total['own']:5d} {total['join']:6d} {total['table']:7d} {total['rendering']:10d}"
          f"   ({total['own'] / n:.1%} / {total['join'] / n:.1%} / {total['table'] / n:.1%} / {total['rendering'] / n:.1%})")


def _has_brand(e: ListEntry, brands: set[str]) -> bool:
    for name in e.all_names():
        if HAN.search(name):
            continue
        words = " ".join(parse(name).readings[0])
        if any(re.search(rf"\b{re.escape(b)}\b", words) for b in brands):
            return True
    return False


def ten() -> None:
    screener = default_screener()
    print(f"\n{'name':10s} {'hits':>4s} {'via rendering':>13s}  lists")
    for q in TEN:
        r = screener.screen(q)
        rendered = sum(1 for h in r.hits if "list_rendering" in h.features)
        lists = ",".join(sorted({h.list_id.removeprefix("us-") for h in r.hits}))
        print(f"{q:10s} {len(r.hits):4d} {rendered:13d}  {lists}")


def _corpus_names() -> list[str]:
    names: set[str] = set()
    for path in (ROOT / "corpus/train/zh.jsonl", ROOT / "corpus/extra/zh.jsonl"):
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            for ent in doc.get("entities", []):
                if ent.get("type") in ORG_TYPES:
                    names.update(m["text"] for m in ent.get("mentions", []) if HAN.search(m["text"]))
                    if HAN.search(ent.get("name", "")):
                        names.add(ent["name"])
    return sorted(names)


def _offlist_names() -> list[str]:
    path = ROOT / "benchmarks/data/offlist_names.tsv"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) >= 3:
            out.append(cols[2])
    return out


def audit(show: bool) -> None:
    screener = default_screener()
    for label, names in (("corpus (train+extra) zh organisations", _corpus_names()), ("off-list names", _offlist_names())):
        listed = rendered_only = 0
        shown = []
        for q in names:
            r = screener.screen(q)
            if r.hits:
                listed += 1
            only = [h for h in r.hits if "list_rendering" in h.features]
            if only and len(only) == len(r.hits):
                rendered_only += 1
            shown.extend((q, h) for h in only)
        print(f"\n{label}: {len(names)} names screened, {listed} listed, {rendered_only} listed only through a rendering, "
              f"{len(shown)} hits through a rendering")
        if show:
            for q, h in shown:
                print(f"  {q} -> {h.entry_name} ({h.list_id}) {h.score:.2f}: {h.features['list_rendering']['detail']}")


def main() -> int:
    coverage()
    ten()
    audit("--audit" in sys.argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
