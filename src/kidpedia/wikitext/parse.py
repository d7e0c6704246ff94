"""Wikitext -> Article: lead, nested sections, links, See also, categories, language links.

The page is first cut at its heading lines (cheap, by regex); sections the caller
names in ``drop_sections`` (References, External links, ...) are never parsed, only
searched for categories and language links. Comments, ``<ref>``s and behaviour
switches go before parsing too. Each kept part is parsed with mwparserfromhell and
turned into paragraphs and list items by ``_blocks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import mwparserfromhell
import yaml
from mwparserfromhell.nodes import Tag
from mwparserfromhell.nodes import Text as TextNode

from kidpedia.model import Article, LanguageLink, Link, RawPage, Section, Text
from kidpedia.titles import normalise_title
from kidpedia.wikitext import names
from kidpedia.wikitext.inline import (
    ParseContext,
    TextBuilder,
    plain,
    render_nodes,
    strip_quotes,
)
from kidpedia.wikitext.templates import new_context

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_REF_SELF = re.compile(r"<ref\b[^>]*?/\s*>", re.IGNORECASE)
_REF_PAIR = re.compile(r"<ref\b[^>]*>.*?</ref\s*>", re.IGNORECASE | re.DOTALL)
_SWITCH = re.compile(r"__[A-Z]{3,}__")
_HEADING = re.compile(r"^(={1,6})(.+?)\1[ \t]*$", re.MULTILINE)
_PREFIXED_LINK = re.compile(r"\[\[\s*([^\[\]|:#]+?)\s*:\s*([^\[\]|]+?)\s*(?:\|[^\[\]]*)?\]\]")
_HAS_WORD = re.compile(r"\w")


@lru_cache(maxsize=1)
def _section_rules() -> dict[str, frozenset[str]]:
    text = resources.files("kidpedia.wikitext").joinpath("rules/sections.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return {k: frozenset(s.lower() for s in v) for k, v in data.items()}


def is_see_also(title: str) -> bool:
    return title.strip().lower() in _section_rules()["see_also"]


def preclean(wikitext: str) -> str:
    """Remove what never reaches a reader before the (slower) real parse."""
    text = _COMMENT.sub("", wikitext) if "<!--" in wikitext else wikitext
    if "<ref" in text or "<REF" in text:
        text = _REF_SELF.sub("", text)
        text = _REF_PAIR.sub("", text)
    if "__" in text:
        text = _SWITCH.sub("", text)
    if "{|" in text:
        text = drop_tables(text)
    return text


_TABLE_EDGE = re.compile(r"^[ \t:]*(\{\||\|\})", re.MULTILINE)


def drop_tables(text: str) -> str:
    """Remove top-level wiki tables ({| ... |}, nested ones with them): kids' pages show
    none yet, and they are a costly part of a parse. A table whose braces do not
    balance (or that would cut a template in two) is left for the parser."""
    out: list[str] = []
    pos = depth = start = 0
    for m in _TABLE_EDGE.finditer(text):
        if m.group(1) == "{|":
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                table = text[start : m.end()]
                if table.count("{{") == table.count("}}"):
                    out.append(text[pos:start])
                    pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


@dataclass
class _Chunk:
    level: int
    title: str
    body: str


def split_sections(text: str) -> list[_Chunk]:
    """Cut at heading lines: the lead (level 0) and one chunk per heading."""
    chunks: list[_Chunk] = []
    pos = 0
    level, title = 0, ""
    for m in _HEADING.finditer(text):
        chunks.append(_Chunk(level, title, text[pos : m.start()]))
        level, title = len(m.group(1)), m.group(2).strip()
        pos = m.end()
    chunks.append(_Chunk(level, title, text[pos:]))
    return chunks


def parse_article(raw: RawPage, drop_sections: frozenset[str] = frozenset()) -> Article:
    """Turn one page's wikitext into an Article (no markup left)."""
    return parse_with_context(raw, drop_sections)[0]


