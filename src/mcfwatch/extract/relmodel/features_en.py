"""English candidate features from the spaCy parse. No entity strings: the two parties appear only as
their types, other mentions between them only as ``<Type>``, so what is learned is how relations are
written, not who takes part in them.

Features: both types; lemmas between the two (unigrams, bigrams, first, last); two words either side; the
dependency path between the two mention heads (labels, lemmas, its length, the word where it turns);
trigger-lexicon hits between and on the path; mentions in between; distance buckets; negation, modal and
conditional cues on the path (``modality.is_stated``).
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span, Token

from mcfwatch.extract.en.lexicon import NOUN_TRIGGERS, VERB_TRIGGERS
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.relmodel.candidates import Candidate

_NEG = {"not", "never", "no", "n't", "neither", "nor", "without"}
_MODAL = {"may", "might", "could", "would", "should", "will", "shall", "can", "must"}
# A plan, proposal or hypothesis between the two parties is no relation ("Brunel University proposed a joint
# laboratory with the Lizhong Group", "plans to", "is considering", "aims to", "would", "could"). The rules'
# ``is_stated`` looks only above a trigger, so a path that turns at "proposed" itself went unchecked.
PLAN_VERBS = {"propose", "plan", "consider", "aim", "intend", "hope", "seek", "contemplate", "mull", "wish", "want",
              "expect"}
PLAN_NOUNS = {"proposal", "intention", "prospect", "possibility"}
_HOPE = {"hope", "hopes", "hoped", "hoping"}
HYPOTHETICAL = {"would", "could", "might", "may", "will", "'ll", "should"}
# Word classes that newswire spells many ways: money given or put into a partner, percentage stakes, work done
# jointly ("co-hosted by", "run jointly with", "together with").
_CURRENCY = {"yuan", "rmb", "renminbi", "dollar", "euro", "pound", "sterling", "franc", "yen", "krone", "won"}
_PERCENT = {"%", "percent", "percentage"}
_JOINTLY = {"jointly", "together", "co", "joint"}
_CLASS_WORDS = _PERCENT | _JOINTLY | {"per"}  # a word that may hold a class without a number, currency or "co-"


def _bucket(n: int) -> str:
    for b in (0, 1, 2, 3, 5, 8, 12, 20, 30):
        if n <= b:
            return str(b)
    return "30+"


def _lemma(t: Token) -> str:
    if t.like_num:
        return "<num>"
    return t.lemma_.lower() if t.lemma_ else t.lower_


def _trigger(t: Token) -> str | None:
    lemma = t.lemma_.lower()
    if t.pos_ in {"VERB", "AUX"}:
        return VERB_TRIGGERS.get(lemma)
    if t.pos_ in {"NOUN", "PROPN"}:
        return NOUN_TRIGGERS.get(lemma)
    return None


_KEPT_PUNCT = {",", "(", ")", "'s", ";", ":"}
_REFS = {"it", "its", "they", "their", "he", "his", "she", "her", "the", "this", "these"}
_UNSET = object()
_COLUMNS: list[int | str] = ["LOWER", "ORTH", "LEMMA", "DEP", "POS", "HEAD", "IS_PUNCT", "LIKE_NUM", "IS_CURRENCY"]
_STRINGS: dict[int, str] = {0: ""}  # string hash -> string, shared by every document (the same words recur)
_STRINGS_MAX = 1 << 20


def _strings(doc: Doc, *columns: list[int]) -> dict[int, str]:
    """The strings of the hashes in ``columns`` (``doc``'s vocabulary), each decoded once per process
    (``Token.lower_`` and the like decode theirs on every call)."""
    global _STRINGS
    if len(_STRINGS) > _STRINGS_MAX:
        _STRINGS = {0: ""}  # a new table, never clear(): another thread may be reading the old one
    table = _STRINGS  # this call fills and returns one table even if another thread swaps it meanwhile
    store = doc.vocab.strings
    for h in set().union(*columns) - table.keys():
        table[h] = store[h]
    return table


class Tokens:
    """A document's tokens and what the features read of each, computed once per document: every candidate
    of a sentence walks the same tokens again (a document of 40 sentences asked spaCy for ~3,000 tokens per
    candidate), and reading an attribute of a spaCy token, or the token itself (``doc[i]``, ``t.children``), costs
    a Python object each time. What must stay true: every list holds what spaCy's token ``i`` says
    (``lemma[i] == _lemma(doc[i])``, ``trig[i] == _trigger(doc[i])``, ``head[i] == doc[i].head.i``,
    ``dep[i] == doc[i].dep_``, ...), and each lazily cached answer (``plan_cue``, ``stated``, ``neg_child``,
    ``conj_child``) is the plain function's on that token (tests/extract_en/test_features_cache.py compares them
    on corpus documents)."""

    __slots__ = ("doc", "lemma", "trig", "head", "sent_start", "sent_end", "spans", "lower", "dep", "pos",
                 "low_lemma", "punct", "skip", "classes", "_cue", "_stated", "_neg", "_conj")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        n = len(doc)
        # one column per attribute (``Doc.to_array``) instead of a ``Token`` object and an attribute call each
        cols = doc.to_array(_COLUMNS) if n else np.zeros((0, len(_COLUMNS)), dtype=np.uint64)
        lower_id, orth_id, lemma_id, dep_id, pos_id, _, punct, num, currency = cols.T.tolist()
        rel_head = cols[:, _COLUMNS.index("HEAD")].astype(np.int64).tolist()  # the head's offset, maybe negative
        text = _strings(doc, lower_id, orth_id, lemma_id, dep_id, pos_id)  # a part of speech's id is its hash
        self.lower = [text[h] for h in lower_id]
        self.dep = [text[h] for h in dep_id]
        self.pos = [text[h] for h in pos_id]
        self.low_lemma = [text[h].lower() for h in lemma_id]  # the raw lemma, lower-cased ("" when spaCy gave none)
        # ``_lemma``: "<num>", else the lemma, else the lower-cased word
        self.lemma = ["<num>" if k else (ll or low) for k, ll, low in zip(num, self.low_lemma, self.lower, strict=True)]
        self.trig = [VERB_TRIGGERS.get(ll) if p in {"VERB", "AUX"} else NOUN_TRIGGERS.get(ll)
                     if p in {"NOUN", "PROPN"} else None for ll, p in zip(self.low_lemma, self.pos, strict=True)]
        self.head = [i + r for i, r in enumerate(rel_head)]
        self.punct = [bool(k) for k in punct]
        # a punctuation token the words between two parties leave out
        self.skip = [bool(k) and text[h] not in _KEPT_PUNCT for k, h in zip(punct, orth_id, strict=True)]
        nxt = [*self.lower[1:], ""] if n else []  # an empty document has no tokens to follow
        self.classes = [_classes(bool(c), bool(k), ll, low, x) if c or k or ll in _CURRENCY or low in _CLASS_WORDS
                        or low.startswith("co-") else ()
                        for c, k, ll, low, x in zip(currency, num, self.low_lemma, self.lower, nxt, strict=True)]
        self.sent_start = [0] * n  # the sentence of each token, as in ``Span.sent``
        self.sent_end = [n] * n
        for sent in doc.sents:
            s, e = sent.start, sent.end
            self.sent_start[s:e] = [s] * (e - s)
            self.sent_end[s:e] = [e] * (e - s)
        self.spans: dict[tuple[int, int], tuple[Span, Token] | None] = {}
        self._cue: list[object] = [_UNSET] * n
        self._stated: list[object] = [_UNSET] * n
        self._neg: list[object] = [_UNSET] * n
        self._conj: list[object] = [_UNSET] * n

    def span(self, doc: Doc, start: int, end: int) -> tuple[Span, Token] | None:
        """The tokens of a mention (characters ``start``-``end``) and its root, looked up once."""
        key = (start, end)
        if key not in self.spans:
            sp = doc.char_span(start, end, alignment_mode="expand")
            self.spans[key] = (sp, sp.root) if sp is not None and len(sp) else None
        return self.spans[key]

    def plan_cue(self, i: int) -> str | None:
        """``planned([doc[i]])``, computed once per token."""
        cue = self._cue[i]
        if cue is _UNSET:
            cue = self._cue[i] = planned([self.doc[i]])
        return cue  # type: ignore[return-value]

    def stated(self, i: int) -> bool:
        """``is_stated(doc[i])``, computed once per token."""
        found = self._stated[i]
        if found is _UNSET:
            found = self._stated[i] = is_stated(self.doc[i])
        return found  # type: ignore[return-value]

    def neg_child(self, i: int) -> bool:
        """Whether token ``i`` has a child of dependency ``neg``, computed once per token."""
        found = self._neg[i]
        if found is _UNSET:
            found = self._neg[i] = any(c.dep_ == "neg" for c in self.doc[i].children)
        return found  # type: ignore[return-value]

    def conj_child(self, i: int) -> bool:
        """Whether token ``i`` has a child of dependency ``conj``, computed once per token."""
        found = self._conj[i]
        if found is _UNSET:
            found = self._conj[i] = any(c.dep_ == "conj" for c in self.doc[i].children)
        return found  # type: ignore[return-value]


def _classes(currency: bool, num: bool, low_lemma: str, low: str, nxt: str) -> tuple[str, ...]:
    """The word classes (``word_classes``) one token holds; ``nxt``: the next token's lower-cased word."""
    found: tuple[str, ...] = ()
    if currency or low_lemma in _CURRENCY or (num and nxt in {"million", "billion"}):
        found += ("money",)
    if low in _PERCENT or (low == "per" and nxt == "cent"):
        found += ("pct",)
    if low in _JOINTLY or low.startswith("co-"):
        found += ("jointly",)
    return found


