"""The build on a Dask cluster: ``kidpedia build SOURCE… --db X --dask local[:N]|tcp://HOST:8786``.

    build_dask(sources, db, cluster="local:2", level="default", force=False, progress=None)
        -> build.BuildReport

A source is cut into **partitions** of whole pages:

* a multistream ``.bz2`` with its ``-index.txt.bz2`` beside it: runs of consecutive
  bzip2 streams (each a hundred pages that decompress on their own), found from the
  index; the client reads their compressed bytes and nothing else;
* a single-stream ``.bz2`` on a local cluster: runs of its bzip2 blocks, found from
  the compressed bits without decompressing (``sources.bz2blocks``); each worker
  decompresses its own run (and reads ahead into the next blocks to finish the page it
  is in) and takes the pages that start in it, so the client does none of that work;
* any other dump (``.xml``, ``.gz``, UTF-16, a ``.bz2`` sent to a remote cluster or not
  one clean stream): the client streams it once and cuts the XML at ``<page>``
  boundaries (``framing.PageFramer``), about ``partition_mb`` MB of XML a partition.

Each partition is a Dask task (``process_partition``, retried when it fails or its
worker dies) that runs the same pure ``process_page`` as the local build and the
same packing into the store's form (``build._process_batch``), and writes its
results to a **shard**: a small SQLite file ``<db>.shards/<source>/<n>.sqlite``
(renamed into place only when complete). The client merges shards into the
database in partition order with ``Store.add`` (the local build's writer), so the
database is the one the plain build makes: same articles, same ids, same FTS index.

Resuming: shards already written are not computed again, and the ``progress`` table
says how many pages are merged, so an interrupted build (Ctrl-C, a killed client)
restarts from the partitions already done. A cluster's workers must see the shard
folder (the same machine, or a shared file system) and have kidpedia installed.
Memory stays flat: at most a few partitions per worker are in flight.
"""

from __future__ import annotations

import bz2
import contextlib
import hashlib
import io
import json
import logging
import os
import shutil
import sqlite3
import time
from collections import Counter
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kidpedia.build import (
    BATCH_PAGES,
    COMMIT_PAGES,
    BuildReport,
    ProgressFn,
    _process_batch,
    _source_key,
)
from kidpedia.errors import DumpFormatError, KidpediaError, UsageError
from kidpedia.model import RawPage, Redirect, SiteInfo, Skip
from kidpedia.sources.bz2blocks import Blocks, byte_span, decompress_run, scan_file
from kidpedia.sources.framing import PAGE_OPEN, Fault, Frame, PageFramer
from kidpedia.sources.stream import check_path, compression_of, open_file
from kidpedia.store import PackedArticle, Store, explore, forgive
from kidpedia.store.lock import holding_write_lock

PARTITION_MB = 4.0  # MB of XML a partition (a multistream partition: a fifth of it compressed)
READ_AHEAD = 8  # blocks after its own a partition may read to finish its last page (7.2 MB of XML at -9)
SHARD_FORMAT = "3"  # 2: pages parsed with their dump's <siteinfo>; 3: explore parts, language links, Wikidata id, body as indexed
_FOOTER = b"\n</mediawiki>\n"

_SHARD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE results (
    seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, lang TEXT, page_id INTEGER,
    rev_id INTEGER, data TEXT, body TEXT, categories TEXT, links TEXT, parts TEXT,
    langlinks TEXT, wikidata TEXT, folds_at BLOB, folds TEXT
);
"""


# ---- partitions -----------------------------------------------------------------------


@dataclass(frozen=True)
class Partition:
    """Pages ``first_page``… of a source: ``payload`` is bzip2 streams (``compressed``) or
    UTF-8 XML pages; ``last`` says whether the source's end comes with it."""

    source: str
    number: int
    first_page: int
    lang: str
    payload: bytes
    compressed: bool
    last: bool
    raw_end: int  # bytes of the source file behind this partition (for progress)
    site: SiteInfo | None = None  # the source's <siteinfo>: its namespaces reach the parser
    path: str = ""  # a run of blocks: the file the worker reads them from,
    blocks: Blocks | None = None  # ... its own blocks and those it may read ahead into,
    own: int = 0  # ... of which the first ``own`` are its own


@dataclass
class Cut:
    """What the client found cutting a source: a fault after the last partition, if any."""

    fault: str | None = None
    lang: str = "en"
    site: SiteInfo | None = None