def parse_with_context(
    raw: RawPage, drop_sections: frozenset[str] = frozenset()
) -> tuple[Article, ParseContext]:
    """parse_article, and the ParseContext with its counters (unknown templates, ...)."""
    ctx = new_context(lang=raw.lang, title=raw.title)
    chunks = split_sections(preclean(raw.text))
    lead: tuple[Text, ...] = ()
    flat: list[tuple[int, str, tuple[Text, ...]]] = []
    see_also: list[Link] = []
    seen: set[str] = set()
    dropping_below = 0  # while > 0: inside a dropped section of this level
    for chunk in chunks:
        if chunk.level and dropping_below and chunk.level > dropping_below:
            _collect_prefixed_links(chunk.body, ctx)
            continue
        dropping_below = 0
        title = _heading_text(chunk.title, ctx) if chunk.level else ""
        if chunk.level and title.lower() in drop_sections:
            dropping_below = chunk.level
            ctx.stats["sections_dropped"] += 1
            _collect_prefixed_links(chunk.body, ctx)
            continue
        paragraphs = _blocks(chunk.body, ctx)
        if chunk.level and is_see_also(title):
            see_also.extend(_links_of(paragraphs))
            continue
        paragraphs = _dedupe(paragraphs, seen, ctx)
        if chunk.level == 0:
            lead = paragraphs
        else:
            flat.append((chunk.level, title, paragraphs))
    stats = dict(ctx.stats)
    stats["templates_unknown_names"] = len(ctx.unknown_templates)
    return Article(
        title=raw.title,
        lead=lead,
        sections=_nest(flat),
        quick_facts=ctx.quick_facts,
        see_also=tuple(_unique_links(see_also)),
        language_links=tuple(_unique(ctx.language_links)),
        categories=tuple(_unique(ctx.categories)),
        images=tuple(_unique(ctx.images)),
        lang=raw.lang,
        page_id=raw.page_id,
        rev_id=raw.rev_id,
        timestamp=raw.timestamp,
        stats=stats,
    ), ctx


def _heading_text(title: str, ctx: ParseContext) -> str:
    if not any(c in title for c in "[{<'&"):
        return title.strip()
    return plain(mwparserfromhell.parse(title), ctx)


def _collect_prefixed_links(body: str, ctx: ParseContext) -> None:
    """Categories and language links in a section we do not parse."""
    for m in _PREFIXED_LINK.finditer(body):
        kind = names.namespace_kind(m.group(1), ctx.lang)
        if kind == "category":
            ctx.categories.append(normalise_title(m.group(2)))
        elif kind == "language":
            ctx.language_links.append(LanguageLink(m.group(1).strip().lower(), m.group(2).strip()))


_LIST_MARKUP = {"*": "li", "#": "li", ":": "p", ";": "p"}


def _blocks(body: str, ctx: ParseContext) -> tuple[Text, ...]:
    """Paragraphs and list items of one section's body."""
    if not body.strip():
        return ()
    code = mwparserfromhell.parse(body, skip_style_tags=True)
    out: list[Text] = []
    cur = TextBuilder()
    kind = "p"
    line_mark = 0  # len(cur.pieces) at the start of the current line

    def flush() -> None:
        nonlocal cur, line_mark
        if not cur.is_blank():
            t = cur.build(kind)
            if t.text and _HAS_WORD.search(t.text):
                out.append(t)
        cur = TextBuilder()
        line_mark = 0

    for node in code.nodes:
        if isinstance(node, TextNode):
            lines = strip_quotes(node.value).split("\n")
            cur.add(lines[0])
            for line in lines[1:]:
                blank = all(not p[0].strip() for p in cur.pieces[line_mark:])
                if kind == "li" or blank:
                    flush()
                    kind = "p"
                else:
                    cur.add(" ")
                line_mark = len(cur.pieces)
                cur.add(line)
        elif isinstance(node, Tag) and node.wiki_markup in _LIST_MARKUP and str(node.tag) in ("li", "dt", "dd"):
            flush()
            kind = _LIST_MARKUP[str(node.wiki_markup)]
        elif isinstance(node, Tag) and str(node.tag) == "hr":
            flush()
        else:
            render_nodes((node,), cur, ctx)
    flush()
    return tuple(out)


def _dedupe(paragraphs: tuple[Text, ...], seen: set[str], ctx: ParseContext) -> tuple[Text, ...]:
    out = []
    for p in paragraphs:
        key = p.text.strip().lower()
        if key in seen and len(key) > 20:
            ctx.stats["paragraphs_repeated"] += 1
            continue
        seen.add(key)
        out.append(p)
    return tuple(out)


def _nest(flat: list[tuple[int, str, tuple[Text, ...]]]) -> tuple[Section, ...]:
    """Build the section tree from (level, title, paragraphs) in order; drop empty sections."""

    def build(i: int, level: int) -> tuple[list[Section], int]:
        result: list[Section] = []
        while i < len(flat):
            lvl, title, paras = flat[i]
            if lvl <= level:
                break
            children, j = build(i + 1, lvl)
            if paras or children:
                result.append(Section(title or "(untitled)", lvl, paras, tuple(children)))
            i = j
        return result, i

    sections, _ = build(0, 0)
    return tuple(sections)


def _links_of(paragraphs: tuple[Text, ...]) -> list[Link]:
    links = []
    for p in paragraphs:
        for span in p.links:
            links.append(Link(span.target, p.text[span.start : span.end]))
            if p.kind == "li":
                break  # one See also entry per list item: its first link
    return links


def _unique(items: list) -> list:
    seen = set()
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def _unique_links(links: list[Link]) -> list[Link]:
    seen = set()
    out = []
    for link in links:
        if link.target not in seen:
            seen.add(link.target)
            out.append(link)
    return out
