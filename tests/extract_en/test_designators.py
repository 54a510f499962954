"""Items named by a model designation are one Technology (extract/en/designators.py). Sentences from the corpus
document named in each comment."""

from __future__ import annotations

import pytest

from mcfwatch.model import Extraction

pytestmark = pytest.mark.slow


def technologies(ex: Extraction) -> set[str]:
    return {e.name for e in ex.entities if e.type == "Technology"}


def test_a_designation_and_its_kind_of_item_are_one_technology(extract_text) -> None:  # en-w-1025, en-w-0026
    ex = extract_text("In Europe, Serbia became the first customer for Chinese armed drones when it received CH-92A "
                      "aircraft in 2020, made by China Aerospace Science and Technology Corporation. In April 2022 "
                      "China flew FK-3 air-defence systems to Belgrade aboard air force transport aircraft.\n\n"
                      "Bangladesh received two refurbished Ming-class submarines from China in 2016.")
    assert {"CH-92A aircraft", "FK-3 air-defence systems", "Ming-class submarines"} <= technologies(ex)
    # the designation alone is no firm or person ("CH-92A", "Ming": the recogniser's guesses)
    assert not {"CH-92A", "Ming", "FK-3"} & {e.name for e in ex.entities}
    ex = extract_text("Russian Helicopters announced that it had delivered four Mi-171 helicopters to the Chinese "
                      "Ministry of Emergency Management.")
    assert "Mi-171 helicopters" in technologies(ex)


def test_an_item_beside_a_unit_keeps_both_names(extract_text) -> None:  # en-w-0063
    ex = extract_text("XAC builds the Y-20 transport aircraft for the PLA Air Force.")
    assert "Y-20 transport aircraft" in technologies(ex)
    assert "PLA Air Force" in {e.name for e in ex.entities if e.type == "MilitaryUnit"}
