"""Short forms of a body named in full in the same document: one entity per party (docs/annotation.md 1.3).

- An acronym used on its own ("HEU", "NUDT", "UESTC" after "Harbin Engineering University", "National
  University of Defense Technology", ...): the leading letters of the long name's words in order, a word may
  lend more than its first letter ("NORINCO", "AVIC") and one content word may be left out ("CETC" of
  "China Electronics Technology Group Corporation").
- A run of a firm's or university's words ("Huaxin" of "Chengdu Huaxin Microwave Co.", "Redline" of
  "Redline Components Inc.", "Westbrook" of "University of Westbrook"), the same name without its legal form,
  when the rest of the long name names no unit or seat of it ("CETC 29th Research Institute" is not CETC,
  "Port of Esbjerg" not Esbjerg) and the run is no city in front of a name ("Beijing" of "Beijing Institute
  of Technology").

The short form takes the long form's type: the typer often makes an unknown short brand a person or a place
(on the held-out folds 498 training names were split into two or more entities this way).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from mcfwatch.extract.en.entities import GOV_WORDS, ORG_WORDS, UNIVERSITY_WORDS, EntityTable, _merge
from mcfwatch.extract.en.names import country_name

_FUNCTION = {"of", "and", "the", "for", "&", "de", "in", "on", "at", "du", "la", "des", "der", "und"}
_LEGAL = {"co", "ltd", "limited", "inc", "llc", "plc", "corp", "gmbh", "ag", "sa", "spa", "srl", "bv", "nv", "pte",
          "fze", "oy", "oyj", "ab", "kg", "asa", "llp", "pty", "bhd", "sas", "as"}
# words naming a unit, seat or offshoot of the short form rather than the short form itself
_UNIT = (UNIVERSITY_WORDS | GOV_WORDS | ORG_WORDS) - {"state", "house", "times", "news", "service"} | {
    "centre", "center", "forum", "summit", "conference", "fair", "expo", "show", "alliance", "park", "base",
    "zone", "area", "port", "fund", "force", "forces", "army", "navy", "branch", "subsidiary", "joint", "venture",
    "consortium", "hub", "programme", "program", "initiative", "plan", "project"}
_BODIES = {"Company", "University", "PublicBody", "Organization", "MilitaryUnit", "Program", "Event"}
_RUN_OWNERS = {"Company", "University", "Organization"}
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,8}")


@lru_cache(maxsize=8192)
def _words(name: str) -> list[str]:
    """Lower-case words without possessives and punctuation (the result is shared: do not change it)."""
    name = re.sub(r"['’]s\b", "", name.lower())
    return [w for w in (re.sub(r"[^\w&]", "", p) for p in re.split(r"[\s/]+", name)) if w]


def _bare(words: list[str]) -> list[str]:
    """The words without the legal form at the end ("co", "ltd" of "Co., Ltd.")."""
    end = len(words)
    while end > 1 and words[end - 1] in _LEGAL:
        end -= 1
    return words[:end]


def acronym_gaps(acr: str, long: str) -> int | None:
    """How many content words of ``long`` the acronym ``acr`` leaves out, building it from leading letters of
    the words in order (None: it cannot)."""
    words = [w for w in re.split(r"[\s\-–/]+", re.sub(r"^the\s+", "", long, flags=re.I)) if w]
    words = [re.sub(r"[^\w&]", "", w).lower() for w in words]
    letters = acr.lower()

    @cache
    def gaps(i: int, j: int) -> int | None:
        if i == len(letters):
            return sum(w not in _FUNCTION for w in words[j:])
        if j == len(words):
            return None
        w = words[j]
        best = gaps(i, j + 1)
        if best is not None and w not in _FUNCTION:
            best += 1
        k = 0
        while k < len(w) and i + k < len(letters) and w[k] == letters[i + k]:
            k += 1
            rest = gaps(i + k, j + 1)
            if rest is not None and (best is None or rest < best):
                best = rest
        return best

    return gaps(0, 0)


def _merge_acronyms(table: EntityTable) -> None:
    for eid in list(table.names):
        acr = table.names.get(eid, "")
        if not _ACRONYM.fullmatch(acr) or country_name(acr) is not None:
            continue
        scored: list[tuple[int, str]] = []
        for other, etype in table.types.items():
            name = table.names[other]
            if other == eid or etype not in _BODIES or len(name.split()) < 2 or acr.lower() in _words(name):
                continue
            g = acronym_gaps(acr, name)
            if g is not None and g <= 1:
                scored.append((g, other))
        scored.sort()
        if scored and (len(scored) == 1 or scored[0][0] < scored[1][0]):
            _absorb(table, eid, scored[0][1])


def _run_in(short: list[str], long: list[str]) -> int | None:
    """Where ``short`` stands in ``long`` as a run of words, or None."""
    for i in range(len(long) - len(short) + 1):
        if long[i:i + len(short)] == short:
            return i
    return None


def _owner(table: EntityTable, eid: str, places: set[str], people: set[str]) -> str | None:
    """The one firm, university or organisation of the document whose name has ``eid``'s name as a short form."""
    etype, name = table.types[eid], table.names[eid]
    short_full = _words(name)
    short = _bare(short_full)
    if not short or etype in {"Technology", "Program"} or country_name(name) is not None or set(short) & _UNIT:
        return None
    if etype == "Person" and set(short) & people:
        return None  # "Brennan" of "Sean Brennan" and "Brennan Avionics": the person's
    found: set[str] = set()
    for other, otype in table.types.items():
        if other == eid or otype not in _RUN_OWNERS or etype == "Person" and otype == "Organization":
            continue
        for long_name in [table.names[other], *table.aliases[other]]:
            if re.search(r"[–&]| and ", long_name):
                continue  # a pair or a list of names ("Zhejiang–Lombardy", "Harcourt & Lowe")
            full = _words(long_name)
            long = _bare(full)
            at = _run_in(short, long)
            if at is None or (len(short) == len(long) and len(full) == len(long)):
                continue
            if len(short_full) > len(short) and short != long:
                continue  # a firm with its own legal form: "Keller Precision GmbH" is not "Keller Precision USA"
            rest = long[:at] + long[at + len(short):]
            after = long[at + len(short):]
            if set(after) & places or any(country_name(w) for w in after):
                continue  # a branch named for its seat ("Keller Precision USA", "GaN Devices Chengdu")
            if rest and (rest[0][0].isdigit() or at + len(short) < len(long) and long[at + len(short)][0].isdigit()):
                continue  # "CETC 29th Research Institute"
            if otype != "University" and set(rest) & _UNIT:
                continue
            if etype == "Place" and not (otype == "Company" and at == 1 and long[0] in places):
                continue  # "Beijing" of "Beijing Institute of Technology"; but "Tianyuan" of "Xi'an Tianyuan ..."
            found.add(other)
    return found.pop() if len(found) == 1 else _nearest(table, eid, found)


