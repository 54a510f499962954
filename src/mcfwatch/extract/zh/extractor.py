"""ChineseExtractor: simplified/traditional Chinese text -> entities, relations, dates, evidence.

Pipeline per batch: normalise (offset-preserving t2s) -> split sentences -> tag all sentences in one
backend call -> mentions -> entities (one per canonical name, with pinyin and English aliases) ->
anaphors resolved to entities -> relations with dates -> Extraction with spans into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from mcfwatch import settings
from mcfwatch.extract.relmodel import combine, scorer
from mcfwatch.extract.relmodel.model import RelModel, shipped
from mcfwatch.extract.zh import (
    coref,
    crf_ner,
    dateline,
    declared,
    discourse,
    gazetteer,
    short_forms,
    sieve,
    triggers,
)
from mcfwatch.extract.zh.aliases import aliases_for
from mcfwatch.extract.zh.dates import find_dates
from mcfwatch.extract.zh.ner import Mention, find_mentions, join_wrapped
from mcfwatch.extract.zh.normalise import simplify
from mcfwatch.extract.zh.relations import Item, RelCand, extract_relations, sentences
from mcfwatch.extract.zh.tagger import Tagger, custom_dictionary, make_tagger
from mcfwatch.model import Document, Entity, Extraction, Relation

_MAX_CHUNK = 400
NER_CHOICES = ("crf", "lac")


def _chunks(text: str) -> list[tuple[int, int]]:
    """Sentence spans, long ones cut at commas so the tagger never sees a huge input."""
    out = []
    for s, e in sentences(text):
        while e - s > _MAX_CHUNK:
            cut = max(text.rfind("，", s, s + _MAX_CHUNK), text.rfind(",", s, s + _MAX_CHUNK))
            cut = cut + 1 if cut > s else s + _MAX_CHUNK
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


class ChineseExtractor:
    """Extract from Chinese documents.

    ``backend``: the segmenter, "lac", "jieba" or "auto" (LAC when installed). ``ner``: who proposes
    PER/LOC/ORG names, "crf" (the trained model, ``crf_ner``) or "lac" (the segmenter's own entity tags);
    default from ``MCFWATCH_ZH_NER``. ``parts``: candidate sources kept (ablations, see ``find_mentions``).
    ``tagger``: an already loaded segmenter to share (benchmarks). ``relations``/``model``: see ``relmodel``.
    """

    def __init__(
        self, backend: str = "auto", relations: str | None = None, model: RelModel | None = None,
        ner: str | None = None, parts: str = "all", tagger: Tagger | None = None,
    ) -> None:
        self.relations = combine.mode(relations)
        self.model = model if model is not None or self.relations == "rules" else shipped("zh")
        self.confident: float | None = None  # None: the per-type floors of ``combine.floors("zh")``
        self.ner = (ner or settings.ZH_NER.get()).strip().lower()
        if self.ner not in NER_CHOICES:
            raise ValueError(f"MCFWATCH_ZH_NER={self.ner!r}: expected one of {', '.join(NER_CHOICES)}")
        self.parts = parts
        self.gazetteer = gazetteer.load()
        self.places = frozenset(n for n, e in self.gazetteer.entries.items() if e.type == "Place")
        custom = custom_dictionary({n: e.type for n, e in self.gazetteer.entries.items() if len(n) >= 4})
        self.tagger: Tagger = tagger or make_tagger(backend, custom)
        self.crf_tagger: Any = None  # another loaded CRF than the shipped one (held-out folds, ``zh/heldout.py``)

    @property
    def name(self) -> str:
        """What tags names here: "crf+lac" (model + LAC segmentation), "lac", "jieba" ..."""
        return f"crf+{self.tagger.name}" if self.ner == "crf" else self.tagger.name

    def mentions(self, texts: list[str]) -> list[list[Mention]]:
        """Mentions of each (already simplified) text, with offsets into it."""
        spans = [_chunks(t) for t in texts]
        flat = [t[s:e] for t, sp in zip(texts, spans, strict=True) for s, e in sp]
        tagged = iter(self.tagger.tag_many(flat))
        crf = self.crf_tagger
        proposed = iter([crf_ner.tag_entities(c) if crf is None else crf_ner.tag_entities(c, crf) for c in flat]
                        if self.ner == "crf" else [None] * len(flat))
        out: list[list[Mention]] = []
        for t, sp in zip(texts, spans, strict=True):
            found: list[Mention] = []
            for s, e in sp:
                for m in find_mentions(t[s:e], next(tagged), self.gazetteer, next(proposed), self.parts):
                    m.start += s
                    m.end += s
                    found.append(m)
            out.append(found)
        return out

    def extract_many(self, docs: list[Document]) -> Iterator[Extraction]:
        simple = [simplify(d.text) for d in docs]
        for doc, text, mentions in zip(docs, simple, self.mentions(simple), strict=True):
            yield self._extract(doc, text, mentions)

    def extract_tagged(self, doc: Document, text: str, mentions: list[Mention]) -> Extraction:
        """``doc`` from its simplified ``text`` and the ``mentions`` of it (``mentions``): one tagging shared by
        several relation settings (``evalsuite`` scores rules, model and both on one tagging)."""
        return self._extract(doc, text, mentions)

    def _extract(self, doc: Document, text: str, mentions: list[Mention]) -> Extraction:
        ex = Extraction(document=doc)
        by_name: dict[str, Entity] = {}
        names_en: dict[str, list[str]] = {}
        items: list[Item] = []
        lines = dateline.apart(text)
        mentions = join_wrapped(text, mentions)  # 中国航天科工集团\n有限公司: one firm over a line break (zhner)
        mentions = declared.apply(text, mentions)  # （以下简称“锐航公司”）: the party's wherever it stands (zhner)
        mentions = short_forms.apply(text, mentions)  # 赣江精密铸造 of 南昌赣江精密铸造有限公司 (zhner)
        canon = coref.canonical(mentions, self.places)  # short forms -> the fullest name in the document (zhner)
        for m in mentions:
            name, typ = canon.get((m.name, m.type), (m.name, m.type))
            ent = by_name.get(name)
            if ent is None:
                ent = Entity(id=f"zh{len(by_name) + 1}", name=name, type=typ)
                by_name[name] = ent
                names_en[name] = list(m.names_en)
            ent.mentions.append(ex.span(m.start, m.end))
            if not dateline.inside(m.start, m.end, lines):  # a dateline's agency and reporter, an editor: no party
                items.append(Item(m.start, m.end, ent.id, ent.type, ent.name))
        for ent in by_name.values():
            surfaces = [sp.text for sp in ent.mentions]
            ent.aliases = aliases_for(ent.name, surfaces, names_en[ent.name], ent.type)
        refs = _references(text, items)
        anaphors = _anaphors(text, items, refs)
        items = sorted(items + anaphors, key=lambda it: it.start)
        refs = [r for r in refs if not any(a.start < r.end and r.start < a.end for a in anaphors)]
        ex.entities = list(by_name.values())
        dates = find_dates(text, doc.published)
        starts = [s for s, _ in sentences(text)]
        found = [(_Finding(rc, _confidence(rc), _method(rc)), _sentence_of(starts, rc.start))
                 for rc in extract_relations(text, sorted(items + refs, key=lambda it: it.start), dates)]
        if self.relations != "rules" and self.model is not None:
            scale = combine.SCALES_ZH if self.relations == "both" and self.confident is None else None
            places = {it.entity for it in items if it.type == "Place"}  # a place meets no one (美国国务卿布林肯)
            learned = [(_Finding(rc, p, scorer.METHOD), rc.start)
                       for rc, p in scorer.chinese(text, items, dates, self.model, scale)
                       if rc.type != "meeting" or not {rc.source, rc.target} & places]
            found = combine.combine([f for f in found if f[0].type not in MODEL_ONLY], learned, self.relations,
                                    self.confident, lang="zh")
        spans = dict(sentences(text))
        kept = sieve.keep(text, items, found, lambda s: (s, spans.get(s, s)), refs)
        for (f, _), ok in zip(found, kept, strict=True):
            if not ok:
                continue
            rc = f.rc
            ex.add_relation(Relation(
                type=rc.type, source=rc.source, target=rc.target, evidence=ex.span(rc.start, rc.end),
                subtype=rc.subtype if rc.type == "agreement" else None, date=rc.date, date_end=rc.date_end,
                subject=rc.subject, confidence=f.confidence, method=f.method,
            ))
        return ex


@dataclass(slots=True)
class _Finding:
    """A relation candidate as the rules/model combination sees it (``relmodel.combine.Finding``)."""

    rc: RelCand
    confidence: float
    method: str

    @property
    def type(self) -> str:
        return self.rc.type

    @property
    def source(self) -> str:
        return self.rc.source

    @property
    def target(self) -> str:
        return self.rc.target


_CONFIDENCE = 0.6
_METHOD = "zh-rules"
# Types whose rule findings stay out of ``both`` (the model's alone count there): 5-fold document CV on corpus/train
# (`mcfwatch eval --corpus corpus/train/zh.jsonl --folds 5`), participation F1 model .54 vs both .49 (the rules'
# findings are imprecise and block the model's). Meeting, recruitment and agreement gain too (CV, with the floors
# of ``relmodel.combine.FLOORS_ZH`` chosen again), but the model alone misses plain one-sentence meetings and
# recruitments (tests/extract_zh/test_relations_zh.py) and the rules' discourse dates (test_discourse_zh.py).
# Session 21 (held-out mentions, the floors of FLOORS_ZH): with the participation rules kept, participation P/R/F1
# .64/.58/.61 against .66/.56/.60 without, `both` .646/.583/.613 against .647/.582/.613: kept (the recall, at equal F1).
MODEL_ONLY: frozenset[str] = frozenset()


def _sentence_of(starts: list[int], pos: int) -> int:
    """The start of the sentence holding ``pos``: a rule's finding is keyed by its sentence as the model's are."""
    return starts[max(bisect_right(starts, pos) - 1, 0)] if starts else 0


def _confidence(rc: RelCand) -> float:
    if rc.elided:
        return discourse.ELLIPSIS_CONFIDENCE
    return round(_CONFIDENCE - (discourse.INHERITED_PENALTY if rc.inherited else 0.0), 2)


def _method(rc: RelCand) -> str:
    """zh-rules, with what the discourse supplied: +ellipsis (the partner), +discourse-date (the date)."""
    return (_METHOD + (discourse.ELLIPSIS_METHOD if rc.elided else "")
            + (discourse.INHERITED_METHOD if rc.inherited else ""))


def _anaphors(text: str, items: list[Item], refs: list[Item] | None = None) -> list[Item]:
    """Items for 该公司 / 该代表团 / 其 / 他, each bound to its antecedent entity (``refs``: the bare nouns of
    ``_references`` (None: found here), which may be the subject that 为其/向其 is not)."""
    if refs is None:
        refs = _references(text, items)
    found: list[tuple[int, int, str]] = []
    for rx, kind in triggers.ANAPHORS:
        for m in rx.finditer(text):
            if not any(it.start <= m.start() < it.end for it in items):
                found.append((m.start(), m.end(), kind))
    out: list[Item] = []
    resolved: list[Item] = []
    for start, end, kind in sorted(found):
        prior = sorted([it for it in items + resolved if it.end <= start], key=lambda it: it.start)
        ante = _antecedent(text, start, kind, prior, [r for r in refs if r.end <= start])
        if ante is not None:
            item = Item(start, end, ante.entity, ante.type, ante.name)
            out.append(item)
            resolved.append(item)
    return out


_TEAM = ("团队", "课题组", "研究团队", "科研团队")


def _antecedent(text: str, start: int, kind: str, prior: list[Item], refs: list[Item]) -> Item | None:
    agents = [it for it in prior if it.type in triggers.AGENTIVE]
    if kind == "delegation":  # a named delegation, or the person who led one (X率…代表团: docs/annotation.md 4.1)
        cands = [it for it in agents if re.search(r"团$", it.name)
                 or (it.type == "Person" and text.startswith("率", it.end))]
    elif kind == "topic":
        # The subject of the current or previous sentence: the first agent after the last full stop
        # before the previous sentence, else the last agent.
        stop = max(text.rfind(ch, 0, start) for ch in "。！？")
        prev_stop = max(text.rfind(ch, 0, max(stop, 0)) for ch in "。！？") if stop > 0 else -1
        # the sentence's subject, whoever it is (宁波市科技局为其团队…: not the person 其 may be)
        subject = min((it for it in agents + refs if it.start > stop), key=lambda it: it.start, default=None)
        if text.startswith(_TEAM, start + 1):  # 为其团队提供经费: whose team, a person (the team's leader)
            agents = [it for it in agents if it.type == "Person"]
        in_this = [it for it in agents if it.start > stop]
        in_prev = [it for it in agents if prev_stop < it.start <= stop]
        if subject is not None and text[start - 1 : start] in ("为", "给", "向", "对"):  # 学校为其…: not the subject
            in_this = [it for it in in_this if it.entity != subject.entity]
            in_prev = [it for it in in_prev if it.entity != subject.entity]
        if in_this or in_prev:
            return (in_this or in_prev)[0]
        return agents[-1] if agents else None
    elif kind.startswith("head:"):
        cands = [it for it in agents if it.name.endswith(tuple(kind[5:].split("|")))]
    else:
        cands = [it for it in (prior if kind == "Place" else agents) if it.type == kind]
    return cands[-1] if cands else None


# Bare nouns for the document's own body (公司, 学校, 我校, 研究院, 市政府), read as the model reads them
# (``relmodel.crosssent_zh.chinese``: the document's most-mentioned entity of a fitting type and name)
# (5-fold dev CV with held-out mentions, ZH both: .619/.560/.588 without, .619/.565/.591 with; funding R .14 -> .16,
# recruitment .47 -> .51)
_RULE_REFS = frozenset({"zh:company", "zh:school", "zh:institute", "zh:government", "zh:association", "zh:centre",
                        "zh:fund"})


def _references(text: str, items: list[Item]) -> list[Item]:
    """Items for the bare nouns of ``_RULE_REFS`` that no item covers (the rules' parties; the model finds its own)."""
    from mcfwatch.extract.relmodel import crosssent_zh
    from mcfwatch.extract.relmodel.candidates import Mention as M

    names = {it.entity: it.name for it in items}
    refs = crosssent_zh.chinese(text, [M(it.start, it.end, it.entity, it.type) for it in items])
    return [Item(m.start, m.end, m.entity, m.type, names.get(m.entity, "")) for m in refs
            if m.ref in _RULE_REFS and not any(it.start < m.end and m.start < it.end for it in items)]
