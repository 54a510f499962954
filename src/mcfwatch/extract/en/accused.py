"""Who an enforcement text accuses: the one "who is the defendant" rule, read by the relation rules
(``exports.exporter_in_context``: "the defendant shipped ...") and by the relation model's references
(``relmodel.crosssent``: "the defendant" as a mention of the accused).

The accused is the subject of a charge, plea or sentencing verb ("X pleaded guilty", "X was sentenced"), the object
of an active one ("a jury convicted X"), the named "defendant" ("the defendant, X", "Defendant X"), or the party
after "United States v."; never a person an official's title names ("U.S. District Judge Mary Smith sentenced him",
"Special Agent in Charge X"). Both callers give the entity of a token through ``entity_at`` (token index -> entity
id, or None) and its type through ``type_of``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from mcfwatch.extract.en.args import conjuncts
from mcfwatch.extract.en.doctext import text_of

EntityAt = Callable[[int], str | None]
TypeOf = Callable[[str], str | None]

# verbs whose subject (or, active, object) is the accused in enforcement text: "X was charged with", "X pleaded
# guilty", "X was sentenced", "X admitted", "a grand jury indicted X", "X was arrested" (not "order": "Huawei ordered
# 500 FPGAs" is a purchase)
CHARGE_VERBS = frozenset({"charge", "plead", "sentence", "indict", "admit", "convict", "arrest", "accuse", "extradite"})
# the verbs whose active subject is the accused himself (of the others it is the court, the jury or an agent)
SELF_TOLD = frozenset({"plead", "admit"})
# titles of those who announce, investigate, prosecute or try a case ("U.S. Attorney X", "Special Agent in Charge X",
# "X, the Assistant Attorney General"): never the defendant
OFFICIAL_TITLES = frozenset({"attorney", "agent", "judge", "prosecutor", "magistrate", "marshal", "sheriff",
                             "investigator", "inspector", "commissioner", "secretary", "spokesperson", "spokesman"})
PARTIES = frozenset({"Person", "Company"})


def official(doc: Doc, i: int, entity_at: EntityAt, type_of: TypeOf) -> bool:
    """A person named by an official's title: "Assistant U.S. Attorney Maria Ochoa", "Special Agent in Charge X",
    "X, U.S. Attorney for the District of Y" (capitalised title words before the name, or its appositive)."""
    e = entity_at(i)
    if e is None or type_of(e) != "Person":
        return False
    k = i
    while k > 0 and entity_at(k - 1) == e:
        k -= 1
    for j in range(k - 1, max(k - 7, doc[i].sent.start - 1), -1):
        t = doc[j]
        if t.lower_ in OFFICIAL_TITLES and t.is_title:  # "Special Agent X", never "sales agent X" (a defendant)
            return True
        if not (t.is_title or t.lower_ in {"in", "of", "for", "u.s.", "the"}):
            break
    # "X, U.S. Attorney for ...": a capitalised title; "X, a purchasing agent for Huawei," is no official
    return any(c.dep_ == "appos" and c.lemma_.lower() in OFFICIAL_TITLES and c.is_title for c in doc[i].children)


# what one admits to in enforcement text ("admitted his guilt", "admitted to violations of the ECRA")
_ADMITTED = frozenset({"guilt", "role", "violation", "wrongdoing", "responsibility", "conduct", "liability",
                       "allegation", "charge", "offense", "offence", "scheme", "conspiracy", "fact"})


def _confessed(t: Token) -> bool:
    """"admit" as a confession ("X admitted that ...", "admitted to exporting", "admitted his role"), never an
    admission ("Tsinghua University admitted 30 students", "Zhang was admitted to the programme")."""
    for c in t.children:
        if c.dep_ in {"ccomp", "xcomp"} or c.dep_ == "dobj" and c.lemma_.lower() in _ADMITTED:
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(
                g.tag_ == "VBG" or g.lemma_.lower() in _ADMITTED for g in c.children if g.dep_ in {"pcomp", "pobj"}):
            return True
    return False


def accused(doc: Doc, entity_at: EntityAt, type_of: TypeOf) -> list[tuple[int, str]]:
    """The people and companies the document names as accused, as (token, entity) in text order."""
    found: list[tuple[int, str]] = []
    for t in doc:
        low = t.lower_
        heads: list[Token] = []
        if t.pos_ == "VERB" and t.lemma_.lower() in CHARGE_VERBS and (t.lemma_.lower() != "admit" or _confessed(t)):
            heads = [c for c in t.children if c.dep_ == "nsubjpass" or
                     c.dep_ == "nsubj" and t.lemma_.lower() in SELF_TOLD]
            if t.lemma_.lower() not in SELF_TOLD:
                heads += [c for c in t.children if c.dep_ == "dobj"]
        elif low == "defendant":  # "the defendant, Daniel Rourke", "Defendant Huang Lei"
            heads = [c for c in t.children if c.dep_ == "appos"] + ([t.head] if t.dep_ == "compound" else [])
        elif low in {"v.", "v", "vs."} and t.i > 0 and doc[t.i - 1].lower_ == "states" and t.i + 1 < len(doc):
            heads = [doc[t.i + 1]]  # "United States v. Gregory Lam"
        for h in heads:
            for c in conjuncts(h):
                e = entity_at(c.i)
                if e is not None and type_of(e) in PARTIES and not official(doc, c.i, entity_at, type_of):
                    found.append((c.i, e))
    found.sort()
    return found


def defendant(doc: Doc, named: list[tuple[int, str]], mentions: Iterable[tuple[int, str]], before: int,
              entity_at: EntityAt, type_of: TypeOf) -> str | None:
    """Who "the defendant" at token ``before`` is: the latest accused (``named``) before it in its paragraph, else the
    first accused before it, else the first accused
    anywhere, else the first person or company of ``mentions`` ((token, entity) in text order) before it that no
    official's title names."""
    text = text_of(doc)
    para = text.rfind("\n", 0, doc[before].idx) + 1 if before < len(doc) else len(text)
    first = next((e for i, e in reversed(named) if i < before and doc[i].idx >= para), None) \
        or next((e for i, e in named if i < before), None) or (named[0][1] if named else None)
    if first is not None:
        return first
    for i, e in mentions:
        if i >= before:
            return None
        if type_of(e) in PARTIES and not official(doc, i, entity_at, type_of):
            return e
    return None
