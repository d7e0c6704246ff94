"""The spelling index: our own titles' and texts' words, for "did you mean".

SymSpell's idea, kept in SQLite so it costs no memory and survives restarts: every
word of the edition (``spell_words``, with how many articles use it; a title's words
count extra) and every form of it with one letter deleted (``spell_deletes``). A
query word we do not know is looked up by its own one- and two-letter deletions;
the words they meet are within two edits (a swapped pair of letters is one edit),
checked with the Damerau-Levenshtein distance. The nearest wins, then the most used.

Words come from every title and redirect title, and (for a single-edition database)
from the search index's vocabulary (``fts5vocab``) where at least two articles use
them. Only alphabetic words of 3 letters or more are corrected; CJK runs never are.
``build_spelling`` runs at the end of a build; a database built before it has none
and gets it on first use when the file is writable (searches go on without it).
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable

from kidpedia.store.scripts import has_cjk

MIN_WORD = 3
TITLE_WEIGHT = 50  # a word of a title counts as this many articles using it
MIN_BODY_DOCS = 2
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS spell_words (
    lang TEXT NOT NULL, word TEXT NOT NULL, freq INTEGER NOT NULL, PRIMARY KEY (lang, word)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS spell_deletes (
    lang TEXT NOT NULL, del TEXT NOT NULL, word TEXT NOT NULL, PRIMARY KEY (lang, del, word)
) WITHOUT ROWID;
"""


def words_of(key: str) -> list[str]:
    """The correctable words of a folded text (letters only, 3 or more, no CJK)."""
    return [w for w in _WORD.findall(key) if len(w) >= MIN_WORD and not has_cjk(w)]


def deletes(word: str, depth: int = 1) -> set[str]:
    """``word`` with up to ``depth`` letters deleted (itself included)."""
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w)) if len(w) > 1}
        out |= frontier
    return out


def distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment): a swapped pair is one edit."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def has_spelling(conn: sqlite3.Connection) -> bool:
    return bool(
        conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'spell_words'").fetchone()
    )


def build_spelling(conn: sqlite3.Connection, fold: Callable[[str], str]) -> int:
    """(Re)build the spelling index of every edition; returns how many words it holds."""
    langs = [r[0] for r in conn.execute("SELECT DISTINCT lang FROM articles")]
    with conn:
        conn.executescript(_SCHEMA)
        conn.execute("DELETE FROM spell_words")
        conn.execute("DELETE FROM spell_deletes")
        total = 0
        for lang in langs:
            freq: Counter[str] = Counter()
            titles = conn.execute(
                "SELECT title FROM articles WHERE lang = ? UNION ALL SELECT title FROM redirects WHERE lang = ?",
                (lang, lang),
            )
            for (title,) in titles:
                for w in words_of(fold(title)):
                    freq[w] += TITLE_WEIGHT
            if len(langs) == 1:
                freq.update(_body_words(conn))
            _store(conn, lang, freq.items())
            total += len(freq)
    return total


def _body_words(conn: sqlite3.Connection) -> dict[str, int]:
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search, row)")
    rows = conn.execute("SELECT term, doc FROM temp.search_vocab WHERE doc >= ?", (MIN_BODY_DOCS,))
    return {t: d for t, d in rows if words_of(t) == [t]}


def _store(conn: sqlite3.Connection, lang: str, words: Iterable[tuple[str, int]]) -> None:
    items = list(words)
    conn.executemany("INSERT OR REPLACE INTO spell_words VALUES (?, ?, ?)", [(lang, w, f) for w, f in items])
    conn.executemany(
        "INSERT OR IGNORE INTO spell_deletes VALUES (?, ?, ?)",
        ((lang, d, w) for w, _ in items for d in deletes(w)),
    )


def known(conn: sqlite3.Connection, lang: str, words: list[str]) -> set[str]:
    if not words:
        return set()
    marks = ",".join("?" * len(words))
    rows = conn.execute(f"SELECT word FROM spell_words WHERE lang = ? AND word IN ({marks})", [lang, *words])
    return {r[0] for r in rows}


# Letters children write for the sound they hear (f for ph, k for ch): a word spelt
# by sound is looked up as written and with each of these put back (one edit each).
SOUNDS = (("f", "ph"), ("k", "ch"), ("k", "c"), ("s", "c"), ("i", "y"))


def sound_spellings(word: str) -> list[str]:
    """``word`` with every use of one sound written the other way, for each SOUNDS pair."""
    return [word.replace(heard, written) for heard, written in SOUNDS if heard in word]


def correct(
    conn: sqlite3.Connection, lang: str, word: str, allowed: Callable[[str], bool] = lambda w: True
) -> str | None:
    """The nearest known word to ``word`` (within 1 edit for words of 3-4 letters, 2
    for longer ones; a sound spelt another way counts one edit), most used first;
    None when there is none or ``word`` is known."""
    if len(word) < MIN_WORD or has_cjk(word) or known(conn, lang, [word]):
        return None
    best: tuple[int, int, str] | None = None
    for extra, form in [(0, word), *((1, f) for f in sound_spellings(word))]:
        most = (1 if len(form) < 5 else 2) - extra
        for candidate, freq in _near(conn, lang, form, max(most, 0)):
            d = distance(form, candidate) + extra
            if d <= most + extra and allowed(candidate):
                rank = (d, -freq, candidate)
                if best is None or rank < best:
                    best = rank
    return best[2] if best else None


def _near(conn: sqlite3.Connection, lang: str, word: str, most: int) -> list[tuple[str, int]]:
    """Known words that share a deletion (up to ``most`` letters of ``word``, one of theirs).
    CROSS JOIN: the deletions first. With one key (a sound spelling looked up as it is,
    "seky") SQLite walked every word of the edition and probed the deletions for each:
    50 ms a lookup at a million articles, where the deletions' index takes 0.1 ms."""
    keys = sorted(deletes(word, most))
    marks = ",".join("?" * len(keys))
    return conn.execute(
        f"SELECT DISTINCT w.word, w.freq FROM spell_deletes d CROSS JOIN spell_words w"
        f" ON w.lang = d.lang AND w.word = d.word WHERE d.lang = ? AND d.del IN ({marks})",
        [lang, *keys],
    ).fetchall()
