"""Bad input: each fault is its typed error with one clear line, after every readable page."""

from __future__ import annotations

import bz2
import gzip
from pathlib import Path

import pytest
from dump_helpers import BGWIKI, ENWIKI, FOWIKI, lxml_pages

from kidpedia.errors import (
    DumpFormatError,
    EmptySource,
    KidpediaError,
    SourceError,
    SourceIsDirectory,
    SourceNotFound,
)
from kidpedia.model import RawPage
from kidpedia.sources.dump import iter_pages, open_source


def read_until_fault(path: Path, error: type[KidpediaError] = DumpFormatError, **kw) -> tuple[list[RawPage], KidpediaError]:
    pages: list[RawPage] = []
    with pytest.raises(error) as caught:
        pages.extend(iter_pages(path, **kw))  # extend keeps what came before the raise
    return pages, caught.value


def assert_one_clear_line(err: KidpediaError, *words: str) -> None:
    line = err.one_line()
    assert "\n" not in line and len(line) < 400
    for word in words:
        assert word in line, (word, line)


def decompressible_prefix(data: bytes) -> bytes:
    """What bzip2 can still give back from a cut or damaged file (all its whole streams + more)."""
    out = []
    while data:
        d = bz2.BZ2Decompressor()
        try:
            out.append(d.decompress(data))
        except OSError:
            break
        if not d.eof:
            break
        data = d.unused_data
    return b"".join(out)


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.xml.bz2"
    with pytest.raises(SourceNotFound) as caught:
        iter_pages(missing)  # raised at the call, before any page is asked for
    assert_one_clear_line(caught.value, "no such file", str(missing))


def test_directory(tmp_path):
    with pytest.raises(SourceIsDirectory) as caught:
        open_source(tmp_path)
    assert_one_clear_line(caught.value, str(tmp_path), "directory")


def test_empty_file(tmp_path):
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    with pytest.raises(EmptySource) as caught:
        iter_pages(empty)
    assert_one_clear_line(caught.value, "empty.xml", "empty")


def test_empty_inside_compression(tmp_path):
    path = tmp_path / "empty.xml.bz2"
    path.write_bytes(bz2.compress(b""))
    with pytest.raises(EmptySource):
        iter_pages(path)


def test_whitespace_only_wikitext_file(tmp_path):
    path = tmp_path / "Blank.txt"
    path.write_text("  \n\n")
    pages, err = read_until_fault(path, EmptySource)
    assert pages == [] and "whitespace" in err.one_line()


@pytest.mark.parametrize("fraction", [0.3, 0.5, 0.93])
def test_truncated_bz2_keeps_every_page_before_the_cut(tmp_path, enwiki_pages, fraction):
    data = ENWIKI.read_bytes()
    cut = data[: int(len(data) * fraction)]
    path = tmp_path / "enwiki-cut.xml.bz2"
    path.write_bytes(cut)
    pages, err = read_until_fault(path)
    readable = decompressible_prefix(cut)
    whole_pages = readable.count(b"</page>")
    assert 0 < len(pages) == whole_pages < 206
    assert pages == enwiki_pages[: len(pages)]
    assert err.pages_read == len(pages)
    last = pages[-1].title
    assert_one_clear_line(err, "enwiki-cut.xml.bz2", "truncated", f'"{last}"', f"{len(pages):,}", "byte")
    assert err.offset is not None and len(readable) - 1_100_000 <= err.offset <= len(readable) + 1_100_000


def test_damaged_bz2(tmp_path, enwiki_pages):
    data = bytearray(ENWIKI.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)  # a run of zeros in the middle of the compressed data
    path = tmp_path / "enwiki-damaged.xml.bz2"
    path.write_bytes(bytes(data))
    pages, err = read_until_fault(path)
    assert 0 < len(pages) < 206 and pages == enwiki_pages[: len(pages)]
    assert_one_clear_line(err, "enwiki-damaged.xml.bz2", "damaged", f'"{pages[-1].title}"')


def test_truncated_utf16_dump(tmp_path):
    xml = bz2.decompress(BGWIKI.read_bytes())  # UTF-16LE with BOM
    open_tag, close_tag = "<page>".encode("utf-16-le"), "</page>".encode("utf-16-le")
    second_end = xml.index(close_tag, xml.index(close_tag) + 1)
    third = xml.index(open_tag, second_end)
    path = tmp_path / "bg-cut.xml"
    path.write_bytes(xml[: third + 2000])  # into the third page, on a code unit boundary
    pages, err = read_until_fault(path)
    expected = lxml_pages(BGWIKI)
    assert [(p.title, p.ns, p.text) for p in pages] == [(t, ns, text) for t, ns, _, _, text in expected[:2]]
    assert_one_clear_line(err, "bg-cut.xml", "middle of a page", f'"{expected[1][0]}"')


