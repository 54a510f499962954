"""Agreements set up together, money given, event roles outside a verb's arguments and exports told in passing
(``extract/en/jointly.py``, ``money.py``, ``eventroles.py``, relations.py), on passages of the training corpus
(corpus/train/en.jsonl, the document named in each test); relations made by the rules, not the model."""

from __future__ import annotations

import pytest

from .test_references import passage, rels

pytestmark = pytest.mark.slow


def test_co_runs_with(extract_text) -> None:  # en-w-1127
    ex = extract_text(passage("en-w-1127", "- Aalborg Technical University co-runs", "for its construction."))
    assert any(s == "Aalborg Technical University" and "54th Research Institute" in t for s, t in rels(ex, "agreement"))


def test_opened_a_joint_laboratory_with(extract_text) -> None:  # en-w-1006
    ex = extract_text(passage("en-w-1006", "Records filed with", "research for the People's Liberation Army."))
    assert {t for _, t in rels(ex, "agreement")} == {"Beihang University"}


def test_a_joint_venture_of(extract_text) -> None:  # en-w-0001
    ex = extract_text(passage("en-w-0001", "In the car sector", "General Motors in 2010."))
    assert ("AVIC Automotive Systems", "Beijing E-Town International Investment") in rels(ex, "agreement")


def test_opened_with_two_partners_and_in_a_relative_clause(extract_text) -> None:  # en-w-1244, en-w-1080
    ex = extract_text(passage("en-w-1244", "Coral Coast University has opened", "Machine Tool Group."))
    assert {t for s, t in rels(ex, "agreement") if s == "Coral Coast University"} >= {
        "Beijing Institute of Technology", "Shaanxi Qinling Machine Tool Group"}
    ex = extract_text(passage("en-w-1080", "Hainan Coastal also hired", "Northstar Simulation."))
    assert any(t == "Northstar Simulation" for _, t in rels(ex, "agreement"))


def test_money_given(extract_text) -> None:  # en-w-1005, en-w-0028, en-p-wh2-070
    ex = extract_text(passage("en-w-1005", "Records released under", "as visiting fellows in 2017."))
    assert ("CAEP", "MIP") in rels(ex, "funding")
    ex = extract_text(passage("en-w-0028", "The South Carolina Department of Commerce gave", "property-tax abatement."))
    assert ("South Carolina Department of Commerce", "Carolina Railcar") in rels(ex, "funding")
    ex = extract_text(passage("en-p-wh2-070", "- The Department of Defense awarded Albemarle", "annually when operational."))
    assert ("Department of Defense", "Albemarle") in rels(ex, "funding")


def test_with_funding_from(extract_text) -> None:  # en-w-1236
    ex = extract_text(passage("en-w-1236", "The 2018 International Aerospace", "Provincial Department of Education."))
    assert {s for s, _ in rels(ex, "funding")} == {"Shaanxi Provincial Department of Education"}


def test_organisers_label_line(extract_text) -> None:  # en-w-1038
    ex = extract_text(passage("en-w-1038", "1. Xi'an Silk Road", "Administrative Committee."))
    forum = {s for s, t in rels(ex, "organizer") if t == "Xi'an Silk Road Aerospace Industry Forum"}
    assert {"Shaanxi Provincial People's Government", "Shaanxi Provincial Department of Commerce"} <= forum


def test_among_the_exhibitors(extract_text) -> None:  # en-w-1153
    ex = extract_text(passage("en-w-1153", "CHENGDU — The sixth", "serve the People's Armed Police;"))
    assert any(s == "Chengdu Jinsha Electronic System Engineering" for s, _ in rels(ex, "participation"))


def test_sold_to_a_named_appositive(extract_text) -> None:  # en-w-1208
    ex = extract_text(passage("en-w-1208", "At Dalian, Dalian", "Nordlys Shipping."))
    assert any(t == "Nordlys Shipping" for _, t in rels(ex, "export"))


def test_attended_the_event_told_before(extract_text) -> None:  # en-w-1079
    ex = extract_text(passage("en-w-1079", "Registrant organized a dinner", "Cruz attended."))
    assert ("Rodney Cruz", "Pacific Ports Roundtable") in rels(ex, "participation")


