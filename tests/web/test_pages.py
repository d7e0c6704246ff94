"""The HTML pages over the real bundled sample: shape, links, redirects, search, headers."""

from __future__ import annotations

from urllib.parse import unquote

import lxml.html
import pytest

from kidpedia.model import RawPage
from kidpedia.store import Store


def page(client, url: str, status: int = 200):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code)
    assert r.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(r.text)


def title_of(href: str) -> str:
    return unquote(href.removeprefix("/wiki/")).replace("_", " ")


def test_home_has_a_big_search_box_a_surprise_button_and_articles_to_explore(client):
    doc = page(client, "/")
    form = doc.cssselect("form.search-big")[0]
    assert form.get("action") == "/search"
    assert form.cssselect("input[name=q]") and form.cssselect("label")[0].text_content().strip()
    assert doc.cssselect('a[href="/random"]')
    cards = doc.cssselect(".cards a")
    assert 3 <= len(cards) <= 6
    for a in cards:
        assert client.get(a.get("href")).status_code == 200


def test_article_page_has_the_reference_shape(client, sample_store: Store):
    doc = page(client, "/wiki/Albert_Einstein")
    assert doc.cssselect("h1")[0].text_content().split() == ["Albert", "Einstein", "facts", "for", "kids"]
    table = doc.cssselect("aside.quick-facts table")[0]
    assert "Quick facts for kids" in table.cssselect("caption")[0].text_content()
    labels = [th.text_content() for th in table.cssselect("th[scope=row]")]
    assert "Known for" in labels and "Doctoral advisor" in labels
    assert doc.cssselect(".lead p")[0].text_content().startswith("Albert Einstein")
    # Contents: every entry points at a heading on the page, in reading order, nested.
    toc_links = doc.cssselect("nav.toc a")
    ids = [h.get("id") for h in doc.cssselect("section.section > h2, section.section > h3, section.section > h4")]
    assert [a.get("href") for a in toc_links] == ["#" + i for i in ids]
    assert doc.cssselect("nav.toc ol ol"), "sub-sections are nested in Contents"
    assert doc.cssselect("section.section section.section > h3")
    article = sample_store.get("Albert Einstein")
    assert len(doc.cssselect("section.section")) == len(article.iter_sections())


@pytest.mark.parametrize("title", ["Ayn Rand", "Foreign relations of Angola"])
def test_links_go_only_to_stored_articles_and_the_rest_is_plain_text(client, sample_store, title):
    article = sample_store.get(title)
    spans = [s for t in article.iter_texts() for s in t.links]
    linked = sample_store.exists(s.target for s in spans)
    linked |= set(sample_store.redirect_targets(s.target for s in spans if s.target not in linked))
    doc = page(client, "/wiki/" + title.replace(" ", "_"))
    hrefs = [a.get("href") for a in doc.cssselect("article.article a[href^='/wiki/']")]
    assert hrefs, "a real article links to other stored articles"
    assert len(hrefs) == sum(1 for s in spans if s.target in linked)
    assert sample_store.exists(title_of(h) for h in hrefs) == {title_of(h) for h in hrefs}
    missing = next(s for t in article.lead for s in t.links if s.target not in linked)
    words = next(t.text[missing.start : missing.end] for t in article.lead if missing in t.links)
    assert words in doc.cssselect(".lead")[0].text_content()
    assert words not in [a.text_content() for a in doc.cssselect(".lead a")]


def test_see_also_links_stored_articles_and_attribution_links_the_original(client):
    doc = page(client, "/wiki/Anthropology")
    see_also = doc.cssselect("section.see-also li")
    linked = [a.get("href") for li in see_also for a in li.cssselect("a")]
    assert "/wiki/List_of_anthropologists" in linked
    assert len(linked) < len(see_also), "See also entries we don't have stay as text"
    source = doc.cssselect("footer .source a")[0]
    assert source.get("href") == "https://en.wikipedia.org/wiki/Anthropology"
    assert "CC BY-SA" in doc.cssselect("footer")[0].text_content()


def test_sides_in_quick_facts_are_table_columns(client):
    doc = page(client, "/wiki/American_Revolutionary_War")
    rows = doc.cssselect("aside.quick-facts tr.qf-sides")
    if not rows:
        pytest.skip("the infobox reader gives this conflict no sides yet")
    assert all(len(r.cssselect("td")) >= 2 for r in rows)


