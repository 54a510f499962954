"""Items named by a model designation: "Y-20 transport aircraft", "Mi-171 helicopters", "FK-3 air-defence
systems", "TY-5 reconnaissance drone", "Ming-class submarines", "CFM56 engines".

docs/annotation.md counts a named item (a type of weapon, aircraft, engine or device) as a Technology. A model
designation (a capital, up to three more letters, an optional dash and a number: "J-20", "Su–35", "AC311", "CH-92A";
or "X-class") followed by up to two lower-case words and a kind of item is one such name: on corpus/train, 14 of the
21 spans of this shape are annotated technologies (the others are aircraft named only in passing, such as "H-6
bomber" in a list of a base's aircraft). The recogniser and the technology patterns find the designation or the
item alone ("CH-92A", "helicopters"); this module gives the whole span.

A product's name is written the same way without a number: "Xeon processors", "Sunway processors", "CNC machine
tools", "EUV systems", "Vision Jets". The recogniser takes the name for a firm, a person or a place; it is the
item's name only when the document never writes it but before a kind of item (a firm is named on its own too:
"Intel supplied", "by Intel"; "Intel processors" stays Intel's), and never when it is a firm the lexicon knows
("Hikvision cameras"). Pure functions over a parsed document.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from mcfwatch.extract.en.cleanup import known_type
from mcfwatch.extract.en.items import ITEM_HEADS, NOT_ITEMS
from mcfwatch.extract.en.names import country_name

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


# a capitalised name of one or two words (not after a hyphen or a word character), up to two lower-case words and
# the item noun: "Xeon Phi coprocessors", "CNC machine tools", "Sunway processors", "EUV system"
_PRODUCT_ITEMS = frozenset(ITEM_HEADS | {"coprocessors", "coprocessor", "transistors", "lasers", "jets", "tanks"}) \
    - NOT_ITEMS - {"technology", "technologies", "software", "equipment", "material", "materials", "parts",
                   "part", "unit", "units", "component", "components", "core", "cores"}
_PRODUCT = re.compile(r"(?<![\w\-–.&'’])(?P<name>[A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]+)?)"
                      r"(?: [a-z][a-z]+(?:-[a-z]+)?){0,2}? "
                      rf"(?P<item>{'|'.join(sorted(_PRODUCT_ITEMS, key=len, reverse=True))})(?![\w\-–])")


_RUN = re.compile(r"[\w\-–]+")


class _Runs:
    """The runs of word characters, hyphens and dashes of a text, by their words: where a name of one or two words
    stands with no such character either side (as ``(?<![\w\-–])NAME(?![\w\-–])`` finds it), in one pass."""

    def __init__(self, text: str) -> None:
        self.runs = [(m.start(), m.end(), m.group()) for m in _RUN.finditer(text)]
        self.text = text
        self.at: dict[str, list[int]] = {}
        for n, (_, _, word) in enumerate(self.runs):
            self.at.setdefault(word, []).append(n)

    def starts(self, name: str) -> list[int]:
        first, *rest = name.split(" ")
        out: list[int] = []
        for n in self.at.get(first, []):
            if not rest or n + 1 < len(self.runs) and self.runs[n + 1][2] == rest[0] \
                    and self.runs[n + 1][0] == self.runs[n][1] + 1 and self.text[self.runs[n][1]] == " ":
                out.append(self.runs[n][0])
        return out


def product_items(doc: Doc, text: str) -> list[Span]:
    """The spans of items named by a product's name (see the module): the name is a proper noun inside the
    sentence, no country, and each of its occurrences in ``text`` opens such a span."""
    out: list[Span] = []
    verdicts: dict[str, bool] = {}
    runs: _Runs | None = None
    for m in _PRODUCT.finditer(text):
        name = m.group("name")
        if name.isupper() and len(name) > 5 or country_name(name) or known_type(name):  # "Hikvision cameras"
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and span[0].is_sent_start and " " in name:  # "No EUV system": "EUV system"
            name = name.split()[1]
            span = doc[span.start + 1:span.end]
        if span is None or span.start_char != text.find(name, m.start()) or span.end_char != m.end() \
                or span[0].is_sent_start or known_type(name) \
                or any(t.tag_ not in {"NNP", "NNPS", "NN"} for t in span[:len(name.split())]) \
                or span[-1].tag_ not in {"NN", "NNS"} or span[0].ent_type_ in {"NORP", "DATE", "CARDINAL"}:
            continue
        end = span.end
        while end < len(doc) and doc[end - 1].dep_ in {"compound", "amod", "nmod"} and doc[end - 1].head.i == end \
                and doc[end].is_lower and doc[end].tag_ in {"NN", "NNS"}:
            end += 1  # "CNC machine" + "tools"
        if doc[end - 1].lower_ not in _PRODUCT_ITEMS or any(
                t.tag_ not in {"NNP", "NNPS", "NN", "NNS", "JJ", "HYPH"} or not span.start < t.head.i < end
                for t in doc[span.start:end - 1]):
            continue  # "the Augsburg robot maker", "Houston sold power amplifiers": no item's name
        span = doc[span.start:end]
        if name not in verdicts:
            if runs is None:
                runs = _Runs(text)  # one pass over the text, whatever the number of names
            verdicts[name] = all(_PRODUCT.match(text, start) for start in runs.starts(name))
        if verdicts[name]:
            out.append(span)
    return out
