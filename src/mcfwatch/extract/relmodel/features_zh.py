"""Chinese candidate features from characters alone (no segmentation, no parse): both types; the text between
the two parties with other names masked as ``□Type``, as character uni-, bi- and trigrams plus its first and
last two characters; three characters either side; clause punctuation between; the positional structure of the
pair (adjacent, same clause, across clauses); distance buckets; modality cues before the first party and in
between (``zh.triggers.MODALITY``); bigrams of the rest of the second party's clause and of the start of the
first's, and whether that clause names a sum (the verb often follows both parties: A向B提供资金800万元). No
entity strings are listed. Trigger words are not listed: the n-grams learn them from the annotations.
"""

from __future__ import annotations

import re

from mcfwatch.extract.relmodel.candidates import Candidate
from mcfwatch.extract.zh import triggers as tg

_CLAUSE = "，,：:；;、"
_MONEY = re.compile(r"\d[\d,.]*\s*(?:万|亿)?(?:元|美元|欧元|英镑|日元|卢布)")


def _bucket(n: int) -> str:
    for b in (0, 1, 2, 4, 8, 16, 32, 64):
        if n <= b:
            return str(b)
    return "64+"


def _masked(text: str, start: int, end: int, cand: Candidate) -> str:
    out: list[str] = []
    pos = start
    for m in sorted(cand.between, key=lambda m: m.start):
        if m.start < pos or m.end > end:
            continue
        out.append(text[pos:m.start])
        out.append("□" + m.type[0])
        pos = m.end
    out.append(text[pos:end])
    return "".join(out)


def features(text: str, cand: Candidate) -> list[str]:
    t1, t2 = cand.first.type, cand.second.type
    tp = f"{t1}|{t2}"
    f = [f"t1={t1}", f"t2={t2}", f"tp={tp}"]
    carried = cand.first.end <= cand.sent_start  # the subject an earlier sentence gave
    left = max(cand.first.end, cand.sent_start)
    between = _masked(text, left, cand.second.start, cand)
    n = cand.second.start - left
    if carried:
        f += ["carried", f"tp_carried={tp}"]
    f += [f"dist={_bucket(n)}", f"nbetween={_bucket(len(cand.between))}"]
    clauses = sum(between.count(c) for c in _CLAUSE)
    structure = "adjacent" if n == 0 else ("clause" if clauses == 0 else "across")
    f += [f"pos={structure}", f"tp_pos={tp}|{structure}", f"nclause={_bucket(clauses)}"]
    if between:
        f += [f"bc={c}" for c in set(between)]
        f += [f"b2={between[k:k + 2]}" for k in range(len(between) - 1)]
        f += [f"b3={between[k:k + 3]}" for k in range(len(between) - 2)]
        f += [f"bfirst={between[:2]}", f"blast={between[-2:]}", f"tp_bfirst={tp}|{between[:2]}",
              f"tp_blast={tp}|{between[-2:]}"]
        if len(between) <= 4:
            f.append(f"ball={between}")
        if tg.MODALITY.search(between) or tg.WILL.search(between) or tg.WILL_DO.search(between):
            f.append("modal_between")
    else:
        f.append("bc=<none>")
    before = "" if carried else text[max(cand.sent_start, cand.first.start - 3):cand.first.start]
    after = text[cand.second.end:min(cand.sent_end, cand.second.end + 3)]
    f += [f"pre1={before[-1:]}", f"pre2={before[-2:]}", f"post1={after[:1]}", f"post2={after[:2]}",
          f"post3={after[:3]}"]
    f += [f"a2={after[k:k + 2]}" for k in range(len(after) - 1)]
    head = text[cand.sent_start:left]
    if tg.MODALITY.search(head[-12:]) or tg.WILL.search(head[-12:]):
        f.append("modal_before")
    # the verb follows both parties (A正在与B洽谈签署…): a cue right after the second one is as good as between
    tail = re.split(f"[{_CLAUSE_END}]", text[cand.second.end:min(cand.sent_end, cand.second.end + _TAIL)])[0]
    if "modal_between" not in f and (tg.MODAL_DO.match(tail) or tg.WILL_DO.match(tail)):
        f.append("modal_between")
    f += _clause_context(text, cand, tp, carried)
    return f


_CLAUSE_END = "，,。；;！？!?\n"
_WINDOW = 12
_TAIL = 8  # characters after the second party read for a modal cue


def _clause_context(text: str, cand: Candidate, tp: str, carried: bool) -> list[str]:
    """The rest of the second party's clause and the start of the first party's: Chinese puts the verb after
    both parties (A与B在北京签署了协议, A向B提供资金800万元, 由A和B联合主办), out of reach of the three characters
    around them. Bigrams of each (conjoined with the type pair too), and whether the clause names a sum."""
    end = cand.second.end
    stop = min([k for k in (text.find(c, end, cand.sent_end) for c in _CLAUSE_END) if k >= 0], default=cand.sent_end)
    after = text[end:min(stop, end + _WINDOW)]
    out = [f"c2={after[k:k + 2]}" for k in range(len(after) - 1)]
    if not carried:
        start = cand.first.start
        opened = max([text.rfind(c, cand.sent_start, start) for c in _CLAUSE_END] + [cand.sent_start - 1]) + 1
        before = text[max(opened, start - _WINDOW):start]
        out += [f"c1={before[k:k + 2]}" for k in range(len(before) - 1)]
    if _MONEY.search(text, end, stop):
        out += ["sum_after", f"tp_sum={tp}"]
    return out
