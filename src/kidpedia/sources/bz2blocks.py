"""The blocks of a single-stream bzip2 file, found without decompressing it, and any run
of them decompressed on its own: how a Dask build spreads a plain ``.bz2`` dump's
decompression over its workers instead of doing it all in the client.

    scan(data) -> Blocks | None            where each block starts (in bits) and its CRC
    scan_file(path) -> Blocks | None       the same, read in pieces (memory stays flat)
    decompress_run(data, blocks, i, j)     blocks i..j-1 as bytes, from the file's bytes

A bzip2 stream is ``BZh`` and a level digit, then blocks, then an end-of-stream mark
and the CRC of the whole; each block starts with a 48-bit mark (0x314159265359) and its
own CRC, and is compressed on its own, but blocks are not byte-aligned. So a run of
blocks becomes a stream of its own by copying its bits after a new header and closing
it with the end mark and the run's combined CRC (bzip2's: rotate left by one, xor the
block's CRC). This is how Hadoop splits ``.bz2`` input and how seek-bzip reads it.

A block mark can appear by chance inside compressed data (1 in 2^48 bit positions); a
candidate is kept only when what follows it looks like a block header (randomised bit 0,
its BWT origin inside the block size), which leaves about 1 in 10^15 per bit. Should a
false one still be chosen, decompressing its run fails with a CRC error, which the
build reports (it never stores wrong text). Files that are not one clean stream
(several streams, truncated, trailing bytes) get None: their caller reads them whole.
"""

from __future__ import annotations

import bz2
from dataclasses import dataclass

BLOCK_MARK = 0x314159265359
END_MARK = 0x177245385090


@dataclass(frozen=True)
class Blocks:
    level: int  # the header's digit: block size in 100 k
    starts: tuple[int, ...]  # bit offset of each block's mark
    crcs: tuple[int, ...]  # each block's CRC
    end: int  # bit offset of the end-of-stream mark (where the last block ends)

    def __len__(self) -> int:
        return len(self.starts)

    def stop(self, i: int) -> int:
        """Where block ``i`` ends (in bits)."""
        return self.starts[i + 1] if i + 1 < len(self.starts) else self.end

    def run(self, i: int, j: int) -> Blocks:
        """Blocks ``i``..``j-1`` alone (what a worker needs of them)."""
        return Blocks(self.level, self.starts[i:j], self.crcs[i:j], self.stop(j - 1))


def _bits(data: bytes, at: int, n: int) -> int:
    """``n`` bits of ``data`` from bit ``at`` (most significant first); 0 past the end."""
    first, last = at // 8, (at + n + 7) // 8
    chunk = data[first:last].ljust(last - first, b"\0")
    return (int.from_bytes(chunk, "big") >> (8 * (last - first) - (at - 8 * first) - n)) & ((1 << n) - 1)


def _marks(data: bytes, mark: int) -> list[int]:
    """Bit offsets where the 48-bit ``mark`` occurs, in order."""
    found = []
    for shift in range(8):
        nbytes = (shift + 48 + 7) // 8
        pattern = (mark << (8 * nbytes - shift - 48)).to_bytes(nbytes, "big")
        core = pattern[1 if shift else 0 : nbytes - 1 if (shift + 48) % 8 else nbytes]
        lead = 1 if shift else 0
        i = data.find(core)
        while i >= 0:
            at = (i - lead) * 8 + shift
            if at >= 0 and _bits(data, at, 48) == mark:
                found.append(at)
            i = data.find(core, i + 1)
    return sorted(found)


def scan(data: bytes) -> Blocks | None:
    """The blocks of ``data`` (a whole .bz2 file), or None when it is not one clean stream."""
    return _scan([(0, data)], len(data))


def scan_file(path: str, piece: int = 16 << 20) -> Blocks | None:
    """``scan`` of the file at ``path``, read ``piece`` bytes at a time."""
    import os

    size = os.path.getsize(path)

    def pieces():  # type: ignore[no-untyped-def]
        with open(path, "rb") as f:
            at = 0
            while at < size:
                f.seek(at)
                yield at, f.read(piece + _OVERLAP)
                at += piece

    return _scan(pieces(), size)


_OVERLAP = 16  # bytes a piece shares with the next: a mark and the header after it fit


def _scan(pieces, size: int) -> Blocks | None:  # type: ignore[no-untyped-def]
    level = 0
    ends: list[int] = []
    starts: list[int] = []
    crcs: list[int] = []
    for base, data in pieces:
        if base == 0:
            if len(data) < 14 or data[:3] != b"BZh" or not (0x31 <= data[3] <= 0x39):
                return None
            level = data[3] - 0x30
        inside = 8 * (len(data) - _OVERLAP) if base + len(data) < size else 8 * len(data)
        ends += [8 * base + at for at in _marks(data, END_MARK) if at < inside]
        for at in _marks(data, BLOCK_MARK):
            if at >= inside:
                continue  # the next piece has it whole
            randomised, origin = _bits(data, at + 80, 1), _bits(data, at + 81, 24)
            if randomised or origin >= level * 100_000:
                continue  # not a block header: the mark by chance
            starts.append(8 * base + at)
            crcs.append(_bits(data, at + 48, 32))
    if len(ends) != 1 or (ends[0] + 48 + 32 + 7) // 8 != size:
        return None  # several streams, a truncated one, or bytes after it
    kept = [(a, c) for a, c in zip(starts, crcs) if a < ends[0]]
    if not kept or kept[0][0] != 32:
        return None
    return Blocks(level, tuple(a for a, _ in kept), tuple(c for _, c in kept), ends[0])


def combined_crc(crcs: list[int] | tuple[int, ...]) -> int:
    crc = 0
    for c in crcs:
        crc = (((crc << 1) | (crc >> 31)) & 0xFFFFFFFF) ^ c
    return crc


def stream_of(data: bytes, blocks: Blocks, i: int, j: int, base: int = 0) -> bytes:
    """Blocks ``i``..``j-1`` as a bzip2 stream of their own. ``data`` holds the file's
    bytes from byte ``base`` on (enough of them to cover those blocks)."""
    start, stop = blocks.starts[i] - 8 * base, blocks.stop(j - 1) - 8 * base
    n = stop - start
    first, last = start // 8, (stop + 7) // 8
    body = (int.from_bytes(data[first:last], "big") >> (8 * last - stop)) & ((1 << n) - 1)
    value = int.from_bytes(b"BZh" + bytes([0x30 + blocks.level]), "big")
    value = (((value << n | body) << 48 | END_MARK) << 32) | combined_crc(blocks.crcs[i:j])
    total = 32 + n + 80
    pad = -total % 8
    return (value << pad).to_bytes((total + pad) // 8, "big")


def decompress_run(data: bytes, blocks: Blocks, i: int, j: int, base: int = 0) -> bytes:
    """The text of blocks ``i``..``j-1`` (``data``: the file's bytes from byte ``base``)."""
    return bz2.decompress(stream_of(data, blocks, i, j, base))


def byte_span(blocks: Blocks, i: int, j: int) -> tuple[int, int]:
    """The file's bytes that hold blocks ``i``..``j-1``."""
    return blocks.starts[i] // 8, (blocks.stop(j - 1) + 7) // 8
