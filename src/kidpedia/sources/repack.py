"""Re-pack a real dump: as a multistream ``.bz2`` with its index, or grown by repetition.

    write_multistream(src, out, index_out, pages_per_stream=100) -> pages written
    write_repeated(src, out, target_bytes) -> (pages, bytes) written

``write_multistream`` lays a dump out as Wikimedia does: one bzip2 stream for the
header and ``<siteinfo>``, one per ``pages_per_stream`` pages, one for the closing
``</mediawiki>``, and an index ``offset:page_id:title`` per page (bzip2). With it a
resumed build seeks instead of decompressing (see ``multistream.py``).

``write_repeated`` makes a large dump for benchmarks and memory tests out of real
pages: the source's pages over and over, each copy under new titles
(``Anarchism (copy 2)``, redirects pointing into the same copy) and new page ids,
until the XML reaches ``target_bytes``. Output is UTF-8; ``.bz2`` if ``out`` says so.
"""

from __future__ import annotations

import bz2
import re
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import BinaryIO

from kidpedia.sources.dump import parse_page
from kidpedia.sources.framing import Frame, PageFramer
from kidpedia.sources.stream import open_file

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*\?>\s*")
_TITLE = re.compile(rb"<title>(.*?)</title>", re.DOTALL)
_REDIRECT = re.compile(rb'(<redirect title=")([^"]*)(")')
_FIRST_ID = re.compile(rb"<id>(\d+)</id>")
FOOTER = b"</mediawiki>\n"
ID_STEP = 100_000_000  # page ids of copy k are the originals plus k * ID_STEP


def read_frames(src: str | Path) -> tuple[bytes, Iterator[Frame]]:
    """A dump's header (UTF-8, no XML declaration, ending in a newline) and its pages."""
    opened = open_file(src)
    framer = PageFramer(opened.stream)

    def frames() -> Iterator[Frame]:
        with closing(opened):
            yield from framer.frames()

    it = frames()
    first = next(it, None)
    header = _XML_DECL.sub(b"", framer.header or b"").rstrip() + b"\n"

    def all_frames() -> Iterator[Frame]:
        if first is not None:
            yield first
            yield from it

    return header, all_frames()


def _page_line(frame: Frame) -> bytes:
    return b"  " + frame.data + b"\n"


def write_multistream(
    src: str | Path, out: str | Path, index_out: str | Path, pages_per_stream: int = 100
) -> int:
    header, frames = read_frames(src)
    pages = 0
    with open(out, "wb") as dump, bz2.open(index_out, "wt", encoding="utf-8") as index:
        dump.write(bz2.compress(header))
        group: list[Frame] = []
        for frame in frames:
            group.append(frame)
            if len(group) == pages_per_stream:
                pages += _write_stream(dump, index, group)
                group = []
        if group:
            pages += _write_stream(dump, index, group)
        dump.write(bz2.compress(FOOTER))
    return pages


def _write_stream(dump: BinaryIO, index: object, group: list[Frame]) -> int:
    offset = dump.tell()
    for frame in group:
        page = parse_page(frame.data, "en")
        index.write(f"{offset}:{page.page_id}:{page.title}\n")  # type: ignore[attr-defined]
    dump.write(bz2.compress(b"".join(_page_line(f) for f in group)))
    return len(group)


def renamed(frame: Frame, copy: int) -> bytes:
    """The page under a new title and page id (copy 0 is the page itself)."""
    if copy == 0:
        return frame.data
    suffix = f" (copy {copy})".encode()
    data = _TITLE.sub(lambda m: b"<title>" + m.group(1) + suffix + b"</title>", frame.data, count=1)
    data = _REDIRECT.sub(lambda m: m.group(1) + m.group(2) + suffix + m.group(3), data, count=1)
    return _FIRST_ID.sub(lambda m: b"<id>%d</id>" % (int(m.group(1)) + copy * ID_STEP), data, count=1)


def write_repeated(src: str | Path, out: str | Path, target_bytes: int) -> tuple[int, int]:
    """Repeat ``src``'s pages under new titles until the XML is ``target_bytes`` long."""
    header, frames = read_frames(src)
    originals = list(frames)
    if not originals:
        raise ValueError(f"{src} has no pages to repeat")
    out = Path(out)
    opener = bz2.open if out.suffix == ".bz2" else open
    pages, size, copy = 0, 0, 0
    with opener(out, "wb") as dump:
        size += dump.write(header)
        while size < target_bytes:
            for frame in originals:
                size += dump.write(b"  " + renamed(frame, copy) + b"\n")
                pages += 1
                if size >= target_bytes:
                    break
            copy += 1
        size += dump.write(FOOTER)
    return pages, size

