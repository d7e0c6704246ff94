"""Article -> safe HTML pieces for the templates (the only place web builds HTML by hand).

Every string from an Article is untrusted (it came from wikitext). A ``Text`` is cut
at its link spans and each slice is escaped on its own; a link becomes an ``<a>``
only when its target is an article in the store (directly or through a redirect),
otherwise it stays plain text. The assembled fragment then goes through nh3 with a
tiny allow-list (``a[href]``, ``mark``) as a second guard, so even a bug here
cannot put a live tag, attribute or ``javascript:`` URL on a page.

``ArticleView`` is what article.html renders: blocks of paragraphs, lists and tables
(cells rendered as paragraphs are; no style or class of the source reaches a page), the
Quick facts table (sides in equal columns), the section tree with unique anchors, the
Contents list, See also and language links.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol
from urllib.parse import quote

import nh3
from markupsafe import Markup, escape

from kidpedia.lang import chrome_language, language_name, translations
from kidpedia.model import Article, Cell, FactRow, Image, QuickFacts, Section, Table, Text
from kidpedia.store import MARK_END, MARK_START
from kidpedia.web import editions

# Characters kept as they are in /wiki/ paths; everything else is percent-encoded.
_PATH_SAFE = "/:(),'!*-._~@$;="
_ALLOWED_TAGS = {"a", "mark"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "class"}}
_ANCHOR_UNSAFE = re.compile(r"[^\w\-.~]+", re.UNICODE)


class TitleLookup(Protocol):
    """The part of Store the renderer needs."""

    def exists(self, titles: Iterable[str]) -> set[str]: ...

    def redirect_targets(self, titles: Iterable[str]) -> dict[str, str]: ...


def wiki_url(title: str, lang: str | None = None) -> str:
    """The site path of an article: ``/wiki/`` + title with spaces as underscores, encoded
    (``/<lang>/wiki/...`` for an edition other than the site's default, see editions.py)."""
    return editions.url(_wiki_path(title), lang)


@lru_cache(maxsize=65536)  # every page links the same titles again and again
def _wiki_path(title: str) -> str:
    return "/wiki/" + quote(title.replace(" ", "_"), safe=_PATH_SAFE)


def wikipedia_url(title: str, lang: str = "en") -> str:
    """The original article on Wikipedia (for the CC BY-SA attribution)."""
    code = lang if re.fullmatch(r"[a-z][a-z0-9-]{0,15}", lang or "") else "en"
    return f"https://{code}.wikipedia.org/wiki/" + quote(title.replace(" ", "_"), safe=_PATH_SAFE)


def sanitise(html: str) -> Markup:
    """Second guard: only ``<a href class>`` and ``<mark>`` survive, no scriptable URLs."""
    return Markup(
        nh3.clean(
            html,
            tags=_ALLOWED_TAGS,
            attributes=_ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https"},
            link_rel=None,
            strip_comments=True,
        )
    )


class MediaLookup(Protocol):
    """Where the pictures a page names can be shown from: name -> (src, width, height)."""

    def media_urls(self, names: Iterable[str]) -> dict[str, tuple[str, int, int]]: ...


class LinkResolver:
    """Which link targets become links, resolved for a whole page in one or two queries.
    ``url`` makes an article's address (the site's ``/wiki/...``; an export's own)."""

    def __init__(self, store: TitleLookup, targets: Iterable[str], url: Callable[[str], str] = wiki_url) -> None:
        wanted = {t for t in targets if t}
        found = store.exists(wanted)
        missing = wanted - found
        self._href: dict[str, str] = {t: url(t) for t in found}
        if missing:
            for title, target in store.redirect_targets(missing).items():
                self._href[title] = url(target)

    def href(self, target: str) -> str | None:
        return self._href.get(target)


def render_text(text: Text, links: LinkResolver) -> Markup:
    """One Text as HTML: escaped slices, ``<a>`` for links to stored articles."""
    s = text.text
    out: list[str] = []
    pos = 0
    for span in sorted(text.links, key=lambda x: (x.start, x.end)):
        start, end = max(span.start, pos), min(span.end, len(s))
        if start >= end:
            continue  # overlapping, empty or out-of-range span: its text is still shown
        href = links.href(span.target)
        if href is None:
            continue
        out.append(str(escape(s[pos:start])))
        out.append(f'<a href="{escape(href)}">{escape(s[start:end])}</a>')
        pos = end
    out.append(str(escape(s[pos:])))
    return sanitise("".join(out))


# A snippet as the store makes it: text with marked matches, no markers nested or alone,
# none of the characters an HTML parser rewrites (NUL, CR, other C0 controls).
_PLAIN_SNIPPET = re.compile(
    f"[^{MARK_START}{MARK_END}\x00-\x08\x0b-\x1f]*"
    f"(?:{MARK_START}[^{MARK_START}{MARK_END}\x00-\x08\x0b-\x1f]*{MARK_END}[^{MARK_START}{MARK_END}\x00-\x08\x0b-\x1f]*)*"
)
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\xa0": "&nbsp;",
                               MARK_START: "<mark>", MARK_END: "</mark>"})


