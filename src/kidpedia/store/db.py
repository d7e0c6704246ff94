"""SQLite store: articles, redirects, categories, links, build progress, FTS5 search.

Several language editions live in one database: an article is keyed by
``(lang, title)``. Every lookup takes ``lang`` (None: the database's default
edition, the first one built unless set with ``set_default_lang``);
``store.edition(lang)`` is a view of one edition with the same methods.
Language links between editions (from wikitext and from ``langlinks.sql.gz``)
are kept in ``langlinks``. What the search index holds for each script is
``scripts.index_text`` (CJK character phrases, letters unicode61 does not fold).

All of kidpedia's SQL lives in this package. Articles are kept as their JSON form
(model.Article.to_json); the FTS5 table ``search`` indexes title and plain text and
ranks with BM25 (title weighted 10x). One connection per thread, so a web server's
worker threads can read at once.

Snippets come from the index's own copy of the text, which has a few letters folded
one for one (``scripts.FOLD_ONE``: Greek tonos, final sigma, đ, ł, ø...). For each
article whose text has such a letter (and no CJK), ``search_folds`` keeps where they
are and what they were (``scripts.folds``), so a snippet gets its letters back from
the index's copy (``scripts.as_written_from_index``) without reading and decoding the
article's JSON; an article without a row is indexed as written. A database made
before that table (no ``meta.search_folds``) gives snippets their letters from the
JSON as before.

Resuming: ``add`` records, in the same transaction as the pages, how many source
pages are done (``progress`` table), so an interrupted build restarts where the last
committed batch ended and never duplicates a page (titles are unique; a page built
again replaces its row).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, cast

from kidpedia.errors import StoreError
from kidpedia.model import Article, Redirect, Skip, plain_text_from_json
from kidpedia.store.scripts import (
    FOLD_ONE,
    as_written,
    as_written_from_index,
    folds,
    index_text,
    match_phrases,
)
from kidpedia.titles import normalise_title

T = TypeVar("T")

SCHEMA_VERSION = "2"
READ_MMAP_MB = 2047  # what the web site and ``kidpedia search`` map (SQLite's largest by default)
MARK_START = "\ue000"
MARK_END = "\ue001"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    page_id INTEGER,
    rev_id INTEGER,
    data TEXT NOT NULL,
    wikidata TEXT,
    UNIQUE (lang, title)
);
CREATE INDEX IF NOT EXISTS articles_wikidata ON articles(wikidata) WHERE wikidata IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_title_key ON articles(lang, title_key);
CREATE INDEX IF NOT EXISTS articles_page_id ON articles(lang, page_id);
CREATE TABLE IF NOT EXISTS redirects (
    lang TEXT NOT NULL,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (lang, title)
);
CREATE INDEX IF NOT EXISTS redirects_title_key ON redirects(lang, title_key);
CREATE TABLE IF NOT EXISTS categories (
    article_id INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (article_id, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS categories_name ON categories(name);
CREATE TABLE IF NOT EXISTS links (
    article_id INTEGER NOT NULL, target TEXT NOT NULL, PRIMARY KEY (article_id, target)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS skips (
    lang TEXT NOT NULL, title TEXT NOT NULL, reason TEXT NOT NULL, detail TEXT NOT NULL,
    PRIMARY KEY (lang, title)
);
CREATE TABLE IF NOT EXISTS progress (
    source TEXT PRIMARY KEY, pages_done INTEGER NOT NULL, finished INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS langlinks (
    lang TEXT NOT NULL, title TEXT NOT NULL, to_lang TEXT NOT NULL, to_title TEXT NOT NULL,
    PRIMARY KEY (lang, title, to_lang)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS langlinks_to ON langlinks(to_lang, to_title);
CREATE TABLE IF NOT EXISTS search_folds (id INTEGER PRIMARY KEY, at BLOB NOT NULL, letters TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS article_parts (id INTEGER PRIMARY KEY, parts TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS article_parts_delete AFTER DELETE ON articles
BEGIN DELETE FROM article_parts WHERE id = old.id; END;
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);
"""


MAX_REDIRECT_HOPS = 4  # redirects followed from a title to its article (double redirects arrive)


