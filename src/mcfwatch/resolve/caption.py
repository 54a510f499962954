"""Which name of a merged entity is its caption: the name every door shows (CLI, API, exports, reports, the store).

The caption is the name of the canonical entity, and the resolver makes canonical the member that
`caption_index` picks, so there is one answer and one place that decides it. An English-speaking analyst
expects the firm's own full name, so a name is preferred, in this order, for being in Latin script, for not
being a bare acronym, for naming the body formally (a legal form or an institution word), for containing
another member's name with more words (Brunel University London over Brunel University), and only then for
being mentioned more. Counting mentions first let a Chinese report's "HT&L公司" rename the founding
document's "HT&L Fitting". Every other name stays an alias of the entity.
"""

from __future__ import annotations

from collections.abc import Sequence

from mcfwatch.model.keys import is_acronym
from mcfwatch.resolve.lexicon import LEGAL_FORMS
from mcfwatch.resolve.normalize import fold, has_han

# Words that make a name an institution's own name, beside the legal forms.
INSTITUTION_WORDS = frozenset(
    "university college institute academy school laboratory laboratories centre center administration agency "
    "ministry bureau commission council department office authority army navy force fund foundation".split()
)


def caption_index(names: Sequence[tuple[str, int]]) -> int:
    """The position of the caption among a group's (name, mentions), in the group's order (the first wins
    a tie): Latin script, not a bare acronym, formal, fuller than other members' names, most mentioned."""
    words = [frozenset(fold(name).split()) for name, _ in names]

    def rank(i: int) -> tuple[int, int, int, int, int, int]:
        name, mentions = names[i]
        formal = any(w in LEGAL_FORMS or w in INSTITUTION_WORDS for w in words[i])
        fuller = sum(1 for j, other in enumerate(words) if j != i and other < words[i])
        return (int(not has_han(name)), int(not is_acronym(name)), int(formal), fuller, mentions, -i)

    return max(range(len(names)), key=rank)
