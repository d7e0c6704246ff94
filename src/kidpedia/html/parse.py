"""Rendered HTML -> Article: lead, nested sections, Quick facts, figures, See also, categories.

Two layouts are read the same way, by walking the content in document order: Parsoid
HTML (the REST API, Wikimedia Enterprise: ``<section>``s holding ``h2``..``h6``) and the
flat MediaWiki HTML of older Kiwix ZIMs (headings and paragraphs side by side inside
``#mw-content-text``). Junk goes first (``clean.py``); the first infobox becomes the
Quick facts (``infobox.py``); sections named in ``drop_sections`` are skipped with what
is under them; a "See also" section becomes the article's See also (one link per
list item, as from wikitext); other tables become Tables by the wikitext package's
rules (``tables.py``); pictures (``figure``, ``div.thumb``, galleries) become
``Image``s with caption, alt text, size, the section they stand in, and, for a ZIM,
their ``path`` in the file.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from dataclasses import replace
from urllib.parse import unquote, urlsplit

from lxml import etree

from kidpedia.html.clean import classes, remove, strip_junk
from kidpedia.html.infobox import coordinates, extract, find_infobox, template_name
from kidpedia.html.inline import Inline
from kidpedia.html.tables import table_blocks
from kidpedia.model import Article, Image, Link, RawPage, Text
from kidpedia.titles import normalise_title
from kidpedia.wikitext.parse import _links_of, _nest, _unique, _unique_links, is_see_also

_HEADINGS = {"h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset({"p", "ul", "ol", "dl", "table", "figure", "blockquote", "div", "section",
                     "h1", "h2", "h3", "h4", "h5", "h6", "center", "pre", "hr"})  # fmt: skip
_HAS_WORD = re.compile(r"\w")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


_PARSER = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, default_doctype=False,
                           encoding="utf-8")  # the text is encoded to UTF-8 below, whatever <meta> says


def document(html: str) -> etree._Element:
    """The parsed document: libxml2's HTML parser through lxml.etree (plain elements, no
    lxml.html element classes to look up: faster), any real-world HTML, never an error."""
    root = etree.fromstring(html.encode("utf-8"), _PARSER) if html.strip() else None
    return root if root is not None else etree.fromstring(b"<html><body></body></html>", _PARSER)


def page_title(html: str) -> str:
    """The text of the document's ``<title>``, or ""."""
    m = _TITLE.search(html[:20000])
    if not m or not m.group(1).strip():
        return ""
    return " ".join("".join(document(f"<p>{m.group(1)}</p>").itertext()).split())


def parse_html(raw: RawPage, drop_sections: frozenset[str] = frozenset()) -> Article:
    """Turn one page's rendered HTML into an Article (no markup left)."""
    doc = document(raw.text)
    categories = _categories(doc)
    body = doc.find("body")
    found = doc.xpath('//*[@id="mw-content-text"]')
    root = found[0] if found else body if body is not None else doc
    box = find_infobox(root)
    template = template_name(box) if box is not None else ""
    where = [box] if box is not None else []
    where += root.xpath('.//*[@id="coordinates"]')
    coords = next((c for el in where if (c := coordinates(el))), None)
    stats = {"html_elements_removed": strip_junk(root)}
    walker = _Walker(raw, drop_sections)
    quick_facts = None
    if box is not None and box.getparent() is not None:
        quick_facts = replace(extract(box, raw.lang, raw.path, walker.image), template=template)
        if coords and quick_facts.coordinates is None:
            quick_facts = replace(quick_facts, coordinates=coords)
        remove(box)
    walker.walk(root)
    stats.update(walker.stats)
    return Article(
        title=raw.title,
        lead=tuple(walker.lead),
        sections=_nest(walker.flat),
        quick_facts=quick_facts,
        see_also=tuple(_unique_links(walker.see_also)),
        categories=tuple(_unique(categories)),
        images=tuple(_unique(walker.images)),
        lang=raw.lang,
        page_id=raw.page_id,
        rev_id=raw.rev_id,
        timestamp=raw.timestamp,
        wikidata=raw.wikidata,
        stats=stats,
    )


def _categories(doc: etree._Element) -> list[str]:
    out = []
    for link in doc.iter("link"):
        if link.get("rel") == "mw:PageProp/Category":
            href = unquote(link.get("href", "")).removeprefix("./")
            name = href.split(":", 1)[1] if ":" in href else ""
            name = name.split("#", 1)[0]
            if name:
                out.append(normalise_title(name))
    return out


