"""Rendered HTML tables -> model.Table, by the same rules as wiki tables.

A ``<table>`` (not the infobox, which is the Quick facts) is read row by row: its
caption, its ``<tr>``s (in ``thead``/``tbody``/``tfoot`` or not), each ``<th>``/``<td>``
as text with links and its ``rowspan``/``colspan``; nothing else of the HTML is kept.
Whether it is shown is decided by ``wikitext.tables.why_dropped`` and the class
rules of ``rules/tables.yaml``; a layout table that only wraps other tables gives
those tables.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from kidpedia.html.clean import classes, remove
from kidpedia.html.inline import Inline
from kidpedia.model import Cell, Table, Text, table_block
from kidpedia.wikitext import names
from kidpedia.wikitext.tables import MAX_SPAN, rules, titled, unwrapped, why_dropped

_EMPTY_BRACKETS = re.compile(r"\s*\[\s*\]")


def table_blocks(el: etree._Element, inline: Inline, stats: Counter[str]) -> list[Text]:
    """What a reader sees of one ``<table>``: the table as a block, the tables a layout
    table wraps, or nothing (counted by reason in ``stats``)."""
    r = rules()
    cls = frozenset(c.lower() for c in classes(el))
    if cls & r.drop_classes:
        stats["tables_dropped:navigation"] += 1
        return []
    nested: list[Text] = []
    table = _table(el, inline, stats, nested)
    why = why_dropped(table, cls, r)
    if why is None:
        stats["tables_kept"] += 1
        return [table_block(table), *nested]
    if nested:
        stats["tables_unwrapped"] += 1
        return unwrapped(table, nested)
    stats[f"tables_dropped:{why}"] += 1
    return []


def _table(el: etree._Element, inline: Inline, stats: Counter[str], nested: list[Text]) -> Table:
    caption_el = el.find("caption")
    for a in list(el.iter("a")):
        if _is_edit_link(a, inline.lang, caption_el):
            remove(a)
    caption = inline.text(caption_el).text if caption_el is not None else ""
    caption = _EMPTY_BRACKETS.sub("", caption).strip()
    rows: list[tuple[Cell, ...]] = []
    for tr in el.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"):
        row = tuple(_cell(c, inline, stats, nested) for c in tr if c.tag in ("td", "th"))
        if row:
            rows.append(row)
    n_header = 0
    while n_header < len(rows) - 1 and all(c.header for c in rows[n_header]):
        n_header += 1
    return titled(Table(caption, tuple(rows[:n_header]), tuple(rows[n_header:])))


def _is_edit_link(a: etree._Element, lang: str, caption: etree._Element | None) -> bool:
    """"[modifier]": a link to edit the page, or (in the caption) to the module or
    template the table's data comes from."""
    if "action=edit" in (a.get("href") or ""):
        return True
    if caption is None or not any(p is caption for p in a.iterancestors("caption")):
        return False
    title = a.get("title") or ""
    return ":" in title and names.namespace_kind(title.split(":", 1)[0], lang) == "other"


def _cell(el: etree._Element, inline: Inline, stats: Counter[str], nested: list[Text]) -> Cell:
    for inner in el.iter("table"):
        if _nearest_cell(inner) is el:  # a table right inside this cell, not deeper
            nested.extend(table_blocks(inner, inline, stats))
    text = inline.text(el)
    return Cell(Text(text.text, text.links), el.tag == "th", _span(el.get("rowspan")), _span(el.get("colspan")))


def _nearest_cell(el: etree._Element) -> etree._Element | None:
    return next((a for a in el.iterancestors() if a.tag in ("td", "th")), None)


def _span(value: str | None) -> int:
    digits = "".join(ch for ch in (value or "") if ch.isdigit())[:3]
    return max(1, min(MAX_SPAN, int(digits))) if digits else 1
