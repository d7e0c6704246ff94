"""What a reader of a kids' page never sees in rendered Wikipedia HTML.

``strip_junk(root)`` removes, in place: references and their lists, hatnotes
("For other people named ..."), navboxes and sidebars, maintenance and message
boxes, edit links, coordinates, short descriptions, portals and sister-project
boxes, authority control, hidden spans (``display:none``), styles, scripts and
Kiwix's "This article is issued from Wikipedia" footer. The class and id lists
are data (``JUNK_CLASSES``, ``JUNK_IDS``); ``tests/html/test_clean.py`` has a case
for each family.
"""

from __future__ import annotations

import re

from lxml import etree

JUNK_TAGS = frozenset({"style", "script", "link", "meta", "noscript", "template"})
JUNK_CLASSES = frozenset(
    {
        # references and footnotes
        "reference", "mw-ref", "reflist", "references", "mw-references-wrap", "mw-cite-backlink",
        "refbegin", "citation-needed-content",
        # hatnotes, navigation, sidebars
        "hatnote", "dablink", "rellink", "navbox", "navbox-styles", "vertical-navbox", "sidebar",
        "navigation-not-searchable", "succession-box", "NavFrame", "toc", "toccolours", "catlinks",
        # maintenance and message boxes, stubs
        "ambox", "tmbox", "ombox", "cmbox", "fmbox", "imbox", "mbox-small", "metadata", "stub",
        "asbox", "box-Multiple_issues",
        # edit links, coordinates, short descriptions, print-only or screen-only bits
        "mw-editsection", "geo-default", "geo-nondefault", "geo-multi-punct", "coordinates",
        "shortdescription", "noprint", "printfooter", "mw-empty-elt", "magnify",
        # portals, sister projects, authority control
        "portal", "portalbox", "portal-bar", "sistersitebox", "side-box", "authority-control",
        "mw-kartographer-maplink", "navigation-only", "navbar", "geobox", "img_toggle",
        "location-map", "infobox-navbar",
    }
)
JUNK_IDS = frozenset({"coordinates", "toc", "catlinks", "titleHeading", "top"})
JUNK_ROLES = frozenset({"navigation", "note"})
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_FOOTER = re.compile(r"^\s*This article is issued from\b")


def classes(el: etree._Element) -> set[str]:
    value = el.get("class")
    return set(value.split()) if value else set()


def is_junk(el: etree._Element) -> bool:
    """Whether ``el`` (and all inside it) is something a reader never sees."""
    tag = el.tag
    if not isinstance(tag, str) or tag in JUNK_TAGS:
        return True
    if classes(el) & JUNK_CLASSES:
        return True
    if el.get("id") in JUNK_IDS or el.get("role") in JUNK_ROLES:
        return True
    if tag == "sup" and (el.get("id") or "").startswith("cite_ref"):
        return True  # a footnote mark in MediaWiki's own HTML (Parsoid's have a class)
    style = el.get("style")
    if style and _HIDDEN.search(style):
        return True
    return tag == "div" and el.get("id") is None and _is_kiwix_footer(el)


def _is_kiwix_footer(el: etree._Element) -> bool:
    first = el[0] if len(el) else None
    text = first.text if first is not None and first.tag == "div" else el.text
    return bool(text and _FOOTER.match(text))


def remove(el: etree._Element) -> None:
    """Remove ``el`` from its parent, keeping the text that followed it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def strip_junk(root: etree._Element) -> int:
    """Remove every junk element under ``root``; returns how many were found (nested ones
    too: removing an element inside one already removed costs nothing and changes nothing)."""
    doomed = [el for el in root.iter() if el is not root and is_junk(el)]
    for el in doomed:
        remove(el)
    return len(doomed)
