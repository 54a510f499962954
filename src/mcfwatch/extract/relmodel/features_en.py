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


def _span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens of a mention, looked up once per document (every candidate of a mention asks again)."""
    cache = doc.user_data.setdefault("mcfwatch_spans", {})
    if (start, end) not in cache:
        span = doc.char_span(start, end, alignment_mode="expand")
        cache[(start, end)] = span if span is not None and len(span) else None
    found: Span | None = cache[(start, end)]
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


def word_classes(tokens: list[Token], where: str, tp: str) -> list[str]:
    """Money, percentages and joint work among ``tokens`` as classes, alone and with the type pair."""
    found = set()
    for t in tokens:
        low, nxt = t.lower_, t.nbor(1).lower_ if t.i + 1 < len(t.doc) else ""
        if t.is_currency or t.lemma_.lower() in _CURRENCY or (t.like_num and nxt in {"million", "billion"}):
            found.add("money")
        if low in _PERCENT or (low == "per" and nxt == "cent"):
            found.add("pct")
        if low in _JOINTLY or low.startswith("co-"):
            found.add("jointly")
    return [x for c in sorted(found) for x in (f"{c}_{where}", f"tp_{c}_{where}={tp}")]


def coordination_head(t: Token) -> Token:
    """The first conjunct of the coordination ``t`` is in ("co-hosted by A, B and C": A for C)."""
    for _ in range(12):
        if t.dep_ != "conj" or t.head.i == t.i:
            break
        t = t.head
    return t


def path(a: Token, b: Token) -> tuple[list[Token], Token, list[Token]]:
    """Tokens from a up to the lowest common ancestor, the ancestor, and from it down to b."""
    up_a = [a, *a.ancestors]
    ids_a = {t.i: k for k, t in enumerate(up_a)}
    down: list[Token] = []
    t = b
    for _ in range(60):
        if t.i in ids_a:
            return up_a[: ids_a[t.i]], t, list(reversed(down))
        down.append(t)
        if t.head.i == t.i:
            break
        t = t.head
    return up_a, up_a[-1], list(reversed(down))  # different trees (bad sentence split): no common ancestor


def carried_features(doc: Doc, cand: Candidate, tp: str, f: list[str]) -> tuple[list[str], int]:
    """A candidate whose first party an earlier sentence named (the sentence says "it", "the centre", "their"):
    the words before the second party, its place in the parse and the triggers above it."""
    s2 = _span(doc, cand.second.start, cand.second.end)
    if s2 is None:
        return f, 0
    f += ["carried", f"tp_carried={tp}"]
    sent = s2.sent
    words = [_lemma(t) for t in doc[sent.start: s2.start] if not t.is_punct]
    f += [f"cw={w}" for w in set(words)]
    f += [f"cb={a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    refs = {t.lower_ for t in doc[sent.start: s2.start]} & {"it", "its", "they", "their", "he", "his", "she", "her",
                                                             "the", "this", "these"}
    f += [f"cref={r}" for r in refs]
    h2 = s2.root
    f += [f"h2dep={h2.dep_}", f"h2head={_lemma(h2.head)}", f"tp_h2head={tp}|{_lemma(h2.head)}"]
    anchor = h2.head
    for t in [h2, *h2.ancestors][1:6]:
        trig = _trigger(t)
        if trig:
            f += [f"ptrig={trig}", f"tp_ptrig={tp}|{trig}"]
        if t.pos_ in {"VERB", "AUX"} and anchor.pos_ not in {"VERB", "AUX"}:
            anchor = t
    cue = planned([h2, *h2.ancestors][1:6])
    if cue:
        f.append(f"plan={cue}")
    if cue or not is_stated(anchor):
        f.append("not_stated")
    return f, anchor.i


def features(doc: Doc, cand: Candidate) -> tuple[list[str], int]:
    """The candidate's feature strings, and the token index that stands for its trigger (the path's turn)."""
    t1, t2 = cand.first.type, cand.second.type
    tp = f"{t1}|{t2}"
    f = [f"t1={t1}", f"t2={t2}", f"tp={tp}"]
    if cand.first.end <= cand.sent_start:
        return carried_features(doc, cand, tp, f)
    s1, s2 = _span(doc, cand.first.start, cand.first.end), _span(doc, cand.second.start, cand.second.end)
    if s1 is None or s2 is None:
        return f, 0
    masked: dict[int, str] = {}
    for m in cand.between:
        sp = _span(doc, m.start, m.end)
        if sp is not None:
            for t in sp:
                masked[t.i] = f"<{m.type}>"
    words: list[str] = []
    triggers: list[str] = []
    for t in doc[s1.end: s2.start]:
        if t.i in masked:
            if not words or words[-1] != masked[t.i]:
                words.append(masked[t.i])
            continue
        if t.is_punct and t.text not in {",", "(", ")", "'s", ";", ":"}:
            continue
        words.append(_lemma(t))
        trig = _trigger(t)
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
    for k, t in enumerate(reversed(doc[max(s1.sent.start, s1.start - 2): s1.start])):
        f.append(f"pre{k + 1}={_lemma(t)}")
    for k, t in enumerate(doc[s2.end: min(s2.end + 2, s2.sent.end)]):
        f.append(f"post{k + 1}={_lemma(t)}")
    for trig in set(triggers):
        f += [f"trig={trig}", f"tp_trig={tp}|{trig}"]
    # dependency path between the mention heads
    h1, h2 = s1.root, s2.root
    up, lca, down = path(h1, h2)
    labels = [f"{t.dep_}^" for t in up] + [f"v{t.dep_}" for t in down]
    inner = [_lemma(t) for t in up[1:]] + ([_lemma(lca)] if lca not in (h1, h2) else []) + [_lemma(t) for t in down[:-1]]
    f += [f"plen={_bucket(len(labels))}", f"lca={_lemma(lca)}", f"lcapos={lca.pos_}", f"tp_lca={tp}|{_lemma(lca)}",
          f"h1dep={h1.dep_}", f"h2dep={h2.dep_}", f"h1head={_lemma(h1.head)}", f"h2head={_lemma(h2.head)}"]
    if len(labels) <= 6:
        f.append(f"path={'/'.join(labels)}")
        f.append(f"tp_path={tp}|{'/'.join(labels)}")
    if len(labels) <= 4:
        f.append(f"lpath={'/'.join(labels)}|{_lemma(lca)}")
    f += [f"pl={w}" for w in set(inner)]
    on_path = [*up[1:], lca, *down[:-1]] if lca not in (h1, h2) else [*up[1:], *down[:-1]]
    trigger_tokens = []
    for t in on_path:
        trig = _trigger(t)
        if trig:
            trigger_tokens.append(t)
            f += [f"ptrig={trig}", f"tp_ptrig={tp}|{trig}"]
    anchor = lca if lca not in (h1, h2) else (h1.head if lca is h2 else h2.head)
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
    f += word_classes(list(doc[s1.end: s2.start]), "between", tp)
    f += word_classes(list(doc[s2.end: min(s2.end + 4, s2.sent.end)]), "after", tp)
    f += coordination_features(h1, h2, tp)
    return f, anchor.i


def coordination_features(h1: Token, h2: Token, tp: str) -> list[str]:
    """A party inside a coordination ("co-hosted by the Ministry of Commerce and the Heilongjiang Provincial
    People's Government"): the path from the coordination's first conjunct, as if the list were one party; two
    parties in one coordination ("A and B signed"): the word the coordination hangs from."""
    c1, c2 = coordination_head(h1), coordination_head(h2)
    if c1.i == c2.i:
        return ["coordinated", f"coord_head={_lemma(c1.head)}", f"tp_coord_head={tp}|{_lemma(c1.head)}"]
    if (c1.i, c2.i) == (h1.i, h2.i):
        return []
    up, lca, down = path(c1, c2)
    labels = [f"{t.dep_}^" for t in up] + [f"v{t.dep_}" for t in down]
    f = ["conj_collapsed", f"clca={_lemma(lca)}", f"tp_clca={tp}|{_lemma(lca)}"]
    if len(labels) <= 6:
        f += [f"cpath={'/'.join(labels)}", f"tp_cpath={tp}|{'/'.join(labels)}"]
    for t in [*up[1:], lca, *down[:-1]]:
        trig = _trigger(t)
        if trig:
            f += [f"cptrig={trig}", f"tp_cptrig={tp}|{trig}"]
    return f
