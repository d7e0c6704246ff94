"""Search that forgives, on the bundled real sample: the search quality set (queries in
tests/data/search/quality.tsv, written by hand as children type the sample's titles),
typos, prefixes, plurals, any-word results, suggestions on any word, short names,
blocked words never offered as corrections, and the spelling index itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kidpedia.kidify.safety import is_blocked_query
from kidpedia.store import Store, forgive, spelling
from kidpedia.store.db import title_key

QUALITY = Path(__file__).resolve().parent.parent / "data" / "search" / "quality.tsv"
# The share of first-result hits this set reached when it was written: a ratchet, raise
# it when search gets better, never lower it.
RATCHET = 0.98


def quality_set() -> list[tuple[str, str, str]]:
    rows = []
    for line in QUALITY.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, expected, kind = line.split("\t")
            rows.append((query, expected, kind))
    return rows


@pytest.fixture(scope="module")
def store(sample_db: Path) -> Store:
    return Store(sample_db)


def test_quality_set_first_result_hits(store: Store) -> None:
    rows = quality_set()
    assert len(rows) >= 100
    misses = []
    for query, expected, _kind in rows:
        hits = forgive.find(store, query, blocked=is_blocked_query).hits
        if not hits or hits[0].title != expected:
            misses.append((query, expected, hits[0].title if hits else None))
    share = 1 - len(misses) / len(rows)
    print(f"\nsearch quality: {len(rows) - len(misses)}/{len(rows)} first-result hits ({share:.1%}); misses: {misses}")
    assert share >= RATCHET, misses
    issue = [(q, e) for q, e, kind in rows if kind.startswith("issue")]
    assert len(issue) >= 6 and not [m for m in misses if (m[0], m[1]) in issue], misses


def test_typo_gives_did_you_mean_and_the_corrected_results(store: Store) -> None:
    found = forgive.find(store, "einstien")
    assert found.did_you_mean == "einstein"
    assert found.hits[0].title == "Albert Einstein"
    assert forgive.find(store, "Einstein").did_you_mean is None  # a known word is not corrected


def test_prefix_search_finds_what_suggest_offers(store: Store) -> None:
    titles = [h.title for h in forgive.find(store, "alb").hits]
    assert {"Albania", "Albedo", "Albert Einstein"} <= set(titles)


def test_all_words_first_then_any_word(store: Store) -> None:
    titles = [h.title for h in forgive.find(store, "moon landing astronaut").hits]
    assert titles[0] == "Apollo 11" and "Astronaut" in titles
    found = forgive.find(store, "moon landing astronaut")
    assert found.total >= len(titles)


def test_exact_title_or_plural_first(store: Store) -> None:
    assert forgive.find(store, "art").hits[0].title == "Art"
    assert forgive.find(store, "astronauts").hits[0].title == "Astronaut"
    assert forgive.find(store, "AbacuS").exact == "Abacus"  # a redirect's title


def test_suggest_on_any_word_of_a_title(store: Store) -> None:
    assert forgive.suggest(store, "einst") == ["Albert Einstein"]
    assert forgive.suggest(store, "alb")[:3] == ["Albania", "Albedo", "Albert Einstein"]
    assert forgive.suggest(store, "einstien") == ["Albert Einstein"]  # a typo too
    assert forgive.suggest(store, "zzzzqx") == []


def test_short_names_are_suggestions(store: Store) -> None:
    assert forgive.short_names(store, "Einstein") == ["Albert Einstein"]
    assert forgive.short_names(store, "Lincoln") == ["Abraham Lincoln"]
    assert forgive.short_names(store, "Android") == ["Android (robot)"]
    assert forgive.short_names(store, "Albania") == []  # it is an article


def test_short_names_of_several_words_read_the_title_index(sample_db: Path, tmp_path: Path, copy_db,  # type: ignore[no-untyped-def]
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A short name of several words can only mean "<name> (...)": read from the title
    index, never from the search index (two common words walked every article having
    both: seconds at 1 M articles). A one-word name is a whole word, never a word start."""
    db = copy_db(sample_db, tmp_path / "sample.db")
    with sqlite3.connect(db) as conn:  # the real article, under a title of two words
        conn.execute("UPDATE articles SET title = 'Android robot (fiction)', title_key = ? WHERE title = 'Android (robot)'",
                     (title_key("Android robot (fiction)"),))
    conn.close()
    store = Store(db)
    expanded: list[str] = []
    real_expand = forgive.topk.expand_prefix
    monkeypatch.setattr(forgive.topk, "expand_prefix", lambda conn, w: expanded.append(w) or real_expand(conn, w))
    assert forgive.short_names(store, "Einstein") == ["Albert Einstein"]
    assert expanded == []  # "Einstein" is not taken as "Einstein*"

    def no_search(*args: object, **kwargs: object) -> list[str]:
        raise AssertionError("a name of several words went to the search index")

    monkeypatch.setattr(forgive, "_title_words", no_search)
    assert forgive.short_names(store, "android robot") == ["Android robot (fiction)"]
    assert forgive.short_names(store, "robot fiction") == []
    store.close()


