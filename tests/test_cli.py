"""The `kidpedia` command end to end, as a user runs it: output, errors, and README truth."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def kp(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "kidpedia", *args], check=False, capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, sample_dump: Path) -> Path:
    path = tmp_path_factory.mktemp("cli") / "kp.db"
    r = kp("build", str(sample_dump), "--db", str(path), "--workers", "2")
    assert r.returncode == 0, r.stderr
    assert re.search(r"\d+ articles, 99 redirects, \d+ skipped from 206 pages", r.stdout), r.stdout
    assert "skipped 1: namespace" in r.stdout
    assert "markup-dropped 0 paragraphs" in r.stdout  # the English sample leaks nothing
    return path


def test_page_text_follows_the_reference_shape(db: Path) -> None:
    r = kp("page", "Albert Einstein", "--db", str(db))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "Albert Einstein facts for kids"
    order = [r.stdout.index(x) for x in ("Quick facts", "theoretical physicist", "\nContents\n", "\nBiography\n")]
    assert order == sorted(order)


def test_page_json_has_the_documented_keys(db: Path) -> None:
    r = kp("page", "Agricultural science", "--db", str(db), "--format", "json")
    data = json.loads(r.stdout)
    for key in ("title", "lead", "quick_facts", "sections", "see_also", "language_links", "categories"):
        assert key in data
    section = data["sections"][0]
    assert {"title", "level", "paragraphs", "sections"} <= set(section)
    assert any(x["lang"] == "es" for x in data["language_links"])
    text = kp("page", "Agricultural science", "--db", str(db)).stdout
    assert "In Spanish: Agronomía" in text
    assert "\nSee also\n" in text


def test_page_from_a_wikitext_file_and_from_a_dump(sample_dump: Path) -> None:
    f = ROOT / "tests" / "data" / "wikitext" / "Damphu-drum.txt"
    r = kp("page", str(f))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Damphu-drum facts for kids")
    r = kp("page", str(sample_dump), "--title", "Aardvark", "--format", "json")
    assert json.loads(r.stdout)["title"] == "Aardvark"


def test_search(db: Path) -> None:
    r = kp("search", "Einstein", "--db", str(db))
    assert r.stdout.splitlines()[0] == "1. Albert Einstein"
    data = json.loads(kp("search", 'quote " OR (', "--db", str(db), "--format", "json").stdout)
    assert isinstance(data["results"], list)


def _one_line_error(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode != 0
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert lines and lines[-1].startswith("kidpedia: error:") or "error:" in r.stderr, r.stderr
    return r.stderr


def test_bad_input_is_one_clear_line(tmp_path: Path, db: Path) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    assert "no such file" in _one_line_error(kp("build", str(tmp_path / "missing.xml.bz2"), "--db", str(tmp_path / "x.db"))).lower()
    assert "directory" in _one_line_error(kp("build", str(tmp_path), "--db", str(tmp_path / "x.db"))).lower()
    assert "empty" in _one_line_error(kp("build", str(empty), "--db", str(tmp_path / "x.db"))).lower()
    _one_line_error(kp("page", "No such article", "--db", str(db)))
    _one_line_error(kp("search", "x", "--db", str(tmp_path / "missing.db")))
    _one_line_error(kp("page", "x", "--format", "pdf", "--db", str(db)))


def test_truncated_dump_keeps_what_was_read(tmp_path: Path, sample_dump: Path) -> None:
    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(sample_dump.read_bytes()[: sample_dump.stat().st_size // 2])
    r = kp("build", str(cut), "--db", str(tmp_path / "cut.db"))
    err = _one_line_error(r)
    assert "cut.xml.bz2" in err
    m = re.search(r"(\d+) articles", r.stdout)
    assert m and int(m.group(1)) > 10, r.stdout


def test_templates_of_a_truncated_dump_reports_the_pages_read(tmp_path: Path, sample_dump: Path) -> None:
    cut = tmp_path / "cut.xml.bz2"
    cut.write_bytes(sample_dump.read_bytes()[: sample_dump.stat().st_size // 2])
    r = kp("templates", str(cut), "--format", "json")
    assert "cut.xml.bz2" in _one_line_error(r) and "truncated" in r.stderr
    report = json.loads(r.stdout)
    assert report["pages"] > 10 and report["uses"] > 1000, report


def test_help_and_readme_agree() -> None:
    r = kp("--help")
    assert r.returncode == 0
    commands = set(re.findall(r"^│ (\w+) ", r.stdout, re.MULTILINE)) or set(re.findall(r"^\s{2}(\w+)\s{2,}", r.stdout, re.MULTILINE))
    assert {"build", "page", "search"} <= commands, r.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for c in commands:
        assert f"kidpedia {c}" in readme, f"README does not document `kidpedia {c}`"
        assert kp(c, "--help").returncode == 0
    assert "make run" in readme and "make test" in readme


def test_page_html_is_a_safe_standalone_page(db: Path) -> None:
    r = kp("page", "Albert Einstein", "--db", str(db), "--format", "html")
    assert r.returncode == 0, r.stderr
    assert "<title>Albert Einstein facts for kids" in r.stdout
    assert "<style>" in r.stdout and 'href="/wiki/Theoretical_physicist"' not in r.stdout.split("<main", 1)[0]
    hostile = ROOT / "tests" / "data" / "web" / "Hostile_test_page.wikitext"
    page = kp("page", str(hostile), "--format", "html").stdout.lower()
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script src="/static/prefs.js">', '<script src="/static/suggest.js" defer>',
                       '<script src="/static/kidpedia.js" defer>'], "only our own scripts"
    assert not re.search(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", page)
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", page), "no live event-handler attribute"
    assert "<style>" in page and page.count("<style") == 1, "only our own stylesheet"


@pytest.mark.parametrize("columns", ["30", None])  # a narrow terminal, and piped with no COLUMNS (80)
def test_errors_are_one_line_at_any_width(tmp_path: Path, columns: str | None) -> None:
    """Issue 12: an error (and a usage error) is one line on stderr whatever the width."""
    env = dict(os.environ, NO_COLOR="1")
    env.pop("COLUMNS", None)
    if columns:
        env["COLUMNS"] = columns
    missing = tmp_path / ("a-long-folder-name-" * 5) / "enwiki-latest-pages-articles-multistream.xml.bz2"
    for args in (["build", str(missing), "--db", str(tmp_path / "x.db")], ["build", "--no-such-option"],
                 ["serve", "--port", "not-a-number"], ["build"]):
        r = subprocess.run([sys.executable, "-m", "kidpedia", *args], check=False, capture_output=True, text=True,
                           env=env, timeout=120)
        assert r.returncode != 0
        lines = r.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("kidpedia: error: "), (args, r.stderr)
