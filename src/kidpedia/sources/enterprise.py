"""Wikimedia Enterprise HTML (dumps and API records) and single rendered pages -> RawPage.

    EnterpriseSource   a ``.tar.gz`` HTML dump (NDJSON files inside), an ``.ndjson``
                       file (``.gz`` too), or one API record (``.json`` / ``.json.gz``)
    HtmlFileSource     one rendered page (``.html`` / ``.html.gz``) as the REST API and
                       Enterprise return it: title from ``title``, else the document's
                       ``<title>``, else the file name

A record gives ``name``, ``identifier`` (page id), ``version.identifier`` (revision),
``date_modified``, ``in_language``, ``main_entity`` (the Wikidata id) and
``article_body.html``; each of its ``redirects`` is yielded as a redirect page after it.
Records are read one at a time from the stream, so memory stays bounded. A line
that is not JSON, or a record without HTML, is skipped and counted (``bad_records``);
a damaged archive raises DumpFormatError after every page read before it.
"""

from __future__ import annotations

import gzip
import json
import tarfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kidpedia.errors import DumpFormatError, EmptySource, SourceError
from kidpedia.model import RawPage
from kidpedia.sources.base import Source
from kidpedia.sources.redirects import html_redirect_target
from kidpedia.sources.wikitext_file import title_from_filename

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
RECORD_SUFFIXES = (".ndjson", ".ndjson.gz", ".jsonl", ".jsonl.gz", ".json", ".json.gz", ".tar.gz", ".tgz")
MAX_PAGE_BYTES = 64 << 20


def kind_of(path: Path) -> str | None:
    """"html" for a rendered page, "enterprise" for records, None for anything else."""
    name = path.name.lower()
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(RECORD_SUFFIXES):
        return "enterprise"
    return None


def _nested(record: dict[str, Any], *keys: str) -> Any:
    value: Any = record
    for k in keys:
        value = value.get(k) if isinstance(value, dict) else None
    return value


def record_pages(record: dict[str, Any], lang: str | None = None) -> list[RawPage]:
    """One Enterprise record -> its page and its redirects (empty if it has no HTML)."""
    html = _nested(record, "article_body", "html")
    name = record.get("name")
    if not isinstance(html, str) or not html.strip() or not isinstance(name, str):
        return []
    page_lang = lang or _nested(record, "in_language", "identifier") or "en"
    page = RawPage(
        title=name,
        text=html,
        redirect=html_redirect_target(html),
        ns=int(_nested(record, "namespace", "identifier") or 0),
        page_id=record.get("identifier"),
        rev_id=_nested(record, "version", "identifier"),
        timestamp=record.get("date_modified") or "",
        lang=page_lang,
        format="html",
        wikidata=_nested(record, "main_entity", "identifier") or "",
    )
    redirects = [
        RawPage(title=r["name"], text="", redirect=name, lang=page_lang, format="html")
        for r in record.get("redirects") or ()
        if isinstance(r, dict) and isinstance(r.get("name"), str) and r["name"] != name
    ]
    return [page, *redirects]


class EnterpriseSource(Source):
    kind = "enterprise"

    def __init__(self, path: Path, *, lang: str | None = None, skip: int = 0) -> None:
        super().__init__(path)
        self.page_lang = lang
        self.skip = skip
        self.bad_records = 0
        self._raw: BinaryIO | None = None

    @property
    def bytes_read(self) -> int:
        try:
            return self._raw.tell() if self._raw is not None else 0
        except (OSError, ValueError):
            return self.total_bytes

    def _streams(self) -> Iterator[BinaryIO]:
        """The NDJSON (or JSON) byte streams inside the file."""
        self._raw = open(self.path, "rb")  # noqa: SIM115 - closed by close(), after the last page
        name = self.path.name.lower()
        if name.endswith((".tar.gz", ".tgz")):
            with tarfile.open(fileobj=self._raw, mode="r|gz") as tar:
                for member in tar:
                    f = tar.extractfile(member) if member.isfile() else None
                    if f is not None:
                        yield f  # type: ignore[misc]
            return
        yield gzip.GzipFile(fileobj=self._raw) if name.endswith(".gz") else self._raw  # type: ignore[misc]

    def _records(self) -> Iterator[dict[str, Any]]:
        whole_file = self.path.name.lower().endswith((".json", ".json.gz"))
        for stream in self._streams():
            if whole_file:  # one API answer: a record (or a list of them), maybe pretty-printed
                try:
                    yield from self._valid(json.loads(stream.read(MAX_PAGE_BYTES)))
                except ValueError:
                    self.bad_records += 1
                continue
            for line in stream:  # NDJSON: one record a line
                if not line.strip():
                    continue
                try:
                    yield from self._valid(json.loads(line))
                except ValueError:
                    self.bad_records += 1

    def _valid(self, data: Any) -> Iterator[dict[str, Any]]:
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict):
                yield item
            else:
                self.bad_records += 1

    def pages(self) -> Iterator[RawPage]:
        position = 0
        try:
            for record in self._records():
                pages = record_pages(record, self.page_lang)
                if not pages:
                    self.bad_records += 1
                    continue
                if self.lang is None:
                    self.lang = pages[0].lang
                for page in pages:
                    position += 1
                    if position <= self.skip:
                        self.pages_skipped += 1
                        continue
                    self.pages_read += 1
                    yield page
        except (EOFError, OSError, zlib.error, tarfile.TarError) as e:
            raise DumpFormatError(f"{self.path.name}: the archive is damaged ({e})",
                                  "the pages read before the fault are kept", pages_read=self.pages_read) from None
        finally:
            self.close()
        if position == 0 and self.bad_records:
            raise SourceError(f"{self.path.name} holds no Enterprise record with HTML",
                              "give an Enterprise HTML dump (.tar.gz of NDJSON) or an API record")

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()
            self._raw = None


class HtmlFileSource(Source):
    kind = "html"

    def __init__(self, path: Path, *, title: str | None = None, lang: str | None = None, skip: int = 0):
        super().__init__(path)
        self.title = title
        self.page_lang: str = lang or "en"
        self.lang = self.page_lang
        self.skip = skip
        self._done = False

    @property
    def bytes_read(self) -> int:
        return self.total_bytes if self._done else 0

    def read_text(self) -> str:
        try:
            with (gzip.open(self.path, "rb") if self.path.name.lower().endswith(".gz") else open(self.path, "rb")) as f:
                data = f.read(MAX_PAGE_BYTES + 1)
        except (EOFError, OSError, zlib.error) as e:
            raise SourceError(f"{self.path.name}: cannot read it ({e})") from None
        if len(data) > MAX_PAGE_BYTES:
            raise SourceError(f"{self.path.name} is over {MAX_PAGE_BYTES >> 20} MB: not one page")
        return data.decode("utf-8", "replace")

    def pages(self) -> Iterator[RawPage]:
        from kidpedia.html import page_title

        html = self.read_text()
        self._done = True
        if not html.strip():
            raise EmptySource(f"{self.path} holds only whitespace", "give a rendered page (.html)")
        if self.skip > 0:
            self.pages_skipped = 1
            return
        title = self.title or page_title(html) or title_from_filename(self.path)
        self.pages_read = 1
        yield RawPage(title=title, text=html, redirect=html_redirect_target(html), lang=self.page_lang,
                      format="html", offset=0)
