"""``kidpedia build … --dask local:2``: the same database as the plain build, and a build
that survives a killed worker and resumes after an interrupted client.

Runs on the bundled real sample (206 pages of the English Wikipedia), cut into small
partitions so that there are many tasks to kill and resume between.
"""

from __future__ import annotations

import hashlib
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from kidpedia.build_dask import Partition, parse_cluster, partition_pages
from kidpedia.errors import UsageError
from kidpedia.sources.repack import write_multistream

pytestmark = pytest.mark.slow
PARTITION_MB = "0.2"  # the sample's ~9 MB of XML in about 40 tasks


def snapshot(db: Path) -> dict[str, list]:
    """Everything a reader sees: articles (id, title, content hash), redirects, skips,
    categories, links, the search index and the resume points."""
    conn = sqlite3.connect(db)
    try:
        return {
            "articles": [
                (i, t, hashlib.sha256(d.encode()).hexdigest())
                for i, t, d in conn.execute("SELECT id, title, data FROM articles ORDER BY id")
            ],
            "redirects": sorted(conn.execute("SELECT * FROM redirects")),
            "skips": sorted(conn.execute("SELECT * FROM skips")),
            "categories": sorted(conn.execute("SELECT * FROM categories")),
            "links": sorted(conn.execute("SELECT * FROM links")),
            "search": sorted(conn.execute("SELECT rowid, title, body FROM search")),
            "progress": sorted(r[1:] for r in conn.execute("SELECT * FROM progress")),
        }
    finally:
        conn.close()


def start_build(source: Path, db: Path, *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "kidpedia", "build", str(source), "--db", str(db),
           "--dask", "local:2", "--partition-mb", PARTITION_MB, *extra]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def shards(db: Path) -> list[Path]:
    return sorted(Path(f"{db}.shards").glob("*/*.sqlite"))


