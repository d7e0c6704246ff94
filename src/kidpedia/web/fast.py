"""The hot path: ``GET /wiki/<Title>`` answered from the stored, compressed page.

An article page is rendered once (by the ordinary route in ``pages.py``, on its first
request) and kept gzip'd in the store (``store.rendered``), keyed by the article's
content hash, the variant and ``TEMPLATES_HASH`` (a hash of every template, static
file and the rendering code, so a changed template is never served stale). Later
requests for that exact title are answered here, before the app's routing: one
indexed SQLite read, no JSON decode, no template. The ETag comes with
``Cache-Control``; ``If-None-Match`` gets a 304; a client that accepts gzip gets the
stored bytes as they are (``Content-Encoding: gzip``), any other the HTML inflated.

On a site with several editions the variant names the request's edition (see
``editions.variant``), so the same title in two editions never shares a page.

A reading level (``?level=1|2|3`` exactly, issue 10) is its own variant of the page,
kept and served the same way. Anything else (another query string, a title that is not
exactly an article's, a page not rendered yet, a read-only database) goes on to the app
unchanged.

The search page (``GET /search?q=...&page=...``, nothing else in the query) is answered
here too, by the same function as the route (``pages.search_html``), in the default
edition: a search page is mostly the search itself, and the stack in front of the
route (routing, parameters, the thread pool it hands a plain function to) cost about
a third as much again (1.7 of 5.5 ms of CPU on the 1 M store, ``bench/peers.py --search``).

``create_app`` puts it in front of the whole middleware stack (error handling, edition
routing, the security headers): a stored page needs none of them, so it is given the
variant of ``/wiki/`` (the default edition's) and the headers to add itself. That
stack cost a hot page about as much again as answering it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Receive, Scope, Send

from kidpedia.store.rendered import Rendered, RenderedPages
from kidpedia.web import editions
from kidpedia.web.editions import EditionContext
from kidpedia.web.query import clean_title

WEB_DIR = Path(__file__).resolve().parent
CACHE_CONTROL = "public, max-age=3600"
PLAIN = ""  # the variant of the plain article page
# The reading-level pages (``?level=N``, issue 10) are kept and served the same way, each its
# own variant: a level page made without ``build --levels`` cost ~0.5 s of CPU a request.
LEVEL_QUERIES = {f"level={n}".encode(): f"level={n}|" for n in (1, 2, 3)}


def page_variant(query: bytes) -> str | None:
    """The stored page's variant for a request's query string (before the edition's part),
    or None: a query other than none or exactly ``level=1|2|3`` is never kept."""
    return PLAIN if not query else LEVEL_QUERIES.get(query)


def templates_hash() -> str:
    """What the rendered HTML depends on besides the article: templates, static files, code."""
    h = hashlib.sha256()
    files = sorted(
        [*WEB_DIR.glob("templates/*"), *WEB_DIR.glob("static/*"), *WEB_DIR.glob("*.py"),
         *(WEB_DIR.parent / "locale").glob("**/*.po"), WEB_DIR.parent / "lang.py"]
    )
    for f in files:
        if f.is_file():
            h.update(f.relative_to(WEB_DIR.parent).as_posix().encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:24]


TEMPLATES_HASH = templates_hash()


def cache_headers(page: Rendered) -> list[tuple[bytes, bytes]]:
    return [(b"etag", page.etag.encode()), (b"cache-control", CACHE_CONTROL.encode()),
            (b"vary", b"Accept-Encoding")]


def accepts_gzip(headers: list[tuple[bytes, bytes]]) -> bool:
    for name, value in headers:
        if name == b"accept-encoding":
            for part in value.decode("latin-1").lower().split(","):
                coding, _, q = part.strip().partition(";")
                if coding.strip() in ("gzip", "*"):
                    return q.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


SEARCH_PARAMS = ("q", "page")


def search_params(query: bytes) -> tuple[str | None, str | None] | None:
    """(q, page) of a search page's query string, or None when it has anything else
    (or a name twice): that request goes to the app, as it always did."""
    got: dict[str, str] = {}
    for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
        if name not in SEARCH_PARAMS or name in got:
            return None
        got[name] = value
    return got.get("q"), got.get("page")


def _header(headers: list[tuple[bytes, bytes]], wanted: bytes) -> bytes | None:
    for name, value in headers:
        if name == wanted:
            return value
    return None


class FastArticles:
    """ASGI middleware: stored article pages straight from the store (see the module doc)."""

    def __init__(
        self, app: ASGIApp, pages: RenderedPages, extra_headers: list[tuple[bytes, bytes]], variant: str | None = None,
        search: Callable[[str | None, str | None], str] | None = None, edition: EditionContext | None = None,
    ) -> None:
        self.app = app
        self.pages = pages
        self.extra = extra_headers
        self.variant = variant  # None: the request's edition (``editions.variant()``)
        self.search = search  # the search page for (q, page), in ``edition`` (the default one)
        self.edition = edition

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.search is not None and scope["type"] == "http" and scope["path"] == "/search":
            asked = search_params(scope.get("query_string", b""))
            if asked is not None and scope["method"] in ("GET", "HEAD") and await self._search(scope, send, *asked):
                return
        kind = page_variant(scope.get("query_string", b"")) if scope["type"] == "http" else None
        if kind is not None and scope["method"] in ("GET", "HEAD") and scope["path"].startswith("/wiki/"):
            title = clean_title(scope["path"][6:])
            variant = editions.variant() if self.variant is None else self.variant
            page = self.pages.get(title, kind + variant, TEMPLATES_HASH) if title else None
            if page is not None:
                await self._send(scope, send, page)
                return
        await self.app(scope, receive, send)

    async def _search(self, scope: Scope, send: Send, q: str | None, page: str | None) -> bool:
        """Answer the search page; False (the app answers) if making it failed."""
        assert self.search is not None
        try:
            with editions.serving(self.edition):
                body = self.search(q, page).encode()
        except Exception:  # noqa: BLE001 -- the app answers it again: its error page, and its log
            return False
        await send({
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-length", str(len(body)).encode()),
                        (b"content-type", b"text/html; charset=utf-8"), *self.extra],
        })
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
        return True

    async def _send(self, scope: Scope, send: Send, page: Rendered) -> None:
        headers = scope["headers"]
        base = cache_headers(page) + self.extra
        match = _header(headers, b"if-none-match")
        if match is not None and page.etag.encode() in [m.strip() for m in match.split(b",")]:
            await send({"type": "http.response.start", "status": 304, "headers": base})
            await send({"type": "http.response.body", "body": b""})
            return
        if accepts_gzip(headers):
            body, encoding = page.gz, [(b"content-encoding", b"gzip")]
        else:
            body, encoding = page.html(), []
        await send({
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"text/html; charset=utf-8"),
                        (b"content-length", str(len(body)).encode()), *encoding, *base],
        })
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