def _stored_redirect(sample_raw_pages: list[RawPage], store: Store) -> tuple[str, str]:
    for raw in sample_raw_pages:
        if raw.redirect and store.redirect_targets([raw.title]):
            return raw.title, store.redirect_targets([raw.title])[raw.title]
    raise AssertionError("the sample has redirects to stored articles")


def test_a_redirect_is_an_http_redirect_to_its_target(client, sample_raw_pages, sample_store):
    source, target = _stored_redirect(sample_raw_pages, sample_store)
    r = client.get("/wiki/" + source.replace(" ", "_"), follow_redirects=False)
    assert r.status_code == 302
    assert r.headers["location"].startswith("/wiki/" + target.replace(" ", "_").replace(" ", "%20"))
    doc = page(client, r.headers["location"])
    assert doc.cssselect("h1")[0].text_content().startswith(target)
    assert source in doc.cssselect(".redirect-note")[0].text_content()


def test_redirected_from_is_only_shown_when_true(client):
    doc = page(client, "/wiki/Aardvark?redirected_from=Something+else")
    assert not doc.cssselect(".redirect-note")


def test_titles_are_found_whatever_their_case(client):
    r = client.get("/wiki/albert_einstein", follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (302, "/wiki/Albert_Einstein")


def test_unknown_title_is_a_friendly_404_with_suggestions(client):
    doc = page(client, "/wiki/Einstein", status=404)
    assert "Einstein" in doc.cssselect("h1")[0].text_content()
    assert "/wiki/Albert_Einstein" in [a.get("href") for a in doc.cssselect(".suggested a")]


def test_search_ranks_highlights_and_pages(client):
    doc = page(client, "/search?q=relativity")
    results = doc.cssselect("ol.results > li")
    assert results[0].cssselect("h2 a")[0].get("href") == "/wiki/Albert_Einstein"
    assert next(m.text_content().lower() for m in doc.cssselect("ol.results mark")) == "relativity"
    first = [a.get("href") for a in page(client, "/search?q=the").cssselect("ol.results h2 a")]
    second_doc = page(client, "/search?q=the&page=2")
    second = [a.get("href") for a in second_doc.cssselect("ol.results h2 a")]
    assert len(first) == 10 and second and not set(first) & set(second)
    assert second_doc.cssselect("ol.results")[0].get("start") == "11"
    assert second_doc.cssselect("a[rel=prev]") and second_doc.cssselect("a[rel=next]")


def test_search_offers_the_page_with_that_exact_title(client):
    doc = page(client, "/search?q=aardvark")
    assert doc.cssselect(".exact a")[0].get("href") == "/wiki/Aardvark"


def test_search_with_no_results_is_kind(client):
    doc = page(client, "/search?q=qwxzv")
    assert not doc.cssselect("ol.results")
    assert "found nothing" in doc.cssselect(".nothing h2")[0].text_content()


def test_random_goes_to_an_article(client):
    r = client.get("/random", follow_redirects=False)
    assert r.status_code == 302 and r.headers["cache-control"] == "no-store"
    assert client.get(r.headers["location"]).status_code == 200


def test_safe_search_declines_kindly(client):
    doc = page(client, "/search?q=porn")
    assert "Let's look for something else" in doc.cssselect("h1")[0].text_content()
    assert not doc.cssselect("ol.results")
    assert "porn" not in lxml.html.tostring(doc, encoding="unicode"), "the word is not shown back"


def test_safe_search_applies_to_suggestions_and_search(client, monkeypatch):
    """Wiring: whatever safety.is_blocked_query refuses is neither searched nor suggested."""
    from kidpedia.kidify import safety

    monkeypatch.setattr(safety, "is_blocked_query", lambda q, *a, **k: "aardvark" in q.lower())
    titles = [s["title"] for s in client.get("/api/suggest?q=aa").json()["suggestions"]]
    assert "Aardwolf" in titles and "Aardvark" not in titles
    assert client.get("/api/search?q=aardvark").json()["blocked"] is True
    assert "something else" in client.get("/search?q=Aardvark").text
    assert "/wiki/Aardvark" not in client.get("/wiki/Aardvarkk").text


SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@pytest.mark.parametrize(
    "url", ["/", "/wiki/Aardvark", "/wiki/Nope", "/search?q=x", "/api/search?q=x", "/static/kidpedia.css", "/random", "/zz"]
)
def test_every_response_carries_the_security_headers(client, url):
    r = client.get(url, follow_redirects=False)
    for name, value in SECURITY_HEADERS.items():
        assert value in r.headers[name]
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp and "object-src 'none'" in csp


def test_pages_have_no_inline_script_or_style_and_nothing_external(client):
    for url in ["/", "/wiki/Albert_Einstein", "/search?q=cat", "/wiki/Nope"]:
        doc = lxml.html.fromstring(client.get(url).text)
        for s in doc.iter("script"):
            assert s.get("src", "").startswith("/static/") and not (s.text or "").strip()
        assert not doc.cssselect("style, [style]")
        for el in doc.cssselect("link[href], img[src], script[src]"):
            assert (el.get("href") or el.get("src")).startswith("/static/")


def test_head_requests_work(client):
    r = client.head("/wiki/Aardvark")
    assert r.status_code == 200 and not r.content


@pytest.mark.parametrize(
    "url",
    [
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2f%2e%2e%2fstore/db.py",
        "/static//etc/passwd",
        "/wiki/../../../etc/passwd",
        "/wiki/..%2f..%2fetc%2fpasswd",
    ],
)
def test_no_directory_traversal(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert "import " not in r.text and "root:" not in r.text


def test_static_files_are_served(client):
    r = client.get("/static/kidpedia.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")
    assert client.get("/static/suggest.js").headers["content-type"].startswith(("text/javascript", "application/javascript"))
    assert client.get("/favicon.ico").headers["content-type"] == "image/svg+xml"


def test_language_links_read_in_language_colon_title(tmp_path, make_client):
    """A model-level test article (written here, not a Wikipedia page) with language links."""
    from kidpedia.model import Article, LanguageLink, Text
    from kidpedia.web.app import create_app

    db = tmp_path / "langs.db"
    article = Article(
        "Language link test", lead=(Text("A test article."),),
        language_links=(LanguageLink("es", "Prueba"), LanguageLink("de", "Test")),
    )
    Store(db, create=True).add([article], [])
    doc = lxml.html.fromstring(make_client(create_app(db)).get("/wiki/Language_link_test").text)
    items = [li.text_content() for li in doc.cssselect(".other-languages li")]
    # "para niños": the other edition's own "facts for kids" (from its catalog), as on the reference page
    assert items == ["In Spanish: Prueba para niños", "In German: Test für Kinder"]
    assert doc.cssselect(".other-languages span[lang=es]")


def test_a_server_fault_is_a_friendly_500_page(sample_db, monkeypatch, make_client):
    from kidpedia.web.app import create_app

    app = create_app(sample_db)

    def broken(title):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(app.state.site.store, "get", broken)
    monkeypatch.setattr(app.state.site.rendered, "get", lambda *key: None)  # not rendered before
    c = make_client(app, raise_server_exceptions=False)
    r = c.get("/wiki/Aardvark")
    assert r.status_code == 500 and "Oops, something went wrong" in r.text
    assert "disk on fire" not in r.text and "Traceback" not in r.text
    assert r.headers["content-security-policy"]
    r = c.get("/api/article/Aardvark")
    assert r.status_code == 500 and r.json()["status"] == 500


def test_articles_to_explore_are_real_topics(sample_store: Store):
    from kidpedia.web.pages import explore, worth_exploring

    assert sample_store.get("Ada") is None  # "Ada may refer to:": a disambiguation page, not an article
    assert not worth_exploring(sample_store.get("List of anthropologists"))
    assert worth_exploring(sample_store.get("Aardvark"))
    for _ in range(5):
        teasers = explore(sample_store)
        assert len(teasers) == 6 and len({t.title for t in teasers}) == 6
        assert all(worth_exploring(sample_store.get(t.title)) for t in teasers)


def test_an_unknown_title_made_of_blocked_words_is_not_echoed(client):
    r = client.get("/wiki/Porn")
    assert r.status_code == 404
    assert "something else" in r.text and "Porn" not in r.text and "porn" not in r.text
