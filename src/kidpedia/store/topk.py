"""Top-k search at scale: champion lists, so a common word is never ranked article by article.

FTS5 ranks a query by computing BM25 for every article that matches it, and its BM25
first counts every article that holds each word (for the IDF). For a word most
articles have ("water", "the", "music") that is all of them: seconds a search at a
million articles. So, at the end of a build (``prepare``), for every word that at
least ``common`` articles use, we keep its ``champions`` best articles with the BM25
score that word alone gives each of them (``search_top``): BM25 is a sum over the
query's words, so a word's score in an article is the same in every query that has it.

``prepare`` first merges the FTS5 index into one segment (``optimize``): a build writes
it batch by batch, and every word looked up costs one b-tree search per segment.

At search time (``top``) a query made only of words no more common than ``common``
goes to FTS5 as before (it ranks at most ``common`` articles per word). Otherwise:

- its rare words are ranked by FTS5 (exact scores, few articles), the articles that
  also have the common words kept, each common word adding its stored score (or, for
  an article outside that word's champion list, the list's weakest score: no more
  than that is possible);
- a query of common words only: the union of their champion lists, kept where an
  article has every word, scored the same way; fewer than asked: the first
  ``fallback`` matches in index order after them (a bounded fallback, never a scan).

The last word typed is also a prefix ("alb" finds Albania). A prefix that many
articles' words start with is not handed to FTS5 (which would merge every such
word's list for each query): ``search_prefixes`` keeps, for each such prefix, its
``completions`` most used words, and the query asks for those (``expand_prefix``).

The tables hold one edition's champion lists per language. Any change to the
articles afterwards drops ``meta.topk`` (triggers), and search goes back to plain
FTS5 (right, only slower) until the next ``prepare``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

COMMON = 300  # a word in at least this many articles is ranked from its champion list
CHAMPIONS = 100  # the best articles kept per common word (pages stop at 50 results)
COMPLETIONS = 8  # the most used words a common prefix stands for
MIN_PREFIX = 2  # prefixes shorter than this are never expanded (suggest takes 2 letters)
FALLBACK = 200  # matches taken in index order when champion lists meet too few
LIKELY = 0.5  # check articles one by one for the common words when they are this likely to have them
WALK, CHECK = 1.2, 60.0  # us: FTS5 walking a query to its next match, and checking one article for it
MIN_SHARE = 0.02  # the least share of articles a common word's group is taken to have (checks to expect)
WEIGHTS = (10.0, 1.0)  # bm25(search, title weight, body weight): the same as forgive's
BM25 = f"bm25(search, {WEIGHTS[0]}, {WEIGHTS[1]})"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS search_terms (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_top (
    lang TEXT NOT NULL, term TEXT NOT NULL, article_id INTEGER NOT NULL, score REAL NOT NULL,
    PRIMARY KEY (lang, term, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS search_prefixes (
    prefix TEXT PRIMARY KEY, docs INTEGER NOT NULL, terms TEXT NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS topk_stale_insert AFTER INSERT ON articles
    BEGIN DELETE FROM meta WHERE key = 'topk'; END;
CREATE TRIGGER IF NOT EXISTS topk_stale_update AFTER UPDATE OF data, lang, title ON articles
    BEGIN DELETE FROM meta WHERE key = 'topk'; END;
CREATE TRIGGER IF NOT EXISTS topk_stale_delete AFTER DELETE ON articles
    BEGIN DELETE FROM meta WHERE key = 'topk'; END;
"""


@dataclass(frozen=True)
class Settings:
    common: int = COMMON
    champions: int = CHAMPIONS
    completions: int = COMPLETIONS
    min_prefix: int = MIN_PREFIX