def prefix_end(key: str) -> str | None:
    """The smallest string above every string that starts with ``key`` (for a range
    scan); None when there is none (``key`` is all U+10FFFF). Never a lone surrogate."""
    while key:
        last = ord(key[-1])
        if last < 0x10FFFF:
            nxt = 0xE000 if 0xD800 <= last + 1 <= 0xDFFF else last + 1
            return key[:-1] + chr(nxt)
        key = key[:-1]
    return None


@lru_cache(maxsize=65536)  # search ranks titles by it many times a query; a pure function
def title_key(title: str) -> str:
    """Case- and accent-folded title for prefix suggestions and loose lookups."""
    if title.isascii():  # nothing to decompose (most titles; search folds 30 new ones a query at 1 M)
        return title.lower().translate(FOLD_ONE)
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(FOLD_ONE)


def fts_query(query: str, any_term: bool = False, prefix_last: bool = False) -> str | None:
    """A safe FTS5 query from any user string: words only, each quoted (a CJK run is a
    phrase of its characters, see ``scripts.match_phrases``)."""
    terms = match_phrases(query, prefix_last=prefix_last)
    if not terms:
        return None
    return (" OR " if any_term else " ").join(terms)


class PackedArticle(NamedTuple):
    """An Article in the form the store keeps it (JSON, search text, link targets):
    made by ``pack`` in a build worker, so the process that writes does less."""

    title: str
    lang: str
    page_id: int | None
    rev_id: int | None
    data: str
    body: str  # its text as the search index holds it (``index_text``)
    categories: tuple[str, ...]
    links: tuple[str, ...]
    language_links: tuple[tuple[str, str], ...] = ()
    wikidata: str = ""
    parts: str = ""  # what it gives the explore tables on its own (``explore.parts_of``), as JSON
    folds: tuple[bytes, str] | None = None  # what ``body`` lacks to be the text as written (``folds``)


def pack(a: Article) -> PackedArticle:
    from kidpedia.store.explore import parts_json

    data = json.dumps(a.to_json(), ensure_ascii=False, separators=(",", ":"))
    targets = {s.target for t in a.iter_texts() for s in t.links} | {x.target for x in a.see_also}
    body = a.plain_text()
    return PackedArticle(
        a.title, a.lang, a.page_id, a.rev_id, data, index_text(body), a.categories, tuple(sorted(targets)),
        tuple((x.lang, x.title) for x in a.language_links), a.wikidata, parts_json(a, body), folds(body),
    )


@dataclass(frozen=True)
class SearchHit:
    title: str
    snippet: str
    score: float


_PLAIN: dict[tuple[int, int, int], str] = {}  # (id, length, hash of its JSON) -> plain text
_PLAIN_MAX = 512


def _plain_text(article_id: int, data: str) -> str:
    """An article's plain text from its stored JSON; the last few hundred are kept, keyed
    by the JSON itself (a search shows the same popular pages again and again, and a long
    page's text costs milliseconds to make)."""
    key = (article_id, len(data), hash(data))
    text = _PLAIN.get(key)
    if text is None:
        text = plain_text_from_json(json.loads(data))
        if len(_PLAIN) >= _PLAIN_MAX:
            try:  # the site's threads share it: another may have just dropped the same one
                _PLAIN.pop(next(iter(_PLAIN)), None)
            except (RuntimeError, StopIteration):
                pass
        _PLAIN[key] = text
    return text


