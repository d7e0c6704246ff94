"""Fixtures for the web tests: the app over the real sample, and over a hostile fixture.

``client`` serves the bundled real sample (built once per session by the shared
``sample_db`` fixture). ``hostile_client`` serves a small database holding the
SYNTHETIC SECURITY FIXTURE below (wikitext written for these tests to attack the
renderer; it is NOT a Wikipedia page) next to two real sample articles.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from kidpedia.model import Article, RawPage, Redirect
from kidpedia.pipeline import process_page
from kidpedia.sources.redirects import raw_page
from kidpedia.store import Store
from kidpedia.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# ---- SYNTHETIC SECURITY FIXTURE: hostile wikitext written for these tests -------------
# (see tests/data/web/PROVENANCE.md)

DATA = Path(__file__).resolve().parent.parent / "data" / "web"

HOSTILE_TITLE = "Hostile test page"
HOSTILE_ODD_TITLE = '"><script>alert("title")</script>'
HOSTILE_WIKITEXT = (DATA / "Hostile_test_page.wikitext").read_text("utf-8")

HOSTILE_PAGES = [
    RawPage(HOSTILE_TITLE, HOSTILE_WIKITEXT, page_id=900001),
    RawPage(HOSTILE_ODD_TITLE, "Text of an article with an [[Aardvark]] link.", page_id=900002),
    raw_page("Redirect to hostile", "#REDIRECT [[Hostile test page]]", page_id=900003),
]


def build_pages(db: Path, pages: list[RawPage]) -> list[Article]:
    """Run pages through the real build step (parse, prune, safety) into a new store."""
    articles: list[Article] = []
    redirects: list[Redirect] = []
    for raw in pages:
        result = process_page(raw)
        if isinstance(result, Article):
            articles.append(result)
        elif isinstance(result, Redirect):
            redirects.append(result)
    Store(db, create=True).add(articles, redirects)
    return articles


@pytest.fixture(scope="session")
def sample_store(sample_db: Path) -> Store:
    return Store(sample_db)


@pytest.fixture(scope="session")
def client(sample_db: Path) -> TestClient:
    return TestClient(create_app(sample_db))


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory, sample_raw_pages: list[RawPage]) -> Path:
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    real = [p for p in sample_raw_pages if p.title in ("Aardvark", "Albert Einstein")]
    assert len(real) == 2
    build_pages(db, HOSTILE_PAGES + real)
    return db


@pytest.fixture(scope="session")
def hostile_client(hostile_db: Path) -> TestClient:
    return TestClient(create_app(hostile_db))


@pytest.fixture(scope="session")
def hostile_odd_title() -> str:
    return HOSTILE_ODD_TITLE


@pytest.fixture(scope="session")
def make_client():
    """``make_client(app, **options)``: a TestClient (its import warns, so it lives here)."""
    return TestClient
