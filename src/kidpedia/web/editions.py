"""Several language editions in one site: which edition a request is for.

``/wiki/<Title>`` (and ``/``, ``/search``, ``/random``, ``/api/...``) serve the
site's default edition (``kidpedia serve --lang CODE``; else the first built);
``/<lang>/wiki/<Title>`` (and ``/<lang>/``, ``/<lang>/search``, ``/<lang>/api/...``)
serve edition ``lang``, and ``?lang=CODE`` picks an edition on any path.

``EditionRouting`` (ASGI middleware) reads the edition from the path or the query,
strips the ``/<lang>`` prefix so the ordinary routes answer, and sets ``current``
for the request; ``Site.store`` and ``render.wiki_url`` read it, so every route,
link and form of a page stays inside its edition without being told. A redirect
answered under a stripped prefix (``/fr/search/`` to ``/search``, ``/fr/wiki/`` to
``/``) gets the prefix back (``in_edition``), so it never drops the reader into
another edition.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit, urlunsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send


@dataclass(frozen=True)
class EditionContext:
    lang: str  # the edition this request reads
    default: str  # the site's default edition (served without a prefix)
    several: bool = False  # whether the site serves more than one edition

    @property
    def prefix(self) -> str:
        """``""`` for the default edition, ``/<lang>`` for another."""
        return "" if self.lang == self.default else f"/{self.lang}"


_CURRENT: ContextVar[EditionContext | None] = ContextVar("kidpedia_edition", default=None)


def current() -> EditionContext | None:
    return _CURRENT.get()


@contextmanager
def serving(ctx: EditionContext | None) -> Iterator[None]:
    """``current()`` is ``ctx`` inside the block (a request of that edition)."""
    token = _CURRENT.set(ctx)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def variant() -> str:
    """The rendered-page variant of this request's edition: ``""`` on a one-edition site;
    else the edition and the default (its links' prefixes depend on both)."""
    ctx = current()
    return f"{ctx.lang}@{ctx.default}" if ctx is not None and ctx.several else ""


def url(path: str, lang: str | None = None) -> str:
    """A site path (``/search``) inside the current edition, or edition ``lang``."""
    ctx = current()
    if ctx is None:
        return path
    if lang is not None:
        return path if lang == ctx.default else f"/{lang}{path}"
    return ctx.prefix + path


def in_edition(location: bytes, lang: str, languages: set[str]) -> bytes:
    """A redirect's ``Location`` kept inside edition ``lang``: a path on this site
    that does not already name an edition gets ``/<lang>`` in front (scheme and host
    are dropped; ``SafeResponses`` drops them anyway)."""
    parts = urlsplit(location.decode("latin-1"))
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith("//"):
        return location
    first = path.split("/", 2)[1]
    if first in languages:
        return location
    return urlunsplit(("", "", f"/{lang}{path}", parts.query, parts.fragment)).encode("latin-1")


class EditionRouting:
    """Pure ASGI middleware: ``/<lang>/...`` and ``?lang=`` select an edition."""

    def __init__(self, app: ASGIApp, languages: list[str], default: str) -> None:
        self.app = app
        self.languages = set(languages)
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        lang = self.default
        parts = path.split("/", 2)
        if len(parts) >= 2 and parts[1] in self.languages and parts[1] != "static":
            lang = parts[1]
            rest = "/" + (parts[2] if len(parts) > 2 else "")
            raw = scope.get("raw_path") or path.encode("utf-8")
            raw = raw[len(lang) + 1 :] or b"/"
            scope = dict(scope, path=rest, raw_path=raw)
        else:
            asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang")
            if asked and asked[-1] in self.languages:
                lang = asked[-1]
        if path != scope["path"]:  # a /<lang> prefix was stripped: redirects keep it
            send = self._keeping(send, lang)
        with serving(EditionContext(lang, self.default, len(self.languages) > 1)):
            await self.app(scope, receive, send)

    def _keeping(self, send: Send, lang: str) -> Send:
        async def send_in_edition(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    (name, in_edition(value, lang, self.languages) if name == b"location" else value)
                    for name, value in message.get("headers", [])]
            await send(message)
        return send_in_edition
