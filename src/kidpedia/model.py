"""The one record that flows between stages: Article and its parts, and their JSON form.

Everything here is plain, frozen data. An Article holds text, links and structure,
never markup: the wikitext package resolves all markup before it builds one.

Inline text with links is a :class:`Text`: a plain string plus :class:`LinkSpan`s
that say which characters link where. Renderers (web, export, text output) slice
the string and escape every piece themselves.

JSON form (``Article.to_json`` / ``Article.from_json``) is documented in README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class LinkSpan:
    """Characters ``text[start:end]`` link to the article ``target``."""

    start: int
    end: int
    target: str


@dataclass(frozen=True)
class Text:
    """A run of plain text with its links; ``kind`` is "p" (paragraph), "li" (list item)
    or "table"; ``depth`` is how deep a list item is nested (0: a top-level item).

    A table is a block among the paragraphs, in its place: ``Text(kind="table")`` whose
    ``table`` holds the cells and whose ``text``/``links`` are the cells read in order
    (one row a line, cells joined by ``TABLE_CELL_JOIN``), so that everything that reads
    a section's words (search, safety, link targets) reads the table's too. Make one
    with :func:`table_block`; renderers draw ``table``, never the joined text."""

    text: str
    links: tuple[LinkSpan, ...] = ()
    kind: str = "p"
    depth: int = 0
    table: Table | None = None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Cell:
    """One table cell: its text with links, ``header`` for a heading cell (``!``, ``<th>``),
    and how many rows and columns it spans, as on the page."""

    text: Text
    header: bool = False
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Table:
    """A table kept as a table: its caption, its header rows (the rows of heading cells
    at its top) and its body rows, each a tuple of cells."""

    caption: str = ""
    header: tuple[tuple[Cell, ...], ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()

    def all_rows(self) -> tuple[tuple[Cell, ...], ...]:
        return self.header + self.rows

    def cells(self) -> list[Cell]:
        return [c for row in self.all_rows() for c in row]

    def columns(self) -> int:
        """The widest row, counting each cell's colspan."""
        return max((sum(c.colspan for c in row) for row in self.all_rows()), default=0)


def layout(rows: tuple[tuple[Cell, ...], ...]) -> list[list[tuple[int, Cell]]]:
    """Each row's cells with the column each starts at, as a browser lays them out: a
    cell spanning rows above takes its columns in the rows it covers."""
    out: list[list[tuple[int, Cell]]] = []
    taken: set[tuple[int, int]] = set()  # (row, column) covered by a rowspan from above
    for r, row in enumerate(rows):
        placed: list[tuple[int, Cell]] = []
        col = 0
        for cell in row:
            while (r, col) in taken:
                col += 1
            placed.append((col, cell))
            for dr in range(1, cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, col + dc))
            col += cell.colspan
        out.append(placed)
    return out


TABLE_CELL_JOIN = " · "

_new = object.__new__
_set = object.__setattr__


def new_text(text: str, links: tuple[LinkSpan, ...] = (), kind: str = "p", depth: int = 0,
             table: Table | None = None) -> Text:
    """``Text(text, links, kind, depth, table)``: the same object, made with one store of
    its fields instead of the frozen dataclass's ``__init__`` (an ``object.__setattr__``
    per field); for the paths that make hundreds of thousands a build."""
    made = _new(Text)
    _set(made, "__dict__", {"text": text, "links": links, "kind": kind, "depth": depth, "table": table})
    return made


def new_cell(text: Text, header: bool = False, rowspan: int = 1, colspan: int = 1) -> Cell:
    """``Cell(text, header, rowspan, colspan)``, made as ``new_text`` makes a Text."""
    made = _new(Cell)
    _set(made, "__dict__", {"text": text, "header": header, "rowspan": rowspan, "colspan": colspan})
    return made


