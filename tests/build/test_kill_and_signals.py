"""Issue 12: a build that is killed or interrupted keeps what it says it keeps.

Real processes, real signals: ``kidpedia build`` on the real enwiki sample dump,
run as a user runs it. A worker killed with ``kill -9`` (what the out-of-memory
killer does) is replaced and the build ends with every page in under twice the
time of an undisturbed build; SIGINT and SIGTERM stop it with every finished page
committed and a summary whose counts are the database's; running the command
again resumes it to the same database as an undisturbed build.
"""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"
SUMMARY = re.compile(r"([\d,]+) articles, ([\d,]+) redirects, ([\d,]+) skipped from ([\d,]+) pages")

pytestmark = pytest.mark.slow  # each runs whole builds of the 206-page sample (5-20 s)


def start(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "kidpedia", "build", str(SAMPLE), "--db", str(db), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def summary(out: str) -> tuple[int, int, int, int]:
    m = SUMMARY.search(" ".join(out.split()))
    assert m, out
    return tuple(int(x.replace(",", "")) for x in m.groups())  # type: ignore[return-value]


def db_counts(db: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(db)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                     for t in ("articles", "redirects", "skips"))
    finally:
        conn.close()


def contents(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return (conn.execute("SELECT lang, title, data FROM articles ORDER BY lang, title").fetchall()
                + conn.execute("SELECT * FROM redirects ORDER BY lang, title").fetchall()
                + conn.execute("SELECT * FROM skips ORDER BY lang, title").fetchall())
    finally:
        conn.close()


def workers_of(proc: subprocess.Popen[str]) -> list[psutil.Process]:
    """The build's pool workers (not multiprocessing's resource tracker)."""
    found = []
    for child in psutil.Process(proc.pid).children():
        try:
            cmd = " ".join(child.cmdline())
        except psutil.Error:
            continue
        if "spawn_main" in cmd:
            found.append(child)
    return found


def test_a_worker_killed_mid_build_is_replaced_and_no_page_is_lost(tmp_path, sample_db):
    t0 = time.perf_counter()
    normal = start(tmp_path / "normal.db", "--workers", "2")
    out_normal, err_normal = normal.communicate(timeout=300)
    normal_s = time.perf_counter() - t0
    assert normal.returncode == 0, err_normal

    db = tmp_path / "killed.db"
    t0 = time.perf_counter()
    proc = start(db, "--workers", "2")
    while len(workers_of(proc)) < 2 and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(min(2.0, normal_s / 3))  # mid-build: warmed up and working
    victims = workers_of(proc)
    assert victims and proc.poll() is None, "the build ended before the kill"
    victims[0].send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=300)
    killed_s = time.perf_counter() - t0
    assert proc.returncode == 0, err
    assert "replaced the worker processes" in out, out
    assert summary(out) == summary(out_normal)
    assert contents(db) == contents(tmp_path / "normal.db") == contents(sample_db)
    assert killed_s < 2 * normal_s, (killed_s, normal_s)


@pytest.mark.parametrize(("sig", "workers", "code"), [(signal.SIGINT, "1", 130), (signal.SIGTERM, "2", 143)])
def test_an_interrupted_build_saves_what_its_summary_says(tmp_path, sample_db, sig, workers, code):
    db = tmp_path / "x.db"
    proc = start(db, "--workers", workers)
    while not db.exists() and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(3.0)  # some batches done, not all (an undisturbed build takes 6 s or more here)
    assert proc.poll() is None, "the build ended before the signal"
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == code, (out, err)
    assert f"interrupted ({sig.name})" in err and "Traceback" not in err
    articles, redirects, skipped, pages = summary(out)
    assert 0 < pages < 206, out
    assert db_counts(db) == (articles, redirects, skipped)
    assert f"the {pages:,} pages counted above are saved" in " ".join(err.split())

    again = start(db, "--workers", workers)
    out2, err2 = again.communicate(timeout=300)
    assert again.returncode == 0, err2
    assert f"resumed {SAMPLE} after {pages:,} pages" in " ".join(out2.split())
    assert contents(db) == contents(sample_db)
