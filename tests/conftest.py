"""Shared fixtures: the bundled real sample dump, real wikitext pages, golden-file updating."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE_DUMP = ROOT / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="rewrite golden files from the current output (review the diff!)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def sample_dump() -> Path:
    return SAMPLE_DUMP


@pytest.fixture(scope="session")
def sample_raw_pages():
    """Every page of the bundled real enwiki sample dump (RawPage list)."""
    from kidpedia.sources.dump import iter_pages

    return list(iter_pages(SAMPLE_DUMP))


def _copy_db(src: Path, dst: Path) -> Path:
    """A copy of a database through SQLite's backup API. Never copy a shared database with
    shutil: closing that file drops this process's SQLite locks on it (POSIX locks are per
    process), and the next process to close it deletes the -shm file from under us."""
    import sqlite3

    with sqlite3.connect(src) as s, sqlite3.connect(dst) as d:
        s.backup(d)
    s.close()
    d.close()
    return dst


@pytest.fixture(scope="session")
def copy_db():  # type: ignore[no-untyped-def]
    return _copy_db


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample built once into a database (as `make run` builds it)."""
    from kidpedia.build import build

    db = tmp_path_factory.mktemp("sample") / "sample.db"
    report = build([SAMPLE_DUMP], db, workers=1)
    assert report.articles > 90, report
    return db


RAY_CHARLES_ZIM = DATA / "zim" / "wikipedia_en_ray_charles_2015-06.zim"


@pytest.fixture(scope="session")
def ray_charles_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real Ray Charles ZIM (84 articles, pictures) built once into a database, with
    the README's command: ``kidpedia build wikipedia_en_ray_charles_2015-06.zim --db rc.db``."""
    import subprocess
    import sys

    db = tmp_path_factory.mktemp("ray-charles") / "rc.db"
    r = subprocess.run([sys.executable, "-m", "kidpedia", "build", str(RAY_CHARLES_ZIM), "--db", str(db)],
                       check=False, capture_output=True, text=True, timeout=600)
    out = " ".join(r.stdout.split())
    assert r.returncode == 0 and "84 articles, 151 redirects, 0 skipped from 235 pages" in out, r.stdout + r.stderr
    pictures = re.search(r"stored (\d+) pictures", out)
    assert pictures and int(pictures.group(1)) > 50, out
    return db


@pytest.fixture(scope="session")
def ray_charles_kids_zim(ray_charles_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kids' ZIM exported from the Ray Charles database, through the CLI."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("kids-zim") / "rc-kids.zim"
    r = subprocess.run([sys.executable, "-m", "kidpedia", "export", "zim", "--db", str(ray_charles_db),
                        "--out", str(out)], check=False, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    line = " ".join(r.stdout.split())  # Rich wraps long lines at the terminal width
    assert line == f"84 articles, 151 redirects, {_pictures(ray_charles_db)} pictures (en) -> {out}"
    return out


@pytest.fixture(scope="session")
def ray_charles_site(ray_charles_db: Path, tmp_path_factory: pytest.TempPathFactory, export_site_cli) -> Path:  # type: ignore[no-untyped-def]
    """The static site exported from the Ray Charles database, through the CLI."""
    out = tmp_path_factory.mktemp("site") / "rc-site"
    r = export_site_cli(ray_charles_db, out)
    assert r.returncode == 0, r.stderr
    assert " ".join(r.stdout.split()).startswith("84 articles, ")
    return out


@pytest.fixture(scope="session")
def export_site_cli():  # type: ignore[no-untyped-def]
    """``export_site_cli(db, out)`` runs ``kidpedia export site --db DB --out OUT`` as a user does."""
    return _export_site_cli


def _export_site_cli(db: Path, out: Path):  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "kidpedia", "export", "site", "--db", str(db), "--out", str(out)],
                          check=False, capture_output=True, text=True, timeout=300)


def _pictures(db: Path) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM media_blobs").fetchone()[0]


@pytest.fixture(scope="session")
def kiwix_serve_url(ray_charles_kids_zim: Path):  # type: ignore[no-untyped-def]
    """kiwix-serve (Debian's kiwix-tools) serving the Ray Charles kids' ZIM on 127.0.0.1 only;
    the test skips, saying why, when kiwix-serve is not installed (`make test` installs it)."""
    yield from _kiwix_serve(ray_charles_kids_zim)


CREE_ZIM = DATA / "zim" / "wikipedia_cr_all_2015-04.zim"


@pytest.fixture(scope="session")
def cree_kids_zim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real Cree ZIM built and exported as a kids' ZIM, through the CLI (228 articles:
    its Portal: and Projet: pages, 7 articles and 5 redirects, are other namespaces)."""
    import subprocess
    import sys

    tmp = tmp_path_factory.mktemp("cree")
    db, out = tmp / "cr.db", tmp / "cr-kids.zim"
    r = subprocess.run([sys.executable, "-m", "kidpedia", "build", str(CREE_ZIM), "--db", str(db)],
                       check=False, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0 and "228 articles, 101 redirects, 12 skipped" in " ".join(r.stdout.split()), r.stdout
    r = subprocess.run([sys.executable, "-m", "kidpedia", "export", "zim", "--db", str(db), "--out", str(out)],
                       check=False, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and " ".join(r.stdout.split()).startswith("228 articles, 101 redirects, "), r.stdout
    return out


@pytest.fixture(scope="session")
def cree_kiwix_serve_url(cree_kids_zim: Path):  # type: ignore[no-untyped-def]
    """kiwix-serve serving the Cree kids' ZIM (skips, saying why, without kiwix-serve)."""
    yield from _kiwix_serve(cree_kids_zim)


def _kiwix_serve(zim: Path):  # type: ignore[no-untyped-def]
    """Start kiwix-serve on ``zim`` (127.0.0.1, a free port), yield the book's URL, stop it."""
    import shutil
    import socket
    import subprocess
    import time
    import urllib.request

    exe = shutil.which("kiwix-serve")
    if exe is None:
        pytest.skip("kiwix-serve is not installed (apt-get install kiwix-tools; `make test` installs it)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([exe, "--address", "127.0.0.1", "--port", str(port), str(zim)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # at most 10 s to start
            try:
                urllib.request.urlopen(url + "/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("kiwix-serve did not answer within 10 s")
        yield url + "/" + zim.stem
    finally:
        proc.terminate()
        proc.wait(timeout=10)
