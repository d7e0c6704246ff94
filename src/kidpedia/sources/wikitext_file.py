"""A single wikitext file as a source: one page.

The title is the ``title`` given, else the file name without its extension (and
without ``.bz2``/``.gz``), underscores read as spaces as in MediaWiki URLs. A file
saved HTML-escaped (``&lt;ref&gt;`` and no ``<`` anywhere, as some tools export
wikitext) is unescaped. A redirect page yields ``RawPage(redirect=target)``.
"""

from __future__ import annotations

import html
import zlib
from collections.abc import Iterator
from pathlib import Path

from kidpedia.errors import EmptySource, SourceError
from kidpedia.model import RawPage
from kidpedia.sources.base import Source
from kidpedia.sources.redirects import redirect_of
from kidpedia.sources.stream import open_file, read_some

COMPRESSED_SUFFIXES = (".bz2", ".gz")
MAX_BYTES = 64 << 20  # far above any real page (MediaWiki caps a page at 2 MB)


def title_from_filename(path: Path) -> str:
    """``Anwar_Kamal_Khan.txt`` -> ``Anwar Kamal Khan``; ``Alsea-(company).txt`` kept as is."""
    name = path.name
    for suffix in COMPRESSED_SUFFIXES:
        name = name.removesuffix(suffix)
    return " ".join(Path(name).stem.replace("_", " ").split())


def looks_html_escaped(text: str) -> bool:
    return "&lt;" in text and "<" not in text


class WikitextFileSource(Source):
    kind = "wikitext"

    def __init__(self, path: Path, *, title: str | None = None, lang: str | None = None, skip: int = 0):
        super().__init__(path)
        self.title = title or title_from_filename(path)
        self.page_lang = lang or "en"
        self.lang = self.page_lang
        self.skip = skip
        self._done = False

    @property
    def bytes_read(self) -> int:
        return self.total_bytes if self._done else 0

    def read_text(self) -> str:
        opened = open_file(self.path)
        try:
            parts, size = [], 0
            while data := read_some(opened.stream, 1 << 20):
                parts.append(data)
                size += len(data)
                if size > MAX_BYTES:
                    raise SourceError(f"{self.path.name} is over {MAX_BYTES >> 20} MB: not one wikitext page")
        except (EOFError, OSError, zlib.error) as e:
            raise SourceError(f"{self.path.name}: cannot decompress it ({e})") from None
        finally:
            opened.close()
        try:
            text = b"".join(parts).decode("utf-8")
        except UnicodeDecodeError as e:
            raise SourceError(
                f"{self.path.name} is not UTF-8 text (byte {e.start})", "save the wikitext as UTF-8"
            ) from None
        return html.unescape(text) if looks_html_escaped(text) else text

    def pages(self) -> Iterator[RawPage]:
        text = self.read_text()
        self._done = True
        if not text.strip():
            raise EmptySource(f"{self.path} holds only whitespace", "give a wikitext page")
        if self.skip > 0:
            self.pages_skipped = 1
            return
        self.pages_read = 1
        yield RawPage(title=self.title, text=text, redirect=redirect_of(text), lang=self.page_lang, offset=0)
