"""A million articles on this machine: build time, size and search latency as the store grows.

    python bench/scale.py [--sizes 100000 1000000] [--queries 200] [--db PATH] [--keep]
                          [--save DIR] [--build-only] [--out bench/out]
    python bench/scale.py --measure DIR/scale-100000.db DIR/scale-1000000.db [--queries 200]

``--save DIR`` keeps a copy of the store at each size (``DIR/scale-<size>.db``, made
with SQLite's backup API) so that ``--measure`` can time the same stores again later
(after a change to search) without writing a million articles again; ``--build-only``
writes and saves without timing queries. ``--measure`` first gives a store's champion
lists what this tree's build would add (``topk.upgrade``; it writes to the store).

Articles are real text: the 10,033 English lead summaries in
``../shared/data/summaries/summaries_en-us.json.gz`` and the real pages of the bundled
enwiki excerpt, each taken once through ``pipeline.process_page`` (the build's one
path) and packed as the build packs them; then the same articles are written again
and again under new titles ("Mars (copy 2)"), as ``sources.repack.write_repeated``
names its copies, through ``Store.add`` (the build's writer: articles, links,
categories, FTS5 index) in batches of 2,000, until the store holds each ``--sizes``.
The spelling index (did you mean) is made again at each size, as a build ends.

At each size, measured in this process on the store as the site opens it:
  build        seconds spent writing (and the spelling index), articles per second
  size         bytes of the database (WAL checkpointed) per article
  floor        ``Store.resolve(title)``: one indexed lookup, the cheapest query there is
  find exact   ``forgive.find(store, title)`` (what /search and /api/search run) on
               original titles: p50/p99 ms, and whether the exact title comes first
  find word    one word taken from a title; find two words: two words of a summary
  suggest      what /api/suggest computes (``forgive._suggest``: not the answers it
               remembers per connection, ``Store.memo``) on 1-3 letter prefixes, and
               on whole titles (the exact title must come first)
Every query is asked once untimed first (the store's pages in memory, as a running
site's are). Latencies are wall-clock per call, one call after another, with the CPU time the
process spent in each call beside them (``cpu``: on a busy machine the wall clock also counts
waiting for a core); each row is also given as
a multiple of the floor's p50 measured in the same store in the same minute. The
numbers go to ``bench/out/scale-<time>.json``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import SHARED, write_report

ROOT = Path(__file__).resolve().parent.parent
SUMMARIES = SHARED / "data" / "summaries" / "summaries_en-us.json.gz"
SAMPLE = ROOT / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"
BATCH = 2000


def originals(summaries: Path, dump: Path) -> list:  # list[PackedArticle]
    """Every summary and every real page of the dump that the pipeline keeps, packed."""
    from kidpedia.model import Article, RawPage
    from kidpedia.pipeline import process_page
    from kidpedia.sources.dump import iter_pages
    from kidpedia.store import pack

    with gzip.open(summaries, "rt", encoding="utf-8") as f:
        entries = json.load(f)
    out, seen = [], set()
    pages = (RawPage(e["title"], e["extract"], page_id=None) for e in entries.values())
    for raw in [*pages, *iter_pages(dump)]:
        r = process_page(raw)
        if isinstance(r, Article) and r.title not in seen:
            seen.add(r.title)
            out.append(pack(r))
    return out


def renamed(p, copy: int):  # (PackedArticle, int) -> PackedArticle
    """Copy ``copy`` of a packed article under its new title (copy 1 is the original)."""
    if copy == 1:
        return p
    title = f"{p.title} (copy {copy})"
    old = '"title":' + json.dumps(p.title, ensure_ascii=False)
    new = '"title":' + json.dumps(title, ensure_ascii=False)
    return p._replace(title=title, data=p.data.replace(old, new, 1), page_id=None, rev_id=None)


class Times(list):  # type: ignore[type-arg]
    """Wall-clock seconds of each call, and (``cpu``) the CPU seconds this process spent
    in it: on a shared machine the wall clock also counts waiting for a core."""

    cpu: list[float]


def percentiles(samples: list[float]) -> dict[str, float]:
    s = sorted(samples)
    out = {
        "n": len(s),
        "p50_ms": round(statistics.median(s) * 1000, 3),
        "p99_ms": round(s[min(len(s) - 1, int(len(s) * 0.99))] * 1000, 3),
        "max_ms": round(s[-1] * 1000, 3),
    }
    cpu = sorted(getattr(samples, "cpu", []))
    if cpu:
        out["cpu_p50_ms"] = round(statistics.median(cpu) * 1000, 3)
        out["cpu_p99_ms"] = round(cpu[min(len(cpu) - 1, int(len(cpu) * 0.99))] * 1000, 3)
    return out


def timed(fn, args: list) -> tuple[Times, list]:  # type: ignore[no-untyped-def]
    times, results = Times(), []
    times.cpu = []
    for a in args:
        c0, t0 = time.process_time(), time.perf_counter()
        results.append(fn(a))
        times.append(time.perf_counter() - t0)
        times.cpu.append(time.process_time() - c0)
    return times, results


def queries(arts: list, n: int, seed: int = 11) -> dict[str, list[str]]:
    """Deterministic query sets from the original articles' titles and text."""
    import re

    rng = random.Random(seed)
    titles = [a.title for a in arts]
    words = sorted({w.lower() for t in titles for w in re.findall(r"[A-Za-z]{4,}", t)})
    pairs = []
    for a in rng.sample(arts, min(len(arts), n * 3)):
        ws = re.findall(r"[A-Za-z]{4,}", a.body[:400])
        if len(ws) >= 2:
            pairs.append(f"{ws[0]} {ws[-1]}".lower())
    prefixes = [t[: rng.randint(1, 3)].lower() for t in rng.sample(titles, n)]
    return {
        "exact": rng.sample(titles, n),
        "word": rng.sample(words, min(n, len(words))),
        "two words": pairs[:n],
        "prefix": prefixes,
        "title prefix": rng.sample(titles, n),
    }