def test_blocked_words_are_never_offered_as_corrections(store: Store) -> None:
    conn = store._conn()
    forgive.correction(store, "x", "en", lambda w: False)  # makes sure the index exists
    conn.execute("INSERT OR REPLACE INTO spell_words VALUES ('en', 'porn', 100000)")
    conn.executemany("INSERT OR IGNORE INTO spell_deletes VALUES ('en', ?, 'porn')",
                     [(d,) for d in spelling.deletes("porn")])
    try:
        assert is_blocked_query("porn")
        assert spelling.correct(conn, "en", "pornn") == "porn"  # without the filter it would be
        assert forgive.correction(store, "pornn", "en", is_blocked_query) != "porn"
        found = forgive.find(store, "pornn", blocked=is_blocked_query)
        assert found.did_you_mean != "porn" and "porn" not in forgive.suggest(store, "pornn", blocked=is_blocked_query)
    finally:
        conn.execute("DELETE FROM spell_words WHERE word = 'porn'")
        conn.execute("DELETE FROM spell_deletes WHERE word = 'porn'")
        conn.commit()


def test_the_build_makes_the_spelling_index(sample_db: Path) -> None:
    with sqlite3.connect(sample_db) as conn:
        (words,) = conn.execute("SELECT count(*) FROM spell_words WHERE lang = 'en'").fetchone()
        assert words > 1000
        assert conn.execute("SELECT freq FROM spell_words WHERE word = 'einstein'").fetchone()[0] >= spelling.TITLE_WEIGHT


@pytest.mark.parametrize(("heard", "written", "typed", "word"), [
    ("f", "ph", "alfabet", "alphabet"),
    ("k", "ch", "alkemy", "alchemy"),
    ("k", "c", "akid", "acid"),
    ("s", "c", "asid", "acid"),
    ("i", "y", "alkine", "alkyne"),
])
def test_each_sound_spelling(heard: str, written: str, typed: str, word: str) -> None:
    assert (heard, written) in spelling.SOUNDS
    conn = sqlite3.connect(":memory:")
    conn.executescript(spelling._SCHEMA)
    spelling._store(conn, "en", [(word, 1), ("zebra", 5)])
    assert spelling.correct(conn, "en", typed) == word
    assert spelling.correct(conn, "en", "zebr") == "zebra"  # one edit still


def test_distance_counts_a_swap_as_one_edit() -> None:
    assert spelling.distance("einstien", "einstein") == 1
    assert spelling.distance("abc", "abc") == 0
    assert spelling.distance("kitten", "sitting") == 3
    assert spelling.words_of(title_key("Ángola 1975 植物 of")) == ["angola"]


def test_disambiguation_separator_is_the_pipelines() -> None:
    from kidpedia.pipeline import DISAMBIGUATION_SEPARATOR

    assert forgive.SEPARATOR == DISAMBIGUATION_SEPARATOR


