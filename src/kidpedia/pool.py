"""The build's worker processes, and what one page may cost them.

    Budgets(page_timeout, max_page_bytes, worker_memory_mb)   per page, chosen by the
        operator (``kidpedia build --page-timeout --max-page-bytes``); defaults from
        ``bench/hostile.py``
    WorkerPool(workers, budgets, task).results(batches)       results in source order
    Interrupts()                                              SIGINT/SIGTERM -> a stop request

A page that runs past ``page_timeout`` or pushes its worker past
``worker_memory_mb`` is stopped by the worker's watchdog thread, which reports the
page and ends the worker (the only way to stop the C tokenizer mid-call): the page
becomes ``Skip("too-slow")`` or ``Skip("too-large")``, a page over
``max_page_bytes`` is ``too-large`` before it is parsed. A worker that dies (the
out-of-memory killer, ``kill -9``) breaks the pool (``BrokenProcessPool``): the
pool is replaced and every unfinished batch sent again; a batch that fails a
second time is run one page at a time in a worker of its own, and a page that
kills that worker too is ``Skip("worker-died")``. Every other page is built.

With one worker the pages run in the build's own process: the time budget is then
a SIGALRM timer, which stops Python code but not a call inside C; bounding the
markup first (``wikitext.bounds``) keeps those calls short.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Self

from kidpedia.errors import KidpediaError
from kidpedia.model import RawPage, Skip


@dataclass(frozen=True)
class Budgets:
    """What one page may cost. Defaults: far above every real page measured
    (bench/hostile.py: a normal page takes milliseconds, the largest real ones < 1 s)."""

    page_timeout: float = 30.0  # seconds of one worker's time for one page
    max_page_bytes: int = 4 << 20  # bytes of text (MediaWiki caps wikitext at 2 MiB)
    worker_memory_mb: int = 2048  # resident memory of a worker while it runs a page


def too_large(page: RawPage, budgets: Budgets) -> Skip | None:
    """Skip('too-large') for a page whose text is over the byte budget, before parsing."""
    limit = budgets.max_page_bytes
    if len(page.text) * 4 <= limit:
        return None
    size = len(page.text.encode("utf-8", "surrogatepass"))
    if size <= limit:
        return None
    return Skip(page.title, "too-large", f"{size:,} bytes of text, over the budget of {limit:,}")


def too_slow(page: RawPage, budgets: Budgets) -> Skip:
    return Skip(page.title, "too-slow", f"over the budget of {budgets.page_timeout:g} s for one page")


def over_memory(page: RawPage, budgets: Budgets) -> Skip:
    return Skip(page.title, "too-large", f"its worker went over {budgets.worker_memory_mb:,} MB")


def worker_died(page: RawPage) -> Skip:
    return Skip(page.title, "worker-died", "its worker process died twice while building it")


# ---- inside a worker ---------------------------------------------------------------

Token = tuple[int, int]  # (batch number, page index in the batch)


class PageTimeout(BaseException):  # not Exception: the pipeline catches those
    """A page ran past its time budget (in-process builds: raised by SIGALRM)."""


class _Watchdog:
    """A worker's thread that ends the worker when its current page overruns a budget,
    after reporting (token, reason) to the build."""

    def __init__(self, budgets: Budgets, reports: Any) -> None:
        self.budgets = budgets
        self.reports = reports
        self.current: tuple[Token, float] | None = None
        self.tick = min(0.05, budgets.page_timeout / 10)
        threading.Thread(target=self._run, daemon=True, name="kidpedia-watchdog").start()

    def _run(self) -> None:
        page_size = os.sysconf("SC_PAGE_SIZE")
        limit = self.budgets.worker_memory_mb << 20
        while True:
            time.sleep(self.tick)
            current = self.current
            if current is None:
                continue
            token, started = current
            if time.monotonic() - started > self.budgets.page_timeout:
                self._end(token, "too-slow")
            with open("/proc/self/statm", "rb") as f:
                rss = int(f.read().split()[1]) * page_size
            if rss > limit:
                self._end(token, "too-large")

    def _end(self, token: Token, reason: str) -> None:
        self.reports.put((token, reason))
        self.reports.close()
        self.reports.join_thread()  # the report is in the pipe before the worker ends
        os._exit(75)


_watchdog: _Watchdog | None = None


def init_worker(budgets: Budgets, reports: Any) -> None:
    """A worker's start: the build decides about Ctrl-C; the watchdog keeps the budgets."""
    global _watchdog
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _warm_up()
    _watchdog = _Watchdog(budgets, reports)