def multistream_partitions(path: Path, index: Path, key: str, target_bytes: int) -> Iterator[Partition]:
    """Runs of whole bzip2 streams, about ``target_bytes`` compressed each, found from the index."""
    streams: list[tuple[int, int]] = []  # (offset, pages), in dump order
    with bz2.open(index, "rt", encoding="utf-8") as lines:
        for line in lines:
            offset = int(line.split(":", 1)[0])
            if streams and streams[-1][0] == offset:
                streams[-1] = (offset, streams[-1][1] + 1)
            else:
                streams.append((offset, 1))
    lang, site = _lang_of(path), _site_of(path)
    size = path.stat().st_size
    number, first_page, i = 0, 0, 0
    with open(path, "rb") as f:
        while i < len(streams):
            j, pages = i, 0
            while j < len(streams) and (j == i or streams[j][0] - streams[i][0] < target_bytes):
                pages += streams[j][1]
                j += 1
            start = streams[i][0]
            end = streams[j][0] if j < len(streams) else size
            f.seek(start)
            yield Partition(key, number, first_page, lang, f.read(end - start), True, j >= len(streams), end, site)
            number, first_page, i = number + 1, first_page + pages, j


def cut_partitions(path: Path, key: str, target_bytes: int, cut: Cut) -> Iterator[Partition]:
    """The dump read once, cut at ``<page>`` into runs of about ``target_bytes`` of XML.
    A fault stops the cut after the pages before it (``cut.fault`` says what)."""
    from kidpedia.sources.dump import lang_from_header, siteinfo_from_header

    opened = open_file(path)
    framer = PageFramer(opened.stream)
    number, first_page = 0, 0
    group: list[bytes] = []
    size = 0
    last_title = ""
    try:
        frames = framer.frames()
        while True:
            try:
                frame: Frame | None = next(frames)
            except StopIteration:
                frame = None
            except Fault as fault:
                where = f" at byte {fault.offset:,} of the XML" if fault.offset is not None else ""
                after = f' after page {first_page + len(group):,} "{last_title}"' if last_title else ""
                cut.fault = f"{path.name}: {fault.what}{where},{after}".rstrip(",")
                frame = None
            if number == 0 and not group:
                cut.lang = lang_from_header(framer.header or b"") or "en"
                cut.site = siteinfo_from_header(framer.header or b"")
            if frame is not None:
                group.append(frame.data)
                size += len(frame.data)
                last_title = frame.title()
            if group and (frame is None or size >= target_bytes):
                payload = b"\n".join(group)
                yield Partition(key, number, first_page, cut.lang, payload, False, frame is None,
                                opened.raw_position, cut.site)
                number, first_page, group, size = number + 1, first_page + len(group), [], 0
            if frame is None:
                return
    finally:
        opened.close()


def block_partitions(path: Path, key: str, target_bytes: int, blocks: Blocks) -> Iterator[Partition]:
    """Runs of whole bzip2 blocks of a single-stream file, about ``target_bytes`` of XML each
    (a block holds up to ``level`` x 100 kB of it): only their places are sent."""
    per = max(1, round(target_bytes / (blocks.level * 100_000)))
    lang, site = _lang_of(path), _site_of(path)
    for number, i in enumerate(range(0, len(blocks), per)):
        j = min(i + per, len(blocks))
        yield Partition(key, number, -1, lang, b"", False, j == len(blocks), byte_span(blocks, i, j)[1], site,
                        str(path), blocks.run(i, min(j + READ_AHEAD, len(blocks))), j - i)


def _header_of(path: Path) -> bytes:
    """The source's XML before its first page (<mediawiki>, <siteinfo>)."""
    opened = open_file(path)
    try:
        head = opened.head
    finally:
        opened.close()
    m = PAGE_OPEN.search(head)
    return head[: m.start()] if m else head


def _site_of(path: Path) -> SiteInfo | None:
    """The source's <siteinfo> (its namespaces)."""
    from kidpedia.sources.dump import siteinfo_from_header

    return siteinfo_from_header(_header_of(path))


def _lang_of(path: Path) -> str:
    from kidpedia.sources.dump import lang_from_header

    return lang_from_header(_header_of(path)) or "en"


# ---- the task a worker runs -------------------------------------------------------------


