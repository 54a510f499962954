"""Relation rules for phrasings newswire uses for stakes, units, taking part and twinning (docs/annotation.md 4.3,
4.7, 4.8), on passages of corpus/train: "Y is 45 percent owned by X", "Y, a research institute of X", "X's Nanjing
Research Institute of ...", "62 percent held by X"; "X was an exhibitor at Y", "a delegation, led by X, took part in
Y", "X was recruited by A and joined the Y Plan", "X led a delegation to the Y exhibition" (taking part, not a visit);
"A and the Sichuan city of B have been sister cities" (B, not Sichuan); "the campus of X, established with Y"."""

from __future__ import annotations

import pytest

from .test_references import passage, rels

pytestmark = pytest.mark.slow


def test_a_stake_told_by_the_copula(extract_text) -> None:  # en-w-1041, en-w-1252
    found = rels(extract_text(passage("en-w-1041", "Quanxin is 45", "Investment Fund.")), "ownership")
    assert ("Hubei Provincial Integrated Circuit Industry Investment Fund", "Quanxin") in found or \
        any(s.startswith("Hubei Provincial") and t.startswith("Quanxin") for s, t in found)
    # the stake's "percent" hung on a later verb ("... is used by the People's Armed Police"): not the owned
    found = rels(extract_text(passage("en-w-1252", "Zhihui is 11", "Armed Police.")), "ownership")
    assert ("China Electronics Technology Group Corporation", "CETC Investment Holdings") in found
    assert not any(t == "People's Armed Police" for _s, t in found)


def test_stakes_on_a_designation_list(extract_text) -> None:  # en-w-1020
    ex = extract_text(passage("en-w-1020", "1. Guangzhou Haige", "China State Shipbuilding Corporation."))
    found = rels(ex, "ownership")
    assert any(s == "Guangzhou Radio Group" and t.startswith("Guangzhou Haige") for s, t in found)
    assert any(s == "China State Shipbuilding Corporation" and t.startswith("Tianjin Ruiting") for s, t in found)


def test_units_named_by_their_head_word(extract_text) -> None:  # en-w-1112, en-w-0010
    found = rels(extract_text(passage("en-w-1112", "Lower Rhine Technical University (LRTU) today", "of China.")),
                 "ownership")
    assert ("Aviation Industry Corporation of China", "Beijing Aeronautical Manufacturing Technology Research Institute") \
        in found
    found = rels(extract_text(passage("en-w-0010", "Two of the lab's former", "Electronics Technology.")), "ownership")
    assert any(t == "Nanjing Research Institute of Electronics Technology" for _s, t in found)


def test_an_institute_of_technology_is_no_unit(extract_text) -> None:  # en-p-el2-014
    # "Chinese Academy of Sciences Institute of Computing Technology": the academy is the parent, not a unit beside it
    found = rels(extract_text(passage("en-p-el2-014", "Chinese Academy of Sciences Institute of Computing", "aliases:")),
                 "ownership")
    assert ("Chinese Academy of Sciences", "Institute of Computing Technology") in found


def test_an_exhibitor_at_the_show(extract_text) -> None:  # en-w-0007
    found = rels(extract_text(passage("en-w-0007", "Zhongyuan was an exhibitor", "Aerostar managers.")), "participation")
    assert any(t == "Paris Air Show" for _s, t in found)


def test_the_leader_of_a_delegation_takes_part(extract_text) -> None:  # en-w-1278
    found = rels(extract_text(passage("en-w-1278", "A 60-member delegation", "Ministry of Economy.")), "participation")
    assert ("Yang Hongfei", "Plovdiv International Technical Fair") in found


def test_recruited_and_joined_the_plan(extract_text) -> None:  # en-w-0021
    found = rels(extract_text(passage("en-w-0021", "A. Researcher A", "the same year.")), "participation")
    assert ("Michael Tan", "Thousand Talents Plan") in found


def test_a_delegation_to_an_exhibition_is_taking_part(extract_text) -> None:  # en-w-0048
    ex = extract_text(passage("en-w-0048", "said Sinotech chairman", "Emirates Security Systems."))
    assert ("Li Hongbo", "Intersec") in rels(ex, "participation")
    assert ("Li Hongbo", "Intersec") not in rels(ex, "visit")


