"""``topk.prepare`` reads the vocabulary word by word (issue 11: a build's memory does
not grow with the dump): its prefixes, worked out with only one word's prefixes open,
are those of the whole-vocabulary way it replaced (kept here as the reference)."""

from __future__ import annotations

import random
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest

from kidpedia.model import Article, Text
from kidpedia.store import Store, forgive, topk


def whole_vocabulary(terms: list[tuple[str, int]], s: topk.Settings) -> list[tuple[str, int, str]]:
    """The prefixes as ``topk._prefixes`` made them with every word in memory (the reference)."""
    docs: dict[str, int] = defaultdict(int)
    best: dict[str, list[tuple[int, str]]] = defaultdict(list)
    known = dict(terms)
    for term, d in terms:
        if not term.isalpha():
            continue
        for n in range(s.min_prefix, len(term) + 1):
            p = term[:n]
            docs[p] += d
            best[p].append((-d, term))
    out = []
    for p, total in docs.items():
        if total < s.common:
            continue
        words = [t for _, t in sorted(best[p])[: s.completions]]
        if p in known and p not in words:
            words = [p, *words[: s.completions - 1]]
        out.append((p, total, " ".join(words)))
    return sorted(out)


@pytest.mark.parametrize("seed", range(6))
def test_same_prefixes_as_with_the_whole_vocabulary(seed: int) -> None:
    rng = random.Random(seed)
    letters = "abcé" if seed % 2 else "ab1日"
    words = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 7))) for _ in range(3000)}
    terms = sorted((w, rng.randint(1, 50)) for w in words)
    for s in (topk.Settings(common=5, completions=3), topk.Settings(common=60, completions=8, min_prefix=1),
              topk.Settings(common=1, completions=1, min_prefix=3)):  # fmt: skip
        assert sorted(topk._prefixes(terms, s)) == whole_vocabulary(terms, s)


def test_words_out_of_order_are_refused() -> None:
    with pytest.raises(ValueError, match="out of order"):
        list(topk._prefixes([("ab", 1), ("aa", 1)], topk.Settings()))


def test_prepare_on_a_real_sample(sample_db: Path, copy_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The stored prefixes and words of a real sample are the reference's."""
    db = copy_db(sample_db, tmp_path / "sample.db")
    s = topk.Settings(common=5, champions=30)
    made = forgive.rebuild_topk(Store(db), s)
    conn = sqlite3.connect(db)
    terms = conn.execute("SELECT term, docs FROM search_terms ORDER BY term").fetchall()
    vocab = conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search, row)")
    vocab = sorted(conn.execute("SELECT term, doc FROM temp.v").fetchall())
    stored = conn.execute("SELECT prefix, docs, terms FROM search_prefixes ORDER BY prefix").fetchall()
    assert terms == vocab and made["terms"] == len(terms) > 1000
    assert stored == whole_vocabulary(vocab, s) and made["prefixes"] == len(stored) > 1000


def test_champions_of_several_editions(tmp_path: Path) -> None:
    """A store of two editions with a common word: each edition keeps its best articles
    (the query once failed there: bm25() in a join, refused by SQLite 3.40)."""
    store = Store(tmp_path / "two.db", create=True)
    for lang in ("en", "fr"):
        arts = [Article(title=f"{lang} {i}", lang=lang, lead=(Text("river " * (i + 1) + f"word{i} sea"),))
                for i in range(6)]  # fmt: skip
        store.add(arts, [])
    made = forgive.rebuild_topk(store, topk.Settings(common=3, champions=2))
    assert made["champions"] > 0
    conn = sqlite3.connect(tmp_path / "two.db")
    for lang in ("en", "fr"):
        got = conn.execute(
            "SELECT article_id, score FROM search_top WHERE lang = ? AND term = 'river' ORDER BY score, article_id",
            (lang,),
        ).fetchall()
        want = conn.execute(
            f"SELECT rowid, {topk.BM25} AS r FROM search WHERE search MATCH 'river'"
            " AND rowid IN (SELECT id FROM articles WHERE lang = ?) ORDER BY r, rowid LIMIT 2",
            (lang,),
        ).fetchall()
        assert got == want and len(got) == 2
