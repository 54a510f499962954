"""The English features read each document's tokens once (``features_en.Tokens``): what they cache must be what
spaCy's tokens say, and the features must not depend on whether the cache was warm."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc, Token

from mcfwatch.extract.en import EnglishExtractor
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.relmodel import examples, features_en
from mcfwatch.extract.relmodel.data import TrainDoc, from_corpus

REPO = Path(__file__).resolve().parents[2]
DOC_IDS = ("en-w-1001", "en-w-1040", "en-w-1246", "en-w-1174")  # export, mcf_link list, co-hosts, Seven Sons


@pytest.fixture(scope="module")
def parsed(english: EnglishExtractor) -> list[tuple[TrainDoc, Doc]]:
    docs = [d for d in from_corpus(REPO / "corpus" / "train" / "en.jsonl") if d.id in DOC_IDS]
    assert len(docs) == len(DOC_IDS)
    return [(d, english.nlp(d.text)) for d in docs]


def _path_by_tokens(a: Token, b: Token) -> tuple[list[int], int, list[int]]:
    """The path as spaCy's own ``Token.ancestors`` give it (the reference for the cached one)."""
    up = [a, *a.ancestors]
    ids = [t.i for t in up]
    down: list[int] = []
    t = b
    while t.i not in ids:
        down.append(t.i)
        if t.head.i == t.i:
            return ids, ids[-1], list(reversed(down))
        t = t.head
    return ids[: ids.index(t.i)], t.i, list(reversed(down))


def test_cached_tokens_are_spacys(parsed: list[tuple[TrainDoc, Doc]]) -> None:
    for _, sdoc in parsed:
        tk = features_en.tokens(sdoc)
        assert tk is features_en.tokens(sdoc)  # built once per document
        for t in sdoc:
            assert tk.lemma[t.i] == features_en._lemma(t) and tk.trig[t.i] == features_en._trigger(t)
            assert tk.head[t.i] == t.head.i
            sent = sdoc[t.i: t.i + 1].sent
            assert (tk.sent_start[t.i], tk.sent_end[t.i]) == (sent.start, sent.end)
        for t in sdoc:  # what the features read of each token, and what they cache per token on first use
            nxt = sdoc[t.i + 1].lower_ if t.i + 1 < len(sdoc) else ""
            assert (tk.lower[t.i], tk.dep[t.i], tk.pos[t.i], tk.low_lemma[t.i]) == (
                t.lower_, t.dep_, t.pos_, t.lemma_.lower())
            assert tk.punct[t.i] == t.is_punct
            assert tk.skip[t.i] == (t.is_punct and t.text not in {",", "(", ")", "'s", ";", ":"})
            assert tk.plan_cue(t.i) == features_en.planned([t])
            assert tk.stated(t.i) == is_stated(t)
            assert tk.neg_child(t.i) == any(c.dep_ == "neg" for c in t.children)
            assert tk.conj_child(t.i) == any(c.dep_ == "conj" for c in t.children)
            low = t.lower_
            plain = {"money": t.is_currency or t.lemma_.lower() in features_en._CURRENCY
                     or (t.like_num and nxt in {"million", "billion"}),
                     "pct": low in features_en._PERCENT or (low == "per" and nxt == "cent"),
                     "jointly": low in features_en._JOINTLY or low.startswith("co-")}
            assert set(tk.classes[t.i]) == {c for c, hit in plain.items() if hit}
        heads = [t for t in sdoc if t.pos_ in {"PROPN", "NOUN"}][:40]
        for a in heads:
            for b in heads:
                up, lca, down = features_en.path(a, b, tk)
                assert ([t.i for t in up], lca.i, [t.i for t in down]) == _path_by_tokens(a, b)


def test_features_do_not_depend_on_a_warm_cache(parsed: list[tuple[TrainDoc, Doc]], english: EnglishExtractor
                                                ) -> None:
    """Every candidate of the documents: the features of a freshly parsed copy, built candidate by candidate in
    reverse order (each mention's lookup cold at first), equal those of one pass in order."""
    for doc, sdoc in parsed:
        forward = examples.english(sdoc, doc.mentions)
        assert len(forward) > 20
        fresh = english.nlp(doc.text)
        for ex in reversed(forward):
            feats, anchor = features_en.features(fresh, ex.cand)
            assert (ex.features[: len(feats)], ex.anchor) == (feats, anchor)


def test_an_empty_document_has_an_empty_token_table() -> None:
    """Review s25: the look-ahead column was one longer than an empty document and zip(strict) raised."""
    import spacy

    table = features_en.Tokens(spacy.blank("en")(""))
    assert table.lower == [] and table.classes == []


def test_a_full_string_table_is_replaced_not_emptied(parsed: list[tuple[TrainDoc, Doc]],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Review s25: another thread may hold the table _strings returned; a full one is swapped for a new one."""
    _, doc = parsed[0]
    held = features_en._strings(doc, [t.lower for t in doc])
    before = dict(held)
    monkeypatch.setattr(features_en, "_STRINGS_MAX", 0)
    features_en._strings(doc, [t.orth for t in doc])
    assert held == before  # the reader's table is untouched
    assert features_en._STRINGS is not held