def test_the_city_of_a_place(extract_text) -> None:  # en-w-0082
    found = rels(extract_text(passage("en-w-0082", "Ashford and the Sichuan", "since 2015.")), "agreement")
    assert {tuple(sorted(p)) for p in found} == {("Ashford", "Deyang")}


def test_the_campus_of_a_university_established_with(extract_text) -> None:  # en-w-1180
    found = rels(extract_text(passage("en-w-1180", "HITSZ is the Shenzhen", "in 2002.")), "agreement")
    assert ("Harbin Institute of Technology", "Shenzhen Municipal People's Government") in found


def test_a_sale_done_to_a_defence_university_abroad(extract_text) -> None:  # en-w-1289
    # "sold a cryostat to [NUDT]" is a sale done (an export); only a standing supply of a military body is an mcf_link
    found = rels(extract_text(passage("en-w-1289", "Hengtai Deep Tech Fund backed", "Defense Technology.")), "export")
    assert ("Qbit Delft", "National University of Defense Technology") in found


def test_to_a_and_to_b(extract_text) -> None:  # en-w-0084, en-w-0041
    found = rels(extract_text(passage("en-w-0084", "Moravia Light Aircraft has sold", "University of China.")), "export")
    assert ("Moravia Light Aircraft", "Civil Aviation Flight University of China") in found
    # "to Leonardo's helicopter division and to Safran": both buyers (the division stands for its company)
    found = rels(extract_text(passage("en-w-0041", "Ferri Trasmissioni supplies", "of France.")), "export")
    assert {t for _s, t in found} >= {"Leonardo", "Safran Helicopter Engines"}


def test_one_of_them_named_after_a_comma(extract_text) -> None:  # en-w-1185
    found = rels(extract_text(passage("en-w-1185", "Wineries from Alcantara", "Penglai Wine Trading.")), "export")
    assert ("Bodegas Río Viejo", "Penglai Wine Trading") in found


def test_shown_at_the_show_the_passage_reports(extract_text) -> None:  # en-w-0057
    text = passage("en-w-0057", "BERLIN", "C919 cabin mock-up.")
    found = rels(extract_text(text), "participation")
    assert ("Commercial Aircraft Corporation of China", "ILA Berlin Air Show") in found
    # no show named in the passage: none taken from nowhere
    alone = passage("en-w-0057", "Aviation Industry Corporation of China (AVIC) showed", "C919 cabin mock-up.")
    assert not rels(extract_text(alone), "participation")


def test_keynotes_at_the_forum_just_named(extract_text) -> None:  # en-w-1062
    found = rels(extract_text(passage("en-w-1062", "In June the Jiangxi", "gave keynote addresses.")), "participation")
    assert ("Tom Brady", "Poyang Lake Forum on Advanced Materials") in found


def test_travelled_for_the_dialogue(extract_text) -> None:  # en-w-1019
    found = rels(extract_text(passage("en-w-1019", "The Chancellor of the Exchequer", "Financial Dialogue,")),
                 "participation")
    assert ("Rachel Reeves", "UK-China Economic and Financial Dialogue") in found


def test_a_firms_distributor(extract_text) -> None:  # en-w-1279, en-w-1015
    text = passage("en-w-1279", "X-ray scanners used", "Balkan Public Affairs.")
    found = {tuple(sorted(p)) for p in rels(extract_text(text), "agreement")}
    assert any("Danube Security Systems" in p and any(x.startswith("Tianjin Anjian") for x in p) for p in found)
    text = passage("en-w-1015", "Under the settlement, Cascade", "directly to Pengcheng in 2016.")
    found = {tuple(sorted(p)) for p in rels(extract_text(text), "agreement")}
    assert any("Pengcheng Kexin Instruments" in p and any(x.startswith("Cascade") for x in p) for p in found)


