"""The parties of an export, a post or an agreement told through a reference or a grammar the verb alone does not
show (issue 8, session 28): "the defendant" as the accused for every rule, the punished party of "fined X after
finding that it ...", the causer of "had the parts shipped", "conspired to export" tagged a noun, pleas and
convictions under "conspiring to", "charges of" and "by exporting", a title shared by two coordinated role nouns,
parties who agree together. Each phrasing is ordinary enforcement, trade or press-release English; the relations
asserted are the rules' (``rels``)."""

from __future__ import annotations

import pytest

from .test_references import passage, rels

pytestmark = pytest.mark.slow


def test_the_defendant_is_the_accused_for_every_rule(extract_text) -> None:  # type: ignore[no-untyped-def]
    # en-w-1008, a stipulated statement of facts: "the defendant" throughout stands for Daniel Rourke
    ex = extract_text(passage("en-w-1008", "UNITED STATES DISTRICT COURT", "met Chen and Zhao."))
    assert ("Daniel Rourke", "Chen Bo") in rels(ex, "export")  # "the defendant sent Chen eleven documents"
    assert ("Chen Bo", "Daniel Rourke") in rels(ex, "recruitment")  # "Chen had recruited the defendant"
    assert ("Daniel Rourke", "Shanghai") in rels(ex, "visit")  # "The defendant travelled to Shanghai"


def test_the_defendant_of_a_coordinated_verb(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Qiang Li was sentenced to 30 months in prison on Tuesday. According to the plea agreement, "
                      "from 2015 to 2019 the defendant purchased accelerometers from U.S. suppliers and exported them "
                      "to Harbin Engineering University.")
    assert ("Qiang Li", "Harbin Engineering University") in rels(ex, "export")


def test_it_after_a_fine_is_the_party_fined(extract_text) -> None:  # type: ignore[no-untyped-def]
    # session-27 note: "it" went to the Department, the subject of the main clause
    ex = extract_text("The Commerce Department fined Mingda Trading after finding that it re-exported U.S. "
                      "oscilloscopes to Iran in 2021.")
    found = rels(ex, "export")
    assert ("Mingda Trading", "Iran") in found
    assert not any(s == "Commerce Department" for s, _t in found)
    # en-w-1169: an order issued "against" the party, "after finding that it ..."
    ex = extract_text(passage("en-w-1169", "Temporary denial order.", "to Iran in 2021."))
    assert ("Mingda Trading", "Iran") in rels(ex, "export")
    ex = extract_text("The Treasury imposed a penalty on Delta Instruments after it shipped oscilloscopes to Iran "
                      "Electronics Industries.")
    assert ("Delta Instruments", "Iran Electronics Industries") in rels(ex, "export")


def test_the_causer_of_a_passive_shipment_exported(extract_text) -> None:  # type: ignore[no-untyped-def]
    # en-w-1024: "To avoid scrutiny he had the parts shipped through Lianfa Logistics, a freight forwarder"
    ex = extract_text(passage("en-w-1024", "Frank Zhou, 49", "onward delivery to Chengdu."))
    assert ("Frank Zhou", "Lianfa Logistics") in rels(ex, "export")
    ex = extract_text("Sun Yu pleaded guilty in May. He admitted that he caused the amplifiers to be exported to "
                      "Shenzhen Hongda Trading.")
    assert ("Sun Yu", "Shenzhen Hongda Trading") in rels(ex, "export")


