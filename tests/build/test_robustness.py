"""Issue 12: nothing stalls, crashes or silences a build.

Every case is the real enwiki sample dump (its first pages, to keep each test a few
seconds) with the hostile input the issue found added to a copy in tmp: pages of
unclosed constructs at the sizes that stalled the parser, a 15 MB single-token
page, a page slower than its budget, a worker that dies, a second build into the
same database. The build must end with every good page, each bad one counted
under its reason.
"""

from __future__ import annotations

import bz2
import contextlib
import importlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from kidpedia.build import _process_counted, build
from kidpedia.errors import StoreError
from kidpedia.model import RawPage, Skip
from kidpedia.pool import Budgets, WorkerPool

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"
BASE_PAGES = 30

# The hostile pages of the issue, at the sizes it measured (each stalled the build:
# 29-44 s, 13 s, past 120 s) and a few more shapes of the same kind.
HOSTILE = {
    "If flood": "Start. " + "{{#if:1|" * 8_000,  # 64 KB
    "Template flood": "Start. " + "{{a|" * 8_000,  # 32 KB
    "Div flood": "Start. " + "<div>" * 16_000,
    "Big div flood": "Start. " + "<div>" * 50_000,  # 250 KB
    "Link flood": "Start. " + "[[a|" * 8_000,
    "External link flood": "Start. " + "[http://example.org " * 4_000,
    "Template and div flood": "Start. " + "{{a|<div>" * 4_000,
}


def dump_with(tmp_path: Path, extra: dict[str, str], base_pages: int = BASE_PAGES, name: str = "hostile") -> Path:
    """A copy of the real sample dump: its first ``base_pages`` pages, then ``extra``
    pages (title -> wikitext), then </mediawiki>."""
    xml = bz2.decompress(SAMPLE.read_bytes())
    end = 0
    for _ in range(base_pages):
        end = xml.index(b"</page>", end) + len(b"</page>")
    added = b"".join(
        f"\n  <page>\n    <title>{escape(title)}</title>\n    <ns>0</ns>\n    <id>{900_000 + i}</id>\n"
        f"    <revision>\n      <id>{900_000 + i}</id>\n      <timestamp>2024-01-01T00:00:00Z</timestamp>\n"
        f'      <text bytes="{len(text)}" xml:space="preserve">{escape(text)}</text>\n    </revision>\n  </page>'.encode()
        for i, (title, text) in enumerate(extra.items())
    )
    path = tmp_path / f"{name}.xml"
    path.write_bytes(xml[:end] + added + b"\n</mediawiki>\n")
    return path


def stored(db: Path) -> dict[str, str]:
    """Every title the database holds -> what it is (article, redirect or the skip reason)."""
    conn = sqlite3.connect(db)
    try:
        out = {t: "article" for (t,) in conn.execute("SELECT title FROM articles")}
        out.update({t: "redirect" for (t,) in conn.execute("SELECT title FROM redirects")})
        out.update(dict(conn.execute("SELECT title, reason FROM skips")))
        return out
    finally:
        conn.close()


