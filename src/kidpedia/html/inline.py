"""An HTML element -> text with links (model.Text), as a reader sees it.

Links to articles keep their target: a Parsoid wiki link (``rel="mw:WikiLink"``,
``href="./Title"``) or a ZIM's relative link (``href="Title.html"``), read from
the link's ``title`` attribute when it has one. External links keep their label
only; links into other namespaces (File:, Category:, Help:, ...) are plain text.
Line breaks and list items inside a value become ", " in ``separated`` mode (the
Quick facts' values), a space elsewhere.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from lxml import etree

from kidpedia.model import Text
from kidpedia.titles import normalise_title
from kidpedia.wikitext import names
from kidpedia.wikitext.inline import TextBuilder

# Elements whose content never reads as text in a sentence.
_SKIP = frozenset({"math", "img", "figure", "table", "audio", "video", "source", "track", "style",
                   "script", "svg", "input", "button"})  # fmt: skip
_BREAKS = frozenset({"br", "li", "p", "div", "dd", "dt", "tr", "td", "th"})
_PAGE_SUFFIXES = (".html", ".htm")


def link_target(a: etree._Element, lang: str, page_path: str = "") -> str | None:
    """The article a link points to (normalised title), or None for any other link."""
    href = a.get("href") or ""
    rel = a.get("rel") or ""
    if "mw:ExtLink" in rel or "external" in (a.get("class") or "").split():
        return None
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # another site, or a link to a place in this page
    title = a.get("title") or ""
    if not title:
        path = unquote(parts.path)
        if path.startswith("./"):
            path = path[2:]
        elif page_path:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
            path = path.split("/", 1)[1] if path.startswith("A/") else path
        for suffix in _PAGE_SUFFIXES:
            path = path.removesuffix(suffix)
        title = path
    title = normalise_title(title)
    if ":" in title and names.namespace_kind(title.split(":", 1)[0], lang):
        return None
    return title or None


class Inline:
    """Writes elements into a TextBuilder; ``lang`` and ``page_path`` resolve link targets."""

    def __init__(self, lang: str, page_path: str = "", separated: bool = False) -> None:
        self.lang = lang
        self.page_path = page_path
        self.separated = separated
        self._pending = False  # a break was seen: ", " goes before the next words

    def text(self, el: etree._Element, kind: str = "p") -> Text:
        b = TextBuilder()
        self._pending = False
        self.write_children(el, b)
        return b.build(kind)

    def add(self, b: TextBuilder, text: str, target: str | None) -> None:
        if "\u200b" in text:
            text = text.replace("\u200b", "")  # zero-width spaces templates put between parts
        if self._pending and text.strip():
            stripped = text.lstrip()
            b.add(" " if stripped.startswith("(") else "" if stripped.startswith((",", ";", ".", ")")) else ", ")
            self._pending = False
        b.add(text, target)

    def write_children(self, el: etree._Element, b: TextBuilder, target: str | None = None) -> None:
        if el.text:
            self.add(b, el.text, target)
        for child in el:
            self.write(child, b, target)
            if child.tail:
                self.add(b, child.tail, target)

    def write(self, el: etree._Element, b: TextBuilder, target: str | None = None) -> None:
        tag = el.tag
        if not isinstance(tag, str) or (tag in _SKIP and not (tag == "table" and self.separated)):
            if tag == "img" and el.get("alt") and "mwe-math-fallback-image-inline" in (el.get("class") or ""):
                self.add(b, el.get("alt", ""), target)  # a formula shown as its TeX text
            return
        if tag == "a" and target is None:
            target = link_target(el, self.lang, self.page_path)
        if tag in _BREAKS:
            if self.separated and not b.is_blank():
                self._pending = True
            else:
                b.add(" ")
        self.write_children(el, b, target)
        if tag in _BREAKS and self.separated and not b.is_blank():
            self._pending = True
