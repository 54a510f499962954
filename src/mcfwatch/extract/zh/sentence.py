"""One Chinese sentence as the relation rules read it: its subject (Chinese drops subjects across clauses, so a
trigger's source is the last agent before it in its clause, else the sentence's subject, else the previous
sentence's topic), and the names coordinated after a first one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mcfwatch.extract.zh import discourse as dc
from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.items import Item
from mcfwatch.extract.zh.parties import mask

# a clause that opens with 向/为/给/对 (after a list mark: （一）, 1., 其中, 此外), and what stands between it and the name
# (企业, 公司, or a glued name): the name is the coverb's object (对接会由X主办: 对接会 is no coverb)
# the coverb stands within a few characters of the clause's start (a list mark, 其中, 还: at most 9 before it)
_COVERB_NEAR = re.compile(r"[向为给对]")
_NEAR = 16
_OPENS_WITH_COVERB = re.compile(
    r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]|其中|此外|另外|同时)?\s*[，,]?(?:还|并|也|又|已)?"
    r"(?:向|为|给|对)(?:[^□，,。；;：:]{0,8}?(?:企业|公司|单位|高校|院校|机构|基金|大学|银行|集团|学院|研究院|研究所))?□*")


class Sentence:
    """Relations of one sentence; ``topic`` carries the subject to the next sentence."""

    def __init__(self, text: str, s: int, e: int, items: list[Item], topic: Item | None) -> None:
        self.text, self.s, self.e, self.items = text, s, e, items
        agents = [it for it in items if it.type in tg.AGENTIVE  # not the partner of 与X签订 (subject dropped)
                  and not tg.PARTNER.search(text[max(s, it.start - 2) : it.start]) and not self.sold_by(it)
                  and not self._fronted_object(it)]
        self.subject = agents[0] if agents else topic
        self.party_a: Item | None = None  # first party of the sentence's last agreement
        self._masked: str | None = None

    def words(self, a: int, b: int) -> str:
        """``text[a:b]`` (inside the sentence) with its names masked (``parties.mask``); the sentence is masked once,
        so a reader called per trigger does not loop over the names again."""
        if self._masked is None:
            self._masked = mask(self.text, self.s, self.e, self.items)
        return self._masked[a - self.s : b - self.s]

    def agent_before(self, cs: int, p: int) -> Item | None:
        cands = [it for it in self.items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE
                 and not tg.PARTNER.search(self.text[max(cs, it.start - 2) : it.start])
                 and not tg.BY.search(self.text[max(cs, it.start - 1) : it.start]) and not self.sold_by(it)]
        return cands[-1] if cands else None

    def _fronted_object(self, it: Item) -> bool:
        """``it`` is the object of a coverb that opens its clause (（一）向X资助300万元, 一是为X提供贷款, 其中向X投资3亿元):
        such a clause has dropped its subject, so the giver is the one before (the previous sentence's topic)."""
        # the clause's start by a search back, and no mask unless a coverb stands near it: a long comma-free
        # "sentence" (a table) cost a scan and a mask per name (the zh-extract review of session 29, #7)
        cs = max(self.s, *(self.text.rfind(c, self.s, it.start) + 1 for c in "，,：:"))
        if not _COVERB_NEAR.search(self.text, cs, min(it.start, cs + _NEAR)):
            return False
        return _OPENS_WITH_COVERB.fullmatch(mask(self.text, cs, it.start, self.items)) is not None

    def sold_by(self, it: Item) -> bool:
        """从(美国)X: where something comes from (A从X引进), not who acts."""
        start = it.start
        while (glued := next((x for x in self.items if x.end == start and x.type == "Place"), None)) is not None:
            start = glued.start
        return self.text[max(self.s, start - 1) : start] in ("从", "自")

    def source(self, cs: int, p: int) -> Item | None:
        return self.agent_before(cs, p) or (self.subject if self.subject and self.subject.start < p else None)


def head(first: Item, items: list[Item]) -> Item:
    """A place glued to the next name is its modifier (爱尔兰科克郡, 德国杜塞尔多夫市): take the name."""
    nxt = next((it for it in items if it.start == first.end), None)
    return nxt if first.type == "Place" and nxt is not None else first


def coordinated(text: str, first: Item, after: list[Item]) -> list[Item]:
    """``first`` and the items joined to it by 和/、/及/与."""
    return _joined(text, first, after, lambda n, a, b: tg.CONNECTORS.match(text[a:b]) is not None)


def _joined(text: str, first: Item, after: list[Item], joins: Callable[[int, int, int], bool]) -> list[Item]:
    """``first`` and the items after it, each joined to the one before by what ``joins(listed so far, end of
    the one before, start of the next)`` accepts; a place glued to a name stands for the name."""
    first = head(first, after)
    out, prev = [first], first
    for it in after:
        if it.start <= prev.start:
            continue
        if not joins(len(out), prev.end, it.start):
            break
        it = head(it, after)
        out.append(it)
        prev = it
    return out


_ENUM = re.compile(r"\s*、\s*")
_ENUM_LAST = re.compile(r"\s*(?:、|和|及|以及)\s*")


def enumerated(text: str, first: Item, after: list[Item]) -> list[Item]:
    """``first`` and the names listed after it with 、 (帮助A、B、C三家企业; 资助A、B和C: a last 和/及 after a 、), not
    those joined by 与/和 alone (促成A与B签约, 资助A和B共建: B is the partner, not a second beneficiary)."""
    return _joined(text, first, after,
                   lambda n, a, b: (_ENUM if n == 1 else _ENUM_LAST).fullmatch(text, a, b) is not None)


def is_pronoun(text: str, it: Item) -> bool:
    return text[it.start : it.end] in dc.PRONOUNS
