"""A hand-written extraction of the seed, over its real sentences: the graph layer's unit-test fixture.

Every span is located in the real seed text, so evidence invariants hold; the acceptance tests run the
real extractor instead.
"""

from __future__ import annotations

from importlib import resources

from mcfwatch.model import Document, Entity, Extraction, Relation, Span

SEED = resources.files("mcfwatch.data").joinpath("samples/000_2742a0ed2317a793.txt")

ENTITIES = [
    ("e1", "Baoding Economic and Trade Delegation", "Organization"),
    ("e2", "Lizhong Group", "Company"),
    ("e3", "UK MQP Limited", "Company"),
    ("e4", "Brunel University", "University"),
    ("e5", "HT&L Fitting", "Company"),
    ("e6", "CCP military-civil fusion achievement conference", "Event"),
    ("e7", "PLA Baoding branch", "MilitaryUnit"),
    ("e8", "Cork County", "Place"),
    ("e9", "Baoding City", "Place"),
    ("e10", "United Kingdom", "Place"),
    ("e11", "Italy", "Place"),
    ("e12", "Benvolant Artificial Intelligence Company", "Company"),
    ("e13", "military-civil fusion project", "Program"),
]


def sentence(text: str, needle: str) -> Span:
    i = text.index(needle)
    start = max(text.rfind(". ", 0, i) + 2, text.rfind("\n", 0, i) + 1)
    end = text.index(".", i + len(needle) - 1) + 1
    return Span(start, end, text[start:end])


def seed_extraction() -> Extraction:
    text = SEED.read_text("utf-8")
    doc = Document(text=text, path=str(SEED), title="Internal Document: CCP Uses Military-Civil Fusion", language="en")
    ex = Extraction(document=doc)
    for eid, name, etype in ENTITIES:
        ent = Entity(id=eid, name=name, type=etype)
        i = text.find(name)
        if i >= 0:
            ent.mentions.append(Span(i, i + len(name), name))
        ex.entities.append(ent)
    rels = [
        ("visit", None, "e1", "e10", "2018-11-19", "the Baoding Economic and Trade Delegation visited"),
        ("visit", None, "e1", "e11", "2018-11-19", "the Baoding Economic and Trade Delegation visited"),
        ("facilitation", None, "e1", "e2", "2018-11", "it helped the Lizhong Group"),
        ("agreement", "contract", "e2", "e3", "2018-11", "One of the contracts was with UK MQP Limited"),
        ("agreement", "joint_lab", "e2", "e4", "2018-11", "joint development laboratory project with Brunel"),
        ("agreement", "investment", "e2", "e5", "2018-11", "strategic investment agreement with HT&L"),
        ("mcf_link", None, "e2", "e13", None, "it has been an active member"),
        ("participation", None, "e2", "e6", "2016-08-01", "it participated as an exhibitor"),
        ("organizer", None, "e7", "e6", "2016-08-01", "it participated as an exhibitor"),
        ("agreement", "friendship_city", "e9", "e8", "2018-10", "The first step was that it signed a memo"),
        ("agreement", "cooperation", "e9", "e8", None, "After that, it signed another memo"),
        ("invitation", None, "e9", "e8", "2019-07", "Lastly, in July 2019, it invited officials"),
        ("meeting", None, "e9", "e12", "2019-06", "They also had a meeting with companies"),
    ]
    for rtype, sub, s, t, date, needle in rels:
        ex.add_relation(
            Relation(type=rtype, subtype=sub, source=s, target=t, date=date, evidence=sentence(text, needle),
                     confidence=0.8, subject="super grain refiner" if t == "e3" else None)
        )
    return ex
