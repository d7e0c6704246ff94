"""Build throughput against references measured in the same run, on the same files.

    python bench/throughput.py [--size-mb 300] [--workers 1 2] [--no-large] [--out bench/out]

Dumps: the real enwiki excerpt (the bundled sample) and a larger one made from its
real pages repeated under new titles (``kidpedia.sources.repack.write_repeated``),
``--size-mb`` of XML, bzip2-compressed as Wikimedia ships dumps.

Rows, each timed on the whole file:
  bz2 floor             streaming bzip2 decompression of the file (nothing can be faster)
  kidpedia reader       sources.dump.iter_pages: decompress, cut, parse the XML (no wikitext work)
  kidpedia build wN     ``kidpedia build FILE --db NEW --workers N``: the whole kids' pipeline
                        (parse, clean, Quick facts, safety, SQLite + FTS5), a subprocess
  wikiextractor pN      ``python -m wikiextractor.WikiExtractor FILE --processes N``: the
                        fastest peer, plain text only (far less work)
  wikiextractor core    its Extractor class in-process on each article's text, parse time only
  mwparserfromhell core bare ``mwparserfromhell.parse`` of each article's text, parse time only

Speeds are MB of wikitext (UTF-8 bytes of every page's text) per wall-clock second,
so every row reads the same amount; ratios are ours over a reference; "per core"
divides a run on N processes by N. "load" is the 1-minute load average when the row
ended: other work on the machine slows every row, and the ratios less than the rates. Peak RSS is the largest sum of resident memory
over a run's process tree (sampled every 0.2 s from /proc). A table is printed and
the numbers written to ``bench/out/throughput-<time>.json``.
"""

from __future__ import annotations

import argparse
import bz2
import io
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"
MB = 1_000_000
# the shared data (../shared/data beside the repository; one level up from a git worktree)
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared" / "data").is_dir()),
              ROOT.parent / "shared")


@dataclass
class Row:
    name: str
    seconds: float
    cores: int = 1
    peak_rss_mb: float | None = None
    note: str = ""
    wikitext_mb_s: float = 0.0
    per_core_mb_s: float = 0.0
    pages_per_s: float = 0.0
    load_after: float = field(default_factory=lambda: round(os.getloadavg()[0], 2))  # 1-min load average


@dataclass
class DumpResult:
    name: str
    path: str
    file_mb: float
    xml_mb: float
    wikitext_mb: float
    pages: int
    articles: int
    rows: list[Row] = field(default_factory=list)
    ratios: dict[str, float] = field(default_factory=dict)


# ---- memory -------------------------------------------------------------------------


