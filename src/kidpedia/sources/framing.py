"""Cut a MediaWiki XML dump's byte stream into its pages, one ``<page>…</page>`` at a time.

In a well-formed dump every ``<`` inside text is escaped, so ``<page>`` and
``</page>`` appear only as tags: the stream can be cut there without parsing it,
and each page parsed (by lxml, in ``dump.py``) on its own. That keeps memory
bounded by the largest page, gives each page's byte offset for free, and lets a
resumed build pass over pages without parsing them.

:class:`PageFramer` checks the shape around the pages: a ``<mediawiki>`` element
before the first page (``<siteinfo>`` may be missing), only whitespace between
pages, ``</mediawiki>`` at the end. Anything else, and a stream that breaks while
being read (truncated or damaged compression), stops it with a :class:`Fault`
that says what and at which byte; every page before the fault was handed out.

A page with many revisions (a full-history dump) is compacted as it grows: only
its last complete revision is kept, so such pages stay bounded too.
"""

from __future__ import annotations

import html
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from kidpedia.sources.stream import Readable

BLOCK = 1 << 20  # decompressed bytes gathered before cutting
COMPACT_AT = 32 << 20  # a pending page this large drops all but its last revision
MAX_PAGE = 512 << 20  # a pending page still this large after compaction is a fault
MAX_HEADER = 64 << 20

PAGE_OPEN = re.compile(rb"<page[\s>]")
_PAGE_CLOSE = b"</page>"
_FOOTER = re.compile(rb"\s*</mediawiki>\s*\Z")
_TITLE = re.compile(rb"<title>(.*?)</title>", re.DOTALL)


class Fault(Exception):
    """Where (decompressed byte ``offset``) and why (``what``) a dump stopped being readable."""

    def __init__(self, what: str, offset: int | None) -> None:
        super().__init__(what)
        self.what = what
        self.offset = offset


@dataclass(frozen=True)
class Frame:
    """One page's bytes (``<page>`` to ``</page>``, UTF-8) and its decompressed byte offset."""

    offset: int
    data: bytes

    def title(self) -> str:
        """The page's title, found cheaply (for messages about pages never parsed)."""
        m = _TITLE.search(self.data)
        return html.unescape(m.group(1).decode("utf-8", "replace")) if m else "?"