def measure(store, qs: dict[str, list[str]], slow: bool = False) -> dict:  # (Store, ...) -> dict
    """p50/p99 of each kind of query; ``slow``: with the champion lists switched off
    (as search was before them: FTS5 ranks every match)."""
    from kidpedia.store import forgive, topk
    from kidpedia.web.query import is_blocked

    if slow:
        saved = topk.settings
        topk.settings = lambda conn: None  # type: ignore[assignment]
        try:
            return measure(store, qs)
        finally:
            topk.settings = saved

    def find(q: str):  # type: ignore[no-untyped-def]
        return forgive.find(store, q, limit=10, blocked=is_blocked)

    def suggest(q: str) -> list[str]:  # computed each time: /api/suggest remembers answers (Store.memo), this is their cost
        return forgive._suggest(store, q, 8, is_blocked)

    for q in qs["exact"] + qs["word"] + qs["two words"]:  # warm: the store's pages in memory, as a server's are
        find(q)
    for q in qs["prefix"] + qs["title prefix"]:
        suggest(q)
    out: dict = {}
    floor_t, _ = timed(store.resolve, qs["exact"])
    out["floor resolve"] = percentiles(floor_t)
    t, found = timed(find, qs["exact"])
    out["find exact"] = percentiles(t)
    out["find exact"]["exact_first"] = sum(bool(f.hits) and f.hits[0].title == q for f, q in zip(found, qs["exact"]))
    for kind in ("word", "two words"):
        t, found = timed(find, qs[kind])
        out[f"find {kind}"] = percentiles(t)
        out[f"find {kind}"]["with_hits"] = sum(bool(f.hits) for f in found)
    t, _ = timed(suggest, qs["prefix"])
    out["suggest 1-3 letters"] = percentiles(t)
    t, got = timed(suggest, qs["title prefix"])
    out["suggest title"] = percentiles(t)
    out["suggest title"]["exact_first"] = sum(bool(g) and g[0] == q for g, q in zip(got, qs["title prefix"]))
    floor = out["floor resolve"]["p50_ms"] or 1e-6
    for row in out.values():
        row["p50_x_floor"] = round(row["p50_ms"] / floor, 1)
    return out


def db_bytes(path: Path) -> int:
    return sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())


def save_copy(store, path: Path) -> Path:  # (Store, Path) -> Path
    """A consistent copy of the store (SQLite's backup API, never a file copy)."""
    import sqlite3

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(path)
    with dest:
        store._conn().backup(dest)
    dest.close()
    return path


def measure_saved(args: argparse.Namespace, log) -> int:  # type: ignore[no-untyped-def]
    """Time queries on stores made earlier with --save (the query sets come from the
    same real articles, so the numbers compare with a full run's)."""
    from kidpedia.store import Store, forgive, topk
    from kidpedia.store.db import READ_MMAP_MB

    log("the real articles through the pipeline, once (for the query sets)")
    qs = queries(originals(SUMMARIES, SAMPLE), args.queries)
    report: dict = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "command": " ".join(["bench/scale.py", *sys.argv[1:]]),
        "sizes": [],
    }
    for db in args.measure:
        store = Store(db, mmap_mb=READ_MMAP_MB)  # as the site opens it
        t0 = time.perf_counter()
        # Champion lists made by an older kidpedia get what they lack (topk.upgrade): the
        # store is timed as a build of this tree leaves it (a tree before upgrade: as it is).
        upgrade = getattr(topk, "upgrade", lambda conn: None)
        made = upgrade(store._conn()) if topk.settings(store._conn()) else forgive.rebuild_topk(store)
        prepare_s = time.perf_counter() - t0
        written = store.stats()["articles"]
        log(f"{db}: {written:,} articles; measuring")
        row = {"articles": written, "db": str(db), "db_mb": round(db_bytes(db) / 1e6, 1),
               "bytes_per_article": round(db_bytes(db) / written), "topk": made, "topk_s": round(prepare_s, 1),
               "latency": measure(store, qs), "load": round(os.getloadavg()[0], 2)}  # fmt: skip
        if args.slow:
            log(f"  the same, {args.slow} queries of each kind, without champion lists (FTS5 ranks every match)")
            row["latency_fts5_only"] = measure(store, {k: v[: args.slow] for k, v in qs.items()}, slow=True)
        store.close()
        report["sizes"].append(row)
        print_row(row)
    write_report(args.out, "scale", report)
    return 0


