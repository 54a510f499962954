"""Keys of many names: words that say what a body is or does, not which body (a trade, a kind, a field, a place, a
legal form). Candidate blocking (`index.NameIndex.candidate_pairs`) always compares the best names of the rarest key
that is none of these, so a brand (华为, huawei) is never outvoted by 技术/jishu/technical.

The Chinese side (the glossary's words of trades and places, the pairs of characters inside them, their pinyin and
the English CC-CEDICT gives them) ships as data/trade_keys.txt, derived by `python -m mcfwatch.resolve.trade_words >
src/mcfwatch/resolve/data/trade_keys.txt`: a Latin query then reads a small file and never imports pypinyin.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from mcfwatch.resolve import lexicon
from mcfwatch.resolve.features import FORM_PINYIN, common_words
from mcfwatch.resolve.names import _stem


@lru_cache(maxsize=1)
def trade_keys() -> frozenset[str]:
    """The English of the glossary's common words and places (technology, university, china), the Chinese keys
    data/trade_keys.txt ships (技术, jishu, technical ...) and the pinyin of the legal forms (youxiangongsi, jituan)."""
    text = resources.files("mcfwatch.resolve").joinpath("data", "trade_keys.txt").read_text(encoding="utf-8")
    keys = {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(keys | common_words() | lexicon.PLACES | FORM_PINYIN)


def derive() -> frozenset[str]:
    """The Chinese side of `trade_keys`: each glossary word whose English says only common words or places (技术
    technology, 苏州 suzhou; a legal form says nothing): the word, the pairs of characters inside it, their pinyin,
    and the English CC-CEDICT gives the word (技术 technical)."""
    from mcfwatch.resolve.bilingual import english_keys  # the dictionaries: asked only when deriving
    from mcfwatch.resolve.names import parse
    from mcfwatch.resolve.normalize import pinyin

    common = common_words() | lexicon.PLACES
    keys: set[str] = set()
    for han, said in lexicon.glossary().items():
        if any(_stem(w) not in common and w not in lexicon.STOPWORDS for r in said for w in r.split()):
            continue  # a word not common to many names
        pairs = {han[i : i + 2] for i in range(len(han) - 1)} | {han}
        keys.update(pairs)
        keys.update(pinyin(p, spaced=False) for p in pairs)
        keys.update(english_keys(parse(han)) if len(han) > 1 else ())
    keys.discard("")
    return frozenset(keys)


def is_trade(key: str, trade: frozenset[str]) -> bool:
    """A trade key, or two run together (technologytechnology, jishuyouxian: each part four letters or more)."""
    if key in trade:
        return True
    return any(key[:i] in trade and key[i:] in trade for i in range(4, len(key) - 3))


if __name__ == "__main__":
    print("# keys of many Chinese names: derived by `python -m mcfwatch.resolve.trade_words` (see trade_words.py)")
    print("\n".join(sorted(derive())))