class PageFramer:
    """The pages of ``stream`` (UTF-8 bytes of a dump) as :class:`Frame`s.

    ``expect_header=False`` reads from inside a dump (a multistream dump entered at
    one of its streams): no ``<mediawiki>`` before the first page is required.
    """

    def __init__(self, stream: Readable, *, expect_header: bool = True) -> None:
        self._stream = stream
        self._expect_header = expect_header
        self.header: bytes | None = None if expect_header else b""
        self.consumed = 0  # decompressed bytes read so far

    def frames(self) -> Iterator[Frame]:
        buf = b""
        base = 0  # decompressed offset of buf[0]
        shift = 0  # bytes dropped from the pending page at buf[0]: later offsets move by it
        close_from = 0  # where to look for </page> next in buf (what came before was searched)

        def at(i: int) -> int:
            return base + i + (shift if i > 0 else 0)

        while True:
            block, fault = self._fill()
            eof = not block and fault is None
            buf = buf + block if buf else block
            pos = 0
            if self.header is None:
                pos = self._find_header(buf, eof, fault)
                if pos < 0:
                    if eof or fault:
                        return
                    continue
            while True:
                m = PAGE_OPEN.search(buf, pos)
                if m is None:
                    break
                start = m.start()
                gap = buf[pos:start]
                if gap.strip():
                    first = pos + len(gap) - len(gap.lstrip())
                    raise Fault(f"unexpected text between pages: {_show(gap)}", at(first))
                end = buf.find(_PAGE_CLOSE, max(m.end(), close_from))
                if end < 0:
                    close_from = max(start, len(buf) - len(_PAGE_CLOSE))
                    pos = start
                    break
                end += len(_PAGE_CLOSE)
                cut = _next_page_open(buf, m.end(), end)
                if cut >= 0:  # a page without </page>: it ends where the next one opens
                    end = cut
                yield Frame(at(start), buf[start:end])
                pos, close_from = end, 0
            if fault is not None:
                raise fault
            if eof:
                self._check_end(buf[pos:], at(pos))
                return
            if pos:
                buf, base, shift = buf[pos:], at(pos), 0
                close_from = max(0, close_from - pos)
            if len(buf) > COMPACT_AT and PAGE_OPEN.match(buf):
                buf, removed = _drop_old_revisions(buf)
                shift += removed
                close_from = max(0, close_from - removed)
                if len(buf) > MAX_PAGE:
                    raise Fault(f"a page over {MAX_PAGE >> 20} MB without </page>", base)

    def _fill(self) -> tuple[bytes, Fault | None]:
        """About BLOCK bytes (less at the end), and the fault that stopped reading, if any."""
        parts: list[bytes] = []
        size = 0
        fault: Fault | None = None
        while size < BLOCK:
            try:
                data = self._stream.read(BLOCK - size)
            except EOFError:
                fault = Fault("the compressed data ends early (the file is truncated)", None)
                break
            except UnicodeDecodeError as e:
                fault = Fault(f"the text is not valid {e.encoding} ({e.reason})", None)
                break
            except (OSError, zlib.error) as e:
                fault = Fault(f"the compressed data is damaged ({e})", None)
                break
            if not data:
                break
            parts.append(data)
            size += len(data)
        self.consumed += size
        if fault is not None:
            fault.offset = self.consumed
        return b"".join(parts), fault

    def _find_header(self, buf: bytes, eof: bool, fault: Fault | None) -> int:
        """Index of the first page once the header is complete (and checked), else -1."""
        m = PAGE_OPEN.search(buf)
        if m is None:
            if fault is not None:
                raise fault
            if eof:  # a dump with no pages at all
                _check_header(buf)
                self.header = buf
                if b"</mediawiki>" not in buf:
                    raise Fault("the dump ends without </mediawiki> (it is truncated)", len(buf))
            elif len(buf) > MAX_HEADER:
                raise Fault(f"no <page> in the first {MAX_HEADER >> 20} MB", 0)
            return -1
        _check_header(buf[: m.start()])
        self.header = buf[: m.start()]
        return m.start()

    def _check_end(self, tail: bytes, offset: int) -> None:
        if _FOOTER.match(tail):
            return
        if PAGE_OPEN.search(tail):
            raise Fault("the dump ends in the middle of a page (it is truncated)", offset + len(tail))
        if not tail.strip() or b"</mediawiki>".startswith(tail.strip()):
            raise Fault("the dump ends without </mediawiki> (it is truncated)", offset + len(tail))
        raise Fault(f"unexpected text after the last page: {_show(tail)}", offset)


def _next_page_open(buf: bytes, start: int, end: int) -> int:
    """Index of a ``<page>`` tag between ``start`` and ``end`` (none in a well-formed page), else -1."""
    i = buf.find(b"<page", start, end)
    while i >= 0:
        if PAGE_OPEN.match(buf, i):
            return i
        i = buf.find(b"<page", i + 1, end)
    return -1


def _check_header(header: bytes) -> None:
    if b"<mediawiki" not in header:
        raise Fault("not a MediaWiki XML dump: no <mediawiki> element before the first page", 0)


def _drop_old_revisions(buf: bytes) -> tuple[bytes, int]:
    """Keep the page's head and its last complete revision onwards; (new buf, bytes dropped)."""
    first = buf.find(b"<revision")
    last_close = buf.rfind(b"</revision>")
    if first < 0 or last_close < first:
        return buf, 0
    last_open = buf.rfind(b"<revision", first, last_close)
    if last_open <= first:
        return buf, 0
    return buf[:first] + buf[last_open:], last_open - first


def _show(data: bytes) -> str:
    text = data.strip()[:40].decode("utf-8", "replace")
    return repr(text)