def table_block(table: Table) -> Text:
    """A table as a block of a section: ``Text(kind="table")`` with the cells' words and
    links read row by row (caption first), and the table itself."""
    parts: list[str] = []
    links: list[LinkSpan] = []
    length = 0

    def add(piece: str, spans: tuple[LinkSpan, ...] = ()) -> None:
        nonlocal length
        links.extend(LinkSpan(s.start + length, s.end + length, s.target) for s in spans)
        parts.append(piece)
        length += len(piece)

    if table.caption:
        add(table.caption + "\n")
    for row in table.all_rows():
        first = True
        for cell in row:
            if not cell.text.text:
                continue
            if not first:
                add(TABLE_CELL_JOIN)
            add(cell.text.text, cell.text.links)
            first = False
        if not first:
            add("\n")
    text = "".join(parts).rstrip("\n")
    return new_text(text, tuple(s for s in links if s.end <= len(text)), "table", 0, table)


@dataclass(frozen=True)
class Link:
    """A link to another article: ``target`` (normalised title) shown as ``text``."""

    target: str
    text: str


@dataclass(frozen=True)
class LanguageLink:
    """The same article in another language edition: ``lang`` code and ``title`` there."""

    lang: str
    title: str


@dataclass(frozen=True)
class Image:
    """An image named in the article (file name without namespace) and its caption.

    From rendered HTML it also has its ``alt`` text, its size as shown (``width``,
    ``height`` in px, 0 when unknown), ``path``: where its bytes are in the source
    (a ZIM entry path; "" when the source has no image files, as a dump), and
    ``section``: the title of the section it stands in ("" for the lead).
    """

    name: str
    caption: str = ""
    alt: str = ""
    width: int = 0
    height: int = 0
    path: str = ""
    section: str = ""


@dataclass(frozen=True)
class FactRow:
    """One row of the Quick facts box.

    ``header`` rows are section titles inside the box ("Government"): label only.
    Other rows have a label and one value per column (several where the infobox
    has sides, as a military conflict's belligerents do).
    """

    label: str
    values: tuple[Text, ...] = ()
    header: bool = False


@dataclass(frozen=True)
class QuickFacts:
    """The "Quick facts" box made from an infobox."""

    template: str
    title: str = ""
    image: Image | None = None
    rows: tuple[FactRow, ...] = ()
    coordinates: tuple[float, float] | None = None


@dataclass(frozen=True)
class Section:
    title: str
    level: int
    paragraphs: tuple[Text, ...] = ()
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Article:
    title: str
    lead: tuple[Text, ...] = ()
    sections: tuple[Section, ...] = ()
    quick_facts: QuickFacts | None = None
    see_also: tuple[Link, ...] = ()
    language_links: tuple[LanguageLink, ...] = ()
    categories: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    lang: str = "en"
    page_id: int | None = None
    rev_id: int | None = None
    timestamp: str = ""
    wikidata: str = ""  # Wikidata id (Q937): the same page in every edition
    # Counters a later stage may want to report: unknown templates, removed passages, ...
    stats: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    def to_json(self) -> dict[str, Any]:
        return article_to_json(self)

    @staticmethod
    def from_json(data: dict[str, Any]) -> Article:
        return article_from_json(data)

    def iter_sections(self) -> list[Section]:
        """All sections, depth first, in reading order."""
        out: list[Section] = []

        def walk(sections: tuple[Section, ...]) -> None:
            for s in sections:
                out.append(s)
                walk(s.sections)

        walk(self.sections)
        return out

    def iter_texts(self) -> list[Text]:
        """Every Text a reader sees: lead, section paragraphs, Quick facts values."""
        out = list(self.lead)
        for s in self.iter_sections():
            out.extend(s.paragraphs)
        if self.quick_facts:
            for row in self.quick_facts.rows:
                out.extend(row.values)
        return out

    def first_paragraph(self) -> str:
        """The text of the lead's first paragraph or item (a table is not one): the
        page's blurb and description."""
        return next((t.text for t in self.lead if t.table is None), "")

    def plain_text(self) -> str:
        """Lead and sections as plain text (for search and reading measures)."""
        parts = [t.text for t in self.lead]
        for s in self.iter_sections():
            parts.append(s.title)
            parts.extend(t.text for t in s.paragraphs)
        return "\n".join(parts)


