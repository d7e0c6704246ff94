"""Reading the real dumps: page counts, namespaces, redirects, languages, offsets, formats."""

from __future__ import annotations

import bz2
import gzip
import shutil
from collections import Counter
from pathlib import Path

import pytest
from dump_helpers import BGWIKI, ENWIKI, FOWIKI, TABLES, key, lxml_pages

from kidpedia.sources.dump import DumpSource, iter_pages, lang_from_dbname, open_source


@pytest.fixture(scope="module")
def enwiki_pages():
    return list(iter_pages(ENWIKI))


@pytest.fixture(scope="module")
def enwiki_xml(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("xml") / "enwiki-shortened.xml"
    path.write_bytes(bz2.decompress(ENWIKI.read_bytes()))
    return path


def test_enwiki_counts(enwiki_pages):
    assert len(enwiki_pages) == 206
    assert Counter(p.ns for p in enwiki_pages) == {0: 205, 4: 1}
    assert sum(1 for p in enwiki_pages if p.redirect) == 100
    assert sum(1 for p in enwiki_pages if p.ns == 0 and not p.redirect) == 106
    assert [(p.title, p.redirect) for p in enwiki_pages if p.ns == 4] == [
        ("Wikipedia:Adding Wikipedia articles to Nupedia", "Wikipedia:Nupedia and Wikipedia")
    ]
    assert {p.lang for p in enwiki_pages} == {"en"}


def test_enwiki_matches_an_independent_parse(enwiki_pages):
    assert [key(p) for p in enwiki_pages] == lxml_pages(ENWIKI)


def test_enwiki_page_fields(enwiki_pages):
    first = enwiki_pages[0]
    assert (first.title, first.page_id, first.redirect) == ("AccessibleComputing", 10, "Computer accessibility")
    assert first.rev_id == 631144794 and first.timestamp == "2014-10-26T04:50:23Z"
    einstein = next(p for p in enwiki_pages if p.title == "Albert Einstein")
    assert einstein.redirect is None and "{{Infobox scientist" in einstein.text
    assert einstein.format == "wikitext"


def test_offsets_point_at_each_page(enwiki_pages, enwiki_xml):
    data = enwiki_xml.read_bytes()
    offsets = [p.offset for p in enwiki_pages]
    assert offsets == sorted(offsets)
    for page in enwiki_pages:
        assert data[page.offset : page.offset + 6] == b"<page>"
        assert data.find(b"<title>", page.offset) < data.find(b"</page>", page.offset)


def test_plain_xml_and_gzip_read_the_same(enwiki_pages, enwiki_xml, tmp_path):
    gz = tmp_path / "enwiki.xml.gz"
    gz.write_bytes(gzip.compress(enwiki_xml.read_bytes()))
    assert list(iter_pages(enwiki_xml)) == enwiki_pages
    assert list(iter_pages(gz)) == enwiki_pages
    assert open_source(enwiki_xml).kind == "xml" and open_source(gz).kind == "gz"


def test_export_version_0_11(enwiki_pages, enwiki_xml, tmp_path):
    data = enwiki_xml.read_bytes().replace(b"export-0.10", b"export-0.11").replace(b'version="0.10"', b'version="0.11"')
    newer = tmp_path / "enwiki-0.11.xml"
    newer.write_bytes(data)
    assert list(iter_pages(newer)) == enwiki_pages


def test_utf8_bom_and_xml_declaration(enwiki_pages, enwiki_xml, tmp_path):
    data = b'\xef\xbb\xbf<?xml version="1.0" encoding="UTF-8"?>\n' + enwiki_xml.read_bytes()
    path = tmp_path / "bom.xml"
    path.write_bytes(data)
    got = list(iter_pages(path))
    assert [key(p) for p in got] == [key(p) for p in enwiki_pages]


def test_no_siteinfo_dump_is_read():
    pages = list(iter_pages(TABLES))
    assert [p.title for p in pages] == [
        "Constructive vote of no confidence",
        "List of Prison Break characters",
        "Academy Award for Best Production Design",
        "Economy of Estonia",
        "Brahui language",
    ]
    assert [key(p) for p in pages] == lxml_pages(TABLES)
    assert {p.lang for p in pages} == {"en"}  # from xml:lang, there being no <dbname>


def test_utf16_dump():
    source = open_source(BGWIKI)
    pages = list(source.pages())
    assert source.encoding == "utf-16" and source.lang == "bg"
    assert (pages[0].title, pages[0].ns, pages[0].lang) == ("Григориански календар", 0, "bg")
    assert [p.ns for p in pages] == [0, 4, 4]
    assert [key(p) for p in pages] == lxml_pages(BGWIKI)
    assert "календар" in pages[0].text


def test_utf16_without_bom_read_from_its_zero_bytes(tmp_path):
    text = bz2.decompress(BGWIKI.read_bytes()).decode("utf-16")
    path = tmp_path / "bg-le.xml"
    path.write_bytes(text.encode("utf-16-le"))
    assert [key(p) for p in iter_pages(path)] == lxml_pages(BGWIKI)


def test_faroese_dump_language_and_namespaces():
    pages = list(iter_pages(FOWIKI))
    assert [(p.title, p.ns, p.lang) for p in pages] == [
        ("MediaWiki:Logouttext", 8, "fo"),
        ("Klaksvíkar kommuna", 0, "fo"),
    ]
    assert pages[1].rev_id == 341301 and "Infoboks Kommuna" in pages[1].text


def test_lang_argument_wins():
    assert {p.lang for p in iter_pages(FOWIKI, lang="da")} == {"da"}


@pytest.mark.parametrize(
    ("dbname", "lang"),
    [("enwiki", "en"), ("bgwiki", "bg"), ("fowiki", "fo"), ("zh_min_nanwiki", "zh-min-nan"),
     ("simplewiki", "simple"), ("frwiktionary", "fr"), ("wiki", None)],
)  # fmt: skip
def test_lang_from_dbname(dbname, lang):
    assert lang_from_dbname(dbname) == lang


@pytest.mark.parametrize("skip", [0, 1, 57, 205, 206, 1000])
def test_skip(enwiki_pages, skip):
    source = open_source(ENWIKI, skip=skip)
    assert list(source.pages()) == enwiki_pages[skip:]
    assert source.pages_skipped == min(skip, 206)
    assert source.pages_read == max(0, 206 - skip)


def test_progress_counters():
    source = open_source(ENWIKI)
    assert isinstance(source, DumpSource) and source.kind == "bz2"
    assert source.total_bytes == ENWIKI.stat().st_size
    seen = []
    for page in source.pages():
        seen.append((source.bytes_read, source.pages_read))
        assert page.title
    assert seen[0][0] < source.total_bytes // 2  # read as it goes, not all at once
    assert [b for b, _ in seen] == sorted(b for b, _ in seen)
    assert [n for _, n in seen] == list(range(1, 207))
    assert source.bytes_read == source.total_bytes


def test_context_manager_closes(tmp_path):
    with open_source(ENWIKI) as source:
        pages = source.pages()
        next(pages)
    pages.close()
    assert source.bytes_read > 0


def test_dump_without_pages(tmp_path, enwiki_xml):
    data = enwiki_xml.read_bytes()
    empty = data[: data.index(b"<page>")] + b"</mediawiki>\n"
    path = tmp_path / "nopages.xml"
    path.write_bytes(empty)
    source = open_source(path)
    assert list(source.pages()) == [] and source.lang == "en"


def test_dump_named_without_extension_is_sniffed(tmp_path):
    path = tmp_path / "dump-with-odd-name"
    shutil.copy(FOWIKI, path)
    assert [p.title for p in iter_pages(path)] == ["MediaWiki:Logouttext", "Klaksvíkar kommuna"]
