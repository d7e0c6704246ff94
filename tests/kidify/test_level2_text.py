"""Level 2 of real sample pages reads as correct English: each case is a sentence the
sample's level-2 pages once showed wrong."""

from __future__ import annotations

import pytest

from kidpedia.kidify import levels
from kidpedia.model import Article


@pytest.fixture(scope="module")
def by_title(sample_articles: list[Article]) -> dict[str, Article]:
    return {a.title: a for a in sample_articles}


def level2(by_title: dict[str, Article], title: str) -> str:
    return " ".join(t.text for t in levels._body(levels.at_level(by_title[title], 2)))


def test_alkane_formula_is_said_before_its_example(by_title: dict[str, Article]) -> None:
    # "For example methane is CH₄, in which n = 1.": the comma had gone, and the formula that
    # says what n is ("{{Carbon}}<sub>n</sub>{{Hydrogen}}...") had read "ₙ₂ₙ₊₂" and was not shown
    text = level2(by_title, "Alkane")
    assert "For example methane" not in text
    assert "Animals Alkanes" not in text
    if "in which n = 1" in text:
        assert 0 <= text.find("CₙH₂ₙ₊₂") < text.find("in which n = 1")


def test_no_sentence_that_lost_what_it_said(by_title: dict[str, Article]) -> None:
    # "But a cyborg would be a creature." (its clause, "that is a combination of organic and mechanical
    # parts", said as a sentence the selection left out); "Different themes were treated during the
    # Congress." (the aside that named the themes cut)
    assert "would be a creature." not in level2(by_title, "Android (robot)")
    assert "themes were treated during the Congress." not in level2(by_title, "Anarchism")


def test_no_easy_sentence_of_the_lead_out_of_its_paragraph() -> None:
    # the sample's Answer at level 2 was "Usually, an answer is a reply to a question. Criminal cases may lead to
    # fines or other punishment.": the second, from inside a paragraph about pleading in court, says nothing of
    # answers (a sentence in a section has its heading to say what it is about)
    from kidpedia.model import Text

    a = Article("Answer", lead=(
        Text("An answer is a reply to a question."),
        Text("In a criminal case, there is usually an arraignment or some other kind of appearance before the "
             "defendant comes to court. Criminal cases may lead to fines."),
    ))
    text = " ".join(t.text for t in levels._body(levels.at_level(a, 2)))
    assert "fines" not in text
    b = Article("Answer", lead=(
        Text("An answer is a reply to a question."),
        Text("A court may ask for one. Criminal cases may lead to fines."),
    ))
    assert "fines" in " ".join(t.text for t in levels._body(levels.at_level(b, 2)))


def test_plain_words_that_went_wrong_on_the_sample(by_title: dict[str, Article]) -> None:
    # "Its higher height means ..." (Andorra), "Watching logs usually record ..." (Amateur astronomy)
    assert "higher height" not in level2(by_title, "Andorra")
    assert "Watching logs" not in level2(by_title, "Amateur astronomy")
    assert "the words jatu." not in level2(by_title, "Asphalt")