@pytest.fixture(scope="module")
def intact(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The base pages built with nothing hostile: what each good page must become."""
    tmp = tmp_path_factory.mktemp("intact")
    db = tmp / "intact.db"
    report = build([dump_with(tmp, {}, name="intact")], db)
    assert report.pages == BASE_PAGES and not report.errors
    return stored(db)


def assert_good_pages_kept(db: Path, intact: dict[str, str]) -> dict[str, str]:
    got = stored(db)
    assert {t: got.get(t) for t in intact} == intact
    return {t: r for t, r in got.items() if t not in intact}


def test_hostile_pages_are_cheap_and_the_good_ones_all_kept(tmp_path, intact):
    """The shapes that stalled the parser for 13-120 s now build within a 5 s budget
    (none is too-slow), and the 15 MB single-token page is too-large, not a 1.3 GB worker."""
    pages = dict(HOSTILE)
    pages["One token"] = "x" * 15_000_000
    db = tmp_path / "hostile.db"
    report = build([dump_with(tmp_path, pages)], db, budgets=Budgets(page_timeout=5.0))
    assert report.pages == BASE_PAGES + len(pages) and not report.errors
    added = assert_good_pages_kept(db, intact)
    assert added.pop("One token") == "too-large"
    assert report.skipped["too-large"] == 1 and "too-slow" not in report.skipped
    assert set(added) == set(HOSTILE)  # each is stored (as an article or a reasoned skip)
    assert all(reason in ("article", "no-text", "empty") for reason in added.values()), added


def slow_page() -> str:
    """Real pages' text run together (5 MB): seconds to build, well over a 1 s budget."""
    from kidpedia.sources.dump import iter_pages

    texts = [p.text for p in iter_pages(SAMPLE) if p.ns == 0 and not p.redirect]
    text = ""
    while len(text) < 5_000_000:
        text += "\n".join(texts)
    return text[:5_000_000]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_page_over_its_time_budget_is_skipped_as_too_slow(tmp_path, intact, workers):
    """With workers, a watchdog ends the worker that runs the slow page (the pool replaces
    it); with one process, a timer stops the page. The rest of the batch is built."""
    db = tmp_path / "slow.db"
    budgets = Budgets(page_timeout=1.0, max_page_bytes=16 << 20)
    report = build([dump_with(tmp_path, {"Slow page": slow_page()})], db, workers=workers, budgets=budgets)
    added = assert_good_pages_kept(db, intact)
    assert added == {"Slow page": "too-slow"} and report.skipped["too-slow"] == 1
    assert report.pages == BASE_PAGES + 1


def test_max_page_bytes_is_the_operators(tmp_path, intact):
    db = tmp_path / "small.db"
    report = build([dump_with(tmp_path, {"Long page": "Words. " * 60_000})], db,
                   budgets=Budgets(max_page_bytes=300_000))
    assert assert_good_pages_kept(db, intact) == {"Long page": "too-large"}
    assert report.skipped["too-large"] == 1


def dies_on_kill_me(args: tuple) -> tuple:
    """A worker task that dies (as under the out-of-memory killer) on the page "Kill me"."""
    if any(p is not None and p.title == "Kill me" for p in args[0]):
        os._exit(9)
    return _process_counted(args)


@pytest.mark.slow  # four pools are started, each warming up its workers
def test_a_page_that_kills_its_worker_is_worker_died_and_the_rest_is_built():
    """The batch is retried once, then run page by page: only the page that kills its
    worker each time is lost, as ``worker-died``; results stay in source order."""
    from kidpedia.sources.dump import iter_pages

    pages = list(iter_pages(SAMPLE))[:12]
    killer = RawPage(title="Kill me", text="Hello. " * 10)
    batches = [pages[:4], pages[4:8] + [killer], pages[8:]]
    pool = WorkerPool(2, Budgets(), dies_on_kill_me)
    try:
        got = [r for results, _ in pool.results(iter(batches), "default") for r in results]
    finally:
        pool.close()
    expected = [r for b in batches for r in _process_counted((b, "default"))[0]]
    assert len(got) == len(expected) == 13
    assert got[8] == Skip("Kill me", "worker-died", got[8].detail)
    assert got[:8] + got[9:] == expected[:8] + expected[9:]
    assert pool.replaced >= 2


@contextlib.contextmanager
def another_build_holding(db: Path) -> Iterator[int]:
    """Another process that holds ``db``'s write lock (as a running build does); its pid."""
    code = ("import sys; from kidpedia.store.lock import write_lock\n"
            f"with write_lock({str(db)!r}):\n    print('locked', flush=True); sys.stdin.read()")
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder.pid
    finally:
        holder.communicate("", timeout=60)


def test_a_second_build_into_the_same_database_says_who_writes_it(tmp_path):
    db = tmp_path / "x.db"
    with another_build_holding(db) as pid, pytest.raises(StoreError) as caught:
        build([dump_with(tmp_path, {})], db)
    line = caught.value.one_line()
    assert f"another build is writing {db} (pid {pid})" in line and "\n" not in line


def test_the_lock_goes_with_its_build(tmp_path, intact):
    db = tmp_path / "x.db"
    path = dump_with(tmp_path, {})
    with another_build_holding(db):
        pass
    assert build([path], db).pages == BASE_PAGES
    assert stored(db) == intact


def test_second_build_through_the_cli_is_one_line(tmp_path):
    db = tmp_path / "x.db"
    with another_build_holding(db) as pid:
        r = subprocess.run([sys.executable, "-m", "kidpedia", "build", str(dump_with(tmp_path, {})), "--db", str(db)],
                           capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 1
    assert r.stderr.strip() == (f"kidpedia: error: another build is writing {db} (pid {pid})"
                                " (wait for it to finish, or stop it)")


TEXT = "The '''thing''' is a thing that people know about and write about. " * 4


def test_every_stored_title_is_reachable_and_the_others_are_not_stored(tmp_path, intact):
    """The issue's titles: only spaces, with ``_``, over 255 characters, a double redirect
    (and a loop), and "." or ".." parts (a browser drops them from the address). Each
    stored one is reached through its URL; the others are bad-title."""
    import warnings

    from kidpedia.web.app import create_app
    from kidpedia.web.render import wiki_url

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    pages = {"   ": TEXT, "Under_score page": TEXT, "L" * 300: TEXT, "\u00a0Spaced\u2003 out\u00a0": TEXT,
             "Double one": "#REDIRECT [[Double two]]", "Double two": "#REDIRECT [[Anarchism]]",
             "Loop one": "#REDIRECT [[Loop two]]", "Loop two": "#REDIRECT [[Loop one]]",
             "..": TEXT, "A/../B": TEXT, "AC/DC": TEXT, "...": TEXT}
    db = tmp_path / "titles.db"
    report = build([dump_with(tmp_path, pages)], db)
    added = assert_good_pages_kept(db, intact)
    assert added == {"   ": "bad-title", "L" * 300: "bad-title", "Under score page": "article",
                     "Spaced out": "article", "Double one": "redirect", "Double two": "redirect",
                     "Loop one": "redirect", "Loop two": "redirect",
                     "..": "bad-title", "A/../B": "bad-title", "AC/DC": "article", "...": "article"}
    assert report.skipped["bad-title"] == 4
    client = TestClient(create_app(db))
    for title, kind in added.items():
        if kind in ("article", "redirect") and not title.startswith("Loop"):
            r = client.get(wiki_url(title))
            assert r.status_code == 200, (title, kind, r.status_code)
    r = client.get(wiki_url("Double one"), follow_redirects=False)
    assert r.headers["location"] == "/wiki/Anarchism?redirected_from=Double%20one"
    assert "Double one" in client.get(r.headers["location"]).text  # "redirected from" shown
    assert client.get(wiki_url("Loop one")).status_code == 404  # a loop leads nowhere: not found, no 500


def test_a_duplicate_title_is_reported_as_such_and_counts_match_the_database(tmp_path, intact):
    first, again = "First words of a page. " * 10, "Other words of a page. " * 10
    path = dump_with(tmp_path, {"Twice": first})
    xml = path.read_bytes().replace(b"\n</mediawiki>", dump_with(tmp_path, {"Twice": again}, base_pages=0, name="x")
                                    .read_bytes().split(b"</mediawiki>")[0].split(b"</siteinfo>")[-1] + b"\n</mediawiki>")
    path.write_bytes(xml)
    db = tmp_path / "twice.db"
    report = build([path], db)
    assert report.pages == BASE_PAGES + 2 and report.duplicates == 1
    assert assert_good_pages_kept(db, intact) == {"Twice": "article"}
    conn = sqlite3.connect(db)
    try:
        counts = tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "redirects", "skips"))
        (data,) = conn.execute("SELECT data FROM articles WHERE title = 'Twice'").fetchone()
    finally:
        conn.close()
    assert counts == (report.articles, report.redirects, sum(report.skipped.values()))
    assert "First words" in data and "Other words" not in data  # the first is kept


