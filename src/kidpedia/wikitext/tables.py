"""Wiki tables -> model.Table: the one place a ``{| ... |}`` becomes what a reader sees.

A table is parsed with mwparserfromhell (its rows ``|-``, heading cells ``!``, cells
``|``, caption ``|+``); each cell's content is rendered like any text (links kept,
templates through the context's renderer), its ``rowspan``/``colspan`` kept, every
other attribute (style, class, align, ...) dropped. The rows of heading cells at the
top are the table's header.

Which tables a reader sees is decided by rule (``rules/tables.yaml``): navigation
boxes, sidebars and message boxes go by their class; a table with fewer than two rows
or two columns of text is a layout table; one whose cells are mostly empty once
rendered holds only pictures or colours. A "wikitable" (sortable or not) is kept
whenever it has text. A layout table that only wraps other tables gives those tables.
An unclosed ``{|`` is closed after its own rows (see ``parse.split_tables``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import mwparserfromhell
from mwparserfromhell.definitions import URI_SCHEMES
from mwparserfromhell.nodes import Tag
from mwparserfromhell.wikicode import Wikicode

from kidpedia import yamlload
from kidpedia.model import Cell, LinkSpan, Table, Text, layout, new_cell, new_text, table_block
from kidpedia.wikitext.inline import ParseContext, code_text, plain, rich

MAX_SPAN = 50  # a rowspan/colspan past this is a mistake (or an attack on the layout)
MAX_TABLES = 300  # tables of one page that are read (real pages hold far fewer)
MAX_TABLE_CHARS = 400_000  # one table's wikitext (the longest real lists are far shorter)
_INNER_TABLE = re.compile(r"^[ \t:]*\{\|", re.MULTILINE)
# What the wikitext of every external link holds: "//" ("http://", "[//host]"), or a
# scheme written without slashes and its colon ("mailto:"). A table without either (15
# in 16 on the 2023 dumps) has none, and its cells are not searched for one.
# (Written as one class, "/" or ":", then a look back at what ends there: "//", or a scheme
# and its colon, each scheme in its own look back of fixed width. The alternation, opening
# with a case-insensitive group, was tried at every position of the table's source.)
_MAYBE_EXTERNAL_LINK = re.compile(
    "[/:](?:(?<=//)|" + "|".join(f"(?<=(?i:{s}):)" for s, slashes in sorted(URI_SCHEMES.items()) if not slashes) + ")"
)


@dataclass(frozen=True)
class TableRules:
    drop_classes: frozenset[str]
    keep_classes: frozenset[str]
    min_rows: int
    min_columns: int
    min_text_share: float
    max_layout_cell: int


@lru_cache(maxsize=1)
def rules() -> TableRules:
    text = resources.files("kidpedia.wikitext").joinpath("rules/tables.yaml").read_text("utf-8")
    d = yamlload.safe_load(text)
    return TableRules(
        drop_classes=frozenset(str(c).lower() for c in d["drop_classes"]),
        keep_classes=frozenset(str(c).lower() for c in d["keep_classes"]),
        min_rows=int(d["min_rows"]),
        min_columns=int(d["min_columns"]),
        min_text_share=float(d["min_text_share"]),
        max_layout_cell=int(d["max_layout_cell"]),
    )


def table_blocks(source: str, ctx: ParseContext) -> tuple[Text, ...]:
    """What a reader sees of one wiki table (``source``: its wikitext from ``{|``): the
    table as a block, the tables a layout table wraps, or nothing (counted by reason)."""
    ctx.stats["tables_seen"] += 1
    if ctx.stats["tables_seen"] > MAX_TABLES or len(source) > MAX_TABLE_CHARS:
        ctx.stats["tables_dropped:too-many"] += 1  # a flood, not a page: never parsed
        return ()
    if not source.rstrip().endswith("|}"):
        # Unclosed: its own rows only (split_tables), up to the next table's start.
        inner = _INNER_TABLE.search(source, 2)
        source = source[: inner.start() if inner else len(source)].rstrip("\n") + "\n|}"
        ctx.stats["tables_unclosed"] += 1
    code = mwparserfromhell.parse(source, skip_style_tags=True)
    node = next((n for n in code.nodes if isinstance(n, Tag) and str(n.tag).lower() == "table"), None)
    if node is None:
        ctx.stats["tables_dropped:broken"] += 1
        return ()
    return _from_tag(node, ctx, _MAYBE_EXTERNAL_LINK.search(source) is not None)


def _from_tag(node: Tag, ctx: ParseContext, links: bool = True) -> tuple[Text, ...]:
    """``links`` False: the table's wikitext holds no external link (see _MAYBE_EXTERNAL_LINK)."""
    r = rules()
    classes = _classes(node)
    if classes & r.drop_classes:
        ctx.stats["tables_dropped:navigation"] += 1
        return ()
    nested: list[Text] = []
    table = _table(node, ctx, nested, links)
    why = why_dropped(table, classes, r)
    if why is None:
        ctx.stats["tables_kept"] += 1
        return (table_block(table), *nested)
    if nested:
        ctx.stats["tables_unwrapped"] += 1
        return tuple(unwrapped(table, nested))
    ctx.stats[f"tables_dropped:{why}"] += 1
    return ()


def unwrapped(wrapper: Table, nested: list[Text]) -> list[Text]:
    """The tables a dropped wrapper held; when the wrapper's only words are a title
    ("2015 Game Log") and the first table has no caption, that title is its caption."""
    words = [c.text.text for c in wrapper.cells() if c.text.text]
    title = wrapper.caption or (words[0] if len(words) == 1 else "")
    if not title or len(words) > 1 or nested[0].table is None or nested[0].table.caption:
        return nested
    return [table_block(replace(nested[0].table, caption=title)), *nested[1:]]


def titled(table: Table) -> Table:
    """A table whose first row is one cell across all its columns (a title, as
    "Largest metropolitan areas ...") with that cell as its caption, when it has none."""
    rows = table.all_rows()
    if table.caption or len(rows) < 2 or len(rows[0]) != 1 or table.columns() < 2:
        return table
    if rows[0][0].colspan < table.columns() or not rows[0][0].text.text:
        return table
    if table.header:
        return Table(rows[0][0].text.text, table.header[1:], table.rows)
    return Table(rows[0][0].text.text, (), table.rows[1:])


def why_dropped(table: Table, classes: frozenset[str], r: TableRules) -> str | None:
    """None to keep the table, or why it goes: empty, layout, pictures (the rules for
    tables from wikitext and from rendered HTML alike; navigation goes by class first)."""
    rows_with_text = [row for row in table.all_rows() if any(c.text.text for c in row)]
    body_with_text = [row for row in table.rows if any(c.text.text for c in row)]
    cells = table.cells()
    if not body_with_text or sum(1 for c in cells if c.text.text) < 2:
        return "empty"  # a title alone (a box around other tables) is no table
    if not classes & r.keep_classes:
        if len(rows_with_text) < r.min_rows:
            return "layout"
        if max(sum(1 for c in row if c.text.text) for row in rows_with_text) < r.min_columns:
            return "layout"
        if any(len(c.text.text) > r.max_layout_cell for c in cells):
            return "layout"
    if _has_empty_column(table):
        return "pictures"
    with_text = sum(1 for c in cells if c.text.text)
    if with_text < r.min_text_share * len(cells):
        return "pictures"
    return None


def _has_empty_column(table: Table) -> bool:
    """A column named in the header with nothing under it in any row: its values were
    pictures (bars, colours, flags), and the table would say less than it seems to."""
    if not table.header:
        return False
    filled: set[int] = set()
    for row in layout(table.rows):
        for start, cell in row:
            if cell.text.text:
                filled.update(range(start, start + cell.colspan))
    return any(
        cell.text.text and not filled.intersection(range(start, start + cell.colspan))
        for start, cell in layout(table.header)[-1]
    )


def _classes(node: Tag) -> frozenset[str]:
    if not node.has("class"):
        return frozenset()
    return frozenset(str(node.get("class").value).lower().split())


def _table(node: Tag, ctx: ParseContext, nested: list[Text], links: bool) -> Table:
    caption = ""
    rows: list[tuple[Cell, ...]] = []
    loose: list[Cell] = []  # cells before the first "|-"
    for child in node.contents.nodes:
        if not isinstance(child, Tag):
            continue
        tag = code_text(child.tag).lower()
        if tag == "caption":
            caption = plain(child.contents, ctx)
        elif tag == "tr":
            if any(c.text.text for c in loose):
                rows.append(tuple(loose))
                loose = []
            row = tuple(_cell(c, ctx, nested, links) for c in child.contents.nodes if isinstance(c, Tag) and _is_cell(c))
            if any(c.text.text for c in row):
                rows.append(row)
        elif tag == "td" and not rows and not loose and str(child).startswith("|+"):
            caption = _caption(str(child), ctx)  # "|+": the parser reads it as a cell
        elif tag in ("td", "th"):
            loose.append(_cell(child, ctx, nested, links))
    if any(c.text.text for c in loose):
        rows.append(tuple(loose))
    n_header = 0
    while n_header < len(rows) - 1 and all(c.header for c in rows[n_header]):
        n_header += 1
    return titled(Table(caption, tuple(rows[:n_header]), tuple(rows[n_header:])))


_CAPTION_ATTRIBUTES = re.compile(r"""^\s*(?:[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s|]+)\s*)+\|(?!\|)""")


def _caption(source: str, ctx: ParseContext) -> str:
    """The text of a ``|+ caption`` line (its attributes, if any, dropped)."""
    body = _CAPTION_ATTRIBUTES.sub("", source[2:], count=1)
    return plain(mwparserfromhell.parse(body), ctx)


def _is_cell(node: object) -> bool:
    return isinstance(node, Tag) and code_text(node.tag).lower() in ("td", "th")


def _cell(node: Tag, ctx: ParseContext, nested: list[Text], links: bool) -> Cell:
    contents: Wikicode = node.contents
    for inner in contents.nodes:  # the tables right inside the cell
        if isinstance(inner, Tag) and code_text(inner.tag).lower() == "table":
            nested.extend(_from_tag(inner, ctx, links))
    text = rich(contents, ctx)
    if text.text and links and _only_sources(contents, ctx):
        ctx.stats["table_sources_dropped"] += 1
        text = Text("")
    rowspan, colspan = _span(node, "rowspan"), _span(node, "colspan")
    if m := _LOOSE_ATTRIBUTES.match(text.text):
        # "| colspan="5" {{CMain}}": the template was to give the "|" (and the words); the
        # attributes stay in the text unless taken out here.
        spans = dict(_SPAN_IN.findall(m.group()))
        rowspan = _bounded(spans.get("rowspan", "")) if "rowspan" in spans else rowspan
        colspan = _bounded(spans.get("colspan", "")) if "colspan" in spans else colspan
        text = cut_start(text, m.end())
        ctx.stats["table_loose_attributes"] += 1
    return new_cell(new_text(text.text, text.links), code_text(node.tag).lower() == "th", rowspan, colspan)


_ATTRIBUTE = r"(?:colspan|rowspan|style|class|align|valign|bgcolor|width|height|scope|id|nowrap)"
_LOOSE_ATTRIBUTES = re.compile(
    rf"""^(?:\s*{_ATTRIBUTE}\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'|]+))+\s*(?:\|(?!\|)\s*)?""", re.IGNORECASE
)
_SPAN_IN = re.compile(r"""(rowspan|colspan)\s*=\s*["']?(\d+)""", re.IGNORECASE)


def cut_start(text: Text, n: int) -> Text:
    """``text`` less its first ``n`` characters (links after them moved back)."""
    links = tuple(LinkSpan(max(0, s.start - n), s.end - n, s.target) for s in text.links if s.end > n)
    return Text(text.text[n:], links)


def _only_sources(contents: Wikicode, ctx: ParseContext) -> bool:
    """A cell whose words are all the labels of external links: a source, not a fact."""
    links = contents.filter_external_links(recursive=True)
    if not links:
        return False
    rest = str(contents)
    for link in links:
        rest = rest.replace(str(link), "")
    return not plain(mwparserfromhell.parse(rest), ctx).strip(" .,;:()")


def _span(node: Tag, name: str) -> int:
    return _bounded(str(node.get(name).value)) if node.has(name) else 1


def _bounded(value: str) -> int:
    digits = "".join(ch for ch in value if ch.isdigit())[:3]
    return max(1, min(MAX_SPAN, int(digits))) if digits else 1