def render_snippet(snippet: str) -> Markup:
    """A search snippet: escaped, with the store's match markers as ``<mark>``.

    The common case is written directly, as the sanitiser would write it (its text
    escapes; ``tests/web/test_render.py`` checks they agree): nothing but text and
    whole ``<mark>`` pairs can come out of it. Anything else goes through
    ``sanitise``: the sanitiser cost a search page more than its template."""
    if _PLAIN_SNIPPET.fullmatch(snippet):
        return Markup(snippet.translate(_TEXT_ESCAPES))
    html = str(escape(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return sanitise(html)


def plain_snippet(snippet: str) -> str:
    return snippet.replace(MARK_START, "").replace(MARK_END, "")


# ---- view model ----------------------------------------------------------------------


@dataclass
class CellView:
    """One table cell: its HTML, whether it is a heading cell, and its spans."""

    html: Markup
    header: bool
    rowspan: int = 1
    colspan: int = 1


@dataclass
class TableView:
    """A table as the page draws it: caption, header rows, body rows."""

    caption: str
    header: list[list[CellView]]
    rows: list[list[CellView]]


@dataclass
class Block:
    """A paragraph (``kind`` "p", one item), a list (``kind`` "ul": its items, each
    item's nesting depth in ``depths``, nested in ``tree``) or a table (``kind`` "table")."""

    kind: str
    items: list[Markup]
    table: TableView | None = None
    depths: list[int] = field(default_factory=list)

    @property
    def tree(self) -> list[ListItem]:
        """A list's items nested by depth (an item deeper than the one before it is
        that one's child; a jump of several levels counts as one)."""
        root: list[ListItem] = []
        stack: list[tuple[int, list[ListItem]]] = [(-1, root)]
        for html, depth in zip(self.items, self.depths or [0] * len(self.items), strict=True):
            while len(stack) > 1 and stack[-1][0] >= depth:
                stack.pop()
            item = ListItem(html)
            stack[-1][1].append(item)
            stack.append((depth, item.children))
        return root


@dataclass
class ListItem:
    html: Markup
    children: list[ListItem] = field(default_factory=list)


@dataclass
class FigureView:
    """A picture on the page: where it is served from, its alt text, caption and size."""

    src: str
    alt: str
    caption: str
    width: int
    height: int


@dataclass
class SectionView:
    title: str
    anchor: str
    level: int
    blocks: list[Block]
    sections: list[SectionView] = field(default_factory=list)
    depth: int = 0  # 0 for top-level sections
    figures: list[FigureView] = field(default_factory=list)

    @property
    def heading(self) -> str:
        """h2 for top-level sections, down to h6."""
        return f"h{min(6, self.depth + 2)}"


@dataclass
class FactRowView:
    """``kind``: "header" (a title inside the box), "pair" (label and one value) or
    "sides" (label above values side by side, as a conflict's belligerents)."""

    kind: str
    label: str
    cells: list[Markup]


@dataclass
class QuickFactsView:
    title: str
    rows: list[FactRowView]
    coordinates: str
    image: FigureView | None = None


@dataclass
class SeeAlsoView:
    text: str
    href: str | None


@dataclass
class LanguageView:
    """"In Spanish: Conflicto del Alto Karabaj para niños": the same page in another
    edition; ``href`` when that edition is built into this site, else plain text."""

    lang: str
    language: str  # the other language's name, in the page's language
    title: str
    href: str = ""
    suffix: str = ""  # "para niños": "facts for kids" in the other language, where we have it


@dataclass
class ArticleView:
    title: str
    lead: list[Block]
    sections: list[SectionView]
    quick_facts: QuickFactsView | None
    see_also: list[SeeAlsoView]
    languages: list[LanguageView]
    source_url: str
    lang: str
    description: str
    figures: list[FigureView] = field(default_factory=list)  # pictures beside the lead
    # issue 14: made at build time (store/explore.py): [{question, choices, answer, field}]
    quiz: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)  # [{date, year, month, day, text}]


def blocks(texts: Iterable[Text], links: LinkResolver) -> list[Block]:
    """Paragraphs as they are; runs of list items gathered into one list."""
    out: list[Block] = []
    for t in texts:
        if t.table is not None:
            out.append(Block("table", [], table_view(t.table, links)))
            continue
        html = render_text(t, links)
        if t.kind == "li":
            if out and out[-1].kind == "ul":
                out[-1].items.append(html)
                out[-1].depths.append(t.depth)
            else:
                out.append(Block("ul", [html], depths=[t.depth]))
        else:
            out.append(Block("p", [html]))
    return out


def _cell_view(cell: Cell, links: LinkResolver) -> CellView:
    return CellView(render_text(cell.text, links), cell.header, cell.rowspan, cell.colspan)


def table_view(table: Table, links: LinkResolver) -> TableView:
    """A Table's view: every cell's text escaped and sanitised like a paragraph's; only
    the spans (integers) are kept of its attributes."""
    return TableView(
        table.caption,
        [[_cell_view(c, links) for c in row] for row in table.header],
        [[_cell_view(c, links) for c in row] for row in table.rows],
    )


def anchor_for(title: str, taken: set[str]) -> str:
    """A unique, safe id for a heading (MediaWiki style: spaces as underscores)."""
    base = _ANCHOR_UNSAFE.sub("_", title.strip()).strip("_") or "section"
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}_{n}", n + 1
    taken.add(anchor)
    return anchor