def wait_for_shards(proc: subprocess.Popen, db: Path, count: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while len(shards(db)) < count:
        assert proc.poll() is None, f"the build ended before {count} shards: {proc.communicate()}"
        assert time.monotonic() < deadline, "no shards written"
        time.sleep(0.05)


def dask_workers(proc: subprocess.Popen) -> list[psutil.Process]:
    """The LocalCluster's worker processes (children of the build, spawned by multiprocessing)."""
    found = []
    for child in psutil.Process(proc.pid).children(recursive=True):
        try:
            cmd = " ".join(child.cmdline())
        except psutil.NoSuchProcess:
            continue
        if "spawn_main" in cmd and "resource_tracker" not in cmd:
            found.append(child)
    return found


@pytest.fixture(scope="module")
def plain_db(sample_db: Path) -> dict[str, list]:
    return snapshot(sample_db)


def test_cluster_spec():
    assert parse_cluster("local") == ("local", None)
    assert parse_cluster("local:2") == ("local", 2)
    assert parse_cluster("tcp://10.0.0.5:8786") == ("tcp://10.0.0.5:8786", None)
    for bad in ("local:0", "local:x", "yarn"):
        with pytest.raises(UsageError):
            parse_cluster(bad)


def test_same_database_as_plain_build_with_a_worker_killed(tmp_path, sample_dump, plain_db):
    db = tmp_path / "dask.db"
    proc = start_build(sample_dump, db)
    wait_for_shards(proc, db, 1)
    workers = dask_workers(proc)
    assert len(workers) == 2, workers
    victim = workers[0]
    victim.kill()  # SIGKILL, mid-build: its tasks go to the other worker and its replacement
    shards_at_kill = len(shards(db))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert shards_at_kill < 40, "the kill came after the build had finished its work"
    assert not victim.is_running()
    # 106 pages of namespace 0 less 7 disambiguation pages (kept as skips)
    assert "99 articles, 99 redirects, 8 skipped from 206 pages" in out.replace("\n", " ")
    assert snapshot(db) == plain_db
    assert not Path(f"{db}.shards").exists()  # shards are removed once merged and finished


def test_interrupted_build_resumes_from_done_partitions(tmp_path, sample_dump, plain_db):
    """A multistream dump (the sample re-packed as Wikimedia ships dumps, with its index):
    partitions are runs of bzip2 streams. Ctrl-C the client, run it again: it goes on."""
    dump = tmp_path / "enwiki-20160501-pages-articles-multistream.xml.bz2"
    index = tmp_path / "enwiki-20160501-pages-articles-multistream-index.txt.bz2"
    write_multistream(sample_dump, dump, index, pages_per_stream=10)
    db = tmp_path / "dask.db"
    proc = start_build(dump, db, "--partition-mb", "0.1")
    wait_for_shards(proc, db, 3)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, (out, err)
    assert "interrupted" in err
    kept = shards(db)
    assert kept, "finished partitions are kept for the next run"
    mtimes = {p: p.stat().st_mtime_ns for p in kept}

    second = start_build(dump, db, "--partition-mb", "0.1")
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    conn = sqlite3.connect(db)
    done = conn.execute("SELECT pages_done, finished FROM progress").fetchall()
    conn.close()
    assert done == [(206, 1)]
    flat = out.replace("\n", " ")
    assert "resumed" in flat or all(p.stat().st_mtime_ns == m for p, m in mtimes.items() if p.exists())
    # the same articles, redirects, skips and search index as the plain build of the same pages
    got, want = snapshot(db), dict(plain_db)
    got["progress"] = want["progress"] = []  # (different source file names)
    assert got == want


def test_a_truncated_source_keeps_every_page_before_the_cut(tmp_path, sample_dump):
    import bz2

    xml = bz2.decompress(sample_dump.read_bytes())
    cut = tmp_path / "cut.xml"
    cut.write_bytes(xml[: len(xml) * 2 // 3])
    pages = xml[xml.index(b"<page>") : len(xml) * 2 // 3]
    out: dict = {}
    whole = pages[: pages.rindex(b"</page>") + len(b"</page>")]
    assert len(list(partition_pages(Partition("k", 0, 0, "en", whole, False, False, 0), out))) > 100
    assert "fault" not in out  # whole pages: a middle partition
    assert len(list(partition_pages(Partition("k", 0, 0, "en", pages, False, True, 0), out))) > 100
    assert "ends in the middle of a page" in out["fault"]  # the last page is cut
    db = tmp_path / "cut.db"
    proc = start_build(cut, db)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 1
    assert "cut.xml: the dump ends in the middle of a page" in err.replace("\n", " ")
    conn = sqlite3.connect(db)
    (n,) = conn.execute("SELECT pages_done FROM progress").fetchone()
    conn.close()
    assert n == xml[: len(xml) * 2 // 3].count(b"</page>")


def test_a_zim_through_dask_stores_and_reports_its_pictures(tmp_path):
    """A ZIM has no XML to cut: the Dask build reads it here, pictures and all, as the
    plain build does (the real Cree ZIM: 122 pictures) and says so."""
    zim = Path(__file__).resolve().parents[1] / "data" / "zim" / "wikipedia_cr_all_2015-04.zim"
    db = tmp_path / "cr.db"
    r = subprocess.run([sys.executable, "-m", "kidpedia", "build", str(zim), "--db", str(db), "--dask", "local:1"],
                       check=False, capture_output=True, text=True, timeout=300)
    out = " ".join(r.stdout.split())
    assert r.returncode == 0 and "228 articles" in out and "stored 122 pictures" in out, out + r.stderr
    assert "no word list for 'cr'" in out  # the edition is known, as in the plain build
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM media_blobs").fetchone()[0] == 122


JAWIKI = Path(__file__).resolve().parent.parent / "data" / "dumps" / "jawiki-2023-first-20-pages.xml.bz2"


def test_dask_parses_with_the_dumps_siteinfo(tmp_path: Path) -> None:
    """A Japanese dump's own namespace names (特別: for Special:) reach the Dask workers:
    '「言語」を含む記事名の一覧' (a Special:Search link) is dropped from See also, as the
    plain build drops it (the first 20 pages of the real jawiki 2023 dump)."""
    plain, dask = tmp_path / "plain.db", tmp_path / "dask.db"
    subprocess.run([sys.executable, "-m", "kidpedia", "build", str(JAWIKI), "--db", str(plain)],
                   check=True, capture_output=True)  # fmt: skip
    subprocess.run([sys.executable, "-m", "kidpedia", "build", str(JAWIKI), "--db", str(dask),
                    "--dask", "local:1", "--partition-mb", "0.2"], check=True, capture_output=True)  # fmt: skip
    ours = snapshot(dask)
    assert ours["articles"] == snapshot(plain)["articles"]
    data = sqlite3.connect(dask).execute("SELECT data FROM articles WHERE title = '言語'").fetchone()[0]
    assert "特別:" not in data and "言葉" in data


@pytest.mark.parametrize("target", [150_000, 600_000, 2_000_000])
def test_runs_of_blocks_give_each_page_once(tmp_path: Path, sample_dump: Path, target: int) -> None:
    """A single-stream .bz2 on a local cluster is cut into runs of bzip2 blocks that the
    workers decompress themselves: each run takes the pages that start in it (a page or
    its <page> tag running over into the next run included), so all runs together give
    the dump's pages, each once, in order. The real sample recompressed at level 1 (100 kB
    blocks: page ends and tags fall at every place of a block boundary)."""
    import bz2
    import io

    from kidpedia.build_dask import _Reader, block_partitions
    from kidpedia.sources.bz2blocks import scan_file
    from kidpedia.sources.framing import PageFramer

    xml = bz2.decompress(sample_dump.read_bytes())
    dump = tmp_path / "sample-level1.xml.bz2"
    dump.write_bytes(bz2.compress(xml, 1))
    want = [f.data for f in PageFramer(io.BytesIO(xml)).frames()]
    blocks = scan_file(str(dump))
    assert blocks is not None and len(blocks) > 60
    parts = list(block_partitions(dump, "k", target, blocks))
    assert len(parts) == -(-len(blocks) // max(1, round(target / 100_000)))
    assert parts[0].site is not None and parts[0].lang == "en" and parts[-1].last
    got = [f.data for p in parts for f in PageFramer(_Reader(p), expect_header=False).frames()]
    assert got == want


def test_a_damaged_block_is_one_clear_line(tmp_path: Path, sample_dump: Path) -> None:
    """A single-stream .bz2 with one byte changed inside a block: its run cannot be
    decompressed (CRC), and the build says so in one line (which file, which partition,
    what to check), as it does for a dump cut short; the runs before it stay merged."""
    import bz2

    from kidpedia.sources.bz2blocks import scan

    data = bytearray(bz2.compress(bz2.decompress(sample_dump.read_bytes()), 1))
    blocks = scan(bytes(data))
    assert blocks is not None
    at = (blocks.starts[len(blocks) // 2] + blocks.stop(len(blocks) // 2)) // 16  # the middle of a middle block
    data[at] ^= 0x55
    dump = tmp_path / "damaged.xml.bz2"
    dump.write_bytes(bytes(data))
    db = tmp_path / "d.db"
    r = subprocess.run([sys.executable, "-m", "kidpedia", "build", str(dump), "--db", str(db), "--dask", "local:1",
                        "--partition-mb", "0.3"], check=False, capture_output=True, text=True, timeout=300)
    assert r.returncode != 0
    err = " ".join(r.stderr.split())
    assert "damaged.xml.bz2: compressed data that cannot be read" in err and "bzip2 -t" in err, err
    assert "in partition" in err and "Traceback" not in r.stderr and "ERROR" not in r.stderr, r.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT pages_done FROM progress").fetchone()[0] > 0  # the runs before it are kept
