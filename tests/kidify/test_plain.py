"""Level 1 said plainly (kidify/plain.py): each entry of rules/plain_words.yaml on its
example, and what the rules never do (drop a number or a name, touch a name or the title)."""

from __future__ import annotations

from typing import Any

import pytest

from kidpedia.kidify import plain
from kidpedia.kidify.simplify import facts


@pytest.mark.parametrize("entry", plain.rules()["modifier_examples"], ids=lambda e: e["example"][:40])
def test_each_modifier_example(entry: dict[str, Any]) -> None:
    got = plain.drop_modifiers(entry["example"], (entry["pronoun"], entry["title"]), entry["title"])
    assert got == entry["want"]
    assert facts(entry["example"]) <= facts(got)  # every number and name still said


@pytest.mark.parametrize("entry", plain.rules()["says"], ids=lambda e: e["word"])
def test_each_describing_word_said_as_a_sentence(entry: dict[str, Any]) -> None:
    one = plain.drop_modifiers(f"The otter is a {entry['word']} animal.", ("It", "Otter"), "Otter")
    assert one == f"The otter is an animal. It {entry['says']}."
    many = plain.drop_modifiers(f"Otters are {entry['word']} animals.", ("It", "Otter"), "Otter")
    assert many == f"Otters are animals. They {entry['they']}."
    # about something else than the subject: the word goes, no sentence says it of the subject
    other = plain.drop_modifiers(f"Its prey is a {entry['word']} animal.", ("It", "Otter"), "Otter")
    assert other == "Its prey is an animal."


@pytest.mark.parametrize("entry", plain.rules()["words"], ids=lambda e: e["from"])
def test_each_plain_word_entry(entry: dict[str, Any]) -> None:
    assert plain.plain_words(entry["example"]) == entry["want"]
    for kept in entry.get("kept", ()):
        assert plain.plain_words(kept) == kept


def test_names_and_the_title_keep_their_words() -> None:
    assert plain.plain_words("The Agriculture Museum opened.") == "The Agriculture Museum opened."
    assert plain.plain_words("Agricultural science is a field.", "Agricultural science") == \
        "Agricultural science is a field."
    assert plain.plain("Aikido is a modern Japanese martial art.", ("It", "Aikido"), "Aikido") == \
        "Aikido is a modern Japanese martial art."


def test_tables_are_consistent() -> None:
    r = plain.rules()
    assert not r["keep_set"] & set(r["says_by_word"])
    assert not r["keep_set"] & r["common_set"]
    assert len({e["from"] for e in r["words"]}) == len(r["words"])


@pytest.mark.parametrize(("sentence", "pronoun", "want"), [
    # the sample's Angola, Alabama, Andorra and Alaska openings, after the simplifier
    ("Angola is a country in Southern Africa.", ("It", "Angola"), "Angola is a country. It is in Southern Africa."),
    ("Alabama is a state in the southeastern area of the United States.", ("It", "Alabama"),
     "Alabama is a state. It is in the southeastern area of the United States."),
    ("Andorra is a sovereign microstate in Southwestern Europe, in the eastern Pyrenees mountains.", ("It", "Andorra"),
     "Andorra is a sovereign microstate. It is in Southwestern Europe, in the eastern Pyrenees mountains."),
    ("Alaska is a U.S. state in the northwest end of the Americas.", ("It", "Alaska"),
     "Alaska is a U.S. state. It is in the northwest end of the Americas."),
    # kept: a clause, a person, not the subject, no place named, a verb in the rest
    ("Aikido is a martial art in which people fight.", ("It", "Aikido"), None),
    ("Abraham Lincoln was a lawyer in Illinois.", ("He", "Abraham Lincoln", "Lincoln"), None),
    ("Ayn Rand is a writer in New York.", ("She", "Ayn Rand", "Rand"), None),
    ("The state is a member of the United Nations.", ("It", "Angola"), None),
    ("It is a mountain near the town.", ("It", "Paris"), None),
    ("It is a river in France that flows north.", ("It", "Loire"), None),
    ("It is a river in France named by Caesar.", ("It", "Loire"), None),
])
def test_what_and_where_said_as_two_sentences(sentence: str, pronoun: tuple[str, ...], want: str | None) -> None:
    assert plain.split_place(sentence, pronoun, pronoun[1]) == (want or sentence)


