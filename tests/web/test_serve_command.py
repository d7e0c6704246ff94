"""`kidpedia serve`: serves a database over HTTP; a missing database is one error line."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from kidpedia.web.server import free_port


def kidpedia(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "kidpedia", *args]
    return subprocess.run(cmd, check=False, capture_output=True, text=True, **kw)


def test_serve_help_names_its_options():
    r = kidpedia("serve", "--help")
    assert r.returncode == 0
    for option in ("--db", "--host", "--port"):
        assert option in r.stdout


def test_serve_without_a_database_is_one_line_and_an_error_code(tmp_path: Path):
    r = kidpedia("serve", "--db", str(tmp_path / "missing.db"), timeout=60)
    assert r.returncode == 1
    assert r.stderr.strip().startswith("kidpedia: error: no database at")
    assert "Traceback" not in r.stderr


def test_serve_serves_the_site(sample_db: Path):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kidpedia", "serve", "--db", str(sample_db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/wiki/Aardvark", timeout=2) as r:
                    body = r.read().decode()
                    assert r.status == 200 and "Aardvark" in body
                    assert r.headers["Content-Security-Policy"].startswith("default-src 'self'")
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "server did not answer"
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_busy_port_is_one_error_line_and_nothing_says_serving(sample_db: Path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = kidpedia("serve", "--db", str(sample_db), "--port", str(port), timeout=60)
    assert r.returncode != 0 and "serving" not in r.stdout
    assert r.stderr.strip() == (f"kidpedia: error: port {port} on 127.0.0.1 is in use"
                                " (stop what runs there, or give another --port)")
