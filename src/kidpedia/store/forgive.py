"""Search that forgives: what the results page, ``kidpedia search`` and ``/api/search``
all ask (``find``), and search-as-you-type (``suggest``).

``find(store, query)`` answers, in this order:

1. the article titled exactly ``query``, or the one a redirect of that name reaches;
2. articles with every word, the last word also as the start of a word ("alb" finds
   Albania, Albedo, Albert Einstein);
3. when that finds little and a word is not one of ours, the query spelt as our
   titles and texts spell it (``spelling.correct``): "einstien" gives
   ``did_you_mean="einstein"`` and the results are the corrected query's;
4. when fewer than a page match, articles with any of the words after those with all.

Blocked words (``blocked``, safe search) are never offered as corrections.
``short_names`` finds the article a short name means ("Lincoln": Abraham Lincoln;
"Android": Android (robot)) and ``disambiguation`` the entries a disambiguation page
offers that we have: both are shown as suggestions, never followed silently.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kidpedia.store import spelling, topk
from kidpedia.store.db import MARK_END, MARK_START, SearchHit, Store, title_key
from kidpedia.store.scripts import match_phrases, query_words

FEW = 3  # fewer results than this and we try harder (correction, then any word)
MIN_PREFIX = 3  # the last word is also a prefix when it has at least this many letters
COUNT_CAP = 1000
KEEP_CAP = COUNT_CAP  # an all-words query's matches kept for the ranking when no more than this
RERANK = 30  # BM25's best this many are reordered by how well the title fits  # results counted at most (pages stop at 50 anyway)
SNIPPET_COMMON = 0.8  # a word in more than this share of the articles does not choose snippets
UBIQUITOUS = 0.8  # ... nor does it narrow a search that has another word (``_telling``)
SEPARATOR = " | "  # pipeline.DISAMBIGUATION_SEPARATOR: how a skip's detail joins its entries
_PAREN = re.compile(r"\s*\([^)]*\)$")

Blocked = Callable[[str], bool]


@dataclass(frozen=True)
class _Query:
    """An FTS5 query as groups of phrases: every group (``any_term``: any of them), and
    a group when any of its phrases matches (a common prefix stands for its words)."""

    groups: tuple[topk.Group, ...]
    any_term: bool = False

    @property
    def fts(self) -> str:
        return topk.render(self.groups, self.any_term)


@dataclass
class Found:
    """What a search found: ``hits`` (the page asked for), ``total`` and, when the
    results are for a corrected query, ``did_you_mean`` (that query)."""

    query: str
    hits: list[SearchHit]
    total: int
    did_you_mean: str | None = None
    exact: str | None = None
    titles: list[str] = field(default_factory=list)


@dataclass
class _Asked:
    """What one search has asked the store already: the champion lists' settings (read
    once a search, not once a step), each query's FTS5 forms, the counts of its FTS5
    queries (one search counts a query once)."""

    made: dict[str, Any] | None
    known: topk.Known | None = None  # what earlier searches read of the champion lists
    matches: dict[str, list[_Query]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    matched: dict[str, set[int]] = field(default_factory=dict)  # an all-words query's every match, when few
    many: dict[str, int] = field(default_factory=dict)  # else about how many it has


def _rows(
    store: Store, q: _Query, lang: str, query: str, limit: int, offset: int, asked: _Asked | None = None,
    shown: set[str] = frozenset(), keep: int | None = None,  # type: ignore[assignment]
) -> list[SearchHit]:
    """A page of hits: BM25's best ``RERANK`` reordered by how well the title fits the
    query (exact title, then query words the title has, then title words the query
    has), later pages in BM25 order; snippets are made for the page's rows only, less
    those titled as in ``shown`` (already on the page) and after the first ``keep``.
    A query with a common word is ranked from champion lists (``topk.top``)."""
    window = max(RERANK, limit + offset) if offset < RERANK else limit + offset
    rows = _ranked(store, q, lang, window, asked=asked)
    if offset < RERANK:
        words, key = query_words(query), title_key(query.strip())
        rows.sort(key=lambda r: _fit(words, key, r[1]))
    page = [r for r in rows[offset : offset + limit] if r[1] not in shown][:keep]
    if not page:
        return []
    conn = store._conn()
    snippets = _snippets(conn, q, [r[0] for r in page], asked)
    written = store.as_written([(i, snippets.get(i, "")) for i, _, _ in page])
    return [SearchHit(t, w, -r) for (_, t, r), w in zip(page, written, strict=True)]


def _snippets(conn: sqlite3.Connection, q: _Query, ids: list[int], asked: _Asked | None = None) -> dict[int, str]:
    """Each hit's snippet: FTS5's ``snippet()`` of its text, by the query's words that
    tell articles apart. FTS5 scores a window around every place a word is against
    every other place (quadratic in them): "the" or "of", thousands of times in a long
    page, cost ~25 ms a hit. A word most of the edition's articles have
    (``SNIPPET_COMMON``) is left out of the snippet's query where the query has another
    word (it still matches and ranks); a hit the shorter query does not match (an
    any-word result) gets the whole query's snippet."""
    match = _snippet_match(conn, q, asked)
    got = _snippet_rows(conn, match, ids)
    missing = [i for i in ids if i not in got]
    if missing and match != q.fts:
        got.update(_snippet_rows(conn, q.fts, missing))
    return got


