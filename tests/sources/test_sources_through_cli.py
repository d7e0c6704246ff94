"""The dumps and faults of the reader's tests, through `kidpedia build` as a user runs it:
real odd dumps build; a broken one keeps exactly the pages before the fault, and says
so in one line with no traceback."""

from __future__ import annotations

import bz2
import os
import re
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


def test_invalid_xml_keeps_the_pages_before_it(tmp_path):
    xml = bz2.decompress(ENWIKI.read_bytes())
    start = 0
    for _ in range(51):
        start = xml.index(b"<page>", start + 1)
    bad = xml[:start] + xml[start:].replace(b"</title>", b"</titel>", 1)
    path = tmp_path / "enwiki-bad.xml"
    path.write_bytes(bad)
    r = build(path, tmp_path / "bad.db")
    assert r.returncode != 0
    assert summary(r)[3] == 50
    errors = [line for line in r.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and "enwiki-bad.xml" in errors[0] and "not well-formed" in errors[0]
    assert "Traceback" not in r.stderr + r.stdout