def tokens(doc: Doc) -> Tokens:
    """The document's ``Tokens``, built on first use."""
    found = doc.user_data.get("mcfwatch_tokens")
    if not isinstance(found, Tokens):
        found = doc.user_data["mcfwatch_tokens"] = Tokens(doc)
    return found


def planned(tokens: list[Token]) -> str | None:
    """The plan, proposal or hypothetical auxiliary among ``tokens`` (the path between two parties), if any."""
    for t in tokens:
        lemma = "hope" if t.lower_ in _HOPE else t.lemma_.lower()  # the lemmatizer gives "hopes" -> "hop"
        if (t.pos_ in {"VERB", "AUX"} and lemma in PLAN_VERBS) or (t.pos_ == "NOUN" and lemma in PLAN_NOUNS):
            return lemma
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL:
                return c.lower_
    return None


def planned_at(ids: list[int], tk: Tokens) -> str | None:
    """``planned`` of the tokens ``ids``, each token's answer computed once per document."""
    for i in ids:
        cue = tk.plan_cue(i)
        if cue is not None:
            return cue
    return None


def word_classes(tk: Tokens, start: int, end: int, where: str, tp: str) -> list[str]:
    """Money, percentages and joint work among tokens ``start``-``end`` as classes, alone and with the type pair."""
    found: set[str] = set()
    for c in tk.classes[start:end]:
        if c:
            found.update(c)
    return [x for c in sorted(found) for x in (f"{c}_{where}", f"tp_{c}_{where}={tp}")]


