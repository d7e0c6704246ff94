"""``safety_words._surely_clean`` asks its first checks of all the lists at once
(``_Together``: the key words in one Aho-Corasick automaton, the Chinese and Japanese
first words in one regex, the odd characters in one class): the same answer as the
check it replaced, list by list over ``_WORDS.findall`` of the text (``per_list`` below)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kidpedia.kidify import safety_words
from kidpedia.kidify.safety_words import (
    _SPACE_CAPITAL,
    _WORDS,
    WordList,
    _surely_clean,
    _together,
    _wordlists_for,
    fold,
    strip_accents,
    tricked_words,
)

DATA = Path(__file__).resolve().parent.parent / "data"
LANGS = ("en", "ja", "ru", "uk", "de", "es", "fr")


def per_list(text: str, lists: tuple[WordList, ...]) -> bool:
    """``_surely_clean`` as it was: each list's checks in turn, on the text's words."""
    base = strip_accents(fold(text))
    if "*" in base:
        return False
    words = _WORDS.findall(base)
    for wl in lists:
        if not (wl._has_terms and wl._mask_keeps_words):
            return False
        if wl._names is not None and _SPACE_CAPITAL.search(text) and wl._holds_name(text):
            return False
        if wl._may_hold(base, words, masked=False):
            return False
    tricked = tricked_words(text)
    if not tricked:
        return True
    joined = " ".join(tricked)
    return not any(wl._scan_one(joined, False, cue_all=True) for wl in lists)


def _same(text: str) -> None:
    for lang in LANGS:
        lists = _wordlists_for(lang)
        assert _surely_clean(text, lists) == per_list(text, lists), (lang, text)


EDGES = [
    "", "*", "f*ck", "fuck", "Fucks", "FUCK!", "ｆｕｃｋと", "s&m", "S & M", "🖕", "a🖕b", "𝐟𝐮𝐜𝐤", "a𝐚ss", "ass😀",
    "😀ass", "class", "grass is green", "the ass.", "ass_", "_ass", "ass1", "1ass", "bass ass", "asses", "assess",
    "Kike García", "Kike garcía", "Quim Torra", "セックス", "セックスと", "g スポット", "хуй", "говно", "говном",
    "говнище", "хуйня", "сука", "sex", "sexual", "Sex Pistols", "sh1t", "f u c k", "fuuuck", "$ex", "b!tch",
    "coq au vin", "Scunthorpe", "cocktail", "analysis", "in 1990 there", "日本の首都", "Ελλάδα", "Київ",
    "Việt Nam", "cụm từ", "con mèo", "ｓｅｘ", "ѕех", "аѕѕ", "c\u00adunt", "c\u200bunt",
]


@pytest.mark.parametrize("text", EDGES)
def test_edges(text: str) -> None:
    _same(text)


def _real_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted((DATA / "wikitext").glob("*.txt"))[:40] + sorted((DATA / "safety").glob("*.yaml")):
        lines += [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    return lines


def test_real_text() -> None:
    lines = _real_lines()
    assert len(lines) > 2000
    for line in lines:
        _same(line)
    # both answers come up
    en = _wordlists_for("en")
    assert {_surely_clean(line, en) for line in lines} == {True, False}


ALPHABET = ["ass", "fuck", "sex", "s", "cl", " ", ".", "_", "1", "&", "m", "🖕", "😀", "𝐚", "é", "ё", "х", "уй",
            "говн", "ом", "セックス", "と", "日", "K", "ike", " G", "arcía", "*", "а", "ѕ", "\u00ad", "!", "$"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=12) | st.text(max_size=30))
def test_any_text(pieces: list[str] | str) -> None:
    _same("".join(pieces))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=12).map("".join) | st.text(max_size=30))
def test_key_words_as_the_words_of_the_text(text: str) -> None:
    """The automaton's whole-word matches are the text's words that are key words."""
    base = strip_accents(fold(text))
    for lang in LANGS:
        lists = _wordlists_for(lang)
        keys = set().union(*(wl._key_or_plural for wl in lists))
        assert _together(lists).has_key_word(base) == (not keys.isdisjoint(_WORDS.findall(base))), (lang, text)


def test_one_together_per_lists() -> None:
    lists = _wordlists_for("ja")
    assert _together(lists) is _together(tuple(lists))
    assert safety_words._together(_wordlists_for("en")).stemmed == ()
    assert _together(_wordlists_for("ru")).stemmed  # Russian endings: its stems are asked of the words
