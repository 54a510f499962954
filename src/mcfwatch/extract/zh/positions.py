"""Who holds a post where (docs/annotation.md 4.4: the person is the source): A担任/出任B…, and the roles written
between an organisation and a person's name (中共沧州市委常委、副市长刘建国).
"""

from __future__ import annotations

import re

from mcfwatch.extract.zh import triggers as tg
from mcfwatch.extract.zh.items import Item, Pair, RelCand
from mcfwatch.extract.zh.sentence import Sentence

_APPOSITION = re.compile(rf"^(?:{tg.ROLE.pattern}[、，]?)+$")


def position(sent: Sentence, p: int, after: list[Item]) -> list[Pair]:
    person = next((it for it in reversed(sent.items) if it.type == "Person" and it.end <= p), None)
    if person is None and sent.subject and sent.subject.type == "Person":
        person = sent.subject
    org = next((it for it in after if it.type in tg.AGENTIVE and it.type != "Person"), None)
    if person is None or org is None:
        return []
    role = tg.ROLE.search(sent.text, org.end, org.end + 12)
    return [(person, org, None, role.group(0) if role else None)]


def appositions(sent: Sentence) -> list[RelCand]:
    """中共沧州市委常委、副市长刘建国: the person holds the roles in the organisation before them."""
    out = []
    for org, person in zip(sent.items, sent.items[1:], strict=False):
        between = sent.text[org.end : person.start]
        if person.type == "Person" and org.type in tg.AGENTIVE - {"Person"} and _APPOSITION.match(between):
            out.append(RelCand("position", person.entity, org.entity, sent.s, sent.e, subject=between.rstrip("、，")))
    return out
