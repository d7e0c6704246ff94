"""ZIM files in (python-libzim): real Kiwix ZIMs, old and new layouts, zstd, and openZIM's
deliberately broken files (tests/data/zim, see its PROVENANCE)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kidpedia.errors import SourceError
from kidpedia.sources.dump import open_source
from kidpedia.sources.zim import (
    ZimSource,
    iso639,
    title_namespace,
    wiki_lang,
    zim_edition,
    zim_lang,
)

ZIM = Path(__file__).resolve().parent.parent / "data" / "zim"
RAY = ZIM / "wikipedia_en_ray_charles_2015-06.zim"
INVALID = sorted((ZIM / "invalid").glob("*.zim"))
SHARED_INVALID = Path("/work/shared/data/zim/zim-testing-suite/invalid")


def test_every_broken_zim_of_the_testing_suite_is_here() -> None:
    """openZIM's testing suite has 4 broken ZIMs; each is tested below (copied, byte for byte)."""
    assert [p.name for p in INVALID] == [
        "withns_invalid.bad_mimetype_list.zim", "withns_invalid.nonsorted_dirent_table.zim",
        "withns_invalid.outofbounds_clusterptrpos.zim", "withns_invalid.smaller_than_header.zim"]
    if SHARED_INVALID.is_dir():
        assert sorted(p.name for p in SHARED_INVALID.glob("*.zim")) == [p.name for p in INVALID]


def test_ray_charles_pages_redirects_and_metadata() -> None:
    src = open_source(RAY)
    assert isinstance(src, ZimSource)
    pages = list(src.pages())
    articles = [p for p in pages if not p.redirect]
    redirects = [p for p in pages if p.redirect]
    # 85 HTML entries: 84 articles and the main page (a list of articles, not read)
    assert len(articles) == 84 and len(redirects) == 151
    assert src.lang == "en" and all(p.format == "html" and p.lang == "en" for p in pages)
    ray = next(p for p in articles if p.title == "Ray Charles")
    assert ray.path == "A/Ray_Charles.html" and ray.timestamp == "2015-06-02T00:00:00Z"
    assert "<table class=\"infobox" in ray.text
    r = next(p for p in redirects if p.title == "A Man And His Soul")
    assert r.redirect == "A Man and His Soul"
    data, mime = src.read_media("I/m/Ray_Charles_(cropped).jpg")  # type: ignore[misc]
    assert mime == "image/jpeg" and data[:2] == b"\xff\xd8"
    assert src.read_media("I/m/no-such-picture.jpg") is None


def test_resuming_skips_the_pages_already_built() -> None:
    all_pages = list(open_source(RAY).pages())
    src = open_source(RAY, skip=100)
    rest = list(src.pages())
    assert src.pages_skipped == 100 and rest == all_pages[100:]


def test_cree_new_layout_and_zstd() -> None:
    cree = open_source(ZIM / "wikipedia_cr_all_2015-04.zim")
    pages = list(cree.pages())
    assert sum(1 for p in pages if not p.redirect) == 235 and cree.lang == "cr"
    other = sorted(p.title for p in pages if p.ns != 0 and not p.redirect)  # project and portal pages
    assert len(other) == 7 and other[0] == "Portal:Atikamekw" and "Projet:Wikipetia Atikamekw" in other
    assert "ᑳ ᐋᐸᐦᐄᔥᑌᒡ:ᐃᔨᔨᐤ ᐊᔨᒧᐧᐃᓐ" in {p.title for p in pages if p.ns == 0}  # a colon, no namespace
    nons = open_source(ZIM / "wikibooks_be_all_nopic_2017-02-nons.zim")  # no namespaces
    withns = open_source(ZIM / "wikibooks_be_all_nopic_2017-02-withns.zim")
    a, b = list(nons.pages()), list(withns.pages())
    assert nons.lang == withns.lang == "be"
    assert len([p for p in a if not p.redirect]) == len([p for p in b if not p.redirect]) == 65
    assert {p.title for p in a} == {p.title for p in b}
    zstd = open_source(ZIM / "foo-zstd.zim")  # zstd clusters; its entries are plain text
    assert list(zstd.pages()) == [] and zstd.archive.all_entry_count == 18


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_a_broken_zim_is_one_clear_error(path: Path) -> None:
    with pytest.raises(SourceError) as e:
        open_source(path)
    assert path.name in e.value.one_line() and "not a readable ZIM file" in e.value.one_line()


