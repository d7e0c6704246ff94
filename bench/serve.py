"""Web serving speed against a floor measured in the same run, by the same server.

    python bench/serve.py [--db PATH] [--seconds 4] [--clients 1 8] [--workers 1] [--out bench/out]

The server is the real command, ``kidpedia serve --db DB [--workers N]`` (one uvicorn
process unless ``--workers`` says more),
started as a subprocess on a free port; DB is the bundled real sample, built into a
temporary directory unless ``--db`` names one. Clients are threads in this process,
each with one keep-alive HTTP/1.1 connection, asking one request after another.

Rows (each run for ``--seconds`` after a short warm-up, with 1 and with 8 clients):
  static file   /static/kidpedia.css: the floor (the server's own static file path)
  article page  /wiki/<Title>, cycling through every article in the database
  search page   /search?q=<word>, cycling through words from the titles (ranked, snippets)
  suggest API   /api/suggest?q=<prefix>, 1-3 letter prefixes (search-as-you-type)

Reported: requests/s, p50 and p99 latency (ms), errors (any status other than 200),
and requests/s as a share of the static file's with the same number of clients.
A table is printed and the numbers written to ``bench/out/serve-<time>.json``.
Client and server share the machine's cores, so the floor matters more than the
absolute numbers.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"


@dataclass
class Row:
    name: str
    clients: int
    requests: int
    errors: int
    seconds: float
    per_s: float
    p50_ms: float
    p99_ms: float
    vs_static: float = 1.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_sample(tmp: Path) -> Path:
    db = tmp / "sample.db"
    subprocess.run(
        [sys.executable, "-m", "kidpedia", "build", str(SAMPLE), "--db", str(db)],
        check=True, stdout=subprocess.DEVNULL,
    )
    return db


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    more = ["--workers", str(workers)] if workers > 1 else []  # (a tree before --workers takes none)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kidpedia", "serve", "--db", str(db), "--port", str(port), *more],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("the server exited before listening") from None
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def client_loop(port: int, paths: list[str], start: int, stop_at: float, out: list[float], errors: list[int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = start
    while time.perf_counter() < stop_at:
        path = paths[i % len(paths)]
        i += 1
        t0 = time.perf_counter()
        conn.request("GET", path)
        r = conn.getresponse()
        r.read()
        out.append(time.perf_counter() - t0)
        if r.status != 200:
            errors.append(r.status)
    conn.close()


def run(port: int, name: str, paths: list[str], clients: int, seconds: float) -> Row:
    """``clients`` threads asking ``paths`` in turn for ``seconds`` (after a warm-up)."""
    for p in paths[: min(len(paths), 50)]:
        client_loop(port, [p], 0, time.perf_counter() + 0.001, [], [])
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors: list[int] = []
    start = time.perf_counter()
    stop_at = start + seconds
    threads = [
        threading.Thread(target=client_loop, args=(port, paths, k * 7, stop_at, latencies[k], errors))
        for k in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    all_ms = sorted(x * 1000 for lst in latencies for x in lst)
    n = len(all_ms)
    return Row(
        name=name, clients=clients, requests=n, errors=len(errors), seconds=round(wall, 2),
        per_s=round(n / wall, 1),
        p50_ms=round(all_ms[n // 2], 2) if n else 0.0,
        p99_ms=round(all_ms[min(n - 1, int(n * 0.99))], 2) if n else 0.0,
    )


def workloads(db: Path) -> dict[str, list[str]]:
    from kidpedia.store import Store
    from kidpedia.web.render import wiki_url

    titles = Store(db).titles(limit=100_000)
    words = sorted({w.lower() for t in titles for w in re.findall(r"[A-Za-z]{4,}", t)})
    prefixes = sorted({t[:n].lower() for t in titles for n in (1, 2, 3) if len(t) >= n})
    return {
        "static file": ["/static/kidpedia.css"],
        "article page": [wiki_url(t) for t in titles],
        "search page": ["/search?q=" + quote(w) for w in words],
        "suggest API": ["/api/suggest?q=" + quote(p) for p in prefixes],
    }


def print_table(rows: list[Row]) -> None:
    head = f"{'workload':<14} {'clients':>7} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs static':>9} {'errors':>6}"
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r.name:<14} {r.clients:>7} {r.per_s:>9.1f} {r.p50_ms:>8.2f} {r.p99_ms:>8.2f}"
            f" {r.vs_static:>9.2f} {r.errors:>6}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="database to serve (default: build the bundled sample)")
    ap.add_argument("--seconds", type=float, default=4.0)
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    ap.add_argument("--workers", type=int, default=1, help="kidpedia serve --workers (server processes)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_sample(Path(tmp))
        loads = workloads(db)
        port = free_port()
        server = start_server(db, port, args.workers)
        rows: list[Row] = []
        try:
            for clients in args.clients:
                floor = None
                for name, paths in loads.items():
                    row = run(port, name, paths, clients, args.seconds)
                    floor = floor or row.per_s
                    row.vs_static = round(row.per_s / floor, 3) if floor else 0.0
                    rows.append(row)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print_table(rows)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"serve-{time.strftime('%Y%m%d-%H%M%S')}.json"
    meta = {
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "db": str(args.db or "bundled sample (built for this run)"), "seconds": args.seconds,
        "articles": len(loads["article page"]), "workers": args.workers,
    }
    path.write_text(json.dumps({"meta": meta, "rows": [asdict(r) for r in rows]}, indent=2) + "\n")
    print(f"\nwritten: {path}")


if __name__ == "__main__":
    main()
