"""Items named by a model designation: "Y-20 transport aircraft", "Mi-171 helicopters", "FK-3 air-defence
systems", "TY-5 reconnaissance drone", "Ming-class submarines", "CFM56 engines".

docs/annotation.md counts a named item (a type of weapon, aircraft, engine or device) as a Technology. A model
designation (a capital, up to three more letters, an optional dash and a number: "J-20", "Su–35", "AC311", "CH-92A";
or "X-class") followed by up to two lower-case words and a kind of item is one such name: on corpus/train, 14 of the
21 spans of this shape are annotated technologies (the others are aircraft named only in passing, such as "H-6
bomber" in a list of a base's aircraft). The recogniser and the technology patterns find the designation or the
item alone ("CH-92A", "helicopters"); this module gives the whole span. Pure function over a parsed document.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

ITEM_NOUNS = ("aircraft", "airliners?", "helicopters?", "fighters?", "jets?", "drones?", "UAVs?", "missiles?",
              "systems?", "engines?", "radars?", "satellites?", "submarines?", "frigates?", "destroyers?", "tanks?",
              "rockets?", "launchers?", "bombers?", "trainers?", "howitzers?", "turbines?", "turbofans?")
_DESIGNATED = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Za-z]{0,3}[-–]?\d{1,4}[A-Z]{0,2}|[A-Z][a-z]+[-–]class)"  # "J-20", "AC311", "Ming-class"
    r"(?:\s+[a-z][a-z]*(?:-[a-z]+)?){0,2}"  # "transport", "air-defence", "heavy lift"
    rf"\s+(?:{'|'.join(ITEM_NOUNS)})\b")


def designated_items(doc: Doc, text: str) -> list[Span]:
    """The spans of items named by a model designation in ``text`` (the text of ``doc``)."""
    out: list[Span] = []
    for m in _DESIGNATED.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and span.start_char == m.start() and span.end_char == m.end():
            out.append(span)
    return out
