"""Kiwix ZIM files (python-libzim) -> RawPage (format "html"), entry by entry.

Old ZIMs (articles under ``A/``, pictures under ``I/``) and new ones (no namespaces)
are read alike, with zstd or xz clusters: every HTML entry is a page (the main page,
a list of articles, is not), every redirect to an HTML entry is a redirect. One entry
is read at a time, so memory stays bounded whatever the file's size. The language
(ISO 639-3 ``eng`` -> ``en``, from ``rules/iso639.yaml``), title and date come from
the ZIM's metadata; each page keeps its ``path`` so the pictures it shows are found
again by ``read_media(path)`` when the build stores them.

A ZIM keeps no namespace numbers, and old ones hold project and portal pages among
the articles (the Cree ZIM's ``Projet:`` and ``Portal:`` pages): a title whose prefix
is a namespace name (MediaWiki's canonical names, then ``wikitext/rules/namespaces.yaml``)
gets that namespace, so the build leaves it out as it does for a dump's.

A file libzim cannot open (too small, a broken header, unsorted entries, a pointer out
of bounds) raises SourceError with libzim's reason: one line, no traceback. An entry
that cannot be read part-way raises DumpFormatError after every page before it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path

from kidpedia import yamlload
from kidpedia.errors import DumpFormatError, SourceError
from kidpedia.model import CANONICAL_NAMESPACES, RawPage, SiteInfo
from kidpedia.sources.base import Source
from kidpedia.wikitext import names

ZIM_MAGIC = b"ZIM\x04"
HTML_MIME = "text/html"


@lru_cache(maxsize=1)
def iso639() -> dict[str, str]:
    """ISO 639-3 (what ZIMs name) -> the code Wikipedia uses (en, fr, cr, ...)."""
    text = resources.files("kidpedia.sources").joinpath("rules/iso639.yaml").read_text("utf-8")
    return {str(k): str(v) for k, v in yamlload.safe_load(text).items()}


def wiki_lang(zim_lang: str) -> str:
    """``eng`` -> ``en``; ``eng,fra`` -> ``en``; an unknown code is kept as it is."""
    first = (zim_lang or "").split(",")[0].strip().lower()
    return iso639().get(first, first) or "en"


def zim_lang(wiki: str) -> str:
    """``en`` -> ``eng`` (the ZIM Language metadata wants ISO 639-3): the first code that
    ``rules/iso639.yaml`` lists for the edition (``no`` -> ``nor``, the code ISO 639-3
    gives ISO 639-1's ``no``; ``nob`` is Bokmål, ``nb``); ``simple`` is English."""
    back: dict[str, str] = {}
    for three, code in iso639().items():
        back.setdefault(code, three)
    return back.get(wiki, wiki if len(wiki) == 3 else "eng")


_SIMPLE = re.compile(r"(?:^|[._/])(?:wikipedia_en|kidpedia)_simple(?:[_.-]|$)")


def zim_edition(metadata: dict[str, str], file_name: str) -> str:
    """The Wikipedia edition a ZIM holds: its Language (``eng`` -> ``en``), except that
    Simple English ZIMs (Language ``eng`` too) are ``simple``, told by their Name
    (``wikipedia_en_simple_all``) or, without one, their file name, so that they never
    land on the English edition's articles in one database."""
    code = wiki_lang(metadata.get("Language", ""))
    if code == "en" and _SIMPLE.search(metadata.get("Name") or file_name):
        return "simple"
    return code


_CANONICAL = SiteInfo(namespaces=tuple((k, n) for k, ns in CANONICAL_NAMESPACES.items() for n in ns))
_KIND_KEY = {"file": 6, "category": 14, "other": 4}


def title_namespace(title: str, lang: str) -> int:
    """The namespace a ZIM entry's title is in: 0 (an article) unless its prefix before
    ``:`` names one (``Portal:`` -> 100, ``Projet:`` -> 4: a project namespace's local name)."""
    if ":" not in title:
        return 0
    prefix = title.split(":", 1)[0]
    key = _CANONICAL.namespace_key(prefix)
    if key is not None:
        return key
    return _KIND_KEY.get(names.namespace_kind(prefix, lang) or "", 0)


def is_zim(path: Path) -> bool:
    if path.suffix.lower() == ".zim":
        return True
    try:
        with open(path, "rb") as f:
            return f.read(4) == ZIM_MAGIC
    except OSError:
        return False


@contextmanager
def quiet_libzim(*fds: int) -> Iterator[None]:
    """libzim prints on its own: warnings on stderr ("No stemming for language ..."),
    the writer's progress on stdout. Silence the file descriptors ``fds`` meanwhile."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(fd) for fd in fds]
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        for fd in fds:
            os.dup2(devnull, fd)
        yield
    finally:
        for fd, copy in zip(fds, saved, strict=True):
            os.dup2(copy, fd)
            os.close(copy)
        os.close(devnull)


def open_archive(path: Path):  # type: ignore[no-untyped-def]
    from libzim.reader import Archive

    try:
        with quiet_libzim(2):
            return Archive(str(path))
    except (RuntimeError, OSError) as e:
        reason = " ".join(str(e).split()) or type(e).__name__
        raise SourceError(f"{path.name} is not a readable ZIM file: {reason}",
                          "check the download (its size and checksum) or use another ZIM") from None


class ZimSource(Source):
    kind = "zim"

    def __init__(self, path: Path, *, lang: str | None = None, skip: int = 0) -> None:
        super().__init__(path)
        self.archive = open_archive(path)
        self.skip = skip
        self.entries_read = 0
        self.metadata = self._metadata()
        self.page_lang: str = lang or zim_edition(self.metadata, path.name)
        self.lang = self.page_lang
        date = self.metadata.get("Date", "")
        self.timestamp = f"{date}T00:00:00Z" if len(date) == 10 else ""

    def _metadata(self) -> dict[str, str]:
        out = {}
        for key in self.archive.metadata_keys:
            if key.startswith("Illustration"):
                continue
            try:
                out[key] = bytes(self.archive.get_metadata(key)).decode("utf-8", "replace").strip()
            except (RuntimeError, KeyError):
                continue
        return out

    @property
    def bytes_read(self) -> int:
        count = self.archive.all_entry_count or 1
        return self.total_bytes * self.entries_read // count

    def _main_path(self) -> str:
        try:
            return self.archive.main_entry.get_item().path if self.archive.has_main_entry else ""
        except RuntimeError:
            return ""

    def pages(self) -> Iterator[RawPage]:
        main = self._main_path()
        count = self.archive.all_entry_count
        position = 0  # pages (articles and redirects) seen, for ``skip`` and resuming
        for i in range(count):
            self.entries_read = i + 1
            try:
                page = self._page(i, main)
            except RuntimeError as e:
                raise DumpFormatError(
                    f"{self.path.name}: entry {i} of {count} cannot be read ({' '.join(str(e).split())})",
                    "the pages read before it are kept", pages_read=self.pages_read,
                ) from None
            if page is None:
                continue
            position += 1
            if position <= self.skip:
                self.pages_skipped += 1
                continue
            self.pages_read += 1
            yield page

    def _page(self, i: int, main: str) -> RawPage | None:
        entry = self.archive._get_entry_by_id(i)  # libzim's Python API has no public walk by id
        path = entry.path
        if self.archive.has_new_namespace_scheme is False and not path.startswith("A/"):
            return None
        if entry.is_redirect:
            target = entry.get_redirect_entry()
            if target.is_redirect or target.get_item().mimetype != HTML_MIME or target.path == main:
                return None
            return RawPage(title=entry.title, text="", redirect=target.title, lang=self.page_lang,
                           format="html", path=path, timestamp=self.timestamp,
                           ns=title_namespace(entry.title, self.page_lang))
        item = entry.get_item()
        if item.mimetype != HTML_MIME or path == main:
            return None
        html = bytes(item.content).decode("utf-8", "replace")
        return RawPage(title=entry.title, text=html, lang=self.page_lang, format="html", path=path,
                       timestamp=self.timestamp, offset=i, ns=title_namespace(entry.title, self.page_lang))

    def read_media(self, path: str) -> tuple[bytes, str] | None:
        """The bytes and MIME type of the entry at ``path``, or None if it has none."""
        try:
            if not self.archive.has_entry_by_path(path):
                return None
            item = self.archive.get_entry_by_path(path).get_item()
            return bytes(item.content), item.mimetype
        except RuntimeError:
            return None

    def close(self) -> None:
        self.archive = None  # libzim closes the file when the Archive goes
