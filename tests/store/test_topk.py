"""Champion lists (store/topk.py): search that never ranks every article holding a
common word, and still gives what FTS5's BM25 over every match gives.

On the bundled real sample (99 articles) the lists are made with ``common=5`` and
``champions=30``, so that nearly every word is "common" and its list is cut, as at a
million articles (``bench/scale.py`` measures that store). The slow path is the same
query with the lists switched off: FTS5 ranking every match."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kidpedia.kidify.safety import is_blocked_query
from kidpedia.model import Article, Text
from kidpedia.store import Store, forgive, topk

QUALITY = Path(__file__).resolve().parent.parent / "data" / "search" / "quality.tsv"
SMALL = topk.Settings(common=5, champions=30)
EXTRA = ["the", "water", "history of music", "the war", "science", "music", "river", "king", "war",
         "new", "united states", "world war", "city", "apollo 8", "island"]  # fmt: skip


def quality_queries() -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in QUALITY.read_text("utf-8").splitlines()]
    return [(r[0], r[1]) for r in rows if len(r) == 3 and not r[0].startswith("#")]


@pytest.fixture(scope="module")
def store(sample_db: Path, copy_db, tmp_path_factory: pytest.TempPathFactory) -> Store:  # type: ignore[no-untyped-def]
    db = copy_db(sample_db, tmp_path_factory.mktemp("topk") / "sample.db")
    s = Store(db)
    made = forgive.rebuild_topk(s, SMALL)
    assert made["common"] > 1000 and made["prefixes"] > 1000, made
    return s


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Search as it was before champion lists: FTS5 ranks every match."""
    with monkeypatch.context() as m:
        m.setattr(topk, "settings", lambda conn: None)
        yield


def _top_ids(store: Store, q: forgive._Query, n: int, slow: bool) -> list[int]:
    return [r[0] for r in forgive._ranked(store, q, "en", n, slow=slow)]


def test_a_words_stored_scores_add_up_to_fts5_bm25_of_the_query(store: Store) -> None:
    """The premise: BM25 is a sum over the query's words, so a word's champion score is
    its part of any query's score."""
    conn = store._conn()
    lists = topk._lists(conn, "en", ["science", "history"])
    both = set(lists["science"]) & set(lists["history"])
    assert len(both) >= 3
    got = dict(conn.execute(
        f"SELECT rowid, {topk.BM25} FROM search WHERE search MATCH '\"science\" \"history\"'"
    ).fetchall())  # fmt: skip
    for i in both:
        assert got[i] == pytest.approx(lists["science"][i] + lists["history"][i], rel=1e-9)


def test_champion_lists_rank_as_fts5_ranking_every_match(store: Store) -> None:
    """Every query of the quality set and some common words: the same first result as
    FTS5 ranking all matches, and the same best ten, with lists cut at 30 articles."""
    compared = first = ten = 0
    differ = []
    for query in [q for q, _ in quality_queries()] + EXTRA:
        for q in forgive._matches(store, query):
            if topk.top(store._conn(), list(q.groups), "en", 10, q.any_term) is None:
                continue  # no common word: FTS5 ranks it, as before
            fast, slow = _top_ids(store, q, 10, False), _top_ids(store, q, 10, True)
            compared += 1
            first += fast[:1] == slow[:1]
            ten += set(fast) == set(slow)
            if fast[:1] != slow[:1]:
                differ.append((q.fts, fast[:3], slow[:3]))
    print(f"\nchampion lists vs FTS5 over every match: {compared} queries, first {first}, best ten {ten}")
    assert compared >= 80
    assert first / compared >= 0.97, differ
    assert ten / compared >= 0.95


def test_quality_set_holds_with_champion_lists(store: Store) -> None:
    rows = quality_queries()
    hits = 0
    for query, expected in rows:
        found = forgive.find(store, query, blocked=is_blocked_query).hits
        hits += bool(found) and found[0].title == expected
    print(f"\nsearch quality with champion lists: {hits}/{len(rows)}")
    assert hits / len(rows) >= 0.98


def test_exact_title_first_in_search_and_suggestions(store: Store) -> None:
    titles = store.titles(limit=200)
    assert len(titles) > 90
    for title in titles:
        assert forgive.find(store, title).hits[0].title == title
        assert forgive.suggest(store, title)[0] == title