def _sections(
    sections: tuple[Section, ...], links: LinkResolver, taken: set[str], depth: int = 0
) -> list[SectionView]:
    return [
        SectionView(
            title=s.title,
            anchor=anchor_for(s.title, taken),
            level=s.level,
            blocks=blocks(s.paragraphs, links),
            sections=_sections(s.sections, links, taken, depth + 1),
            depth=depth,
        )
        for s in sections
    ]


def _fact_row(row: FactRow, links: LinkResolver) -> FactRowView | None:
    """A header, a label with its value, or a label above values side by side."""
    if row.header:
        return FactRowView("header", row.label, []) if row.label.strip() else None
    values = [v for v in row.values if v.text.strip()]
    if not values:
        return None
    kind = "pair" if len(values) == 1 and row.label.strip() else "sides"
    return FactRowView(kind, row.label, [render_text(v, links) for v in values])


def _coordinates(qf: QuickFacts) -> str:
    if not qf.coordinates:
        return ""
    lat, lon = qf.coordinates
    return f"{abs(lat):.3f}°{'N' if lat >= 0 else 'S'} {abs(lon):.3f}°{'E' if lon >= 0 else 'W'}"


def quick_facts_view(qf: QuickFacts, links: LinkResolver) -> QuickFactsView | None:
    rows = [v for r in qf.rows if (v := _fact_row(r, links))]
    # A header with nothing under it before the next header (or the end) says nothing.
    rows = [
        r for i, r in enumerate(rows)
        if r.kind != "header" or (i + 1 < len(rows) and rows[i + 1].kind != "header")
    ]
    if not rows:
        return None
    return QuickFactsView(qf.title, rows, _coordinates(qf))


def _link_targets(article: Article) -> set[str]:
    targets = {s.target for t in article.iter_texts() for s in t.links}
    targets.update(x.target for x in article.see_also)
    return targets


