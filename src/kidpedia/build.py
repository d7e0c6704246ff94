"""The build: a source's raw pages -> kids' articles in the store.

``pipeline.process_page`` is the one pure step (RawPage -> Article | Redirect | Skip);
``build`` runs it over sources on N worker processes, stores results in batches
(each batch with the source's progress, so an interrupted build resumes where it
stopped) and returns a ``BuildReport``. A bad page is a Skip with a reason, never
a crash; a source that fails part-way keeps every page read before the fault.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

from kidpedia.errors import DumpFormatError, KidpediaError
from kidpedia.model import Article, RawPage, Redirect, Skip
from kidpedia.pipeline import process_page
from kidpedia.pool import (
    Budgets,
    Interrupts,
    PageTimeout,
    WorkerPool,
    page_budget,
    too_large,
    too_slow,
)
from kidpedia.store import PackedArticle, Store, explore, forgive, pack
from kidpedia.store.lock import write_lock

BATCH_PAGES = 64  # pages per task sent to a worker
COMMIT_PAGES = 1000  # pages per store transaction (and resume point) at most
# ... and at most this many characters of stored text (JSON and search text) waiting for a
# transaction: a thousand long pages held at once made the build's peak memory grow with
# the pages' size (1,000 Japanese pages: 80 MB more at 200 MB of XML than at 50 MB; issue 11)
COMMIT_CHARS = 4_000_000


# Article counters (``Article.stats``) a build adds up and reports: key -> report field.
REPORTED_STATS = {"markup_dropped": "markup_dropped"}

BatchResult = tuple[list[PackedArticle | Redirect | Skip], Counter[str]]


def _process_batch(args: tuple[list[RawPage], str]) -> list[PackedArticle | Redirect | Skip]:
    """A worker's task: pages in, results out, articles already in the store's form."""
    return _process_counted(args)[0]


def _process_counted(args: tuple) -> BatchResult:
    """``_process_batch``, with the sum of the article counters the build reports.
    ``args``: (pages, level) or (pages, level, budgets, batch number); with budgets,
    each page runs under them (``pool.py``) and a page given as None is left None."""
    pages, level = args[0], args[1]
    budgets: Budgets | None = args[2] if len(args) > 2 else None
    number: int = args[3] if len(args) > 3 else 0
    out: list = []
    counts: Counter[str] = Counter()
    for i, p in enumerate(pages):
        if p is None:
            out.append(None)
            continue
        skip = too_large(p, budgets) if budgets else None
        if skip is not None:
            out.append(skip)
            continue
        try:
            with page_budget((number, i), budgets):
                r = process_page(p, level)
        except PageTimeout:
            r = too_slow(p, budgets or Budgets())
        if isinstance(r, Article):
            counts.update({k: r.stats[k] for k in REPORTED_STATS if r.stats.get(k)})
            out.append(pack(r))
        else:
            out.append(r)
    return out, counts


class SeenTitles:
    """The (edition, title)s this build has stored, to find a title that comes again
    (``duplicate``: the first page is kept). On disk in a private temporary SQLite
    database, 8 bytes a title, so a full dump's titles never fill a worker's memory."""

    def __init__(self) -> None:
        import sqlite3

        self._conn = sqlite3.connect("")  # "": a private temporary database on disk
        self._conn.execute("CREATE TABLE seen (key INTEGER PRIMARY KEY)")

    def first_time(self, lang: str, title: str) -> bool:
        """True the first time (lang, title) is given, False ever after."""
        import hashlib

        digest = hashlib.blake2b(f"{lang}\0{title}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
        cur = self._conn.execute("INSERT OR IGNORE INTO seen VALUES (?)", (int.from_bytes(digest, "big", signed=True),))
        return cur.rowcount == 1

    def close(self) -> None:
        self._conn.close()


@dataclass
class BuildReport:
    articles: int = 0
    redirects: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    pages: int = 0
    wikitext_bytes: int = 0
    seconds: float = 0.0
    resumed_from: dict[str, int] = field(default_factory=dict)
    already_built: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    interrupted: bool = False
    interrupted_by: str = ""  # SIGINT or SIGTERM
    workers_replaced: int = 0  # times the worker pool was replaced after a worker died
    redirects_dropped: int = 0  # redirects whose target was excluded for children
    duplicates: int = 0  # pages whose title an earlier page of this build had (the first is kept)
    markup_dropped: int = 0  # paragraphs that still looked like markup after the parse (never shown)
    pictures: int = 0  # pictures stored from sources that carry image files (ZIMs)
    languages: list[str] = field(default_factory=list)  # editions of the sources, in order
    langlinks: dict[str, int] = field(default_factory=dict)  # langlinks file -> links matched

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


# progress(report, bytes of the sources read so far, bytes of all sources)
ProgressFn = Callable[[BuildReport, int, int], None]


def _batches(pages: Iterator[RawPage], size: int) -> Iterator[list[RawPage]]:
    """Pages in lists of ``size``; on a source error, the partial batch first, then the error."""
    batch: list[RawPage] = []
    try:
        for page in pages:
            batch.append(page)
            if len(batch) >= size:
                yield batch
                batch = []
    except KidpediaError:
        if batch:
            yield batch
        raise
    if batch:
        yield batch


def _results(
    batches: Iterator[list[RawPage]], level: str, pool: WorkerPool | None, budgets: Budgets | None = None
) -> Iterator[BatchResult]:
    """Results batch by batch, in source order (``pool.WorkerPool`` with several workers)."""
    if pool is None:
        for b in batches:
            yield _process_counted((b, level, budgets or Budgets(), 0))
        return
    yield from pool.results(batches, level)


def _size(path: str | Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0  # opening it will say what is wrong


def _source_key(path: str | Path) -> str:
    return str(Path(path).resolve())


def build(
    sources: Iterable[str | Path],
    db: str | Path,
    workers: int = 1,
    limit: int | None = None,
    level: str = "default",
    title: str | None = None,
    force: bool = False,
    progress: ProgressFn | None = None,
    langlinks: Iterable[str | Path] = (),
    budgets: Budgets | None = None,
) -> BuildReport:
    """Build (or resume building) the store at ``db`` from ``sources`` (dumps of one or
    several editions); then read ``langlinks`` tables (``langlinks.sql.gz``) into it.
    Each page runs under ``budgets`` (``pool.Budgets``); SIGINT and SIGTERM stop the
    build after committing every finished page (``report.interrupted``). One build
    writes a database at a time (``store.lock``)."""
    with write_lock(db), Interrupts() as interrupts:
        return _build(list(sources), db, workers, limit, level, title, force, progress, langlinks,
                      budgets or Budgets(), interrupts)


def _build(
    sources: list[str | Path], db: str | Path, workers: int, limit: int | None, level: str,
    title: str | None, force: bool, progress: ProgressFn | None, langlinks: Iterable[str | Path],
    budgets: Budgets, interrupts: Interrupts,
) -> BuildReport:
    from kidpedia.sources.dump import open_source

    total_bytes = sum(_size(s) for s in sources)
    bytes_before = 0  # bytes of the sources already finished
    store = Store(db, create=True)
    report = BuildReport()
    start = time.perf_counter()
    pool = WorkerPool(workers, budgets, _process_counted) if workers > 1 else None
    seen = SeenTitles()
    try:
        for source in sources:
            key = _source_key(source)
            done, finished = (0, False) if force else store.progress(key)
            if finished:
                report.already_built.append(str(source))
                bytes_before += _size(source)
                continue
            if done:
                report.resumed_from[str(source)] = done
            remaining = None if limit is None else max(0, limit - report.pages)
            if remaining == 0:
                break
            src = open_source(source, title=title, skip=done)
            pages = src.pages()
            if remaining is not None:
                pages = islice(pages, remaining)
            tick = None
            if progress is not None:
                base, user_tick = bytes_before, progress

                def tick(r: BuildReport, _src=src, _base=base, _cb=user_tick) -> None:  # type: ignore[misc]
                    _cb(r, _base + _src.bytes_read, total_bytes)

            try:
                done = _run_source(store, key, pages, done, level, pool, report, tick, partial(_lang_of, src),
                                   budgets, interrupts, seen)
            except DumpFormatError as e:
                report.errors.append(e.one_line())
                continue
            finally:
                bytes_before += _size(source)
                if src.lang and src.lang not in report.languages:
                    report.languages.append(src.lang)
            if hasattr(src, "read_media"):
                report.pictures += store_pictures(store, src)
            if limit is None or report.pages < limit:
                store.finish(key, done)
        report.redirects_dropped = store.drop_redirects_to_excluded()
        forgive.rebuild_spelling(store)  # "did you mean": the words of what was built
        forgive.rebuild_topk(store)  # champion lists: search stays fast at a million articles
        explore.rebuild_explore(store)  # topics, quiz, timeline, "Did you know?" (issue 14)
        for path in langlinks:
            report.langlinks[str(path)] = _add_langlinks(store, path)
    except KeyboardInterrupt:
        report.interrupted = True
        report.interrupted_by = interrupts.requested or "SIGINT"
    finally:
        if pool is not None:
            pool.close(now=report.interrupted)
            report.workers_replaced = pool.replaced
        report.seconds = time.perf_counter() - start
        store.close()
        seen.close()
    return report


def add_langlinks(db: str | Path, path: str | Path) -> int:
    """Read one ``langlinks.sql.gz`` table into the database at ``db`` (after a build)."""
    store = Store(db)
    try:
        return _add_langlinks(store, path)
    finally:
        store.close()


def _add_langlinks(store: Store, path: str | Path) -> int:
    """Read one ``langlinks.sql.gz`` table into the store; links matched to articles."""
    from kidpedia.errors import UsageError
    from kidpedia.sources.langlinks import langlinks_edition, read_langlinks

    edition = langlinks_edition(path)
    if edition is None:
        built = store.languages()
        if len(built) != 1:
            raise UsageError(
                f"{Path(path).name}: which edition's langlinks? (name it <db>-...-langlinks.sql.gz)",
                "keep the Wikimedia file name, e.g. jawiki-20230501-langlinks.sql.gz",
            )
        edition = built[0]
    return store.add_langlinks(edition, read_langlinks(path))


PICTURE_BATCH = 200  # pictures per store transaction


def store_pictures(store: Store, src: object) -> int:
    """Read, shrink and store the pictures that stored articles show and ``src`` holds
    (``src.read_media(path)``); pictures already stored are not read again."""
    import json

    from kidpedia import media
    from kidpedia.store import media as store_media

    have = store_media.names(store)
    wanted: dict[str, str] = {}
    for data in store_media.articles_with_picture_paths(store):
        article = Article.from_json(json.loads(data))
        shown = list(article.images)
        if article.quick_facts and article.quick_facts.image:
            shown.append(article.quick_facts.image)
        for image in shown:
            if image.path and image.name not in have:
                wanted.setdefault(image.name, image.path)
    stored = 0
    batch: list[tuple[str, media.Picture]] = []
    for name, path in sorted(wanted.items()):
        found = src.read_media(path)  # type: ignore[attr-defined]
        picture = media.prepare(*found) if found else None
        if picture is not None:
            batch.append((name, picture))
        if len(batch) >= PICTURE_BATCH:
            stored += store_media.put(store, batch)
            batch = []
    return stored + store_media.put(store, batch)


def _lang_of(src: object) -> str | None:
    """The language a source has found so far (a dump's first page names it)."""
    return getattr(src, "lang", None)


def _run_source(
    store: Store,
    key: str,
    pages: Iterator[RawPage],
    done: int,
    level: str,
    pool: WorkerPool | None,
    report: BuildReport,
    progress: Callable[[BuildReport], None] | None,
    source_lang: Callable[[], str | None] = lambda: None,
    budgets: Budgets | None = None,
    interrupts: Interrupts | None = None,
    seen: SeenTitles | None = None,
) -> int:
    """Process one source's pages; commit every COMMIT_PAGES pages with the resume point;
    on a stop request (or Ctrl-C), commit every finished page, then raise KeyboardInterrupt.
    A page whose title this build has stored already is counted as a duplicate, not stored."""
    seen = seen or SeenTitles()
    articles: list[PackedArticle] = []
    redirects: list[Redirect] = []
    skips: list[Skip] = []
    pending_pages = pending_chars = 0

    def commit() -> None:
        nonlocal articles, redirects, skips, pending_pages, pending_chars
        store.add(articles, redirects, skips, progress=(key, done), lang=source_lang())
        articles, redirects, skips, pending_pages, pending_chars = [], [], [], 0, 0

    try:
        for batch_results, counts in _results(_batches(pages, BATCH_PAGES), level, pool, budgets):
            for stat, name in REPORTED_STATS.items():
                setattr(report, name, getattr(report, name) + counts[stat])
            for r in batch_results:
                done += 1
                report.pages += 1
                pending_pages += 1
                lang = r.lang if isinstance(r, PackedArticle) else source_lang() or ""
                if not seen.first_time(lang, r.title):
                    report.duplicates += 1
                elif isinstance(r, PackedArticle):
                    articles.append(r)
                    pending_chars += len(r.data) + len(r.body)
                    report.articles += 1
                    if pending_chars >= COMMIT_CHARS:
                        commit()
                elif isinstance(r, Redirect):
                    redirects.append(r)
                    report.redirects += 1
                else:
                    skips.append(r)
                    report.skipped[r.reason] += 1
            if progress:
                progress(report)
            if pending_pages >= COMMIT_PAGES:
                commit()
            if interrupts is not None and interrupts.requested:
                raise KeyboardInterrupt
    except (DumpFormatError, KidpediaError, KeyboardInterrupt):
        commit()  # keep everything read before the fault or the interrupt
        raise
    commit()
    return done