def test_suggestions_are_remembered_until_the_database_changes(sample_db: Path, copy_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``Store.memo``: a prefix asked again is answered from memory with one PRAGMA, and
    the memory is dropped by a commit of this connection or of another one."""
    from dataclasses import replace

    db = copy_db(sample_db, tmp_path / "memo.db")
    store = Store(db)
    first = forgive.suggest(store, "aardv")
    assert first == ["Aardvark"]
    calls: list[str] = []
    store._conn().set_trace_callback(calls.append)
    assert forgive.suggest(store, "aardv") == first
    assert calls == ["PRAGMA data_version"]
    store._conn().set_trace_callback(None)

    article = store.get("Aardvark")
    assert article is not None
    store.add([replace(article, title="Aardvark II")], [])  # this connection's commit
    assert forgive.suggest(store, "aardv") == ["Aardvark", "Aardvark II"]

    other = sqlite3.connect(db)  # another connection's commit
    with other:
        other.execute("DELETE FROM articles WHERE title = 'Aardvark II'")
    other.close()
    assert forgive.suggest(store, "aardv") == ["Aardvark"]


def _statements(store: Store, query: str, having: str) -> tuple[list[str], forgive.Found]:
    """The SQL statements with ``having`` that a search for ``query`` ran, and its result."""
    seen: list[str] = []
    conn = store._conn()
    conn.set_trace_callback(seen.append)
    try:
        found = forgive.find(store, query)
    finally:
        conn.set_trace_callback(None)
    return [s for s in seen if having in s], found


def _snippet_statements(store: Store, query: str) -> tuple[list[str], forgive.Found]:
    return _statements(store, query, "snippet(")


def test_a_word_most_articles_have_does_not_choose_snippets(store: Store) -> None:
    """FTS5 scores every place of every query word against every other in a long page:
    "the" (thousands of places) made a snippet cost ~25 ms a hit. Beside another word it
    no longer chooses the window nor is marked; alone it still is."""
    statements, found = _snippet_statements(store, "the war")
    assert statements and not [s for s in statements if '"the"' in s], statements
    assert found.hits and all(h.snippet for h in found.hits)
    assert "\ue000War\ue001" in found.hits[0].snippet or "\ue000war\ue001" in found.hits[0].snippet
    assert "\ue000The\ue001" not in found.hits[0].snippet and "\ue000the\ue001" not in found.hits[0].snippet
    alone, found = _snippet_statements(store, "the")
    assert alone and all('"the"' in s for s in alone), alone


def test_an_any_word_hit_without_the_snippet_words_still_has_its_snippet(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any-word results can have only the common word (when such words still narrow the
    search): they get the whole query's snippet."""
    monkeypatch.setattr(forgive, "UBIQUITOUS", 1.01)
    found = forgive.find(store, "the zqxwv", limit=20)
    assert found.hits and all(h.snippet for h in found.hits)


def _match_statements(store: Store, query: str) -> tuple[list[str], forgive.Found]:
    return _statements(store, query, "MATCH")


def test_a_word_nearly_every_article_has_does_not_narrow_a_search(store: Store) -> None:
    """"of" and "the" are in nearly every article: beside another word they no longer
    narrow the search (walking their doclists was most of such a search at 1 M
    articles), and "any word" no longer means every article that has "the". Alone, or
    beside only such words, they still do."""
    statements, found = _match_statements(store, "the economy of the angola")
    assert statements and not [s for s in statements if '"the"' in s or '"of"' in s], statements
    assert found.hits and found.hits[0].title == "Economy of Angola"
    assert not forgive.find(store, "the zqxwv", limit=20).hits
    alone, found = _match_statements(store, "of the")
    assert any('"of"' in s and '"the"' in s for s in alone), alone
    assert found.hits


def test_title_key_of_ascii_is_the_folded_key(sample_raw_pages) -> None:  # type: ignore[no-untyped-def]
    """An ASCII title skips the Unicode decomposition: the same key as the full fold, for
    every ASCII character and every title of the real sample."""
    import unicodedata

    from kidpedia.store.db import FOLD_ONE

    def folded(title: str) -> str:
        decomposed = unicodedata.normalize("NFKD", title.casefold())
        return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(FOLD_ONE)

    titles = [chr(i) for i in range(128)] + [p.title for p in sample_raw_pages] + ["Ærø", "Straße", "ǅ"]
    assert sum(t.isascii() for t in titles) > 200
    for t in titles:
        assert title_key(t) == folded(t), t


def test_a_short_part_after_an_apostrophe_is_a_whole_word_not_a_word_start(store: Store) -> None:
    """unicode61 cuts "shafi'i" at the apostrophe: ``"shafi'i"*`` is the phrase "shafi"
    then any word starting with "i", and FTS5 read the positions of every such word
    (8 s of CPU for the title "Al-Shafi'i" at a million articles)."""
    from kidpedia.store.scripts import match_phrases

    assert match_phrases("Al-Shafi'i", prefix_last=True) == ['"al"', '"shafi\'i"']
    # "'s" is the word before it: the phrase "lincoln s" read the positions of every
    # article with an "s" (most of them: 75 ms for "Earth's outer core" at 1 M)
    assert match_phrases("Lincoln\u2019s", prefix_last=True) == ['"lincoln"']
    assert match_phrases("Earth's outer core") == ['"earth"', '"outer"', '"core"']
    assert match_phrases("O'Conn", prefix_last=True) == ['"o\'conn"*']  # three letters on: a word start
    seen: list[str] = []
    conn = store._conn()
    conn.set_trace_callback(seen.append)
    try:
        found = forgive.find(store, "Lincoln's")
        suggested = forgive._suggest(store, "Lincoln's", 8, is_blocked_query)
    finally:
        conn.set_trace_callback(None)
    assert found.hits[0].title == "Abraham Lincoln" and suggested[:1] == ["Abraham Lincoln"]
    assert "lincoln's" not in " ".join(seen)


def test_a_number_is_a_whole_word_not_a_word_start(store: Store) -> None:
    """The champion lists keep no prefix of digits (only letters'), so "1905"* went to
    FTS5 whole: it ranked every article with a word starting "1905" (40 ms for "Russian
    Revolution of 1905" at a million articles). A number a child types is the number."""
    assert forgive._matches(store, "Apollo 1968")[0].fts == '"apollo" AND "1968"'
    assert forgive._matches(store, "Apollo prog")[0].fts.endswith('"prog"*')  # letters: still a word start
    assert forgive.find(store, "Apollo 1968").hits  # and it finds
