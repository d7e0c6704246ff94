"""Infobox -> QuickFacts: the "Quick facts" box.

First version: every non-empty parameter becomes a row labelled from its name.
(Label tables per infobox family, columns for sides and header rows: issue #3.)
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Template

from kidpedia.model import FactRow, Image, QuickFacts
from kidpedia.wikitext.inline import ParseContext, TextBuilder, normalise_title, plain, render_nodes

INFOBOX_NAMES = frozenset({"taxobox", "speciesbox", "automatic taxobox", "subspeciesbox", "infraspeciesbox"})
_SKIP_PARAMS = re.compile(r"^(image|logo|map|signature|caption|alt|.*_size|.*size|.*_alt|coordinates_footnotes|footnotes|module\d*|embed|.*width)$")


def is_infobox_name(name: str) -> bool:
    return name.startswith("infobox") or name in INFOBOX_NAMES or name.endswith(" infobox")


def humanise(param: str) -> str:
    text = re.sub(r"[_\s]+", " ", param).strip()
    return text[:1].upper() + text[1:]


def extract_quick_facts(tpl: Template, ctx: ParseContext) -> QuickFacts:
    from kidpedia.wikitext.templates import template_name

    name = template_name(tpl)
    rows: list[FactRow] = []
    image = None
    title = ctx.title
    for p in tpl.params:
        key = str(p.name).strip()
        if not str(p.value).strip():
            continue
        if key in ("image", "image_flag", "logo", "image_map"):
            file = plain(p.value, ctx)
            if file and image is None:
                cap = tpl.get("caption").value if tpl.has("caption") else None
                image = Image(normalise_title(re.sub(r"^(File|Image):", "", file, flags=re.I)), plain(cap, ctx))
            continue
        if key in ("name", "conventional_long_name", "title"):
            title = plain(p.value, ctx) or title
            continue
        if _SKIP_PARAMS.match(key):
            continue
        b = TextBuilder()
        render_nodes(p.value.nodes, b, ctx)
        value = b.build()
        if value.text:
            rows.append(FactRow(humanise(key), (value,)))
    return QuickFacts(template=name, title=title, image=image, rows=tuple(rows))