def _tree_rss_bytes(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    total, todo, page = 0, [root], os.sysconf("SC_PAGE_SIZE")
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * page
        except OSError:
            pass
        todo.extend(children.get(pid, ()))
    return total


class PeakRss:
    """Samples the resident memory of a process tree until stopped; ``peak_mb``."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss_bytes(self.pid))
            self._stop.wait(self.every)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak / MB


def run_measured(cmd: list[str], cwd: Path | None = None) -> tuple[float, float, str]:
    """(seconds, peak RSS MB of the process tree, output) of a command that must succeed."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sampler = PeakRss(proc.pid)
    out, _ = proc.communicate()
    seconds = time.perf_counter() - start
    peak = sampler.stop()
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{out[-2000:]}")
    return seconds, peak, out


def self_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB


# ---- measurements -----------------------------------------------------------------


def bz2_floor(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    size = 0
    with bz2.open(path) as f:
        while data := f.read(1 << 20):
            size += len(data)
    return time.perf_counter() - start, size


def reader_pass(path: Path) -> tuple[float, int, int, int]:
    """Seconds for our reader alone, and (pages, articles, wikitext bytes)."""
    from kidpedia.sources.dump import iter_pages

    pages = articles = text_bytes = 0
    start = time.perf_counter()
    for page in iter_pages(path):
        pages += 1
        text_bytes += len(page.text.encode("utf-8"))
        articles += page.ns == 0 and not page.redirect
    return time.perf_counter() - start, pages, articles, text_bytes


def parse_pass(path: Path) -> tuple[float, float, int]:
    """Parse-only seconds of bare mwparserfromhell and of wikiextractor's Extractor over
    every article (ns 0, not a redirect), and the wikitext bytes of those articles."""
    import logging

    import mwparserfromhell
    from wikiextractor.extract import Extractor

    from kidpedia.sources.dump import iter_pages

    logging.getLogger().setLevel(logging.ERROR)
    mwp = wx = 0.0
    text_bytes = 0
    for page in iter_pages(path):
        if page.ns != 0 or page.redirect:
            continue
        text_bytes += len(page.text.encode("utf-8"))
        t0 = time.perf_counter()
        mwparserfromhell.parse(page.text)
        t1 = time.perf_counter()
        Extractor(page.page_id, page.rev_id, "", page.title, [page.text]).extract(io.StringIO())
        t2 = time.perf_counter()
        mwp += t1 - t0
        wx += t2 - t1
    return mwp, wx, text_bytes


def kidpedia_build(path: Path, workers: int, work: Path) -> tuple[float, float, str]:
    db = work / f"bench-w{workers}.db"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    exe = Path(sys.executable).parent / "kidpedia"
    cmd = [str(exe), "build", str(path), "--db", str(db), "--workers", str(workers)]
    seconds, peak, out = run_measured(cmd)
    m = re.search(r"[\d,]+ articles, [\d,]+ redirects, [\d,]+ skipped from [\d,]+ pages", " ".join(out.split()))
    summary = m.group(0) if m else out.strip()[-200:]
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return seconds, peak, summary


def wikiextractor_cli(path: Path, processes: int, work: Path) -> tuple[float, float]:
    out_dir = work / f"wikiextractor-p{processes}"
    cmd = [sys.executable, "-m", "wikiextractor.WikiExtractor", str(path), "-o", str(out_dir),
           "--processes", str(processes), "-q"]  # fmt: skip
    seconds, peak, _ = run_measured(cmd)
    subprocess.run(["rm", "-rf", str(out_dir)], check=True)
    return seconds, peak


# ---- one dump -----------------------------------------------------------------------


def measure(name: str, path: Path, workers: list[int], work: Path, log) -> DumpResult:  # type: ignore[no-untyped-def]
    log(f"[{name}] bz2 floor")
    floor_s, xml_bytes = bz2_floor(path)
    log(f"[{name}] kidpedia reader")
    reader_s, pages, articles, text_bytes = reader_pass(path)
    result = DumpResult(name, str(path), path.stat().st_size / MB, xml_bytes / MB, text_bytes / MB, pages, articles)
    rows = result.rows
    rows.append(Row("bz2 floor (decompress)", floor_s, note=f"{xml_bytes / MB / floor_s:.1f} MB/s of XML"))
    rows.append(Row("kidpedia reader", reader_s, note="decompress + cut + XML parse"))
    for n in workers:
        log(f"[{name}] kidpedia build --workers {n}")
        s, peak, summary = kidpedia_build(path, n, work)
        rows.append(Row(f"kidpedia build w{n}", s, n, peak, summary))
    for n in workers:
        log(f"[{name}] wikiextractor --processes {n}")
        s, peak = wikiextractor_cli(path, n, work)
        rows.append(Row(f"wikiextractor p{n}", s, n, peak, "CLI, plain text only"))
    log(f"[{name}] bare parsers, in process")
    mwp_s, wx_s, article_bytes = parse_pass(path)
    scale = text_bytes / article_bytes  # parse rows timed on articles only: same MB basis
    rows.append(Row("wikiextractor core", wx_s * scale, note="Extractor on articles, parse time only"))
    rows.append(Row("mwparserfromhell core", mwp_s * scale, note="bare parse of articles, parse time only"))
    for row in rows:
        row.wikitext_mb_s = text_bytes / MB / row.seconds
        row.per_core_mb_s = row.wikitext_mb_s / row.cores
        row.pages_per_s = pages / row.seconds
    result.ratios = ratios(rows, workers)
    return result


def ratios(rows: list[Row], workers: list[int]) -> dict[str, float]:
    by = {r.name: r for r in rows}
    out: dict[str, float] = {}
    for n in workers:
        ours = by[f"kidpedia build w{n}"]
        out[f"w{n} / bz2 floor"] = ours.wikitext_mb_s / by["bz2 floor (decompress)"].wikitext_mb_s
        out[f"w{n} / wikiextractor p{n}"] = ours.wikitext_mb_s / by[f"wikiextractor p{n}"].wikitext_mb_s
        out[f"w{n} per core / wikiextractor core"] = ours.per_core_mb_s / by["wikiextractor core"].per_core_mb_s
        out[f"w{n} per core / bare mwparserfromhell"] = ours.per_core_mb_s / by["mwparserfromhell core"].per_core_mb_s
    return {k: round(v, 4) for k, v in out.items()}


def table(result: DumpResult) -> str:
    head = (f"{result.name}: {result.file_mb:.1f} MB file, {result.xml_mb:.1f} MB XML, "
            f"{result.wikitext_mb:.1f} MB wikitext, {result.pages:,} pages ({result.articles:,} articles)")  # fmt: skip
    lines = [head, f"  {'row':<24}{'seconds':>9}{'pages/s':>10}{'MB/s':>8}{'MB/s/core':>11}{'peak RSS':>10}{'load':>6}  note"]
    for r in result.rows:
        rss = f"{r.peak_rss_mb:.0f} MB" if r.peak_rss_mb is not None else "-"
        lines.append(f"  {r.name:<24}{r.seconds:>9.2f}{r.pages_per_s:>10.0f}{r.wikitext_mb_s:>8.2f}"
                     f"{r.per_core_mb_s:>11.2f}{rss:>10}{r.load_after:>6.1f}  {r.note}")  # fmt: skip
    lines.append("  ratios (ours / reference, speed): " + ", ".join(f"{k} = {v:.3f}" for k, v in result.ratios.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, default=300, help="XML size of the large dump (default 300)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    ap.add_argument("--no-large", action="store_true", help="only the real sample dump")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="where the JSON goes")
    ap.add_argument("--dump", type=Path, default=SAMPLE, help="the real dump to measure and repeat")
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)

    from kidpedia.sources.repack import write_repeated

    results = []
    with tempfile.TemporaryDirectory(prefix="kidpedia-bench-") as tmp:
        work = Path(tmp)
        dumps = [("real enwiki excerpt", args.dump)]
        if not args.no_large:
            large = work / f"enwiki-repeated-{args.size_mb:g}MB.xml.bz2"
            log(f"writing {large.name} (real pages repeated under new titles, bzip2)")
            t0 = time.perf_counter()
            write_repeated(args.dump, large, int(args.size_mb * MB))
            log(f"  written in {time.perf_counter() - t0:.0f} s, {large.stat().st_size / MB:.0f} MB compressed")
            dumps.append((f"repeated real pages, {args.size_mb:g} MB XML", large))
        for name, path in dumps:
            result = measure(name, path, args.workers, work, log)
            results.append(result)
            print(table(result), "\n", flush=True)

    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "bench_process_peak_rss_mb": round(self_rss_mb(), 1),
        "dumps": [asdict(r) for r in results],
    }
    write_report(args.out, "throughput", report)
    return 0


def write_report(folder: Path, kind: str, report: dict) -> Path:
    """``report`` as ``<folder>/<kind>-<UTC time>.json``; says where."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{kind}-{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}.json"
    out.write_text(json.dumps(report, indent=2))
    print(f"written {out}")
    return out


if __name__ == "__main__":
    raise SystemExit(main())