@pytest.mark.parametrize(("sentence", "want"), [
    # the sample's Alaska, Demographics of Angola, Alberta and Afghanistan sentences
    ("According to the 2010 United States Census, Alaska had a population of 710,231.",
     "According to the 2010 United States Census, Alaska had 710,231 people."),
    ("According to 2014 census data, Angola had a population of 24.3 million people in 2014.",
     "According to 2014 census data, Angola had 24.3 million people in 2014."),
    ("The 2011 census reported Alberta had a population of 3,645,257 living in 1,390,275 of its dwellings.",
     "The 2011 census reported Alberta had 3,645,257 people living in 1,390,275 of its dwellings."),
    ("It has a population of about 32 million.", "It has about 32 million people."),
    ("It has a population of 5% of the total.", "It has a population of 5% of the total."),  # a share, not people
    ("The city has a population density of 300.", "The city has a population density of 300."),
])
def test_a_population_said_as_people(sentence: str, want: str) -> None:
    assert plain.population(sentence) == want
    assert facts(want) == facts(sentence)


def test_however_said_as_but() -> None:
    # the sample's Abraham Lincoln sentences
    assert plain.but("However, a land title dispute soon forced the Lincolns to move.") == \
        "But a land title dispute soon forced the Lincolns to move."
    assert plain.but("However he did believe in an all-powerful God.") == "But he did believe in an all-powerful God."
    assert plain.but("However much he tried, he lost.") == "However much he tried, he lost."
    assert plain.but("It was, however, too late.") == "It was, however, too late."


def test_what_and_where_splits_at_the_first_place_word() -> None:
    # the sample's Algeria opening once "a sovereign state" is said "a country"
    assert plain.split_place("Algeria is a country in North Africa on the Mediterranean coast.", ("It", "Algeria"),
                             "Algeria") == "Algeria is a country. It is in North Africa on the Mediterranean coast."


def test_not_as_the_others_is_said_unlike_the_others() -> None:
    # the sample's Alaska at level 1 read "It is not split into counties, as most of the other U.S. states."
    assert plain.unlike("It is not split into counties, as most of the other U.S. states. But it is split into boroughs.") \
        == "It is not split into counties, unlike most of the other U.S. states. But it is split into boroughs."
    for kept in ("It is split into counties, as most of the other U.S. states are.", "It is not big, as he said."):
        assert plain.unlike(kept) == kept


@pytest.mark.parametrize(("sentence", "want"), [
    # the sample's Amphibian and Politics of Angola, as level 1 chooses from them
    (("They diversified and became dominant in the Carboniferous and Permian periods but were later displaced by "
     "reptiles and other animals with backbones."),
     ("They diversified and became dominant in the Carboniferous and Permian periods. But they were later displaced "
     "by reptiles and other animals with backbones.")),
    ("The legal system was based on Portuguese and customary law but was weak and fragmented.",
     "The legal system was based on Portuguese and customary law. But it was weak and fragmented."),
    ("It is technically part of the mainland U.S. but is sometimes not included in colloquial use.",
     "It is technically part of the mainland U.S. But it is sometimes not included in colloquial use."),
    (("Margot Einstein allowed the personal letters to be made available to the public but requested that it not be "
     "done until twenty years after her death."),
     ("Margot Einstein allowed the personal letters to be made available to the public. But Margot Einstein requested "
     "that it not be done until twenty years after her death.")),
    # a capital word alone may be no name ("But Lithium does ..."); "not only ... but"; no verb after "but"; a comma
    ("Lithium has no known biological role but does have effects on the body when swallowed.", None),
    ("DER2 can not only change its expression but also move its hands and feet.", None),
    ("So the compulsory schooling does not start at the age of six anymore but at the age of five.", None),
    ("In January 1916, he volunteered to join the British Army but was rejected on health grounds.", None),
])
def test_a_verb_after_but_is_said_with_its_subject_as_a_sentence(sentence: str, want: str | None) -> None:
    assert plain.split_but(sentence) == (want or sentence)


@pytest.mark.parametrize("entry", plain.rules()["because"]["examples"], ids=lambda e: e["sentence"][:40])
def test_a_reason_after_because_is_said_as_a_sentence(entry: dict[str, Any]) -> None:
    # rules/plain_words.yaml's "because": the sample's Apollo, Aardwolf, Arithmetic mean (said), and
    # Abraham Lincoln, Apollo 11, American Revolutionary War, Andre Agassi (left as they are)
    assert plain.split_because(entry["sentence"]) == (entry["want"] or entry["sentence"])
