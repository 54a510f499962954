"""Who arranged or brokered a deal, a trip, a sale or a meeting told just before (docs/annotation.md 4.4:
"brokered", "arranged", "introduced"; the target is the party helped, else the first-named party).

- "The deal was brokered by [X]", "The trip was arranged by [X]", "The sales were arranged by an agent, [X]";
- "[X] brokered / arranged / helped arrange / helped broker the deal", "a sale [X] helped broker";
- "The trip was arranged with help from [X]", "[Y] won the tenders with help from [X]", "with the help of [X]",
  "with [X]'s help".
The party helped: the one the act names ("the sale of A320s ... to [Y]": the buyer; "the meeting between [A] and
[B]": A), else the party of the last relation of the act's kind told in the paragraph or the two sentences before
(a deal, a partnership: the agreement's first party; a trip, a visit: the visitor; a sale, orders: the buyer; a
meeting: the first party). "with help from X" on any other verb helps the verb's subject.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from mcfwatch.extract.en.args import Arg, Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.modality import is_stated
from mcfwatch.extract.en.relations_util import _children, pairs, prep_objects

Subjects = Callable[[Token], tuple[list[Arg], bool]]

BROKER_VERBS = {"broker", "arrange", "facilitate", "introduce", "prepare"}
# the act arranged -> (the relation type that told it, which party of it was helped)
ACTS: dict[str, tuple[str, str]] = {
    "deal": ("agreement", "source"), "agreement": ("agreement", "source"), "partnership": ("agreement", "source"),
    "contract": ("agreement", "source"), "twinning": ("agreement", "source"), "memorandum": ("agreement", "source"),
    "venture": ("agreement", "source"), "collaboration": ("agreement", "source"), "cooperation": ("agreement", "source"),
    "tie-up": ("agreement", "source"), "alliance": ("agreement", "source"),
    "trip": ("visit", "source"), "visit": ("visit", "source"), "tour": ("visit", "source"),
    "mission": ("visit", "source"),
    "sale": ("export", "target"), "order": ("export", "target"), "shipment": ("export", "target"),
    "purchase": ("export", "target"), "export": ("export", "target"), "delivery": ("export", "target"),
    "meeting": ("meeting", "source"), "talk": ("meeting", "source"), "talks": ("meeting", "source"),
}
TAKEOVER_WORDS = {"buy", "acquire", "purchase", "acquisition", "takeover", "take", "sell", "sale"}
GENERIC = {"such", "several", "many", "other", "numerous", "various", "similar", "some", "any", "future"}
HELP_NOUNS = {"help", "assistance", "support", "mediation", "introduction"}
BROKERS = ORGS | {"Person", "Place"}
HELPED = ORGS | {"Person", "Place"}


class Brokers:
    """The brokers of one sentence (``run``), reading what the document told before (``earlier``)."""

    def __init__(self, resolver: Resolver, subjects: Subjects) -> None:
        self.r = resolver
        self.subjects = subjects

    def _near(self, f: Found, sent: Span) -> bool:
        """The finding is told in this sentence before, in this paragraph, or in the two sentences before."""
        start = self.r.doc[f.trigger].sent.start
        if start > sent.start:
            return False
        if self.r.paragraph_of.get(start) == self.r.paragraph_of.get(sent.start):
            return True
        return start in [s.start for s in self.r.before(sent, 2)]

    def _helped(self, act: Token, sent: Span, earlier: list[Found]) -> list[Arg]:
        """The party the arranged act helped (see the module docstring)."""
        rtype, side = ACTS[act.lemma_.lower()]
        named = self.r.typed(prep_objects(act, {"between"}) + _children(act, {"poss"}), HELPED)[:1]
        if rtype == "export":
            named = self.r.typed(prep_objects(act, {"to", "for"}) + [p for o in prep_objects(act, {"of"})
                                                                      for p in prep_objects(o, {"to"})], HELPED)
        if named:
            return named
        told = [f for f in earlier if f.trigger < act.i and (f.type == rtype or rtype == "agreement" and
                                                               self._takeover(f))]
        near = [f for f in told if self._near(f, sent)]
        last = (near or told)[-1:]  # the last told near, else the document's last
        return [Arg(f.source if side == "source" else f.target, "resolved", f.trigger) for f in last]

    def _takeover(self, f: Found) -> bool:
        """A completed purchase of a firm: the deal that made it helped the buyer (the owner)."""
        return f.type == "ownership" and self.r.doc[f.trigger].lemma_.lower() in TAKEOVER_WORDS

    def _pairs(self, brokers: list[Arg], helped: list[Arg], trigger: int) -> list[Found]:
        return pairs("facilitation", [b for b in brokers if self.r.table.types.get(b.entity) in BROKERS], helped, trigger)

    def _arranged(self, verb: Token, sent: Span, earlier: list[Found]) -> list[Found]:
        """"The deal was brokered by X", "X arranged the trip", "X helped broker the partnership"."""
        helped_one = verb.dep_ == "xcomp" and _children(verb.head, {"dobj"}) or verb.dep_ == "ccomp" and \
            verb.head.lemma_.lower() in {"help", "assist"}
        if not is_stated(verb) or helped_one:
            return []  # "X helped Y arrange the sale": Y is the one helped (relations.py), not a broker
        subj, passive = self.subjects(verb)
        acts = _children(verb, {"nsubjpass"} if passive else {"dobj"})
        if not acts and verb.dep_ in {"relcl", "acl"}:
            acts = [verb.head]  # "a sale the association helped broker", "the deal arranged by X"
        acts = [a for a in acts if a.lemma_.lower() in ACTS and self.r.table.entity_of(a) is None and
                not any(c.lower_ in GENERIC for c in a.children)]  # "has brokered several such agreements"
        if not acts:
            return []
        helpers = [p for n in prep_objects(verb, {"with"}) if n.lemma_.lower() in HELP_NOUNS for p in self._givers(n)]
        brokers = self.r.typed(helpers, BROKERS) if helpers else subj  # the passive's agent, the active's subject
        if not brokers and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in {"help", "assist"}:
            brokers = self.subjects(verb.head)[0]
        return [f for a in acts for f in self._pairs(brokers, self._helped(a, sent, earlier), verb.i)]

    def _givers(self, noun: Token) -> list[Token]:
        """Who gave the help: "with help from X", "with the help of X", "with X's help"; "from the X Council's
        Sichuan chapter" is the council's help."""
        out = prep_objects(noun, {"from", "of"})
        out = [next(iter(_children(p, {"poss"})), p) if self.r.table.entity_of(p) is None else p for p in out]
        return out + _children(noun, {"poss"})

    def _with_help(self, noun: Token) -> list[Found]:
        """"Y won the tenders with help from X" -> X -> Y (the act arranged is read by ``_arranged``)."""
        if noun.dep_ != "pobj" or noun.head.lower_ != "with" or noun.lemma_.lower() == "support":
            return []  # "with support from X" on a verb of its own is as often money (funding) as help
        verb = noun.head.head
        if verb.pos_ != "VERB" or verb.lemma_.lower() in BROKER_VERBS or not is_stated(verb):
            return []
        subj, passive = self.subjects(verb)
        brokers = self.r.typed(self._givers(noun), BROKERS)
        helped = [] if passive else [a for a in subj if self.r.table.types.get(a.entity) in HELPED]
        return self._pairs(brokers, helped, noun.i)

    def run(self, sent: Span, toks: list[Token], lemmas: list[str], earlier: list[Found]) -> list[Found]:
        """The brokers a sentence tells (``lemmas``: its tokens' lower-case lemmas; ``earlier``: what the rules
        found before, in document order)."""
        out: list[Found] = []
        for tok, lemma in zip(toks, lemmas, strict=True):
            if tok.pos_ == "VERB" and lemma in BROKER_VERBS:
                out += self._arranged(tok, sent, earlier)
            elif tok.pos_ == "NOUN" and lemma in HELP_NOUNS:
                out += self._with_help(tok)
        return out
