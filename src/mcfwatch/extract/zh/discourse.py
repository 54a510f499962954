"""Dates and partners a Chinese clause leaves to the discourse (the English side: ``extract/en/discourse.py``).

1. **An event referred back to.** A sentence with 期间/此间/其间/同时 takes, for relations its own clause
   does not date, the date of the event it refers to: 访问期间 (出访/考察/到访期间) the most recent dated visit,
   else the last date told in an earlier sentence. The range is kept as the text gives it.
2. **An episode carried on.** An undated agreement in a sentence without a date of its own, right after a
   sentence of the same paragraph that spoke of dated agreements, takes their date when a continuation cue
   stands before its trigger: a partitive (其中, 另两项, 其余) always; 还/另外/此外/同时/并/也 only when the
   agreement shares a party with those agreements. A sentence that marks a later time (后来, 此后, 最后 ...)
   starts a new episode. The date is handed on to the next sentence that carries on in the same way.
3. **Another agreement, partner elided.** An agreement with no partner named, or with 其/对方 as partner, and
   marked as another one (又, 再, 另一份 ...), is with the partner of the signer's previous agreement. It gets
   the clause's own date if any, never an inherited one.

Inherited dates lower the relation's confidence by ``INHERITED_PENALTY`` and append ``INHERITED_METHOD``
to its method; elided partners give ``ELLIPSIS_CONFIDENCE`` and append ``ELLIPSIS_METHOD``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mcfwatch.extract.zh.dates import DateMention

INHERITED_PENALTY = 0.05
INHERITED_METHOD = "+discourse-date"
ELLIPSIS_CONFIDENCE = 0.6
ELLIPSIS_METHOD = "+ellipsis"

# 随后 ("afterwards") is not here: like English "After that", it places an event later, it does not date it.
REFERRED = re.compile(r"期间|此间|其间|同时")
VISIT_REFERENCE = re.compile(r"(?:访问|出访|考察|到访)期间")
_COUNT = r"[一二两三四五六七八九十0-9]"
PARTITIVE = re.compile(rf"其中|另(?:外)?{_COUNT}*[项份个家]|其余|其他{_COUNT}*[项份个]")
CONTINUES = re.compile(r"还|另外|此外|同时|并|也")
NEW_TIME = re.compile(r"后来|此后|之后|其后|随后|最后|最终|次年|翌年|第二年|接着|然后")
ANOTHER = re.compile(r"又|再|另(?:一|外)")
PARTNER_PRONOUN = re.compile(r"(?:与|同|和|跟)\s*(?:其|它|对方)")
PRONOUNS = {"其", "它", "对方"}
# Agreement kinds that say what an agreement is for, checked before the form (备忘录, 合同) for elided ones.
PURPOSE_KINDS = ("joint_lab", "investment", "friendship_city", "cooperation")


@dataclass(frozen=True, slots=True)
class Told:
    """A relation already told: what the discourse rules look back at."""
    type: str
    source: str
    target: str
    date: str | None
    date_end: str | None


@dataclass(frozen=True, slots=True)
class Episode:
    """Dated agreements spoken of in one sentence, and the parties named to them."""
    end: int                 # end offset of that sentence
    date: DateMention
    parties: frozenset[str]


def referred_date(sentence: str, told: list[Told], last_date: DateMention | None) -> DateMention | None:
    """The date a sentence referring back to an event takes for what its clauses leave undated."""
    if not REFERRED.search(sentence):
        return None
    if VISIT_REFERENCE.search(sentence):
        visit = next((r for r in reversed(told) if r.type == "visit" and r.date), None)
        if visit is not None and visit.date is not None:
            return DateMention(-1, -1, visit.date, visit.date_end)
    return last_date


def open_episode(text: str, episode: Episode | None, s: int, has_own_date: bool) -> Episode | None:
    """The episode a sentence starting at ``s`` may carry on: the one of the sentence right before, in the same
    paragraph, when this sentence has no date of its own and does not mark a later time."""
    if episode is None or has_own_date or "\n" in text[episode.end : s]:
        return None
    if text[episode.end : s].strip():  # a sentence in between
        return None
    return episode


def carries_on(before_trigger: str, sentence: str, parties: set[str], episode: Episode) -> bool:
    """Whether an agreement (masked text from its sentence's start to its trigger) continues ``episode``."""
    if NEW_TIME.search(sentence):
        return False
    if PARTITIVE.search(before_trigger):
        return True
    return bool(CONTINUES.search(before_trigger)) and bool(parties & episode.parties)


def is_another(masked_clause: str, masked_before: str) -> bool:
    """The clause tells of another agreement (又签署, 签署了另一份) or one with 其/对方."""
    return bool(ANOTHER.search(masked_clause) or PARTNER_PRONOUN.search(masked_before))


def previous_partner(signer: str, told: list[Told]) -> str | None:
    """The other party of the signer's most recent agreement told before."""
    for r in reversed(told):
        if r.type == "agreement" and signer in (r.source, r.target):
            return r.target if r.source == signer else r.source
    return None
