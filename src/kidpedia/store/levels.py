"""Reading levels kept beside the articles (``kidpedia build --levels``).

    put_levels(store, title, lang, {level: (article_json, measures)})
    stored_level(store, title, level, lang) -> Article | None
    stored_measures(store, title, level, lang) -> dict | None
    titles_without_levels(store, lang) -> list[str]

A row per (lang, title, level): the article at that level as JSON (none for level 3,
which is the article itself) and its reading measures as JSON. The table and its
triggers are made the first time levels are stored; the triggers drop an article's rows
whenever the article is changed or removed, so a stale level is never served.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from kidpedia.model import Article
from kidpedia.store.db import Store

_SCHEMA = """
CREATE TABLE IF NOT EXISTS article_levels (
    lang TEXT NOT NULL, title TEXT NOT NULL, level INTEGER NOT NULL,
    data TEXT, measures TEXT NOT NULL,
    PRIMARY KEY (lang, title, level)
);
CREATE TRIGGER IF NOT EXISTS article_levels_update AFTER UPDATE ON articles
BEGIN DELETE FROM article_levels WHERE lang = old.lang AND title = old.title; END;
CREATE TRIGGER IF NOT EXISTS article_levels_delete AFTER DELETE ON articles
BEGIN DELETE FROM article_levels WHERE lang = old.lang AND title = old.title; END;
"""


def put_levels(store: Store, title: str, lang: str, rows: dict[int, tuple[dict[str, Any] | None, dict[str, Any]]]) -> None:
    conn = store._conn()
    with conn:
        if not _has_table(conn):
            conn.executescript(_SCHEMA)
        conn.executemany(
            "INSERT OR REPLACE INTO article_levels VALUES (?, ?, ?, ?, ?)",
            [
                (lang, title, level,
                 json.dumps(data, ensure_ascii=False, separators=(",", ":")) if data is not None else None,
                 json.dumps(measures, separators=(",", ":")))
                for level, (data, measures) in sorted(rows.items())
            ],
        )


def _has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'article_levels'"
    ).fetchone() is not None


def _row(store: Store, title: str, level: int, lang: str | None) -> tuple[str | None, str] | None:
    try:
        row = store._conn().execute(
            "SELECT data, measures FROM article_levels WHERE lang = ? AND title = ? AND level = ?",
            (store._lang(lang), title, level),
        ).fetchone()
    except sqlite3.OperationalError:  # no levels stored in this database
        return None
    return (row[0], row[1]) if row else None


def stored_level(store: Store, title: str, level: int, lang: str | None = None) -> Article | None:
    row = _row(store, title, level, lang)
    return Article.from_json(json.loads(row[0])) if row and row[0] else None


def stored_measures(store: Store, title: str, level: int, lang: str | None = None) -> dict[str, Any] | None:
    row = _row(store, title, level, lang)
    return json.loads(row[1]) if row else None


def titles_without_levels(store: Store, lang: str) -> list[str]:
    conn = store._conn()
    if not _has_table(conn):
        rows = conn.execute("SELECT title FROM articles WHERE lang = ? ORDER BY id", (lang,))
    else:
        rows = conn.execute(
            "SELECT title FROM articles a WHERE lang = ? AND NOT EXISTS (SELECT 1 FROM article_levels l"
            " WHERE l.lang = a.lang AND l.title = a.title) ORDER BY id", (lang,)
        )
    return [r[0] for r in rows.fetchall()]
