"""A body named by its field keeps a field written as a list ("Committee on Banking, Housing, and Urban Affairs",
extract/en/extents._field_list). Sentences from corpus/train, named in a comment."""

from __future__ import annotations

import pytest

from mcfwatch.model import Extraction

pytestmark = pytest.mark.slow


def names(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities}


def test_a_field_written_as_a_list_stays_in_the_name(extract_text) -> None:
    ex = extract_text("In this section, the term “appropriate committees of Congress” means—\n\n(1) the Committee "
                      "on Foreign Relations of the Senate;\n\n(2) the Select Committee on Intelligence of the Senate;"
                      "\n\n(3) the Committee on Banking, Housing, and Urban Affairs of the Senate;")  # en-p-gn-020
    assert "Committee on Banking, Housing, and Urban Affairs" in names(ex)
    assert not {"Committee on Banking", "Housing", "Urban Affairs"} & names(ex)
    ex = extract_text("The visit was arranged by the Czech–Chinese Centre for Higher Education, which is funded by "
                      "the Czech Ministry of Education, Youth and Sports.")  # en-w-1151
    assert "Czech Ministry of Education, Youth and Sports" in names(ex)


def test_a_list_of_other_bodies_or_places_is_no_field(extract_text) -> None:
    ex = extract_text("The Ministry of Commerce, Huawei and ZTE signed the agreement. The Department of Justice, "
                      "Canada and Mexico were consulted.")
    assert "Ministry of Commerce" in names(ex) and "Department of Justice" in names(ex)
