"""English candidate features from the spaCy parse. No entity strings: the two parties appear only as
their types, other mentions between them only as ``<Type>``, so what is learned is how relations are
written, not who takes part in them.

Features: both types; lemmas between the two (unigrams, bigrams, first, last); two words either side; the
dependency path between the two mention heads (labels, lemmas, its length, the word where it turns);
trigger-lexicon hits between and on the path; mentions in between; distance buckets; negation, modal and
conditional cues on the path (``modality.is_stated``).
"""

from __future__ import annotations

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


class Tokens:
    """A document's tokens and what the features read of each, computed once per document: every candidate
    of a sentence walks the same tokens again (a document of 40 sentences asked spaCy for ~3,000 tokens per
    candidate). What must stay true: ``lemma[i] == _lemma(doc[i])``, ``trig[i] == _trigger(doc[i])``,
    ``head[i] == doc[i].head.i`` (a test compares them on corpus documents)."""

    __slots__ = ("toks", "lemma", "trig", "head", "sent_start", "sent_end", "spans")

    def __init__(self, doc: Doc) -> None:
        self.toks: list[Token] = list(doc)
        self.lemma = [_lemma(t) for t in self.toks]
        self.trig = [_trigger(t) for t in self.toks]
        self.head = [t.head.i for t in self.toks]
        self.sent_start = [0] * len(doc)  # the sentence of each token, as in ``Span.sent``
        self.sent_end = [len(doc)] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self.sent_start[i], self.sent_end[i] = sent.start, sent.end
        self.spans: dict[tuple[int, int], tuple[Span, Token] | None] = {}

    def span(self, doc: Doc, start: int, end: int) -> tuple[Span, Token] | None:
        """The tokens of a mention (characters ``start``-``end``) and its root, looked up once."""
        key = (start, end)
        if key not in self.spans:
            sp = doc.char_span(start, end, alignment_mode="expand")
            self.spans[key] = (sp, sp.root) if sp is not None and len(sp) else None
        return self.spans[key]


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


def word_classes(toks: list[Token], where: str, tp: str) -> list[str]:
    """Money, percentages and joint work among ``toks`` as classes, alone and with the type pair."""
    found = set()
    for t in toks:
        low, nxt = t.lower_, t.nbor(1).lower_ if t.i + 1 < len(t.doc) else ""
        if t.is_currency or t.lemma_.lower() in _CURRENCY or (t.like_num and nxt in {"million", "billion"}):
            found.add("money")
        if low in _PERCENT or (low == "per" and nxt == "cent"):
            found.add("pct")
        if low in _JOINTLY or low.startswith("co-"):
            found.add("jointly")
    return [x for c in sorted(found) for x in (f"{c}_{where}", f"tp_{c}_{where}={tp}")]


def coordination_head(t: Token, tk: Tokens) -> Token:
    """The first conjunct of the coordination ``t`` is in ("co-hosted by A, B and C": A for C)."""
    for _ in range(12):
        # a list the parser reads as an appositive ("A, B and C": B is A's appositive, C B's conjunct)
        listed = t.dep_ == "appos" and t.pos_ == "PROPN" and any(c.dep_ == "conj" for c in t.children)
        if (t.dep_ != "conj" and not listed) or tk.head[t.i] == t.i:
            break
        t = tk.toks[tk.head[t.i]]
    return t


def ancestors(i: int, tk: Tokens) -> list[int]:
    """Token ``i`` and its heads up to its root, as indices (``[t, *t.ancestors]``)."""
    out = [i]
    while tk.head[i] != i and len(out) <= len(tk.head):
        i = tk.head[i]
        out.append(i)
    return out


def path(a: Token, b: Token, tk: Tokens) -> tuple[list[Token], Token, list[Token]]:
    """Tokens from a up to the lowest common ancestor, the ancestor, and from it down to b."""
    up_a = ancestors(a.i, tk)
    ids_a = {i: k for k, i in enumerate(up_a)}
    down: list[int] = []
    i = b.i
    for _ in range(60):
        if i in ids_a:
            return [tk.toks[j] for j in up_a[: ids_a[i]]], tk.toks[i], [tk.toks[j] for j in reversed(down)]
        down.append(i)
        if tk.head[i] == i:
            break
        i = tk.head[i]
    # different trees (bad sentence split): no common ancestor
    return [tk.toks[j] for j in up_a], tk.toks[up_a[-1]], [tk.toks[j] for j in reversed(down)]


