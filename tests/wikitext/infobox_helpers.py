"""Shared by the Quick facts tests: the real sample pages that carry an infobox."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import mwparserfromhell

from kidpedia.model import RawPage
from kidpedia.wikitext.parse import preclean
from kidpedia.wikitext.templates import classify, template_name

TESTS = Path(__file__).resolve().parent.parent
SAMPLE_DUMP = TESTS.parent / "src" / "kidpedia" / "data" / "sample-enwiki.xml.bz2"
WIKITEXT = TESTS / "data" / "wikitext"

# Markup a reader must never see in a label or a value.
RESIDUE = re.compile(
    r"\{\{|\}\}|\[\[|\]\]|<ref|</ref|'''|''|\{\||\|\}|^\|-|\n\|-|__[A-Z]+__|&nbsp;|&amp;|&lt;|&gt;|&quot;"
    r"|<!--|-->|<br|</?(?:span|div|small|sup|sub|center|font|table|td|tr|th)\b|\[https?://|\|",
    re.MULTILINE,
)


@lru_cache(maxsize=1)
def infobox_pages() -> tuple[RawPage, ...]:
    """Every article of the bundled real dump and of tests/data/wikitext that has an infobox."""
    from kidpedia.sources.dump import iter_pages

    pages = [p for p in iter_pages(SAMPLE_DUMP) if p.ns == 0 and not p.redirect]
    for f in sorted(WIKITEXT.glob("*.txt")):
        pages.extend(iter_pages(f))
    return tuple(p for p in pages if first_infobox(p.text) is not None)


def first_infobox(text: str):  # type: ignore[no-untyped-def]
    if "{{" not in text:
        return None
    for tpl in mwparserfromhell.parse(preclean(text)).ifilter_templates(recursive=False):
        if classify(template_name(tpl)) == "infobox":
            return tpl
    return None
