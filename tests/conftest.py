"""Shared fixtures: the bundled real sample dump, real wikitext pages, golden-file updating."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE_DUMP = ROOT / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="rewrite golden files from the current output (review the diff!)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def sample_dump() -> Path:
    return SAMPLE_DUMP


@pytest.fixture(scope="session")
def sample_raw_pages():
    """Every page of the bundled real enwiki sample dump (RawPage list)."""
    from kidpedia.sources.dump import iter_pages

    return list(iter_pages(SAMPLE_DUMP))


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample built once into a database (as `make run` builds it)."""
    from kidpedia.build import build

    db = tmp_path_factory.mktemp("sample") / "sample.db"
    report = build([SAMPLE_DUMP], db, workers=1)
    assert report.articles > 90, report
    return db


RAY_CHARLES_ZIM = DATA / "zim" / "wikipedia_en_ray_charles_2015-06.zim"


@pytest.fixture(scope="session")
def ray_charles_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real Ray Charles ZIM (84 articles, pictures) built once into a database."""
    from kidpedia.build import build

    db = tmp_path_factory.mktemp("ray-charles") / "rc.db"
    report = build([RAY_CHARLES_ZIM], db, workers=1)
    assert report.articles == 84 and report.pictures > 50 and not report.errors, report
    return db
