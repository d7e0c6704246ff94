"""Page titles: the one place a title or link target is normalised.

MediaWiki reads ``foo_bar``, ``Foo bar`` and `` foo  bar#Section`` as the same page;
every stage (sources, wikitext, pipeline, store) calls ``normalise_title`` so that
a link, a redirect and a stored article agree on the spelling.
"""

from __future__ import annotations

import html
import re

_WS = re.compile(r"\s+")


def normalise_title(title: str) -> str:
    """A title as MediaWiki reads it: underscores are spaces, no #section, first letter upper case."""
    title = html.unescape(title).replace("_", " ")
    title = _WS.sub(" ", title).strip()
    if "#" in title:
        title = title.split("#", 1)[0].rstrip()
    if title.startswith(":"):
        title = title[1:].lstrip()
    return title[:1].upper() + title[1:] if title else title
