"""Safety in every edition, on the real ja, uk, vi and el dumps: the sentences removed
from their complete pages are exactly the ones a person read and listed in
tests/data/safety/real_removals.yaml (none innocent), and no page is excluded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from kidpedia.errors import KidpediaError
from kidpedia.kidify import safety
from kidpedia.model import Article, RawPage
from kidpedia.pipeline import unjudged
from kidpedia.sources.dump import iter_pages

DATA = Path(__file__).resolve().parent.parent / "data"
EXPECTED = yaml.safe_load((DATA / "safety" / "real_removals.yaml").read_text("utf-8"))


def _complete_pages(path: Path) -> Iterator[RawPage]:
    try:
        yield from iter_pages(path)
    except KidpediaError:
        return  # a truncated dump: every page before the cut


@pytest.mark.slow
@pytest.mark.parametrize("dump", ["jawiki", "ukwiki", "viwiki", "elwiki"])
def test_real_pages_lose_only_the_listed_sentences(dump: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / "dumps" / f"{dump}-2023-truncated.xml.bz2"
    tally = safety._Tally()
    excluded = []
    for raw in _complete_pages(path):
        article = unjudged(raw)
        if isinstance(article, Article):
            safety._clean(article, safety.level_named("default"), tally)
            decision = safety.judge(safety.clean(article))
            if not decision.keep:
                excluded.append((article.title, decision.reason))
    removed = [text for _, _, text in tally.log]
    with capsys.disabled():
        print(f"\n{dump}: {tally.removed} of {tally.seen} sentences removed, {len(excluded)} pages excluded")
    assert not excluded
    expected = EXPECTED[dump]
    assert len(removed) == len(expected), removed
    for text in removed:
        assert any(text.startswith(start) for start in expected), f"not on the reviewed list: {text!r}"
