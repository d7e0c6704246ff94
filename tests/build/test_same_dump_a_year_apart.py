"""The same dump built a year apart gives byte-identical pages: ages and "years ago"
are counted to each page's revision date, never the clock (the clock is faked here
with freezegun, one build in December 2026 and one in December 2027).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from freezegun import freeze_time

from kidpedia.build import build
from kidpedia.export.text import article_to_text
from kidpedia.model import article_from_json

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLE = ROOT / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"
MILSTEAD = ROOT / "tests" / "data" / "wikitext" / "Charlie-Milstead.txt"


def _pages(db: Path) -> dict[tuple[str, str], str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT lang, title, data FROM articles ORDER BY lang, title").fetchall()
    return {(lang, title): article_to_text(article_from_json(json.loads(j))) for lang, title, j in rows}


def _build_on(day: str, db: Path) -> dict[tuple[str, str], str]:
    with freeze_time(day, tick=True):
        build([SAMPLE, MILSTEAD], db)
    return _pages(db)


def test_same_dump_a_year_apart_gives_the_same_pages(tmp_path: Path) -> None:
    first = _build_on("2026-12-01", tmp_path / "a.db")
    second = _build_on("2027-12-01", tmp_path / "b.db")
    assert first.keys() == second.keys() and len(first) > 90
    changed = [k for k in first if first[k] != second[k]]
    assert not changed, changed[:5]
    # The pages hold ages: counted to the revision (Agassi's page was saved on 23 April 2016).
    agassi = first[("en", "Andre Agassi")]
    assert "29 April 1970 (age 45)" in agassi
    # A wikitext file has no revision date: no age is shown rather than one from the clock.
    milstead = next(v for (lang, t), v in first.items() if "Milstead" in t)
    assert "21 November 1937" in milstead and "(age" not in milstead
