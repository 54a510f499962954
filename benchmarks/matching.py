"""Name-matching benchmark: mcfwatch vs nomenklatura logic-v2 vs a rapidfuzz token-sort baseline.

    .venv/bin/python benchmarks/matching.py            # builds benchmarks/data/pairs.jsonl, prints the tables
    .venv/bin/python benchmarks/matching.py --quick    # fewer throughput queries
    .venv/bin/python benchmarks/matching.py --offlist-only --split dev   # the off-list pairs alone (tuning)

Off-list cross-script pairs (benchmarks/data/offlist_pairs.jsonl, built from offlist_names.tsv): foreign
universities, companies, cities and research bodies that no shipped list names, in their usual Chinese press
rendering against their English name, and as many hard negatives (the Chinese name of one body against the
English name of another of the same kind and country, plus hand-picked ones). Names only: mcfwatch runs with
no list knowledge. Each body falls in the dev half or the test half by a hash of its Chinese name; the dev
half is the one tuned on, the test half is scored once and reported beside it.

Pairs are built from the shipped watchlists themselves (positives: two names of one entry; negatives:
names of two different entries of the same list that share words or characters, plus hand-written
traps). nomenklatura runs in the same run: in this interpreter if it imports, else in the separate
venv .venv-bench (`python3.11 -m venv .venv-bench && .venv-bench/bin/pip install nomenklatura`);
it is skipped, saying so, when neither has it. Every nomenklatura entity gets a unique id (logic-v2
caches name analysis by entity id).

Rows for mcfwatch:
- "mcfwatch" = as shipped: uses the lists' aliases and Chinese names. The pairs come from those lists,
  so on list pairs this is an upper bound, not a fair comparison.
- "mcfwatch names-only" = the same algorithm with no list knowledge (only its word-rarity statistics,
  its glossary and its acronym/short-name table of ~60 organisations). This is the fair row.
"""

from __future__ import annotations

import json
import sys