def _snippet_rows(conn: sqlite3.Connection, match: str, ids: list[int]) -> dict[int, str]:
    marks = ",".join("?" * len(ids))
    return dict(conn.execute(
        f"SELECT rowid, snippet(search, 1, ?, ?, ' … ', 24) FROM search WHERE search MATCH ? AND rowid IN ({marks})",
        (MARK_START, MARK_END, match, *ids),
    ).fetchall())


def _snippet_match(conn: sqlite3.Connection, q: _Query, asked: _Asked | None = None) -> str:
    """The FTS5 query snippets are made by: any of the query's phrases but those of a
    word in more than ``SNIPPET_COMMON`` of the articles, when the query has several
    words and one is left (word counts from the champion lists; without them, or for
    one word, the query itself)."""
    made = None if len(q.groups) < 2 else asked.made if asked else topk.settings(conn)
    total = int(made.get("articles", 0)) if made else 0
    if total <= 0:
        return q.fts
    phrases = list(dict.fromkeys(p for g in q.groups for p in g))
    docs = topk.term_docs(conn, {t for p in phrases if (t := topk._bare(p))}, asked.known if asked else None)
    kept = [p for p in phrases if docs.get(topk._bare(p) or "", 0) <= SNIPPET_COMMON * total]
    return " OR ".join(kept) if kept and len(kept) < len(phrases) else q.fts


def _ranked(
    store: Store, q: _Query, lang: str, n: int, slow: bool = False, asked: _Asked | None = None
) -> list[tuple[int, str, float]]:
    """BM25's best ``n`` (id, title, score) of one edition: from champion lists when
    the query has a common word, else (or ``slow``) FTS5 ranking every match."""
    conn = store._conn()
    made = asked.made if asked else topk.ASK
    matched, many = (asked.matched, asked.many) if asked else (None, None)
    ranked = None if slow else topk.top(conn, list(q.groups), lang, n, q.any_term, made=made, matched=matched,
                                        many=many, known=asked.known if asked else None)
    if ranked is None and isinstance(made, dict) and made.get("langs") == [lang]:
        # One edition: FTS5 ranks its matches alone, and only the best n are titled (joining
        # every match to its article before sorting them cost 1.6x as long at 1 M).
        ranked = conn.execute(
            f"SELECT rowid, {topk.BM25} AS rank FROM search WHERE search MATCH ? ORDER BY rank, rowid LIMIT ?",
            (q.fts, n),
        ).fetchall()
    if ranked is None:
        return conn.execute(
            f"SELECT a.id, a.title, {topk.BM25} AS rank FROM search JOIN articles a"
            " ON a.id = search.rowid WHERE search MATCH ? AND a.lang = ? ORDER BY rank, a.id LIMIT ?",
            (q.fts, lang, n),
        ).fetchall()
    return _ranked_titles(store, ranked, lang, n)