def test_a_group_that_took_part_and_the_list_that_names_it(extract_text) -> None:  # en-w-1095
    # "with 120 European companies taking part, including Steyr-Kranz Getriebe and ScanWave": each takes part in the
    # forum the sentence names
    found = rels(extract_text(passage("en-w-1095", "The Center also organised", "and ScanWave.")), "participation")
    forum = "Shandong–Europe M&A Matchmaking Forum"
    assert {s for s, t in found if t == forum} >= {"ScanWave"}
    # "30 firms took part, including Wanfeng and Yunzhou" (en-w-1034) after the sentence naming the forum
    text = ("The Lower Rhine-China Investment Forum opened in Duisburg in May. 30 firms took part, including Zhejiang "
            "Wanfeng Motion Control and Shenzhen Yunzhou Drones.")
    found = rels(extract_text(text), "participation")
    assert {s for s, _t in found} == {"Zhejiang Wanfeng Motion Control", "Shenzhen Yunzhou Drones"}
    # "eight foreign companies exhibited, among them A and B" (corpus/extra)
    found = rels(extract_text("The 2023 Hannover Messe opened on Monday. Eight Chinese companies exhibited, among "
                              "them Hikvision and Dahua."), "participation")
    assert found == {("Hikvision", "Hannover Messe"), ("Dahua", "Hannover Messe")}


def test_a_licence_told_by_the_verb(extract_text) -> None:  # en-w-1037, en-w-0030
    found = rels(extract_text(passage("en-w-1037", "Finding 1.", "Sensing Co..")), "agreement")
    assert any(t.startswith("Suzhou Guangjian Sensing") for _s, t in found)
    found = rels(extract_text(passage("en-w-0030", "Professor Kim also", "Westbrook Innovations")), "agreement")
    assert ("Jianghan Advanced Catalysts Co.", "University of Westbrook") in found
    # "licensed the venture to manufacture" names no thing licensed: no rule of this kind
    found = rels(extract_text("Under a licence agreement, Nordhavn Marine licensed Weichai Power to manufacture "
                              "two engine designs."), "agreement")
    assert not any(s == "Nordhavn Marine" and t == "Weichai Power" for s, t in found)


def test_a_plans_name_is_no_plan_spoken_of(extract_text) -> None:  # en-w-0016, en-w-1253
    # "the Thousand Talents Plan, run by X": "Plan" ends a name, it does not make the clause a plan (modality)
    found = rels(extract_text(passage("en-w-0016", "The Thousand Talents Plan, run by", "since 2008.")), "organizer")
    assert ("Central Organization Department", "Thousand Talents Plan") in found
    found = rels(extract_text(passage("en-w-1253", "Sun was recruited in 2016", "Talent Office.")), "organizer")
    assert ("Sichuan Provincial Party Committee Talent Office", "Sichuan Tianfu Talent Plan") in found
    # a plan spoken of still blocks: "plans to visit"
    assert not rels(extract_text("Ren Zhengfei announced a plan to visit Oxford University in May."), "visit")


def test_an_event_organised_by_told_after_a_comma(extract_text) -> None:  # en-w-1274, en-w-1290
    # the participle hangs on the verb ("attended the Week, organised by X with Y"): the event named before the comma
    found = rels(extract_text(passage("en-w-1274", "Brennan met Vice Mayor", "Ireland in China.")), "organizer")
    assert {("Hefei Municipal Foreign Affairs Office", "Hefei Irish Culture Week"),
            ("Embassy of Ireland in China", "Hefei Irish Culture Week")} <= found
    found = rels(extract_text(passage("en-w-1290", "The World Intelligent Manufacturing Summit was held",
                                      "People's Government.")), "organizer")
    assert ("Jiangsu Provincial People's Government", "World Intelligent Manufacturing Summit") in found


def test_both_men_are_the_two_people_just_named(extract_text) -> None:  # en-w-1013
    # "Austin sat down with Dong Jun ... on the margins of the Shangri-La Dialogue ... Both men addressed the conference."
    found = rels(extract_text(passage("en-w-1013", "Defense Secretary Lloyd Austin sat down", "addressed the conference.")),
                 "participation")
    assert {("Lloyd Austin", "Shangri-La Dialogue"), ("Dong Jun", "Shangri-La Dialogue")} <= found
