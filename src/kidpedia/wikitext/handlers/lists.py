"""Lists in one value: {{ubl|a|b}}, {{hlist}}, {{plainlist}}, {{collapsible list}};
``split_items``/``join_items`` are also how an infobox value becomes "a, b, c"."""

from __future__ import annotations

import re

from mwparserfromhell.nodes import ExternalLink, Tag, Template
from mwparserfromhell.nodes import Text as TextNode
from mwparserfromhell.wikicode import Wikicode

from kidpedia.lang import list_separator
from kidpedia.model import Text
from kidpedia.wikitext.inline import ParseContext, TextBuilder, render_nodes, text_value
from kidpedia.wikitext.params import param, positional, render


def split_items(code: Wikicode, ctx: ParseContext) -> list[Text]:
    """The lines of a value as a reader sees them: cut at <br>, list items, <hr> and blank lines.

    A single newline inside running text is a space (as MediaWiki renders it); a
    newline ends a list item.
    """
    items: list[Text] = []
    cur = TextBuilder()
    in_item = False

    def flush() -> None:
        nonlocal cur
        if not cur.is_blank():
            built = cur.build()
            if built.text:
                items.append(built)
        cur = TextBuilder()

    for i, node in enumerate(code.nodes):
        if isinstance(node, TextNode):
            lines = text_value(node.value).split("\n")
            if i == 0 and lines[0].lstrip()[:1] in ("*", "#"):
                # A value that starts with list markup is a list (MediaWiki starts it on a new line).
                lines[0] = lines[0].lstrip().lstrip("*#:; ")
                in_item = True
            cur.add(lines[0])
            for line in lines[1:]:
                if in_item or not line.strip():
                    flush()
                    in_item = False
                else:
                    cur.add(" ")
                cur.add(line)
        elif isinstance(node, Tag) and str(node.tag).lower() == "sup" and _FOOTNOTE_MARK.fullmatch(str(node.contents)):
            continue  # a footnote marker: "Catalan<sup>a</sup>"
        elif isinstance(node, Tag) and str(node.tag).lower() == "br" and in_item:
            cur.add(" ")  # a line break inside one list item continues the item
        elif isinstance(node, Tag) and str(node.tag).lower() in ("br", "hr"):
            flush()
        elif isinstance(node, Tag) and node.wiki_markup and str(node.tag) in ("li", "dt", "dd"):
            flush()
            in_item = True
        elif isinstance(node, ExternalLink) and node.title is None:
            cur.add(re.sub(r"^[a-z]+://", "", str(node.url), flags=re.IGNORECASE).rstrip("/"))  # a bare URL
        else:
            render_nodes((node,), cur, ctx)
    flush()
    return items


_FOOTNOTE_MARK = re.compile(r"\s*\[?[a-z]\]?\s*")


def join_items(items: list[Text], out: TextBuilder, lang: str = "en") -> None:
    """Write items one after another: "a, b, c", "a、b、c" in Japanese (``lang.list_separator``;
    none after "Label:" or before "(...)")."""
    separator = list_separator(lang)
    for i, item in enumerate(items):
        if i:
            prev = items[i - 1].text
            out.add(" " if prev.endswith((":", ",", ";", "、", "：")) or item.text.startswith(("(", "（")) else separator)
        out.add_text(item)


def list_items(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{ubl|a|b}}, {{hlist|a|b}}, {{plainlist|* a * b}}: items joined by commas."""
    items: list[Text] = []
    for a in positional(tpl):
        items.extend(split_items(a, ctx))
    join_items(items, out, ctx.lang)


def collapsible_list(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{collapsible list|title=Members|a|b}}: the items (the reader can expand them all)."""
    items: list[Text] = []
    for a in positional(tpl):
        items.extend(split_items(a, ctx))
    if items:
        join_items(items, out, ctx.lang)
    else:
        render(param(tpl, "title"), out, ctx)
