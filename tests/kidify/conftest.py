"""Fixtures for the kidify tests: the real sample dump's articles, parsed and pruned."""

from __future__ import annotations

import pytest

from kidpedia.model import Article
from kidpedia.pipeline import unjudged


@pytest.fixture(scope="session")
def sample_articles(sample_raw_pages) -> list[Article]:  # type: ignore[no-untyped-def]
    """Every article (namespace 0, not a redirect) of the bundled real enwiki sample,
    as the build sees it before the safety layer."""
    out = []
    for raw in sample_raw_pages:
        result = unjudged(raw)
        if isinstance(result, Article):
            out.append(result)
    assert len(out) == 106, len(out)
    return out
