"""The dumps and faults of the reader's tests, through `kidpedia build` as a user runs it:
real odd dumps build; a broken one keeps exactly the pages before the fault, and says
so in one line with no traceback."""

from __future__ import annotations

import bz2
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from dump_helpers import BGWIKI, ENWIKI, TABLES


def build(source: Path, db: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    cmd = [sys.executable, "-m", "kidpedia", "build", str(source), "--db", str(db)]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, check=False)


def summary(r: subprocess.CompletedProcess[str]) -> tuple[int, int, int, int]:
    m = re.search(r"([\d,]+) articles, ([\d,]+) redirects, ([\d,]+) skipped from ([\d,]+) pages", r.stdout)
    assert m, r.stdout + r.stderr
    a, b, c, d = (int(x.replace(",", "")) for x in m.groups())
    return a, b, c, d


def test_utf16_and_no_siteinfo_dumps_build(tmp_path):
    for dump, pages in ((BGWIKI, 3), (TABLES, 5)):
        r = build(dump, tmp_path / f"{dump.stem}.db")
        assert r.returncode == 0, r.stderr
        assert summary(r)[3] == pages
        assert "Traceback" not in r.stderr


def test_invalid_xml_skips_that_page_and_keeps_the_rest(tmp_path):
    """A page the XML parser cannot read is skipped and counted as ``malformed`` with
    its byte offset; the pages before and after it are all built."""
    xml = bz2.decompress(ENWIKI.read_bytes())
    total = xml.count(b"<page>")
    start = 0
    for _ in range(51):
        start = xml.index(b"<page>", start + 1)
    bad = xml[:start] + xml[start:].replace(b"</title>", b"</titel>", 1)
    path = tmp_path / "enwiki-bad.xml"
    path.write_bytes(bad)
    r = build(path, tmp_path / "bad.db")
    assert r.returncode == 0, r.stderr
    assert summary(r)[3] == total
    assert re.search(r"skipped 1: malformed", r.stdout), r.stdout
    assert "Traceback" not in r.stderr + r.stdout
    good = build(ENWIKI, tmp_path / "good.db")
    articles, _, skipped, _ = summary(good)
    # the one lost page is the malformed one: every other article is still there
    assert summary(r)[0] + summary(r)[1] + summary(r)[2] == total
    assert summary(r)[0] >= articles - 1 and summary(r)[2] == skipped + 1
    with sqlite3.connect(tmp_path / "bad.db") as conn:
        detail = conn.execute("SELECT detail FROM skips WHERE reason = 'malformed'").fetchone()[0]
    assert "enwiki-bad.xml" in detail and f"byte {start:,}" in detail
