"""``kidpedia serve --workers N``: N server processes answering on one port."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import psutil
import pytest

from kidpedia.web.server import free_port

pytestmark = pytest.mark.slow


def test_serve_with_two_worker_processes(tmp_path, sample_db, copy_db):
    db = copy_db(sample_db, tmp_path / "sample.db")
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kidpedia", "serve", "--db", str(db), "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/wiki/Albert_Einstein"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as r:
                    first = r.read()
                break
            except OSError:
                assert proc.poll() is None, proc.communicate()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        bodies = []
        for _ in range(6):
            with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})) as r:
                assert r.headers["Content-Encoding"] == "gzip" and r.headers["ETag"]
                import gzip

                bodies.append(gzip.decompress(r.read()))
        assert all(b == first for b in bodies) and b"Albert Einstein" in first
        servers = [c for c in psutil.Process(proc.pid).children(recursive=True)
                   if "spawn_main" in " ".join(c.cmdline())]
        assert len(servers) == 2, servers
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert "with 2 processes" in proc.stdout.read().replace("\n", " ")
