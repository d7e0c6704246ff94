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