WARM_UP_TEXT = "'''Warm''' [[up]] page.\n\n== Section ==\n{{Infobox x|a=b}} Some text here."


def _warm_up() -> None:
    """Load what every page needs (rules, word lists, parser) before any page is timed."""
    from kidpedia.pipeline import process_page

    process_page(RawPage(title="Warm up", text=WARM_UP_TEXT))


@contextlib.contextmanager
def page_budget(token: Token, budgets: Budgets | None) -> Iterator[None]:
    """Run one page under its time (and, in a worker, memory) budget."""
    if _watchdog is not None:
        _watchdog.current = (token, time.monotonic())
        try:
            yield
        finally:
            _watchdog.current = None
        return
    if budgets is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def overrun(signum: int, frame: object) -> None:
        raise PageTimeout

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, budgets.page_timeout)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---- in the build ------------------------------------------------------------------

# task((pages or None for a page decided already, level, budgets, batch number)) -> (results, counts)
Task = Callable[[tuple[list[RawPage | None], str, Budgets, int]], tuple[list[Any], Any]]


@dataclass
class _Job:
    number: int
    pages: list[RawPage]
    decided: dict[int, Skip] = field(default_factory=dict)  # index -> the Skip a watchdog reported
    future: Future | None = None
    failures: int = 0

    def sent(self) -> list[RawPage | None]:
        return [None if i in self.decided else p for i, p in enumerate(self.pages)]

    def merge(self, results: list[Any]) -> list[Any]:
        return [self.decided.get(i, r) for i, r in enumerate(results)]


