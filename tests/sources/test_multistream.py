"""Multistream dumps: a real dump re-packed as Wikimedia does, read with and without its index."""

from __future__ import annotations

import bz2
import itertools
import shutil
from pathlib import Path

import pytest
from dump_helpers import ENWIKI, without_offsets

from kidpedia.errors import DumpFormatError
from kidpedia.sources.dump import iter_pages, open_source
from kidpedia.sources.multistream import find_index, index_candidates, locate
from kidpedia.sources.repack import write_multistream


@pytest.fixture(scope="module")
def enwiki_pages():
    return list(iter_pages(ENWIKI))


@pytest.fixture(scope="module")
def multistream(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("ms")
    dump = folder / "enwiki-20160501-pages-articles-multistream.xml.bz2"
    index = folder / "enwiki-20160501-pages-articles-multistream-index.txt.bz2"
    assert write_multistream(ENWIKI, dump, index, pages_per_stream=100) == 206
    return dump, index


def stream_starts(data: bytes) -> list[int]:
    starts, pos = [], 0
    while pos < len(data):
        starts.append(pos)
        d = bz2.BZ2Decompressor()
        d.decompress(data[pos:])
        pos = len(data) - len(d.unused_data)
    return starts


def test_layout_is_wikimedias(multistream):
    dump, index = multistream
    data = dump.read_bytes()
    starts = stream_starts(data)
    assert len(starts) == 5  # header, 100 + 100 + 6 pages, footer
    assert bz2.decompress(data) == bz2.decompress(ENWIKI.read_bytes())  # the same XML, byte for byte
    lines = bz2.decompress(index.read_bytes()).decode().splitlines()
    assert len(lines) == 206
    assert lines[0] == f"{starts[1]}:10:AccessibleComputing"
    assert [int(x.split(":")[0]) for x in lines] == [starts[1]] * 100 + [starts[2]] * 100 + [starts[3]] * 6
    first = bz2.decompress(data[starts[1] : starts[2]])
    assert first.lstrip().startswith(b"<page>") and first.count(b"<page>") == 100


def test_index_found_beside_the_dump(multistream, enwiki_pages):
    dump, index = multistream
    assert find_index(dump) == index
    assert index_candidates(Path("x/enwiki-20240101-pages-articles-multistream1.xml-p1p41242.bz2")) == [
        Path("x/enwiki-20240101-pages-articles-multistream-index1.txt-p1p41242.bz2")
    ]
    entry = locate(index, 150)
    assert (entry.number, entry.within) == (150, 50)
    assert (entry.page_id, entry.title) == (enwiki_pages[150].page_id, enwiki_pages[150].title)
    assert locate(index, 206) is None


def test_reads_identically_with_index(multistream, enwiki_pages):
    source = open_source(multistream[0])
    assert source.kind == "multistream"
    assert list(source.pages()) == enwiki_pages


def test_reads_identically_without_index(multistream, enwiki_pages, tmp_path):
    alone = tmp_path / multistream[0].name
    shutil.copy(multistream[0], alone)
    source = open_source(alone)
    assert source.kind == "bz2" and source.index is None
    assert list(source.pages()) == enwiki_pages


@pytest.mark.parametrize("skip", [1, 99, 100, 101, 150, 200, 205, 206, 500])
def test_skip_with_index(multistream, enwiki_pages, skip):
    source = open_source(multistream[0], skip=skip)
    pages = list(source.pages())
    assert without_offsets(pages) == without_offsets(enwiki_pages[skip:])
    assert source.pages_skipped == min(skip, 206)
    assert source.lang == "en"


def corrupt_streams_before(dump: Path, out: Path, keep_from: int) -> None:
    """A copy whose page streams before ``keep_from`` (a stream start) are zeroed inside."""
    data = bytearray(dump.read_bytes())
    starts = stream_starts(bytes(data))
    for a, b in itertools.pairwise(starts[1:]):
        if b <= keep_from:
            data[a + 100 : b - 100] = bytes(b - a - 200)
    out.write_bytes(bytes(data))


def test_skip_seeks_past_streams_it_never_decompresses(multistream, enwiki_pages, tmp_path):
    dump, index = multistream
    starts = stream_starts(dump.read_bytes())
    damaged = tmp_path / dump.name
    corrupt_streams_before(dump, damaged, keep_from=starts[3])
    shutil.copy(index, tmp_path / index.name)
    pages = list(iter_pages(damaged, skip=203))  # page 203 is in the stream at starts[3]
    assert without_offsets(pages) == without_offsets(enwiki_pages[203:])
    with pytest.raises(DumpFormatError):  # read from the start, the damage is met
        list(iter_pages(tmp_path / (dump.name), skip=0))


def test_index_that_does_not_match_falls_back_to_reading(multistream, enwiki_pages, tmp_path):
    dump, index = multistream
    shutil.copy(dump, tmp_path / dump.name)
    lines = bz2.decompress(index.read_bytes()).decode().splitlines()
    shifted = [f"{off}:{int(pid) + 1}:{title}" for off, pid, title in (x.split(":", 2) for x in lines)]
    (tmp_path / index.name).write_bytes(bz2.compress(("\n".join(shifted) + "\n").encode()))
    source = open_source(tmp_path / dump.name, skip=150)
    pages = list(source.pages())
    assert pages == enwiki_pages[150:]  # read from the start: offsets known
    assert pages[0].offset is not None


def test_unreadable_index_falls_back(multistream, enwiki_pages, tmp_path):
    dump, index = multistream
    shutil.copy(dump, tmp_path / dump.name)
    (tmp_path / index.name).write_bytes(b"not an index")
    assert list(iter_pages(tmp_path / dump.name, skip=120)) == enwiki_pages[120:]
