"""Explore, quiz and timeline on the site and in the API (issue 14), over the real sample
built once (``sample_db``: the build makes topics, quizzes and timelines at its end)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kidpedia.kidify import facts
from kidpedia.store import Store, explore


def test_build_makes_quiz_timeline_topics(sample_store: Store) -> None:
    e = explore.extras(sample_store, "Albert Einstein")
    assert e is not None and e.good
    assert 3 <= len(e.quiz) <= 5
    born = e.quiz[0]
    assert born["question"] == "When was Albert Einstein born?"
    assert born["choices"][born["answer"]] == "14 March 1879"
    assert len(set(born["choices"])) == 4
    years = [ev["year"] for ev in e.timeline]
    assert years == sorted(years) and 1879 in years
    counts = explore.topic_counts(sample_store)
    for topic in ("animals", "space", "science", "history", "countries", "people", "sports", "art-and-music"):
        assert counts.get(topic), (topic, counts)
    assert "Aardvark" in explore.topic_titles(sample_store, "animals")
    assert "Apollo 11" in explore.topic_titles(sample_store, "space")


def test_topics_and_random_picks_hold_only_good_articles(sample_store: Store) -> None:
    for topic in explore.topic_counts(sample_store):
        for title in explore.topic_titles(sample_store, topic, limit=100):
            article = sample_store.get(title)
            assert article is not None and facts.is_good(article), title
    picks = explore.random_good(sample_store, 20)
    assert len(set(picks)) == len(picks) >= 10
    assert all(facts.is_good(sample_store.get(t)) for t in picks)  # type: ignore[arg-type]
    assert "List of anthropologists" not in picks


def test_same_articles_same_quiz(sample_db: Path, tmp_path: Path, copy_db) -> None:  # type: ignore[no-untyped-def]
    db = copy_db(sample_db, tmp_path / "again.db")
    store = Store(db)
    rows = lambda: store._conn().execute("SELECT * FROM article_extras ORDER BY lang, title").fetchall()
    before = rows()
    explore.rebuild_explore(store)
    assert rows() == before
    # a changed article loses its stale quiz and topics (the next build makes them again)
    store._conn().execute("UPDATE articles SET rev_id = rev_id WHERE title = 'Albert Einstein'")
    store._conn().commit()
    assert explore.extras(store, "Albert Einstein") is None
    assert "Albert Einstein" not in explore.topic_titles(store, "people", limit=100)
    store.close()


def test_api_article_has_quiz_and_timeline(client) -> None:  # type: ignore[no-untyped-def]
    data = client.get("/api/article/Albert_Einstein").json()
    assert data["quiz"][0]["question"] == "When was Albert Einstein born?"
    assert {"question", "choices", "answer", "field"} <= set(data["quiz"][0])
    assert data["timeline"][0] == {"date": "14 March 1879", "year": 1879, "month": 3, "day": 14,
                                   "text": data["timeline"][0]["text"]}
    no_facts = client.get("/api/article/Abstract_(law)").json()
    assert no_facts["quiz"] == []


def test_article_page_shows_quiz_timeline_and_tools(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/wiki/Albert_Einstein").text
    assert 'id="kids-quiz"' in html and 'id="kids-timeline"' in html
    assert "When was Albert Einstein born?" in html
    assert '<time datetime="1879-03-14">14 March 1879</time>' in html
    assert ">Read to me<" in html and 'data-size="3"' in html
    assert '<script src="/static/kidpedia.js" defer></script>' in html
    # the box keeps its place in the HTML (beside the text on a desktop); CSS orders a phone's page
    assert html.index('class="quick-facts"') < html.index('class="lead"')


def test_home_offers_topics_facts_and_good_articles(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/").text
    assert 'href="/topic/animals"' in html and "Did you know?" in html
    cards = re.findall(r'<h3 class="card-title"><a href="/wiki/([^"]+)">', html)
    assert cards
    for href in cards:
        assert not href.startswith("List_of")


def test_topic_page_lists_good_articles(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get("/topic/animals")
    assert r.status_code == 200
    assert "<h1>Animals</h1>" in r.text
    assert 'href="/wiki/Aardvark"' in r.text
    assert client.get("/topic/no-such-topic").status_code == 404


def test_random_goes_to_a_good_article(client, sample_store: Store) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        r = client.get("/random", follow_redirects=False)
        title = r.headers["location"].removeprefix("/wiki/").replace("_", " ")
        from urllib.parse import unquote

        article = sample_store.get(unquote(title))
        assert article is not None and facts.is_good(article), title
        api = client.get("/api/random").json()["title"]
        assert facts.is_good(sample_store.get(api))  # type: ignore[arg-type]


def _explore_rows(db: Path) -> tuple[list, list]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return (conn.execute("SELECT * FROM article_extras ORDER BY lang, title").fetchall(),
                conn.execute("SELECT * FROM topic_articles ORDER BY lang, topic, title").fetchall())
    finally:
        conn.close()


def test_explore_reads_kept_parts_and_works_them_out_where_missing(sample_db: Path, copy_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The build keeps each article's own explore parts (``article_parts``, made by the
    worker that packs it) and the end of the build reads them instead of every article;
    a database without them (built before) gets the very same rows from its articles."""
    import sqlite3

    built = _explore_rows(sample_db)
    assert built[0] and built[1]
    db = copy_db(sample_db, tmp_path / "copy.db")
    conn = sqlite3.connect(db)
    kept = conn.execute("SELECT count(*) FROM article_parts").fetchone()[0]
    assert kept == conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    title, parts = conn.execute(
        "SELECT a.title, p.parts FROM articles a JOIN article_parts p ON p.id = a.id WHERE a.title = 'Albert Einstein'"
    ).fetchone()
    conn.close()
    store = Store(db)
    assert explore.parts_of(store.get(title)) == json.loads(parts)  # type: ignore[arg-type]
    with sqlite3.connect(db) as conn:  # half the parts gone: those articles are read again
        conn.execute("DELETE FROM article_parts WHERE id % 2 = 0")
        conn.execute("DELETE FROM article_extras")
    conn.close()
    explore.rebuild_explore(store)
    store.close()
    assert _explore_rows(db) == built
