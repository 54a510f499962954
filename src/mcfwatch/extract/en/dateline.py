"""Datelines: the "CITY, DATE —" that opens a news story is not part of its first sentence.

Shapes handled (the dash may be -, --, – or —): "Manchester, 14 March 2019 -", "LONDON (Reuters) -",
"BEIJING, March 3 (Xinhua) --", "WASHINGTON —", "PORTLAND, Ore. –", "LONDON, UK, 3 May 2021 /PRNewswire/ --",
"June 30, 2021 —". A dateline opens a story: it is looked for at the start of a line in the text's first
``WITHIN`` characters (after a headline), so a dash later in the body ("Huawei — the company said") is never one.

What must stay true: the sentence after a dateline starts after its dash (``mark_datelines``, a pipeline
component that runs before the parser, which keeps boundaries set before it), and no name inside a dateline is
a mention (``in_dateline``): the place and the agency only say where the story was filed and who wrote it
(the annotated corpus never marks them), so they can be no party to a relation.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

WITHIN = 600

_WORD = r"[A-Z][A-Za-z.'’-]*"
_PLACE = rf"{_WORD}(?: {_WORD}){{0,3}}"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = rf"(?:{_MONTH} \d{{1,2}}(?:, \d{{4}})?|\d{{1,2}} {_MONTH}(?: \d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})"
_AGENCY = r"\([A-Z][A-Za-z.&' ]{1,30}\)"
_WIRE = r"/[A-Za-z][A-Za-z .&-]{1,30}/"
DATELINE = re.compile(
    rf"^[ \t]*(?:(?P<place>{_PLACE})(?:, {_PLACE}){{0,2}}(?:, (?P<date>{_DATE}))?|(?P<dateonly>{_DATE}))"
    rf"(?: (?P<agency>{_AGENCY}))?(?: (?P<wire>{_WIRE}))?[ \t]*(?:--|—|–|-)[ \t]+(?=[\"“‘'(]?[A-Z0-9])",
    re.MULTILINE,
)


def datelines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dateline in the opening of ``text``, the end just after the dash and its spaces.
    A place alone ("Invest Lower Rhine — Annual Report") is a dateline only in capitals ("WASHINGTON —")."""
    out = []
    for m in DATELINE.finditer(text, 0, min(len(text), WITHIN)):
        place = m.group("place")
        if place and not (m.group("date") or m.group("agency") or m.group("wire")) and not place.isupper():
            continue
        out.append((m.start() + len(m.group()) - len(m.group().lstrip(" \t")), m.end()))
    return out


def in_dateline(start: int, end: int, lines: list[tuple[int, int]]) -> bool:
    """Whether the characters [start, end) overlap one of ``lines``."""
    return any(start < e and end > s for s, e in lines)


def _opening(doc: Doc) -> str:
    """The text of the tokens that start in the first ``WITHIN`` characters (``Doc.text`` joins them all)."""
    parts = []
    for tok in doc:
        if tok.idx >= WITHIN:
            break
        parts.append(tok.text_with_ws)
    return "".join(parts)


@Language.component("mcfwatch_dateline")
def mark_datelines(doc: Doc) -> Doc:
    """A dateline is a sentence of its own and the story's first sentence starts after its dash."""
    for s, e in datelines(_opening(doc)):
        for tok in doc:
            if tok.idx < s:
                continue
            if tok.idx >= e:
                tok.is_sent_start = True
                break
            tok.is_sent_start = tok.idx == s
    return doc
