"""Random picks (home page, "Random article", "Did you know?") cost the same at any size:
a seek from a random id, never a count or an ``OFFSET`` walk over the edition. At a
million articles the walks cost a home page ~1 s of CPU and a random article ~110 ms.

The cost is counted in SQLite virtual-machine steps (``set_progress_handler``), the same
on every machine, at two sizes of the same store: the real sample, and the sample with
its rows repeated under new titles (rows made here, for size only: a format fixture, not
real articles)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from kidpedia.kidify import facts
from kidpedia.store import Store, explore


def _steps(store: Store, call: Callable[[], object]) -> int:
    n = 0

    def count() -> int:
        nonlocal n
        n += 1
        return 0

    conn = store._conn()
    conn.set_progress_handler(count, 10)
    try:
        for _ in range(20):
            call()
    finally:
        conn.set_progress_handler(None, 10)
    return n


def _grow(db: Path, times: int) -> None:
    """The sample's articles and extras again ``times`` times, titled "T (copy N)"."""
    conn = sqlite3.connect(db)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] not in ("id", "title", "title_key")]
    with conn:
        for n in range(2, times + 2):
            conn.execute(
                f"INSERT INTO articles (title, title_key, {', '.join(cols)}) SELECT title || ' (copy {n})',"
                f" title_key || ' (copy {n})', {', '.join(cols)} FROM articles WHERE title NOT LIKE '% (copy %'"
            )
            conn.execute(
                "INSERT INTO article_extras (lang, title, quiz, timeline, fact, good, score) SELECT lang,"
                f" title || ' (copy {n})', quiz, timeline, fact, good, score FROM article_extras"
                " WHERE title NOT LIKE '% (copy %'"
            )
    conn.close()


@pytest.fixture(scope="module")
def sizes(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, Store]:
    import shutil

    big = tmp_path_factory.mktemp("picks") / "big.db"
    shutil.copyfile(sample_db, big)
    _grow(big, 60)  # ~6,000 articles
    return Store(sample_db), Store(big)


@pytest.mark.parametrize("what", ["random_good", "facts_sample", "random_title"])
def test_a_random_pick_costs_the_same_at_sixty_times_the_size(sizes: tuple[Store, Store], what: str) -> None:
    small, big = sizes
    calls: dict[str, Callable[[Store], object]] = {
        "random_good": lambda s: explore.random_good(s, 3),
        "facts_sample": lambda s: explore.facts_sample(s, 3),
        "random_title": lambda s: s.random_title(),
    }
    assert big._conn().execute("SELECT count(*) FROM articles").fetchone()[0] > 50 * small.stats()["articles"]
    a, b = _steps(small, lambda: calls[what](small)), _steps(big, lambda: calls[what](big))
    assert b < 3 * a + 200, (what, a, b)  # the OFFSET walks and counts grew with the rows: ~60x


def test_random_picks_are_what_they_say(sizes: tuple[Store, Store]) -> None:
    for store in sizes:
        good = explore.random_good(store, 5)
        assert len(set(good)) == len(good) == 5
        assert all(facts.is_good(store.get(t)) for t in good)  # type: ignore[arg-type]
        shown = explore.facts_sample(store, 3)
        assert len({t for t, _ in shown}) == 3
        for title, fact in shown:
            assert explore.extras(store, title).fact == fact  # type: ignore[union-attr]
        assert store.get(store.random_title() or "") is not None
    seen = {store.random_title() for store in sizes[:1] for _ in range(200)}
    assert len(seen) > 40  # picks spread over the sample's 99 articles


def test_a_random_article_of_a_small_edition_among_others(sample_db: Path, tmp_path: Path, copy_db) -> None:  # type: ignore[no-untyped-def]
    """Picks by id land in the big edition; the small one still gets its own articles."""
    store = Store(copy_db(sample_db, tmp_path / "two.db"))
    conn = store._conn()
    with conn:
        conn.execute("UPDATE articles SET lang = 'xx' WHERE id = (SELECT min(id) FROM articles)")
    only = conn.execute("SELECT title FROM articles WHERE lang = 'xx'").fetchone()[0]
    assert {store.random_title("xx") for _ in range(20)} == {only}
    assert store.random_title("en") != only
    assert store.random_title("zz") is None
