"""The kids' web site: ``create_app(db_path)`` builds the FastAPI app.

It owns the pieces every route shares (the Store, the Jinja2 environment with
autoescape on), the security headers put on every response, the static files
(served from this package: no fonts, scripts or images from anywhere else, so the
site works offline), and the one error handler: any error becomes a friendly HTML
page (JSON under ``/api/``), never a traceback.

HTML routes live in ``pages.py``, JSON routes in ``api.py``, HTML building in
``render.py`` and templates.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kidpedia.store import Store
from kidpedia.store.rendered import RenderedPages
from kidpedia.web import render

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


class SecurityHeaders:
    """Pure ASGI middleware: the headers above on every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def template_env() -> Environment:
    """The site's Jinja2 templates, autoescaped (the export renders through them too)."""
    env = Environment(
        loader=PackageLoader("kidpedia.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(wiki_url=render.wiki_url, site_name="kidpedia")
    return env


class Site:
    """What every route shares: the store and the templates."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.rendered = RenderedPages(store)  # article pages rendered once, served by web/fast.py
        self.env = template_env()
        stats = store.stats()
        self.article_count = stats.get("articles", 0)

    def page(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("query", "")
        context.setdefault("article_count", self.article_count)
        html = self.env.get_template(template).render(**context)
        return HTMLResponse(html, status_code=status)


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
    return site.page("error.html", status=status, title=title, message=message, status_code=status)


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
    for name, value in SECURITY_HEADERS:
        response.headers[name.decode()] = value.decode()
    return response


def app_from_env() -> FastAPI:
    """The app for ``$KIDPEDIA_DB`` (``kidpedia serve --workers N`` starts one per process)."""
    import os

    return create_app(os.environ["KIDPEDIA_DB"])


def create_app(db_path: str | Path) -> FastAPI:
    """The web app serving the kidpedia database at ``db_path`` (raises StoreError if missing)."""
    from kidpedia.web import api, media, pages

    site = Site(Store(db_path))
    app = FastAPI(
        title="kidpedia",
        description="A kid-safe 'facts for kids' encyclopedia built from Wikipedia (text CC BY-SA).",
        version="1",
        docs_url=None,  # the interactive docs load scripts from a CDN: not offline, not our CSP
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.site = site
    app.add_middleware(SecurityHeaders)
    from kidpedia.web.fast import FastArticles

    app.add_middleware(FastArticles, pages=site.rendered, extra_headers=SECURITY_HEADERS)  # outermost
    for exc_class in (StarletteHTTPException, RequestValidationError, Exception):
        app.add_exception_handler(exc_class, handle_error)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(media.router)
    app.include_router(pages.router)
    return app
