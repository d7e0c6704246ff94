"""The kids' web site: ``create_app(db_path)`` builds the FastAPI app.

It owns the pieces every route shares (the Store, the Jinja2 environment with
autoescape on), the security headers put on every response, the static files
(served from this package: no fonts, scripts or images from anywhere else, so the
site works offline), and the one error handler: any error becomes a friendly HTML
page (JSON under ``/api/``), never a traceback.

HTML routes live in ``pages.py``, JSON routes in ``api.py``, HTML building in
``render.py`` and templates. Several editions: ``editions.py`` picks the edition of
each request (``/<lang>/...``, ``?lang=``); ``Site.store`` is that edition, and the
templates speak the edition's language (gettext catalogs, ``kidpedia/lang.py``).
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kidpedia.lang import format_number, native_name, text_direction, translations
from kidpedia.store import Store
from kidpedia.store.db import READ_MMAP_MB
from kidpedia.store.rendered import RenderedPages
from kidpedia.web import editions, render
from kidpedia.web.editions import EditionRouting

STATIC_DIR = Path(__file__).resolve().parent / "static"
log = logging.getLogger("kidpedia.web")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
    " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
    " frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
]


def relative_location(value: bytes) -> bytes:
    """A redirect's ``Location`` without scheme and host: this site only redirects to
    itself, and a host taken from the request's ``Host`` header must never be echoed."""
    parts = urlsplit(value.decode("latin-1"))
    if not parts.scheme and not parts.netloc and not parts.path.startswith("//"):
        return value
    path = "/" + parts.path.lstrip("/")
    return urlunsplit(("", "", path, parts.query, parts.fragment)).encode("latin-1")


class SafeResponses:
    """Pure ASGI middleware, outermost: every redirect relative (``relative_location``)
    and the security headers above on every HTTP response, unless the server adds them
    itself (``kidpedia serve`` gives them to uvicorn, so its own 400s carry them too)."""

    def __init__(self, app: ASGIApp, headers: list[tuple[bytes, bytes]]) -> None:
        self.app = app
        self.headers = headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_safe(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(name, relative_location(value) if name == b"location" else value)
                           for name, value in message.get("headers", [])]
                message["headers"] = headers + self.headers
            await send(message)

        await self.app(scope, receive, send_safe)


def server_headers() -> list[tuple[str, str]]:
    """The security headers for uvicorn's ``headers=``: on every response it sends,
    its own 400s and 500s included (then ``create_app(..., headers_by_server=True)``)."""
    return [(name.decode(), value.decode()) for name, value in SECURITY_HEADERS]


def _remembered(gettext: Any) -> Any:
    """Jinja's newstyle ``gettext`` (translate, mark safe when autoescaping, format),
    remembering what a string without variables gives: every page says "Home",
    "Search" and a dozen more the same way, and each cost a Markup and a format."""
    said: dict[tuple[str, bool], Any] = {}

    @pass_context
    def remembered(context: Context, string: str, **variables: Any) -> Any:
        if variables:
            return gettext(context, string, **variables)
        key = (string, bool(context.eval_ctx.autoescape))
        out = said.get(key)
        if out is None:
            out = gettext(context, string)
            if len(said) < 4096:  # the templates' own strings (a bound, should one ever vary)
                said[key] = out
        return out

    return remembered


def _fragments() -> Any:
    """``{% call fragment(name, key, ...) %}...{% endcall %}``: the block's HTML made
    once for each name and key, then given again. For the chrome every page has (the
    header's brand, the page tools, the footer): a third of a search page's template
    time went to saying the same words. What the block shows must follow from its
    name, the key and the environment (the language) alone: put in the key what it
    reads from the page (``url('/')`` for the edition its links go to)."""
    made: dict[tuple[Any, ...], Any] = {}

    def fragment(*key: Any, caller: Any) -> Any:
        out = made.get(key)
        if out is None:
            out = caller()
            if len(made) < 1024:  # names times editions: a bound, should a key ever vary more
                made[key] = out
        return out

    return fragment