def _ranked_titles(store: Store, ranked: list[tuple[int, float]], lang: str, n: int) -> list[tuple[int, str, float]]:
    """The first ``n`` of ``ranked`` (id, score) that are articles of ``lang``, titled."""
    conn = store._conn()
    out: list[tuple[int, str, float]] = []
    step = max(n, 50)
    for start in range(0, len(ranked), step):
        chunk = ranked[start : start + step]
        marks = ",".join("?" * len(chunk))
        titles = {  # by id only: with "lang = ?" SQLite may walk the edition's title index
            i: t for i, t, lg in conn.execute(
                f"SELECT id, title, lang FROM articles WHERE id IN ({marks})", [i for i, _ in chunk]
            ) if lg == lang
        }
        out += [(i, titles[i], v) for i, v in chunk if i in titles]
        if len(out) >= n:
            break
    return out[:n]


def _fit(words: list[str], key: str, title: str) -> tuple[bool, int, float]:
    """Sort key: the exact title first, then titles having more of the query's words
    (as words or word starts), then titles more of whose words the query has."""
    tkey, bare, twords = _title_shape(title)
    starts = tuple(words)
    has = sum(any(t.startswith(w) for t in twords) for w in words)
    covered = sum(t.startswith(starts) for t in twords) / len(twords)
    return (tkey != key and bare != key, -has, -covered)


@lru_cache(maxsize=65536)  # every search reorders its best 30 by title: the same titles come again and again
def _title_shape(title: str) -> tuple[str, str, tuple[str, ...]]:
    """A title's key, its key without a parenthetical, and the words of that."""
    tkey = title_key(title)
    bare = _PAREN.sub("", tkey)
    return tkey, bare, tuple(query_words(bare)) or (tkey,)


def _count(store: Store, match: str, lang: str, asked: _Asked | None = None) -> int:
    """How many articles ``match`` finds (at most COUNT_CAP); ``asked``: what this
    search already asked."""
    if asked is not None and match in asked.counts:
        return asked.counts[match]
    conn = store._conn()
    made = asked.made if asked else topk.settings(conn)
    if made and made.get("langs") == [lang] and asked is not None and _every_word(asked, match):
        # One edition, all words: counting walks the index as the ranking's check that an
        # article has every word would (topk.top); the matches are kept for it when few.
        walk = max(KEEP_CAP, COUNT_CAP) + 1
        found = [r[0] for r in conn.execute("SELECT rowid FROM search WHERE search MATCH ? LIMIT ?", (match, walk))]
        if len(found) <= KEEP_CAP:
            asked.matched[match] = set(found)
        elif made.get("articles"):  # matches spread over the ids as the first KEEP_CAP are
            asked.many[match] = int(len(found) * max(1.0, int(made["articles"]) / max(1, found[-1])))
        n = min(len(found), COUNT_CAP)
    elif made and made.get("langs") == [lang]:  # one edition: every indexed row is one of its articles
        (n,) = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ? LIMIT ?)", (match, COUNT_CAP)
        ).fetchone()
    else:
        # CROSS JOIN keeps the FTS index the outer loop: with a plain JOIN SQLite walks every
        # article of the edition and probes the index for each (seconds at 20 k articles).
        (n,) = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM search CROSS JOIN articles a ON a.id = search.rowid"
            " WHERE search MATCH ? AND a.lang = ? LIMIT ?)",
            (match, lang, COUNT_CAP),
        ).fetchone()
    if asked is not None:
        asked.counts[match] = int(n)
    return int(n)


def _every_word(asked: _Asked, match: str) -> bool:
    """Whether ``match`` is an all-words query of this search, of several words (the
    ranking checks that its candidates have them all)."""
    return any(q.fts == match and not q.any_term and len(q.groups) > 1 for qs in asked.matches.values() for q in qs)