class Store:
    """A kidpedia database. ``create=True`` makes it (and its tables) if needed.

    Every lookup takes ``lang``: the edition to look in (None: the default edition)."""

    def __init__(self, path: str | Path, create: bool = False, mmap_mb: int = 0) -> None:
        self.path = Path(path)
        self.mmap_mb = mmap_mb  # > 0: read through a memory map (the site: search at 1 M articles)
        self._local = threading.local()
        self._default_lang: str | None = None
        self._folds: bool | None = None  # whether the database keeps ``search_folds`` (read once)
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
                fresh = not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone()
                conn.executescript(_SCHEMA)
                conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                if fresh:  # every article of this database will have its ``search_folds`` row if it needs one
                    conn.execute("INSERT OR IGNORE INTO meta VALUES ('search_folds', '1')")
                conn.execute("INSERT OR IGNORE INTO meta VALUES ('app', 'kidpedia')")
                conn.commit()
            row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
            schema = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path} is not a kidpedia database ({e})") from None
        if not row or row[0] != "kidpedia":
            raise StoreError(f"{self.path} is not a kidpedia database")
        if not schema or schema[0] != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was built by an older kidpedia (schema {schema[0] if schema else '?'})",
                "build it again: kidpedia build SOURCE --db PATH --force",
            )

    # ---- connections --------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, check_same_thread=False)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            if self.mmap_mb:
                # Search reads index pages all over a big file: mapped, each is a memory read
                # instead of a read() call (rare words' BM25 at 1 M articles: ~2x faster).
                conn.execute(f"PRAGMA mmap_size = {int(self.mmap_mb) << 20}")
            self._local.conn = conn
        return conn

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    # ---- editions -----------------------------------------------------------------

    def languages(self) -> list[str]:
        """The editions built into this database: the default first, then by size."""
        rows = self._conn().execute(
            "SELECT lang FROM articles GROUP BY lang ORDER BY count(*) DESC, lang"
        ).fetchall()
        langs = [r[0] for r in rows]
        default = self.default_lang()
        return [default] + [x for x in langs if x != default] if default in langs else langs

    def default_lang(self) -> str:
        """The edition served at ``/wiki/``: set by ``set_default_lang``, else the first built."""
        if self._default_lang:
            return self._default_lang
        row = self._conn().execute("SELECT value FROM meta WHERE key = 'default_lang'").fetchone()
        if row:
            return str(row[0])
        row = self._conn().execute("SELECT lang FROM articles ORDER BY id LIMIT 1").fetchone()
        return str(row[0]) if row else "en"

    def set_default_lang(self, lang: str, persist: bool = False) -> None:
        """Serve ``lang`` at ``/wiki/`` (``persist``: record it in the database)."""
        self._default_lang = lang
        if persist:
            conn = self._conn()
            with conn:
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('default_lang', ?)", (lang,))

    def _lang(self, lang: str | None) -> str:
        return lang or self.default_lang()

    MEMO_SIZE = 4096  # answers a connection remembers (search-as-you-type asks the same short prefixes again and again)

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, remembered per connection until the database changes: a commit by
        another connection (SQLite's ``data_version``) or by this one (``total_changes``).
        One ``PRAGMA`` a call instead of the queries ``make`` runs: suggest made about 13
        SQLite calls a request, each one giving up Python's lock to the other serving
        threads and waiting to get it back (issue 14's suggest p99 at 8 clients)."""
        conn = self._conn()
        version = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
        memo: dict[Hashable, Any] | None = getattr(self._local, "memo", None)
        if memo is None or getattr(self._local, "memo_version", None) != version or len(memo) >= self.MEMO_SIZE:
            memo = self._local.memo = {}
            self._local.memo_version = version
        if key in memo:
            return cast(T, memo[key])
        value = memo[key] = make()
        return value

    def edition(self, lang: str | None = None) -> Edition:
        """A view of one edition: the Store's lookups with ``lang`` filled in."""
        return Edition(self, self._lang(lang))

    # ---- writing ------------------------------------------------------------------

    def add(
        self,
        articles: list[Article] | list[PackedArticle],
        redirects: list[Redirect],
        skips: list[Skip] = (),  # type: ignore[assignment]
        progress: tuple[str, int] | None = None,
        lang: str | None = None,
    ) -> None:
        """Store a batch in one transaction; ``progress`` = (source, pages done so far);
        ``lang``: the edition of the redirects and skips (default: the articles' one)."""
        conn = self._conn()
        if lang is None:
            lang = articles[0].lang if articles else self.default_lang()
        with conn:
            if not conn.execute("SELECT 1 FROM meta WHERE key = 'default_lang'").fetchone():
                first = articles[0].lang if articles else lang
                conn.execute("INSERT INTO meta VALUES ('default_lang', ?)", (first,))
            for a in articles:
                self._put_article(conn, a)
            conn.executemany(
                "INSERT OR REPLACE INTO redirects VALUES (?, ?, ?, ?)",
                [(lang, r.title, title_key(r.title), r.target) for r in redirects],
            )
            conn.executemany(
                "INSERT OR REPLACE INTO skips VALUES (?, ?, ?, ?)",
                [(lang, s.title, s.reason, s.detail) for s in skips],
            )
            if progress:
                conn.execute(
                    "INSERT OR REPLACE INTO progress VALUES (?, ?, 0)", (progress[0], progress[1])
                )

    def _put_article(self, conn: sqlite3.Connection, article: Article | PackedArticle) -> None:
        a = article if isinstance(article, PackedArticle) else pack(article)
        data = a.data
        row = conn.execute(
            "SELECT id FROM articles WHERE lang = ? AND title = ?", (a.lang, a.title)
        ).fetchone()
        if row:
            aid = row[0]
            conn.execute(
                "UPDATE articles SET page_id=?, rev_id=?, data=?, wikidata=? WHERE id=?",
                (a.page_id, a.rev_id, data, a.wikidata or None, aid),
            )
            for table in ("categories", "links"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
            conn.execute("DELETE FROM search WHERE rowid = ?", (aid,))
        else:
            cur = conn.execute(
                "INSERT INTO articles (lang, title, title_key, page_id, rev_id, data, wikidata)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (a.lang, a.title, title_key(a.title), a.page_id, a.rev_id, data, a.wikidata or None),
            )
            aid = cur.lastrowid
        conn.execute("DELETE FROM redirects WHERE lang = ? AND title = ?", (a.lang, a.title))
        conn.execute("DELETE FROM skips WHERE lang = ? AND title = ?", (a.lang, a.title))
        conn.executemany(
            "INSERT OR IGNORE INTO categories VALUES (?, ?)", [(aid, c) for c in a.categories]
        )
        conn.executemany("INSERT OR IGNORE INTO links VALUES (?, ?)", [(aid, t) for t in a.links])
        conn.executemany(
            "INSERT OR REPLACE INTO langlinks VALUES (?, ?, ?, ?)",
            [(a.lang, a.title, to_lang, to_title) for to_lang, to_title in a.language_links],
        )
        if a.parts:
            conn.execute("INSERT OR REPLACE INTO article_parts VALUES (?, ?)", (aid, a.parts))
        elif row:
            conn.execute("DELETE FROM article_parts WHERE id = ?", (aid,))
        conn.execute(
            "INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)",
            (aid, index_text(a.title), a.body),
        )
        if a.folds:
            conn.execute("INSERT OR REPLACE INTO search_folds VALUES (?, ?, ?)", (aid, *a.folds))
        elif row:
            conn.execute("DELETE FROM search_folds WHERE id = ?", (aid,))

    def add_langlinks(self, lang: str, links: Iterable[tuple[int, str, str]]) -> int:
        """Language links of edition ``lang`` by page id (a ``langlinks`` dump table's
        rows: from page id, to language, to title). Returns how many matched an article."""
        conn = self._conn()
        added = 0
        with conn:
            for page_id, to_lang, to_title in links:
                row = conn.execute(
                    "SELECT title FROM articles WHERE lang = ? AND page_id = ?", (lang, page_id)
                ).fetchone()
                if row and to_title:
                    conn.execute(
                        "INSERT OR REPLACE INTO langlinks VALUES (?, ?, ?, ?)",
                        (lang, row[0], to_lang, to_title.replace("_", " ")),
                    )
                    added += 1
        return added

    def language_links(self, title: str, lang: str | None = None) -> list[tuple[str, str]]:
        """(language, title there) for the same page in other editions: its own links,
        the links other built editions make to it, and built pages with its Wikidata id."""
        lang = self._lang(lang)
        conn = self._conn()
        out = dict(
            conn.execute(
                "SELECT to_lang, to_title FROM langlinks WHERE lang = ? AND title = ?", (lang, title)
            ).fetchall()
        )
        for other, other_title in conn.execute(
            "SELECT lang, title FROM langlinks WHERE to_lang = ? AND to_title = ?", (lang, title)
        ).fetchall():
            out.setdefault(other, other_title)
        for other, other_title in conn.execute(
            "SELECT b.lang, b.title FROM articles a JOIN articles b ON b.wikidata = a.wikidata"
            " WHERE a.lang = ? AND a.title = ? AND a.wikidata IS NOT NULL AND b.lang != a.lang",
            (lang, title),
        ).fetchall():
            out.setdefault(other, other_title)
        out.pop(lang, None)
        return sorted(out.items())

    def drop_redirects_to_excluded(self) -> int:
        """Delete redirects whose target was excluded for children (never stored)."""
        conn = self._conn()
        with conn:
            cur = conn.execute(
                "DELETE FROM redirects WHERE EXISTS (SELECT 1 FROM skips s WHERE s.lang ="
                " redirects.lang AND s.title = redirects.target AND s.reason LIKE 'excluded:%')"
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

    # ---- reading ------------------------------------------------------------------

    def get(self, title: str, lang: str | None = None) -> Article | None:
        row = self._conn().execute(
            "SELECT data FROM articles WHERE lang = ? AND title = ?", (self._lang(lang), title)
        ).fetchone()
        return Article.from_json(json.loads(row[0])) if row else None

    def resolve(self, title: str, lang: str | None = None) -> tuple[str, str | None] | None:
        """(article title, redirect it came through or None), or None if unknown."""
        conn = self._conn()
        lang = self._lang(lang)
        title = title.strip().replace("_", " ")
        if not title:
            return None
        candidates = [title, normalise_title(title)]
        for t in candidates:
            if conn.execute("SELECT 1 FROM articles WHERE lang = ? AND title = ?", (lang, t)).fetchone():
                return t, None
        for t in candidates:
            target = self._follow_redirects(conn, lang, t)
            if target:
                return target, t
        key = title_key(title)
        row = conn.execute(
            "SELECT title FROM articles WHERE lang = ? AND title_key = ? LIMIT 1", (lang, key)
        ).fetchone()
        if row:
            return row[0], None
        for (via,) in conn.execute(
            "SELECT title FROM redirects WHERE lang = ? AND title_key = ? ORDER BY title LIMIT 8", (lang, key)
        ).fetchall():
            target = self._follow_redirects(conn, lang, via)
            if target:
                return target, via
        return None

    def resolve_many(self, titles: Iterable[str], lang: str | None = None) -> dict[str, str]:
        """title -> the stored article it leads to, for each title that leads to one, as
        ``resolve`` would find it (the title, its normalised form, a redirect, the same
        title in other case or accents), in a few queries for all of them."""
        wanted = [t for t in dict.fromkeys(titles) if t.strip()]
        forms = {t: list(dict.fromkeys([t.strip().replace("_", " "), normalise_title(t.strip().replace("_", " "))]))
                 for t in wanted}
        flat = [f for fs in forms.values() for f in fs]
        found = self.exists(flat, lang)
        redirected = self.redirect_targets([f for f in flat if f not in found], lang)
        out: dict[str, str] = {}
        for t, fs in forms.items():
            hit = next((f for f in fs if f in found), None) or next((redirected[f] for f in fs if f in redirected), None)
            if hit:
                out[t] = hit
        rest = [t for t in wanted if t not in out]
        if rest:
            keys = {t: title_key(forms[t][0]) for t in rest}
            by_key = self._titles_by_key("articles", set(keys.values()), lang)
            via_key = self._titles_by_key("redirects", set(keys.values()) - set(by_key), lang)
            for t, k in keys.items():
                if k in by_key:
                    out[t] = by_key[k]
                elif k in via_key:
                    target = self.resolve(via_key[k], lang)  # a redirect in other case: follow it
                    if target:
                        out[t] = target[0]
        return out

    def _titles_by_key(self, table: str, keys: set[str], lang: str | None) -> dict[str, str]:
        """title_key -> the first title (in title order) of ``table`` with that key."""
        out: dict[str, str] = {}
        wanted = sorted(keys)
        conn = self._conn()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            rows = conn.execute(
                f"SELECT title_key, title FROM {table} WHERE lang = ? AND title_key IN ({','.join('?' * len(chunk))})"
                " ORDER BY title", [self._lang(lang), *chunk])
            for k, title in rows:
                out.setdefault(k, title)
        return out

    def _follow_redirects(self, conn: sqlite3.Connection, lang: str, title: str) -> str | None:
        """The article a redirect leads to, through at most MAX_REDIRECT_HOPS redirects
        (a double redirect still arrives; a loop or a dead end is None)."""
        seen = {title}
        for _ in range(MAX_REDIRECT_HOPS):
            row = conn.execute("SELECT target FROM redirects WHERE lang = ? AND title = ?", (lang, title)).fetchone()
            if row is None or row[0] in seen:
                return None
            title = row[0]
            if conn.execute("SELECT 1 FROM articles WHERE lang = ? AND title = ?", (lang, title)).fetchone():
                return title
            seen.add(title)
        return None

    def exists(self, titles: Iterable[str], lang: str | None = None) -> set[str]:
        wanted = list(dict.fromkeys(titles))
        found: set[str] = set()
        conn = self._conn()
        lang = self._lang(lang)
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in conn.execute(
                    f"SELECT title FROM articles WHERE lang = ? AND title IN ({marks})", [lang, *chunk]
                )
            )
        return found

    def redirect_targets(self, titles: Iterable[str], lang: str | None = None) -> dict[str, str]:
        """For titles that are redirects to stored articles: title -> article title."""
        wanted = list(dict.fromkeys(titles))
        out: dict[str, str] = {}
        conn = self._conn()
        lang = self._lang(lang)
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out.update(
                conn.execute(
                    f"SELECT r.title, r.target FROM redirects r JOIN articles a"
                    f" ON a.lang = r.lang AND a.title = r.target"
                    f" WHERE r.lang = ? AND r.title IN ({marks})",
                    [lang, *chunk],
                ).fetchall()
            )
        return out

    def search(
        self, query: str, limit: int = 10, offset: int = 0, lang: str | None = None
    ) -> list[SearchHit]:
        """BM25-ranked hits in one edition; the article titled exactly ``query`` first."""
        limit = max(0, min(int(limit), 100))
        offset = max(0, int(offset))
        lang = self._lang(lang)
        for any_term in (False, True):
            match = fts_query(query, any_term=any_term)
            if match is None:
                return []
            rows = self._conn().execute(
                "SELECT a.id, a.title, snippet(search, 1, ?, ?, ' … ', 24), bm25(search, 10.0, 1.0) AS rank"
                " FROM search JOIN articles a ON a.id = search.rowid"
                " WHERE search MATCH ? AND a.lang = ?"
                " ORDER BY (a.title_key = ?) DESC, rank LIMIT ? OFFSET ?",
                (MARK_START, MARK_END, match, lang, title_key(query.strip()), limit, offset),
            ).fetchall()
            if rows or offset:
                written = self.as_written([(r[0], r[2]) for r in rows])
                return [SearchHit(t, w, -r) for (_, t, _, r), w in zip(rows, written, strict=True)]
        return []

    def as_written(self, snippets: list[tuple[int, str]]) -> list[str]:
        """Each (article id, snippet of its search entry) as written: the letters the
        index folded put back (``scripts.as_written``), read from ``search_folds`` and
        the index's own text, only for the articles that have any."""
        if not snippets:
            return []
        conn = self._conn()
        if not self._has_folds(conn):  # an older database: from the articles' JSON
            marks = ",".join("?" * len(snippets))
            rows = conn.execute(
                f"SELECT id, data FROM articles WHERE id IN ({marks})", [i for i, _ in snippets]
            ).fetchall()
            originals = {i: _plain_text(i, d) for i, d in rows}
            return [as_written(s, originals.get(i, "")) for i, s in snippets]
        ids = sorted({i for i, _ in snippets})
        marks = ",".join("?" * len(ids))
        folded = {i: (at, letters) for i, at, letters in conn.execute(
            f"SELECT id, at, letters FROM search_folds WHERE id IN ({marks})", ids)}
        indexed: dict[int, str] = {}
        if folded:
            marks = ",".join("?" * len(folded))
            indexed = dict(conn.execute(f"SELECT rowid, body FROM search WHERE rowid IN ({marks})", list(folded)))
        return [
            as_written_from_index(s, indexed[i], *folded[i]) if i in folded and i in indexed else as_written(s, "")
            for i, s in snippets
        ]

    def _has_folds(self, conn: sqlite3.Connection) -> bool:
        """Whether this database keeps ``search_folds`` (made since that table came)."""
        known = self._folds
        if known is None:
            known = bool(conn.execute("SELECT 1 FROM meta WHERE key = 'search_folds'").fetchone())
            self._folds = known
        return known

    def search_count(self, query: str, lang: str | None = None) -> int:
        lang = self._lang(lang)
        for any_term in (False, True):
            match = fts_query(query, any_term=any_term)
            if match is None:
                return 0
            (n,) = self._conn().execute(
                "SELECT count(*) FROM search CROSS JOIN articles a ON a.id = search.rowid"  # FTS first
                " WHERE search MATCH ? AND a.lang = ?",
                (match, lang),
            ).fetchone()
            if n:
                return int(n)
        return 0

    def suggest(self, prefix: str, limit: int = 8, lang: str | None = None) -> list[str]:
        key = title_key(prefix.strip())
        if not key:
            return []
        limit = max(1, min(int(limit), 50))
        upper = prefix_end(key)
        rows = self._conn().execute(
            "SELECT title FROM articles WHERE lang = ? AND title_key >= ? AND (? IS NULL OR title_key < ?)"
            " ORDER BY title_key LIMIT ?",
            (self._lang(lang), key, upper, upper, limit),
        ).fetchall()
        return [r[0] for r in rows]

    RANDOM_RUN = 64  # articles read on from a random id for one of the edition's

    def random_title(self, lang: str | None = None) -> str | None:
        """An article of ``lang`` picked at random (a database without explore tables):
        a random id between the first and last article's (the ends of the id b-tree: one
        seek each), then the first article of the edition from there on. The edition's
        own first and last id took a walk over all its articles (~0.4 s at a million)."""
        import random

        conn = self._conn()
        lang = self._lang(lang)
        low = conn.execute("SELECT min(id) FROM articles").fetchone()[0]  # one aggregate a query:
        high = conn.execute("SELECT max(id) FROM articles").fetchone()[0]  # then SQLite seeks, not scans
        if low is None:
            return None
        for _ in range(4):
            pick = random.randint(low, high)
            for title, lg in conn.execute(
                "SELECT title, lang FROM articles WHERE id >= ? ORDER BY id LIMIT ?", (pick, self.RANDOM_RUN)
            ):
                if lg == lang:
                    return str(title)
        # A small edition among others: the picks fell elsewhere; its own first and last id.
        row = conn.execute("SELECT min(id), max(id) FROM articles WHERE lang = ?", (lang,)).fetchone()
        if not row or row[0] is None:
            return None
        found = conn.execute(
            "SELECT title FROM articles WHERE lang = ? AND id >= ? ORDER BY id LIMIT 1",
            (lang, random.randint(row[0], row[1])),
        ).fetchone()
        return found[0] if found else None

    def titles(self, limit: int = 50, offset: int = 0, lang: str | None = None) -> list[str]:
        rows = self._conn().execute(
            "SELECT title FROM articles WHERE lang = ? ORDER BY title_key LIMIT ? OFFSET ?",
            (self._lang(lang), limit, offset),
        ).fetchall()
        return [r[0] for r in rows]

    def stats(self, lang: str | None = None) -> dict[str, int]:
        """Counts of articles, redirects and skipped pages (of one edition, or all: "*")."""
        conn = self._conn()
        out = {}
        where, args = ("", ()) if lang == "*" else (" WHERE lang = ?", (self._lang(lang),))
        for key, table in (("articles", "articles"), ("redirects", "redirects"), ("skipped", "skips")):
            out[key] = conn.execute(f"SELECT count(*) FROM {table}{where}", args).fetchone()[0]
        return out

    def skip_counts(self) -> dict[str, int]:
        rows = self._conn().execute("SELECT reason, count(*) FROM skips GROUP BY reason ORDER BY 2 DESC")
        return dict(rows.fetchall())


class Edition(Store):
    """One edition of a Store: every lookup's ``lang`` defaults to this edition's.
    It shares the Store's connections (nothing is opened twice)."""

    def __init__(self, store: Store, lang: str) -> None:
        self.__dict__.update(store.__dict__)
        self._default_lang = lang
        self.lang = lang
