"""``guard._residue_or_shape``: RESIDUE and _MARKUP_SHAPE alternative by alternative, in
scans that open with a character: the same answer as the two regexes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kidpedia.wikitext import guard

PIECES = ["|", "-", "!", " ", "\n", "{", "}", "[", "]", "<", ">", "/", "'", "_", "&", ";", "=", '"', "a", "X",
          "{{", "|-", "||", "<ref", "</ref", "__TOC__", "&nbsp;", "<!--", "-->", "<br", "<span", "</td", "[https://",
          "[HTTP://", "class", "Style", " = ", "cite web", "Cite Book", "cite", "web", "rowspan=", "\t", "ı", "İ"]


def _same(text: str) -> None:
    expected = bool(guard.RESIDUE.search(text) or guard._MARKUP_SHAPE.search(text))
    assert guard._residue_or_shape(text) == expected, repr(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16))
def test_same_answer_as_the_two_regexes(pieces: list[str]) -> None:
    _same("".join(pieces))


def test_edges() -> None:
    for text in ["|- a", "a\n|- b", " |x", "!x", "\n\n!x", "a | b=", 'x class = "y"', "xclass=\"y\"", "see cite web x",
                 "excite web", "cite webs", "[https://x", "plain prose.", "", "__TOC__", "&amp;", "a |  - b",
                 "a ||b", "a || ", "<table", "<tablex", "''", "x-->y"]:
        _same(text)
