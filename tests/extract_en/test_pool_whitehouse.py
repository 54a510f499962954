"""Entity errors a new user saw on real White House pool documents (session 26; public domain, quoted only as far
as needed): a headline's verb read into a person's name, and a person named next to a capitalised title typed as
a firm."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span


def _people(ex) -> dict[str, int]:
    return {e.name: len(e.mentions) for e in ex.entities if e.type == "Person"}


def test_a_headline_verb_after_a_persons_name_is_no_part_of_it(extract_text) -> None:
    # wh2-002's title line and its first bullet
    ex = extract_text("Fact Sheet: President Donald J. Trump Imposes Tariffs on Imports from Canada, Mexico and "
                      "China\n\n- Until the crisis is alleviated, President Donald J. Trump is implementing a 25% "
                      "additional tariff on imports from Canada and Mexico.")
    people = _people(ex)
    assert "Donald J. Trump Imposes" not in people
    assert people.get("Donald J. Trump") == 2


def test_a_names_own_s_word_stays_when_no_shorter_name_is_told(nlp: Language) -> None:
    from mcfwatch.extract.en.entities import mentions_of

    # written for the test: the body never names him without "Adams", so the headline name is left whole
    doc = nlp("Statement: Senator John Adams Welcomes New Trade Rules\n\nJohn Adams said the rules were overdue.")
    doc.ents = [Span(doc, 3, 5, label="PERSON"), Span(doc, 10, 12, label="PERSON")]
    assert [m.text for m in mentions_of(doc)] == ["John Adams", "John Adams"]
    doc = nlp("Fact Sheet: President Donald J. Trump Imposes Tariffs on Imports from Canada\n\n"
              "President Trump is taking bold action.")
    trump = next(t.i for t in doc if t.text == "Trump" and t.i > 10)
    doc.ents = [Span(doc, 4, 8, label="PERSON"), Span(doc, trump, trump + 1, label="PERSON")]
    assert [m.text for m in mentions_of(doc) if m.type == "Person"] == ["Donald J. Trump", "Trump"]


def test_a_name_set_off_before_a_capitalised_title_of_a_body_is_a_person(nlp: Language) -> None:
    from mcfwatch.extract.en.entities import mentions_of

    # wh2-001 (the model labels "Scott Bessent" ORG, and the typer made it a Company)
    doc = nlp("The representatives from the U.S. side were Scott Bessent, Secretary of Treasury, and Jamieson "
              "Greer, United States Trade Representative.")
    i = next(t.i for t in doc if t.text == "Scott")
    doc.ents = [Span(doc, i, i + 2, label="ORG")]
    assert [(m.text, m.type) for m in mentions_of(doc)] == [("Scott Bessent", "Person")]
    doc = nlp("The contract went to Kestrel Avionics, Department of Defense records show.")  # written for the test
    i = next(t.i for t in doc if t.text == "Kestrel")
    doc.ents = [Span(doc, i, i + 2, label="ORG")]
    assert [m.type for m in mentions_of(doc)] != ["Person"]


def test_an_office_named_by_its_title_alone_is_no_person(extract_text) -> None:  # type: ignore[no-untyped-def]
    """Presidential documents name offices, not people: "the Secretary shall ..." (wh2-019, -023, -025, real text).
    A bare Secretary, Minister, Ambassador or Premier is too vague alone to be a Person, as President already was;
    "Deputy Mayor" (the seed's Baoding official) still is one."""
    ex = extract_text("(a) The Secretary of Commerce, in consultation with the Secretary of the Treasury and the "
                      "United States Trade Representative, shall investigate the causes of our country's large and "
                      "persistent annual deficits in trade in goods.")
    assert not [e.name for e in ex.entities if e.type == "Person" and e.name.lower() == "secretary"]
    ex = extract_text("The Deputy Mayor met the company's founders in London.")
    assert "Deputy Mayor" in {e.name for e in ex.entities if e.type == "Person"}


def test_a_capitalised_phrase_of_common_words_is_no_person(extract_text) -> None:  # type: ignore[no-untyped-def]
    """Session 27: the ruler's "General" + a capitalised word and the model's PERSON made persons of section titles
    and sentence-initial nouns (cleanup.common_words: every word is an abstract noun or a word the text writes in
    lower case). Real text of pool documents wh2-011 (executive order) and gn-004 (EO 13953)."""
    ex = extract_text("Sec. 4. General Provisions. (a) Nothing in this order shall be construed to impair or "
                      "otherwise affect: (i) the authority granted by law to an executive department or agency, or "
                      "the head thereof.")
    assert "Provisions" not in _people(ex)
    ex = extract_text("Finally, a stronger domestic mining and processing industry fosters a healthier and "
                      "faster-growing economy for the United States. Mining and mineral processing provide jobs to "
                      "hundreds of thousands of Americans.")
    assert "Mining" not in _people(ex)


def test_a_surname_that_is_also_a_common_word_stays_a_person(extract_text) -> None:  # type: ignore[no-untyped-def]
    # en-x-0134 (corpus/extra): the letter names "Secretary Grant" and says "granted"; a person's title keeps him
    ex = extract_text("Dear Secretary Grant:\n\nWe write about the sale of Westbrook Power Systems' marine gas "
                      "turbines to China State Shipbuilding Corporation and about the licences your department "
                      "granted for it.")
    assert "Grant" in _people(ex)
    # pool gn-026 with a sentence written for the test: "cotton" in lower case, "Senator Cotton"
    ex = extract_text("This refusal spurred Congress to pass legislation, co-sponsored by Senator Cotton and signed "
                      "into law late last year. The bill also bans imports of cotton from Xinjiang.")
    assert "Cotton" in _people(ex)