class _Reader:
    """The payload's pages as a stream a PageFramer reads (a middle partition gets a footer)."""

    def __init__(self, part: Partition) -> None:
        raw = io.BytesIO(_block_pages(part) if part.blocks is not None else part.payload)
        self._stream = bz2.BZ2File(raw) if part.compressed else raw
        self._tail = b"" if part.last and part.compressed else _FOOTER

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        if not data and self._tail:
            data, self._tail = self._tail, b""
        return data


def _block_pages(part: Partition) -> bytes:
    """The pages that start in a run of blocks, the last one read to its end from the
    blocks after (the next run takes the pages that start there)."""
    assert part.blocks is not None
    blocks = part.blocks
    with open(part.path, "rb") as f:

        def text(i: int, j: int) -> bytes:
            start, end = byte_span(blocks, i, j)
            f.seek(start)
            return decompress_run(f.read(end - start), blocks, i, j, base=start)

        t = text(0, part.own)
        n, k = len(t), part.own
        while True:
            nxt = PAGE_OPEN.search(t, n)  # the next run's first page: where ours end
            if nxt is not None:
                end = nxt.start()
                break
            closed = t.rfind(b"</page>")
            if k == len(blocks) or (closed >= 0 and not t[closed + 7 :].strip()):
                end = len(t)  # the source's end, or our last page closed with nothing after
                break
            t += text(k, k + 1)
            k += 1
        first = PAGE_OPEN.search(t, 0, end)  # ours start before n (a tag may run past it)
        if first is None:
            return b""  # inside one long page that started before: no page starts here
        pages = t[first.start() : end]
        close = pages.rfind(b"</page>")
        return pages[: close + 7] if close >= 0 else pages


def partition_pages(part: Partition, out: dict) -> Iterator[RawPage]:
    """The partition's pages; a fault ends them and is written to ``out["fault"]``."""
    from lxml import etree

    from kidpedia.sources.dump import parse_page

    n = 0
    try:
        try:
            frames = PageFramer(_Reader(part), expect_header=False).frames()
            for frame in frames:
                try:
                    page = parse_page(frame.data, part.lang, site=part.site)
                except (etree.XMLSyntaxError, ValueError) as e:
                    raise Fault(f"a page is not well-formed ({str(e).splitlines()[0][:120]})", None) from None
                n += 1
                yield page
        except (OSError, EOFError) as e:  # bzip2 data that does not decompress (a damaged file)
            raise Fault(f"compressed data that cannot be read ({e}; check the file with bzip2 -t)", None) from None
    except Fault as fault:
        where = (f"after page {part.first_page + n:,} of the source" if part.first_page >= 0
                 else f"in partition {part.number} (from bit {part.blocks.starts[0] if part.blocks else 0:,} of the"
                      f" file), " + (f"after its page {n:,}" if n else "before its first page"))
        out["fault"] = f"{fault.what}, {where}"


