"""Military-civil fusion links at a Chinese trigger: X为<military unit>提供/配套/研制… (X serves the military body), and
a body that is a member, demonstration unit or participant of a named MCF programme (成为军民融合示范企业).
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import parties as pt
from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.items import Pair
from mcfwatch.extract.zh.sentence import Sentence

_DESIGNATES = re.compile(r"认定|评定|命名|授予|评为|批准|确定")
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
    # not a modifier glued to it (中共军民融合), nor the public body that designates or runs the programme
    # (X认定Y为军民融合示范企业, 被X认定为…, X召开军民融合工作推进会): the unit designated is linked, the state's
    # administration is not (docs/annotation.md 4.5; none of the 225 gold mcf_links of corpus/train + corpus/extra
    # zh.jsonl runs from a public body)
    agents = [it for it in sent.items if cs <= it.start and it.end <= p and it.type in tg.AGENTIVE
              and sent.text[it.end : prog.start].strip()]
    src = agents[0] if agents else (sent.subject if sent.subject and sent.subject.start < p else None)
    if src is not None and src.type == "PublicBody":
        designated = _DESIGNATES.search(sent.text, src.end, p)
        if designated and sent.text[max(cs, src.start - 1) : src.start] == "被":  # Y被X认定为: Y, the subject
            subject = sent.subject if sent.subject is not None and sent.subject.start < src.start else None
            src = subject if subject is not None and subject.type != "PublicBody" else None
        else:  # X认定Y为: Y
            src = next((it for it in agents if designated and it.start >= designated.end()
                        and it.type != "PublicBody"), None)
    return [(src, prog, None, None)] if src else []
