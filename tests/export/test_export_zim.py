"""The kids' ZIM (``kidpedia export zim``) from the real Ray Charles ZIM: libzim's own
Archive.check(), the openZIM metadata rules, Debian zim-tools' zimcheck on every check
named in issue 9, and kiwix-serve serving an article, a picture and a search."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher
from PIL import Image

ZIMCHECK_FLAGS = ["-C", "-M", "-F", "-P", "-R", "-U", "-X", "-0", "-L"]


def test_archive_check_metadata_and_indexes(ray_charles_kids_zim: Path) -> None:
    zim = Archive(str(ray_charles_kids_zim))
    assert zim.check()
    meta = {k: bytes(zim.get_metadata(k)).decode() for k in zim.metadata_keys if not k.startswith("Illustration")}
    for key in ("Name", "Title", "Description", "Language", "Creator", "Publisher", "Date", "Tags"):
        assert meta.get(key), key
    assert len(meta["Title"]) <= 30 and len(meta["Description"]) <= 80
    assert meta["Language"] == "eng" and meta["Date"] == "2015-06-02"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["Date"])
    icon = Image.open(io.BytesIO(bytes(zim.get_illustration_item(48).content)))
    assert icon.size == (48, 48) and icon.format == "PNG"
    assert zim.has_fulltext_index and zim.has_title_index and zim.main_entry.get_item().path == "index"
    assert zim.article_count == 84 + 151  # front articles: the articles and their redirects (title search)
    search = Searcher(zim).search(Query().set_query("piano"))
    assert search.getEstimatedMatches() > 0 and "Ray_Charles" in list(search.getResults(0, 100))
    redirect = zim.get_entry_by_path("A_Man_And_His_Soul")
    assert redirect.is_redirect and redirect.get_redirect_entry().path == "A_Man_and_His_Soul"


def test_article_has_quick_facts_and_its_picture(ray_charles_kids_zim: Path) -> None:
    zim = Archive(str(ray_charles_kids_zim))
    html = bytes(zim.get_entry_by_path("Ray_Charles").get_item().content).decode()
    assert 'class="quick-facts"' in html and "Birth name" in html
    src = re.search(r'<tr class="qf-image"><td colspan="2"><img src="([^"]+)" alt="Ray Charles in 1990"', html)
    assert src, "no Quick facts picture"
    picture = zim.get_entry_by_path(urllib.parse.unquote(src.group(1))).get_item()
    assert picture.mimetype in ("image/jpeg", "image/webp") and picture.size > 1000
    assert 'href="/' not in html and 'src="/' not in html  # nothing a reader lacks
    # only our own page scripts (read aloud, text size, quiz), inside the ZIM, where the reader runs scripts
    scripts = re.findall(r"<script[^>]*>", html)
    assert scripts == ['<script src="_kidpedia/prefs.js">', '<script src="_kidpedia/kidpedia.js" defer>'], scripts
    for name in ("_kidpedia/prefs.js", "_kidpedia/kidpedia.js"):
        assert zim.get_entry_by_path(name).get_item().mimetype == "application/javascript"
    assert 'href="Quincy_Jones"' in html or "Quincy Jones" in html


def test_zimcheck_passes_every_check(ray_charles_kids_zim: Path) -> None:
    exe = shutil.which("zimcheck")
    if exe is None:
        pytest.skip("zimcheck is not installed (apt-get install zim-tools; `make test` installs it)")
    r = subprocess.run([exe, *ZIMCHECK_FLAGS, str(ray_charles_kids_zim)], check=False, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0 and "Overall Test Status: Pass" in r.stdout, r.stdout + r.stderr


def test_kiwix_serve_serves_an_article_a_picture_and_a_search(kiwix_serve_url: str) -> None:
    page = urllib.request.urlopen(kiwix_serve_url + "/Ray_Charles", timeout=10).read().decode()
    assert "Quick facts for kids" in page and "Ray Charles Robinson" in page
    src = re.search(r'<img src="([^"]+)" alt="Ray Charles in 1990"', page)
    assert src
    picture = urllib.request.urlopen(kiwix_serve_url + "/" + src.group(1), timeout=10)
    assert picture.headers["Content-Type"] in ("image/jpeg", "image/webp") and len(picture.read()) > 1000
    base, book = kiwix_serve_url.rsplit("/", 1)
    found = urllib.request.urlopen(f"{base}/search?content={book}&pattern=piano", timeout=10).read().decode()
    assert f'href="/{book}/Ray_Charles"' in found


def test_cree_kids_zim_passes_the_same_checks(cree_kids_zim: Path) -> None:
    zim = Archive(str(cree_kids_zim))
    assert zim.check() and bytes(zim.get_metadata("Language")).decode() == "cre"
    assert not any(zim.has_entry_by_path(p) for p in ("Projet:Wikipetia_Atikamekw", "Portal:Atikamekw"))
    exe = shutil.which("zimcheck")
    if exe is None:
        pytest.skip("zimcheck is not installed (apt-get install zim-tools; `make test` installs it)")
    r = subprocess.run([exe, *ZIMCHECK_FLAGS, str(cree_kids_zim)], check=False, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0 and "Overall Test Status: Pass" in r.stdout, r.stdout + r.stderr


def test_kiwix_serve_serves_a_cree_article_its_picture_and_a_search(cree_kiwix_serve_url: str) -> None:
    page = urllib.request.urlopen(cree_kiwix_serve_url + "/Amiskw", timeout=10).read().decode()
    assert "<h1" in page and "Amiskw" in page and 'lang="cr"' in page
    src = re.search(r'<figure class="figure[^"]*">\s*<img src="([^"]+)"', page)
    assert src, "no figure with a picture"
    picture = urllib.request.urlopen(cree_kiwix_serve_url + "/" + src.group(1), timeout=10)
    assert picture.headers["Content-Type"] in ("image/jpeg", "image/webp", "image/png") and len(picture.read()) > 1000
    base, book = cree_kiwix_serve_url.rsplit("/", 1)
    found = urllib.request.urlopen(f"{base}/search?content={book}&pattern=amiskw", timeout=10).read().decode()
    assert f'href="/{book}/Amiskw"' in found


def test_the_same_database_exports_the_same_bytes(ray_charles_db: Path, ray_charles_kids_zim: Path,
                                                   tmp_path: Path) -> None:
    """Same input, same output: the UUIDs come from the content, not from chance."""
    import uuid

    from kidpedia.export.zim import export_zim

    again = export_zim(ray_charles_db, tmp_path / "again.zim")
    assert (tmp_path / "again.zim").read_bytes() == ray_charles_kids_zim.read_bytes()
    zim = Archive(str(tmp_path / "again.zim"))
    assert str(zim.uuid) == again.uuid and uuid.UUID(again.uuid).version == 5 and zim.check()


def test_tables_are_tables_in_the_kids_zim(ray_charles_kids_zim: Path) -> None:
    zim = Archive(str(ray_charles_kids_zim))
    html = bytes(zim.get_entry_by_path("Georgia_on_My_Mind").get_item().content).decode()
    chart = re.search(r'<table class="data-table">(.*?)</table>', html, re.DOTALL)
    assert chart and '<th scope="col">Peak position</th>' in chart.group(1) and "style=" not in chart.group(1)