def test_a_transaction_holds_a_bounded_amount_of_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 11, flat memory: the pages waiting for a store transaction are at most
    COMMIT_PAGES pages and about COMMIT_CHARS characters of stored text, so a dump of long
    pages does not hold a thousand of them at once; every page is still stored."""
    build_module = importlib.import_module("kidpedia.build")
    from kidpedia.store import Store

    held: list[int] = []
    real_add = Store.add

    def add(self: Store, articles, redirects, skips=(), progress=None, lang=None):  # type: ignore[no-untyped-def]
        held.append(sum(len(a.data) + len(a.body) for a in articles))
        return real_add(self, articles, redirects, skips, progress=progress, lang=lang)

    monkeypatch.setattr(Store, "add", add)
    monkeypatch.setattr(build_module, "COMMIT_CHARS", 20_000)
    sizes: list[int] = []
    real_pack = build_module.pack

    def pack(article):  # type: ignore[no-untyped-def]
        packed = real_pack(article)
        sizes.append(len(packed.data) + len(packed.body))
        return packed

    monkeypatch.setattr(build_module, "pack", pack)
    report = build([SAMPLE], tmp_path / "k.db")
    assert report.articles >= 5 and len(held) > report.articles // 2  # one transaction: the default would hold all
    assert sum(held) == sum(sizes)
    assert all(n < 20_000 + max(sizes) for n in held)  # the budget, passed by at most the page that filled it
    with sqlite3.connect(tmp_path / "k.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == report.articles > 0
