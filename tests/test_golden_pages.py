"""Golden pages: a real Wikipedia page in, the kids' page (json and text) out.

Each golden file was reviewed by eye against the original wikitext once; any change
in output shows up here as a diff. Rewrite on purpose with `pytest --update-golden`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kidpedia.export.text import article_to_text
from kidpedia.model import Article
from kidpedia.pipeline import process_page

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "pages"
WIKITEXT = HERE / "data" / "wikitext"

# Pages of the bundled real enwiki sample dump.
DUMP_TITLES = [
    "Albert Einstein",
    "Aardvark",
    "Algeria",
    "American Revolutionary War",
    "Abraham Lincoln",
    "Alabama",
    "Amphibian",
    "Aristotle",
    "Autism",
    "Andorra",
]
# Real wikitext files (other languages and shapes: German, Faroese, Afrikaans, a list page).
FILES = [
    "BBDO.txt",
    "Bazooka.txt",
    "fowiki-Klaksvikar_kommuna.wikitext.txt",
    "Damphu-drum.txt",
    "Wendy-Mogel.txt",
    "earthquakes.txt",
    "list.txt",
    "anarchism.txt",
    "africaans.txt",
    "HMS-Irresistible.txt",
]


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()


def _json(article) -> str:  # type: ignore[no-untyped-def]
    data = article.to_json()
    data.pop("stats", None)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _check(name: str, article, update: bool) -> None:  # type: ignore[no-untyped-def]
    for suffix, produced in ((".json", _json(article)), (".txt", article_to_text(article))):
        path = GOLDEN / (_slug(name) + suffix)
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(produced, encoding="utf-8")
            continue
        assert path.exists(), f"no golden file {path.name}: run pytest --update-golden and review it"
        assert produced == path.read_text(encoding="utf-8"), f"{path.name} differs from golden"


@pytest.mark.parametrize("title", DUMP_TITLES)
def test_dump_page_matches_golden(title: str, sample_raw_pages, update_golden: bool) -> None:
    raw = next(p for p in sample_raw_pages if p.title == title)
    article = process_page(raw)
    assert isinstance(article, Article), article
    _check(title, article, update_golden)


@pytest.mark.parametrize("name", FILES)
def test_wikitext_file_matches_golden(name: str, update_golden: bool) -> None:
    from kidpedia.sources.dump import iter_pages

    (raw,) = list(iter_pages(WIKITEXT / name))
    article = process_page(raw)
    assert isinstance(article, Article), article
    _check(name, article, update_golden)