def prepare(conn: sqlite3.Connection, settings: Settings | None = None) -> dict[str, int]:
    """(Re)build the word counts, champion lists and prefix completions (the end of a
    build). Returns how many of each it made."""
    settings = settings or Settings()
    langs = [r[0] for r in conn.execute("SELECT DISTINCT lang FROM articles ORDER BY lang")]
    with conn:
        # One segment: a word is then one b-tree lookup, not one per segment of an index
        # written batch by batch (checking an article for a word: ~20x faster).
        conn.execute("INSERT INTO search(search) VALUES ('optimize')")
        conn.executescript(_SCHEMA)
        conn.execute("DELETE FROM meta WHERE key = 'topk'")
        for table in ("search_terms", "search_top", "search_prefixes"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.topk_vocab USING fts5vocab(main, search, row)")
        # Word by word, never the whole vocabulary in memory (a full Wikipedia has millions
        # of words): the build's memory stays flat (issue 11).
        conn.execute("INSERT INTO search_terms SELECT term, doc FROM temp.topk_vocab")
        n_terms = conn.execute("SELECT count(*) FROM search_terms").fetchone()[0]
        common = [t for (t,) in conn.execute(
            "SELECT term FROM search_terms WHERE docs >= ? ORDER BY term", (settings.common,))]  # fmt: skip
        champions = 0
        for term in common:
            champions += _champions(conn, term, langs, settings.champions)
        n_prefixes = 0
        for row in _prefixes(conn.execute("SELECT term, docs FROM search_terms ORDER BY term"), settings):
            conn.execute("INSERT INTO search_prefixes VALUES (?, ?, ?)", row)
            n_prefixes += 1
        rare, listed = _complete_lists(conn, langs, settings.common)
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES ('topk', ?)",
            (json.dumps({"common": settings.common, "champions": settings.champions, "langs": langs,
                         "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                         "complete": True}),),
        )
    return {"terms": n_terms, "common": len(common), "champions": champions, "prefixes": n_prefixes,
            "rare": rare, "rare_listed": listed}


def upgrade(conn: sqlite3.Connection) -> dict[str, int] | None:
    """Add to champion lists made before ``complete`` lists came (a store built
    earlier) what ``prepare`` now makes: the complete lists of the rare words common
    prefixes stand for, without ranking every common word again. None when there is
    nothing to add (no champion lists, or they have them)."""
    made = settings(conn)
    if made is None or made.get("complete"):
        return None
    with conn:
        conn.executescript(_SCHEMA)
        rare, listed = _complete_lists(conn, list(made["langs"]), int(made["common"]))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('topk', ?)", (json.dumps({**made, "complete": True}),))
    return {"rare": rare, "rare_listed": listed}


def _complete_lists(conn: sqlite3.Connection, langs: list[str], common: int) -> tuple[int, int]:
    """Every article, with its score, of each rare word (fewer than ``common`` articles)
    that a common prefix stands for: a query typed so far ("plant cel", or a whole word
    that is also a prefix, "red sea") is its prefix's most used words, often a few rare
    ones beside common ones, and FTS5 scored every article of those rare words at each
    search (hundreds: the slowest part of such a search). Their lists are complete, so
    their scores are exact. The words come through a temporary table (memory stays flat)."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS topk_rare (term TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute("DELETE FROM temp.topk_rare")
    for (terms,) in conn.execute("SELECT terms FROM search_prefixes"):
        conn.executemany("INSERT OR IGNORE INTO temp.topk_rare VALUES (?)", [(t,) for t in str(terms).split()])
    rare = [t for (t,) in conn.execute(
        "SELECT r.term FROM temp.topk_rare r JOIN search_terms s ON s.term = r.term WHERE s.docs < ? ORDER BY r.term",
        (common,))]  # fmt: skip
    conn.execute("DELETE FROM temp.topk_rare")
    listed = 0
    for term in rare:
        listed += _champions(conn, term, langs, common)
    return len(rare), listed


def _champions(conn: sqlite3.Connection, term: str, langs: list[str], n: int) -> int:
    match = _quote(term)
    if len(langs) == 1:
        rows = [
            (langs[0], term, i, s)
            for i, s in conn.execute(
                f"SELECT rowid, {BM25} AS rank FROM search WHERE search MATCH ? ORDER BY rank, rowid LIMIT ?",
                (match, n),
            )
        ]
    else:
        rows = _best_per_lang(conn, term, match, langs, n)
    conn.executemany("INSERT INTO search_top VALUES (?, ?, ?, ?)", rows)
    return len(rows)


def _best_per_lang(conn: sqlite3.Connection, term: str, match: str, langs: list[str], n: int) -> list:
    """Each edition's ``n`` best articles for ``term`` (by rank, then rowid: what
    ``ORDER BY rank, rowid LIMIT n`` of a query per edition gives), from one walk of the
    word's matches (bm25() cannot sit under a window function; a query per edition
    scored every match once per edition). Memory: at most 4 n rows per edition."""
    best: dict[str, list[tuple[float, int]]] = {}
    for lang, i, score in conn.execute(
        f"SELECT a.lang, search.rowid, {BM25} FROM search CROSS JOIN articles a ON a.id = search.rowid"
        " WHERE search MATCH ?",
        (match,),
    ):
        kept = best.get(lang)
        if kept is None:
            best[lang] = kept = []
        kept.append((score, i))
        if len(kept) > 4 * n:
            kept.sort()
            del kept[n:]
    rows = []
    for lang in langs:
        rows += [(lang, term, i, score) for score, i in sorted(best.get(lang, ()))[:n]]
    return rows


class _Prefix:
    """One prefix while its words go by: their articles, its most used words so far."""

    __slots__ = ("best", "docs", "is_word", "prefix")

    def __init__(self, prefix: str, is_word: bool) -> None:
        self.prefix, self.docs, self.is_word = prefix, 0, is_word
        self.best: list[tuple[int, str]] = []


def _prefixes(terms: Iterable[tuple[str, int]], s: Settings) -> Iterator[tuple[str, int, str]]:
    """Prefixes whose words together are in at least ``common`` articles, each with its
    most used words (the prefix itself first when it is a word), as each one closes.

    ``terms`` come in order (as ``ORDER BY term`` gives them): the words of a prefix are
    then one run, so only the prefixes of the word in hand are open, each keeping its
    ``completions`` best words: memory is one word's prefixes, whatever the vocabulary.
    Looking one word ahead, the prefixes a word shares with neither neighbour (most of a
    long word's, and every one of a Japanese run's) are its alone: their count is the
    word's own, so they are told at once, without keeping them open."""
    open_: list[_Prefix] = []  # the prefixes shared with a neighbour, shortest first
    last = ""

    def close(keep: int) -> Iterator[tuple[str, int, str]]:
        while len(open_) > keep:
            p = open_.pop()
            if p.docs >= s.common:
                words = [t for _, t in sorted(p.best)[: s.completions]]
                if p.is_word and p.prefix not in words:
                    words = [p.prefix, *words[: s.completions - 1]]
                yield p.prefix, p.docs, " ".join(words)

    def lcp(a: str, b: str) -> int:
        n, most = 0, min(len(a), len(b))
        while n < most and a[n] == b[n]:
            n += 1
        return n

    def word(term: str, d: int, before: int, after: int) -> Iterator[tuple[str, int, str]]:
        """``term`` (``d`` articles), sharing ``before``/``after`` letters with its neighbours."""
        for n in range(s.min_prefix + len(open_), min(len(term), after) + 1):
            open_.append(_Prefix(term[:n], n == len(term)))
        for p in open_:
            p.docs += d
            p.best.append((-d, term))
            if len(p.best) > 4 * s.completions:
                p.best = sorted(p.best)[: s.completions]
        if d >= s.common:  # its own prefixes, longest first (as closing them would give)
            for n in range(len(term), max(before, after, s.min_prefix - 1), -1):
                yield term[:n], d, term
        yield from close(max(0, after - s.min_prefix + 1))

    held: tuple[str, int, int] | None = None  # a word waiting for the next: (term, docs, shared before)
    for term, d in terms:
        if not term.isalpha():
            continue
        if term <= last:
            raise ValueError(f"words out of order: {last!r} then {term!r}")
        shared = lcp(last, term)
        if held is not None:
            yield from word(held[0], held[1], held[2], shared)
        held, last = (term, d, shared), term
    if held is not None:
        yield from word(held[0], held[1], held[2], 0)


def _quote(term: str) -> str:
    return '"' + term.replace('"', "") + '"'


ASK: Any = object()  # ``made`` not given: read the settings (``settings``)


class Known:
    """What searches have read of the word counts, champion lists and prefix words,
    kept between searches on one connection while the database does not change (the
    caller keeps it with ``Store.memo``): the common words come back query after query
    ("water", "history", "state"), and each read was a query and a hundred rows made
    into a dict (a tenth of a search at a million articles). Bounded: past
    ``MAX_ROWS`` rows it forgets everything and starts again."""

    MAX_ROWS = 250_000

    __slots__ = ("docs", "lists", "prefixes", "rows")

    def __init__(self) -> None:
        self.docs: dict[str, int | None] = {}  # None: not a word of the index
        self.lists: dict[tuple[str, str], dict[int, float]] = {}
        self.prefixes: dict[str, list[str] | None] = {}
        self.rows = 0

    def room(self, rows: int) -> None:
        """Make room for ``rows`` more (forgetting all when full)."""
        self.rows += rows
        if self.rows > self.MAX_ROWS:
            self.docs.clear()
            self.lists.clear()
            self.prefixes.clear()
            self.rows = rows


def settings(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """The settings the champion lists were made with, or None when there are none
    (never prepared, or articles changed since)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'topk'").fetchone()
    except sqlite3.OperationalError:
        return None
    return json.loads(row[0]) if row else None


def expand_prefix(
    conn: sqlite3.Connection, prefix: str, made: dict[str, Any] | None = ASK, known: Known | None = None
) -> list[str] | None:
    """The words a common prefix stands for in queries, or None: a prefix FTS5 can
    take as it is (few articles' words start with it, or no champion lists).
    ``made``: the settings, when the caller has read them; ``known``: what earlier
    searches read."""
    if (settings(conn) if made is ASK else made) is None:
        return None
    if known is not None and prefix in known.prefixes:
        return known.prefixes[prefix]
    row = conn.execute("SELECT terms FROM search_prefixes WHERE prefix = ?", (prefix,)).fetchone()
    words = str(row[0]).split() if row else None
    if known is not None:
        known.room(1)
        known.prefixes[prefix] = words
    return words


# ---- the ranking ----------------------------------------------------------------------

Group = tuple[str, ...]  # FTS5 phrases ('"word"', '"wat"*', '"植 物"'), any of which may match


def render(groups: Iterable[Group], any_term: bool = False) -> str:
    """The FTS5 query: every group (all words) or any of them; a group's phrases OR'ed."""
    parts = [g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups]
    return (" OR " if any_term else " AND ").join(parts)


def _bare(phrase: str) -> str | None:
    """The index term a phrase is, or None when it is not one term (prefix, CJK, two words)."""
    if phrase.endswith("*") or not (phrase.startswith('"') and phrase.endswith('"')):
        return None
    word = phrase[1:-1]
    return word if word and " " not in word else None


def top(
    conn: sqlite3.Connection, groups: list[Group], lang: str, k: int, any_term: bool = False,
    made: dict[str, Any] | None = ASK, matched: dict[str, set[int]] | None = None,
    many: dict[str, int] | None = None, known: Known | None = None,
) -> list[tuple[int, float]] | None:
    """The best (article id, BM25 score) of the query, best first, at least ``k`` where
    there are, or None when it has no common word (or there are no champion lists):
    then FTS5 ranks it as it is, cheaply. ``made``: the settings, when the caller has
    read them; ``matched``: FTS5 queries whose every match the caller already has
    (walking a query of common words through the index is most of such a search),
    and (``many``) about how many matches others have; ``known``: what earlier
    searches read of the lists (``Known``)."""
    s = settings(conn) if made is ASK else made
    if s is None or not groups:
        return None
    words = {t for g in groups for p in g if (t := _bare(p))}
    docs = _docs(conn, words, known)
    common = {t for t in words if docs.get(t, 0) >= s["common"]}
    if not common:
        return None
    # Rare words: their complete lists where the store has them (``_complete_lists``),
    # else FTS5 scores their articles.
    rare = {t for t in words if t in docs and t not in common} if s.get("complete") else set()
    lists = _lists(conn, lang, sorted(common | rare), known)
    full = {t for t in rare if lists.get(t)}
    parts: list[dict[int, float]] = []
    floors: list[float | None] = []  # None: the group's part lists every article having it
    for g in groups:
        listed = [lists[t] for p in g if (t := _bare(p)) in common]
        others = [p for p in g if (t := _bare(p)) not in common and t not in full]
        part: dict[int, float] = {}
        if others:
            part = dict(conn.execute(
                f"SELECT rowid, {BM25} FROM search WHERE search MATCH ?", (render([tuple(others)]),)
            ).fetchall())
        for lst in [lists[t] for p in g if (t := _bare(p)) in full] + listed:
            for i, v in lst.items():
                part[i] = part.get(i, 0.0) + v
        parts.append(part)
        floors.append(max(max(lst.values()) for lst in listed if lst) if any(listed) else None)
    if any_term:
        ranked: dict[int, float] = defaultdict(float)
        for part in parts:
            for i, v in part.items():
                ranked[i] += v
        return sorted(ranked.items(), key=lambda r: (r[1], r[0]))
    complete = [set(p) for p, f in zip(parts, floors) if f is None]  # rare groups: all their articles
    hard = [(p, g) for p, f, g in zip(parts, floors, groups) if f is not None]
    ids = set.intersection(*complete) if complete else set().union(*parts)
    ranked = dict(parts[0])  # one group: its part; more: each group's score added in turn, as sum() would
    if len(parts) > 1:  # (a dict a group, not a generator an article: a tenth of a search at 1 M)
        first, default = parts[0], floors[0] or 0.0
        ranked = {i: first.get(i, default) for i in ids}
        for p, f in zip(parts[1:], floors[1:]):
            default = f or 0.0
            ranked = {i: v + p.get(i, default) for i, v in ranked.items()}
    if len(groups) > 1 and ranked:  # keep the articles that have every word
        # Checking one article is cheap when it has the words, dear when not (FTS5 seeks
        # on to the next match): check one by one where nearly all have them ("the"),
        # else let FTS5 walk the query once (its rarest word leads).
        total = max(1, int(s.get("articles", 0)) or max(docs.values()))
        likely = 1.0
        for _, g in hard:
            likely *= min(1.0, max(docs.get(_bare(p) or "", 0) for p in g) / total)
        if likely >= LIKELY:
            ranked = _verified(conn, hard, ranked, k, exhaustive=bool(complete))
        else:
            match = render(groups)
            walked = (matched or {}).get(match)
            # Best first, about k / (the share of articles having the rarest group) are
            # checked before k are found (never more than there are).
            rarest = min(min(1.0, max(docs.get(_bare(p) or "", 0) for p in g) / total) for _, g in hard)
            checks = min(len(ranked), k / max(rarest, MIN_SHARE))
            if walked is None and (many or {}).get(match, 0) * WALK > CHECK * checks:
                # Tens of thousands of matches and a few hundred candidates: checking
                # candidates, best first until ``k`` have every word, costs less than walking
                # every match (~60 against ~1.2 us here). The top ``k`` are the same: the ones
                # not checked come after them in the order the result is sorted by.
                have = set(_verified(conn, hard, ranked, k, exhaustive=True))
                firsts = [r[0] for r in conn.execute(
                    "SELECT rowid FROM search WHERE search MATCH ? LIMIT ?", (match, FALLBACK))]  # fmt: skip
            elif walked is not None:
                have, firsts = walked, sorted(walked)[:FALLBACK]
            else:
                have = _walked(conn, match, ranked)
                firsts = [] if complete else [r[0] for r in conn.execute(
                    "SELECT rowid FROM search WHERE search MATCH ? LIMIT ?", (match, FALLBACK))]  # fmt: skip
            ranked = {i: v for i, v in ranked.items() if i in have}
            if not complete:  # common words only: what the lists did not meet comes after
                floor = sum(f or 0.0 for f in floors)
                for i in firsts:
                    ranked.setdefault(i, floor)
    if not complete and len(ranked) < k:  # champion lists met too few: bounded fallback
        floor = sum(f or 0.0 for f in floors)
        walked = (matched or {}).get(render(groups))
        fallback = sorted(walked)[:FALLBACK] if walked is not None else [r[0] for r in conn.execute(
            "SELECT rowid FROM search WHERE search MATCH ? LIMIT ?", (render(groups), FALLBACK))]  # fmt: skip
        for i in fallback:
            ranked.setdefault(i, floor)
    return sorted(ranked.items(), key=lambda r: (r[1], r[0]))


def term_docs(conn: sqlite3.Connection, words: set[str], known: Known | None = None) -> dict[str, int]:
    """How many articles have each of ``words`` (those the index has)."""
    return _docs(conn, words, known)


def _docs(conn: sqlite3.Connection, words: set[str], known: Known | None = None) -> dict[str, int]:
    if not words:
        return {}
    if known is None:
        return _read_docs(conn, words)
    have = {w: known.docs[w] for w in words if w in known.docs}
    missing = [w for w in words if w not in have]
    if missing:
        got = _read_docs(conn, set(missing))
        known.room(len(missing))  # (may forget what ``have`` holds already)
        for w in missing:
            known.docs[w] = have[w] = got.get(w)
    return {w: d for w, d in have.items() if d is not None}


def _read_docs(conn: sqlite3.Connection, words: set[str]) -> dict[str, int]:
    marks = ",".join("?" * len(words))
    return dict(conn.execute(f"SELECT term, docs FROM search_terms WHERE term IN ({marks})", sorted(words)).fetchall())


def _lists(
    conn: sqlite3.Connection, lang: str, terms: list[str], known: Known | None = None
) -> dict[str, dict[int, float]]:
    """Each term's champion list in ``lang`` (article id -> its score); not to be changed
    (``known`` hands the same dicts to later searches)."""
    if known is None:
        return _read_lists(conn, lang, terms)
    have = {t: known.lists[(lang, t)] for t in terms if (lang, t) in known.lists}
    missing = [t for t in terms if t not in have]
    if missing:
        got = _read_lists(conn, lang, missing)
        known.room(sum(len(v) + 1 for v in got.values()))  # (may forget what ``have`` holds already)
        for t in missing:
            known.lists[(lang, t)] = have[t] = got[t]
    return have


def _read_lists(conn: sqlite3.Connection, lang: str, terms: list[str]) -> dict[str, dict[int, float]]:
    # A query per word, its rows made into a dict by dict() itself: one query for all
    # the words, each row put in its word's dict by Python, took 2.3x as long.
    return {t: dict(conn.execute(_LIST, (lang, t))) for t in terms}


_LIST = "SELECT article_id, score FROM search_top WHERE lang = ? AND term = ?"


def _verified(
    conn: sqlite3.Connection, hard: list[tuple[dict[int, float], Group]], ranked: dict[int, float], k: int,
    exhaustive: bool,
) -> dict[int, float]:
    """The best of ``ranked`` that have every group of ``hard`` (each group's part: the
    articles known to have it), at least ``k`` where there are: an article in every
    part has its words; the others are checked, best first, a batch at a time, until
    ``k`` are found (``exhaustive``: all of them if need be; else one batch, and the
    caller's fallback fills up). An article is checked only for the groups whose part
    it is not in: a word's check costs about the same for each article (~11 us here a
    phrase), and a common prefix's group is eight of them."""
    parts = [p for p, _ in hard]
    order = sorted(ranked, key=lambda i: (ranked[i], i))
    out: dict[int, float] = {}
    batch: dict[tuple[int, ...], set[int]] = defaultdict(set)  # the groups to check -> articles
    waiting = 0
    for n, i in enumerate(order):
        lacking = tuple(j for j, p in enumerate(parts) if i not in p)
        if not lacking:
            out[i] = ranked[i]
        else:
            batch[lacking].add(i)
            waiting += 1
        if waiting >= 2 * k or n == len(order) - 1:
            for lacking, ids in batch.items():
                found = having(conn, render([hard[j][1] for j in lacking]), ids)
                out.update((j, ranked[j]) for j in found)
            batch.clear()
            waiting = 0
            if len(out) >= k or not exhaustive:
                break
    return out


def _walked(conn: sqlite3.Connection, match: str, candidates: Iterable[int]) -> set[int]:
    """The ``candidates`` that match ``match``, from one walk of its every match inside
    SQLite (``+rowid``: the candidates are not handed to FTS5 one by one, ``having``'s
    way): two common words have ~10,000 matches at a million articles, and bringing each
    one into Python cost about as much again as the walk."""
    return {r[0] for r in conn.execute(
        "SELECT rowid FROM search WHERE search MATCH ? AND +rowid IN (SELECT value FROM json_each(?))",
        (match, json.dumps(sorted(candidates))),
    )}


def having(conn: sqlite3.Connection, match: str, candidates: set[int]) -> set[int]:
    """The articles of ``candidates`` that match ``match`` (a few hundred index seeks)."""
    ids = sorted(candidates)
    have: set[int] = set()
    for n in range(0, len(ids), 500):
        chunk = ids[n : n + 500]
        marks = ",".join("?" * len(chunk))
        have.update(r[0] for r in conn.execute(
            f"SELECT rowid FROM search WHERE search MATCH ? AND rowid IN ({marks})", (match, *chunk)
        ))
    return have
