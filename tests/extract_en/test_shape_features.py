"""The English shape, agent and nominal-trigger features (``relmodel/shape_en.py``) on corpus/train sentences:
what they read is how the relation is written, not the verb or noun that writes it."""

from __future__ import annotations

import json
from pathlib import Path

from mcfwatch.extract.en import EnglishExtractor
from mcfwatch.extract.relmodel import features_en
from mcfwatch.extract.relmodel.candidates import Mention, pairs

REPO = Path(__file__).resolve().parents[2]


def _sentence(doc_id: str, start: str) -> str:
    for line in (REPO / "corpus" / "train" / "en.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["id"] == doc_id:
            text = rec["text"]
            i = text.index(start)
            return text[i: text.index(".", i + len(start)) + 1]
    raise AssertionError(doc_id)


def _features(english: EnglishExtractor, text: str, a: str, b: str, ta: str = "Company", tb: str = "Company",
              other: str = "") -> list[str]:
    """The features of the candidate (a, b) in ``text``, with ``other`` a third party's mention if given."""
    i, j = text.index(a), text.rindex(b)
    ms = [Mention(i, i + len(a), "a", ta), Mention(j, j + len(b), "b", tb)]
    if other:
        k = text.index(other)
        ms.append(Mention(k, k + len(other), "c", "Company"))
    [cand] = [c for c in pairs(ms, 0, len(text)) if {c.first.entity, c.second.entity} == {"a", "b"}]
    return features_en.features(english.nlp(text), cand)[0]


def _one(feats: list[str], name: str) -> str:
    [value] = [f[len(name) + 1:] for f in feats if f.startswith(name + "=")]
    return value


def test_two_verbs_written_alike_share_their_shape(english: EnglishExtractor) -> None:
    """'has sold laser chips to' (en-w-1189) and 'has exported armoured-vehicle components to' (en-w-1109): the
    same shape with the preposition kept and no verb in it; the lemma path still tells them apart."""
    sold = _features(english, _sentence("en-w-1189", "Avon Photonics has sold"), "Avon Photonics", "Leiyu")
    exported = _features(english, _sentence("en-w-1109", "Hanjiang has exported"), "Hanjiang",
                         "Punjab Armoured Works")
    assert _one(sold, "shape") == _one(exported, "shape")
    assert "prep:to" in _one(sold, "shape") and "sell" not in _one(sold, "shape")
    assert _one(sold, "lca") != _one(exported, "lca")
    assert _one(sold, "agent") == "1" and _one(sold, "agent_trig") == "1|export"


def test_the_sale_of_x_to_y_is_a_nominal_export_trigger(english: EnglishExtractor) -> None:
    """'brokered the sale of ... Brandt Getriebe GmbH to Ningbo Haitian Drive Systems' (en-w-1034): 'sale' is no
    trigger of the rules' noun list; the model reads it as an export noun on the path."""
    text = _sentence("en-w-1034", "The desk brokered the sale")
    f = _features(english, text, "Brandt Getriebe GmbH", "Ningbo Haitian Drive Systems")
    assert "ntrig=export" in f and "tp_ntrig=Company|Company|export" in f
    assert not any(x.startswith("ntrig=") for x in _features(english, _sentence("en-w-1189", "Avon Photonics has sold"),
                                                              "Avon Photonics", "Leiyu"))


def test_the_agent_of_the_verb_nearest_the_second_party(english: EnglishExtractor) -> None:
    """'Bayview sold the parts to Sunrise Components HK, which transshipped them to Mianyang' (en-w-1065):
    Bayview is who sells, but the verb above Mianyang is Sunrise's, a party named between the two."""
    text = _sentence("en-w-1065", "Bayview sold the parts")
    far = _features(english, text, "Bayview", "Mianyang", tb="Place", other="Sunrise Components HK")
    assert _one(far, "agent") == "1" and _one(far, "agent_near") == "mid"
    assert _one(_features(english, text, "Bayview", "Mianyang", tb="Place"), "agent_near") == "other"
    near = _features(english, text, "Bayview", "Sunrise Components HK")
    assert not any(x.startswith("agent_near=") for x in near)
