"""The CPU a search page costs in this process, phase by phase, and a digest of what search answers.

    python bench/searchcpu.py --db DIR/scale-1000000.db [--queries 200] [--profile 25]
    python bench/searchcpu.py --db DIR/scale-1000000.db --digest 1000

The query sets are ``bench/scale.py``'s (exact titles, one word of a title, two words of
an article's text, from the real articles with its seed). Each search page is made as
``/search?q=`` makes it (``web.pages.search_html``, the route's and the hot path's
function) on the store opened as the site opens it, every query once untimed first (the
store's pages in memory, as a running site's are); then once more, timed: CPU per page
(``time.process_time``), p50/p90/p99/max per kind, and the slowest queries.

``--profile N``: the timed pass under cProfile, its N costliest functions by their own
time and by cumulative time (cProfile's overhead inflates both: read them as shares).

``--digest N``: ``forgive.find`` (10 results, as the page asks) on the first N queries of
the three kinds taken in turn; prints a sha256 of every (query, exact, did_you_mean,
total, result titles in order) and, separately, of the snippets. Run it with another
tree first on PYTHONPATH to check that a change ranks the same.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

KINDS = ("exact", "word", "two words")


def query_sets(n: int) -> dict[str, list[str]]:
    import scale

    qs = scale.queries(scale.originals(scale.SUMMARIES, scale.SAMPLE), n)
    return {k: qs[k] for k in KINDS}


def site_for(db: Path):  # type: ignore[no-untyped-def]
    from kidpedia.store import Store
    from kidpedia.store.db import READ_MMAP_MB
    from kidpedia.web.app import Site

    return Site(Store(db, mmap_mb=READ_MMAP_MB))


def cpu_per_page(site, qs: dict[str, list[str]], profile: int) -> dict:  # type: ignore[no-untyped-def]
    from kidpedia.web.pages import search_html

    for kind in KINDS:
        for q in qs[kind]:
            search_html(site, q)
    out = {}
    prof = cProfile.Profile() if profile else None
    for kind in KINDS:
        times = []
        for q in qs[kind]:
            if prof:
                prof.enable()
            c0 = time.process_time()
            search_html(site, q)
            times.append((time.process_time() - c0, q))
            if prof:
                prof.disable()
        cpu = sorted(t for t, _ in times)
        out[kind] = {
            "n": len(cpu), "mean_ms": round(statistics.mean(cpu) * 1000, 3),
            "p50_ms": round(cpu[len(cpu) // 2] * 1000, 3), "p90_ms": round(cpu[int(len(cpu) * 0.9)] * 1000, 3),
            "p99_ms": round(cpu[min(len(cpu) - 1, int(len(cpu) * 0.99))] * 1000, 3),
            "max_ms": round(cpu[-1] * 1000, 3),
            "slowest": [(q, round(t * 1000, 2)) for t, q in sorted(times, reverse=True)[:5]],
        }
    if prof:
        for order in ("tottime", "cumulative"):
            s = io.StringIO()
            pstats.Stats(prof, stream=s).sort_stats(order).print_stats(profile)
            print(s.getvalue())
    return out


def digest(site, qs: dict[str, list[str]], n: int) -> dict:  # type: ignore[no-untyped-def]
    from kidpedia.store import forgive
    from kidpedia.web.query import clean_query, is_blocked

    mixed = [q for trio in zip(*(qs[k] for k in KINDS)) for q in trio][:n]
    results, snippets = hashlib.sha256(), hashlib.sha256()
    for q in mixed:
        query = clean_query(q)
        found = forgive.find(site.store, query, limit=10, blocked=is_blocked)
        row = [query, found.exact, found.did_you_mean, found.total, [h.title for h in found.hits]]
        results.update(json.dumps(row, ensure_ascii=False).encode() + b"\n")
        snippets.update(json.dumps([h.snippet for h in found.hits], ensure_ascii=False).encode() + b"\n")
    return {"queries": len(mixed), "results": results.hexdigest()[:16], "snippets": snippets.hexdigest()[:16]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--queries", type=int, default=200, help="queries of each kind")
    ap.add_argument("--profile", type=int, default=0, help="print this many functions of a cProfile of the timed pass")
    ap.add_argument("--digest", type=int, default=0, help="digest of what find answers to this many queries")
    args = ap.parse_args()
    qs = query_sets(max(args.queries, -(-args.digest // len(KINDS))))
    site = site_for(args.db)
    if args.digest:
        print(json.dumps(digest(site, qs, args.digest)))
        return 0
    rows = cpu_per_page(site, {k: v[: args.queries] for k, v in qs.items()}, args.profile)
    import os

    for kind, row in rows.items():
        print(f"{kind:<10} n {row['n']}  CPU per page mean {row['mean_ms']:.2f} ms  p50 {row['p50_ms']:.2f}"
              f"  p90 {row['p90_ms']:.2f}  p99 {row['p99_ms']:.2f}  max {row['max_ms']:.2f}  slowest {row['slowest'][:3]}")
    print(f"load {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
