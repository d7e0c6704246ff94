"""Rendered pages: an article's finished HTML, gzip-compressed, kept beside the article.

    pages = RenderedPages(store)
    pages.get(title, variant, templates) -> Rendered | None
    pages.put(title, variant, templates, html) -> Rendered | None   (None: read-only database)

A row is keyed by the article's title and **variant** (``""`` for the plain page; a
reading level or site language for the pages that have them) and holds the hash of
the article's stored content (``content_hash``), the hash of the templates and static
files it was rendered with (``templates``), the ETag made of the three, and the gzip
bytes. A row rendered with other templates is not served. A row whose article changes
is not served either: the table is created together with triggers that empty it
whenever an article or a redirect is added, changed or removed (a page's links and
its "redirected from" depend on the other articles too), so a rebuild or a resumed
build can never leave a stale page behind. The table and its triggers are created
the first time a page is stored, so a database that is never served pays nothing.
"""

from __future__ import annotations

import gzip
import hashlib
import sqlite3
from typing import NamedTuple

from kidpedia.store.db import Store

_SCHEMA = """
CREATE TABLE IF NOT EXISTS rendered_pages (
    title TEXT NOT NULL,
    variant TEXT NOT NULL,
    templates TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    etag TEXT NOT NULL,
    gz BLOB NOT NULL,
    PRIMARY KEY (title, variant)
);
"""
_WATCHED = ("articles", "redirects", "langlinks")  # langlinks: a page's other editions
_TRIGGER = "CREATE TRIGGER IF NOT EXISTS rendered_pages_{table}_{op} AFTER {op} ON {table} " \
           "BEGIN DELETE FROM rendered_pages; END;"


class Rendered(NamedTuple):
    etag: str  # quoted, weak (the same page is sent gzip'd or not)
    gz: bytes  # the HTML, gzip-compressed

    def html(self) -> bytes:
        return gzip.decompress(self.gz)


def content_hash(data: str) -> str:
    """The hash of an article's stored form (its JSON): same content, same hash."""
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def etag_of(content: str, variant: str, templates: str) -> str:
    digest = hashlib.sha256(f"{content}\0{variant}\0{templates}".encode()).hexdigest()[:32]
    return f'W/"{digest}"'


class RenderedPages:
    """The rendered-page cache of one store (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._ready = False

    def get(self, title: str, variant: str, templates: str) -> Rendered | None:
        try:
            row = self.store._conn().execute(
                "SELECT etag, gz FROM rendered_pages WHERE title = ? AND variant = ? AND templates = ?",
                (title, variant, templates),
            ).fetchone()
        except sqlite3.OperationalError:  # no table yet
            return None
        return Rendered(row[0], row[1]) if row else None

    def content_hash(self, title: str, lang: str | None = None) -> str | None:
        row = self.store._conn().execute(
            "SELECT data FROM articles WHERE lang = ? AND title = ?", (self.store._lang(lang), title)
        ).fetchone()
        return content_hash(row[0]) if row else None

    def put(
        self, title: str, variant: str, templates: str, html: str | bytes, lang: str | None = None
    ) -> Rendered | None:
        """Store a page just rendered (of edition ``lang``; None: the default one); None
        when it cannot be stored (read-only database)."""
        body = html.encode("utf-8") if isinstance(html, str) else html
        content = self.content_hash(title, lang)
        if content is None:
            return None
        page = Rendered(etag_of(content, variant, templates), gzip.compress(body, 9, mtime=0))
        conn = self.store._conn()
        try:
            with conn:
                self._create(conn)
                conn.execute(
                    "INSERT OR REPLACE INTO rendered_pages VALUES (?, ?, ?, ?, ?, ?)",
                    (title, variant, templates, content, page.etag, page.gz),
                )
        except sqlite3.OperationalError:  # read-only or busy: serve it anyway
            return None
        return page

    def clear(self) -> None:
        conn = self.store._conn()
        with conn:
            self._create(conn)
            conn.execute("DELETE FROM rendered_pages")

    def count(self) -> int:
        try:
            return int(self.store._conn().execute("SELECT count(*) FROM rendered_pages").fetchone()[0])
        except sqlite3.OperationalError:
            return 0

    def _create(self, conn: sqlite3.Connection) -> None:
        if self._ready:
            return
        conn.execute(_SCHEMA)
        for table in _WATCHED:
            for op in ("INSERT", "UPDATE", "DELETE"):
                conn.execute(_TRIGGER.format(table=table, op=op))
        self._ready = True
