"""Military-civil fusion links at a Chinese trigger: X为<military unit>提供/配套/研制… (X serves the military body), and
a body that is a member, demonstration unit or participant of a named MCF programme (成为军民融合示范企业).
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import parties as pt
from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.items import Pair
from mcfwatch.extract.zh.sentence import Sentence

_MEMBER = re.compile(r"成员|示范|参与|是|成为|属于|单位|企业|试点|纳入|认定|积极")


def linked(sent: Sentence, p: int, cs: int) -> list[Pair]:
    if not sent.text.startswith("军民融合", p):  # X为解放军海军提供…: X serves the military body
        served = pt.served(sent.text, sent.items, cs, p)
        src = sent.agent_before(cs, served.start) if served else None
        src = src or (sent.source(cs, served.start) if served else None)
        return [(src, served, None, None)] if served and src and src.type not in ("MilitaryUnit", "Person") else []
    prog = next((it for it in sent.items if it.start <= p < it.end and it.type in ("Program", "Event")), None)
    if prog is None or prog.type != "Program":
        return []  # an MCF event gives participation/organizer relations instead
    if not _MEMBER.search(sent.text[cs:p]):
        return []
    agents = [it for it in sent.items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE
              and sent.text[it.end : prog.start].strip()]  # not a modifier glued to it (中共军民融合)
    src = agents[0] if agents else (sent.subject if sent.subject and sent.subject.start < p else None)
    return [(src, prog, None, None)] if src else []
