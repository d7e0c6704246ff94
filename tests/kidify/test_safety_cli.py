"""`kidpedia safety TITLE_OR_FILE` as a user runs it: the decision explained, errors in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WIKITEXT = Path(__file__).resolve().parent.parent / "data" / "wikitext"


def kp(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="200", NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "kidpedia", *args], check=False, capture_output=True, text=True,
                          env=env, timeout=300)


def test_explains_a_kept_on_purpose_page_from_the_dump(sample_dump: Path) -> None:
    r = kp("safety", "Abortion", "--source", str(sample_dump))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Abortion: KEPT at the default level (kept-on-purpose)")
    assert "kept on purpose (health)" in r.stdout
    assert "would be excluded at the strict level as mature-topic" in r.stdout


def test_explains_an_exclusion_at_the_strict_level(sample_dump: Path) -> None:
    r = kp("safety", "Abortion", "--source", str(sample_dump), "--level", "strict")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Abortion: EXCLUDED at the strict level (mature-topic)")
    assert "removed from" in r.stdout  # strict removes sentences with adult words, listed


def test_lists_removed_passages_with_the_words_masked(sample_dump: Path) -> None:
    r = kp("safety", "Animal (disambiguation)", "--source", str(sample_dump))
    assert r.returncode == 0, r.stderr
    assert "KEPT" in r.stdout and "removed from 'Songs' (explicit word: f***)" in r.stdout
    assert "Fuck" not in r.stdout


def test_a_built_database_title(sample_db: Path) -> None:
    r = kp("safety", "Anarchism", "--db", str(sample_db))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Anarchism: KEPT at the default level")


def test_a_wikitext_file() -> None:
    r = kp("safety", str(WIKITEXT / "anarchism.txt"))
    assert r.returncode == 0, r.stderr
    assert "KEPT at the default level" in r.stdout and "adult words" in r.stdout


def test_errors_are_one_line(sample_dump: Path, tmp_path: Path) -> None:
    r = kp("safety", "No such page", "--source", str(sample_dump))
    assert r.returncode == 1 and r.stderr.strip().count("\n") == 0
    assert "no article 'No such page'" in r.stderr
    r = kp("safety", "Abortion", "--source", str(sample_dump), "--level", "medium")
    assert r.returncode == 2 and "unknown safety level 'medium'" in r.stderr
    r = kp("safety", "Abortion", "--db", str(tmp_path / "missing.db"))
    assert r.returncode != 0 and "Traceback" not in r.stderr
