"""Fixtures the source tests share: the real enwiki sample dump, as XML and as pages."""

from __future__ import annotations

import bz2

import pytest
from dump_helpers import ENWIKI

from kidpedia.model import RawPage
from kidpedia.sources.dump import iter_pages


@pytest.fixture(scope="session")
def enwiki_xml() -> bytes:
    return bz2.decompress(ENWIKI.read_bytes())


@pytest.fixture(scope="session")
def enwiki_pages() -> list[RawPage]:
    return list(iter_pages(ENWIKI))