def carried_features(doc: Doc, cand: Candidate, tp: str, f: list[str]) -> tuple[list[str], int]:
    """A candidate whose first party an earlier sentence named (the sentence says "it", "the centre", "their"):
    the words before the second party, its place in the parse and the triggers above it."""
    tk = tokens(doc)
    found = tk.span(doc, cand.second.start, cand.second.end)
    if found is None:
        return f, 0
    s2, h2 = found
    f += ["carried", f"tp_carried={tp}"]
    before = tk.toks[tk.sent_start[s2.start]: s2.start]
    words = [tk.lemma[t.i] for t in before if not t.is_punct]
    f += [f"cw={w}" for w in set(words)]
    f += [f"cb={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    refs = {t.lower_ for t in before} & {"it", "its", "they", "their", "he", "his", "she", "her", "the", "this",
                                         "these"}
    f += [f"cref={r}" for r in refs]
    head = tk.lemma[tk.head[h2.i]]
    f += [f"h2dep={h2.dep_}", f"h2head={head}", f"tp_h2head={tp}|{head}"]
    above, anchor = _above(tk, h2.i, tp, f)
    _modality(above, anchor, f)
    return f, anchor.i


def _above(tk: Tokens, i: int, tp: str, f: list[str]) -> tuple[list[Token], Token]:
    """The five tokens above token ``i`` in the parse (their triggers added to ``f``), and the anchor: the head
    of ``i``, or the first verb above it when that head is no verb."""
    anchor = tk.toks[tk.head[i]]
    above = [tk.toks[j] for j in ancestors(i, tk)[1:6]]
    for t in above:
        trig = tk.trig[t.i]
        if trig:
            f += [f"ptrig={trig}", f"tp_ptrig={tp}|{trig}"]
        if t.pos_ in {"VERB", "AUX"} and anchor.pos_ not in {"VERB", "AUX"}:
            anchor = t
    return above, anchor


