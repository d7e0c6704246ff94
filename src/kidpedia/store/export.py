"""What the exports read from the store, in a fixed order (so an export is reproducible):
every article (of one language or all), every redirect to an exported article, and
the languages the store holds. An export holds one edition (language) of the store."""

from __future__ import annotations

import json
from collections.abc import Iterator

from kidpedia.model import Article
from kidpedia.store.db import Store

BATCH = 200


def languages(store: Store) -> list[tuple[str, int]]:
    """(language, articles) for each language in the store, most articles first."""
    rows = store._conn().execute("SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY 2 DESC, 1")
    return [(r[0], r[1]) for r in rows]


def titles(store: Store, lang: str | None = None) -> list[str]:
    """Every article title (of ``lang``), in the store's title order."""
    sql = "SELECT title FROM articles" + (" WHERE lang = ?" if lang else "") + " ORDER BY title_key, title"
    return [r[0] for r in store._conn().execute(sql, (lang,) if lang else ())]


def articles(store: Store, lang: str | None = None) -> Iterator[Article]:
    """Every article (of ``lang``), in title order, read a batch at a time."""
    last_key, last_title = "", ""
    sql = ("SELECT title_key, title, data FROM articles WHERE (title_key, title) > (?, ?)"
           + (" AND lang = ?" if lang else "") + " ORDER BY title_key, title LIMIT ?")
    while True:
        params: tuple = (last_key, last_title, lang, BATCH) if lang else (last_key, last_title, BATCH)
        rows = store._conn().execute(sql, params).fetchall()
        if not rows:
            return
        for key, title, data in rows:
            yield Article.from_json(json.loads(data))
        last_key, last_title = rows[-1][0], rows[-1][1]


def redirects(store: Store, lang: str) -> list[tuple[str, str]]:
    """(redirect title, article title) for every redirect of ``lang`` to a stored article."""
    rows = store._conn().execute(
        "SELECT r.title, r.target FROM redirects r JOIN articles a ON a.lang = r.lang AND a.title = r.target"
        " WHERE r.lang = ? ORDER BY r.title", (lang,)
    )
    return [(r[0], r[1]) for r in rows]
