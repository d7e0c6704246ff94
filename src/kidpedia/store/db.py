"""SQLite store: articles, redirects, categories, links, build progress, FTS5 search.

All of kidpedia's SQL lives in this package. Articles are kept as their JSON form
(model.Article.to_json); the FTS5 table ``search`` indexes title and plain text and
ranks with BM25 (title weighted 10x). One connection per thread, so a web server's
worker threads can read at once.

Resuming: ``add`` records, in the same transaction as the pages, how many source
pages are done (``progress`` table), so an interrupted build restarts where the last
committed batch ended and never duplicates a page (titles are unique; a page built
again replaces its row).
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from kidpedia.errors import StoreError
from kidpedia.model import Article, Redirect, Skip
from kidpedia.titles import normalise_title

SCHEMA_VERSION = "1"
MARK_START = "\ue000"
MARK_END = "\ue001"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL UNIQUE,
    title_key TEXT NOT NULL,
    lang TEXT NOT NULL,
    page_id INTEGER,
    rev_id INTEGER,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_title_key ON articles(title_key);
CREATE TABLE IF NOT EXISTS redirects (
    title TEXT PRIMARY KEY,
    title_key TEXT NOT NULL,
    target TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS redirects_title_key ON redirects(title_key);
CREATE TABLE IF NOT EXISTS categories (
    article_id INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (article_id, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS categories_name ON categories(name);
CREATE TABLE IF NOT EXISTS links (
    article_id INTEGER NOT NULL, target TEXT NOT NULL, PRIMARY KEY (article_id, target)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS skips (
    title TEXT PRIMARY KEY, reason TEXT NOT NULL, detail TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS progress (
    source TEXT PRIMARY KEY, pages_done INTEGER NOT NULL, finished INTEGER NOT NULL DEFAULT 0
);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);
"""

_WORD = re.compile(r"\w+", re.UNICODE)


