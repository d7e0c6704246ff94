"""``kidpedia build --levels``: every article's reading levels, made once and stored.

    build_levels(db, progress=None) -> int     articles given levels (those still without)

For each article of each edition: levels 1 and 2 (``kidify.levels.at_level``) stored as
JSON, and the measures of all three (``kidify.reading.article_measures``), in the
``article_levels`` table (store/levels.py). Articles that already have their levels are
skipped, so an interrupted run resumes; a changed article loses its rows (a trigger) and
gets them again on the next run.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kidpedia.kidify import levels, reading
from kidpedia.store import Store
from kidpedia.store.levels import put_levels, titles_without_levels


def build_levels(db: Path, progress: Callable[[int, int], None] | None = None) -> int:
    store = Store(db)
    done = 0
    for lang in store.languages():
        titles = titles_without_levels(store, lang)
        for i, title in enumerate(titles, 1):
            article = store.get(title, lang)
            if article is None:
                continue
            rows: dict[int, tuple[dict | None, dict]] = {3: (None, reading.article_measures(article))}  # type: ignore[type-arg]
            for level in (2, 1):
                at = levels.at_level(article, level)
                rows[level] = (at.to_json(), reading.article_measures(at))
            put_levels(store, title, lang, rows)
            done += 1
            if progress:
                progress(i, len(titles))
    return done
