"""Two name shapes of Chinese talent recruitment abroad that ``heads.strong_type`` types over the trained typer and
the model's EVENT label: an overseas talent (recruitment) workstation is an Organization (7 of 7 names in
corpus/train and corpus/extra), a Party or government leading group a PublicBody (2 of 2). Names and sentences
from corpus/train, named in a comment."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from mcfwatch.extract.en.entities import _no_gathering
from mcfwatch.extract.en.heads import strong_type


def test_talent_workstations_and_leading_groups() -> None:
    assert strong_type("Jiangsu Overseas Talent Workstation (Boston)") == "Organization"  # en-w-0043
    assert strong_type("Overseas Talent Recruitment Station") == "Organization"  # en-w-0045
    assert strong_type("Zhejiang Overseas High-Level Talent Recruitment Station (Southern California)") \
        == "Organization"  # en-w-1018
    assert strong_type("Jiangsu Provincial Talent Work Leading Group") == "PublicBody"  # en-w-1292
    assert strong_type("Central Leading Group for Taiwan Affairs") == "PublicBody"
    assert strong_type("Leading Group Ltd") == "Company"  # a legal form first
    assert strong_type("ground station") is None


def test_a_shape_overrules_the_models_event_only_without_a_gathering_word() -> None:
    nlp = spacy.blank("en")

    def span(text: str) -> Span:
        return nlp(text)[:]

    assert _no_gathering(span("Suzhou Overseas Talent Workstation (Eindhoven)"))  # en-w-1292
    assert not _no_gathering(span("U.N. Climate Change Conference"))
    assert not _no_gathering(span("China Helicopter Exposition"))
