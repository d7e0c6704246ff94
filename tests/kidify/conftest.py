"""Fixtures for the kidify tests: the real sample dump's articles, parsed and pruned."""

from __future__ import annotations

import pytest

from kidpedia.kidify.prune import dropped_titles, prune
from kidpedia.model import Article
from kidpedia.wikitext.parse import parse_article, redirect_target


@pytest.fixture(scope="session")
def sample_articles(sample_raw_pages) -> list[Article]:  # type: ignore[no-untyped-def]
    """Every article (namespace 0, not a redirect) of the bundled real enwiki sample,
    as the build sees it before the safety layer."""
    out = []
    for raw in sample_raw_pages:
        if raw.ns != 0 or raw.redirect or redirect_target(raw.text):
            continue
        out.append(prune(parse_article(raw, dropped_titles())))
    assert len(out) == 106, len(out)
    return out
