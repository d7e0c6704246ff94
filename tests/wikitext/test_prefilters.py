"""The cheap scans put before the costly regexes (issue 11's build speed) decide
nothing: with them, guard and punctuation tidying answer as the full regexes do,
on the texts of real pages and on strings made to sit at each filter's edge."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kidpedia.model import Article, LinkSpan, RawPage
from kidpedia.pipeline import unjudged
from kidpedia.wikitext import guard, inline

DATA = Path(__file__).resolve().parent.parent / "data" / "wikitext"

EDGES = [
    "", "plain words only", "a {{b}} c", "x }} y", "[[a]]", "]] z", "<ref>x", "a </ref>", "''i''", "'''b'''",
    "{| t", "t |}", "|- row", "x\n|- row", "__TOC__", "a&nbsp;b", "&amp;", "&lt;b&gt;", "&quot;", "<!-- c", "c -->",
    "<br>", "<span x>", "</div>", "[https://x y]", "| a = b", "! header", "  | cell", "a || b", "a | - b",
    'class="x"', 'style = "c"', "cite web", "CITE BOOK", "cıte news", "Cite journal", "x ! y", 'say "hi"',
    "a_b", "a__b", "a-->b", "->", "|x|200px|", "Map.png|thumb|250px|caption", "&#160;", "&x", "a [b] c",
    "x" * 5001, "word (born 1900)", "a ( ) b", "a , b", "a ,, b", "a,,b", "a,,b c", "x,\t,y z", "(a ; b)", "a [ b", "a .", "x)",
    "(, x)", "word\u00a0.", "a\t,b", "end ]", "a; ;b", "(or)", "a (or ) b",
    "( x", "x )", "a ;)", "x:)", "x,)", "(\tx)", "(:x)", "a\n)", "(x) (y)", "(\u3000)", "a (or, ; or) b", "(( ))", "x ]",
    "minutes, .", "a,.", "x.,.", "a. ,.", "e.g.,", ",...", "1, 2,...", "for .NET", "older: .79", "a ,.b", ". . .we",
]


def _real_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(DATA.glob("*.txt"))[:40]:
        article = unjudged(RawPage(title=path.stem, text=path.read_text("utf-8")))
        if not isinstance(article, Article):
            continue
        for t in article.iter_texts():
            texts.append(t.text)
            texts.extend(t.text[i : i + 80] for i in range(0, len(t.text), 80))
    assert len(texts) > 500
    return texts


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return EDGES + _real_texts()


def test_looks_like_markup_as_the_full_regexes(texts: list[str]) -> None:
    for text in texts:
        full = bool(guard.RESIDUE.search(text) or guard._MARKUP_SHAPE.search(text)) or len(text) > guard.MAX_PARAGRAPH
        assert guard.looks_like_markup(text) == full, text


# guard's first scan as it was written: one IGNORECASE alternation.
_ONE_ALTERNATION = re.compile(r"""[{}\[\]<&|!"]|''|__|-->|cite""", re.IGNORECASE)


def test_maybe_markup_as_one_alternation(texts: list[str]) -> None:
    for text in [*texts, "CİTE", "cİte", "ci\u0307te", "cite", "ſ", "\u212a", "a-->", "x'' y"]:
        assert guard.maybe_markup(text) == (_ONE_ALTERNATION.search(text) is not None), text


# _tidy_punctuation's first scan as it was written: its alternatives, each what one of
# _SPACE_BEFORE_PUNCT's alternatives holds.
_FIVE = re.compile(r"\([\s,;:]|\[ | [,.;:!?)\]]|[\s,;:]\)|,\s*,|,\.")


def test_maybe_space_before_punct_as_its_alternatives(texts: list[str]) -> None:
    for text in [*texts, "a ,", "( x", "[ y", "x\t)", ",\n,", ", ,", "(\u3000", "a\u00a0)", " ]", "x  .", ")"]:
        found = inline._MAYBE_SPACE_BEFORE_PUNCT.search(text) is not None
        assert found == (_FIVE.search(text) is not None), text


def test_maybe_stray_as_its_four_alternatives(texts: list[str]) -> None:
    four = re.compile(r"[{}\[\]<&|]|''|__|-->")
    for text in [*texts, "'", "''", "a'b'c", "_", "a__b", "->", "-->", "->>", "x>", "'_'", "<"]:
        assert (guard._MAYBE_STRAY.search(text) is None) == (four.search(text) is None), text


def test_stray_spans_as_without_the_filter(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [guard._stray_spans(t) for t in texts]
    monkeypatch.setattr(guard, "_MAYBE_STRAY", _Always())
    assert [guard._stray_spans(t) for t in texts] == fast


def test_tidy_punctuation_as_without_the_filter(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    cases = [(t, []) for t in texts] + [(t, [LinkSpan(0, min(3, len(t)), "X")]) for t in texts if t]
    fast = [inline._tidy_punctuation(t, list(links)) for t, links in cases]
    monkeypatch.setattr(inline, "_MAYBE_SPACE_BEFORE_PUNCT", _Always())
    monkeypatch.setattr(inline, "_MAYBE_EMPTY_PARENS", _Always())
    assert [inline._tidy_punctuation(t, list(links)) for t, links in cases] == fast
    assert inline._tidy_punctuation("a ( ) b , c", [])[0] == "a b, c"


class _Always:
    """A stand-in for a filter regex that always lets the text through."""

    def search(self, text: str) -> bool:
        return True


@pytest.mark.parametrize(("before", "after"), [
    # real: en "Andre Agassi" (the sample), "{{OCLC|…}}" dropped after a comma
    ("Run Time: 52&nbsp;minutes, {{OCLC|61658553}}.", "Run Time: 52 minutes."),
    # real: uk "C Sharp" (tests/data/dumps/ukwiki-2023-truncated.xml.bz2): ".NET" is a name
    ("Якщо програми на різних мовах виконуються на платформі [[.NET]], .NET бере на себе клопіт",
     "Якщо програми на різних мовах виконуються на платформі .NET, .NET бере на себе клопіт"),
    ("C#, .NET чи реалізацію.", "C#, .NET чи реалізацію."),
    # real: en "Demographics of Angola" (the sample)
    ("65 years and older: .79 male(s)/female", "65 years and older: .79 male(s)/female"),
    # real: en "Algorithm" (the sample): the spaced dots close up, as before
    (''':Knuth: ". . .we want ''good'' algorithms''', '''Knuth: "...we want good algorithms'''),
    # hand-made format fixtures
    ("The union. {{OCLC|1}},. It ends.", "The union. It ends."),
    ("The list,... goes on (1, 2, 3,...).", "The list,... goes on (1, 2, 3,...)."),
])
def test_punctuation_left_by_a_dropped_template(before: str, after: str) -> None:
    article = unjudged(RawPage(title="Test", text=before))
    assert isinstance(article, Article)
    assert [t.text for t in article.lead] == [after]