def _matches(store: Store, query: str, asked: _Asked | None = None) -> list[_Query]:
    """The FTS5 queries to try in turn: all words (the last also as a prefix; a common
    prefix as its most used words, ``topk.expand_prefix``), then any."""
    if asked is not None and query in asked.matches:
        return asked.matches[query]
    made = asked.made if asked else topk.ASK
    words = query_words(query)
    # A number is whole ("Russian Revolution of 1905"): the champion lists keep no prefix
    # of digits, and FTS5 ranked every article with a word starting "1905" (40 ms at 1 M).
    prefix = bool(words) and len(words[-1]) >= MIN_PREFIX and not words[-1].isdigit()
    phrases = match_phrases(query, prefix_last=prefix)
    if not phrases:
        return []
    telling = _telling(store._conn(), phrases, made, asked.known if asked else None)
    phrases = [p for p in phrases if p in telling]
    groups: list[topk.Group] = [(p,) for p in phrases]
    if phrases[-1].endswith("*"):
        expanded = topk.expand_prefix(store._conn(), title_key(words[-1]), made=made,
                                      known=asked.known if asked else None)
        if expanded:
            groups[-1] = tuple(f'"{w}"' for w in expanded)
    first = _Query(tuple(groups))
    if prefix and len(phrases) == 1:
        out = [first]  # one word: "word" OR nothing finds no more than "word*" did
    else:
        anywords = tuple((p,) for p in match_phrases(query) if p in telling)
        out = list({q.fts: q for q in (first, _Query(anywords, any_term=True))}.values())
    if asked is not None:
        asked.matches[query] = out
    return out


def _telling(
    conn: sqlite3.Connection, phrases: list[str], made: dict[str, Any] | None, known: topk.Known | None = None
) -> set[str]:
    """The phrases of a query that tell articles apart: all but a word more than
    ``UBIQUITOUS`` of the articles have, where the query has another word. "of" and
    "the" in "Formation and evolution of the Solar System" are in nearly every article
    and BM25 gives them nearly no weight, but walking their doclists to check each match
    had them was most of such a search at a million articles (31 of 34 ms); as
    "any word", they matched every article. Counted from the champion lists' word
    counts (``made``; without them, every phrase is kept); a prefix counts as its
    word does ("the*" is as common as "the")."""
    s = topk.settings(conn) if made is topk.ASK else made
    total = int(s.get("articles", 0)) if s else 0
    if total <= 0 or len(phrases) < 2:
        return set(phrases)
    words = {p: topk._bare(p.removesuffix("*")) or "" for p in phrases}  # "the"*: as many as "the"
    docs = topk.term_docs(conn, {t for t in words.values() if t}, known)
    kept = {p for p in phrases if docs.get(words[p], 0) <= UBIQUITOUS * total}
    return kept or set(phrases)


def _search(store: Store, query: str, lang: str, limit: int, offset: int,
            asked: _Asked | None = None) -> tuple[list[SearchHit], int]:
    """All words first; then, when fewer than a page match, any word after them."""
    matches = _matches(store, query, asked)
    if not matches:
        return [], 0
    total = _count(store, matches[0].fts, lang, asked)
    if total >= limit + offset or len(matches) == 1:
        return _rows(store, matches[0], lang, query, limit, offset, asked), total
    first = _rows(store, matches[0], lang, query, total, 0, asked)
    seen = {f.title for f in first}
    rest = _rows(store, matches[1], lang, query, limit + offset + total, 0, asked, seen, limit + offset - len(first))
    return (first + rest)[offset : offset + limit], total + _count(store, matches[1].fts, lang, asked) - len(seen)


def correction(store: Store, query: str, lang: str, blocked: Blocked) -> str | None:
    """``query`` with each word we do not know replaced by the nearest we do, or None."""
    conn = store._conn()
    if not _ensure_spelling(store, conn):
        return None
    words = query_words(query)
    changed = False
    out = []
    for w in words:
        fixed = spelling.correct(conn, lang, w, allowed=lambda c: not blocked(c))
        out.append(fixed or w)
        changed |= fixed is not None
    return " ".join(out) if changed else None


def rebuild_spelling(store: Store) -> int:
    """Make the spelling index anew (the end of every build); returns its word count."""
    return spelling.build_spelling(store._conn(), title_key)


def rebuild_topk(store: Store, settings: topk.Settings | None = None) -> dict[str, int]:
    """Make the champion lists anew (the end of every build, after the spelling index):
    what keeps search fast at a million articles (``topk``)."""
    return topk.prepare(store._conn(), settings or topk.Settings())


def _ensure_spelling(store: Store, conn: sqlite3.Connection) -> bool:
    if spelling.has_spelling(conn):
        return True
    try:
        spelling.build_spelling(conn, title_key)
    except sqlite3.OperationalError:  # read-only: search goes on without corrections
        return False
    return True


