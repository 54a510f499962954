"""Verbs written with "co-" ("co-hosted", "co-organised", "co-sponsored") kept as one token that reads as the verb.

spaCy's tokenizer splits "co-hosted" into "co", "-", "hosted", and the model then parses "co" as the verb
or the subject: "The fair is co-hosted by A and B" loses both its passive subject and its agent, so neither
rules nor model see who organised the fair. ``mcfwatch_co_merge`` (first in the pipeline) makes each form
listed here one token whose NORM is the plain verb form (the parser and tagger read NORM), and
``mcfwatch_co_lemmas`` (after the lemmatizer) gives it the plain verb's lemma, so "co-hosted"
is a "host" trigger with the parse of "hosted". Co-hosting is hosting: each co-host is an organiser
(docs/annotation.md, organizer). "re-exported" likewise reads as "exported" (lemma "re-export", an export verb).

What must stay true: only the forms listed are touched; the text and offsets are unchanged (one token covers
exactly the characters it did before as three).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# lemma -> its forms (the written "co-" form's lemma is the plain verb's: "co-hosted" -> "host")
CO_VERBS: dict[str, tuple[str, ...]] = {
    "host": ("host", "hosts", "hosted", "hosting"),
    "organise": ("organise", "organises", "organised", "organising"),
    "organize": ("organize", "organizes", "organized", "organizing"),
    "sponsor": ("sponsor", "sponsors", "sponsored", "sponsoring"),
    "fund": ("fund", "funds", "funded", "funding"),
    "finance": ("finance", "finances", "financed", "financing"),
    "found": ("found", "founds", "founded", "founding"),
    "run": ("run", "runs", "ran", "running"),
    "chair": ("chair", "chairs", "chaired", "chairing"),
    "convene": ("convene", "convenes", "convened", "convening"),
    "sign": ("sign", "signs", "signed", "signing"),
    "develop": ("develop", "develops", "developed", "developing"),
    "build": ("build", "builds", "built", "building"),
    "own": ("own", "owns", "owned", "owning"),
    "invest": ("invest", "invests", "invested", "investing"),
    "direct": ("direct", "directs", "directed", "directing"),
    "supervise": ("supervise", "supervises", "supervised", "supervising"),
    "author": ("author", "authors", "authored", "authoring"),
    "publish": ("publish", "publishes", "published", "publishing"),
    "establish": ("establish", "establishes", "established", "establishing"),
}
CO_LEMMA: dict[str, str] = {f"co-{form}": lemma for lemma, forms in CO_VERBS.items() for form in forms}
# "co-operate" is "cooperate" (an agreement verb), "co-operation" its noun
CO_LEMMA |= {"co-operate": "cooperate", "co-operates": "cooperate", "co-operated": "cooperate",
             "co-operating": "cooperate", "co-operation": "cooperation"}
# "re-exported" likewise: one token read as "exported", lemma "re-export" (an export trigger)
CO_LEMMA |= {f"re-{form}": "re-export" for form in ("export", "exports", "exported", "exporting")}
_NORM = {word: word[3:].replace("operat", "cooperat") if word.startswith("co-operat") else word[3:]
         for word in CO_LEMMA}  # "co-"/"re-" are both three characters
# "vice-president", "vice-chancellor": one token read as the title ("vice - president" was parsed as three nouns
# and lost the possessor and the appositive name: "led by its vice-president, Zhang Jun")
VICE_TITLES = ("president", "chancellor", "governor", "mayor", "chairman", "chairwoman", "chair", "premier",
               "minister", "director", "dean", "principal", "rector", "provost", "secretary", "admiral", "consul")
for _title in VICE_TITLES:
    for _form in (_title, _title + "s"):
        CO_LEMMA[f"vice-{_form}"] = _title
        _NORM[f"vice-{_form}"] = _form
_PREFIXES = {"co", "re", "vice"}


@Language.component("mcfwatch_co_merge")
def co_merge(doc: Doc) -> Doc:
    """Merge "co" "-" "hosted" (as the tokenizer splits it) into one token normed to "hosted", with the plain
    verb's lemma. A component before the model rather than tokenizer special cases: spaCy runs a matcher over
    every document for special cases that hold a hyphen, and this looks only at texts with "co-"/"re-"."""
    low = doc.text.lower()
    if "co-" not in low and "re-" not in low and "vice-" not in low:
        return doc
    spans: list[tuple[int, int, str]] = []
    for i in range(len(doc) - 2):
        t, dash, rest = doc[i], doc[i + 1], doc[i + 2]
        if t.lower_ in _PREFIXES and dash.text == "-" and not t.whitespace_ and not dash.whitespace_:
            word = f"{t.lower_}-{rest.lower_}"
            if word in CO_LEMMA:
                spans.append((i, i + 3, word))
    with doc.retokenize() as retokenizer:
        for start, end, word in spans:
            retokenizer.merge(doc[start:end], attrs={"NORM": _NORM[word], "LEMMA": CO_LEMMA[word]})
    return doc


@Language.component("mcfwatch_co_lemmas")
def co_lemmas(doc: Doc) -> Doc:
    """The plain verb's lemma for the listed "co-" forms (the lemmatizer does not know them)."""
    low = doc.text.lower()
    if "co-" not in low and "re-" not in low and "vice-" not in low:
        return doc
    for tok in doc:
        lemma = CO_LEMMA.get(tok.lower_) if tok.lower_[:3] in {"co-", "re-", "vic"} else None
        if lemma is not None:
            tok.lemma_ = lemma
    return doc