def title_key(title: str) -> str:
    """Case- and accent-folded title for prefix suggestions and loose lookups."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fts_query(query: str, any_term: bool = False, prefix_last: bool = False) -> str | None:
    """A safe FTS5 query from any user string: words only, each quoted."""
    words = _WORD.findall(query.lower())[:32]
    words = [w for w in words if w.strip("_")]
    if not words:
        return None
    terms = [f'"{w}"' for w in words]
    if prefix_last:
        terms[-1] += "*"
    return (" OR " if any_term else " ").join(terms)


class PackedArticle(NamedTuple):
    """An Article in the form the store keeps it (JSON, search text, link targets):
    made by ``pack`` in a build worker, so the process that writes does less."""

    title: str
    lang: str
    page_id: int | None
    rev_id: int | None
    data: str
    body: str
    categories: tuple[str, ...]
    links: tuple[str, ...]


def pack(a: Article) -> PackedArticle:
    data = json.dumps(a.to_json(), ensure_ascii=False, separators=(",", ":"))
    targets = {s.target for t in a.iter_texts() for s in t.links} | {x.target for x in a.see_also}
    return PackedArticle(
        a.title, a.lang, a.page_id, a.rev_id, data, a.plain_text(), a.categories, tuple(sorted(targets))
    )


@dataclass(frozen=True)
class SearchHit:
    title: str
    snippet: str
    score: float


class Store:
    """A kidpedia database. ``create=True`` makes it (and its tables) if needed."""

    def __init__(self, path: str | Path, create: bool = False) -> None:
        self.path = Path(path)
        self._local = threading.local()
        if not create:
            if not self.path.exists():
                raise StoreError(
                    f"no database at {self.path}", "build one first: kidpedia build SOURCE --db PATH"
                )
            if self.path.is_dir():
                raise StoreError(f"{self.path} is a directory, not a database")
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = self._conn()
            if create:
                conn.executescript(_SCHEMA)
                conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                conn.execute("INSERT OR IGNORE INTO meta VALUES ('app', 'kidpedia')")
                conn.commit()
            row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path} is not a kidpedia database ({e})") from None
        if not row or row[0] != "kidpedia":
            raise StoreError(f"{self.path} is not a kidpedia database")

    # ---- connections --------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # ---- writing ------------------------------------------------------------------

    def add(
        self,
        articles: list[Article] | list[PackedArticle],
        redirects: list[Redirect],
        skips: list[Skip] = (),  # type: ignore[assignment]
        progress: tuple[str, int] | None = None,
    ) -> None:
        """Store a batch in one transaction; ``progress`` = (source, pages done so far)."""
        conn = self._conn()
        with conn:
            for a in articles:
                self._put_article(conn, a)
            conn.executemany(
                "INSERT OR REPLACE INTO redirects VALUES (?, ?, ?)",
                [(r.title, title_key(r.title), r.target) for r in redirects],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO skips VALUES (?, ?, ?)",
                [(s.title, s.reason, s.detail) for s in skips],
            )
            if progress:
                conn.execute(
                    "INSERT OR REPLACE INTO progress VALUES (?, ?, 0)", (progress[0], progress[1])
                )

    def _put_article(self, conn: sqlite3.Connection, article: Article | PackedArticle) -> None:
        a = article if isinstance(article, PackedArticle) else pack(article)
        data = a.data
        row = conn.execute("SELECT id FROM articles WHERE title = ?", (a.title,)).fetchone()
        if row:
            aid = row[0]
            conn.execute(
                "UPDATE articles SET lang=?, page_id=?, rev_id=?, data=? WHERE id=?",
                (a.lang, a.page_id, a.rev_id, data, aid),
            )
            for table in ("categories", "links"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
            conn.execute("DELETE FROM search WHERE rowid = ?", (aid,))
        else:
            cur = conn.execute(
                "INSERT INTO articles (title, title_key, lang, page_id, rev_id, data)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (a.title, title_key(a.title), a.lang, a.page_id, a.rev_id, data),
            )
            aid = cur.lastrowid
        conn.execute("DELETE FROM redirects WHERE title = ?", (a.title,))
        conn.execute("DELETE FROM skips WHERE title = ?", (a.title,))
        conn.executemany(
            "INSERT OR IGNORE INTO categories VALUES (?, ?)", [(aid, c) for c in a.categories]
        )
        conn.executemany("INSERT OR IGNORE INTO links VALUES (?, ?)", [(aid, t) for t in a.links])
        conn.execute("INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)", (aid, a.title, a.body))

    def drop_redirects_to_excluded(self) -> int:
        """Delete redirects whose target was excluded for children (never stored)."""
        conn = self._conn()
        with conn:
            cur = conn.execute(
                "DELETE FROM redirects WHERE target IN"
                " (SELECT title FROM skips WHERE reason LIKE 'excluded:%')"
            )
        return cur.rowcount

    def progress(self, source: str) -> tuple[int, bool]:
        """(pages done, finished) for a source of an earlier, maybe interrupted, build."""
        row = self._conn().execute(
            "SELECT pages_done, finished FROM progress WHERE source = ?", (source,)
        ).fetchone()
        return (row[0], bool(row[1])) if row else (0, False)

    def finish(self, source: str, pages_done: int) -> None:
        conn = self._conn()
        with conn:
            conn.execute("INSERT OR REPLACE INTO progress VALUES (?, ?, 1)", (source, pages_done))

    def get(self, title: str) -> Article | None:
        row = self._conn().execute("SELECT data FROM articles WHERE title = ?", (title,)).fetchone()
        return Article.from_json(json.loads(row[0])) if row else None

    def resolve(self, title: str) -> tuple[str, str | None] | None:
        """(article title, redirect it came through or None), or None if unknown."""
        conn = self._conn()
        title = title.strip().replace("_", " ")
        if not title:
            return None
        candidates = [title, normalise_title(title)]
        for t in candidates:
            if conn.execute("SELECT 1 FROM articles WHERE title = ?", (t,)).fetchone():
                return t, None
        for t in candidates:
            row = conn.execute("SELECT target FROM redirects WHERE title = ?", (t,)).fetchone()
            if row and conn.execute("SELECT 1 FROM articles WHERE title = ?", (row[0],)).fetchone():
                return row[0], t
        key = title_key(title)
        row = conn.execute("SELECT title FROM articles WHERE title_key = ? LIMIT 1", (key,)).fetchone()
        if row:
            return row[0], None
        row = conn.execute(
            "SELECT r.title, r.target FROM redirects r JOIN articles a ON a.title = r.target"
            " WHERE r.title_key = ? LIMIT 1",
            (key,),
        ).fetchone()
        return (row[1], row[0]) if row else None

    def exists(self, titles: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(titles))
        found: set[str] = set()
        conn = self._conn()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in conn.execute(f"SELECT title FROM articles WHERE title IN ({marks})", chunk))
        return found

    def redirect_targets(self, titles: Iterable[str]) -> dict[str, str]:
        """For titles that are redirects to stored articles: title -> article title."""
        wanted = list(dict.fromkeys(titles))
        out: dict[str, str] = {}
        conn = self._conn()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                conn.execute(
                    f"SELECT r.title, r.target FROM redirects r JOIN articles a ON a.title = r.target"
                    f" WHERE r.title IN ({marks})",
                    chunk,
                ).fetchall()
            )
        return out

    def search(self, query: str, limit: int = 10, offset: int = 0) -> list[SearchHit]:
        limit = max(0, min(int(limit), 100))
        offset = max(0, int(offset))
        for any_term in (False, True):
            match = fts_query(query, any_term=any_term)
            if match is None:
                return []
            rows = self._conn().execute(
                "SELECT title, snippet(search, 1, ?, ?, ' … ', 24), bm25(search, 10.0, 1.0) AS rank"
                " FROM search WHERE search MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
                (MARK_START, MARK_END, match, limit, offset),
            ).fetchall()
            if rows or offset:
                return [SearchHit(t, s, -r) for t, s, r in rows]
        return []

    def search_count(self, query: str) -> int:
        for any_term in (False, True):
            match = fts_query(query, any_term=any_term)
            if match is None:
                return 0
            (n,) = self._conn().execute("SELECT count(*) FROM search WHERE search MATCH ?", (match,)).fetchone()
            if n:
                return int(n)
        return 0

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        key = title_key(prefix.strip())
        if not key:
            return []
        limit = max(1, min(int(limit), 50))
        upper = key[:-1] + chr(ord(key[-1]) + 1)
        rows = self._conn().execute(
            "SELECT title FROM articles WHERE title_key >= ? AND title_key < ? ORDER BY title_key LIMIT ?",
            (key, upper, limit),
        ).fetchall()
        return [r[0] for r in rows]

    def random_title(self) -> str | None:
        conn = self._conn()
        row = conn.execute("SELECT max(id) FROM articles").fetchone()
        if not row or row[0] is None:
            return None
        import random

        pick = random.randint(1, row[0])
        found = conn.execute("SELECT title FROM articles WHERE id >= ? ORDER BY id LIMIT 1", (pick,)).fetchone()
        return found[0] if found else None

    def titles(self, limit: int = 50, offset: int = 0) -> list[str]:
        rows = self._conn().execute(
            "SELECT title FROM articles ORDER BY title_key LIMIT ? OFFSET ?", (limit, offset)
        ).fetchall()
        return [r[0] for r in rows]

    def stats(self) -> dict[str, int]:
        conn = self._conn()
        out = {}
        for key, table in (("articles", "articles"), ("redirects", "redirects"), ("skipped", "skips")):
            out[key] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out

    def skip_counts(self) -> dict[str, int]:
        rows = self._conn().execute("SELECT reason, count(*) FROM skips GROUP BY reason ORDER BY 2 DESC")
        return dict(rows.fetchall())