@dataclass(frozen=True)
class Redirect:
    """A redirect page: ``title`` -> ``target``."""

    title: str
    target: str


@dataclass(frozen=True)
class Skip:
    """A page the build did not turn into an article, and why (``reason`` is a short key)."""

    title: str
    reason: str
    detail: str = ""


# MediaWiki's canonical namespace names (the same in every edition) and well-known aliases.
CANONICAL_NAMESPACES: dict[int, tuple[str, ...]] = {
    -2: ("Media",), -1: ("Special",), 1: ("Talk",), 2: ("User",), 3: ("User talk",),
    4: ("Project", "WP", "Wikipedia"), 5: ("Project talk", "WT", "Wikipedia talk"),
    6: ("File", "Image"), 7: ("File talk", "Image talk"), 8: ("MediaWiki",),
    9: ("MediaWiki talk",), 10: ("Template",), 11: ("Template talk",), 12: ("Help",),
    13: ("Help talk",), 14: ("Category",), 15: ("Category talk",), 100: ("Portal",),
    101: ("Portal talk",), 118: ("Draft",), 119: ("Draft talk",), 710: ("TimedText",),
    711: ("TimedText talk",), 828: ("Module",), 829: ("Module talk",),
}  # fmt: skip


@dataclass(frozen=True)
class SiteInfo:
    """A dump's ``<siteinfo>``: its database name, base URL and namespaces.

    ``namespaces`` holds (key, name) pairs: the dump's local names, then MediaWiki's
    canonical English names and aliases (``Image`` for 6), which every edition accepts."""

    dbname: str = ""
    base: str = ""
    sitename: str = ""
    namespaces: tuple[tuple[int, str], ...] = ()

    def namespace_key(self, prefix: str) -> int | None:
        """The namespace a ``[[prefix:...]]`` names (case and ``_`` ignored), or None."""
        return self._by_name().get(prefix.strip().replace("_", " ").casefold())

    def namespace_kind(self, prefix: str) -> str | None:
        """'file', 'category', 'other' or None (an article title with a colon)."""
        key = self.namespace_key(prefix)
        if key is None or key == 0:
            return None
        return {6: "file", -2: "file", 14: "category"}.get(key, "other")

    def names(self, key: int) -> list[str]:
        return [name for k, name in self.namespaces if k == key]

    def _by_name(self) -> dict[str, int]:
        cached = self.__dict__.get("_cache")
        if cached is None:
            cached = {name.casefold(): key for key, name in reversed(self.namespaces) if name}
            object.__setattr__(self, "_cache", cached)
        return cached

    def __getstate__(self) -> dict[str, Any]:  # the lookup cache is not pickled
        return {k: v for k, v in self.__dict__.items() if k != "_cache"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for k, v in state.items():
            object.__setattr__(self, k, v)


@dataclass(frozen=True)
class RawPage:
    """One page as a source yields it: wikitext (or HTML) and its metadata."""

    title: str
    text: str
    ns: int = 0
    redirect: str | None = None
    page_id: int | None = None
    rev_id: int | None = None
    timestamp: str = ""
    lang: str = "en"
    format: str = "wikitext"  # or "html" (rendered: Parsoid, a ZIM's pages)
    offset: int | None = None  # byte offset of the page in its (decompressed) source
    path: str = ""  # the page's own path in its container (a ZIM), to resolve relative links
    site: SiteInfo | None = None  # the dump's <siteinfo>, when it has one
    wikidata: str = ""  # the page's Wikidata id (Q42), for sources that carry one


# ---- JSON ---------------------------------------------------------------------------


def text_to_json(t: Text) -> dict[str, Any]:
    d: dict[str, Any] = {"text": t.text}
    if t.links:
        d["links"] = [{"start": s.start, "end": s.end, "target": s.target} for s in t.links]
    if t.kind != "p":
        d["kind"] = t.kind
    if t.depth:
        d["depth"] = t.depth
    if t.table is not None:
        d["table"] = table_to_json(t.table)
    return d


def text_from_json(d: dict[str, Any]) -> Text:
    if d.get("table") is not None:
        return table_block(table_from_json(d["table"]))
    links = tuple(LinkSpan(x["start"], x["end"], x["target"]) for x in d.get("links", ()))
    return Text(d["text"], links, d.get("kind", "p"), d.get("depth", 0))


def _cell_to_json(c: Cell) -> dict[str, Any]:
    d = text_to_json(c.text)
    if c.header:
        d["header"] = True
    if c.rowspan != 1:
        d["rowspan"] = c.rowspan
    if c.colspan != 1:
        d["colspan"] = c.colspan
    return d


def _cell_from_json(d: dict[str, Any]) -> Cell:
    return Cell(text_from_json(d), bool(d.get("header", False)), int(d.get("rowspan", 1)), int(d.get("colspan", 1)))


def table_to_json(t: Table) -> dict[str, Any]:
    """``{"caption", "header": [[cell]], "rows": [[cell]]}``; a cell is a Text's JSON with
    ``header`` (a heading cell), ``rowspan`` and ``colspan`` when they are not the default."""
    return {
        "caption": t.caption,
        "header": [[_cell_to_json(c) for c in row] for row in t.header],
        "rows": [[_cell_to_json(c) for c in row] for row in t.rows],
    }


def table_from_json(d: dict[str, Any]) -> Table:
    return Table(
        d.get("caption", ""),
        tuple(tuple(_cell_from_json(c) for c in row) for row in d.get("header", ())),
        tuple(tuple(_cell_from_json(c) for c in row) for row in d.get("rows", ())),
    )


def image_to_json(i: Image) -> dict[str, Any]:
    """An Image's JSON: name and caption, and the other fields only when set."""
    d: dict[str, Any] = {"name": i.name, "caption": i.caption}
    for key, default in (("alt", ""), ("width", 0), ("height", 0), ("path", ""), ("section", "")):
        value = getattr(i, key)
        if value != default:
            d[key] = value
    return d


def _section_to_json(s: Section) -> dict[str, Any]:
    return {
        "title": s.title,
        "level": s.level,
        "paragraphs": [text_to_json(t) for t in s.paragraphs],
        "sections": [_section_to_json(c) for c in s.sections],
    }


def _section_from_json(d: dict[str, Any]) -> Section:
    return Section(
        d["title"],
        d["level"],
        tuple(text_from_json(t) for t in d.get("paragraphs", ())),
        tuple(_section_from_json(c) for c in d.get("sections", ())),
    )


def quick_facts_to_json(q: QuickFacts) -> dict[str, Any]:
    return {
        "template": q.template,
        "title": q.title,
        "image": image_to_json(q.image) if q.image else None,
        "rows": [
            {"label": r.label, "header": r.header, "values": [text_to_json(v) for v in r.values]}
            for r in q.rows
        ],
        "coordinates": list(q.coordinates) if q.coordinates else None,
    }


def quick_facts_from_json(d: dict[str, Any]) -> QuickFacts:
    img = d.get("image")
    coords = d.get("coordinates")
    return QuickFacts(
        template=d["template"],
        title=d.get("title", ""),
        image=Image(**img) if img else None,
        rows=tuple(
            FactRow(r["label"], tuple(text_from_json(v) for v in r.get("values", ())), r.get("header", False))
            for r in d.get("rows", ())
        ),
        coordinates=(coords[0], coords[1]) if coords else None,
    )


def article_to_json(a: Article) -> dict[str, Any]:
    return {
        "title": a.title,
        "lang": a.lang,
        "page_id": a.page_id,
        "rev_id": a.rev_id,
        "timestamp": a.timestamp,
        **({"wikidata": a.wikidata} if a.wikidata else {}),
        "quick_facts": quick_facts_to_json(a.quick_facts) if a.quick_facts else None,
        "lead": [text_to_json(t) for t in a.lead],
        "sections": [_section_to_json(s) for s in a.sections],
        "see_also": [{"target": x.target, "text": x.text} for x in a.see_also],
        "language_links": [{"lang": x.lang, "title": x.title} for x in a.language_links],
        "categories": list(a.categories),
        "images": [image_to_json(i) for i in a.images],
        "stats": dict(a.stats),
    }


def plain_text_from_json(d: dict[str, Any]) -> str:
    """``article_from_json(d).plain_text()`` without making the Article (search snippets
    need only the text: a long article's objects cost milliseconds)."""

    def text(t: dict[str, Any]) -> str:
        return text_from_json(t).text if t.get("table") is not None else str(t["text"])

    parts = [text(t) for t in d.get("lead", ())]

    def walk(sections: list[dict[str, Any]]) -> None:
        for sec in sections:
            parts.append(sec["title"])
            parts.extend(text(t) for t in sec.get("paragraphs", ()))
            walk(sec.get("sections", ()))

    walk(d.get("sections", ()))
    return "\n".join(parts)


def article_from_json(d: dict[str, Any]) -> Article:
    qf = d.get("quick_facts")
    return Article(
        title=d["title"],
        lang=d.get("lang", "en"),
        page_id=d.get("page_id"),
        rev_id=d.get("rev_id"),
        timestamp=d.get("timestamp", ""),
        wikidata=d.get("wikidata", ""),
        quick_facts=quick_facts_from_json(qf) if qf else None,
        lead=tuple(text_from_json(t) for t in d.get("lead", ())),
        sections=tuple(_section_from_json(s) for s in d.get("sections", ())),
        see_also=tuple(Link(x["target"], x["text"]) for x in d.get("see_also", ())),
        language_links=tuple(LanguageLink(x["lang"], x["title"]) for x in d.get("language_links", ())),
        categories=tuple(d.get("categories", ())),
        images=tuple(Image(**i) for i in d.get("images", ())),
        stats=dict(d.get("stats", {})),
    )


def map_cells(block: Text, fn: Callable[[Text], Text | None], drop_row: bool = False) -> Text | None:
    """A table block with ``fn`` applied to each cell's text. A cell ``fn`` returns None
    for is emptied, or its whole row goes (``drop_row``: a row is one fact, as a list
    item is); None when no body row keeps any text."""
    table = block.table
    if table is None:
        return block

    changed = False

    def rows(source: tuple[tuple[Cell, ...], ...]) -> tuple[tuple[Cell, ...], ...]:
        nonlocal changed
        out = []
        for row in source:
            cells = []
            gone = False
            for c in row:
                new = fn(c.text) if c.text.text else c.text
                gone = gone or new is None
                if new is c.text:
                    cells.append(c)
                else:
                    cells.append(replace(c, text=new if new is not None else Text("")))
                    changed = True
            if not (gone and drop_row):
                out.append(tuple(cells))
            else:
                changed = True
        return tuple(out)

    body = rows(table.rows)
    if not any(c.text.text for row in body for c in row):
        return None
    caption = table.caption
    if caption:
        fixed = fn(Text(caption))
        caption = fixed.text if fixed is not None else ""
    header = rows(table.header)
    if not changed and caption == table.caption:
        # every cell as it was: the block itself (a table block is ``table_block`` of its
        # table, as ``text_from_json`` makes it; 1% of a build went to making it again)
        return block
    return table_block(Table(caption, header, body))