if len(sys.argv) > 2 and sys.argv[1] == "--nk-worker":  # runs under .venv-bench: nomenklatura only
    from followthemoney import model
    from nomenklatura.matching import get_algorithm

    algo = get_algorithm("logic-v2")
    cfg = algo.default_config()
    with open(sys.argv[2], encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for i, row in enumerate(rows):
        schema = "Person" if row.get("schema") == "Person" else "Organization"
        a = model.make_entity(schema)
        a.id = f"q-{i}"
        a.add("name", row["left"])
        b = model.make_entity(schema)
        b.id = f"r-{i}"
        b.add("name", row["right"])
        print(json.dumps({"score": float(algo.compare(a, b, cfg).score)}))
    sys.exit(0)

import argparse  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import zlib  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

from rapidfuzz import fuzz, utils  # noqa: E402

from mcfwatch.lists import load_lists  # noqa: E402
from mcfwatch.resolve.knowledge import Knowledge  # noqa: E402
from mcfwatch.resolve.matcher import Matcher  # noqa: E402
from mcfwatch.resolve.names import parse, variants_of  # noqa: E402
from mcfwatch.resolve.normalize import has_han, pinyin  # noqa: E402
from mcfwatch.resolve.screen import Screener  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "benchmarks" / "data" / "pairs.jsonl"
OFFLIST_NAMES = ROOT / "benchmarks" / "data" / "offlist_names.tsv"
OFFLIST_PAIRS = ROOT / "benchmarks" / "data" / "offlist_pairs.jsonl"
OFFLIST_NEGATIVES = [  # hand-picked: the same kind, the same country, names that share words
    ("伦敦大学学院", "King's College London"), ("伦敦国王学院", "University College London"),
    ("墨尔本大学", "Monash University"), ("莫纳什大学", "University of Melbourne"),
    ("剑桥大学", "University of Oxford"), ("牛津大学", "University of Cambridge"),
    ("都柏林大学", "Trinity College Dublin"), ("都柏林大学圣三一学院", "University College Dublin"),
    ("达索系统", "Dassault Aviation SA"), ("达索航空", "Dassault Systèmes SE"),
    ("慕尼黑工业大学", "Ludwig Maximilian University of Munich"), ("慕尼黑大学", "Technical University of Munich"),
    ("柏林工业大学", "Technical University of Munich"), ("柏林自由大学", "Humboldt University of Berlin"),
    ("加州大学伯克利分校", "University of California, Los Angeles"), ("通用电气", "General Motors Company"),
    ("通用汽车", "General Electric Company"), ("悉尼大学", "University of Technology Sydney"),
    ("悉尼科技大学", "University of Sydney"), ("韩国科学技术院", "Korea Institute of Science and Technology"),
    ("韩国科学技术研究院", "Korea Advanced Institute of Science and Technology"),
    ("洛桑大学", "Swiss Federal Institute of Technology Lausanne"), ("苏黎世大学", "Swiss Federal Institute of Technology in Zurich"),
    ("马德里自治大学", "Complutense University of Madrid"), ("巴塞罗那大学", "Autonomous University of Barcelona"),
    ("俄亥俄州立大学", "Ohio University"), ("华盛顿大学", "George Washington University"),
    ("科克市", "Cork County Council"), ("科克郡", "Cork City Council"), ("伊利诺伊州", "University of Illinois Urbana-Champaign"),
    # listed bodies that screening took these names for (session 27 audit): one shared word, or a kind that differs
    ("高丽大学", "Air Koryo"), ("巴斯德研究所", "Pasteur Institute of Iran"), ("罗氏公司", "Roche Consulting Limited"),
    ("中国通信科技集团", "CHINA COMMUNICATIONS GROUP CO. LTD"), ("贵州航空工程学院", "Guizhou Aviation Tech"),
]
BENCH_VENV = ROOT / ".venv-bench" / "bin" / "python"
THRESHOLD = 0.7
CROSS = {"en-zh", "en-zh-foreign", "zh-pinyin", "registered"}
# PRC countermeasure lists name foreign (mostly US) companies and people in Chinese transliteration
FOREIGN_IN_CHINESE = {"cn-mofcom-lists", "cn-countersanctions"}
ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")

TRAPS = [  # (left, right, same?) written by hand from the research notes
    ("Nanjing University", "Nanjing University of Aeronautics and Astronautics", False),
    ("南京大学", "南京航空航天大学", False),
    ("Nanjing University", "南京航空航天大学", False),
    ("Harbin Institute of Technology", "Harbin Engineering University", False),
    ("哈尔滨工业大学", "哈尔滨工程大学", False),
    ("Beijing Institute of Technology", "Beijing University of Technology", False),
    ("北京理工大学", "北京工业大学", False),
    ("China Aerospace Science and Technology Corporation", "China Aerospace Science and Industry Corporation", False),
    ("CASC", "CASIC", False),
    ("CETC", "China Electronics Corporation", False),
    ("China Electronics Technology Group Corporation", "China Electronics Corporation", False),
    ("the 14th Research Institute of CETC", "the 38th Research Institute of CETC", False),
    ("中国电子科技集团公司第十四研究所", "中国电子科技集团公司第三十八研究所", False),
    ("CAEP 9th Research Institute", "CAEP 6th Research Institute", False),
    ("张伟", "张薇", False),
    ("Northwestern Polytechnical University", "Northwestern Polytechnic University", True),
    ("Lizhong Group", "Hebei Lizhong", True),
    ("Lizhong Group", "立中集团", True),
    ("Huawei Technologies Co., Ltd.", "华为技术有限公司", True),
    ("China Electronics Technology Group Corporation", "CETC", True),
    ("the 14th Research Institute of CETC", "中国电子科技集团公司第十四研究所", True),
    ("Beihang University", "Beijing University of Aeronautics and Astronautics", True),
    ("Xibei Gongye Daxue", "西北工业大学", True),
    ("National University of Defense Technology", "国防科技大学", True),
    ("Shanghai Jiao Tong University", "Shanghai Jiaotong University", True),
    ("Zhang Wei", "张伟", True),
    ("张伟", "張偉", True),
    ("Hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd.", True),
    # usertry s28: a Chinese name read through common-word glosses is not Taiwan's AIDC; another Xi'an firm
    ("航天工业发展股份有限公司", "Aerospace Industrial Development Corp.", False),
    ("Xi'an Aero-Engine PLC", "Xian Aero-Engine Controls Co., Ltd.", False),
    ("Xi'an Aero-Engine PLC", "中国航空发动机集团有限公司", False),  # a Xi'an firm, not AECC itself (a group member)
    ("通用电气", "General Electric Company", True),  # CC-CEDICT publishes the Chinese name as GE's
    ("中国航空工业集团", "Aviation Industry Corporation of China", True),
    ("中国电子科技集团", "China Electronics Technology Group Corporation", True),
]

# Registered Chinese names (and their pinyin) of bodies the lists print in English only: the English name as a
# shipped list prints it, the name the body is registered under, the source of that name. Positives ("registered").
REGISTERED = [
    ("Huawei Technologies Co., Ltd.", "华为技术有限公司", "Huawei Jishu Youxian Gongsi",
     "Huawei annual report: registered name of the operating company"),
    ("ZTE Corporation", "中兴通讯股份有限公司", "Zhongxing Tongxun Gufen Youxian Gongsi", "SZSE 000063 / HKEX 0763"),
    ("Hangzhou Hikvision Digital Technology Co., Ltd.", "杭州海康威视数字技术股份有限公司",
     "Hangzhou Haikang Weishi Shuzi Jishu Gufen Youxian Gongsi", "SZSE 002415"),
    ("Dahua Technology Company", "浙江大华技术股份有限公司", "Zhejiang Dahua Jishu Gufen Youxian Gongsi", "SZSE 002236"),
    ("China Electronics Technology Group Corporation 38th Research Institute (CETC 38)",
     "中国电子科技集团公司第三十八研究所", "Zhongguo Dianzi Keji Jituan Gongsi Di Sanshiba Yanjiusuo", "CETC: member units"),
    ("China Electronics Technology Group Corporation 14th Research Institute (CETC 14)",
     "中国电子科技集团公司第十四研究所", "Zhongguo Dianzi Keji Jituan Gongsi Di Shisi Yanjiusuo", "CETC: member units"),
    ("China Electronics Technology Group Corporation 13th Research Institute (CETC 13)",
     "中国电子科技集团公司第十三研究所", "Zhongguo Dianzi Keji Jituan Gongsi Di Shisan Yanjiusuo", "CETC: member units"),
    ("China Electronics Technology Group Corporation 55th Research Institute (CETC55)",
     "中国电子科技集团公司第五十五研究所", "Zhongguo Dianzi Keji Jituan Gongsi Di Wushiwu Yanjiusuo", "CETC: member units"),
    ("China Electronics Technology Group Corporation 48th Research Institute",
     "中国电子科技集团公司第四十八研究所", "Zhongguo Dianzi Keji Jituan Gongsi Di Sishiba Yanjiusuo", "CETC: member units"),
    ("AVIC Xi’an Aircraft Industry Group Company Ltd.", "中航西安飞机工业集团股份有限公司",
     "Zhonghang Xi'an Feiji Gongye Jituan Gufen Youxian Gongsi", "SZSE 000768"),
    ("AVIC Shenyang Aircraft Company Limited", "中航沈飞股份有限公司", "Zhonghang Shenfei Gufen Youxian Gongsi",
     "SSE 600760"),
    ("AVIC Chengdu Aircraft Industrial (GROUP) Co., Ltd.", "成都飞机工业（集团）有限责任公司",
     "Chengdu Feiji Gongye (Jituan) Youxian Zeren Gongsi", "AVIC: member units"),
    ("CHINA ACADEMY OF LAUNCH VEHICLE TECHNOLOGY", "中国运载火箭技术研究院", "Zhongguo Yunzai Huojian Jishu Yanjiuyuan",
     "CASC: member units (the First Academy)"),
    ("China Aerospace Science and Industry Corporation Second Academy", "中国航天科工集团第二研究院",
     "Zhongguo Hangtian Kegong Jituan Di Er Yanjiuyuan", "CASIC: member units"),
    ("China Aerospace Science and Industry Corporation (CASIC) Fourth Academy, and its subunits and successors",
     "中国航天科工集团第四研究院", "Zhongguo Hangtian Kegong Jituan Di Si Yanjiuyuan", "CASIC: member units"),
]


def romanise(zh: str, rng: random.Random) -> str:
    """A pinyin spelling as people write it: words capitalised, syllables joined in pairs or spaced."""
    syl = pinyin(zh).split()
    words = ["".join(syl[i : i + 2]) for i in range(0, len(syl), 2)] if rng.random() < 0.5 else syl
    return " ".join(w.capitalize() for w in words)


def _bare(name: str) -> str:
    """A listed name without the list's remark in brackets: "Li Fangwei (China)", "Emily Liu (individual)" and
    "Brian Douglas Woodford (See alternate address under Singapore)" are one party listed twice, never a negative."""
    return re.sub(r"\s*[(（][^()（）]*[)）]", "", name).strip() or name


def build_pairs(seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    lists = load_lists()
    entries = [(wl, e) for wl in lists for e in wl.entries]
    know = Knowledge.from_sources([e for _, e in entries], table=False)
    pairs: list[dict] = []

    def add(kind: str, left: str, right: str, same: bool, schema: str, src: str) -> None:
        if kind == "en-zh" and src.split(":")[0] in FOREIGN_IN_CHINESE:
            kind = "en-zh-foreign"  # a foreign party's name written in Chinese (transliterated)
        if left and right and left != right:
            pairs.append({"left": left, "right": right, "kind": kind, "label": same, "schema": schema, "source": src})

    by_list_words: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_list_chars: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pos, (wl, e) in enumerate(entries):
        latin = [n for n in variants_of(e.name) if not has_han(n)]
        zh = [n for n in e.names_zh if has_han(n)] + [n for n in variants_of(e.name) if has_han(n) and n != e.name]
        aliases = [a for a in e.aliases if not has_han(a)]
        name = latin[0] if latin else e.name
        # positives
        multi = [a for a in aliases if len(a.split()) > 1 and parse(a).key != parse(name).key]
        if multi:
            add("en-en", name, rng.choice(multi), True, e.schema, e.id)
        if zh and not has_han(name):
            add("en-zh", name, zh[0], True, e.schema, e.id)
            add("zh-pinyin", zh[0], romanise(zh[0], rng), True, e.schema, e.id)
        acr = [a for a in aliases if ACRONYM.match(a)]
        if acr and not has_han(name):
            add("acronym-full", acr[0], name, True, e.schema, e.id)
        for w in parse(name).tokens:
            by_list_words[(wl.id, w)].append(pos)
        for z in zh[:1]:
            for ch in set(parse(z).han):
                by_list_chars[(wl.id, ch)].append(pos)
    # negatives: two entries of one list sharing rare words (or characters), not the same organisation
    def other_of(pos: int, index: dict, keys: list[tuple[str, str]]) -> int | None:
        pool = [p for k in keys if len(index.get(k, ())) <= 60 for p in index[k] if p != pos]
        if not pool:
            return None
        counts: dict[int, int] = defaultdict(int)
        for p in pool:
            counts[p] += 1
        best = max(counts.values())
        choice = rng.choice(sorted(p for p, c in counts.items() if c == best))
        ca = know.cluster_of(entries[pos][1].id)
        cb = know.cluster_of(entries[choice][1].id)
        same_name = parse(_bare(entries[pos][1].name)).key == parse(_bare(entries[choice][1].name)).key
        return None if ca == cb or same_name else choice

    for pos, (wl, e) in enumerate(entries):
        latin = [n for n in variants_of(e.name) if not has_han(n)]
        name = latin[0] if latin else e.name
        zh = [n for n in e.names_zh if has_han(n)] + [n for n in variants_of(e.name) if has_han(n) and n != e.name]
        o = other_of(pos, by_list_words, [(wl.id, w) for w in parse(name).tokens])
        if o is not None and not has_han(name):
            _, f = entries[o]
            fl = [n for n in variants_of(f.name) if not has_han(n)]
            if fl:
                add("en-en", name, fl[0], False, e.schema, f"{e.id}|{f.id}")
            fz = [n for n in f.names_zh if has_han(n)]
            if fz:
                add("en-zh", name, fz[0], False, e.schema, f"{e.id}|{f.id}")
            facr = [a for a in f.aliases if ACRONYM.match(a)]
            if facr:
                add("acronym-full", facr[0], name, False, e.schema, f"{e.id}|{f.id}")
        if zh:
            o = other_of(pos, by_list_chars, [(wl.id, ch) for ch in set(parse(zh[0]).han)])
            if o is not None:
                _, f = entries[o]
                fz = [n for n in f.names_zh if has_han(n)] + [n for n in variants_of(f.name) if has_han(n) and n != f.name]
                if fz:
                    add("zh-pinyin", zh[0], romanise(fz[0], rng), False, e.schema, f"{e.id}|{f.id}")
                    fl = [n for n in variants_of(f.name) if not has_han(n)]
                    if fl:
                        add("en-zh", fl[0], zh[0], False, e.schema, f"{e.id}|{f.id}")
    for left, right, same in TRAPS:
        add("trap", left, right, same, "Person" if left in ("张伟", "Zhang Wei") else "Organization", "traps")
    for english, chinese, spelled, source in REGISTERED:
        add("registered", english, chinese, True, "Organization", f"registered: {source}")
        add("registered", english, spelled, True, "Organization", f"registered (pinyin): {source}")
    seen: set[tuple[str, str]] = set()
    unique = []
    for p in pairs:
        k = (p["left"], p["right"])
        if k not in seen:
            seen.add(k)
            unique.append(p)
    for i, p in enumerate(unique):
        p["id"] = f"p{i:05d}"
    return unique


def _split(zh: str) -> str:
    return "dev" if zlib.crc32(zh.encode("utf-8")) % 2 == 0 else "test"


def build_offlist_pairs(seed: int = 5) -> list[dict]:
    """Positives from offlist_names.tsv, one hard negative per body (same kind and country, same half), and
    the hand-picked negatives; each pair in the half of its Chinese name's body."""
    rng = random.Random(seed)
    bodies = []
    for line in OFFLIST_NAMES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            country, kind, zh, en = line.split("\t")
            bodies.append({"country": country, "kind": kind, "zh": zh, "en": en, "split": _split(zh)})
    pairs: list[dict] = []
    for b in bodies:
        pairs.append({"left": b["zh"], "right": b["en"], "kind": b["kind"], "country": b["country"], "label": True})
        same = [o for o in bodies if o is not b and o["split"] == b["split"] and o["kind"] == b["kind"]]
        close = [o for o in same if o["country"] == b["country"]] or same
        other = rng.choice(close)
        pairs.append({"left": b["zh"], "right": other["en"], "kind": b["kind"], "country": b["country"], "label": False})
    by_zh = {b["zh"]: b for b in bodies}
    for zh, en in OFFLIST_NEGATIVES:
        b = by_zh[zh]
        pairs.append({"left": zh, "right": en, "kind": b["kind"], "country": b["country"], "label": False})
    seen: set[tuple[str, str]] = set()
    out = []
    for p in pairs:
        if (p["left"], p["right"]) in seen:
            continue
        seen.add((p["left"], p["right"]))
        p["split"] = by_zh[p["left"]]["split"]
        p["schema"] = "Organization"
        p["id"] = f"o{len(out):04d}"
        out.append(p)
    return out


def offlist(names_only: Matcher, full: Matcher, splits: tuple[str, ...]) -> None:
    """Score the off-list pairs per half and kind: mcfwatch names-only, mcfwatch as shipped (what
    `mcfwatch compare --pairs` uses: the lists' knowledge too), nomenklatura logic-v2, rapidfuzz."""
    pairs = build_offlist_pairs()
    OFFLIST_PAIRS.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), encoding="utf-8")
    countries = sorted({p["country"] for p in pairs})
    print(f"\noff-list cross-script pairs: {len(pairs)} ({sum(p['label'] for p in pairs)} positive), "
          f"{len(countries)} countries, written to {OFFLIST_PAIRS.relative_to(ROOT)}")
    use = [p for p in pairs if p["split"] in splits]
    scores: dict[str, list[float]] = {}
    t = time.perf_counter()
    scores["mcfwatch names-only"] = [names_only.compare(p["left"], p["right"]).score for p in use]
    mt = time.perf_counter() - t
    scores["mcfwatch (as shipped)"] = [full.compare(p["left"], p["right"]).score for p in use]
    scores["rapidfuzz token_sort"] = [
        fuzz.token_sort_ratio(p["left"], p["right"], processor=utils.default_process) / 100 for p in use
    ]
    nk, where = nomenklatura_scores(use)
    if nk is not None:
        scores["nomenklatura logic-v2"] = nk
    print(f"nomenklatura: {where}; mcfwatch {mt / max(len(use), 1) * 1e6:.0f} µs per pair")
    kinds = sorted({p["kind"] for p in use})
    for split in splits:
        print(f"\n{split} half: P / R / F1 at threshold {THRESHOLD}")
        groups = [*kinds, "all"]
        print(f"{'matcher':24}" + "".join(f"{g:>22}" for g in groups))
        for label, sc in scores.items():
            cells = []
            for g in groups:
                rows = [(p["label"], s >= THRESHOLD) for p, s in zip(use, sc, strict=True)
                        if p["split"] == split and (g == "all" or p["kind"] == g)]
                pr, rc, f1, n = prf(rows)
                cells.append(f"{pr:.2f}/{rc:.2f}/{f1:.2f} n{n}")
            print(f"{label:24}" + "".join(f"{c:>22}" for c in cells))
    if os.environ.get("MCFWATCH_BENCH_ERRORS"):
        print("\nerrors (mcfwatch names-only):")
        for p, s in zip(use, scores["mcfwatch names-only"], strict=True):
            if (s >= THRESHOLD) != p["label"]:
                c = names_only.compare(p["left"], p["right"])
                print(f"  {p['split']} {'FN' if p['label'] else 'FP'} {s:.2f} {p['left']} | {p['right']} | "
                      + "; ".join(f"{k} {v.score:.2f} {v.detail}" for k, v in c.features.items()))


