"""The hot path: an article page rendered once, then served from the store, gzip'd.

Over a copy of the bundled real sample (the cache writes into the database).
"""

from __future__ import annotations

import gzip
import re

import pytest

from kidpedia.pipeline import process_page
from kidpedia.store import Store
from kidpedia.store.rendered import RenderedPages
from kidpedia.web.app import SECURITY_HEADERS, create_app
from kidpedia.web.fast import CACHE_CONTROL, PLAIN, TEMPLATES_HASH, accepts_gzip, templates_hash

PAGE = "/wiki/Albert_Einstein"


@pytest.fixture()
def db(tmp_path, sample_db, copy_db):
    """The sample with no page rendered yet (the session's other tests render into it)."""
    copy = copy_db(sample_db, tmp_path / "sample.db")
    RenderedPages(Store(copy)).clear()
    return copy


@pytest.fixture()
def web(db, make_client):
    return make_client(create_app(db))


def test_first_request_renders_then_the_store_serves_it(web, db):
    first = web.get(PAGE)
    assert first.status_code == 200 and "content-encoding" not in first.headers  # rendered now
    etag = first.headers["etag"]
    assert etag.startswith('W/"') and first.headers["cache-control"] == CACHE_CONTROL
    assert RenderedPages(Store(db)).count() == 1

    again = web.get(PAGE)  # httpx asks for gzip and inflates it
    assert again.status_code == 200
    assert again.headers["content-encoding"] == "gzip"  # the stored bytes, passed through
    assert again.text == first.text and "Albert Einstein" in again.text
    assert again.headers["etag"] == etag and again.headers["cache-control"] == CACHE_CONTROL
    assert again.headers["content-type"] == "text/html; charset=utf-8"
    for name, value in SECURITY_HEADERS:
        assert again.headers[name.decode()] == value.decode()

    plain = web.get(PAGE, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == first.content
    assert int(plain.headers["content-length"]) == len(first.content)

    not_modified = web.get(PAGE, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    head = web.head(PAGE)
    assert head.status_code == 200 and head.content == b"" and head.headers["etag"] == etag


def test_a_reading_level_page_is_rendered_once_then_served_from_the_store(web, db):
    """?level=1|2|3 (issue 10): each level its own stored variant; made without
    ``build --levels``, a level page had cost ~0.5 s of CPU on every request."""
    plain = web.get(PAGE)
    first = {n: web.get(f"{PAGE}?level={n}") for n in (1, 2, 3)}
    for n, r in first.items():
        assert r.status_code == 200 and "content-encoding" not in r.headers, n  # rendered now
        assert re.search(f'<nav class="levels"[^>]*data-level="{n}"', r.text), n
    assert len({r.headers["etag"] for r in [plain, *first.values()]}) == 4  # four variants
    assert RenderedPages(Store(db)).count() == 4
    for n, r in first.items():
        again = web.get(f"{PAGE}?level={n}")
        assert again.headers["content-encoding"] == "gzip" and again.text == r.text, n  # the store's
        assert again.headers["etag"] == r.headers["etag"]
        assert web.get(f"{PAGE}?level={n}", headers={"If-None-Match": r.headers["etag"]}).status_code == 304
    other = web.get(f"{PAGE}?level=2&x=1")  # any other query: the route, never kept
    assert "content-encoding" not in other.headers and RenderedPages(Store(db)).count() == 4


def test_other_requests_go_to_the_app(web):
    web.get(PAGE)
    via = web.get(PAGE + "?redirected_from=Einstein")  # a query string: rendered by the route
    assert "content-encoding" not in via.headers
    lower = web.get("/wiki/albert_einstein", follow_redirects=False)  # not the exact title
    assert lower.status_code in (301, 302, 307, 308) or "content-encoding" not in lower.headers
    missing = web.get("/wiki/No_such_page_here")
    assert missing.status_code == 404


def test_a_changed_article_or_template_is_never_served_stale(web, db, sample_raw_pages):
    first = web.get(PAGE)
    pages = RenderedPages(Store(db))
    assert pages.get("Albert Einstein", PLAIN, TEMPLATES_HASH) is not None
    assert pages.get("Albert Einstein", PLAIN, "other-templates") is None
    assert pages.get("Albert Einstein", "level=simple", TEMPLATES_HASH) is None  # variants apart

    raw = next(p for p in sample_raw_pages if p.title == "Aardvark")
    Store(db).add([process_page(raw)], [])  # a build writes an article: the cache is emptied
    assert pages.count() == 0
    again = web.get(PAGE)
    assert "content-encoding" not in again.headers and again.text == first.text  # rendered afresh
    assert pages.count() == 1


def test_templates_hash_covers_templates_and_code():
    assert templates_hash() == TEMPLATES_HASH and len(TEMPLATES_HASH) == 24


@pytest.mark.parametrize(
    ("header", "gzip_ok"),
    [("gzip, deflate, br", True), ("br;q=1.0, gzip;q=0.8", True), ("gzip;q=0", False),
     ("identity", False), ("*", True), ("", False)],
)
def test_accept_encoding(header, gzip_ok):
    assert accepts_gzip([(b"accept-encoding", header.encode())]) is gzip_ok


def test_stored_page_is_gzip_of_the_html(web, db):
    html = web.get(PAGE).content
    stored = RenderedPages(Store(db)).get("Albert Einstein", PLAIN, TEMPLATES_HASH)
    assert stored is not None and gzip.decompress(stored.gz) == html


@pytest.mark.parametrize("target", ["/search?q=relativity", "/search?q=einstien", "/search?q=Lincoln",
                                    "/search?q=the&page=2", "/search?q=", "/search", "/search?q=porn"])
def test_the_search_page_is_answered_before_the_stack_as_the_route_answers_it(sample_db, make_client, monkeypatch,
                                                                              target):
    """``/search?q=&page=`` is answered by the hot path (the stack in front of the route
    cost a third of a search page's CPU), with the route's own page: asked with one
    more parameter (``lang``, the default edition), the request goes to the route."""
    client = make_client(create_app(sample_db))
    joiner = "&" if "?" in target else "?"
    by_route = client.get(target + joiner + "lang=en")
    from kidpedia.web.editions import EditionRouting

    async def broken(self, scope, receive, send):  # the app's stack: not reached by the hot path
        raise AssertionError("the search page went through the app's stack")

    monkeypatch.setattr(EditionRouting, "__call__", broken)
    fast = client.get(target)
    assert fast.status_code == by_route.status_code == 200
    assert fast.text == by_route.text
    assert fast.headers["content-type"] == by_route.headers["content-type"]
    assert fast.headers["content-security-policy"] == dict(SECURITY_HEADERS)[b"content-security-policy"].decode()
    assert client.head(target).headers["content-length"] == fast.headers["content-length"]


def test_a_search_with_other_parameters_goes_to_the_app():
    from kidpedia.web.fast import search_params

    assert search_params(b"q=cat&page=2") == ("cat", "2")
    assert search_params(b"q=caf%C3%A9+au+lait") == ("café au lait", None)
    assert search_params(b"q=cat&q=dog") is None and search_params(b"q=cat&lang=fr") is None