def print_row(row: dict) -> None:
    print(f"{row['articles']:>9,} articles, {row['bytes_per_article']:,} bytes/article")
    for key in ("latency", "latency_fts5_only"):
        if key in row:
            print(f"  {key}")
            print_latency(row[key])


def print_latency(latency: dict) -> None:
    for name, lat in latency.items():
        extra = "".join(f"  {k} {lat[k]}/{lat['n']}" for k in ("exact_first", "with_hits") if k in lat)
        cpu = f"  cpu p50 {lat['cpu_p50_ms']:>6.2f} p99 {lat['cpu_p99_ms']:>6.2f}" if "cpu_p50_ms" in lat else ""
        print(f"    {name:<22} p50 {lat['p50_ms']:>8.2f} ms  p99 {lat['p99_ms']:>8.2f} ms"
              f"  (p50 {lat['p50_x_floor']:>6.1f}x floor){cpu}{extra}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="store sizes (articles)")
    ap.add_argument("--queries", type=int, default=200, help="queries of each kind (default 200)")
    ap.add_argument("--db", type=Path, help="where the store goes (default: a temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the store (with --db)")
    ap.add_argument("--save", type=Path, help="keep a copy of the store at each size in this folder")
    ap.add_argument("--build-only", action="store_true", help="write (and --save) only, time no query")
    ap.add_argument("--measure", type=Path, nargs="+", help="time queries on these stores (made with --save)")
    ap.add_argument("--slow", type=int, default=0, metavar="N",
                    help="with --measure: also time N queries of each kind without champion lists")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="where the JSON goes")
    args = ap.parse_args(argv)

    from kidpedia.store import Store, forgive
    from kidpedia.store.db import READ_MMAP_MB

    def log(msg: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)

    if args.measure:
        return measure_saved(args, log)
    tmp = tempfile.TemporaryDirectory(prefix="kidpedia-scale-")
    db = args.db or Path(tmp.name) / "scale.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    log("the real articles through the pipeline, once")
    t0 = time.perf_counter()
    arts = originals(SUMMARIES, SAMPLE)
    pipeline_s = time.perf_counter() - t0
    log(f"  {len(arts):,} articles in {pipeline_s:.0f} s")
    qs = queries(arts, args.queries)
    report: dict = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "command": " ".join(["bench/scale.py", *(argv if argv is not None else sys.argv[1:])]),
        "originals": len(arts),
        "pipeline_s": round(pipeline_s, 1),
        "sizes": [],
    }
    store = Store(db, create=True)
    written, write_s, copy = 0, 0.0, 0
    for target in sorted(args.sizes):
        log(f"growing the store to {target:,} articles")
        t0 = time.perf_counter()
        while written < target:
            copy += 1
            for i in range(0, len(arts), BATCH):
                batch = [renamed(a, copy) for a in arts[i : i + BATCH][: target - written]]
                if not batch:
                    break
                store.add(batch, [])
                written += len(batch)
            if written >= target:
                break
        spell_t0 = time.perf_counter()
        forgive.rebuild_spelling(store)
        spell_s = time.perf_counter() - spell_t0
        topk_t0 = time.perf_counter()
        made = forgive.rebuild_topk(store)
        topk_s = time.perf_counter() - topk_t0
        write_s += time.perf_counter() - t0
        store._conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = db_bytes(db)
        log(f"  {written:,} articles, {write_s:.0f} s of writing, {size / 1e6:.0f} MB; measuring")
        if args.save:
            saved = save_copy(store, args.save / f"scale-{written}.db")
            log(f"  saved {saved}")
        store.close()
        store = Store(db, mmap_mb=READ_MMAP_MB)  # as the site opens it
        row = {
            "articles": written,
            "write_s": round(write_s, 1),
            "spelling_s": round(spell_s, 1),
            "topk": made,
            "topk_s": round(topk_s, 1),
            "articles_per_s": round(written / write_s, 1),
            "db_mb": round(size / 1e6, 1),
            "bytes_per_article": round(size / written),
            "latency": {} if args.build_only else measure(store, qs),
            "load": round(os.getloadavg()[0], 2),
        }
        report["sizes"].append(row)
        print(f"{written:>9,} articles: {row['write_s']:>7.1f} s writing ({row['articles_per_s']:,.0f}/s), "
              f"{row['bytes_per_article']:,} bytes/article, load {row['load']}")  # fmt: skip
        print_latency(row["latency"])
    store.close()
    if not (args.db and args.keep):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    tmp.cleanup()
    write_report(args.out, "scale", report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
