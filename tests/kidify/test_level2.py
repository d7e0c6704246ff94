"""Level 2's questions of what a sentence needs said before it (``kidify.level2``), on the
sample's real sentences, and the pages that ask them."""

from __future__ import annotations

import pytest

from kidpedia.kidify import level2, levels, reading
from kidpedia.model import Article

# Academy Awards, "Refusing the award" (the sample's text)
REFUSING = [
    "Some winners critical of the Academy Awards have boycotted the ceremonies and refused to accept their Oscars.",
    "The first to do so was Dudley Nichols (Best Writing in 1935 for The Informer).",
    "Nichols boycotted the 8th Academy Awards ceremony because of conflicts between the Academy and the Writers' Guild.",
    ("George C. Scott became the second person to refuse his award (Best Actor in 1970 for Patton) at the 43rd "
    "Academy Awards ceremony."),
    "Scott described it as a 'meat parade', saying 'I don't want any part of it.\"",
]
# Anthropology, "Through the 19th century"
WAITZ = [
    ("His interest was mainly in Biological anthropology, but a German philosopher specializing in psychology, "
    "Theodor Waitz, took up the theme of general and social anthropology in his six-volume work, entitled Die "
    "Anthropologie der Naturvölker, 1859–1864."),
    'The title was soon translated as "The Anthropology of Primitive Peoples".',
    "The last two volumes were published posthumously.",
    'Waitz defined anthropology as "the science of the nature of man".',
]


def test_a_surname_alone_needs_the_sentence_that_says_the_whole_name() -> None:
    assert level2.surname_intro(REFUSING, 4, "Academy Awards") == (3, "Scott")
    assert level2.surname_intro(REFUSING, 2, "Academy Awards") == (1, "Nichols")
    assert level2.surname_intro(REFUSING, 3, "Academy Awards") is None  # says the name in full itself
    assert level2.surname_intro(WAITZ, 3, "Anthropology") == (0, "Waitz")
    # the page's own subject needs no introduction
    assert level2.surname_intro(["Abraham Lincoln was a lawyer.", "Lincoln won in 1860."], 1, "Abraham Lincoln") is None


def test_a_subject_said_with_the_needs_the_sentence_that_says_it() -> None:
    assert level2.definite_subject(WAITZ, 2, "Anthropology") == (0, "volumes")
    assert level2.definite_subject(WAITZ, 1, "Anthropology") is None  # "entitled", not "title": a new thing
    assert level2.definite_subject(["Foxes are small dogs.", "The first fox was seen in 1900."], 1, "Fox") is None
    assert level2.definite_subject(["Foxes live in dens.", "The dens are deep."], 1, "Fox") == (0, "dens")


@pytest.fixture(scope="module")
def by_title(sample_articles: list[Article]) -> dict[str, Article]:
    return {a.title: a for a in sample_articles}


def _level2(by_title: dict[str, Article], title: str) -> list[str]:
    return [s for t in levels._body(levels.at_level(by_title[title], 2)) for s in reading.sentences(t.text)]


def test_level2_shows_no_name_said_short_without_the_whole(by_title: dict[str, Article]) -> None:
    shown = _level2(by_title, "Academy Awards")
    for n, s in enumerate(shown):
        if s.startswith("Scott described it"):
            assert any("George C. Scott" in x for x in shown[:n])
    shown = _level2(by_title, "Anthropology")
    for n, s in enumerate(shown):
        if s.startswith(("The last two volumes", "Waitz ")):
            assert any("Theodor Waitz" in x for x in shown[:n])


def test_level2_says_the_name_where_a_section_opens_with_the_subject(by_title: dict[str, Article]) -> None:
    # "It is a philosophy." opened "Internal issues and debates" (from "Anarchism is a philosophy that ...")
    page = levels.at_level(by_title["Anarchism"], 2)
    for s in page.iter_sections():
        first = next((t.text for t in s.paragraphs if t.table is None), "")
        assert not first.startswith("It is a philosophy.")
        if s.title == "Internal issues and debates" and first:
            assert first.startswith("Anarchism ")


def test_level2_shows_no_time_said_before_without_it(by_title: dict[str, Article]) -> None:
    # "By that time the TV rights to the Academy Awards had been sold in 50 countries." (Academy Awards),
    # "The cost of guest tickets for that night's ceremony was $5." (shown alone),
    # "Before that the results were announced in early February."
    for page, words in (("Academy Awards", ("By that time", "Before that")),):
        for s in _level2(by_title, page):
            assert not s.startswith(words)
    shown = _level2(by_title, "Academy Awards")
    for n, s in enumerate(shown):  # shown only after the sentence before it
        if "that night's ceremony" in s:
            assert shown[n - 1] == "The post-awards party was held at the Mayfair Hotel."


@pytest.mark.parametrize("case", level2.rules()["surname_examples"])
def test_surname_examples(case: dict[str, object]) -> None:
    sentences = case["sentences"]
    assert isinstance(sentences, list)
    got = level2.surname_intro(sentences, len(sentences) - 1, str(case["title"]))
    assert (got[0] if got else None) == case["intro"]


def test_a_thing_brought_in_with_a_needs_the_sentence_that_brings_it() -> None:
    # Anarchism's Haymarket paragraph: "A bomb was thrown by an unknown party near the end of the rally." was shown
    # without "The next day, 4 May, anarchists staged a rally at Chicago's Haymarket Square."
    para = ["The next day, 4 May, anarchists staged a rally at Chicago's Haymarket Square.",
            "A bomb was thrown by an unknown party near the end of the rally."]
    assert level2.definite_subject(para, 1, "Anarchism") == (0, "rally")
    assert level2.definite_subject(["Foxes live in dens.", "A fox held a rally near the den."], 1, "Fox") is None


def test_level2_shows_a_name_said_short_only_after_the_name(by_title: dict[str, Article]) -> None:
    # Atlantic Ocean at level 2 showed "A great rift valley extends along the ridge over most of its length." without
    # the sentence that names the Mid-Atlantic Ridge (level 1's question, ``level1.definite_antecedent``)
    shown = _level2(by_title, "Atlantic Ocean")
    for n, s in enumerate(shown):
        if "along the ridge" in s:
            assert any("Mid-Atlantic Ridge" in x for x in shown[:n])


@pytest.mark.parametrize("case", level2.rules()["back_examples"])
def test_back_examples(case: dict[str, object]) -> None:
    assert level2.points_back(str(case["text"]), str(case["title"]), bool(case.get("person"))) is case["back"]


@pytest.mark.parametrize(("title", "start", "before"), [
    # "Albert Jr. was killed in the accident." was shown without the ferry's boilers exploding
    ("Albert Sidney Johnston", "Albert Jr. was killed in the accident.", "boilers to explode"),
    # "The publication advocated free love ..." without the newspaper Free Society
    ("Anarchism", "The publication advocated", "Free Society"),
    # "He had to cut the movie several times." without the movie, Andrei Rublev
    ("Andrei Tarkovsky", "He had to cut the movie several times.", "Andrei Rublev"),
])
def test_level2_names_the_thing_before_it_says_the_thing(by_title: dict[str, Article], title: str, start: str,
                                                         before: str) -> None:
    shown = _level2(by_title, title)
    assert shown, title
    for n, s in enumerate(shown):
        if s.startswith(start):
            assert before in shown[n - 1] or (n > 1 and before in shown[n - 2]), (s, shown[n - 2:n])