def process_partition(part: Partition, shard: str, level: str = "default") -> dict:
    """Run the pipeline over one partition and write its shard; returns a short summary."""
    out: dict = {"fault": None}
    tmp = f"{shard}.{os.getpid()}.tmp"
    if os.path.exists(tmp):
        os.remove(tmp)
    conn = sqlite3.connect(tmp)
    conn.executescript(_SHARD_SCHEMA)
    seq = 0
    counts: Counter[str] = Counter()
    batch: list[RawPage] = []

    def flush() -> None:
        nonlocal seq
        rows = []
        for r in _process_batch((batch, level)):
            rows.append(_row(seq, r))
            counts[rows[-1][1]] += 1
            seq += 1
        conn.executemany("INSERT INTO results VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        batch.clear()

    for page in partition_pages(part, out):
        batch.append(page)
        if len(batch) >= BATCH_PAGES:
            flush()
    flush()
    summary = {"pages": seq, "fault": out["fault"], "kinds": dict(counts), "format": SHARD_FORMAT}
    conn.execute("INSERT INTO meta VALUES ('summary', ?)", (json.dumps(summary),))
    conn.commit()
    conn.close()
    os.replace(tmp, shard)
    return summary


def _row(seq: int, r: PackedArticle | Redirect | Skip) -> tuple:
    if isinstance(r, PackedArticle):
        return (seq, "article", r.title, r.lang, r.page_id, r.rev_id, r.data, r.body,
                json.dumps(r.categories, ensure_ascii=False), json.dumps(r.links, ensure_ascii=False), r.parts,
                json.dumps(r.language_links, ensure_ascii=False), r.wikidata, *(r.folds or (None, None)))
    if isinstance(r, Redirect):
        return (seq, "redirect", r.title, None, None, None, r.target, None, None, None, None, None, None, None, None)
    return (seq, "skip", r.title, r.reason, None, None, r.detail, None, None, None, None, None, None, None, None)


def read_shard(shard: Path) -> tuple[dict, Generator[list[PackedArticle | Redirect | Skip], None, None]]:
    """A shard's summary and its results in order, in chunks of COMMIT_PAGES."""
    conn = sqlite3.connect(f"file:{shard}?mode=ro", uri=True)
    summary = json.loads(conn.execute("SELECT value FROM meta WHERE key = 'summary'").fetchone()[0])

    def chunks() -> Generator[list[PackedArticle | Redirect | Skip], None, None]:
        try:
            cur = conn.execute("SELECT * FROM results ORDER BY seq")
            while rows := cur.fetchmany(COMMIT_PAGES):
                yield [_result(row) for row in rows]
        finally:
            conn.close()

    return summary, chunks()


def _result(row: tuple) -> PackedArticle | Redirect | Skip:
    _, kind, title, lang, page_id, rev_id, data, body, cats, links, parts, langlinks, wikidata, at, letters = row
    if kind == "article":
        return PackedArticle(title, lang, page_id, rev_id, data, body, tuple(json.loads(cats)),
                             tuple(json.loads(links)), tuple(tuple(x) for x in json.loads(langlinks)),
                             wikidata or "", parts or "", (at, letters) if at is not None else None)
    if kind == "redirect":
        return Redirect(title, data)
    return Skip(title, lang, data)


def shard_valid(shard: Path) -> bool:
    try:
        summary, chunks = read_shard(shard)
        chunks.close()
        return summary.get("format") == SHARD_FORMAT
    except (sqlite3.Error, TypeError, ValueError):
        return False


# ---- the client ---------------------------------------------------------------------------


def parse_cluster(spec: str) -> tuple[str, int | None]:
    """'local' / 'local:N' -> ('local', N or None); 'tcp://host:port' -> (address, None)."""
    if spec == "local" or spec.startswith("local:"):
        n = spec.partition(":")[2]
        if n and (not n.isdigit() or int(n) < 1):
            raise UsageError(f"--dask {spec}: the number of workers must be a whole number ≥ 1",
                             "for example --dask local:2")
        return "local", int(n) if n else None
    if "://" in spec:
        return spec, None
    raise UsageError(f"--dask {spec!r} is not a cluster", "use local, local:N or tcp://HOST:8786")


@dataclass
class _Cluster:
    client: object
    cluster: object | None
    workers: int

    def close(self) -> None:
        for thing in (self.client, self.cluster):
            if thing is not None:
                with contextlib.suppress(Exception):  # closing a broken cluster must not hide why
                    thing.close()  # type: ignore[attr-defined]


def connect(spec: str) -> _Cluster:
    from distributed import Client, LocalCluster

    address, n = parse_cluster(spec)
    if address == "local":
        import dask

        # Dask's own upkeep, made for its dashboard (which we do not start) and costly on a
        # small machine: each worker's statistical profiler samples its threads every 10 ms
        # (~8% of its CPU: 67.9 against 73.6 CPU s for the four 2023 dumps), and every
        # process ticks every 20 ms, samples the system every 0.5 s and each worker's
        # memory every 0.1 s (an idle LocalCluster of 2: the client 6.6% of a core, each
        # worker 2.7%; with these 1.1% and 0.45%). Memory is still watched, once a second.
        dask.config.set({
            "distributed.worker.profile.enabled": False,
            "distributed.admin.tick.interval": "1s",
            "distributed.admin.system-monitor.interval": "5s",
            "distributed.worker.memory.monitor-interval": "1s",
        })
        n = n or os.cpu_count() or 1
        cluster = LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        return _Cluster(Client(cluster), cluster, n)
    try:
        client = Client(address, timeout="20s")
    except OSError as e:
        raise KidpediaError(f"cannot reach the Dask scheduler at {address} ({e})",
                            "start one with: dask scheduler; dask worker tcp://HOST:8786") from None
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    return _Cluster(client, None, workers)


@dataclass
class _SourceRun:
    """One source's partitions through the cluster, merged in order."""

    store: Store
    key: str
    shard_dir: Path
    merged_pages: int  # pages of this source already in the store
    report: BuildReport
    pages_done: int = 0  # pages merged so far (in order)
    next_merge: int = 0
    path: Path = Path()
    base: int = 0  # bytes of the sources before this one (for progress)
    finished: dict[int, dict] = field(default_factory=dict)  # partition -> summary, not merged yet
    error: str | None = None
    parts: Iterator[Partition] = field(default_factory=lambda: iter(()))
    cut: Cut = field(default_factory=Cut)
    cut_count: int = 0  # partitions cut so far
    total_parts: int | None = None  # known once the cut is over
    raw_end: dict[int, int] = field(default_factory=dict)

    def close(self) -> None:
        """The source is done: finished in the store, or its fault reported."""
        error = self.error or self.cut.fault
        if error:
            self.report.errors.append(DumpFormatError(error).one_line())
            return
        self.store.finish(self.key, self.pages_done)
        shutil.rmtree(self.shard_dir, ignore_errors=True)

    def shard(self, number: int) -> Path:
        return self.shard_dir / f"{number:07d}.sqlite"

    def merge_ready(self) -> None:
        """Merge every finished partition whose predecessors are all merged."""
        while self.error is None and self.next_merge in self.finished:
            summary = self.finished.pop(self.next_merge)
            shard = self.shard(self.next_merge)
            end = self.pages_done + summary["pages"]
            if end > self.merged_pages:  # else merged by an earlier run
                _, chunks = read_shard(shard)
                already = max(0, self.merged_pages - self.pages_done)  # a partition merged in part
                for chunk in chunks:
                    if already:
                        cut = min(already, len(chunk))
                        chunk, already, self.pages_done = chunk[cut:], already - cut, self.pages_done + cut
                        if not chunk:
                            continue
                    self._count(chunk)
                    self.pages_done += len(chunk)
                    self.store.add(*_split(chunk), progress=(self.key, self.pages_done))
            else:
                self.pages_done = end
            if summary["fault"]:
                self.error = f"{Path(self.key).name}: {summary['fault']}"
            self.next_merge += 1

    def _count(self, chunk: list) -> None:
        r = self.report
        for x in chunk:
            r.pages += 1
            if isinstance(x, PackedArticle):
                r.articles += 1
            elif isinstance(x, Redirect):
                r.redirects += 1
            else:
                r.skipped[x.reason] += 1


def _split(chunk: list) -> tuple[list, list, list]:
    arts = [x for x in chunk if isinstance(x, PackedArticle)]
    reds = [x for x in chunk if isinstance(x, Redirect)]
    skips = [x for x in chunk if isinstance(x, Skip)]
    return arts, reds, skips


def shard_root(db: str | Path) -> Path:
    return Path(f"{db}.shards")


def _shard_dir(db: str | Path, key: str, path: Path, partition_bytes: int, how: str = "") -> Path:
    """One folder per source and cut: a changed file, partition size or way of cutting starts afresh."""
    st = path.stat()
    ident = f"{key}\0{st.st_size}\0{int(st.st_mtime)}\0{partition_bytes}" + (f"\0{how}" if how else "")
    d = shard_root(db) / hashlib.sha1(ident.encode()).hexdigest()[:16]
    d.mkdir(parents=True, exist_ok=True)
    return d


@holding_write_lock
def build_dask(
    sources: Iterable[str | Path],
    db: str | Path,
    cluster: str = "local",
    level: str = "default",
    force: bool = False,
    progress: ProgressFn | None = None,
    partition_mb: float = PARTITION_MB,
    title: str | None = None,
) -> BuildReport:
    """Build (or resume building) the store at ``db`` from ``sources`` on a Dask cluster.

    Dumps are cut and processed one after another without a pause between them (the
    next source's partitions keep the workers busy while the last ones finish); single
    wikitext files, which have nothing to spread out, are built here after the dumps.
    """
    from kidpedia.build import build as local_build
    from kidpedia.sources.dump import is_dump

    paths = [check_path(s) for s in sources]
    report = BuildReport()
    start = time.perf_counter()
    store = Store(db, create=True)
    conn: _Cluster | None = None
    try:
        dumps = [p for p in paths if is_dump(p)]
        runs = _plan(dumps, db, store, report, force, partition_mb, parse_cluster(cluster)[0] == "local")
        if runs:
            conn = connect(cluster)
            total = sum(p.stat().st_size for p in paths)
            _run_all(conn, runs, level, lambda done: progress and progress(report, done, total))
        for path in paths:
            if path not in dumps:  # a single wikitext file: nothing to spread out
                _add_report(report, local_build([path], db, level=level, title=title, force=force))
        report.redirects_dropped = store.drop_redirects_to_excluded()
        explore.rebuild_explore(store)  # topics, quiz, timeline (issue 14), as the local build does
        forgive.rebuild_topk(store)  # champion lists for search at scale, as the local build makes them
        _remove_if_empty(shard_root(db))
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        if conn is not None:
            conn.close()
        report.seconds = time.perf_counter() - start
        store.close()
    return report


def _plan(dumps: list[Path], db: str | Path, store: Store, report: BuildReport, force: bool,
          partition_mb: float, local: bool = False) -> list[_SourceRun]:
    """A run per dump still to build (finished ones are reported and left alone). ``local``:
    the workers read files on this machine (a single-stream .bz2 is then cut in blocks)."""
    from kidpedia.sources.multistream import find_index

    runs = []
    base = 0
    target = int(partition_mb * 1_000_000)
    for path in dumps:
        key = _source_key(path)
        done, finished = (0, False) if force else store.progress(key)
        size = path.stat().st_size
        if finished:
            report.already_built.append(str(path))
        else:
            if done:
                report.resumed_from[str(path)] = done
            with open(path, "rb") as f:
                bz = compression_of(f.read(4)) == "bz2"
            index = find_index(path) if bz else None
            blocks = scan_file(str(path)) if bz and index is None and local else None
            run = _SourceRun(store, key, _shard_dir(db, key, path, target, "blocks" if blocks else ""), done,
                             report, path=path, base=base)
            if index is not None:
                run.parts = multistream_partitions(path, index, key, max(1, target // 5))
            elif blocks is not None:
                run.parts = block_partitions(path, key, target, blocks)
            else:
                run.parts = cut_partitions(path, key, target, run.cut)
            runs.append(run)
        base += size
    return runs


def _run_all(conn: _Cluster, runs: list[_SourceRun], level: str, tick) -> None:
    """Submit partitions (a few per worker at a time, source after source) and merge each
    source's in order as they finish; a source is closed (finished, or its fault reported)
    once all its partitions are merged."""
    from distributed import as_completed

    client = conn.client
    window = 3 * conn.workers + 1
    pending = as_completed()
    owner: dict[str, tuple[_SourceRun, int]] = {}  # task key -> (run, partition number)
    feeding, merging = 0, 0  # the runs being cut and being merged
    while merging < len(runs):
        while feeding < len(runs) and len(owner) < window:
            run = runs[feeding]
            part = next(run.parts, None) if run.error is None else None
            if part is None:
                run.total_parts = run.cut_count
                feeding += 1
                continue
            run.cut_count += 1
            run.raw_end[part.number] = part.raw_end
            shard = run.shard(part.number)
            if shard.exists() and shard_valid(shard):
                run.finished[part.number] = read_shard(shard)[0]
                continue
            future = client.submit(  # type: ignore[attr-defined]
                process_partition, part, str(shard), level, retries=3, pure=False,
                key=f"kidpedia-{run.shard_dir.name}-{part.number}",
            )
            owner[future.key] = (run, part.number)
            pending.add(future)
        run = runs[merging]
        run.merge_ready()
        if run.next_merge:
            tick(run.base + run.raw_end.get(run.next_merge - 1, 0))
        if run.error is not None or run.next_merge == run.total_parts:
            run.close()
            merging += 1
            continue
        future = next(pending)
        done_run, number = owner.pop(future.key)
        try:
            done_run.finished[number] = future.result()
        except KidpediaError:
            raise
        except Exception as e:  # noqa: BLE001 - a partition that failed all its retries
            raise KidpediaError(
                f"partition {number} of {done_run.path.name} failed: {type(e).__name__}: {e}"[:300],
                "run the same command again to resume",
            ) from None
    for f in list(pending.futures):  # cancelling changes the set
        f.cancel()


def _remove_if_empty(folder: Path) -> None:
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()


def _add_report(into: BuildReport, one: BuildReport) -> None:
    into.articles += one.articles
    into.redirects += one.redirects
    into.pages += one.pages
    into.skipped.update(one.skipped)
    into.errors += one.errors
    into.already_built += one.already_built
    into.resumed_from.update(one.resumed_from)
    into.wikitext_bytes += one.wikitext_bytes
    into.markup_dropped += one.markup_dropped
    into.pictures += one.pictures  # a ZIM's, stored by the local build
    into.languages += [lang for lang in one.languages if lang not in into.languages]
    into.langlinks.update(one.langlinks)
