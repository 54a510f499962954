"""Verbs written with "co-" ("co-hosted", "co-organised", "co-sponsored") kept as one token that reads as the verb.

spaCy's tokenizer splits "co-hosted" into "co", "-", "hosted", and the model then parses "co" as the verb
or the subject: "The fair is co-hosted by A and B" loses both its passive subject and its agent, so neither
rules nor model see who organised the fair. Each form here is one token whose NORM is the plain verb form
(the parser and tagger read NORM), and ``mcfwatch_co_lemmas`` gives it the plain verb's lemma, so "co-hosted"
is a "host" trigger with the parse of "hosted". Co-hosting is hosting: each co-host is an organiser
(docs/annotation.md, organizer).

What must stay true: only the forms listed are touched; the text and offsets are unchanged (one token covers
exactly the characters it did before as three).
"""

from __future__ import annotations

from typing import Any

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
_NORM = {word: word[3:].replace("operat", "cooperat") if word.startswith("co-operat") else word[3:]
         for word in CO_LEMMA}


def add_special_cases(nlp: Language) -> None:
    """Each listed "co-" form (lower case and capitalised) as one token normed to the plain form."""
    tokenizer: Any = nlp.tokenizer
    for word, norm in _NORM.items():
        for written in (word, word.capitalize()):
            tokenizer.add_special_case(written, [{"ORTH": written, "NORM": norm}])


@Language.component("mcfwatch_co_lemmas")
def co_lemmas(doc: Doc) -> Doc:
    """The plain verb's lemma for the listed "co-" forms (the lemmatizer does not know them)."""
    text = doc.text
    if "o-" not in text:
        return doc
    for tok in doc:
        lemma = CO_LEMMA.get(tok.lower_) if tok.lower_.startswith("co-") else None
        if lemma is not None:
            tok.lemma_ = lemma
    return doc