def prf(rows: list[tuple[bool, bool]]) -> tuple[float, float, float, int]:
    tp = sum(1 for y, p in rows if y and p)
    fp = sum(1 for y, p in rows if not y and p)
    fn = sum(1 for y, p in rows if y and not p)
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, len(rows)


def nomenklatura_scores(pairs: list[dict]) -> tuple[list[float] | None, str]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for p in pairs:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
        tmp = fh.name
    for python in (sys.executable, str(BENCH_VENV)):
        if not Path(python).exists():
            continue
        probe = subprocess.run([python, "-c", "import nomenklatura"], capture_output=True)
        if probe.returncode != 0:
            continue
        out = subprocess.run([python, __file__, "--nk-worker", tmp], capture_output=True, text=True)
        if out.returncode != 0:
            return None, f"nomenklatura failed: {out.stderr.strip().splitlines()[-1:]}"
        return [json.loads(line)["score"] for line in out.stdout.splitlines()], python
    return None, "nomenklatura not installed (pip install nomenklatura into .venv-bench); row skipped"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--offlist-only", action="store_true", help="only the off-list cross-script pairs")
    ap.add_argument("--split", choices=["dev", "test", "both"], default="both", help="off-list half to score")
    args = ap.parse_args()
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    if args.offlist_only:
        screener = Screener(load_lists())
        offlist(Matcher(Knowledge.from_sources([], table=True), screener.index.vocabulary), screener.matcher, splits)
        return
    t0 = time.perf_counter()
    pairs = build_pairs()
    PAIRS.parent.mkdir(parents=True, exist_ok=True)
    PAIRS.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), encoding="utf-8")
    kinds = sorted({p["kind"] for p in pairs})
    n_cross = sum(1 for p in pairs if p["kind"] in CROSS)
    print(f"pairs: {len(pairs)} ({sum(p['label'] for p in pairs)} positive, {n_cross} cross-script) "
          f"written to {PAIRS.relative_to(ROOT)} in {time.perf_counter() - t0:.1f}s")

    lists = load_lists()
    t1 = time.perf_counter()
    screener = Screener(lists)
    build_s = time.perf_counter() - t1
    full = screener.matcher
    names_only = Matcher(Knowledge.from_sources([], table=True), screener.index.vocabulary)
    bare = Matcher(Knowledge.from_sources([], table=False), screener.index.vocabulary)

    scores: dict[str, list[float]] = {}
    timing: dict[str, float] = {}
    for label, m in (("mcfwatch", full), ("mcfwatch names-only", names_only), ("mcfwatch no tables", bare)):
        t = time.perf_counter()
        scores[label] = [m.compare(p["left"], p["right"]).score for p in pairs]
        timing[label] = time.perf_counter() - t
    t = time.perf_counter()
    scores["rapidfuzz token_sort"] = [
        fuzz.token_sort_ratio(p["left"], p["right"], processor=utils.default_process) / 100 for p in pairs
    ]
    timing["rapidfuzz token_sort"] = time.perf_counter() - t
    t = time.perf_counter()
    nk, where = nomenklatura_scores(pairs)
    if nk is not None:
        scores["nomenklatura logic-v2"] = nk
        timing["nomenklatura logic-v2"] = time.perf_counter() - t
    print(f"nomenklatura: {where}")

    print(f"\nP / R / F1 at threshold {THRESHOLD} (n = pairs per kind)")
    groups = [*kinds, "cross-script", "same-script", "all"]
    header = f"{'matcher':24}" + "".join(f"{g:>22}" for g in groups)
    print(header)
    table: dict[str, dict[str, float]] = {}
    for label, sc in scores.items():
        cells = []
        table[label] = {}
        for g in groups:
            rows = [
                (p["label"], s >= THRESHOLD) for p, s in zip(pairs, sc, strict=True)
                if g == "all" or p["kind"] == g or (g == "cross-script" and p["kind"] in CROSS)
                or (g == "same-script" and p["kind"] not in CROSS)
            ]
            pr, rc, f1, n = prf(rows)
            table[label][g] = f1
            cells.append(f"{pr:.2f}/{rc:.2f}/{f1:.2f} n{n}")
        print(f"{label:24}" + "".join(f"{c:>22}" for c in cells))
    print("\ncomparison time per pair: " + ", ".join(f"{k} {v / len(pairs) * 1e6:.0f} µs" for k, v in timing.items()))
    if "nomenklatura logic-v2" in table:
        for mine in ("mcfwatch names-only", "mcfwatch"):
            d = {g: table[mine][g] - table["nomenklatura logic-v2"][g] for g in ("cross-script", "same-script", "all")}
            print(f"F1 {mine} minus nomenklatura: " + ", ".join(f"{g} {v:+.3f}" for g, v in d.items()))
    offlist(names_only, full, splits)

    # throughput: screen 10,000 names (list names in every script and pinyin, plus unlisted names)
    rng = random.Random(11)
    pool = [p["left"] for p in pairs] + [p["right"] for p in pairs]
    queries = [rng.choice(pool) for _ in range(10_000)]
    total = len(queries) if not args.quick else 2_000
    parse.cache_clear()  # no query starts parsed; the index's own names are re-parsed as needed
    t = time.perf_counter()
    screener.screen_many(queries[:total])  # one process
    dt = time.perf_counter() - t
    per10k = dt * 10_000 / total
    parse.cache_clear()
    t = time.perf_counter()
    screener.screen_many(queries[:total], workers=2)
    par = (time.perf_counter() - t) * 10_000 / total
    lat = []
    for q in queries[total - 1000 : total] if total >= 1000 else queries[:1000]:
        s = time.perf_counter()
        screener.screen(q)
        lat.append((time.perf_counter() - s) * 1000)
    lat.sort()
    p50, p95 = statistics.median(lat), lat[int(0.95 * len(lat)) - 1]
    n_entries = sum(len(wl.entries) for wl in lists)
    print(f"\nscreening against {len(lists)} lists, {n_entries} entries, {len(screener.index.names)} indexed names "
          f"(index built in {build_s:.1f}s, once per process)")
    print(f"batch (screen_many, one process): {total} names in {dt:.2f}s -> {per10k:.2f}s per 10,000 names "
          f"(target < 10 s); two forked workers: {par:.1f}s per 10,000")
    print(f"single query latency: p50 {p50:.2f} ms, p95 {p95:.2f} ms (target p95 < 20 ms)")
    t = time.perf_counter()
    base = [(q, max(pool[:2000], key=lambda n, q=q: fuzz.token_sort_ratio(q, n))) for q in queries[:200]]
    bdt = time.perf_counter() - t
    print(f"baseline, brute-force rapidfuzz over 2,000 names (no index): {bdt / len(base) * 1000:.1f} ms per query")


if __name__ == "__main__":
    main()
