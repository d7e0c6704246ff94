"""Search stays fast at a million articles: every query that joins the FTS index to
``articles`` reads the index first. A plan that walks the edition's articles and probes
the index for each one is O(articles) per search (seconds at 20 k, minutes at 1 M;
``bench/scale.py`` measures it)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kidpedia.store import Store, forgive


@pytest.fixture(scope="module")
def store(sample_db: Path) -> Store:
    return Store(sample_db)


def _statements(store: Store, calls) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    conn = store._conn()
    conn.set_trace_callback(seen.append)
    try:
        for call in calls:
            call()
    finally:
        conn.set_trace_callback(None)
    return [s for s in seen if " search " in s.replace("\n", " ") and "articles" in s]


def _plan(conn: sqlite3.Connection, sql: str) -> list[str]:
    return [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]


def test_every_search_query_reads_the_index_before_the_articles(store: Store) -> None:
    calls = [
        lambda: forgive.find(store, "water"),
        lambda: forgive.find(store, "Ray Charles"),
        lambda: forgive.find(store, "einstien"),
        lambda: forgive.find(store, "space rocket", offset=10),
        lambda: forgive.suggest(store, "alb"),
        lambda: store.search("water"),
        lambda: store.search_count("water"),
    ]
    statements = _statements(store, calls)
    # (find in a one-edition store ranks the index alone, no join: tests/store/test_topk.py)
    assert len(statements) >= 3, statements
    conn = store._conn()
    for sql in statements:
        plan = _plan(conn, sql)
        tables = [p for p in plan if p.startswith(("SCAN", "SEARCH")) and ("search" in p or " a " in p + " ")]
        assert tables and tables[0].startswith("SCAN search"), (sql, plan)


def test_spelling_lookups_read_the_deletions_before_the_words(store: Store) -> None:
    """"seki" is looked up with its deletions and as each sound spelling ("seky", one
    key): with one key SQLite walked every word of the edition and probed the deletions
    for each (50 ms a lookup at a million articles)."""
    from kidpedia.store import spelling

    conn = store._conn()
    forgive._ensure_spelling(store, conn)
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        spelling.correct(conn, "en", "seki")
        spelling.correct(conn, "en", "einstien")
    finally:
        conn.set_trace_callback(None)
    lookups = [s for s in seen if "spell_deletes" in s]
    assert any(s.count("'") == 4 for s in lookups), lookups  # a lookup of one key ('en' and it)
    for sql in lookups:
        plan = [p for p in _plan(conn, sql) if p.startswith(("SCAN", "SEARCH"))]
        assert plan[0].startswith("SEARCH d "), (sql, plan)
