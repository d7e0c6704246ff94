"""A single-stream .bz2 cut into runs of blocks without decompressing it
(``sources.bz2blocks``), as the Dask build does: every run decompresses on its own to
exactly its part of the file, and a file that is not one clean stream is refused.

The text is the bundled real sample dump; recompressed at level 1 (100 kB blocks) it
has about 90 blocks, so runs start and end in every kind of place."""

from __future__ import annotations

import bz2
from pathlib import Path

import pytest

from kidpedia.sources import bz2blocks


@pytest.fixture(scope="module")
def xml(sample_dump: Path) -> bytes:
    return bz2.decompress(sample_dump.read_bytes())


@pytest.mark.parametrize("level", [1, 9])
def test_every_run_of_blocks_decompresses_to_its_part(xml: bytes, level: int, tmp_path: Path) -> None:
    data = bz2.compress(xml, level)
    blocks = bz2blocks.scan(data)
    assert blocks is not None and blocks.level == level
    assert len(blocks) == pytest.approx(len(xml) / (level * 100_000), rel=0.2, abs=1)
    for per in (1, 3, 7):
        runs = [bz2blocks.decompress_run(data, blocks, i, min(i + per, len(blocks))) for i in range(0, len(blocks), per)]
        assert b"".join(runs) == xml
    start, end = bz2blocks.byte_span(blocks, 2, 5)  # from the bytes that hold them only
    assert bz2blocks.decompress_run(data[start:end], blocks, 2, 5, base=start) == \
        bz2blocks.decompress_run(data, blocks, 2, 5)
    alone = blocks.run(2, 5)
    assert bz2blocks.decompress_run(data, alone, 0, 3) == bz2blocks.decompress_run(data, blocks, 2, 5)
    path = tmp_path / "x.bz2"
    path.write_bytes(data)
    assert bz2blocks.scan_file(str(path), piece=50_000) == blocks  # read in pieces: the same


def test_not_one_clean_stream_is_refused(xml: bytes) -> None:
    data = bz2.compress(xml[:500_000], 1)
    assert bz2blocks.scan(data) is not None
    assert bz2blocks.scan(data[:-20]) is None  # truncated
    assert bz2blocks.scan(data + data) is None  # two streams
    assert bz2blocks.scan(data + b"junk") is None
    assert bz2blocks.scan(b"not bzip2 at all") is None
    assert bz2blocks.scan(xml[:1000]) is None


def test_a_wrong_crc_is_not_silently_accepted(xml: bytes) -> None:
    data = bz2.compress(xml[:400_000], 1)
    blocks = bz2blocks.scan(data)
    assert blocks is not None
    wrong = bz2blocks.Blocks(blocks.level, blocks.starts, (blocks.crcs[0] ^ 1, *blocks.crcs[1:]), blocks.end)
    with pytest.raises(OSError):
        bz2blocks.decompress_run(data, wrong, 0, 2)


@pytest.mark.parametrize("shift", range(8))
def test_marks_are_found_at_every_bit_offset(shift: int) -> None:
    mark = bz2blocks.BLOCK_MARK
    value = (0b1011 << (48 + 64)) | (mark << 64) | 0xABCDEF
    data = (value << shift).to_bytes(20, "big")
    found = bz2blocks._marks(data, mark)
    assert found == [20 * 8 - (4 + 48 + 64 + shift) + 4]
