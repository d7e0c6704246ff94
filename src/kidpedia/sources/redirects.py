"""What is a redirect: decided here, by the sources, and nowhere else.

A dump says so with ``<redirect title=...>``; older dumps and single wikitext files
only have the text ``#REDIRECT [[Target]]`` (in the page's language). Every source
fills ``RawPage.redirect`` (normalised) with ``redirect_of``; later stages only read
that field.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from kidpedia.model import RawPage
from kidpedia.titles import normalise_title

# The redirect magic word in the languages of the sample data.
_REDIRECT = re.compile(
    r"^\s*#\s*(?:REDIRECT|WEITERLEITUNG|REDIRECCIÓN|REDIRECTION|REDIRECIONAMENTO|ПЕРЕНАПРАВЛЕНИЕ|ПРЕНАСОЧВАНЕ|AÐRAVÍSING)"
    r"\s*:?\s*\[\[([^\]|]+)",
    re.IGNORECASE,
)


def redirect_target(wikitext: str) -> str | None:
    """The target of a redirect page's wikitext (normalised), or None."""
    if not wikitext.lstrip().startswith("#"):
        return None
    m = _REDIRECT.match(wikitext)
    return normalise_title(m.group(1)) if m else None


_HTML_REDIRECT = re.compile(r"""<link\b[^>]*\brel=["']mw:PageProp/redirect["'][^>]*>""", re.IGNORECASE)
_HREF = re.compile(r"""\bhref=["']([^"']+)["']""")


def html_redirect_target(html: str) -> str | None:
    """The target of a rendered (Parsoid) redirect page: ``<link rel="mw:PageProp/redirect"
    href="./Target">`` in its head (normalised), or None."""
    m = _HTML_REDIRECT.search(html[:20000])
    if not m:
        return None
    href = _HREF.search(m.group(0))
    if not href:
        return None
    return normalise_title(unquote(href.group(1)).removeprefix("./")) or None


def redirect_of(text: str, declared: str | None = None) -> str | None:
    """A page's redirect target: the one its source declared, else the one its text names."""
    if declared:
        return normalise_title(declared) or None
    return redirect_target(text)


def raw_page(title: str, text: str, **metadata) -> RawPage:  # type: ignore[no-untyped-def]
    """A RawPage as a source yields it (its redirect decided here), for pages made in code."""
    declared = metadata.pop("redirect", None)
    return RawPage(title, text, redirect=redirect_of(text, declared), **metadata)