def _description(article: Article) -> str:
    first = article.first_paragraph()
    return first if len(first) <= 200 else first[:197].rsplit(" ", 1)[0] + "…"


def language_views(article: Article, store: TitleLookup) -> list[LanguageView]:
    """The page's language links (its own and, from a store, the langlinks table's),
    linked to our kids' page in that edition when it is built."""
    pairs = {x.lang: x.title for x in article.language_links}
    more = getattr(store, "language_links", None)
    if more is not None:
        for code, title in more(article.title, lang=article.lang):  # sorted by language
            pairs.setdefault(code, title)
    pairs.pop(article.lang, None)
    built = set(getattr(store, "languages", list)())
    out = []
    for code, title in pairs.items():
        href = ""
        if code in built:
            found = store.resolve(title, lang=code)  # type: ignore[attr-defined]
            href = wiki_url(found[0], code) if found else ""
        own = translations(code)
        suffix = own.gettext("facts for kids") if own.gettext("facts for kids") != "facts for kids" or code == "en" else ""
        out.append(LanguageView(code, language_name(code, chrome_language(article.lang)), title, href, suffix))
    return out


def article_view(
    article: Article, store: TitleLookup, url: Callable[[str], str] = wiki_url, media: MediaLookup | None = None
) -> ArticleView:
    """The page's view; ``url`` makes article addresses, ``media`` says which pictures
    can be shown (none without it: a page never shows a broken picture)."""
    links = LinkResolver(store, _link_targets(article), url)
    taken = {"content", "contents", "quick-facts", "see-also", "search", "main", "kids-quiz", "kids-timeline"}
    sections = _sections(article.sections, links, taken)
    see_also = [
        SeeAlsoView(x.text or x.target, links.href(x.target)) for x in article.see_also
    ]
    languages = language_views(article, store)
    qf = quick_facts_view(article.quick_facts, links) if article.quick_facts else None
    view = ArticleView(
        title=article.title,
        lead=blocks(article.lead, links),
        sections=sections,
        quick_facts=qf,
        see_also=see_also,
        languages=languages,
        source_url=wikipedia_url(article.title, article.lang),
        lang=article.lang,
        description=_description(article),
    )
    if media is not None:
        _place_figures(article, view, media)
    return view


def _figure(image: Image, found: tuple[str, int, int]) -> FigureView:
    src, width, height = found
    alt = image.alt or image.caption or image.name.rsplit(".", 1)[0]
    return FigureView(src, alt, image.caption, width, height)


def _place_figures(article: Article, view: ArticleView, media: MediaLookup) -> None:
    """The Quick facts picture in its box, the others beside the text of their section."""
    lead_image = article.quick_facts.image if article.quick_facts else None
    names = [i.name for i in article.images] + ([lead_image.name] if lead_image else [])
    found = media.media_urls(names)
    if lead_image and lead_image.name in found and view.quick_facts:
        view.quick_facts.image = _figure(lead_image, found[lead_image.name])
    by_title: dict[str, SectionView] = {}
    stack = list(reversed(view.sections))
    while stack:
        s = stack.pop()
        by_title.setdefault(s.title, s)
        stack.extend(reversed(s.sections))
    shown = {lead_image.name} if view.quick_facts and view.quick_facts.image and lead_image else set()
    for image in article.images:
        if image.name in shown or image.name not in found:
            continue
        shown.add(image.name)
        target = view.figures if not image.section else by_title.get(image.section, None)
        figures = target if isinstance(target, list) else target.figures if target else None
        if figures is not None:
            figures.append(_figure(image, found[image.name]))


def add_extras(view: ArticleView, store: object) -> None:
    """The article's quiz and timeline, made at build time (issue 14; none in a
    database built before them, or for a store that keeps none)."""
    from kidpedia.store import explore
    from kidpedia.store.db import Store

    if not isinstance(store, Store):
        store = getattr(store, "store", None)
        if not isinstance(store, Store):
            return
    found = explore.extras(store, view.title, lang=view.lang)
    if found is not None:
        view.quiz, view.timeline = found.quiz, found.timeline