@lru_cache(maxsize=64)
def template_env(lang: str = "en") -> Environment:
    """The site's Jinja2 templates, autoescaped, speaking ``lang`` (the site's strings
    from its gettext catalog, numbers and dates from CLDR); the export renders
    through them too."""
    env = Environment(
        loader=PackageLoader("kidpedia.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        auto_reload=False,  # the templates are the package's: no stat() of each one per page
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals["gettext"] = _remembered(env.globals["gettext"])
    env.globals.update(
        wiki_url=render.wiki_url,
        url=editions.url,
        site_name="kidpedia",
        ui_lang=lang,
        ui_dir=text_direction(lang),
        number=lru_cache(maxsize=4096, typed=True)(lambda n: format_number(n, lang)),  # CLDR formatting costs
        fragment=_fragments(),
    )
    return env


class Site:
    """What every route shares: the store (the request's edition) and the templates."""

    def __init__(self, store: Store, default_lang: str | None = None) -> None:
        self.db = store
        langs = store.languages()
        if default_lang and langs and default_lang not in langs:
            from kidpedia.errors import StoreError

            raise StoreError(
                f"{store.path} holds no {default_lang!r} edition", f"it holds: {', '.join(langs)}"
            )
        self.default_lang = default_lang or (langs[0] if langs else store.default_lang())
        store.set_default_lang(self.default_lang)
        self.languages = langs if self.default_lang in langs else [self.default_lang, *langs]
        self._counts = {lang: store.stats(lang).get("articles", 0) for lang in self.languages}
        self._editions = {lang: store.edition(lang) for lang in self.languages}
        self.rendered = RenderedPages(store)  # article pages rendered once, served by web/fast.py

    @property
    def lang(self) -> str:
        ctx = editions.current()
        return ctx.lang if ctx else self.default_lang

    @property
    def store(self) -> Store:
        """The edition this request reads (see editions.py)."""
        return self._editions.get(self.lang) or self.db.edition(self.lang)

    @property
    def article_count(self) -> int:
        return self._counts.get(self.lang, 0)

    @property
    def env(self) -> Environment:
        return template_env(self.lang)

    def page(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.html(template, **context), status_code=status)

    def html(self, template: str, **context: Any) -> str:
        context.setdefault("query", "")
        context.setdefault("article_count", self.article_count)
        context.setdefault("lang", self.lang)
        context.setdefault("editions", self.edition_choices())
        return self.env.get_template(template).render(**context)

    def edition_choices(self, same_page: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
        """(code, native name, URL) of every edition in this site (none for one): the
        edition's home, or ``same_page[code]`` (this page in that edition) where built."""
        if len(self.languages) < 2:
            return []
        here = same_page or {}
        return [(x, native_name(x), here.get(x) or editions.url("/", x)) for x in self.languages]


# (The catalogs translate these too: tests/test_lang.py checks they are in every one.)
_MESSAGES = {
    400: ("That didn't work", "The address looks a bit muddled."),
    404: ("We couldn't find that page", "Maybe the address has a typo. Try a search!"),
    405: ("That didn't work", "This page can't do that."),
    422: ("That didn't work", "Something in the address looks odd."),
    500: ("Oops, something went wrong", "It's not your fault. Please try again in a moment."),
}


def _error_response(request: Request, status: int, detail: str = "") -> Response:
    title, message = _MESSAGES.get(status, _MESSAGES[500 if status >= 500 else 400])
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": detail or title, "status": status}, status_code=status)
    site: Site = request.app.state.site
    words = translations(site.lang)
    return site.page(
        "error.html", status=status, title=words.gettext(title), message=words.gettext(message),
        status_code=status,
    )


async def handle_error(request: Request, exc: Exception) -> Response:
    """The one error handler: friendly page or JSON, never a traceback."""
    if isinstance(exc, StarletteHTTPException):
        response = _error_response(request, exc.status_code, str(exc.detail or ""))
        if exc.headers:
            response.headers.update(exc.headers)
        return response
    if isinstance(exc, RequestValidationError):
        return _error_response(request, 422, "invalid request")
    log.exception("error serving %s", request.url.path)
    response = _error_response(request, 500)
    # Unhandled errors are answered outside the middleware stack: add its headers here.
    if not request.app.state.headers_by_server:
        for name, value in SECURITY_HEADERS:
            response.headers[name.decode()] = value.decode()
    return response


def app_from_env() -> FastAPI:
    """The app for ``$KIDPEDIA_DB`` (``kidpedia serve --workers N`` starts one per process)."""
    import os

    from kidpedia.web.server import settle

    app = create_app(os.environ["KIDPEDIA_DB"], lang=os.environ.get("KIDPEDIA_LANG") or None,
                     headers_by_server=True)
    settle(app)
    return app


def create_app(db_path: str | Path, lang: str | None = None, headers_by_server: bool = False) -> FastAPI:
    """The web app serving the kidpedia database at ``db_path`` (raises StoreError if
    missing); ``lang``: the edition served at ``/wiki/`` (default: the first built);
    ``headers_by_server``: the server puts the security headers on every response
    (uvicorn with ``headers=server_headers()``), so the app does not add them again."""
    from kidpedia.web import api, media, pages

    site = Site(Store(db_path, mmap_mb=READ_MMAP_MB), lang)
    app = FastAPI(
        title="kidpedia",
        description="A kid-safe 'facts for kids' encyclopedia built from Wikipedia (text CC BY-SA).",
        version="1",
        docs_url=None,  # the interactive docs load scripts from a CDN: not offline, not our CSP
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.site = site
    app.state.headers_by_server = headers_by_server
    # /<lang>/... and ?lang= pick the edition before anything else answers.
    app.add_middleware(EditionRouting, languages=site.languages, default=site.default_lang)
    # Outermost: relative redirects and the security headers on whatever answers.
    app.add_middleware(SafeResponses, headers=[] if headers_by_server else SECURITY_HEADERS)
    for exc_class in (StarletteHTTPException, RequestValidationError, Exception):
        app.add_exception_handler(exc_class, handle_error)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(media.router)
    app.include_router(pages.router)
    # The hot path, in front of the whole stack: a stored article page needs none of it
    # (its edition is the default one; the security headers are the server's or these).
    from kidpedia.web.fast import FastArticles

    several = len(site.languages) > 1
    app.middleware_stack = FastArticles(
        app.build_middleware_stack(), pages=site.rendered,
        extra_headers=[] if headers_by_server else SECURITY_HEADERS,
        variant=f"{site.default_lang}@{site.default_lang}" if several else "",
        search=lambda q, page: pages.search_html(site, q, page),
        edition=editions.EditionContext(site.default_lang, site.default_lang, several),
    )  # fmt: skip
    return app