def coordination_head(i: int, tk: Tokens) -> int:
    """The first conjunct of the coordination token ``i`` is in ("co-hosted by A, B and C": A for C)."""
    for _ in range(12):
        # a list the parser reads as an appositive ("A, B and C": B is A's appositive, C B's conjunct)
        dep = tk.dep[i]
        listed = dep == "appos" and tk.pos[i] == "PROPN" and tk.conj_child(i)
        if (dep != "conj" and not listed) or tk.head[i] == i:
            break
        i = tk.head[i]
    return i


def ancestors(i: int, tk: Tokens) -> list[int]:
    """Token ``i`` and its heads up to its root, as indices (``[t, *t.ancestors]``)."""
    out = [i]
    while tk.head[i] != i and len(out) <= len(tk.head):
        i = tk.head[i]
        out.append(i)
    return out


def path_ids(a: int, b: int, tk: Tokens) -> tuple[list[int], int, list[int]]:
    """Token indices from a up to the lowest common ancestor, the ancestor, and from it down to b."""
    up_a = ancestors(a, tk)
    ids_a = {i: k for k, i in enumerate(up_a)}
    down: list[int] = []
    i = b
    for _ in range(60):
        if i in ids_a:
            down.reverse()
            return up_a[: ids_a[i]], i, down
        down.append(i)
        if tk.head[i] == i:
            break
        i = tk.head[i]
    # different trees (bad sentence split): no common ancestor
    down.reverse()
    return up_a, up_a[-1], down


def path(a: Token, b: Token, tk: Tokens) -> tuple[list[Token], Token, list[Token]]:
    """``path_ids`` as spaCy tokens."""
    up, lca, down = path_ids(a.i, b.i, tk)
    return [tk.doc[j] for j in up], tk.doc[lca], [tk.doc[j] for j in down]


