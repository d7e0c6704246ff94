"""An article page served by kidpedia beside kiwix-serve and nginx, measured with wrk in one run.

    python bench/peers.py [--db PATH] [--seconds 5] [--clients 1 8] [--workers 2] [--out bench/out]
    python bench/peers.py --search [--queries 2000] --db scale-1000000.db ...

Servers, each started here on a free 127.0.0.1 port and stopped at the end:
  nginx (floor)   a static file: kidpedia's own rendered page of the same article,
                  with its .gz beside it (gzip_static), ``worker_processes`` = --workers
  kiwix-serve     kiwix-tools' server on the real Ray Charles ZIM
                  (``../shared/data/zim/kiwix-js/wikipedia_en_ray_charles_2015-06.zim``),
                  its article "Ray Charles"
  kidpedia        ``kidpedia serve --db DB --workers N``: ``/wiki/<Title>`` of the article
                  whose page is nearest in size to kiwix-serve's, after one request has
                  rendered and stored it (the hot path serves the stored gzip)

``--search``: the search page instead, measured the same way (issue 11: p99 < 20 ms at 8
clients on 1 M articles). wrk asks a different query each request (a Lua script walks a
list): exact titles, one word of a title, and two words of an article's text, made with
a seed from the real articles (``bench/scale.py``'s ``queries``, the query sets of its
``--measure``), ``--queries`` of each kind, so no answer is asked twice in a short run
(search answers are not cached). Rows per kind beside the nginx floor (a static file:
kidpedia's own search page for one query). No peer: none of the real ZIM files here has a
full-text index for kiwix-serve to search.

Every request says ``Accept-Encoding: gzip`` (as every browser does). wrk runs for
``--seconds`` with 1 and with 8 connections (1 and 2 threads) after a 1 s warm-up.
Reported: requests/s, p50 and p99 latency, bytes per response, and kidpedia's
requests/s over kiwix-serve's and over nginx's. The client shares the machine's two
cores with the servers and with other work: ratios matter, and the 1-minute load
average is written beside each row. Needs wrk, nginx and kiwix-serve (``make bench``
installs them from Debian).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import SHARED

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"
ZIM = SHARED / "data" / "zim" / "kiwix-js" / "wikipedia_en_ray_charles_2015-06.zim"
GZ = {"Accept-Encoding": "gzip"}


@dataclass
class Row:
    server: str
    url: str
    encoding: str
    clients: int
    per_s: float
    p50_ms: float
    p99_ms: float
    bytes: int
    load: float = field(default_factory=lambda: round(os.getloadavg()[0], 2))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int, proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"{what} exited before listening") from None
            time.sleep(0.1)
    raise SystemExit(f"{what} did not start")


def fetch(url: str) -> tuple[bytes, dict]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=GZ), timeout=30) as r:
        body = r.read()
        headers = {k.lower(): v for k, v in r.headers.items()}  # uvicorn's are lower-case
    return body, headers


_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    m = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    assert m, text
    return float(m.group(1)) * _UNIT[m.group(2)]


def wrk(url: str, clients: int, seconds: float, encoding: str = "gzip",
        script: Path | None = None) -> tuple[float, float, float]:
    """(requests/s, p50 ms, p99 ms) from wrk with ``clients`` connections (``script``: a
    Lua script that chooses each request's path, ``paths_script``)."""
    threads = min(clients, 2)
    base = ["wrk", "-t", str(threads), "-c", str(clients), "-H", f"Accept-Encoding: {encoding}", "--latency"]
    if script is not None:
        base += ["-s", str(script)]
    subprocess.run([*base, "-d", "1s", url], capture_output=True, check=True)  # warm-up
    out = subprocess.run([*base, "-d", f"{round(seconds)}s", url], capture_output=True, text=True, check=True).stdout
    per_s = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    # Lines of the latency distribution only: a "+/- Stdev" of "90.50%" holds "50%" too.
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.MULTILINE).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.MULTILINE).group(1))  # type: ignore[union-attr]
    if "Non-2xx" in out:
        raise SystemExit(f"wrk saw errors on {url}:\n{out}")
    return per_s, p50, p99


def paths_script(tmp: Path, name: str, paths: list[str]) -> Path:
    """A wrk Lua script asking ``paths`` in turn, each thread from its own place in the list."""
    listing = tmp / f"{name}.paths"
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    script = tmp / f"{name}.lua"
    script.write_text(f"""
local paths = {{}}
for line in io.lines("{listing}") do paths[#paths + 1] = line end
local i = 0
local threads = 0
function setup(thread) threads = threads + 1; thread:set("start", threads * 7919) end
function init(args) i = tonumber(start) or 0 end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
""")
    return script


def stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=15)
        except subprocess.TimeoutExpired:
            p.kill()


def start_kidpedia(db: Path, port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kidpedia", "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
    )
    wait_port(port, proc, "kidpedia serve")
    return proc


def start_kiwix(port: int) -> subprocess.Popen:
    proc = subprocess.Popen(["kiwix-serve", "-p", str(port), "-i", "127.0.0.1", str(ZIM)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port, proc, "kiwix-serve")
    return proc


def start_nginx(root: Path, port: int, workers: int) -> subprocess.Popen:
    conf = root / "nginx.conf"
    conf.write_text(f"""
user root;
worker_processes {workers};
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {root}/tmp; proxy_temp_path {root}/tmp; fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp; scgi_temp_path {root}/tmp;
    default_type text/html;
    sendfile on;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
        gzip_static on;
        etag on;
    }}
}}
""")
    (root / "tmp").mkdir(exist_ok=True)
    proc = subprocess.Popen(["nginx", "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port, proc, "nginx")
    return proc


def kiwix_article_url(port: int) -> str:
    name = ZIM.stem
    for path in (f"/{name}/A/Ray_Charles.html", f"/content/{name}/A/Ray_Charles.html", f"/{name}/A/Ray_Charles"):
        try:
            fetch(f"http://127.0.0.1:{port}{path}")
            return path
        except OSError:
            continue
    raise SystemExit("kiwix-serve does not serve Ray Charles")


def nearest_article(db: Path, port: int, size: int) -> tuple[str, bytes]:
    """The article whose page (HTML) is nearest to ``size`` bytes; each page fetched once,
    which renders and stores it."""
    from kidpedia.store import Store
    from kidpedia.web.render import wiki_url

    best: tuple[int, str, bytes] | None = None
    for title in Store(db).titles(limit=100_000):
        body, headers = fetch(f"http://127.0.0.1:{port}{wiki_url(title)}")
        html = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
        d = abs(len(html) - size)
        if best is None or d < best[0]:
            best = (d, wiki_url(title), html)
    assert best is not None
    return best[1], best[2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="database to serve (default: build the bundled sample)")
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    ap.add_argument("--workers", type=int, default=2, help="kidpedia serve --workers, nginx worker_processes")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--search", action="store_true", help="the search page instead of an article page")
    ap.add_argument("--queries", type=int, default=2000, help="--search: queries of each kind")
    args = ap.parse_args()
    for tool in ("wrk", "nginx") if args.search else ("wrk", "nginx", "kiwix-serve"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is not installed (make bench installs it)")
    if args.search:
        search_main(args)
        return
    procs: list[subprocess.Popen] = []
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = args.db
        if db is None:
            db = tmp / "sample.db"
            subprocess.run([sys.executable, "-m", "kidpedia", "build", str(SAMPLE), "--db", str(db)],
                           check=True, stdout=subprocess.DEVNULL)
        try:
            kiwix_port, kid_port, nginx_port = free_port(), free_port(), free_port()
            procs.append(start_kiwix(kiwix_port))
            kiwix_path = kiwix_article_url(kiwix_port)
            kiwix_body, kiwix_headers = fetch(f"http://127.0.0.1:{kiwix_port}{kiwix_path}")
            kiwix_html = gzip.decompress(kiwix_body) if kiwix_headers.get("content-encoding") == "gzip" else kiwix_body
            procs.append(start_kidpedia(db, kid_port, args.workers))
            kid_path, kid_html = nearest_article(db, kid_port, len(kiwix_html))
            www = tmp / "www"
            www.mkdir()
            (www / "article.html").write_bytes(kid_html)
            (www / "article.html.gz").write_bytes(gzip.compress(kid_html, 9))
            procs.append(start_nginx(tmp, nginx_port, args.workers))
            targets = [
                ("nginx static", f"http://127.0.0.1:{nginx_port}/article.html"),
                ("kiwix-serve", f"http://127.0.0.1:{kiwix_port}{kiwix_path}"),
                (f"kidpedia w{args.workers}", f"http://127.0.0.1:{kid_port}{kid_path}"),
            ]
            sizes = {}
            for name, url in targets:
                body, headers = fetch(url)
                sizes[name] = (len(body), headers.get("content-encoding", "identity"))
            for encoding in ("gzip", "identity"):
                for clients in args.clients:
                    for name, url in targets:
                        per_s, p50, p99 = wrk(url, clients, args.seconds, encoding)
                        size = sizes[name][0] if encoding == "gzip" else len(kid_html if name != "kiwix-serve" else kiwix_html)
                        rows.append(Row(name, url, encoding, clients, per_s, round(p50, 3), round(p99, 3), size))
        finally:
            stop(procs)
    print(f"kiwix-serve page: {len(kiwix_html):,} bytes of HTML; kidpedia page {kid_path}: {len(kid_html):,} bytes")
    head = f"{'server':<14} {'encoding':>8} {'clients':>7} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'bytes sent':>10} {'load':>5}"
    print(head + "\n" + "-" * len(head))
    ratios = {}
    for r in rows:
        print(f"{r.server:<14} {r.encoding:>8} {r.clients:>7} {r.per_s:>9.1f} {r.p50_ms:>8.2f} {r.p99_ms:>8.2f} {r.bytes:>10,} {r.load:>5.2f}")
    for encoding in ("gzip", "identity"):
        for clients in args.clients:
            by = {r.server: r for r in rows if r.clients == clients and r.encoding == encoding}
            kid = by[f"kidpedia w{args.workers}"]
            ratios[f"kidpedia/kiwix-serve {encoding} c{clients}"] = round(kid.per_s / by["kiwix-serve"].per_s, 3)
            ratios[f"kidpedia/nginx {encoding} c{clients}"] = round(kid.per_s / by["nginx static"].per_s, 3)
    for k, v in ratios.items():
        print(f"{k:<32} {v:.2f}x")
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"peers-{time.strftime('%Y%m%d-%H%M%S')}.json"
    meta = {"cpus": os.cpu_count(), "seconds": args.seconds, "workers": args.workers,
            "kiwix_html_bytes": len(kiwix_html), "kidpedia_html_bytes": len(kid_html), "sizes": sizes}
    path.write_text(json.dumps({"meta": meta, "rows": [asdict(r) for r in rows], "ratios": ratios}, indent=2) + "\n")
    print(f"\nwritten: {path}")


def search_main(args: argparse.Namespace) -> None:
    """The search page of ``kidpedia serve`` under wrk, per kind of query, beside nginx
    serving one of its answers as a file (``--search``)."""
    from urllib.parse import quote

    import scale

    if args.db is None:
        raise SystemExit("--search needs --db (e.g. a bench/scale.py --save store of 1 M articles)")
    print("query sets from the real articles (bench/scale.py queries) ...", flush=True)
    qs = scale.queries(scale.originals(scale.SUMMARIES, SAMPLE), args.queries)
    kinds = {"exact": qs["exact"], "word": qs["word"], "two words": qs["two words"]}
    procs: list[subprocess.Popen] = []
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        try:
            kid_port, nginx_port = free_port(), free_port()
            procs.append(start_kidpedia(args.db, kid_port, args.workers))
            one = "/search?q=" + quote(kinds["word"][0])
            body, headers = fetch(f"http://127.0.0.1:{kid_port}{one}")
            html = gzip.decompress(body) if headers.get("content-encoding") == "gzip" else body
            www = tmp / "www"
            www.mkdir()
            (www / "search.html").write_bytes(html)
            (www / "search.html.gz").write_bytes(gzip.compress(html, 9))
            procs.append(start_nginx(tmp, nginx_port, args.workers))
            scripts = {kind: paths_script(tmp, f"kid-{n}", ["/search?q=" + quote(q) for q in qs_])
                       for n, (kind, qs_) in enumerate(kinds.items())}
            for clients in args.clients:
                url = f"http://127.0.0.1:{nginx_port}/search.html"
                per_s, p50, p99 = wrk(url, clients, args.seconds)
                rows.append(Row("nginx static", url, "gzip", clients, per_s, round(p50, 3), round(p99, 3), len(html)))
                for kind, script in scripts.items():
                    url = f"http://127.0.0.1:{kid_port}/"
                    per_s, p50, p99 = wrk(url, clients, args.seconds, script=script)
                    rows.append(Row(f"kidpedia {kind}", "/search?q=...", "gzip", clients, per_s, round(p50, 3), round(p99, 3), 0))
        finally:
            stop(procs)
    head = f"{'search':<20} {'clients':>7} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'load':>5}"
    print(f"database: {args.db}; kidpedia serve --workers {args.workers}; {args.queries} queries of each kind")
    print(head + "\n" + "-" * len(head))
    for r in rows:
        print(f"{r.server:<20} {r.clients:>7} {r.per_s:>9.1f} {r.p50_ms:>8.2f} {r.p99_ms:>8.2f} {r.load:>5.2f}")
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"peers-search-{time.strftime('%Y%m%d-%H%M%S')}.json"
    meta = {"cpus": os.cpu_count(), "seconds": args.seconds, "workers": args.workers, "db": str(args.db),
            "queries": args.queries}
    path.write_text(json.dumps({"meta": meta, "rows": [asdict(r) for r in rows]}, indent=2) + "\n")
    print(f"\nwritten: {path}")


if __name__ == "__main__":
    main()