def find(
    store: Store, query: str, limit: int = 10, offset: int = 0, blocked: Blocked = lambda q: False
) -> Found:
    """The forgiving search (see the module docstring); ``query`` is already cleaned."""
    lang = store._lang(None)
    limit = max(0, min(int(limit), 100))
    offset = max(0, int(offset))
    exact = _exact(store, query)
    did_you_mean = None
    asked = _Asked(*_champions(store))
    matches = _matches(store, query, asked)
    if not exact and matches and _count(store, matches[0].fts, lang, asked) < FEW:
        fixed = correction(store, query, lang, blocked)
        fixed_matches = _matches(store, fixed, asked) if fixed else []
        if fixed and fixed_matches and (
            _count(store, fixed_matches[0].fts, lang, asked) > _count(store, matches[0].fts, lang, asked)
        ):
            query, did_you_mean = fixed, fixed
            exact = _exact(store, fixed)
    hits, total = _search(store, query, lang, limit, offset, asked)
    if exact and offset == 0:
        hits = _exact_first(store, exact, hits, lang)
        total = max(total, len(hits))
    return Found(query, hits[:limit], total, did_you_mean, exact)


def _champions(store: Store) -> tuple[dict[str, Any] | None, topk.Known]:
    """The champion lists' settings, and what searches read of them (``topk.Known``,
    kept on the connection until the database changes)."""
    return topk.settings(store._conn()), store.memo(("topk known",), topk.Known)


def _exact(store: Store, query: str) -> str | None:
    """The article titled ``query`` (or reached by a redirect of that name), also when
    the query is its plural ("astronauts"); None when there is none."""
    if not query.strip():
        return None
    for name in dict.fromkeys((query, *_singulars(query))):
        found = store.resolve(name)
        if found:
            return found[0]
    return None


def _singulars(query: str) -> list[str]:
    q = query.strip()
    out = []
    for ending, instead in (("ies", "y"), ("es", ""), ("s", "")):
        if q.lower().endswith(ending) and len(q) > len(ending) + 2:
            out.append(q[: -len(ending)] + instead)
    return out


def _exact_first(store: Store, title: str, hits: list[SearchHit], lang: str) -> list[SearchHit]:
    rest = [h for h in hits if h.title != title]
    mine = [h for h in hits if h.title == title]
    if not mine:
        article = store.get(title, lang)
        lead = article.first_paragraph() if article else ""
        mine = [SearchHit(title, lead[:160] + ("…" if len(lead) > 160 else ""), 0.0)]
    return mine + rest


# ---- suggestions ---------------------------------------------------------------------


def suggest(store: Store, prefix: str, limit: int = 8, blocked: Blocked = lambda q: False) -> list[str]:
    """Titles starting with ``prefix``, then titles with a word starting with it (by
    rank); when none, titles for the corrected spelling. Never a blocked title.
    Remembered until the database changes (``Store.memo``): a child's first letters are
    everyone's first letters."""
    return list(store.memo(("suggest", prefix, limit, blocked), lambda: tuple(_suggest(store, prefix, limit, blocked))))


def _suggest(store: Store, prefix: str, limit: int, blocked: Blocked) -> list[str]:
    out = [t for t in store.suggest(prefix, limit) if not blocked(t)]
    if len(out) < limit:
        for t in _title_words(store, prefix, limit * 2):
            if t not in out and not blocked(t):
                out.append(t)
    if not out:
        fixed = correction(store, prefix, store._lang(None), blocked)
        if fixed:
            out = [t for t in _title_words(store, fixed, limit) if not blocked(t)]
    return out[:limit]


