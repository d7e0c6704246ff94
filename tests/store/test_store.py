"""The store and the build on the real sample dump: counts, search, redirects, determinism, resume."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kidpedia import build as build_mod
from kidpedia.build import build
from kidpedia.errors import StoreError
from kidpedia.store import MARK_END, MARK_START, Store


def _rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        arts = conn.execute("SELECT title, data FROM articles ORDER BY title").fetchall()
        reds = conn.execute("SELECT title, target FROM redirects ORDER BY title").fetchall()
        fts = conn.execute("SELECT count(*) FROM search").fetchone()
    return [arts, reds, fts]


def test_sample_counts(sample_db: Path) -> None:
    store = Store(sample_db)
    stats = store.stats()
    skips = store.skip_counts()
    excluded = sum(n for r, n in skips.items() if r.startswith("excluded:"))
    # 206 pages: 106 articles in namespace 0, 99 redirects in namespace 0, 1 redirect in namespace 4.
    # 7 of the 106 are disambiguation pages ("Ada may refer to:"), kept as skips, not articles.
    assert skips.get("disambiguation") == 7
    assert stats["articles"] + excluded + skips.get("parse-error", 0) + skips["disambiguation"] == 106
    assert stats["redirects"] == 99
    assert skips.get("namespace") == 1
    assert skips.get("parse-error", 0) == 0


def test_search_einstein_puts_albert_einstein_first(sample_db: Path) -> None:
    hits = Store(sample_db).search("Einstein")
    assert hits[0].title == "Albert Einstein"
    assert MARK_START in hits[0].snippet and MARK_END in hits[0].snippet


@pytest.mark.parametrize(
    "query",
    ['"', "'", 'a" OR "b', "NEAR(a b)", "title:x", "*", "a AND", "(((", "-", "^x", "😀🦄", "ü" * 3,
     "x" * 2000, "", "   ", "\x00", "Ω≈ç√", "AND OR NOT", "col:*"],
)
def test_any_query_is_safe(sample_db: Path, query: str) -> None:
    store = Store(sample_db)
    assert isinstance(store.search(query), list)
    assert isinstance(store.search_count(query), int)
    assert isinstance(store.suggest(query), list)


def test_suggest_prefix_and_resolve(sample_db: Path) -> None:
    store = Store(sample_db)
    assert "Albert Einstein" in store.suggest("alb")
    assert store.suggest("ALBERT E")[0] == "Albert Einstein"
    assert store.resolve("albert einstein") == ("Albert Einstein", None)
    assert store.resolve("Albert_Einstein") == ("Albert Einstein", None)
    assert store.resolve("No such page at all") is None


def test_redirects_resolve_to_stored_articles(sample_db: Path) -> None:
    store = Store(sample_db)
    with sqlite3.connect(sample_db) as conn:
        pairs = conn.execute(
            "SELECT r.title, r.target FROM redirects r JOIN articles a ON a.title = r.target"
        ).fetchall()
    assert pairs, "some sample redirects point at sample articles"
    for title, target in pairs:
        assert store.resolve(title) == (target, title)


def test_missing_or_foreign_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "nope.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.commit()
    with pytest.raises(StoreError, match="not a kidpedia database"):
        Store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(junk)


def test_same_dump_twice_gives_the_same_database(tmp_path: Path, sample_dump: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    build([sample_dump], a, workers=1)
    build([sample_dump], b, workers=2)
    assert _rows(a) == _rows(b)
    build([sample_dump], a, workers=1, force=True)  # again into the same database
    assert _rows(a) == _rows(b)


def test_interrupted_build_resumes_without_loss_or_duplicates(
    tmp_path: Path, sample_dump: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = tmp_path / "full.db"
    build([sample_dump], full)
    monkeypatch.setattr(build_mod, "COMMIT_PAGES", 40)
    monkeypatch.setattr(build_mod, "BATCH_PAGES", 10)
    db = tmp_path / "resumed.db"

    seen: list[tuple[int, int]] = []

    def interrupt(report, done_bytes, total_bytes):  # type: ignore[no-untyped-def]
        seen.append((done_bytes, total_bytes))
        if report.pages >= 120:
            raise KeyboardInterrupt

    first = build([sample_dump], db, progress=interrupt)
    assert first.interrupted
    assert all(0 < d <= t == sample_dump.stat().st_size for d, t in seen)
    done, finished = Store(db).progress(str(sample_dump.resolve()))
    assert 40 <= done <= 120 and not finished
    second = build([sample_dump], db)
    assert second.resumed_from and not second.interrupted
    assert second.pages == 206 - done
    assert _rows(db) == _rows(full)


def test_limit_then_continue(tmp_path: Path, sample_dump: Path) -> None:
    db = tmp_path / "limited.db"
    r1 = build([sample_dump], db, limit=30)
    assert r1.pages == 30
    r2 = build([sample_dump], db)
    assert r2.pages == 176
    assert Store(db).stats()["redirects"] == 99


def test_redirects_to_excluded_articles_are_dropped(tmp_path: Path) -> None:
    from kidpedia.model import Article, Redirect, Skip, Text

    store = Store(tmp_path / "r.db", create=True)
    store.add(
        [Article("Kept", lead=(Text("A kept article."),))],
        [Redirect("To kept", "Kept"), Redirect("To excluded", "Excluded")],
        [Skip("Excluded", "excluded:sexual-content")],
    )
    assert store.drop_redirects_to_excluded() == 1
    assert store.resolve("To kept") == ("Kept", "To kept")
    assert store.stats()["redirects"] == 1


def test_second_build_of_a_finished_source_changes_nothing(tmp_path: Path, sample_dump: Path) -> None:
    db = tmp_path / "twice.db"
    build([sample_dump], db)
    before = _rows(db)
    again = build([sample_dump], db)
    assert again.already_built == [str(sample_dump)] and again.pages == 0
    assert _rows(db) == before


@pytest.mark.parametrize(("key", "end"), [
    ("ab", "ac"), ("a\U0010ffff", "b"), ("\U0010ffff", None), ("\U0010ffff\U0010ffff", None),
    ("a\ud7ff", "a\ue000"), ("z\U0010ffff\U0010ffff", "{"),
])
def test_prefix_end_never_passes_the_last_code_point_nor_makes_a_surrogate(key, end):
    """Issue 12: /api/suggest?q=%F4%8F%BF%BF was a 500 (chr() past U+10FFFF)."""
    from kidpedia.store.db import prefix_end

    assert prefix_end(key) == end


def test_suggest_takes_any_code_point(tmp_path: Path):
    store = Store(tmp_path / "s.db", create=True)
    for q in ("\U0010ffff", "a\U0010ffff", "\ud7ff", "\ufffd", "z" * 500):
        assert store.suggest(q) == []


def _words_at_folds(store: Store) -> list[str]:
    """The (indexed) word around the first folded letter of each article that has one."""
    import re
    from array import array

    out = []
    for at, body in store._conn().execute(
        "SELECT f.at, s.body FROM search_folds f JOIN search s ON s.rowid = f.id ORDER BY f.id"
    ).fetchall():
        first = array("I", at)[0]  # little-endian, as this machine
        start = max((m.start() for m in re.finditer(r"\W", body[:first])), default=-1) + 1
        word = re.match(r"\w+", body[start:])
        if word and len(word.group()) >= 3:
            out.append(word.group())
    return out


def test_snippets_get_their_letters_back_from_the_index_as_from_the_json(
    sample_db: Path, copy_db, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    """Snippets come from the index's folded copy of the text (Søren -> Soren): the
    letters come back from ``search_folds`` (no JSON read), as they did from the JSON."""
    import json

    from kidpedia.model import plain_text_from_json
    from kidpedia.store import forgive
    from kidpedia.store.scripts import folds

    store = Store(sample_db)
    conn = store._conn()
    rows = dict(conn.execute("SELECT id, data FROM articles").fetchall())
    kept = {i: (at, letters) for i, at, letters in conn.execute("SELECT * FROM search_folds")}
    wanted = {i: folds(plain_text_from_json(json.loads(d))) for i, d in rows.items()}
    assert kept == {i: f for i, f in wanted.items() if f}  # a row exactly where a letter folds
    assert 10 < len(kept) < len(rows)
    older = copy_db(sample_db, tmp_path / "older.db")  # a database made before search_folds
    with sqlite3.connect(older) as c:
        c.execute("DELETE FROM meta WHERE key = 'search_folds'")
        c.execute("DELETE FROM search_folds")
    c.close()
    old = Store(older)
    words = _words_at_folds(store)
    assert len(words) > 10
    put_back = 0
    for word in words:
        new_hits = forgive.find(store, word).hits
        assert [(h.title, h.snippet) for h in new_hits] == [(h.title, h.snippet) for h in forgive.find(old, word).hits]
        assert store.search(word) == old.search(word)
        put_back += any(c in h.snippet for h in new_hits for c in "ΆΈΉΊΌΎΏΪΫάέήίόύώϊϋΐΰςĐđŁłØøĦħıȷ")
    assert put_back > 5