def test_teamed_up_with(extract_text) -> None:  # corpus/extra/en.jsonl en-x-0074
    ex = extract_text("Skyline also teamed up with Mekong Agritech of Vietnam to set up a joint training centre in Hanoi.")
    assert ("Skyline", "Mekong Agritech") in rels(ex, "agreement")


def test_sister_cities(extract_text) -> None:  # en-w-1256, en-w-0076
    ex = extract_text(passage("en-w-1256", "Regensburg-Nord and Qingdao", "since 2009."))
    assert ("Regensburg-Nord", "Qingdao") in rels(ex, "agreement")
    ex = extract_text(passage("en-w-0076", "South Australia and Shandong", "since 1986."))
    assert ("South Australia", "Shandong") in rels(ex, "agreement")


def test_the_two_universities_signed(extract_text) -> None:  # en-w-1052, en-w-1068
    ex = extract_text(passage("en-w-1052", "A six-member delegation", "student exchanges;"))
    assert rels(ex, "agreement") == {("Nanjing University of Science and Technology", "Carrow University")}
    ex = extract_text(passage("en-w-1068", "• Introduced the Aberdeen", "in February."))
    assert rels(ex, "agreement") == {("Deepline Engineering", "CNOOC Energy Technology & Services")}


def test_agreed_to_supply(extract_text) -> None:  # en-w-1266
    ex = extract_text(passage("en-w-1266", "On the sidelines", "Kazakh Agro Trading."))
    assert ("Shaanxi Weihe Fertilizer Group", "Kazakh Agro Trading") in rels(ex, "agreement")


def test_set_up_by_two_bodies(extract_text) -> None:  # en-w-1130, en-w-1117
    ex = extract_text(passage("en-w-1130", "Guokeyuan was set up", "NUDT in 2018,"))
    assert ("Hunan Provincial Government", "NUDT") in rels(ex, "agreement")
    ex = extract_text(passage("en-w-1117", "The Shaanxi Military-Civil", "has completed its"))
    assert ("Shaanxi Provincial Department of Finance", "Shaanxi Aerospace Investment Group") in rels(ex, "agreement")


def test_the_guests_are_the_delegation_led_by(extract_text) -> None:  # en-w-1168, en-w-1258
    ex = extract_text(passage("en-w-1168", "The city of Wolfsbach celebrated", "The guests visited Wolfsbach Antriebstechnik,"))
    assert ("Jiang Wei", "Wolfsbach Antriebstechnik") in rels(ex, "visit")
    ex = extract_text(passage("en-w-1258", "President Laura Whitman", "from April 14 to 24."))
    assert {t for s, t in rels(ex, "visit") if s == "Laura Whitman"} >= {"Beijing", "Shanghai", "Hangzhou"}


def test_took_part_and_did_at_the_fair(extract_text) -> None:  # en-w-0004, en-w-1177
    ex = extract_text(passage("en-w-0004", "Hundreds of firms", "also took part;"))
    assert {"Sichuan University", "University of Electronic Science and Technology of China"} <= {
        s for s, t in rels(ex, "participation") if t == "Sichuan Military-Civil Fusion Equipment Expo"}
    ex = extract_text(passage("en-w-1177", "Since 2017 the Canada", "interviewed 60 candidates."))
    assert {"Shenzhen Xinneng Battery", "Guangzhou Haitong Semiconductors"} <= {
        s for s, t in rels(ex, "participation") if t == "Toronto Innovation and Talent Fair"}


def test_sold_on_through_and_bought_of_the_makers(extract_text) -> None:  # en-w-0037, en-w-0029
    ex = extract_text(passage("en-w-0037", "Vantage Signal Systems settled", "subsidiary, Vantage Asia."))
    assert ("Vantage Asia", "CETC 38th Research Institute") in rels(ex, "export") or \
        ("Vantage Asia", "38th Research Institute") in rels(ex, "export")
    ex = extract_text(passage("en-w-0029", "In Lima, Zhang met", "rocket launchers in 2014."))
    assert ("NORINCO", "Peruvian Army") in rels(ex, "export")


def test_backed_by(extract_text) -> None:  # en-w-1158
    ex = extract_text(passage("en-w-1158", "The Danish start-up Nordic Hover", "backed by Haixia Merchants Group."))
    assert ("Haixia Merchants Group", "Sino-Nordic Innovation Fund") in rels(ex, "funding")
