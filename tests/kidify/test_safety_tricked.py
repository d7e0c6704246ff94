"""``safety_words._tricked_words`` skips its token regex where no token it would read
(a trick mark and a letter or "*") can be there (``_may_hold_tricked_token``): the same
words out for any text as with the token regex always run."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kidpedia.kidify import safety_words
from kidpedia.kidify.safety_words import _tricked_words

ALPHABET = "ab s1203_²٣x @$€!|+*-.·/aaa111___" + "年日ΑΩжё"
EDGES = [
    "In 1990 there were 2,000,000 people.", "the 1990s", "mp3 and h2o", "a_1", "1_a", "x²1", "1²x",
    "fuuuck", "sh1t", "f*ck", "$ex", "2023年5月3日", "٣٣٣ab", "a٣1", "f u c k", "www.example.com",
    "__init__ 1", "b!tch", "ok 100% fine", "1,000 and 3000", "", "7", "ab 12 cd",
]


def reference(text: str, monkeypatch) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """_tricked_words with the token regex always run."""
    _tricked_words.cache_clear()
    with monkeypatch.context() as m:
        m.setattr(safety_words, "_may_hold_tricked_token", lambda base: True)
        out = _tricked_words(text)
    _tricked_words.cache_clear()
    return out


def test_same_words_on_edges(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for text in EDGES:
        assert _tricked_words(text) == reference(text, monkeypatch), text


def test_the_filter_passes_over_numbers() -> None:
    assert not safety_words._may_hold_tricked_token("in 1990 there were 2,000,000 people")
    for text in ("the 1990s", "mp3", "a_1", "1²x", "fuuuck", "f*ck", "x 1 $"):
        assert safety_words._may_hold_tricked_token(text), text


@given(st.text(alphabet=st.sampled_from(ALPHABET) | st.characters(), max_size=40))
def test_same_words_on_any_text(text: str) -> None:
    _tricked_words.cache_clear()
    fast = _tricked_words(text)
    _tricked_words.cache_clear()
    original = safety_words._may_hold_tricked_token
    safety_words._may_hold_tricked_token = lambda base: True
    try:
        full = _tricked_words(text)
    finally:
        safety_words._may_hold_tricked_token = original
        _tricked_words.cache_clear()
    assert fast == full


@given(st.text(alphabet=st.sampled_from(ALPHABET + " ._-·/") | st.characters(), max_size=40))
def test_has_trick_as_its_one_regex(text: str) -> None:
    assert safety_words._has_trick(text) == (safety_words._HAS_TRICK.search(text) is not None)


def test_has_trick_on_edges() -> None:
    for text in [*EDGES, "a b c", "a.b.c", "ab c d", "x y", "zzz", "no trick here", "é è ê"]:
        assert safety_words._has_trick(text) == (safety_words._HAS_TRICK.search(text) is not None), text


SPACED_EDGES = [
    "f u c k", "s.e.x", "a b", "a b c", "ab c d", "x a-b-c", "(a b c)", "a  b   c", "1 2 3", "a·b·c", "a/b/c",
    "f*u*c*k", "the a b", "a bc d", "é u c", "ж о п а", "a_b_c", "_a b c", "a b c_", "I a m", "", "a", "a b c d e",
]


def _spaced_reference(text: str) -> bool:
    return safety_words._SPACED.search(text) is not None


def test_maybe_spaced_on_edges() -> None:
    """Wherever _SPACED finds spaced letters, the cheap scan before it does too."""
    for text in SPACED_EDGES:
        if _spaced_reference(text):
            assert safety_words._MAYBE_SPACED.search(text), text
    assert not safety_words._MAYBE_SPACED.search("ab cd ef and a word")
    assert not safety_words._MAYBE_SPACED.search("in 1990 there were 2,000,000 people")


@given(st.text(alphabet=st.sampled_from(ALPHABET + " ._-·/*") | st.characters(), max_size=40))
def test_maybe_spaced_where_spaced(text: str) -> None:
    if _spaced_reference(text):
        assert safety_words._MAYBE_SPACED.search(text)


def test_spaced_words_the_same_with_the_cheap_scan(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for text in SPACED_EDGES + EDGES:
        _tricked_words.cache_clear()
        fast = _tricked_words(text)
        _tricked_words.cache_clear()
        with monkeypatch.context() as m:
            m.setattr(safety_words, "_MAYBE_SPACED", safety_words._SPACED)
            assert _tricked_words(text) == fast, text
        _tricked_words.cache_clear()
