"""The infobox table of rendered HTML -> QuickFacts, the same shape the wikitext
package makes from the infobox template.

A row with a label cell (``th``) and a value cell is a row; a ``th`` across the box is a
header row ("Government"); the first such header, or the table's ``<caption>``, is the
box's title; a header followed by a row of several value cells side by side (a
military conflict's belligerents) becomes one row with one value per side; the first
picture is the box's image, with the text beside it as its caption. The template's
name comes from Parsoid's ``data-mw`` (``infobox person``), else from the table's class.
"""

from __future__ import annotations

import copy
import json
import re

from lxml import etree

from kidpedia.html.clean import classes
from kidpedia.html.inline import Inline
from kidpedia.model import FactRow, Image, QuickFacts, Text

INFOBOX_CLASSES = frozenset({"infobox", "infobox_v2", "infobox_v3", "taxobox", "biota", "infobox-table",
                             "sinottico", "toccolours-infobox"})  # fmt: skip
_BULLETS = re.compile(r"^[\s•·–-]+")
_COORD = re.compile(r"(-?\d+(?:\.\d+)?)\s*[;,]\s*(-?\d+(?:\.\d+)?)")


def is_infobox(el: etree._Element) -> bool:
    """An infobox table, or a box of ``div``s around tables (frwiki's Infobox v3: a
    heading div, a picture div, then one table per part, each with its caption)."""
    if not classes(el) & INFOBOX_CLASSES:
        return False
    if el.tag == "table":
        return True
    return el.tag == "div" and el.find(".//table") is not None and not any(
        is_infobox(t) for t in el.iter("table"))


def find_infobox(root: etree._Element) -> etree._Element | None:
    """The first infobox not inside a table."""
    for el in root.iter("table", "div"):
        if is_infobox(el) and not any(a.tag == "table" for a in el.iterancestors()):
            return el
    return None


def _as_table(box: etree._Element) -> etree._Element:
    """A box of divs as one table (copied; the page is left alone): a div without a table
    is a row across the box (the heading, the picture with its legend); a table's
    caption is a header row over its rows."""
    table = etree.Element("table")

    def across(*content: etree._Element, tag: str = "td") -> None:
        cell = etree.SubElement(etree.SubElement(table, "tr"), tag, colspan="2")
        cell.extend(copy.deepcopy(c) for c in content)

    def walk(el: etree._Element) -> None:
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "table":
                caption = child.find("caption")
                if caption is not None:
                    header = etree.Element("span")
                    header.text = " ".join("".join(caption.itertext()).split())
                    across(header, tag="th")
                for tr in _rows(child):
                    table.append(copy.deepcopy(tr))
            elif child.find(".//table") is not None:
                walk(child)
            elif "".join(child.itertext()).strip() or child.find(".//img") is not None:
                across(child)

    walk(box)
    return table


def coordinates(root: etree._Element) -> tuple[float, float] | None:
    """The page's position from its first ``.geo`` span ("48.4; 9.99")."""
    for span in root.iter("span"):
        if "geo" in classes(span):
            m = _COORD.search("".join(span.itertext()))
            if m:
                lat, lon = float(m.group(1)), float(m.group(2))
                if -90 <= lat <= 90 and -180 <= lon <= 180:
                    return lat, lon
    return None


def template_name(table: etree._Element) -> str:
    """``infobox person`` from Parsoid's data-mw on the box (or its transclusion's first
    element), else the table's first infobox class."""
    about = table.get("about")
    candidates = [table]
    if about:
        prev = table.getprevious()
        while prev is not None and prev.get("about") == about:
            candidates.append(prev)
            prev = prev.getprevious()
    for el in candidates:
        data = el.get("data-mw")
        if not data:
            continue
        try:
            parts = json.loads(data).get("parts", [])
        except ValueError:
            continue
        for part in parts:
            if isinstance(part, dict) and "template" in part:
                wt = part["template"].get("target", {}).get("wt", "")
                name = " ".join(wt.replace("_", " ").split()).lower()
                if name:
                    return name
    for c in table.get("class", "").split():
        if c in INFOBOX_CLASSES:
            return c
    return "infobox"