def test_truncated_utf16_bz2_in_its_only_block(tmp_path):
    """bzip2 gives nothing back of a block cut short: the whole 486 kB dump is one block."""
    data = BGWIKI.read_bytes()
    path = tmp_path / "bg-cut.xml.bz2"
    path.write_bytes(data[: int(len(data) * 0.6)])
    pages, err = read_until_fault(path)
    assert pages == [] and decompressible_prefix(data[: int(len(data) * 0.6)]) == b""
    assert_one_clear_line(err, "bg-cut.xml.bz2", "truncated", "before the first page", "no page could be read")


def page_bounds(xml: bytes, n: int) -> tuple[int, int]:
    """Start and end offsets of page number ``n`` (0-based) in the XML."""
    start = 0
    for _ in range(n + 1):
        start = xml.index(b"<page>", start + 1)
    return start, xml.index(b"</page>", start) + len(b"</page>")


def test_xml_cut_mid_page(tmp_path, enwiki_xml, enwiki_pages):
    start, end = page_bounds(enwiki_xml, 120)
    path = tmp_path / "enwiki-cut.xml"
    path.write_bytes(enwiki_xml[: (start + end) // 2])
    pages, err = read_until_fault(path)
    assert pages == enwiki_pages[:120]
    assert_one_clear_line(err, "middle of a page", "truncated", f'"{enwiki_pages[119].title}"')


def test_xml_cut_between_pages(tmp_path, enwiki_xml, enwiki_pages):
    _, end = page_bounds(enwiki_xml, 9)
    path = tmp_path / "enwiki-ten.xml"
    path.write_bytes(enwiki_xml[:end])
    pages, err = read_until_fault(path)
    assert pages == enwiki_pages[:10]
    assert_one_clear_line(err, "without </mediawiki>", "truncated")


def test_text_between_pages(tmp_path, enwiki_xml, enwiki_pages):
    start, end = page_bounds(enwiki_xml, 30)
    damaged = enwiki_xml[:start] + enwiki_xml[start:end].replace(b"<page>", b"<pgae>", 1) + enwiki_xml[end:]
    path = tmp_path / "enwiki-pgae.xml"
    path.write_bytes(damaged)
    pages, err = read_until_fault(path)
    assert pages == enwiki_pages[:30]
    assert err.offset == start
    assert_one_clear_line(err, "unexpected text between pages", "<pgae>")


def test_xml_that_is_not_a_dump(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?>\n<rss><channel><title>news</title></channel></rss>\n')
    pages, err = read_until_fault(path)
    assert pages == []
    assert_one_clear_line(err, "not a MediaWiki XML dump", "no page could be read")


def test_compressed_garbage(tmp_path):
    path = tmp_path / "noise.bz2"
    path.write_bytes(b"BZh9" + bytes(range(256)) * 4)
    pages, err = read_until_fault(path)
    assert pages == [] and "noise.bz2" in err.one_line()


def test_truncated_tiny_dump_reports_before_the_first_page(tmp_path):
    data = FOWIKI.read_bytes()
    path = tmp_path / "fo-cut.xml.bz2"
    path.write_bytes(data[:200])
    pages, err = read_until_fault(path)
    assert pages == []
    assert_one_clear_line(err, "fo-cut.xml.bz2", "before the first page")


def test_damaged_gzip(tmp_path, enwiki_xml, enwiki_pages):
    data = bytearray(gzip.compress(enwiki_xml, mtime=0))
    middle = len(data) // 2
    data[middle : middle + 16] = bytes(16)
    path = tmp_path / "enwiki-damaged.xml.gz"
    path.write_bytes(bytes(data))
    pages, err = read_until_fault(path)
    assert 0 < len(pages) < 206
    # Pages before the damage are intact; what deflate gives back from the damage on (before
    # its checksum fails) may hold pages that are reported malformed; the fault still ends it.
    first_bad = next(i for i, p in enumerate(pages) if p != enwiki_pages[i])
    assert first_bad > 0 and all(p.format == "malformed" for p in pages[first_bad:-1])
    assert_one_clear_line(err, "enwiki-damaged.xml.gz")


def test_unreadable_file(tmp_path):
    import os

    path = tmp_path / "locked.xml"
    path.write_bytes(bz2.decompress(FOWIKI.read_bytes()))
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything
        pytest.skip("running as root: permissions do not stop reading")
    with pytest.raises(SourceError) as caught:
        iter_pages(path)
    assert_one_clear_line(caught.value, "permission denied")
