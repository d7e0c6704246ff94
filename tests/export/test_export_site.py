"""The static site (``kidpedia export site``) from the real Ray Charles ZIM: one file per
article, every relative address resolves to a file, pictures once per content, the
search documents, and the same database gives the same site byte for byte.
(The site in Chromium, from file://: tests/browser/test_static_site.py.)"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

_ADDRESS = re.compile(r'(?:href|src)="([^"]+)"')


@pytest.fixture()
def site(ray_charles_site: Path) -> Path:
    return ray_charles_site


def test_files_and_relative_addresses(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == 84 + 1 and (site / "wiki" / "Ray_Charles.html").is_file()
    missing = []
    for page in pages:
        for address in _ADDRESS.findall(page.read_text("utf-8")):
            parts = urlsplit(address)
            if parts.scheme or address.startswith(("#", "//")):
                continue
            assert not address.startswith("/"), (page.name, address)  # would break on file://
            if not (page.parent / unquote(parts.path)).exists():
                missing.append((page.name, address))
    assert not missing, missing[:10]
    ray = (site / "wiki" / "Ray_Charles.html").read_text("utf-8")
    assert 'alt="Ray Charles in 1990"' in ray and 'loading="lazy"' in ray
    media = list((site / "static" / "media").iterdir())
    assert len(media) == len({p.read_bytes() for p in media}) > 50  # once per content
    docs = (site / "static" / "search-docs.js").read_text("utf-8")
    assert docs.startswith("window.KIDPEDIA_DOCS = [") and '"title":"Ray Charles"' in docs


def test_same_database_same_site(site: Path, ray_charles_db: Path, tmp_path: Path, export_site_cli) -> None:  # type: ignore[no-untyped-def]
    again = tmp_path / "again"
    assert export_site_cli(ray_charles_db, again).returncode == 0
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second


def test_a_folder_with_other_files_is_refused(ray_charles_db: Path, tmp_path: Path, export_site_cli) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "notes.txt").write_text("mine")
    r = export_site_cli(ray_charles_db, tmp_path)
    assert r.returncode == 2 and "holds other files" in r.stderr and "Traceback" not in r.stderr


def test_tables_are_tables_in_the_static_site(site: Path) -> None:
    # "Georgia on My Mind" (real page of the Ray Charles ZIM) has a chart table.
    html = (site / "wiki" / "Georgia_on_My_Mind.html").read_text("utf-8")
    chart = re.search(r'<div class="table-scroll" role="region" tabindex="0">\s*<table class="data-table">(.*?)</table>', html, re.DOTALL)
    assert chart and "Peak position" in chart.group(1) and "U.S. Billboard Hot 100" in chart.group(1)
    assert "style=" not in chart.group(1)
    css = next((site / "static").glob("kidpedia*.css")).read_text("utf-8")
    assert ".table-scroll" in css and "overflow-x: auto" in css
