"""Page titles: the one place a title or link target is normalised.

MediaWiki reads ``foo_bar``, ``Foo bar`` and `` foo  bar#Section`` as the same page;
every stage (sources, wikitext, pipeline, store) calls ``normalise_title`` so that
a link, a redirect and a stored article agree on the spelling.

``site_title`` is the spelling the site looks a title up by (its URLs) and the one
the pipeline stores a page under, so every stored title is reachable; a page whose
title has nothing left, or is over ``MAX_TITLE`` characters, is not stored.
"""

from __future__ import annotations

import html
import re

_WS = re.compile(r"\s+")
# What _WS.sub(" ", ...) changes: whitespace other than a space, or two spaces.
_WS_TO_MEND = re.compile(r"[^\S ]|  ")
# C0 and C1 controls, noncharacters, lone surrogates: never part of a title
_NOT_IN_TITLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
MAX_TITLE = 255  # characters (MediaWiki's limit is 255 bytes)
# "." and ".." as a path segment: a browser resolves them away, so no URL reaches such a
# title (MediaWiki refuses them too: ".", "..", "./x", "x/../y", "x/.")
DOT_SEGMENT = re.compile(r"(?:^|/)\.{1,2}(?:/|$)")


def one_spaced(text: str) -> str:
    """``text`` with each run of whitespace one space (``_WS.sub(" ", text)``), and
    without a replacement per space where there is nothing to mend (one scan)."""
    return text if _WS_TO_MEND.search(text) is None else _WS.sub(" ", text)


def site_title(raw: str) -> str:
    """A title as the site's URLs name it: underscores are spaces, whitespace runs one
    space, no control characters (``""`` when nothing is left)."""
    title = _NOT_IN_TITLE.sub("", raw).replace("_", " ")
    return _WS.sub(" ", title).strip()


def normalise_title(title: str) -> str:
    """A title as MediaWiki reads it: underscores are spaces, no #section, first letter upper case."""
    title = html.unescape(title).replace("_", " ")
    title = one_spaced(title).strip()
    if "#" in title:
        title = title.split("#", 1)[0].rstrip()
    if title.startswith(":"):
        title = title[1:].lstrip()
    return title[:1].upper() + title[1:] if title else title