def _title_words(store: Store, prefix: str, limit: int, slow: bool = False, whole: bool = False) -> list[str]:
    """Titles with every word of ``prefix`` (the last also as a word start, unless
    ``whole``), by rank. With a common word, the candidates are its champion lists
    (``topk``), kept where the title has the words."""
    terms = match_phrases(prefix, prefix_last=len(prefix.strip()) >= 2 and not whole)
    if not terms:
        return []
    conn = store._conn()
    lang = store._lang(None)
    made, known = _champions(store)
    groups: list[topk.Group] = [(t,) for t in terms]
    if terms[-1].endswith("*"):
        expanded = topk.expand_prefix(conn, title_key(query_words(prefix)[-1]), made=made, known=known)
        if expanded:
            groups[-1] = tuple(f'"{w}"' for w in expanded)
    match = "title : (" + topk.render(groups) + ")"
    ranked = None if slow else topk.top(conn, groups, lang, limit, made=made, known=known)
    if ranked is None:
        rows = conn.execute(
            "SELECT a.title FROM search JOIN articles a ON a.id = search.rowid"
            f" WHERE search MATCH ? AND a.lang = ? ORDER BY {topk.BM25}, a.id LIMIT ?",
            (match, lang, limit),
        ).fetchall()
        return [r[0] for r in rows]
    if whole and all(t.isascii() for t in terms):  # (short names: a word or two, whole)
        return _in_title(store, ranked, terms, match, lang, limit)
    in_title = topk.having(conn, match, {i for i, _ in ranked})
    rows = _ranked_titles(store, [(i, v) for i, v in ranked if i in in_title], lang, limit)
    return [t for _, t, _ in rows]


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def _in_title(store: Store, ranked: list[tuple[int, float]], terms: list[str], match: str, lang: str,
              limit: int) -> list[str]:
    """The first ``limit`` titles of ``ranked`` that have every one of ``terms`` (ASCII
    phrases, whole): an ASCII title is cut into words here, as unicode61 cuts ASCII (runs
    of letters and digits, lower-cased); any other is asked of FTS5 (``match``). Asking
    FTS5 of a champion list's every article (~100) was most of what a one-word search
    spent on short names at a million articles."""
    wanted = [tuple(_ASCII_WORD.findall(t.strip('"').lower())) for t in terms]
    titled = _ranked_titles(store, ranked, lang, len(ranked))
    other = {i for i, t, _ in titled if not t.isascii()}
    in_fts = topk.having(store._conn(), match, other) if other else set()

    def has(title: str) -> bool:
        words = _ASCII_WORD.findall(title.lower())
        return all(any(tuple(words[k : k + len(w)]) == w for k in range(len(words))) for w in wanted)

    return [t for i, t, _ in titled if (i in in_fts if i in other else has(t))][:limit]


# ---- short names and disambiguation pages --------------------------------------------


def short_names(store: Store, name: str, limit: int = 5) -> list[str]:
    """Articles a short name means when no article or redirect has it: a person's
    last name ("Einstein"), a title without its parenthetical ("Android")."""
    key = title_key(name.strip())
    if not key or store.resolve(name):
        return []
    if " " in key:  # only "Blue whale (film)": the title index, never the search index (two
        # common words, "also state", walked every article having both: seconds at 1 M)
        rows = store._conn().execute(
            "SELECT title, title_key FROM articles WHERE lang = ? AND title_key >= ? AND title_key < ?"
            " ORDER BY title_key, id LIMIT 50", (store._lang(None), key + " (", key + " )"),
        ).fetchall()
        return [title for title, t in rows if _PAREN.sub("", t) == key][:limit]
    out = []
    for title in _title_words(store, name, 50, whole=True):  # whole words: "cell" never means "cellist" here
        t = title_key(title)
        bare = _PAREN.sub("", t)
        if bare == key or (bare.rsplit(" ", 1)[-1] == key and bare != key):
            out.append(title)
    return out[:limit]


def disambiguation(store: Store, title: str, separator: str = SEPARATOR) -> list[str] | None:
    """The entries of the disambiguation page ``title`` that we have (their article
    titles, in the page's order), or None when ``title`` is not a disambiguation page."""
    lang = store._lang(None)
    conn = store._conn()
    row = None
    for t in dict.fromkeys((title, title + " (disambiguation)")):
        row = conn.execute(
            "SELECT detail FROM skips WHERE lang = ? AND title = ? AND reason = 'disambiguation'", (lang, t)
        ).fetchone()
        if row:
            break
    if row is None:
        return None
    entries = [e.strip() for e in row[0].split(separator) if e.strip()]
    have = store.exists(entries)
    via = store.redirect_targets([e for e in entries if e not in have])
    out = [e if e in have else via.get(e, "") for e in entries]
    return [t for t in dict.fromkeys(out) if t]
