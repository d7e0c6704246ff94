"""What every source gives the build: its pages, and how far through the file it is.

A progress bar shows ``bytes_read`` of ``total_bytes`` (bytes of the file on disk,
compressed bytes for a compressed dump) and ``pages_read``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Self

from kidpedia.model import RawPage


class Source:
    """One source file. ``pages()`` streams its pages once; ``close()`` (or ``with``) frees it."""

    kind = "source"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.total_bytes = path.stat().st_size
        self.pages_read = 0  # pages yielded so far
        self.pages_skipped = 0  # pages passed over because of ``skip``
        self.lang: str | None = None  # known once pages() has started

    @property
    def bytes_read(self) -> int:
        return 0

    def pages(self) -> Iterator[RawPage]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.path.name} {self.pages_read} pages>"