def _nearest(table: EntityTable, eid: str, owners: set[str]) -> str | None:
    """Of two or more long forms a short form can shorten ("Rheinhold" of "Rheinhold Automotive" and "Rheinhold
    Huaihe Components"), the one named last before the short form's first mention (the writer's referent), or
    None when none comes before it."""
    first = min(s for s, _e in table.spans[eid])
    before = [(max(s for s, _e in table.spans[o] if s < first), o) for o in owners
              if any(s < first for s, _e in table.spans[o])]
    return max(before)[1] if before else None


def _merge_runs(table: EntityTable) -> None:
    places = {w for e, t in table.types.items() if t == "Place" for w in _words(table.names[e])}
    person_words = {e: set(_words(table.names[e])) for e, t in table.types.items() if t == "Person"}
    for eid in sorted(table.names, key=lambda e: -len(table.names[e])):
        if eid not in table.names:
            continue
        people = {w for e, ws in person_words.items() if e != eid and e in table.names for w in ws}
        dst = _owner(table, eid, places, people)
        if dst is not None:
            _absorb(table, eid, dst)


def _absorb(table: EntityTable, src: str, dst: str) -> None:
    if src in table.ruler_typed:
        table.ruler_typed.add(dst)
    _merge(table, src, dst)


def merge_short_forms(table: EntityTable) -> None:
    """Fold acronyms and short names into the long name they shorten (see the module)."""
    _merge_acronyms(table)
    _merge_runs(table)
