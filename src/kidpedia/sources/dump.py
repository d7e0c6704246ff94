"""MediaWiki XML dumps (and single wikitext files) -> RawPage, page by page.

    open_source(path, title=None, lang=None, skip=0) -> Source   (.pages(), progress counters)
    iter_pages(path, title=None, lang=None, skip=0)  -> Iterator[RawPage]

A dump may be plain ``.xml``, ``.xml.bz2`` (multistream too: with its
``-index.txt.bz2`` beside it, ``skip`` seeks to the right stream instead of
decompressing the pages before it) or ``.gz``; UTF-8 or UTF-16 with a BOM; with
or without ``<siteinfo>``; export version 0.10, 0.11 or another. Any file that is
not a dump is read as one page of wikitext (``wikitext_file.py``).

Every page of every namespace is yielded with its ``ns``; a redirect comes with
``redirect=target``; a page's ``offset`` is its byte offset in the decompressed
XML (as UTF-8; None after a multistream seek). The language is ``lang`` if given,
else the dump's ``<dbname>`` (enwiki -> en, zh_min_nanwiki -> zh-min-nan), else
its ``xml:lang``, else "en". Each page carries the dump's ``<siteinfo>`` (its
namespaces' local names, dbname, base) as ``RawPage.site`` (None without one).

A missing file, a directory or an empty file raise their typed error when the
source is opened. A dump that is malformed or cut short raises DumpFormatError
(one line: what, the byte offset, the last good page) *after* every page before
the fault was yielded, so the build keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from lxml import etree

from kidpedia.errors import DumpFormatError
from kidpedia.model import RawPage, SiteInfo
from kidpedia.sources.base import Source
from kidpedia.sources.framing import PAGE_OPEN, Fault, Frame, PageFramer
from kidpedia.sources.multistream import IndexEntry, find_index, locate
from kidpedia.sources.redirects import redirect_of
from kidpedia.sources.siteinfo import siteinfo_from_header
from kidpedia.sources.stream import OpenedFile, check_path, open_file
from kidpedia.sources.wikitext_file import COMPRESSED_SUFFIXES, WikitextFileSource

WIKITEXT_SUFFIXES = {".txt", ".wiki", ".wikitext", ".mediawiki", ".mw", ".text"}
_PROJECT_SUFFIXES = ("wiktionary", "wikibooks", "wikinews", "wikiquote", "wikisource",
                     "wikiversity", "wikivoyage", "wiki")  # fmt: skip
_DBNAME = re.compile(rb"<dbname>\s*([^<\s]+)\s*</dbname>")
_XML_LANG = re.compile(rb"<mediawiki\b[^>]*?\bxml:lang=[\"']([^\"']+)[\"']")
_PAGE_ID = re.compile(rb"<id>\s*(\d+)\s*</id>")
_PARSER = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)


def open_source(
    path: str | Path,
    *,
    title: str | None = None,
    lang: str | None = None,
    skip: int = 0,
    index: str | Path | None = None,
) -> Source:
    """The source at ``path``: a :class:`DumpSource` or a one-page wikitext source.

    Raises SourceNotFound, SourceIsDirectory or EmptySource at once.
    """
    p = check_path(path)
    other = _rendered_source(p, title=title, lang=lang, skip=skip)
    if other is not None:
        return other
    if is_dump(p):
        return DumpSource(p, lang=lang, skip=skip, index=Path(index) if index else None)
    return WikitextFileSource(p, title=title, lang=lang, skip=skip)


def _rendered_source(p: Path, *, title: str | None, lang: str | None, skip: int) -> Source | None:
    """A ZIM, Enterprise records or a rendered HTML page (sources/zim.py, enterprise.py)."""
    from kidpedia.sources import enterprise, zim

    if zim.is_zim(p):
        return zim.ZimSource(p, lang=lang, skip=skip)
    kind = enterprise.kind_of(p)
    if kind == "html":
        return enterprise.HtmlFileSource(p, title=title, lang=lang, skip=skip)
    if kind == "enterprise":
        return enterprise.EnterpriseSource(p, lang=lang, skip=skip)
    return None


def iter_pages(
    path: str | Path, *, title: str | None = None, lang: str | None = None, skip: int = 0
) -> Iterator[RawPage]:
    """The pages of the source at ``path`` (opening errors are raised here, at the call)."""
    return open_source(path, title=title, lang=lang, skip=skip).pages()


def is_dump(path: Path) -> bool:
    """Whether ``path`` holds an XML dump (by its content, else by its name)."""
    opened = open_file(path)
    try:
        head = opened.head
        if b"<mediawiki" in head or head.lstrip().startswith(b"<?xml"):
            return True
        name = path.name.lower()
        for suffix in COMPRESSED_SUFFIXES:
            if name.endswith(suffix):
                return Path(name[: -len(suffix)]).suffix not in WIKITEXT_SUFFIXES
        return path.suffix.lower() == ".xml"
    finally:
        opened.close()


def lang_from_dbname(dbname: str) -> str | None:
    """enwiki -> en, bgwiki -> bg, zh_min_nanwiki -> zh-min-nan, frwiktionary -> fr."""
    for suffix in _PROJECT_SUFFIXES:
        if dbname.endswith(suffix) and len(dbname) > len(suffix):
            return dbname[: -len(suffix)].replace("_", "-")
    return None


def lang_from_header(header: bytes) -> str | None:
    m = _DBNAME.search(header)
    if m:
        found = lang_from_dbname(m.group(1).decode("utf-8", "replace"))
        if found:
            return found
    m = _XML_LANG.search(header)
    return m.group(1).decode("utf-8", "replace") if m else None


def parse_page(
    data: bytes, lang: str, offset: int | None = None, site: SiteInfo | None = None
) -> RawPage:
    """One ``<page>…</page>`` -> RawPage (its last revision). Raises etree.XMLSyntaxError
    or ValueError for a malformed page."""
    page = etree.fromstring(data, _PARSER)
    title = ns = page_id = redirect = None
    revision = None
    for child in page:
        tag = child.tag
        if tag == "title":
            title = child.text
        elif tag == "ns":
            ns = child.text
        elif tag == "id":
            page_id = child.text
        elif tag == "redirect":
            redirect = child.get("title")
        elif tag == "revision":
            revision = child
    if not title:
        raise ValueError("a page without a <title>")
    text, rev_id, timestamp = "", None, ""
    if revision is not None:
        for child in revision:
            tag = child.tag
            if tag == "text":
                text = child.text or ""
            elif tag == "id":
                rev_id = child.text
            elif tag == "timestamp":
                timestamp = child.text or ""
    return RawPage(
        title=title,
        text=text,
        ns=int(ns) if ns else 0,
        redirect=redirect_of(text, redirect),  # old dumps have no <redirect>
        page_id=int(page_id) if page_id else None,
        rev_id=int(rev_id) if rev_id else None,
        timestamp=timestamp,
        lang=lang,
        offset=offset,
        site=site,
    )


class DumpSource(Source):
    """A MediaWiki XML dump; see the module docstring."""

    def __init__(self, path: Path, *, lang: str | None = None, skip: int = 0, index: Path | None = None):
        super().__init__(path)
        self.skip = max(0, skip)
        self._lang_arg = lang
        self._opened: OpenedFile | None = None
        self._last_raw = 0
        self._last_good: Frame | None = None
        self._offsets_known = True
        self.site: SiteInfo | None = None  # the dump's <siteinfo>, once pages() has started
        opened = open_file(path)
        self.compression = opened.compression
        self.encoding = opened.encoding
        opened.close()
        self.index = index or (find_index(path) if self.compression == "bz2" else None)
        self.kind = "multistream" if self.index else (self.compression or "xml")

    @property
    def bytes_read(self) -> int:
        if self._opened is not None:
            self._last_raw = max(self._last_raw, self._opened.raw_position)
        return self._last_raw

    def close(self) -> None:
        if self._opened is not None:
            self._last_raw = max(self._last_raw, self._opened.raw_position)
            self._opened.close()
            self._opened = None

    def pages(self) -> Iterator[RawPage]:
        try:
            yield from self._pages()
        except Fault as fault:
            raise self._error(fault) from None
        finally:
            self.close()

    def _pages(self) -> Iterator[RawPage]:
        to_skip = self.skip
        frames = self._seek(to_skip) if to_skip and self.index else None
        framer = None
        if frames is None:
            self._opened = open_file(self.path)
            framer = PageFramer(self._opened.stream)
            frames = framer.frames()
        else:
            to_skip = 0
        for frame in frames:
            if to_skip:
                to_skip -= 1
                self.pages_skipped += 1
                self._last_good = frame
                continue
            if self.lang is None and framer is not None:
                self._take_header(framer.header)
            yield self._parse(frame)
        if self.lang is None and framer is not None:
            self._take_header(framer.header)

    def _take_header(self, header: bytes | None) -> None:
        self.lang = self._lang_arg or lang_from_header(header or b"") or "en"
        self.site = siteinfo_from_header(header)

    def _parse(self, frame: Frame) -> RawPage:
        """The frame's page; control characters, invalid UTF-8 and character references
        XML forbids are replaced (U+FFFD) first if they stop it; a page still unreadable
        is a ``malformed`` page (its title or id, its offset, why) and reading goes on."""
        offset = frame.offset if self._offsets_known else None
        lang = self.lang or "en"
        try:
            page = parse_page(frame.data, lang, offset, self.site)
        except (etree.XMLSyntaxError, ValueError) as e:
            try:
                page = parse_page(repaired(frame.data), lang, offset, self.site)
            except (etree.XMLSyntaxError, ValueError):
                page = self._malformed(frame, offset, _reason(e))
        self._last_good = frame
        self.pages_read += 1
        return page

    def _malformed(self, frame: Frame, offset: int | None, reason: str) -> RawPage:
        from kidpedia.pipeline import MALFORMED

        m = _PAGE_ID.search(frame.data)
        page_id = int(m.group(1)) if m else None
        where = f"byte {offset:,}" if offset is not None else f"page {self.pages_skipped + self.pages_read + 1:,}"
        title = frame.title().strip()
        if not title or title == "?":
            title = f"(no title: page id {page_id}, {where})" if page_id else f"(no title: {where})"
        return RawPage(title=title[:255], text=f"{self.path.name}, {where}: {reason}", page_id=page_id,
                       lang=self.lang or "en", format=MALFORMED, offset=offset)

    def _seek(self, number: int) -> Iterator[Frame] | None:
        """Frames from page ``number`` on, entered at its stream by the index; None (and
        nothing changed) if the index does not say where it is or does not match the dump."""
        assert self.index is not None
        header = self._sniffed_header()
        entry = locate(self.index, number) if header is not None else None
        if entry is None:
            return None
        opened = open_file(self.path, offset=entry.offset)
        try:
            frames = PageFramer(opened.stream, expect_header=False).frames()
            for _ in range(entry.within):
                next(frames)
            found = next(frames)
        except (Fault, StopIteration):
            opened.close()
            return None
        if not _matches(found, entry):
            opened.close()
            return None
        self._take_header(header)
        self._opened, self._offsets_known = opened, False
        self.pages_skipped += number
        return chain([found], frames)

    def _sniffed_header(self) -> bytes | None:
        """The dump's header (for its language) from its first bytes only: the first
        stream of a multistream dump. None if they hold no ``<mediawiki>``."""
        opened = open_file(self.path)
        try:
            head = opened.head
        finally:
            opened.close()
        m = PAGE_OPEN.search(head)
        header = head[: m.start()] if m else head
        return header if b"<mediawiki" in header else None

    def _error(self, fault: Fault) -> DumpFormatError:
        before = self.pages_skipped + self.pages_read
        after = f'after page {before:,} "{self._last_good.title()}"' if self._last_good else "before the first page"
        where = f"at byte {fault.offset:,} of the XML" if fault.offset is not None and self._offsets_known else ""
        raw = self.bytes_read
        if self.compression and raw:
            where += f"{', near' if where else 'near'} byte {raw:,} of the compressed file"
        message = ", ".join(x for x in (f"{self.path.name}: {fault.what}", where, after) if x)
        hint = f"the {before:,} pages before it were read" if before else "no page could be read"
        offset = fault.offset if self._offsets_known else None
        return DumpFormatError(message, hint, pages_read=before, offset=offset)


_XML_ILLEGAL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CHAR_REF = re.compile(rb"&#(?:([0-9]{1,12})|[xX]([0-9a-fA-F]{1,12}));")


def _xml_char(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def _checked_ref(m: re.Match[bytes]) -> bytes:
    code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
    return m.group() if _xml_char(code) else b"&#xFFFD;"


def repaired(data: bytes) -> bytes:
    """A page's bytes with what XML forbids in text replaced by U+FFFD: invalid UTF-8,
    control characters, and character references to them (``&#0;``)."""
    text = data.decode("utf-8", "replace").encode("utf-8")
    text = _XML_ILLEGAL.sub("\ufffd".encode(), text)
    return _CHAR_REF.sub(_checked_ref, text)


def _matches(frame: Frame, entry: IndexEntry) -> bool:
    m = _PAGE_ID.search(frame.data)
    return m is not None and int(m.group(1)) == entry.page_id


def _reason(e: Exception) -> str:
    msg = getattr(e, "msg", None) or str(e)
    return msg.splitlines()[0][:120]