class WorkerPool:
    """``workers`` processes running ``task`` on batches, replaced when one dies."""

    def __init__(self, workers: int, budgets: Budgets, task: Task) -> None:
        self.workers = workers
        self.budgets = budgets
        self.task = task
        self._ctx = mp.get_context("spawn")
        self._reports = self._ctx.Queue()
        self._executor = self._new_executor(workers)
        self.replaced = 0  # pools replaced after a worker died

    def _new_executor(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers, mp_context=self._ctx, initializer=init_worker, initargs=(self.budgets, self._reports)
        )

    def results(self, batches: Iterator[list[RawPage]], level: str) -> Iterator[tuple[list[Any], Any]]:
        """(results, counts) batch by batch in source order; at most 3 batches per worker
        in flight. A source error is raised after every batch read before it."""
        pending: deque[_Job] = deque()
        depth = 3 * self.workers
        number = 0
        try:
            for pages in batches:
                job = _Job(number, pages)
                number += 1
                self._submit(job, level)
                pending.append(job)
                while len(pending) >= depth:
                    yield self._result(pending, level)
        except KidpediaError:
            while pending:  # every page read before a source error is kept
                yield self._result(pending, level)
            raise
        while pending:
            yield self._result(pending, level)

    def _submit(self, job: _Job, level: str) -> None:
        try:
            job.future = self._executor.submit(self.task, (job.sent(), level, self.budgets, job.number))
        except BrokenProcessPool as e:  # broken since the last look: recovered when its turn comes
            job.future = Future()
            job.future.set_exception(e)

    def _result(self, pending: deque[_Job], level: str) -> tuple[list[Any], Any]:
        job = pending[0]
        while True:
            try:
                assert job.future is not None
                results, counts = job.future.result()
            except BrokenProcessPool:
                self._recover(pending, level)
                if job.failures >= 2:
                    pending.popleft()
                    return self._one_by_one(job, level)
                continue
            pending.popleft()
            return job.merge(results), counts

    def _recover(self, pending: deque[_Job], level: str) -> None:
        """A worker died: a new pool, the reported pages decided, unfinished batches sent again."""
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._new_executor(self.workers)
        self.replaced += 1
        explained = self._take_reports(pending)
        for job in pending:
            assert job.future is not None
            if job.future.done() and job.future.exception() is None:
                continue
            if job.number not in explained:
                job.failures += 1
            if job.failures < 2:
                self._submit(job, level)

    def _take_reports(self, pending: deque[_Job]) -> set[int]:
        """Pages the watchdogs stopped, decided in their jobs; the jobs' numbers."""
        jobs = {job.number: job for job in pending}
        explained: set[int] = set()
        deadline = time.monotonic() + 0.5
        while True:
            try:
                (number, index), reason = self._reports.get(timeout=max(0.0, deadline - time.monotonic()))
            except Exception:  # noqa: BLE001 - queue.Empty: nothing more was reported
                return explained
            job = jobs.get(number)
            if job is None:
                continue
            page = job.pages[index]
            job.decided[index] = too_slow(page, self.budgets) if reason == "too-slow" else over_memory(page, self.budgets)
            explained.add(number)
            deadline = time.monotonic() + 0.05  # more may follow from other workers

    def _one_by_one(self, job: _Job, level: str) -> tuple[list[Any], Any]:
        """A batch that failed twice: each page in a worker of its own; a page that kills
        it is ``worker-died`` (or what the watchdog reported)."""
        from collections import Counter

        results: list[Any] = []
        counts: Counter[str] = Counter()
        single = self._new_single()
        try:
            for index, page in enumerate(job.pages):
                if index in job.decided:
                    results.append(job.decided[index])
                    continue
                one = _Job(job.number, [page])
                try:
                    out, page_counts = single.submit(self.task, (one.sent(), level, self.budgets, -1 - index)).result()
                except BrokenProcessPool:
                    single.shutdown(wait=False, cancel_futures=True)
                    single = self._new_single()
                    results.append(self._reported_single(page, -1 - index) or worker_died(page))
                    continue
                results.extend(out)
                counts.update(page_counts)
        finally:
            single.shutdown(wait=False, cancel_futures=True)
        return results, counts

    def _new_single(self) -> ProcessPoolExecutor:
        return self._new_executor(1)

    def _reported_single(self, page: RawPage, number: int) -> Skip | None:
        with contextlib.suppress(Exception):
            (got, _index), reason = self._reports.get(timeout=0.5)
            if got == number:
                return too_slow(page, self.budgets) if reason == "too-slow" else over_memory(page, self.budgets)
        return None

    def close(self, now: bool = False) -> None:
        """Shut the workers down (``now``: end them without waiting for their work)."""
        if now:
            for process in list(getattr(self._executor, "_processes", {}).values()):
                with contextlib.suppress(Exception):
                    process.terminate()
        self._executor.shutdown(wait=not now, cancel_futures=True)


class Interrupts:
    """While active (``with``), SIGINT and SIGTERM ask the build to stop (``requested``
    names the signal) instead of killing it: the build stops after the batch in hand and
    commits every finished page. A second Ctrl-C raises KeyboardInterrupt at once."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.requested: str | None = None
        self._previous: dict[int, Any] = {}

    def _handle(self, signum: int, frame: object) -> None:
        if self.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.requested = signal.Signals(signum).name

    def __enter__(self) -> Self:
        if threading.current_thread() is threading.main_thread():
            for s in self.SIGNALS:
                self._previous[s] = signal.signal(s, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for s, handler in self._previous.items():
            signal.signal(s, handler)
