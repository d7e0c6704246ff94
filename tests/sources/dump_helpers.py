"""Paths to the real dumps the source tests read, and an independent reader to check against."""

from __future__ import annotations

import bz2
from dataclasses import replace
from pathlib import Path

from lxml import etree

from kidpedia.model import RawPage

TESTS = Path(__file__).resolve().parent.parent
DUMPS = TESTS / "data" / "dumps"
WIKITEXT = TESTS / "data" / "wikitext"
ENWIKI = TESTS.parent / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"  # = enwiki-…-shortened.bz2
TABLES = DUMPS / "enwiki-table-markup.xml.bz2"
BGWIKI = DUMPS / "bgwiki-latest-pages-articles-shortened.xml.bz2"
FOWIKI = DUMPS / "fowiki-2pages.xml.bz2"


def lxml_pages(path: Path) -> list[tuple[str, int, int, str | None, str]]:
    """(title, ns, page id, redirect, text) of every page, by lxml's own streaming parser
    over the whole document: an oracle that shares no code with kidpedia.sources."""
    out = []
    with bz2.open(path) as f:
        for _, el in etree.iterparse(f, events=("end",), huge_tree=True):
            if etree.QName(el).localname != "page":
                continue
            prefix = el.tag[: -len("page")]  # "{namespace}" or ""

            def q(name: str, prefix: str = prefix) -> str:
                return prefix + name

            redirect = el.find(q("redirect"))
            out.append(
                (
                    el.findtext(q("title")),
                    int(el.findtext(q("ns"))),
                    int(el.findtext(q("id"))),
                    redirect.get("title") if redirect is not None else None,
                    el.find(q("revision")).findtext(q("text")) or "",
                )
            )
            el.clear()
    return out


def key(page: RawPage) -> tuple[str, int, int | None, str | None, str]:
    return (page.title, page.ns, page.page_id, page.redirect, page.text)


def without_offsets(pages: list[RawPage]) -> list[RawPage]:
    return [replace(p, offset=None) for p in pages]
