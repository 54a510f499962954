"""State bodies and towns the typer gets wrong (entities._SHAPE_TYPED, extents.council_of, localities.py), on
sentences of the corpus documents named in the comments."""

from __future__ import annotations

import pytest

from mcfwatch.extract.en.entities import EntityTable
from mcfwatch.extract.en.localities import local_places

pytestmark = pytest.mark.slow


def test_a_state_foundation_the_ruler_calls_an_organisation_is_a_public_body(extract_text) -> None:  # en-w-0021
    ex = extract_text("Dr Chen Hui received grants from the National Science Foundation while holding an award of "
                      "the National Natural Science Foundation of China.")
    types = {e.name: e.type for e in ex.entities}
    assert types["National Science Foundation"] == "PublicBody"
    assert types["National Natural Science Foundation of China"] == "PublicBody"


def test_a_towns_council_is_a_public_body(extract_text) -> None:  # en-w-0017
    ex = extract_text("Harcourt also advised the Leeds city council on its friendship agreement with Ningbo, which "
                      "the two cities signed in 2017.")
    assert {e.name: e.type for e in ex.entities}.get("Leeds city council") == "PublicBody"


@pytest.mark.parametrize(("text", "town"), [
    ("Lord Mayor Sinead Brophy of Kilbarry came in June at the invitation of Jiaxing.", "Kilbarry"),  # en-w-1042
    ("Mayor Li Mingrui met Almaty Deputy Mayor Yerlan Aubakirov.", "Almaty"),  # en-w-1266
    ("Katrin Albers of the German state of Lower Saxony will visit Zhejiang.", "Lower Saxony"),  # en-w-1083
    ("A delegation from Yancheng, Ballymore's partner city in Jiangsu, arrived.", "Ballymore"),  # en-w-1157
    ("The company will open a $45 million plant in Bowling Green.", "Bowling Green"),  # en-w-0049
    ("The sale was arranged by the Manchester broker Northern Deal Partners, which had introduced Jingce to "
     "Penrith's founders.", "Manchester"),  # en-w-0079
    ("Introduced the Aberdeen subsea firm Deepline Engineering to CNOOC Energy Technology & Services.",
     "Aberdeen"),  # en-w-1068
])
def test_a_town_the_typer_made_a_firm_is_a_place(nlp, text: str, town: str) -> None:
    doc = nlp(text)
    table = EntityTable()
    start = text.index(town)
    eid = table.add(town, "Company", start, start + len(town))
    local_places(doc, table)
    assert table.types[eid] == "Place"


def test_a_firm_met_by_a_mayor_stays_a_firm(nlp) -> None:  # en-w-1224
    text = "Zhou met Charlotte Mayor Denise Moore and executives of Piedmont Rail Components."
    table = EntityTable()
    start = text.index("Piedmont")
    eid = table.add("Piedmont Rail Components", "Company", start, start + len("Piedmont Rail Components"))
    local_places(nlp(text), table)
    assert table.types[eid] == "Company"


def test_a_firm_after_a_town_and_a_kind_of_firm_stays_a_firm(nlp) -> None:  # en-w-0079
    text = "The sale was arranged by the Manchester broker Northern Deal Partners."
    table = EntityTable()
    start = text.index("Northern")
    eid = table.add("Northern Deal Partners", "Company", start, start + len("Northern Deal Partners"))
    local_places(nlp(text), table)
    assert table.types[eid] == "Company"


def test_a_name_after_a_firm_and_of_is_its_town(nlp) -> None:  # en-w-0032
    text = "It put €2.5 million into Optiq Sensing of Eindhoven; and €6 million into Baltic Autonomy."
    doc = nlp(text)
    table = EntityTable()
    firm = doc.char_span(text.index("Optiq"), text.index(" of Eindhoven"))
    town = doc.char_span(text.index("Eindhoven"), text.index("Eindhoven") + len("Eindhoven"))
    table.add(firm.text, "Company", firm.start_char, firm.end_char, range(firm.start, firm.end))
    eid = table.add(town.text, "Company", town.start_char, town.end_char, range(town.start, town.end))
    local_places(doc, table)
    assert table.types[eid] == "Place"
