"""Who an agreement signed by a person is for: the organisation the person holds a post at ("X's president Y
signed an MoU with Z" is X's agreement), told in this sentence or before, or the company the sentence before is about.

A mixin of ``relations.SentenceRules`` (it reads ``self.r`` and ``self.employer`` from there).
"""

from __future__ import annotations

from dataclasses import replace

from mcfwatch.extract.en.args import Resolver
from mcfwatch.extract.en.found import ORGS, Found
from mcfwatch.extract.en.lexicon import TITLE_HEADS


class SignerRules:
    """Agreements signed by people, moved to the organisations they signed for."""

    r: Resolver
    employer: dict[str, str]  # person -> the organisation of the last post told

    def _signed_for(self, found: list[Found]) -> list[Found]:
        """An agreement signed by a person who holds a post at an organisation (told in this sentence or
        before: "X's president Y signed an MoU with Z") is the organisation's: the party becomes X."""
        types = self.r.table.types
        for f in found:
            if f.type == "position" and types.get(f.target) in ORGS:
                self.employer[f.source] = f.target
            elif f.type == "position":
                self.employer[f.source] = ""  # a post at a place ("President Xi of China"): stays the person's
        out: list[Found] = []
        for f in found:
            if f.type == "agreement":
                src = self._signer_org(f.source, f.trigger) if types.get(f.source) == "Person" else f.source
                tgt = self._signer_org(f.target, f.trigger) if types.get(f.target) == "Person" else f.target
                if (src, tgt) != (f.source, f.target) and src != tgt:
                    f = replace(f, source=src, target=tgt)
            out.append(f)
        return out

    def _signer_org(self, person: str, trigger: int) -> str:
        """The organisation a signer signed for: the post told so far; for a bare title ("President Wang Jianhua
        signed a memorandum with X" in a company's release) the company or university the sentence before is
        about (not a head of state's country: "President Trump's strategy has yielded agreements")."""
        if person in self.employer:
            return self.employer[person] or person
        sent = self.r.doc[trigger].sent
        titled = any(self.r.table.entity_of(t) == person and any(
            c.dep_ == "compound" and c.lemma_.lower() in TITLE_HEADS and self.r.table.entity_of(c) is None
            for c in t.children) for t in sent)
        prev = self.r.before(sent, 1)
        before = self.r.subjects.get(prev[0].start, []) if titled and prev else []
        org = next((e for e in before if self.r.table.types.get(e) in {"Company", "University"}), None)
        return org or person  # (the subject of the sentence before: "X signed five agreements. President Y signed")