class _Walker:
    """Walks the content in document order, cutting it into the lead and sections."""

    def __init__(self, raw: RawPage, drop_sections: frozenset[str]) -> None:
        self.raw = raw
        self.drop = drop_sections
        self.inline = Inline(raw.lang, raw.path)
        self.lead: list[Text] = []
        self.flat: list[tuple[int, str, tuple[Text, ...]]] = []
        self.see_also: list[Link] = []
        self.images: list[Image] = []
        self.level = 0  # level of the current section (0: the lead)
        self.title = ""
        self.paragraphs: list[Text] = []
        self.dropping_below = 0  # while > 0: inside a dropped section of this level
        self.in_see_also = False
        self.stats: Counter[str] = Counter()

    # ---- sections ---------------------------------------------------------------------

    def heading(self, level: int, title: str) -> None:
        self.flush()
        if self.dropping_below and level > self.dropping_below:
            return
        self.dropping_below = 0
        self.level, self.title = level, title
        self.in_see_also = is_see_also(title, self.inline.lang)
        if title.strip().lower() in self.drop:
            self.dropping_below = level

    def add(self, text: Text) -> None:
        if self.dropping_below or not text.text or not _HAS_WORD.search(text.text):
            return
        self.paragraphs.append(text)

    def flush(self) -> None:
        paragraphs, self.paragraphs = tuple(self.paragraphs), []
        if self.dropping_below:
            return
        if self.in_see_also:
            self.see_also.extend(_links_of(paragraphs))
        elif self.level == 0:
            self.lead.extend(paragraphs)
        else:
            self.flat.append((self.level, self.title, paragraphs))

    # ---- walking ----------------------------------------------------------------------

    def walk(self, root: etree._Element) -> None:
        self.children(root)
        self.flush()

    def children(self, el: etree._Element) -> None:
        if el.text and el.text.strip() and not _has_blocks(el):
            self.add(self.inline.text(el))
            return
        for child in el:
            self.element(child)

    def element(self, el: etree._Element) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        if tag in _HEADINGS:
            self.heading(_HEADINGS[tag], self.inline.text(el).text)
            return
        if tag in ("p", "ul", "ol", "dl"):
            self.pull_figures(el)
        if tag == "p":
            self.add(self.inline.text(el))
        elif tag in ("ul", "ol"):
            if "gallery" in classes(el):
                self.gallery(el)
            else:
                self.list_items(el)
        elif tag == "dl":
            for item in el:
                if item.tag in ("dt", "dd"):
                    self.children(item) if _has_blocks(item) else self.add(self.inline.text(item))
        elif _is_figure(el):
            self.figure(el)
        elif tag == "table":
            if not self.dropping_below:
                for block in table_blocks(el, self.inline, self.stats):
                    self.add(block)
        elif tag in ("hr", "pre", "h1"):
            return
        else:
            self.children(el)

    def list_items(self, el: etree._Element, depth: int = 0) -> None:
        """Each item a list item, nested lists ``depth`` levels deeper (as from wikitext)."""
        for li in el:
            if li.tag != "li":
                continue
            nested = [c for c in li if c.tag in ("ul", "ol", "dl")]
            for c in nested:
                remove(c)
            item = self.inline.text(li, "li")
            self.add(replace(item, depth=depth) if depth else item)
            for c in nested:
                if c.tag == "dl":
                    self.element(c)
                else:
                    self.list_items(c, depth + 1)

    # ---- pictures ---------------------------------------------------------------------

    def figure(self, el: etree._Element) -> None:
        imgs = list(el.iter("img"))
        captions = [c for c in el.iter() if c.tag == "figcaption" or "thumbcaption" in classes(c)]
        caption = self.inline.text(captions[-1]).text if captions else ""
        for img in imgs:
            self.record(img, caption)

    def pull_figures(self, el: etree._Element) -> None:
        """Record and take out the pictures standing inside a paragraph or a list."""
        found = [c for c in el.iter("figure", "div") if c is not el and _is_figure(c)]
        for c in found:
            if c.getparent() is not None and not any(_is_figure(a) for a in c.iterancestors() if a is not el):
                self.figure(c)
                remove(c)

    def gallery(self, el: etree._Element) -> None:
        for li in el:
            texts = [c for c in li.iter() if "gallerytext" in classes(c)]
            caption = self.inline.text(texts[0]).text if texts else ""
            for img in li.iter("img"):
                self.record(img, caption)

    def record(self, img: etree._Element, caption: str) -> None:
        if self.dropping_below:
            return
        image = self.image(img, caption)
        if image is not None:
            self.images.append(replace(image, section=self.title if self.level else ""))

    def image(self, img: etree._Element, caption: str) -> Image | None:
        """An Image from an ``<img>``: its file name, caption, alt text, size and path."""
        src = img.get("src") or ""
        name = _file_name(img)
        if not name:
            return None
        parts = urlsplit(src)
        path = ""
        if src and not parts.scheme and not parts.netloc and not src.startswith("data:"):
            base = posixpath.dirname(self.raw.path)
            path = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            path = "" if path.startswith("..") else path
        return Image(
            name=name,
            caption=" ".join(caption.split()),
            alt=" ".join((img.get("alt") or "").split()),
            width=_int(img.get("width")),
            height=_int(img.get("height")),
            path=path,
        )


def _file_name(img: etree._Element) -> str:
    """``Baker Harcourt 1940 2.jpg`` from Parsoid's ``resource="./File:..."``, the link
    around the picture, or the file name in ``src``."""
    for value in (img.get("resource"), img.getparent().get("href") if img.getparent() is not None else None):
        if value and ":" in value:
            name = unquote(value).removeprefix("./").split(":", 1)[1]
            if name:
                return normalise_title(name)
    src = urlsplit(img.get("src") or "").path
    base = unquote(posixpath.basename(src))
    if re.match(r"^\d+px-", base):  # a thumbnail: 220px-Name.jpg
        base = base.split("-", 1)[1]
    return normalise_title(base) if base else ""


def _is_figure(el: etree._Element) -> bool:
    return el.tag == "figure" or (el.tag == "div" and bool(classes(el) & {"thumb", "tmulti"}))


def _int(value: str | None) -> int:
    try:
        return max(0, int(float(value))) if value else 0
    except ValueError:
        return 0


def _has_blocks(el: etree._Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el)
