"""``kidpedia serve`` readies the app before it listens (``web.server.settle``): the
first requests' lazy loads done in-process, then everything made so far frozen out of
the garbage collector's full passes (their pause was in the p99 of every route)."""

from __future__ import annotations

import gc
from pathlib import Path

from kidpedia.web.app import create_app
from kidpedia.web.server import settle


def test_settle_loads_what_the_first_requests_need_and_freezes_it(sample_db: Path) -> None:
    app = create_app(sample_db, headers_by_server=True)
    before = gc.get_freeze_count()
    try:
        settle(app)
        assert gc.get_freeze_count() > before + 10_000  # the app, its templates, rules and word lists
        from kidpedia.web import query

        assert query.is_blocked("a") is False  # the safety policy answers from what settle loaded
    finally:
        gc.unfreeze()
