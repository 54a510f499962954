"""Training candidates under inference conditions: the mentions the extractor itself finds in a training
document, each entity aligned to the gold entity its mentions overlap most.

Trained on gold mentions alone, the model never sees what extraction gives it: names cut short or run long,
types the typer got wrong, names the NER missed, pronouns and 该公司 bound to an antecedent. Here a training
document's candidates come from the predicted mentions; an entity aligned to a gold entity carries that
entity's id (so the gold relations label its candidates), an entity that matches none keeps its own id with a
``~`` prefix (its candidates are negatives). What must stay true: the mentions are built by the same steps as
in ``en.extractor.extract_parsed`` and ``zh.extractor.ChineseExtractor._extract``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from mcfwatch.extract.en.entities import EntityTable
from mcfwatch.extract.relmodel.candidates import Mention

UNALIGNED = "~"
ANAPHORS = True  # a model trained on predicted mentions: English candidates also through resolved anaphors
PRONOUNS = {"it", "its", "they", "their", "them"}
DETERMINERS = {"the", "this", "its", "their"}


def align(predicted: Iterable[Mention], gold: Iterable[Mention]) -> list[Mention]:
    """The predicted mentions with each entity renamed to the gold entity its mentions overlap most (in
    characters); no overlap: ``~`` + its own id. Types stay the predicted ones."""
    pred = list(predicted)
    gold_by_start = sorted(gold, key=lambda m: m.start)
    overlap: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for p in pred:
        for g in gold_by_start:
            if g.start >= p.end:
                break
            n = min(p.end, g.end) - max(p.start, g.start)
            if n > 0:
                overlap[p.entity][g.entity] += n
    name: dict[str, str] = {}
    for eid in {p.entity for p in pred}:
        best = max(overlap[eid].items(), key=lambda kv: (kv[1], kv[0]), default=None) if eid in overlap else None
        name[eid] = best[0] if best is not None else UNALIGNED + eid
    return [Mention(p.start, p.end, name[p.entity], p.type) for p in pred]


def english_mentions(sdoc: Doc, typer: object | None, anaphors: bool = True) -> list[Mention]:
    """The mentions English extraction scores candidates over (entity table after typing and merging)."""
    from mcfwatch.extract.en.entities import build_table, mentions_of, retype_by_context
    from mcfwatch.extract.en.merge import merge_variants
    from mcfwatch.extract.en.typer import Typer, retype

    mentions = mentions_of(sdoc)
    if isinstance(typer, Typer):
        mentions = retype(sdoc, mentions, typer)
    table = build_table(sdoc, mentions)
    merge_variants(sdoc, table)
    retype_by_context(sdoc, table)
    return table_mentions(sdoc, table, anaphors)


def table_mentions(sdoc: Doc, table: EntityTable, anaphors: bool) -> list[Mention]:
    """The entity table's mentions, then (``anaphors``) each pronoun or definite description ("it", "their",
    "the university") the rules' resolver binds to an entity, as a mention of that entity."""
    out = [Mention(s, e, eid, table.types[eid]) for eid, spans in table.spans.items() for s, e in set(spans)]
    return out + english_anaphors(sdoc, table) if anaphors else out


def english_anaphors(sdoc: Doc, table: EntityTable) -> list[Mention]:
    """Mentions for the pronouns and definite descriptions the rules' resolver binds (``en.args.Resolver``)."""
    from mcfwatch.extract.en.args import Resolver

    resolver = Resolver(sdoc, table)
    for sent in resolver.sents:  # the subjects of each sentence: the antecedents of the pronouns after it
        resolver.sentence_done(sent)
    out: list[Mention] = []
    last: dict[str, int] = {}  # entity -> token index of its latest mention so far
    for t in sdoc:
        named = table.entity_of(t)
        if named is not None:
            last[named] = t.i
            continue
        eid: str | None = None
        start = t.idx
        if t.lower_ in PRONOUNS:
            eid = resolver.pronoun(t)
        elif t.pos_ in {"NOUN", "PROPN"} and _determined(t):
            eid = (resolver.definite(t) if resolver._definite(t) else None) or _named_by(t, table, last)
            start = t.left_edge.idx if t.left_edge.i >= t.sent.start else t.idx
        if eid is not None and eid in table.types:
            out.append(Mention(start, t.idx + len(t), eid, table.types[eid]))
    return out


def chinese_mentions(texts: list[str]) -> list[list[Mention]]:
    """The mentions Chinese extraction scores candidates over, anaphors (该公司, 双方) bound as it binds them,
    for each simplified text."""
    from mcfwatch.extract.zh import ChineseExtractor
    from mcfwatch.extract.zh.extractor import _anaphors
    from mcfwatch.extract.zh.relations import Item

    zh = ChineseExtractor(relations="rules")
    out = []
    for text, found in zip(texts, zh.mentions(texts), strict=True):
        ids: dict[str, tuple[str, str]] = {}
        items: list[Item] = []
        for m in found:
            eid, etype = ids.setdefault(m.name, (f"zh{len(ids) + 1}", m.type))
            items.append(Item(m.start, m.end, eid, etype, m.name))
        items = sorted(items + _anaphors(text, items), key=lambda it: it.start)
        out.append([Mention(it.start, it.end, it.entity, it.type) for it in items])
    return out


def _determined(t: Token) -> bool:
    """A singular common noun after "the", "this" or a possessive, with no adjective or name of its own
    ("the bureau", "its faculty"; not "the Chinese side", "the two countries")."""
    if t.tag_ in {"NNS", "NNPS"} or t.dep_ == "compound":
        return False
    kids = list(t.children)
    return any(c.dep_ in {"det", "poss"} and c.lower_ in DETERMINERS for c in kids) and not any(
        c.dep_ in {"amod", "nummod", "compound"} for c in kids)


def _named_by(t: Token, table: EntityTable, last: dict[str, int]) -> str | None:
    """The latest entity before ``t`` whose name has ``t``'s word ("the bureau" -> "Shenyang ... Bureau",
    "the faculty" -> "Faculty of Engineering"); no person, place or technology."""
    word = t.lemma_.lower()
    best: tuple[int, str] | None = None
    for eid, i in last.items():
        if table.types.get(eid) in {"Person", "Place", "Technology"} or (best is not None and i < best[0]):
            continue
        words = {w.lower() for n in (table.names[eid], *table.aliases.get(eid, [])) for w in n.split()}
        if word in words or t.lower_ in words:
            best = (i, eid)
    return best[1] if best else None