def test_broken_zims_through_the_cli_give_one_line_each(tmp_path: Path) -> None:
    for path in INVALID:
        r = subprocess.run([sys.executable, "-m", "kidpedia", "build", str(path), "--db", str(tmp_path / "x.db")],
                           check=False, capture_output=True, text=True, timeout=60)
        assert r.returncode == 1, r.stderr
        line = " ".join(r.stderr.split())  # one message (Rich wraps it at the terminal's width)
        assert len(line) < 400 and "Traceback" not in r.stderr and line.count("kidpedia: error:") == 1
        assert line.startswith(f"kidpedia: error: {path.name} is not a readable ZIM file")


def test_every_language_code_maps_both_ways() -> None:
    text = (Path(__file__).resolve().parents[2] / "src/kidpedia/sources/rules/iso639.yaml").read_text()
    table = yaml.safe_load(text)
    assert table == iso639()
    for three, wiki in table.items():
        assert len(three) == 3 and 2 <= len(wiki) <= 3
        assert wiki_lang(three) == wiki and wiki_lang(three.upper()) == wiki
        assert wiki_lang(zim_lang(wiki)) == wiki
    assert wiki_lang("eng,fra") == "en" and zim_lang("en") == "eng"


@pytest.mark.parametrize(("title", "ns"), [
    ("Projet:Wikipetia Atikamekw", 4),  # rules/namespaces.yaml: Projet (French Project) in "other"
    ("Portal:Atikamekw", 100), ("Category:Cree", 14), ("Fichier:Amiskw.jpg", 6),
    ("Star Wars: A New Hope", 0), ("en:Beaver", 0), ("Amiskw", 0),
])
def test_a_title_prefix_that_names_a_namespace_is_not_an_article(title: str, ns: int) -> None:
    assert title_namespace(title, "cr") == ns


def test_norwegian_and_simple_english_keep_their_own_editions() -> None:
    assert zim_lang("no") == "nor" and wiki_lang("nob") == "no" and zim_lang("nn") == "nno"
    assert zim_lang("simple") == "eng"
    assert zim_edition({"Language": "eng", "Name": "wikipedia_en_simple_all"}, "x.zim") == "simple"
    assert zim_edition({"Language": "eng"}, "wikipedia_en_simple_all_maxi_2024-06.zim") == "simple"
    assert zim_edition({"Language": "eng", "Name": "kidpedia_simple_rc"}, "x.zim") == "simple"
    assert zim_edition({"Language": "eng"}, "wikipedia_en_ray_charles_2015-06.zim") == "en"
    assert zim_edition({"Language": "eng", "Name": "wikipedia_en_simplex"}, "x.zim") == "en"


def test_a_simple_english_zim_builds_beside_the_english_one(tmp_path: Path) -> None:
    """Both say Language "eng"; Kiwix names Simple English ZIMs wikipedia_en_simple_*. The
    real Ray Charles ZIM, copied under such a name, lands in its own edition."""
    import shutil
    import sqlite3

    simple = tmp_path / "wikipedia_en_simple_ray_charles_2015-06.zim"
    shutil.copyfile(RAY, simple)
    db = tmp_path / "two.db"
    for path in (RAY, simple):
        r = subprocess.run([sys.executable, "-m", "kidpedia", "build", str(path), "--db", str(db)],
                           check=False, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0 and "84 articles" in r.stdout, r.stdout + r.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT lang, count(*) FROM articles GROUP BY lang ORDER BY lang").fetchall() == [
            ("en", 84), ("simple", 84)]


@pytest.mark.parametrize("fraction", [0.3, 0.95])
def test_a_truncated_zim_is_one_clear_line(tmp_path: Path, fraction: float) -> None:
    """Issue 12: a real ZIM cut short (an interrupted download): libzim refuses it whole
    (its size is in its header), so the build says so in one line and stores nothing."""
    cut = tmp_path / RAY.name
    data = RAY.read_bytes()
    cut.write_bytes(data[: int(len(data) * fraction)])
    r = subprocess.run([sys.executable, "-m", "kidpedia", "build", str(cut), "--db", str(tmp_path / "x.db")],
                       check=False, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    expected = (f"kidpedia: error: {cut.name} is not a readable ZIM file: Zim file(s) is of bad size or corrupted."
                " (check the download (its size and checksum) or use another ZIM)")
    assert r.stderr.splitlines() == [expected]
