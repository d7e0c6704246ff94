"""Rendered HTML (Parsoid, the REST API, Wikimedia Enterprise, a Kiwix ZIM's pages) ->
the same ``Article`` the wikitext package makes. The only package that parses HTML.

    parse_html(raw, drop_sections) -> Article        (``parse.py``)
    page_title(html) -> str                          the document's <title>, or ""

``clean.py`` says what a reader never sees (references, hatnotes, navboxes,
maintenance boxes, edit links, coordinates, hidden spans), ``inline.py`` turns
an element into text with links, ``infobox.py`` the infobox table into Quick facts.
"""

from kidpedia.html.parse import page_title, parse_html

__all__ = ["page_title", "parse_html"]