def test_a_common_word_is_never_ranked_by_fts5(store: Store) -> None:
    """"the" is in nearly every article: no statement of its search computes BM25 over
    its articles (a rare word beside it, "ki", one of the words the common prefix "ki"
    stands for, comes from its complete list: no FTS5 scoring at all)."""
    seen: list[str] = []
    conn = store._conn()
    conn.set_trace_callback(seen.append)
    try:
        hits = forgive.find(store, "the").hits
        forgive.suggest(store, "the ki")
    finally:
        conn.set_trace_callback(None)
    assert len(hits) == 10
    ranked = [s for s in seen if "bm25(" in s]
    assert not [s for s in ranked if '"the"' in s], ranked
    assert ranked == [], ranked


def test_a_common_prefix_stands_for_its_most_used_words(store: Store) -> None:
    conn = store._conn()
    words = topk.expand_prefix(conn, "alb")
    assert words and "albania" in words and len(words) <= SMALL.completions
    assert topk.expand_prefix(conn, "albania")[0] == "albania"  # type: ignore[index]
    assert topk.expand_prefix(conn, "zqx") is None  # no word starts so: FTS5 takes "zqx"*
    assert "Albania" in [h.title for h in forgive.find(store, "alb").hits]


def test_changed_articles_switch_the_lists_off_until_the_next_build(
    sample_db: Path, copy_db, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    s = Store(copy_db(sample_db, tmp_path / "changed.db"))
    forgive.rebuild_topk(s, SMALL)
    assert topk.settings(s._conn()) is not None
    lead = (Text("Water Music is a set of pieces by Handel, played on the river Thames."),)
    s.add([Article(title="Water Music", lead=lead, lang="en")], [])
    assert topk.settings(s._conn()) is None
    assert forgive.find(s, "water music").hits[0].title == "Water Music"  # FTS5 sees it at once
    forgive.rebuild_topk(s, SMALL)
    assert forgive.find(s, "water music").hits[0].title == "Water Music"


def test_slow_path_switch_is_what_the_bench_compares(store: Store, slow: None) -> None:
    assert topk.top(store._conn(), [('"the"',)], "en", 10) is None
    assert forgive.find(store, "the").hits


def test_several_editions_get_their_own_champion_lists(sample_db: Path, copy_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    s = Store(copy_db(sample_db, tmp_path / "two.db"))
    lead = (Text("The water of the river runs to the sea, and the city drinks it."),)
    s.add([Article(title=f"Eau {n}", lead=lead, lang="fr") for n in range(3)], [])
    made = forgive.rebuild_topk(s, SMALL)
    assert made["champions"] > 0
    langs = dict(s._conn().execute("SELECT lang, count(*) FROM search_top WHERE term = 'the' GROUP BY lang"))
    assert langs == {"en": SMALL.champions, "fr": 3}
    fr = s.edition("fr")
    assert {h.title for h in forgive.find(fr, "the water").hits} == {"Eau 0", "Eau 1", "Eau 2"}
    assert forgive.find(s, "the water").hits[0].title not in {"Eau 0", "Eau 1", "Eau 2"}


def _rare_expansion_word(conn) -> tuple[str, str, int]:  # type: ignore[no-untyped-def]
    """A prefix whose most used words include a rare one (fewer than ``common`` articles)."""
    for prefix, terms in conn.execute("SELECT prefix, terms FROM search_prefixes ORDER BY prefix"):
        for word in terms.split():
            docs = conn.execute("SELECT docs FROM search_terms WHERE term = ?", (word,)).fetchone()[0]
            if 2 <= docs < SMALL.common and word != prefix and len(prefix) >= 3:
                return prefix, word, docs
    raise AssertionError("no rare word behind a common prefix")


def test_rare_words_behind_a_common_prefix_have_complete_lists(store: Store) -> None:
    """Each article of such a word, with the score FTS5 gives it alone: exact, so a
    search no longer asks FTS5 to score them (hundreds of articles at 1 M)."""
    conn = store._conn()
    assert topk.settings(conn)["complete"] is True  # type: ignore[index]
    _, word, docs = _rare_expansion_word(conn)
    listed = topk._lists(conn, "en", [word])[word]
    fts5 = dict(conn.execute(f"SELECT rowid, {topk.BM25} FROM search WHERE search MATCH ?", (f'"{word}"',)))
    assert len(listed) == docs and listed == pytest.approx(fts5, rel=1e-12)


def test_a_query_with_a_common_prefix_scores_no_listed_word_by_fts5(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forgive, "UBIQUITOUS", 1.01)  # "the" ranks from its list, not left out
    prefix, word, _ = _rare_expansion_word(store._conn())
    seen: list[str] = []
    conn = store._conn()
    conn.set_trace_callback(seen.append)
    try:
        hits = forgive.find(store, f"the {prefix}").hits
    finally:
        conn.set_trace_callback(None)
    assert hits
    assert not [s for s in seen if "bm25(" in s and f'"{word}"' in s], seen


def test_upgrade_adds_the_complete_lists_to_a_store_made_before_them(
    sample_db: Path, copy_db, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    s = Store(copy_db(sample_db, tmp_path / "old.db"))
    forgive.rebuild_topk(s, SMALL)
    conn = s._conn()
    before = conn.execute("SELECT * FROM search_top ORDER BY lang, term, article_id").fetchall()
    made = topk.settings(conn)
    with conn:  # as an older kidpedia left it: champion lists of common words only
        conn.execute("DELETE FROM search_top WHERE term IN (SELECT term FROM search_terms WHERE docs < ?)", (SMALL.common,))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'topk'", (json.dumps({**made, "complete": False}),))  # type: ignore[dict-item]
    assert topk.upgrade(conn)["rare_listed"] > 0  # type: ignore[index]
    assert conn.execute("SELECT * FROM search_top ORDER BY lang, term, article_id").fetchall() == before
    assert topk.settings(conn)["complete"] is True and topk.upgrade(conn) is None  # type: ignore[index]


def test_checking_candidates_instead_of_walking_every_match_gives_the_same_results(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 1 M a query of common words can have tens of thousands of matches: the count
    keeps them when few (the ranking reuses them), else estimates how many, and the
    ranking then checks its few hundred candidates one by one instead of walking them
    all. Forced here on the sample: the same hits as walking every match."""
    queries = [q for q, _ in quality_queries()] + EXTRA + ["the war", "water river", "king of the"]

    def hits() -> list[list[tuple[str, float]]]:
        return [[(h.title, round(h.score, 9)) for h in forgive.find(store, q).hits] for q in queries]

    walked = hits()
    with monkeypatch.context() as m:
        m.setattr(forgive, "KEEP_CAP", 2)  # nothing kept: an estimate instead
        m.setattr(topk, "CHECK", 0.0)  # and checking always looks cheaper
        checked = hits()
        seen: list[str] = []
        store._conn().set_trace_callback(seen.append)
        try:
            forgive.find(store, "the war")
        finally:
            store._conn().set_trace_callback(None)
    assert [s for s in seen if "rowid IN (" in s and "snippet(" not in s], seen  # the check path ran
    assert checked == walked


def test_walking_the_matches_inside_sqlite_gives_the_same_results(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two common words that the count did not keep (tens of thousands of matches at
    1 M) are walked once to see which candidates have both: inside SQLite, where only
    the candidates that match come back (``topk._walked``), rather than every match
    brought into Python and looked up there. Forced on the sample: the same hits."""
    queries = [q for q, _ in quality_queries()] + EXTRA + ["the war", "water river", "king of the"]

    def hits() -> list[list[tuple[str, float]]]:
        return [[(h.title, round(h.score, 9)) for h in forgive.find(store, q).hits] for q in queries]

    def every_match(conn, match, candidates):  # type: ignore[no-untyped-def]  # the way before
        return {r[0] for r in conn.execute("SELECT rowid FROM search WHERE search MATCH ?", (match,))}

    with monkeypatch.context() as m:
        m.setattr(forgive, "KEEP_CAP", 2)  # nothing kept: an estimate instead
        m.setattr(topk, "CHECK", 1e9)  # and walking always looks cheaper
        seen: list[str] = []
        store._conn().set_trace_callback(seen.append)
        try:
            inside = hits()
        finally:
            store._conn().set_trace_callback(None)
        m.setattr(topk, "_walked", every_match)
        brought = hits()
    assert len([s for s in seen if "json_each(" in s]) >= 5  # the walk inside SQLite ran
    assert inside == brought and sum(map(len, inside)) > 500


def test_short_names_read_ascii_titles_as_fts5_does(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A short name's candidates (a word's champion list) are kept where the title has
    the word: an ASCII title is read here, not asked of FTS5 one by one. Every word of
    the sample's titles, and every title as words: the same as asking FTS5 of them all."""
    from kidpedia.store.scripts import query_words

    titles = store.titles(limit=1000)
    names = sorted({w for t in titles for w in query_words(t)}) + ["o'brien", "don't", "king's"]
    phrases = names + [t for t in titles if " " in t][:60]

    def asked() -> list[tuple[str, list[str], list[str]]]:
        return [(n, forgive.short_names(store, n), forgive._title_words(store, n, 50, whole=True)) for n in phrases]

    here = asked()

    def by_fts5(store, ranked, terms, match, lang, limit):  # type: ignore[no-untyped-def]  # the way before
        in_title = topk.having(store._conn(), match, {i for i, _ in ranked})
        return [t for _, t, _ in forgive._ranked_titles(store, [(i, v) for i, v in ranked if i in in_title], lang, limit)]

    monkeypatch.setattr(forgive, "_in_title", by_fts5)
    assert asked() == here
    assert sum(len(x[2]) for x in here) > 150 and sum(len(x[1]) for x in here) > 10


def test_one_walk_per_word_gives_each_editions_best_as_a_query_per_edition(
    sample_db: Path, copy_db, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    """``_best_per_lang`` (one walk of a word's matches for every edition) keeps, per
    edition, the rows ``ORDER BY rank, rowid LIMIT n`` of a query per edition gives: the
    real sample with every other article moved to a second edition, common and rare
    words, lists cut short (n = 3, 30) and whole (n = 1000)."""
    s = Store(copy_db(sample_db, tmp_path / "halves.db"))
    conn = s._conn()
    with conn:
        conn.execute("UPDATE articles SET lang = 'simple' WHERE id % 2 = 0")
    langs = ["en", "simple"]
    conn.execute("CREATE VIRTUAL TABLE temp.probe_vocab USING fts5vocab(main, search, row)")
    words = [t for (t,) in conn.execute("SELECT term FROM temp.probe_vocab WHERE doc >= 2 ORDER BY doc DESC, term LIMIT 60")]
    words += [t for (t,) in conn.execute("SELECT term FROM temp.probe_vocab WHERE doc BETWEEN 2 AND 6 ORDER BY term LIMIT 60")]
    compared = 0
    for word in words:
        for n in (3, 30, 1000):
            per_edition = []
            for lang in langs:
                per_edition += [(lang, word, i, score) for i, score in conn.execute(
                    f"SELECT search.rowid, {topk.BM25} AS rank FROM search CROSS JOIN articles a ON a.id = search.rowid"
                    " WHERE search MATCH ? AND a.lang = ? ORDER BY rank, search.rowid LIMIT ?",
                    (topk._quote(word), lang, n))]  # fmt: skip
            assert topk._best_per_lang(conn, word, topk._quote(word), langs, n) == per_edition, (word, n)
            compared += len(per_edition)
    assert compared > 5000


def test_a_second_search_reads_no_list_the_first_one_read(store: Store, tmp_path: Path, copy_db) -> None:  # type: ignore[no-untyped-def]
    """What one search read of the word counts, champion lists and prefix words is
    kept on the connection (``topk.Known``): a later search with the same common words
    reads none of it again, and finds the same as a search that reads it all. A change
    to the database forgets it."""
    fresh = Store(copy_db(store.path, tmp_path / "fresh.db"))
    queries = ["history of music", "music river", "the war", "water"]
    before = {q: [h.title for h in forgive.find(fresh, q).hits] for q in queries}
    seen: list[str] = []
    conn = fresh._conn()
    conn.set_trace_callback(seen.append)
    try:
        again = {q: [h.title for h in forgive.find(fresh, q).hits] for q in reversed(queries)}
    finally:
        conn.set_trace_callback(None)
    assert again == before
    assert not [s for s in seen if "search_top" in s or "search_terms" in s or "search_prefixes" in s], seen
    uncached = Store(copy_db(store.path, tmp_path / "other.db"))
    assert {q: [h.title for h in forgive.find(uncached, q).hits] for q in queries} == before
    conn.execute("INSERT INTO meta VALUES ('a change', '1')")
    conn.commit()
    seen.clear()
    conn.set_trace_callback(seen.append)
    try:
        forgive.find(fresh, "water")
    finally:
        conn.set_trace_callback(None)
    assert [s for s in seen if "search_top" in s], seen


def test_known_forgets_everything_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    known = topk.Known()
    monkeypatch.setattr(topk.Known, "MAX_ROWS", 10)
    known.room(6)
    known.docs["a"] = 1
    known.room(3)
    assert known.docs == {"a": 1}
    known.room(3)
    assert known.docs == {} and known.rows == 3


def test_one_edition_ranks_its_matches_without_joining_each_to_its_article(sample_db: Path) -> None:
    """Where no word is common (the sample, built with the default lists: every word is
    in fewer than 300 articles), FTS5 ranks every match; in a one-edition store it ranks
    them alone and titles only the best, giving what the join over every match gave."""
    s = Store(sample_db)
    conn = s._conn()
    assert topk.settings(conn)["langs"] == ["en"]
    for query in ["relativity", "river", "history of music", "apollo moon", "king"]:
        asked = forgive._Asked(topk.settings(conn))
        q = forgive._matches(s, query, asked)[0]
        seen: list[str] = []
        conn.set_trace_callback(seen.append)
        try:
            got = forgive._ranked(s, q, "en", 30, asked=asked)
        finally:
            conn.set_trace_callback(None)
        joined = conn.execute(
            f"SELECT a.id, a.title, {topk.BM25} AS rank FROM search JOIN articles a ON a.id = search.rowid"
            " WHERE search MATCH ? AND a.lang = ? ORDER BY rank, a.id LIMIT ?", (q.fts, "en", 30)).fetchall()
        assert got == joined and len(got) > 0, query
        assert not [x for x in seen if "JOIN articles" in x], seen


def test_candidates_are_checked_best_first_and_only_for_the_words_their_lists_lack(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checking every candidate of "also incl" (898 at 1 M, each for nine phrases) took
    92 ms; best first, until a page's worth have every word, and each only for the
    groups whose lists it is not in, it takes a few. Forced onto the check path as
    above: the same hits, fewer candidates checked, no check of a word a candidate's
    list already vouches for."""
    queries = ["the war", "water river", "king of the", "history of music", "united states", "world war"]
    monkeypatch.setattr(forgive, "RERANK", 5)  # a page of 5: batches of 10 (the sample's candidates are few)

    def hits() -> list[list[tuple[str, float]]]:
        return [[(h.title, round(h.score, 9)) for h in forgive.find(store, q, limit=5).hits] for q in queries]

    walked = hits()
    checked: list[tuple[str, int]] = []
    candidates: list[int] = []
    real_having, real_verified = topk.having, topk._verified

    def having(conn, match, ids):  # type: ignore[no-untyped-def]
        checked.append((match, len(ids)))
        return real_having(conn, match, ids)

    def verified(conn, hard, ranked, k, exhaustive):  # type: ignore[no-untyped-def]
        candidates.append(len(ranked) - sum(all(i in p for p, _ in hard) for i in ranked))
        return real_verified(conn, hard, ranked, k, exhaustive)

    with monkeypatch.context() as m:
        m.setattr(forgive, "KEEP_CAP", 2)
        m.setattr(topk, "CHECK", 0.0)
        m.setattr(topk, "having", having)
        m.setattr(topk, "_verified", verified)
        assert hits() == walked
    assert checked and candidates
    assert sum(n for _, n in checked) < sum(candidates), (checked, candidates)
    assert all(" AND " not in match for match, _ in checked)  # two groups: each check is one of them