def test_an_ordered_shipment_is_the_buyers(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Huawei ordered 500 FPGAs to be shipped to Shenzhen Hongda Trading.")
    assert not any(s == "Huawei" for s, _t in rels(ex, "export"))


def test_conspired_to_export_tagged_a_noun(extract_text, nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Tang Yong and Apex Global Ltd. conspired to export semiconductor manufacturing equipment to "
            "Semiconductor Manufacturing International Corporation, the two defendants admitted.")
    assert next(t for t in nlp(text) if t.lower_ == "export").pos_ == "NOUN"  # the parse's tag
    found = rels(extract_text(text), "export")
    assert {("Tang Yong", "Semiconductor Manufacturing International Corporation"),
            ("Apex Global Ltd.", "Semiconductor Manufacturing International Corporation")} <= found


def _confidence(ex, rtype: str, pair: tuple[str, str]) -> float:  # type: ignore[no-untyped-def]
    n = {e.id: e.name for e in ex.entities}
    return max((r.confidence for r in ex.relations if r.type == rtype and r.method.startswith("rule")
                and (n[r.source], n[r.target]) == pair), default=0.0)


def test_pleas_and_convictions_told_through_the_count(extract_text) -> None:  # type: ignore[no-untyped-def]
    # the exporter is read from the plea or the breach (a direct argument), not from the nearest name (a fallback)
    for text, pair in (
            ("Li Na pleaded guilty to charges of exporting carbon fiber to Harbin Engineering University.",
             ("Li Na", "Harbin Engineering University")),
            ("Delta Instruments violated the Export Administration Regulations by exporting oscilloscopes to "
             "Beihang University, the company admitted.", ("Delta Instruments", "Beihang University"))):
        assert _confidence(extract_text(text), "export", pair) >= 0.9, text


def test_a_plea_of_not_guilty_is_no_export(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Zhao Min pleaded not guilty to exporting sensors to Beihang University.")
    assert not rels(ex, "export")


def test_the_export_arranged(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Ye Qiang, the owner of Brightstar Technologies, arranged for the export of the microwave "
                      "amplifiers to Nanjing Hengda Electronics in 2017.")
    assert ("Ye Qiang", "Nanjing Hengda Electronics") in rels(ex, "export")


def test_a_title_shared_by_two_role_nouns(extract_text) -> None:  # type: ignore[no-untyped-def]
    # usertry s27 (a due-diligence note): "Professor Colin Bailey, the President and Principal of Queen Mary"
    ex = extract_text("Queen Mary University of London runs a joint engineering school in Xi'an. Professor Colin "
                      "Bailey, the President and Principal of Queen Mary University of London, visited Northwestern "
                      "Polytechnical University in 2018.")
    # the "of" hangs on "Principal": "President" reads it through the coordination, both parties named (direct)
    assert _confidence(ex, "position", ("Colin Bailey", "Queen Mary University of London")) >= 0.9


def test_parties_that_agree_together(extract_text) -> None:  # type: ignore[no-untyped-def]
    # usertry s27: "In 2019 Queen Mary and Northwestern Polytechnical University agreed to add a programme"
    ex = extract_text("In 2019, Queen Mary University of London and Northwestern Polytechnical University agreed to "
                      "add a programme in aerospace engineering.")
    found = rels(ex, "agreement")
    assert found & {("Queen Mary University of London", "Northwestern Polytechnical University"),
                    ("Northwestern Polytechnical University", "Queen Mary University of London")}
    # one party agreeing to something, or two agreeing that something is so, is no agreement between them
    for text in ("In 2019 Queen Mary University of London agreed to add a programme in aerospace engineering.",
                 "Harvard University and Yale University agreed that the rules were unclear."):
        assert not rels(extract_text(text), "agreement"), text


def test_a_public_act_at_an_event_is_taking_part(extract_text) -> None:  # type: ignore[no-untyped-def]
    # docs/annotation.md 4.8; the parse hangs "at" on "partners", inside the verb's clause
    ex = extract_text("Airbus signed five cooperation agreements with European partners at the ILA Berlin Air Show "
                      "on Monday.")
    assert ("Airbus", "ILA Berlin Air Show") in rels(ex, "participation")


def test_an_event_named_as_an_adjective(extract_text) -> None:  # type: ignore[no-untyped-def]
    # "Oceanology International" parsed as an adjective of "exhibition": those who met there took part (en-w-1191)
    ex = extract_text("Robert Hale had met Carlos Delgado at the Oceanology International exhibition in London in "
                      "2018.")
    assert {("Robert Hale", "Oceanology International"), ("Carlos Delgado", "Oceanology International")} <= \
        rels(ex, "participation")


def test_two_founders_of_one_lab(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Kelso University and Nanjing University of Science and Technology established the Kelso-NJUST "
                      "Laboratory for Energetic Materials in 2017.")
    found = rels(ex, "agreement")
    assert found & {("Kelso University", "Nanjing University of Science and Technology"),
                    ("Nanjing University of Science and Technology", "Kelso University")}
    ex = extract_text("Harvard University and Yale University each established a laboratory for quantum computing "
                      "in 2019.")
    assert not rels(ex, "agreement")


def test_bodies_that_work_with_each_other_cooperate(extract_text) -> None:  # type: ignore[no-untyped-def]
    ex = extract_text("Brunel University has worked with Southwest Jiaotong University on maglev research since 2017.")
    assert ("Brunel University", "Southwest Jiaotong University") in rels(ex, "agreement")
    # working with a military unit is an mcf_link (docs/annotation.md 4.5), no agreement (en-w-1040)
    ex = extract_text("Harbin Engineering University works closely with the PLA Navy on ships and submarines.")
    assert not rels(ex, "agreement")
