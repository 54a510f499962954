"""The last look at a Chinese document's relations, rules' and model's alike: readings the guide rules out whatever
scored them (docs/annotation.md 4.2, 4.9). ``extractor`` calls ``keep`` once per document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from mcfwatch.extract.relmodel.combine import Finding
from mcfwatch.extract.zh import parties
from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.relations import Item
from mcfwatch.extract.zh.undone import ACTS, undone

# Money a funding gives (docs/annotation.md 4.13: money, grants, loans, capital, fees; not technical support): 590
# of the 601 gold fundings of corpus/train + corpus/extra zh name one of these in their evidence (the rest 承担…项目
# of a funder's research contracts), and every sentence a funding trigger (``triggers.TRIGGERS``) reads does.
# An amount is a number before its currency (3000万美元, 五千万元), never a bare 元/万/亿 (电子元器件, 单元, 万物),
# a fee not 免费/浪费, shares 股份/股权 not any 股: all 601 gold funding sentences of corpus/train + corpus/extra zh
# (names masked) still match, with 承担…项目 for the research contracts
_MONEY = re.compile(r"资金|经费|补贴|补助|奖励|奖金|资助|贷款|授信|信贷|拨款|拨付|投资|融资|出资|注资|增资|捐|赞助|认购|入股|"
                    r"报酬|佣金|津贴|(?<![免浪消花])费|跟投|领投|加注|配套(?:资金|经费|费用|支持)|股份|股权|股本|持股|"
                    r"承担[^。；]{0,40}项目|\d\s*[万亿]?(?:美元|欧元|英镑|日元|港元|港币|卢布|元)|[万亿千百十]元|"
                    r"[万亿](?:美元|欧元|英镑|日元|港元)|人民币")
# 从(美国)X引进Y / 原X教授Y: X is where the recruit comes from, not who recruits
_FROM = re.compile(r"[从自原]$")


def keep(text: str, items: list[Item], found: Sequence[tuple[Finding, int]],
         sentence: Callable[[int], tuple[int, int]], refs: Sequence[Item] = ()) -> list[bool]:
    """For each (relation, sentence start) of ``found``: whether it stands. Dropped: a visit to, or a recruitment by,
    the person's own organisation (英国北沼大学副校长海伦·马什访问我校, the lead's probe); a recruitment whose
    recruiter the sentence names only as where the recruit comes from (从清华大学引进博士Y: 12 of the 49 false
    recruitments of the dev CV); the model's meeting of two hosts or two guests of one party
    (李强会见了耶伦，何立峰同耶伦举行会谈: not 李强–何立峰); a facilitation by a body the sentence names as an
    event's host (由A主办、B承办, 主办单位：A): hosting is organizer (docs/annotation.md 4.9), the lead's probe, or by a
    place (在新加坡代表处的牵线下: 1 of the 386 gold facilitations of corpus/train + corpus/extra zh has a place helping); the
    model's agreement of two partners of one signer (A还与B签订了…协议，并与C签署了…协议: not B–C); a funding in a
    sentence that names no money (庞巴迪向中国商飞提供的技术支持: help, the usertry report of session 27); an ownership
    or agreement the sentence tells as blocked, failed or planned (``undone``: 德国政府否决了A对B的收购, the usertry
    report of session 28; ``refs``: the bare nouns that stand for a party, 公司与X不存在任何业务往来)."""
    # lazily: relmodel.scorer imports the Chinese extractor's modules
    from mcfwatch.extract.relmodel.scorer import METHOD as MODEL

    home = parties.homes(text, items)
    # an entity is a place only if every item of it is one (a city and its government canonicalised alike: a body)
    bodies = {it.entity for it in items if it.type != "Place"}
    places = {it.entity for it in items if it.type == "Place"} - bodies
    met: dict[int, list[tuple[str, str]]] = {}
    for f, s in found:
        if f.type == "meeting":
            met.setdefault(s, []).append((f.source, f.target))
    named = sorted([*items, *refs], key=lambda it: it.start) if refs else items
    # each sentence masked once, not once per finding (a long sentence with many findings: the zh-extract review of
    # session 29, #6); names alone, and names with the bare-noun references for the veto
    masks: dict[tuple[tuple[int, int], bool], str] = {}

    def masked(span: tuple[int, int], with_refs: bool = False) -> str:
        key = (span, with_refs)
        if key not in masks:
            masks[key] = parties.mask(text, span[0], span[1], named if with_refs else items)
        return masks[key]

    out = []
    for f, s in found:
        if f.type in ACTS and undone(text, named, f.type, f.source, f.target, sentence(s),
                                     masked(sentence(s), True)):  # 否决了A对B的收购, 拟收购, 谈判破裂
            out.append(False)
        elif f.type == "visit":
            out.append((f.source, f.target) not in home)
        elif f.type == "recruitment":
            out.append((f.target, f.source) not in home and not _only_from(text, items, f.source, sentence(s)))
        elif f.type == "facilitation":  # a place helps no one (在新加坡代表处的牵线下: the office, not 新加坡)
            out.append(not _hosts(items, f.source, sentence(s), masked(sentence(s))) and f.source not in places)
        elif f.type == "funding":  # money given (4.13): 提供的技术支持 is help, not funding
            out.append(bool(_MONEY.search(masked(sentence(s)))))  # names masked: 股份有限公司
        elif f.type == "agreement" and f.method == MODEL:
            out.append(not _partners_apart(text, items, f.source, f.target, sentence(s)))
        elif f.type == "meeting" and f.method == MODEL:
            out.append(not _side_by_side(f.source, f.target, met.get(s, []), _seen(items, sentence(s))))
        else:
            out.append(True)
    return out


def _only_from(text: str, items: list[Item], entity: str, span: tuple[int, int]) -> bool:
    here = [it for it in items if it.entity == entity and span[0] <= it.start < span[1]]
    return bool(here) and all(_FROM.search(text, max(0, _glued_start(items, it) - 1), _glued_start(items, it))
                              for it in here)


def _glued_start(items: list[Item], it: Item) -> int:
    start = it.start
    while (glued := next((x for x in items if x.end == start and x.type == "Place"), None)) is not None:
        start = glued.start
    return start


def _seen(items: list[Item], span: tuple[int, int]) -> dict[str, tuple[int, int]]:
    """entity -> (its first, its last mention's start) in ``span``."""
    out: dict[str, tuple[int, int]] = {}
    for it in items:
        if span[0] <= it.start < span[1]:
            out[it.entity] = (out.get(it.entity, (it.start, 0))[0], it.start)
    return out


def _side_by_side(a: str, b: str, pairs: list[tuple[str, str]], seen: dict[str, tuple[int, int]]) -> bool:
    """a and b each met a third party c of the sentence, named before both of them (two guests: C分别会见了A、B),
    or between them and again after both (two hosts: A会见了C，B同C举行会谈): a and b stand on the same side."""
    if a not in seen or b not in seen:
        return False
    met_a = {y if x == a else x for x, y in pairs if a in (x, y)} - {a, b}
    met_b = {y if x == b else x for x, y in pairs if b in (x, y)} - {a, b}
    lo, hi = sorted((seen[a][0], seen[b][0]))
    return any(seen[c][0] < lo or (seen[c][0] < hi < seen[c][1]) for c in met_a & met_b if c in seen)


# A (、B)(共同/联合)主办/承办/协办/举办 right after the body, or the body in a 主办单位： list
_HOSTS_AFTER = re.compile(r"(?:[、和与及]□+)*(?:等[^，,。；]{0,6})?(?:共同|联合)?(?:主办|承办|协办|举办)")
_HOST_LIST = re.compile(r"(?:主办|承办|协办)(?:单位|方)\s*[：:][^。；;\n]*$")


def _hosts(items: list[Item], entity: str, span: tuple[int, int], masked: str) -> bool:
    """Whether the sentence ``span`` (``masked``: its text, names masked) names ``entity`` as a host of an event and says
    of no one that they brokered (对接会由A联合主办，现场促成B与C签署: the host brokered)."""
    if tg.TRIGGERS["facilitation"].search(masked):
        return False
    for it in items:
        if it.entity != entity or not span[0] <= it.start < span[1]:
            continue
        if _HOSTS_AFTER.match(masked, it.end - span[0]) or _HOST_LIST.search(masked, 0, it.start - span[0]):
            return True
    return False


_PARTNER = re.compile(r"(?:与|同|跟)$")


def _partners_apart(text: str, items: list[Item], a: str, b: str, span: tuple[int, int]) -> bool:
    """a and b each follow 与/同/跟 in the sentence ``span`` with an agreement signed between them (A与B签署…，并与C
    签署…): two partners of the subject, each with its own agreement."""
    first = {}
    for it in items:
        if it.entity in (a, b) and span[0] <= it.start < span[1] and it.entity not in first:
            first[it.entity] = it
    if len(first) < 2:
        return False
    x, y = sorted(first.values(), key=lambda it: it.start)
    xs, ys = _glued_start(items, x), _glued_start(items, y)
    return (bool(_PARTNER.search(text, max(span[0], xs - 1), xs)) and bool(_PARTNER.search(text, max(span[0], ys - 1), ys))
            and tg.TRIGGERS["agreement"].search(text, x.end, ys) is not None)