def carried_features(doc: Doc, cand: Candidate, tp: str, f: list[str]) -> tuple[list[str], int]:
    """A candidate whose first party an earlier sentence named (the sentence says "it", "the centre", "their"):
    the words before the second party, its place in the parse and the triggers above it."""
    tk = tokens(doc)
    found = tk.span(doc, cand.second.start, cand.second.end)
    if found is None:
        return f, 0
    s2, h2 = found
    f += ["carried", f"tp_carried={tp}"]
    before = range(tk.sent_start[s2.start], s2.start)
    words = [tk.lemma[i] for i in before if not tk.punct[i]]
    f += [f"cw={w}" for w in set(words)]
    f += [f"cb={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    refs = {tk.lower[i] for i in before} & _REFS
    f += [f"cref={r}" for r in refs]
    h = h2.i
    head = tk.lemma[tk.head[h]]
    f += [f"h2dep={tk.dep[h]}", f"h2head={head}", f"tp_h2head={tp}|{head}"]
    above, anchor = _above(tk, h, tp, f)
    _modality(above, anchor, tk, f)
    return f, anchor


def _above(tk: Tokens, i: int, tp: str, f: list[str]) -> tuple[list[int], int]:
    """The five tokens above token ``i`` in the parse (their triggers added to ``f``), and the anchor: the head
    of ``i``, or the first verb above it when that head is no verb."""
    anchor = tk.head[i]
    above = ancestors(i, tk)[1:6]
    for j in above:
        trig = tk.trig[j]
        if trig:
            f += [f"ptrig={trig}", f"tp_ptrig={tp}|{trig}"]
        if tk.pos[j] in {"VERB", "AUX"} and tk.pos[anchor] not in {"VERB", "AUX"}:
            anchor = j
    return above, anchor


def _modality(above: list[int], anchor: int, tk: Tokens, f: list[str]) -> None:
    """The rules' modality check for a party carried or stood for: a plan above it, or an anchor not stated."""
    cue = planned_at(above, tk)
    if cue:
        f.append(f"plan={cue}")
    if cue or not tk.stated(anchor):
        f.append("not_stated")


def pair_features(doc: Doc, cand: Candidate, tp: str, f: list[str]) -> tuple[list[str], int]:
    """A candidate of the two parties one pair word stands for ("The two universities signed a memorandum"):
    the pair word's place in the parse, the triggers above it and the words after it in its sentence."""
    tk = tokens(doc)
    found = tk.span(doc, cand.first.start, cand.first.end)
    if found is None:
        return f, 0
    sp, h = found
    f += ["pair", f"tp_pair={tp}"]
    head = tk.lemma[tk.head[h.i]]
    f += [f"pdep={tk.dep[h.i]}", f"phead={head}", f"tp_phead={tp}|{head}"]
    following = range(sp.end, min(sp.end + 10, tk.sent_end[sp.start]))
    after = [tk.lemma[i] for i in following if not tk.punct[i]]
    f += [f"aw={w}" for w in set(after)]
    f += [f"ab={a}_{b}" for a, b in zip(after, after[1:], strict=False)]
    above, anchor = _above(tk, h.i, tp, f)
    for i in following:
        trig = tk.trig[i]
        if trig:
            f += [f"atrig={trig}", f"tp_atrig={tp}|{trig}"]
    _modality(above, anchor, tk, f)
    return f, anchor


def features(doc: Doc, cand: Candidate) -> tuple[list[str], int]:
    """The candidate's feature strings, and the token index that stands for its trigger (the path's turn)."""
    t1, t2 = cand.first.type, cand.second.type
    tp = f"{t1}|{t2}"
    f = [f"t1={t1}", f"t2={t2}", f"tp={tp}"]
    if cand.first.end <= cand.sent_start:
        return carried_features(doc, cand, tp, f)
    if cand.first.start == cand.second.start:  # one pair word stands for both ("the two universities")
        return pair_features(doc, cand, tp, f)
    tk = tokens(doc)
    found1, found2 = tk.span(doc, cand.first.start, cand.first.end), tk.span(doc, cand.second.start, cand.second.end)
    if found1 is None or found2 is None:
        return f, 0
    (s1, tok1), (s2, tok2) = found1, found2
    h1, h2 = tok1.i, tok2.i
    s1_start, s1_end, s2_start, s2_end = s1.start, s1.end, s2.start, s2.end
    masked: dict[int, str] = {}
    for m in cand.between:
        sp = tk.span(doc, m.start, m.end)
        if sp is not None:
            for i in range(sp[0].start, sp[0].end):
                masked[i] = f"<{m.type}>"
    words: list[str] = []
    triggers: list[str] = []
    lemma, trig_of, lower, skip = tk.lemma, tk.trig, tk.lower, tk.skip
    for i in range(s1_end, s2_start):
        if i in masked:
            if not words or words[-1] != masked[i]:
                words.append(masked[i])
            continue
        if skip[i]:
            continue
        words.append(lemma[i])
        trig = trig_of[i]
        if trig:
            triggers.append(trig)
        low = lower[i]
        if low in _NEG:
            f.append("neg_between")
        if low in _MODAL:
            f.append("modal_between")
    n_tok = max(0, s2_start - s1_end)
    f += [f"dist={_bucket(n_tok)}", f"nbetween={_bucket(len(cand.between))}"]
    if not words:
        f.append("bw=<none>")
    else:
        f += [f"bw={w}" for w in set(words)]
        f += [f"bb={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
        f += [f"bfirst={words[0]}", f"blast={words[-1]}", f"tp_bfirst={tp}|{words[0]}", f"tp_blast={tp}|{words[-1]}"]
        if len(words) <= 4:
            f.append(f"ball={'_'.join(words)}")
    sent1_start, sent2_end = tk.sent_start[s1_start], tk.sent_end[s2_end - 1]
    for k, i in enumerate(reversed(range(max(sent1_start, s1_start - 2), s1_start))):
        f.append(f"pre{k + 1}={lemma[i]}")
    for k, i in enumerate(range(s2_end, min(s2_end + 2, sent2_end))):
        f.append(f"post{k + 1}={lemma[i]}")
    for trig in set(triggers):
        f += [f"trig={trig}", f"tp_trig={tp}|{trig}"]
    # dependency path between the mention heads
    up, lca, down = path_ids(h1, h2, tk)
    dep = tk.dep
    labels = [f"{dep[i]}^" for i in up] + [f"v{dep[i]}" for i in down]
    lca_lemma = lemma[lca]
    turns = lca not in (h1, h2)
    inner = [lemma[i] for i in up[1:]] + ([lca_lemma] if turns else []) + [lemma[i] for i in down[:-1]]
    f += [f"plen={_bucket(len(labels))}", f"lca={lca_lemma}", f"lcapos={tk.pos[lca]}", f"tp_lca={tp}|{lca_lemma}",
          f"h1dep={dep[h1]}", f"h2dep={dep[h2]}", f"h1head={lemma[tk.head[h1]]}", f"h2head={lemma[tk.head[h2]]}"]
    if len(labels) <= 6:
        f.append(f"path={'/'.join(labels)}")
        f.append(f"tp_path={tp}|{'/'.join(labels)}")
    if len(labels) <= 4:
        f.append(f"lpath={'/'.join(labels)}|{lca_lemma}")
    f += [f"pl={w}" for w in set(inner)]
    on_path = [*up[1:], lca, *down[:-1]] if turns else [*up[1:], *down[:-1]]
    trigger_tokens = []
    for i in on_path:
        trig = trig_of[i]
        if trig:
            trigger_tokens.append(i)
            f += [f"ptrig={trig}", f"tp_ptrig={tp}|{trig}"]
    anchor = lca if turns else (tk.head[h1] if lca == h2 else tk.head[h2])
    # the rules' modality check, on the turn of the path and on every trigger word along it ("is being
    # investigated for exporting": the export is not stated)
    cue = planned_at(on_path, tk)
    if cue:
        f.append(f"plan={cue}")
    if cue or not all(tk.stated(i) for i in [anchor, *trigger_tokens]):
        f.append("not_stated")
    anchor = trigger_tokens[0] if trigger_tokens else anchor
    if tk.neg_child(lca):
        f.append("neg_lca")
    f += word_classes(tk, s1_end, s2_start, "between", tp)
    f += word_classes(tk, s2_end, min(s2_end + 4, sent2_end), "after", tp)
    f += coordination_features(h1, h2, tp, tk)
    return f, anchor


def coordination_features(h1: int, h2: int, tp: str, tk: Tokens) -> list[str]:
    """A party inside a coordination ("co-hosted by the Ministry of Commerce and the Heilongjiang Provincial
    People's Government"): the path from the coordination's first conjunct, as if the list were one party; two
    parties in one coordination ("A and B signed"): the word the coordination hangs from. ``h1``, ``h2``: the
    parties' head tokens."""
    c1, c2 = coordination_head(h1, tk), coordination_head(h2, tk)
    if c1 == c2:
        head = tk.lemma[tk.head[c1]]
        return ["coordinated", f"coord_head={head}", f"tp_coord_head={tp}|{head}"]
    if (c1, c2) == (h1, h2):
        return []
    up, lca, down = path_ids(c1, c2, tk)
    labels = [f"{tk.dep[i]}^" for i in up] + [f"v{tk.dep[i]}" for i in down]
    f = ["conj_collapsed", f"clca={tk.lemma[lca]}", f"tp_clca={tp}|{tk.lemma[lca]}"]
    if len(labels) <= 6:
        f += [f"cpath={'/'.join(labels)}", f"tp_cpath={tp}|{'/'.join(labels)}"]
    for i in [*up[1:], lca, *down[:-1]]:
        trig = tk.trig[i]
        if trig:
            f += [f"cptrig={trig}", f"tp_cptrig={tp}|{trig}"]
    return f
