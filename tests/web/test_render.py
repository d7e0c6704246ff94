"""The renderer: escaped slices, links only to stored articles, nh3 guard, Quick facts layout."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from markupsafe import escape

from kidpedia.model import Article, FactRow, Link, QuickFacts, Section, Text
from kidpedia.model import LinkSpan as Span
from kidpedia.store import MARK_END, MARK_START
from kidpedia.web import render


class FakeTitles:
    """A store's title lookups over fixed sets (the renderer's only dependency)."""

    def __init__(self, articles: set[str], redirects: dict[str, str] | None = None) -> None:
        self.articles = articles
        self.redirects = redirects or {}
        self.calls = 0

    def exists(self, titles: Iterable[str]) -> set[str]:
        self.calls += 1
        return self.articles & set(titles)

    def redirect_targets(self, titles: Iterable[str]) -> dict[str, str]:
        self.calls += 1
        return {t: self.redirects[t] for t in titles if t in self.redirects}


def resolver(articles: set[str], redirects: dict[str, str] | None = None, targets=()) -> render.LinkResolver:
    return render.LinkResolver(FakeTitles(articles, redirects), targets)


def test_text_is_escaped_slice_by_slice_and_links_only_to_stored_articles():
    t = Text("<b>Cats</b> & dogs like Mice.", (Span(3, 7, "Cat"), Span(24, 28, "Mouse")))
    html = render.render_text(t, resolver({"Cat"}, targets={"Cat", "Mouse"}))
    assert html == '&lt;b&gt;<a href="/wiki/Cat">Cats</a>&lt;/b&gt; &amp; dogs like Mice.'


def test_link_through_a_redirect_goes_straight_to_the_article():
    t = Text("See AbacuS.", (Span(4, 10, "AbacuS"),))
    html = render.render_text(t, resolver({"Abacus"}, {"AbacuS": "Abacus"}, targets={"AbacuS"}))
    assert html == 'See <a href="/wiki/Abacus">AbacuS</a>.'


@pytest.mark.parametrize(
    "spans",
    [
        (Span(0, 3, "A"), Span(2, 5, "A")),  # overlapping
        (Span(3, 2, "A"),),  # backwards
        (Span(0, 99, "A"),),  # past the end
        (Span(4, 4, "A"),),  # empty
    ],
)
def test_bad_spans_never_lose_or_repeat_text(spans):
    t = Text("abcdefgh", spans)
    html = render.render_text(t, resolver({"A"}, targets={"A"}))
    visible = html.replace('<a href="/wiki/A">', "").replace("</a>", "")
    assert visible == "abcdefgh"


def test_nh3_guard_removes_what_an_escaping_bug_would_let_through():
    out = render.sanitise(
        '<a href="javascript:alert(1)" onclick="x()">a</a><script>alert(2)</script>'
        '<img src=x onerror=alert(3)><style>p{}</style><mark style="x">m</mark>'
    )
    assert "<script" not in out and "onclick" not in out and "onerror" not in out
    assert "javascript:" not in out and "<style" not in out and "<img" not in out
    assert "style=" not in out
    assert "<mark>m</mark>" in out


def test_snippet_markers_become_mark_and_the_rest_is_escaped():
    snippet = f"a <i>{MARK_START}cat{MARK_END}</i> & {MARK_START}dog{MARK_END}"
    assert render.render_snippet(snippet) == "a &lt;i&gt;<mark>cat</mark>&lt;/i&gt; &amp; <mark>dog</mark>"
    assert render.plain_snippet(snippet) == "a <i>cat</i> & dog"


def test_a_snippet_is_written_as_the_sanitiser_writes_it(sample_db):
    """The direct way (the common case) and the sanitiser agree on every snippet of the
    real sample's search index (each article's text cut in pieces, words marked), and
    on odd ones: quotes, no-break spaces, controls, markers alone or nested."""
    import random
    import sqlite3

    def slow(snippet: str) -> str:
        return str(render.sanitise(str(escape(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")))

    rng = random.Random(7)
    conn = sqlite3.connect(sample_db)
    texts = [t for (t,) in conn.execute("SELECT body FROM search")]
    assert len(texts) > 50
    checked = 0
    for text in texts:
        for start in range(0, min(len(text), 4000), 400):
            words = text[start : start + 400].split(" ")
            marked = [f"{MARK_START}{w}{MARK_END}" if rng.random() < 0.1 else w for w in words]
            snippet = " ".join(marked)
            assert str(render.render_snippet(snippet)) == slow(snippet)
            checked += 1
    assert checked > 500
    for odd in ["it's \"q\" a<b & c\xa0d", "a\rb\r\nc\x00d\x0ce", f"{MARK_START}x", f"x{MARK_END}y",
                f"{MARK_START}{MARK_START}x{MARK_END}{MARK_END}", "<script>alert(1)</script>", "&amp;lt;"]:
        assert str(render.render_snippet(odd)) == slow(odd)


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Albert Einstein", "/wiki/Albert_Einstein"),
        ("AC/DC", "/wiki/AC/DC"),
        ("What? #1 100%", "/wiki/What%3F_%231_100%25"),
        ('"><script>', "/wiki/%22%3E%3Cscript%3E"),
        ("Zürich", "/wiki/Z%C3%BCrich"),
    ],
)
def test_wiki_url_encodes_everything_that_could_break_out(title, url):
    assert render.wiki_url(title) == url


def test_wikipedia_url_refuses_a_strange_language_code():
    assert render.wikipedia_url("A b", "en") == "https://en.wikipedia.org/wiki/A_b"
    assert render.wikipedia_url("A", "evil.com/x?") == "https://en.wikipedia.org/wiki/A"


def test_anchors_are_unique_and_safe():
    taken: set[str] = set()
    a = [render.anchor_for(t, taken) for t in ["History", "History", '"><x>', "", "Zürich 1–2"]]
    assert a == ["History", "History_2", "x", "section", "Zürich_1_2"]


def test_quick_facts_rows_pairs_sides_and_headers_and_empty_headers_go():
    qf = QuickFacts(
        "infobox military conflict",
        rows=(
            FactRow("Date", (Text("1775–1783"),)),
            FactRow("Belligerents", header=True),
            FactRow("", (Text("United States"), Text("Great Britain"))),
            FactRow("Commanders", (Text("Washington"), Text("Howe"), Text("<Clinton>"))),
            FactRow("Empty header", header=True),
            FactRow("No value", (Text("  "),)),
        ),
    )
    view = render.quick_facts_view(qf, resolver(set()))
    assert view is not None
    kinds = [(r.kind, r.label, [str(c) for c in r.cells]) for r in view.rows]
    assert kinds == [
        ("pair", "Date", ["1775–1783"]),
        ("header", "Belligerents", []),
        ("sides", "", ["United States", "Great Britain"]),
        ("sides", "Commanders", ["Washington", "Howe", "&lt;Clinton&gt;"]),
    ]


def test_article_view_has_nested_sections_lists_see_also_and_languages():
    article = Article(
        title="Test",
        lead=(Text("Lead about Cats.", (Span(11, 15, "Cat"),)),),
        sections=(
            Section("Life", 2, (Text("one", kind="li"), Text("two", kind="li"), Text("Para.")),
                    (Section("Early", 3, (Text("Young."),)),)),
        ),
        see_also=(Link("Cat", "Cat"), Link("Dog", "Dog")),
        language_links=(),
    )
    store = FakeTitles({"Cat"})
    view = render.article_view(article, store)
    assert store.calls == 2  # one exists() and one redirect_targets() for the whole page
    assert [(b.kind, len(b.items)) for b in view.sections[0].blocks] == [("ul", 2), ("p", 1)]
    assert view.sections[0].sections[0].heading == "h3"
    assert [(x.text, x.href) for x in view.see_also] == [("Cat", "/wiki/Cat"), ("Dog", None)]
    assert view.source_url == "https://en.wikipedia.org/wiki/Test"