def _rows(table: etree._Element) -> list[etree._Element]:
    """The box's own rows (not those of tables inside its cells), except that a row whose
    one cell holds nothing but a table of its own (a military conflict's Date, Location
    and Result; a subbox) gives that table's rows in its place."""
    out: list[etree._Element] = []
    for tr in _rows_of(table):
        inner = _only_table(tr)
        out.extend(_rows(inner) if inner is not None else [tr])
    return out


def _only_table(tr: etree._Element) -> etree._Element | None:
    """The table a one-cell row holds when all the cell's text is in that table."""
    cells = _cells(tr)
    if len(cells) != 1:
        return None
    cell = cells[0]
    tables = [t for t in cell.iter("table") if next(t.iterancestors("table", "td", "th")) is cell]
    if len(tables) != 1 or not _rows_of(tables[0]):
        return None
    outside = "".join(cell.itertext()).replace("".join(tables[0].itertext()), "", 1)
    return tables[0] if not outside.strip() else None


def _rows_of(table: etree._Element) -> list[etree._Element]:
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table")) is table]


def _cells(tr: etree._Element) -> list[etree._Element]:
    return [c for c in tr if c.tag in ("th", "td")]


def _is_label(cell: etree._Element) -> bool:
    """A row's label: a ``th``, or a ``td scope="row"`` (ptwiki's country box)."""
    return cell.tag == "th" or (cell.get("scope") or "").lower() == "row"


def _label(cell: etree._Element, inline: Inline) -> str:
    return _BULLETS.sub("", inline.text(cell).text).strip()


def extract(table: etree._Element, lang: str, page_path: str, image_of) -> QuickFacts:  # type: ignore[no-untyped-def]
    """QuickFacts from an infobox table; ``image_of(img, caption)`` makes an Image."""
    if table.tag != "table":
        table = _as_table(table)
    labels = Inline(lang, page_path)
    values = Inline(lang, page_path, separated=True)
    caption = table.find("caption")
    title = labels.text(caption).text if caption is not None else ""
    image: Image | None = None
    rows: list[FactRow] = []
    for tr in _rows(table):
        cells = _cells(tr)
        if not cells:
            continue
        img = tr.find(".//img")
        if image is None and img is not None and len(cells) == 1:
            image = image_of(img, values.text(cells[0]).text)
            continue
        if img is not None and (len(cells) == 1 or all(c.find(".//img") is not None for c in cells)):
            continue  # more pictures (a flag and a coat of arms, a map) with their captions
        if len(cells) == 1:
            cell = cells[0]
            text = values.text(cell)
            if not title and not rows and image is None and (cell.get("colspan") or cell.tag == "th"):
                title = text.text  # the name across the top of the box
            elif cell.tag == "th" or _only_bold(cell, text):
                if not title and not rows:
                    title = text.text
                elif text.text:
                    rows.append(FactRow(_label(cell, labels), (), header=True))
            elif text.text:
                rows.append(FactRow("", (text,)))
            continue
        if _is_label(cells[0]) and len(cells) == 2:
            value = values.text(cells[1])
            if value.text:
                rows.append(FactRow(_label(cells[0], labels), (value,)))
            continue
        sides = tuple(values.text(c) for c in cells if not _is_label(c))
        if not any(s.text for s in sides):
            continue
        if rows and rows[-1].header:  # "Belligerents" over one cell per side
            rows[-1] = FactRow(rows[-1].label, sides)
        else:
            label = _label(cells[0], labels) if _is_label(cells[0]) else ""
            rows.append(FactRow(label, sides))
    return QuickFacts(template=template_name(table), title=title, image=image, rows=tuple(rows))


def _only_bold(cell: etree._Element, text: Text) -> bool:
    """A cell across the box holding one bold title (an embedded box's "Musical career")."""
    bold = [c for c in cell.iter("b", "strong")]
    return len(bold) == 1 and " ".join("".join(bold[0].itertext()).split()) == text.text


def _words(t: Text) -> bool:
    return any(c.isalnum() for c in t.text)
