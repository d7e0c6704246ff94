"""``safety_words.surely_clean_together`` answers ``_surely_clean`` for an article's
passages at once (joined, folded once, each check one scan of the whole): the same
answer, passage by passage, as ``_surely_clean`` asked of each (the code it saves), on
the real passages of the 2023 ja/uk/vi/el dumps and the English test pages."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_safety_together import ALPHABET, EDGES  # tricks, names, scripts, accents, look-alikes

from kidpedia.kidify import safety, safety_words
from kidpedia.kidify.safety_words import (
    _surely_clean,
    _wordlists_for,
    fold,
    strip_accents,
    surely_clean_together,
)
from kidpedia.model import Article, RawPage
from kidpedia.pipeline import unjudged
from kidpedia.sources.dump import iter_pages

DATA = Path(__file__).resolve().parent.parent / "data"


def _same(texts: list[str], lang: str) -> tuple[frozenset[str], frozenset[str]]:
    clean, unclean = surely_clean_together(texts, lang)
    lists = _wordlists_for(lang)
    for text in texts:
        if "\x00" in text:
            assert text not in clean and text not in unclean
            continue
        assert (text in clean) == _surely_clean(text, lists), (lang, text)
        assert (text in unclean) != (text in clean), (lang, text)
    return clean, unclean


def _articles(lang: str, n: int) -> list[Article]:
    pages = iter_pages(DATA / "dumps" / f"{lang}wiki-2023-truncated.xml.bz2")
    found = (a for raw in pages if isinstance(a := unjudged(raw), Article))
    return list(itertools.islice(found, n))


@pytest.mark.parametrize("lang", ["ja", "uk", "vi", "el"])
def test_folded_together(lang: str) -> None:
    """All of an article's passages folded at once are each folded alone (mostly
    accented, as Greek, folded as one text; mostly not, as Japanese, one by one)."""
    for article in _articles(lang, 4):
        texts = list(dict.fromkeys(t for t in safety._passages(article) if "\x00" not in t))
        assert safety_words._folded_parts(texts) == [strip_accents(fold(t)) for t in texts]
        assert safety_words._folded_parts(texts[::-1]) == [strip_accents(fold(t)) for t in texts[::-1]]


@pytest.mark.parametrize("lang", ["ja", "uk", "vi", "el"])
def test_real_passages(lang: str) -> None:
    clean_ones = unclean_ones = 0
    for article in _articles(lang, 12):
        clean, unclean = _same(list(safety._passages(article)), lang)
        clean_ones, unclean_ones = clean_ones + len(clean), unclean_ones + len(unclean)
    assert clean_ones > 100 and unclean_ones  # both answers come up


def test_english_pages() -> None:
    for path in sorted((DATA / "wikitext").glob("*.txt"))[:20]:
        raw = RawPage(title=path.stem, text=path.read_text("utf-8"), lang="en")
        article = unjudged(raw)
        if isinstance(article, Article):
            _same(list(safety._passages(article)), "en")


@pytest.mark.parametrize("lang", ["en", "ja", "ru", "uk", "de", "es", "fr"])
def test_edges_together(lang: str) -> None:
    _same(EDGES, lang)
    _same(EDGES[::-1], lang)  # a passage's neighbours change nothing
    _same([*EDGES, "a\x00b"], lang)  # a passage holding the separator is left to scan


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(ALPHABET), max_size=8).map("".join) | st.text(max_size=20), max_size=8),
       st.sampled_from(["en", "ja", "ru", "uk"]))
def test_any_passages(texts: list[str], lang: str) -> None:
    _same(texts, lang)


def test_primed_scan_is_scan() -> None:
    """What ``scan`` answers from a batch is what it finds without one."""
    article = _articles("ja", 3)[-1]
    texts = list(dict.fromkeys(safety._passages(article)))
    safety_words._PRIMED[0] = None
    alone = [safety_words.scan(t, "ja") for t in texts]
    safety_words.prime(texts, "ja")
    assert [safety_words.scan(t, "ja") for t in texts] == alone
    assert safety_words.scan(texts[0], "en") == safety_words._scan_text(texts[0], "en")  # another language: not primed
