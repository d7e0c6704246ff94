"""Explore, quiz and timeline, made at the end of a build and kept beside the articles.

    rebuild_explore(store) -> ExploreCounts   (every edition; the end of every build)
    extras(store, title) -> Extras | None      an article's quiz, timeline, facts
    topic_counts(store) -> dict[str, int]      good articles per topic
    topic_titles(store, topic, limit, offset)  a topic's good articles, best first
    good_titles / random_good(store)           articles worth offering to explore
    facts_sample(store, count)                 "Did you know?" facts

Tables ``article_extras`` (a row per article: quiz and timeline as JSON, its "Did you
know?" fact, whether it is a good article to explore) and ``topic_articles`` (good
articles per topic). Triggers drop an article's rows when it is changed or removed, so
nothing stale is shown; the next build makes them again. A database built before has
no such tables: the site then shows no quiz, topic or fact, and random picks come from
every article.

What an article gives on its own (its quiz answers, timeline, whether it is good, its
score, fact and topics: ``parts_of``) is worked out when it is packed for the store, in
the build's worker processes, and kept in ``article_parts`` (``Store.add``); the end of
a build only reads those. Two passes over an edition: the first gathers each quiz
field's answers (per infobox template), the second makes each article's quiz with wrong
choices from the same field of similar articles. Nothing is random: the same articles
give the same rows. An article stored without its parts (a database from before them)
is read and worked out here.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kidpedia.kidify import facts, topics
from kidpedia.model import Article
from kidpedia.store.db import Store

POOL_MAX = 400  # answers kept per (infobox, field): enough wrong choices, bounded memory

_SCHEMA = """
CREATE TABLE IF NOT EXISTS article_extras (
    lang TEXT NOT NULL, title TEXT NOT NULL, quiz TEXT, timeline TEXT, fact TEXT,
    good INTEGER NOT NULL DEFAULT 0, score INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (lang, title)
);
CREATE INDEX IF NOT EXISTS article_extras_good ON article_extras(lang, good);
CREATE TABLE IF NOT EXISTS topic_articles (
    lang TEXT NOT NULL, topic TEXT NOT NULL, title TEXT NOT NULL, score INTEGER NOT NULL,
    PRIMARY KEY (lang, topic, title)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS topic_articles_score ON topic_articles(lang, topic, score DESC, title);
CREATE TRIGGER IF NOT EXISTS article_extras_update AFTER UPDATE ON articles
BEGIN DELETE FROM article_extras WHERE lang = old.lang AND title = old.title;
      DELETE FROM topic_articles WHERE lang = old.lang AND title = old.title; END;
CREATE TRIGGER IF NOT EXISTS article_extras_delete AFTER DELETE ON articles
BEGIN DELETE FROM article_extras WHERE lang = old.lang AND title = old.title;
      DELETE FROM topic_articles WHERE lang = old.lang AND title = old.title; END;
"""


@dataclass
class ExploreCounts:
    articles: int = 0
    good: int = 0
    quizzes: int = 0
    timelines: int = 0
    topics: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Extras:
    quiz: list[dict[str, Any]]
    timeline: list[dict[str, Any]]
    fact: str
    good: bool


def has_explore(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'article_extras'").fetchone() is not None


def _score(article: Article, body: str | None = None) -> int:
    """How much a good article offers: words, with a bonus for a picture and Quick facts."""
    words = min(len((article.plain_text() if body is None else body).split()), 20000)
    return words // 100 + (20 if article.quick_facts else 0) + (10 if article.quick_facts and article.quick_facts.image else 0)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def rebuild_explore(store: Store) -> ExploreCounts:
    """Make the quiz, timeline, "Did you know?" fact and topics of every article anew."""
    conn = store._conn()
    counts = ExploreCounts()
    with conn:
        conn.executescript(_SCHEMA)
        conn.execute("DELETE FROM article_extras")
        conn.execute("DELETE FROM topic_articles")
    langs = [r[0] for r in conn.execute("SELECT DISTINCT lang FROM articles ORDER BY lang")]
    for lang in langs:
        _rebuild_edition(conn, lang, counts)
    counts.topics = dict(
        conn.execute("SELECT topic, count(*) FROM topic_articles GROUP BY topic ORDER BY topic").fetchall()
    )
    return counts


def parts_of(article: Article, body: str | None = None) -> dict[str, Any]:
    """What ``article`` gives the explore tables on its own (all but the quiz, whose wrong
    choices come from other articles): its quiz answers and infobox, timeline, whether it
    is good, its score, "Did you know?" fact and topics. ``body``: its plain text, when
    already made. JSON-ready; ``Store.add`` keeps it in ``article_parts``."""
    answers = facts.fact_answers(article)
    good = facts.is_good(article, body)
    out: dict[str, Any] = {
        "box": article.quick_facts.template if article.quick_facts else "",
        "answers": [[fa.field, fa.label, fa.answer, fa.question, fa.kind, fa.fact] for fa in answers],
        "timeline": [e.to_json() for e in facts.timeline(article)],
        "good": good,
    }
    if good:
        out["score"] = _score(article, body)
        out["fact"] = facts.did_you_know(article, answers)
        out["topics"] = list(topics.topics_of(article))
    return out


def parts_json(article: Article, body: str | None = None) -> str:
    return _dumps(parts_of(article, body))


def _parts(conn: sqlite3.Connection, lang: str) -> Any:
    """(title, parts) of an edition in title order: kept ones, else worked out from the article."""
    sql = ("SELECT a.title, p.parts, a.id FROM articles a LEFT JOIN article_parts p ON p.id = a.id"
           " WHERE a.lang = ? ORDER BY a.title")
    for title, parts, aid in conn.execute(sql, (lang,)):
        if parts is None:
            data = conn.execute("SELECT data FROM articles WHERE id = ?", (aid,)).fetchone()[0]
            yield title, parts_of(Article.from_json(json.loads(data)))
        else:
            yield title, json.loads(parts)


def _rebuild_edition(conn: sqlite3.Connection, lang: str, counts: ExploreCounts) -> None:
    # pass 1: each quiz field's answers, per infobox template
    by_box: dict[tuple[str, str], list[str]] = defaultdict(list)
    for _, parts in _parts(conn, lang):
        for fa in parts["answers"]:
            pool = by_box[(parts["box"], fa[0])]
            if len(pool) < POOL_MAX and fa[2] not in pool:
                pool.append(fa[2])
    by_field: dict[str, list[str]] = defaultdict(list)
    for (_, name), values in sorted(by_box.items()):
        by_field[name].extend(v for v in values if v not in by_field[name])
    # pass 2: each article's quiz, with its timeline, fact and topics as kept
    rows: list[tuple[Any, ...]] = []
    topic_rows: list[tuple[str, str, str, int]] = []
    for title, parts in _parts(conn, lang):
        box = parts["box"]
        answers = [facts.FactAnswer(*fa) for fa in parts["answers"]]
        pools = {fa.field: [by_box.get((box, fa.field), []), by_field.get(fa.field, [])] for fa in answers}
        quiz = facts.make_quiz(Article(title=title, lang=lang), answers, pools)
        events = parts["timeline"]
        good = bool(parts["good"])
        score = parts.get("score", 0) if good else 0
        fact = parts.get("fact", "") if good else ""
        rows.append((lang, title, _dumps([q.to_json() for q in quiz]) if quiz else None,
                     _dumps(events) if events else None, fact or None, int(good), score))
        counts.articles += 1
        counts.good += good
        counts.quizzes += bool(quiz)
        counts.timelines += bool(events)
        if good:
            topic_rows.extend((lang, t, title, score) for t in parts.get("topics", ()))
        if len(rows) >= 500:
            _write(conn, rows, topic_rows)
    _write(conn, rows, topic_rows)


def _write(conn: sqlite3.Connection, rows: list[tuple[Any, ...]], topic_rows: list[tuple[str, str, str, int]]) -> None:
    with conn:
        conn.executemany("INSERT OR REPLACE INTO article_extras VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        conn.executemany("INSERT OR REPLACE INTO topic_articles VALUES (?, ?, ?, ?)", topic_rows)
    rows.clear()
    topic_rows.clear()


# ---- reading ----------------------------------------------------------------------

def _read(store: Store, sql: str, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    try:
        return store._conn().execute(sql, args).fetchall()
    except sqlite3.OperationalError:  # built before explore: no tables
        return []


def extras(store: Store, title: str, lang: str | None = None) -> Extras | None:
    rows = _read(store, "SELECT quiz, timeline, fact, good FROM article_extras WHERE lang = ? AND title = ?",
                 (store._lang(lang), title))
    if not rows:
        return None
    quiz, events, fact, good = rows[0]
    return Extras(json.loads(quiz) if quiz else [], json.loads(events) if events else [], fact or "", bool(good))


def topic_counts(store: Store, lang: str | None = None) -> dict[str, int]:
    """Good articles per topic (every home page shows them: remembered per connection until
    the database changes, ``Store.memo``; counting walks every row of the edition's topics)."""
    lang = store._lang(lang)
    return store.memo(("topic_counts", lang), lambda: dict(_read(
        store, "SELECT topic, count(*) FROM topic_articles WHERE lang = ? GROUP BY topic", (lang,))))


def topic_titles(store: Store, topic: str, limit: int = 24, offset: int = 0, lang: str | None = None) -> list[str]:
    rows = _read(store, "SELECT title FROM topic_articles WHERE lang = ? AND topic = ?"
                 " ORDER BY score DESC, title LIMIT ? OFFSET ?", (store._lang(lang), topic, limit, offset))
    return [r[0] for r in rows]


PICK_TRIES = 8  # random picks tried per article wanted (two picks can meet the same article)


def _picks(store: Store, where: str, lang: str, count: int, columns: str, index: bool) -> list[tuple[Any, ...]]:
    """Up to ``count`` different rows of ``article_extras`` of ``lang`` where ``where``
    holds, picked at random by rowid: a random rowid between the edition's first and last
    row, then the first such row from there on (one seek). Counting the rows and reading
    the n-th by ``ORDER BY title OFFSET n`` walked half the table a pick: at a million
    articles a home page (three picks, three facts) cost ~1 s of CPU, a random article
    ~110 ms. A row after a run of rows that do not qualify is a little more likely than
    another: a surprise need not be exactly uniform. ``index``: ``where`` is ``good = 1``,
    which the (lang, good) index seeks; else the rows are read in rowid order."""
    ends = []
    for good in (0, 1) if not index else (1,):  # the index's ends: (lang, good, rowid)
        for order in ("", " DESC"):
            row = _read(store, "SELECT rowid FROM article_extras WHERE lang = ? AND good = ?"
                        f" ORDER BY rowid{order} LIMIT 1", (lang, good))
            ends += [row[0][0]] if row else []
    if not ends:
        return []
    low, high = min(ends), max(ends)
    source = "article_extras" if index else "article_extras NOT INDEXED"
    out: dict[Any, tuple[Any, ...]] = {}
    for _ in range(count * PICK_TRIES):
        start = random.randint(low, high)
        row = _read(store, f"SELECT {columns} FROM {source} WHERE lang = ? AND {where} AND rowid >= ?"
                    " ORDER BY rowid LIMIT 1", (lang, start))
        if row:
            out.setdefault(row[0][0], row[0])
        if len(out) >= count:
            break
    return list(out.values())


def random_good(store: Store, count: int = 1, lang: str | None = None) -> list[str]:
    """Up to ``count`` different good articles picked at random (serving, not building:
    a surprise is meant to differ); none when the database has no explore tables."""
    return [r[0] for r in _picks(store, "good = 1", store._lang(lang), count, "title", index=True)]


def facts_sample(store: Store, count: int = 3, lang: str | None = None) -> list[tuple[str, str]]:
    """(title, fact) of ``count`` different articles with a fact, picked at random."""
    return [(r[0], r[1]) for r in _picks(store, "fact IS NOT NULL", store._lang(lang), count, "title, fact", index=False)]
