"""What one page costs a worker: hostile pages beside real ones, to choose the budgets.

    python bench/hostile.py [--repeat 1] [--out bench/out]

Each page runs through ``pipeline.process_page`` in a worker process of its own (spawned
and warmed up as the build's are: rules, word lists and parser loaded first), so a
row's peak RSS is that worker's, not the sum of everything before it. Rows:

  real pages (median, max)   every article of the bundled real enwiki sample (206 pages)
  the issue's hostile pages  {{#if:1| × 8,000 (64 KB), {{a| × 8,000, <div> × 16,000 and
                             × 50,000, [[a| × 8,000, [http:// × 4,000, {{a|<div> × 4,000,
                             a| × 16,000 (a guard rule made this quadratic once), a 250 KB
                             run of unclosed external links, a 5 MB page of real text run
                             together, and the 15 MB single-token page (over the byte
                             budget, so it is measured as parsed with the budget lifted)

Columns: CPU seconds for the page (the worst of --repeat runs) and its ratio to the
median real page measured in the same run; the worker's peak RSS (its text included)
and how far the page took it over the warmed-up worker's resident memory. ``pool.Budgets`` defaults (30 s, 4 MiB of
text, 2,048 MB a worker) come from this table: far over every real page, far under
what a stalled page would cost. A table is printed and the numbers written to
``bench/out/hostile-<time>.json``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"


def hostile_pages(real_text: str) -> dict[str, str]:
    return {
        "{{#if:1| x 8,000": "{{#if:1|" * 8_000,
        "{{a| x 8,000": "{{a|" * 8_000,
        "<div> x 16,000": "<div>" * 16_000,
        "<div> x 50,000": "<div>" * 50_000,
        "[[a| x 8,000": "[[a|" * 8_000,
        "[http:// x 4,000": "[http://example.org " * 4_000,
        "{{a|<div> x 4,000": "{{a|<div>" * 4_000,
        "a| x 16,000": "a|" * 16_000,
        "[http://..|- label] 250 KB": "[http://example.org/|- label]" * 8_600,
        "real text run together 5 MB": (real_text * (5_000_000 // max(1, len(real_text)) + 1))[:5_000_000],
        "one token 15 MB": "x" * 15_000_000,
    }


def _status_mb(field: str) -> float:
    """A memory field of /proc/self/status (VmRSS: resident now, VmHWM: peak), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _run_page(text: str, conn) -> None:  # type: ignore[no-untyped-def]
    """In a worker: warm up as the build's workers do, then time one page."""
    from kidpedia.model import RawPage
    from kidpedia.pipeline import process_page
    from kidpedia.pool import _warm_up

    _warm_up()
    base = _status_mb("VmRSS")  # resident now, warmed up
    start = time.process_time()
    result = process_page(RawPage(title="Bench page", text=text))
    seconds = time.process_time() - start
    peak = _status_mb("VmHWM")  # this process's peak (ru_maxrss would carry the parent's from before exec)
    conn.send((seconds, peak, max(0.0, peak - base), type(result).__name__ + (f":{result.reason}" if hasattr(result, "reason") else "")))


def measure(text: str, repeat: int) -> dict[str, float | str]:
    ctx = mp.get_context("spawn")
    worst: dict[str, float | str] = {}
    for _ in range(repeat):
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_run_page, args=(text, child))
        proc.start()
        seconds, peak, growth, result = parent.recv()
        proc.join()
        if not worst or seconds > float(worst["cpu_s"]):
            worst = {"cpu_s": seconds, "peak_rss_mb": peak, "rss_growth_mb": growth, "result": result}
    return worst


def real_texts() -> list[tuple[str, str]]:
    from kidpedia.sources.dump import iter_pages

    return [(p.title, p.text) for p in iter_pages(SAMPLE) if p.ns == 0 and not p.redirect and p.text.strip()]


def real_rows(pages: list[tuple[str, str]]) -> list[dict[str, float | str]]:
    """Every real page in one warmed worker: CPU seconds each (RSS grows only with the largest)."""
    ctx = mp.get_context("spawn")
    with ctx.Pool(1, initializer=_warm_in_pool) as pool:
        return pool.map(_time_in_pool, pages)


def _warm_in_pool() -> None:
    from kidpedia.pool import _warm_up

    _warm_up()


def _time_in_pool(page: tuple[str, str]) -> dict[str, float | str]:
    from kidpedia.model import RawPage
    from kidpedia.pipeline import process_page

    start = time.process_time()
    process_page(RawPage(title=page[0], text=page[1]))
    return {"title": page[0], "bytes": len(page[1].encode()), "cpu_s": time.process_time() - start}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()

    pages = real_texts()
    real = real_rows(pages)
    cpu = sorted(float(r["cpu_s"]) for r in real)
    median_cpu = statistics.median(cpu)
    largest = max(pages, key=lambda p: len(p[1]))
    by_size = sorted(pages, key=lambda p: len(p[1]))
    normal = measure(by_size[len(by_size) // 2][1], args.repeat)  # the median-sized page, in a worker of its own
    big = measure(largest[1], args.repeat)
    rows = [(f"real page, median of {len(cpu)}", {"cpu_s": median_cpu, "peak_rss_mb": normal["peak_rss_mb"],
                                                  "rss_growth_mb": normal["rss_growth_mb"], "result": "Article"}),
            (f"real page, slowest ({max(real, key=lambda r: float(r['cpu_s']))['title']})",
             {"cpu_s": cpu[-1], "peak_rss_mb": "", "rss_growth_mb": "", "result": "Article"}),
            (f"real page, largest ({largest[0]}, {len(largest[1].encode()) // 1000} KB)", big)]
    joined = "\n\n".join(t for _, t in pages)
    for name, text in hostile_pages(joined).items():
        rows.append((name, measure(text, args.repeat)))

    print(f"{'page':48s} {'CPU s':>8s} {'x median':>9s} {'peak RSS MB':>12s} {'growth MB':>10s}  result")
    for name, r in rows:
        ratio = float(r["cpu_s"]) / median_cpu if median_cpu else 0.0
        peak = f"{r['peak_rss_mb']:.0f}" if isinstance(r["peak_rss_mb"], float) else ""
        growth = f"{r['rss_growth_mb']:.0f}" if isinstance(r["rss_growth_mb"], float) else ""
        print(f"{name:48s} {float(r['cpu_s']):8.3f} {ratio:9.1f} {peak:>12s} {growth:>10s}  {r['result']}")
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out / f"hostile-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"rows": [{"page": n, **r} for n, r in rows], "real_pages": real,
                               "python": sys.version.split()[0]}, indent=1))
    print(f"-> {out}")


if __name__ == "__main__":
    main()