def _modality(above: list[Token], anchor: Token, f: list[str]) -> None:
    """The rules' modality check for a party carried or stood for: a plan above it, or an anchor not stated."""
    cue = planned(above)
    if cue:
        f.append(f"plan={cue}")
    if cue or not is_stated(anchor):
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
    f += [f"pdep={h.dep_}", f"phead={head}", f"tp_phead={tp}|{head}"]
    after = [tk.lemma[t.i] for t in tk.toks[sp.end: min(sp.end + 10, tk.sent_end[sp.start])] if not t.is_punct]
    f += [f"aw={w}" for w in set(after)]
    f += [f"ab={a}_{b}" for a, b in zip(after, after[1:], strict=False)]
    above, anchor = _above(tk, h.i, tp, f)
    for t in tk.toks[sp.end: min(sp.end + 10, tk.sent_end[sp.start])]:
        trig = tk.trig[t.i]
        if trig:
            f += [f"atrig={trig}", f"tp_atrig={tp}|{trig}"]
    _modality(above, anchor, f)
    return f, anchor.i


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
    (s1, h1), (s2, h2) = found1, found2
    masked: dict[int, str] = {}
    for m in cand.between:
        sp = tk.span(doc, m.start, m.end)
        if sp is not None:
            for i in range(sp[0].start, sp[0].end):
                masked[i] = f"<{m.type}>"
    words: list[str] = []
    triggers: list[str] = []
    between = tk.toks[s1.end: s2.start]
    for t in between:
        if t.i in masked:
            if not words or words[-1] != masked[t.i]:
                words.append(masked[t.i])
            continue
        if t.is_punct and t.text not in {",", "(", ")", "'s", ";", ":"}:
            continue
        words.append(tk.lemma[t.i])
        trig = tk.trig[t.i]
        if trig:
            triggers.append(trig)
        if t.lower_ in _NEG:
            f.append("neg_between")
        if t.lower_ in _MODAL:
            f.append("modal_between")
    n_tok = max(0, s2.start - s1.end)
    f += [f"dist={_bucket(n_tok)}", f"nbetween={_bucket(len(cand.between))}"]
    if not words:
        f.append("bw=<none>")
    else:
        f += [f"bw={w}" for w in set(words)]
        f += [f"bb={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
        f += [f"bfirst={words[0]}", f"blast={words[-1]}", f"tp_bfirst={tp}|{words[0]}", f"tp_blast={tp}|{words[-1]}"]
        if len(words) <= 4:
            f.append(f"ball={'_'.join(words)}")
    sent1_start, sent2_end = tk.sent_start[s1.start], tk.sent_end[s2.end - 1]
    for k, i in enumerate(reversed(range(max(sent1_start, s1.start - 2), s1.start))):
        f.append(f"pre{k + 1}={tk.lemma[i]}")
    for k, i in enumerate(range(s2.end, min(s2.end + 2, sent2_end))):
        f.append(f"post{k + 1}={tk.lemma[i]}")
    for trig in set(triggers):
        f += [f"trig={trig}", f"tp_trig={tp}|{trig}"]
    # dependency path between the mention heads
    up, lca, down = path(h1, h2, tk)
    labels = [f"{t.dep_}^" for t in up] + [f"v{t.dep_}" for t in down]
    lca_lemma = tk.lemma[lca.i]
    inner = ([tk.lemma[t.i] for t in up[1:]] + ([lca_lemma] if lca not in (h1, h2) else [])
             + [tk.lemma[t.i] for t in down[:-1]])
    f += [f"plen={_bucket(len(labels))}", f"lca={lca_lemma}", f"lcapos={lca.pos_}", f"tp_lca={tp}|{lca_lemma}",
          f"h1dep={h1.dep_}", f"h2dep={h2.dep_}", f"h1head={tk.lemma[tk.head[h1.i]]}",
          f"h2head={tk.lemma[tk.head[h2.i]]}"]
    if len(labels) <= 6:
        f.append(f"path={'/'.join(labels)}")
        f.append(f"tp_path={tp}|{'/'.join(labels)}")
    if len(labels) <= 4:
        f.append(f"lpath={'/'.join(labels)}|{lca_lemma}")
    f += [f"pl={w}" for w in set(inner)]
    on_path = [*up[1:], lca, *down[:-1]] if lca not in (h1, h2) else [*up[1:], *down[:-1]]
    trigger_tokens = []
    for t in on_path:
        trig = tk.trig[t.i]
        if trig:
            trigger_tokens.append(t)
            f += [f"ptrig={trig}", f"tp_ptrig={tp}|{trig}"]
    anchor = lca if lca not in (h1, h2) else (tk.toks[tk.head[h1.i]] if lca.i == h2.i else tk.toks[tk.head[h2.i]])
    # the rules' modality check, on the turn of the path and on every trigger word along it ("is being
    # investigated for exporting": the export is not stated)
    cue = planned(on_path)
    if cue:
        f.append(f"plan={cue}")
    if cue or not all(is_stated(t) for t in [anchor, *trigger_tokens]):
        f.append("not_stated")
    anchor = trigger_tokens[0] if trigger_tokens else anchor
    if any(c.dep_ == "neg" for c in lca.children):
        f.append("neg_lca")
    f += word_classes(between, "between", tp)
    f += word_classes(tk.toks[s2.end: min(s2.end + 4, sent2_end)], "after", tp)
    f += coordination_features(h1, h2, tp, tk)
    return f, anchor.i


def coordination_features(h1: Token, h2: Token, tp: str, tk: Tokens) -> list[str]:
    """A party inside a coordination ("co-hosted by the Ministry of Commerce and the Heilongjiang Provincial
    People's Government"): the path from the coordination's first conjunct, as if the list were one party; two
    parties in one coordination ("A and B signed"): the word the coordination hangs from."""
    c1, c2 = coordination_head(h1, tk), coordination_head(h2, tk)
    if c1.i == c2.i:
        head = tk.lemma[tk.head[c1.i]]
        return ["coordinated", f"coord_head={head}", f"tp_coord_head={tp}|{head}"]
    if (c1.i, c2.i) == (h1.i, h2.i):
        return []
    up, lca, down = path(c1, c2, tk)
    labels = [f"{t.dep_}^" for t in up] + [f"v{t.dep_}" for t in down]
    f = ["conj_collapsed", f"clca={tk.lemma[lca.i]}", f"tp_clca={tp}|{tk.lemma[lca.i]}"]
    if len(labels) <= 6:
        f += [f"cpath={'/'.join(labels)}", f"tp_cpath={tp}|{'/'.join(labels)}"]
    for t in [*up[1:], lca, *down[:-1]]:
        trig = tk.trig[t.i]
        if trig:
            f += [f"cptrig={trig}", f"tp_cptrig={tp}|{trig}"]
    return f
