"""Wikimedia Enterprise records (API answers, HTML-dump NDJSON and its .tar.gz) and single
rendered pages, through open_source and the CLI (real records in tests/data/html)."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tarfile
from pathlib import Path

from kidpedia.sources.dump import open_source
from kidpedia.sources.enterprise import EnterpriseSource, HtmlFileSource

HTML = Path(__file__).resolve().parent.parent / "data" / "html"
NDJSON = HTML / "enterprise_html_samples.ndjson"


def test_api_record_gives_the_page_and_its_redirects() -> None:
    src = open_source(HTML / "enwiki__Josephine_Baker.json.gz")
    assert isinstance(src, EnterpriseSource)
    pages = list(src.pages())
    page = pages[0]
    assert page.title == "Josephine Baker" and page.format == "html" and page.lang == "en"
    assert (page.page_id, page.rev_id, page.wikidata) == (255083, 1271516754, "Q151972")
    assert page.timestamp == "2025-01-24T11:49:16Z"
    assert pages[1:] and all(p.redirect == "Josephine Baker" for p in pages[1:])
    assert "Joséphine Baker" in {p.title for p in pages[1:]}


def test_ndjson_and_tar_gz_dumps(tmp_path: Path) -> None:
    titles = [p.title for p in open_source(NDJSON).pages()]
    assert titles == ["Mike Potts", "William Clark (inventor)"]
    dump = tmp_path / "enwiki_namespace_0_0.tar.gz"  # the Enterprise dump's container
    with tarfile.open(dump, "w:gz") as tar:
        data = NDJSON.read_bytes() + b"not json\n"
        info = tarfile.TarInfo("enwiki_namespace_0_0.ndjson")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    src = open_source(dump)
    assert [p.title for p in src.pages()] == titles and src.bad_records == 1


def test_single_html_page_title_from_option_document_or_file_name(tmp_path: Path) -> None:
    record = json.loads(gzip.decompress((HTML / "simplewiki__Albert_Einstein.json.gz").read_bytes()))
    html = record["article_body"]["html"]
    page = tmp_path / "Einstein.html.gz"
    page.write_bytes(gzip.compress(html.encode()))
    src = open_source(page)
    assert isinstance(src, HtmlFileSource)
    assert [p.title for p in src.pages()] == ["Albert Einstein"]  # from <title>
    assert next(open_source(page, title="Einstein").pages()).title == "Einstein"
    bare = tmp_path / "Some_page.html"
    bare.write_text("<html><body><p>Only a paragraph of text.</p></body></html>")
    assert next(open_source(bare).pages()).title == "Some page"


def test_kidpedia_page_and_build_read_html(tmp_path: Path) -> None:
    record = json.loads(gzip.decompress((HTML / "simplewiki__Albert_Einstein.json.gz").read_bytes()))
    page = tmp_path / "einstein.html"
    page.write_text(record["article_body"]["html"], encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kidpedia", "page", str(page)], check=False, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Albert Einstein facts for kids") and "Quick facts" in r.stdout
    db = tmp_path / "e.db"
    r = subprocess.run([sys.executable, "-m", "kidpedia", "build", str(page), str(NDJSON), "--db", str(db)],
                       check=False, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "2 articles" in r.stdout and "skipped 1: disambiguation" in r.stdout  # "Mike Potts" is a disambiguation page


def test_editions_sharing_a_wikidata_id_link_to_each_other(tmp_path: Path) -> None:
    from kidpedia.build import build
    from kidpedia.store import Store

    db = tmp_path / "ed.db"
    report = build([HTML / "enwiki__Josephine_Baker.json.gz", HTML / "frwiki__Josephine_Baker.json.gz"], db)
    assert report.articles == 2 and not report.errors
    store = Store(db)
    en, fr = store.get("Josephine Baker", lang="en"), store.get("Joséphine Baker", lang="fr")
    assert en is not None and fr is not None and en.wikidata == fr.wikidata == "Q151972"
    assert ("fr", "Joséphine Baker") in store.language_links("Josephine Baker", lang="en")
    assert ("en", "Josephine Baker") in store.language_links("Joséphine Baker", lang="fr")
