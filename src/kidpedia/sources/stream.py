"""Open a source file as a stream of UTF-8 bytes, whatever its compression and encoding.

``open_file`` checks the path (missing, directory, empty: typed errors), detects the
compression by its magic bytes (bzip2, including multistream; gzip; none) and the
text encoding (UTF-8 with or without BOM, UTF-16 with BOM or by its zero bytes, or
what an XML declaration names) and returns an :class:`OpenedFile` whose ``stream``
reads UTF-8 bytes. ``raw_position`` is how far into the file on disk it has read,
for a progress bar.
"""

from __future__ import annotations

import bz2
import codecs
import contextlib
import gzip
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from kidpedia.errors import EmptySource, SourceError, SourceIsDirectory, SourceNotFound

SNIFF_BYTES = 64 * 1024
_XML_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UTF8_NAMES = {"utf-8", "utf8"}


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def check_path(path: str | Path) -> Path:
    """The path as a Path, or the typed error that says why it cannot be read."""
    p = Path(path)
    if not p.exists():
        raise SourceNotFound(f"no such file: {p}", "check the path")
    if p.is_dir():
        raise SourceIsDirectory(
            f"{p} is a directory, not a dump or wikitext file", "name a file inside it"
        )
    if p.stat().st_size == 0:
        raise EmptySource(f"{p} is empty (0 bytes)", "give a MediaWiki XML dump or a wikitext file")
    if not os.access(p, os.R_OK):
        raise SourceError(f"cannot read {p}: permission denied")
    return p


def compression_of(head: bytes) -> str | None:
    """'bz2', 'gz' or None, from a file's first bytes."""
    if head.startswith(b"BZh") and head[3:4].isdigit():
        return "bz2"
    if head.startswith(b"\x1f\x8b"):
        return "gz"
    return None


def decompressing(raw: BinaryIO, compression: str | None) -> Readable:
    """A reader of ``raw``'s decompressed bytes (bzip2 reads every stream of a multistream file)."""
    if compression == "bz2":
        return bz2.BZ2File(raw)
    if compression == "gz":
        return gzip.GzipFile(fileobj=raw)
    return raw


def encoding_of(head: bytes) -> tuple[str, int]:
    """(codec name, BOM length) for decompressed bytes that start with ``head``."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16", 0  # the utf-16 codec reads the BOM and picks the byte order
    if head[:2] == b"<\x00":
        return "utf-16-le", 0
    if head[:2] == b"\x00<":
        return "utf-16-be", 0
    m = _XML_DECL_ENCODING.match(head)
    if m:
        name = m.group(1).decode("ascii").lower()
        try:
            return codecs.lookup(name).name, 0
        except LookupError:
            raise SourceError(f"unknown text encoding {name!r} in the XML declaration") from None
    return "utf-8", 0


def read_some(stream: Readable, size: int) -> bytes:
    """Up to ``size`` bytes in one read of the layer below (``read1`` where there is one).

    One read at a time keeps every decompressed byte before a fault: a buffered
    ``read(n)`` that loops would drop what it had when the compressed data breaks.
    """
    read1 = getattr(stream, "read1", None)
    return read1(size) if read1 is not None else stream.read(size)


class _Prefixed:
    """Read ``prefix`` first, then the rest of ``stream``; ``error`` (met while reading the
    prefix) is raised where the prefix ends, and on every read after."""

    def __init__(self, prefix: bytes, stream: Readable, error: BaseException | None = None) -> None:
        self._prefix = prefix
        self._stream = stream
        self._error = error

    def read(self, size: int = -1) -> bytes:
        if self._prefix:
            out = self._prefix if size < 0 else self._prefix[:size]
            self._prefix = self._prefix[len(out) :]
            return out
        if self._error is not None:
            raise self._error
        return read_some(self._stream, size)


class _ToUtf8:
    """Decode ``stream`` from ``encoding`` as it is read and hand out UTF-8 bytes."""

    def __init__(self, stream: Readable, encoding: str) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder(encoding)()

    def read(self, size: int = -1) -> bytes:
        while True:
            data = read_some(self._stream, size)
            text = self._decoder.decode(data, final=not data)
            if text or not data:
                return text.encode("utf-8")


@dataclass
class OpenedFile:
    """A file opened for reading: ``stream`` gives UTF-8 bytes; ``head`` is their start."""

    path: Path
    raw: BinaryIO
    stream: Readable
    compression: str | None
    encoding: str
    head: bytes

    @property
    def raw_position(self) -> int:
        """Bytes of the file on disk read so far (compressed bytes for a compressed file)."""
        try:
            return self.raw.tell()
        except (ValueError, OSError):  # closed
            return 0

    def close(self) -> None:
        closer = getattr(self.stream, "close", None)
        if closer is not None and self.stream is not self.raw:
            with contextlib.suppress(Exception):  # closing a broken stream must not hide its error
                closer()
        self.raw.close()


def open_file(path: str | Path, offset: int = 0) -> OpenedFile:
    """Open ``path`` (checked) as UTF-8 bytes; ``offset`` starts at that byte of the file.

    A non-zero offset must be the start of a bzip2 stream (multistream dumps) or any
    byte of an uncompressed file; the encoding is then assumed to be UTF-8.
    """
    p = check_path(path)
    try:
        raw: BinaryIO = open(p, "rb", buffering=1 << 16)  # noqa: SIM115 - closed by OpenedFile.close
    except OSError as e:
        raise SourceError(f"cannot open {p}: {e.strerror or e}") from None
    try:
        compression = compression_of(raw.read(4))
        raw.seek(offset)
        stream = decompressing(raw, compression)
        head, error = _read_head(stream, p)
        if not head and not offset and error is None:
            raise EmptySource(f"{p} holds no data once decompressed", "the file is empty inside")
        if offset:
            encoding, bom = "utf-8", 0
        else:
            encoding, bom = encoding_of(head)
        utf8: Readable = _Prefixed(head[bom:], stream, error)
        if encoding.replace("_", "-") not in _UTF8_NAMES:
            utf8 = _ToUtf8(utf8, encoding)
            head, error = _read_head(utf8, p)
            utf8 = _Prefixed(head, utf8, error)
        else:
            head = head[bom:]
        return OpenedFile(p, raw, utf8, compression, encoding, head)
    except BaseException:
        raw.close()
        raise


def _read_head(stream: Readable, path: Path) -> tuple[bytes, BaseException | None]:
    """The first bytes of ``stream`` and the error that stopped reading them, if any."""
    parts: list[bytes] = []
    size = 0
    while size < SNIFF_BYTES:
        try:
            data = read_some(stream, SNIFF_BYTES - size)
        except (EOFError, OSError, UnicodeDecodeError, zlib.error) as e:
            return b"".join(parts), e
        if not data:
            break
        parts.append(data)
        size += len(data)
    return b"".join(parts), None
