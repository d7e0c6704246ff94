"""Wikitext -> Article: lead, nested sections, links, See also, categories, language links.

The page is first cut at its heading lines (cheap, by regex); sections the caller
names in ``drop_sections`` (References, External links, ...) are never parsed, only
searched for categories and language links. Comments, ``<ref>``s and behaviour
switches go before parsing too, balance-aware: an unclosed ``<ref>`` or ``<!--``
removes only itself. Tables are cut out of each section (``split_tables``; an
unclosed ``{|`` takes only its own rows) and go to ``table_blocks``, the one place a
table is rendered (``wikitext/tables.py``). Each kept part is parsed with mwparserfromhell and turned into
paragraphs and list items by ``_blocks``; ``guard.guard`` repairs or drops whatever
still looks like markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import mwparserfromhell
from mwparserfromhell.nodes import Tag
from mwparserfromhell.nodes import Text as TextNode

from kidpedia import yamlload
from kidpedia.model import Article, LanguageLink, Link, RawPage, Section, Text
from kidpedia.sections import see_also_names
from kidpedia.titles import normalise_title
from kidpedia.wikitext import names
from kidpedia.wikitext.guard import guard, without_last_sentence
from kidpedia.wikitext.inline import (
    ParseContext,
    TextBuilder,
    plain,
    plain_link,
    render_nodes,
    strip_quotes,
    text_value,
)
from kidpedia.wikitext.prose import Templated, body_units, entity, plain_tokens, wikilink
from kidpedia.wikitext.tables import table_blocks
from kidpedia.wikitext.templates import new_context

_HEADING = re.compile(r"^(={1,6})(.+?)\1[ \t]*$", re.MULTILINE)
_PREFIXED_LINK = re.compile(r"\[\[\s*([^\[\]|:#]+?)\s*:\s*([^\[\]|]+?)\s*(?:\|[^\[\]]*)?\]\]")
_HAS_WORD = re.compile(r"\w")


@lru_cache(maxsize=1)
def _section_rules() -> dict[str, frozenset[str]]:
    text = resources.files("kidpedia.wikitext").joinpath("rules/sections.yaml").read_text("utf-8")
    data = yamlload.safe_load(text)
    return {k: frozenset(s.lower() for s in v) for k, v in data.items()}


@lru_cache(maxsize=1)
def hatnote_starts() -> tuple[str, ...]:
    text = resources.files("kidpedia.wikitext").joinpath("rules/hatnotes.yaml").read_text("utf-8")
    return tuple(str(s).lower() for s in yamlload.safe_load(text)["starts"])


def is_hatnote(t: Text) -> bool:
    """A short paragraph that only points elsewhere ("See also X.", "Main article: X")."""
    return t.kind == "p" and len(t.text) < 300 and t.text.lower().startswith(hatnote_starts())


_BIBLIOGRAPHIC = re.compile(r"\b(?:ISBN|ISSN|doi:|DOI|OCLC)\b")
# Words one of which every match of _BIBLIOGRAPHIC, _BIBLIOGRAPHY_LINE and _ISBN holds:
# looked for first, in C (most texts hold none; those regexes try each position).
_CITATION_WORDS = ("ISBN", "ISSN", "OCLC", "DOI", "doi")


def _may_cite(text: str) -> bool:
    """One of _CITATION_WORDS is in ``text`` (written out: no generator per text)."""
    return "ISBN" in text or "ISSN" in text or "OCLC" in text or "DOI" in text or "doi" in text


def is_bibliography(blocks: tuple[Text, ...]) -> bool:
    """A list of books and papers (most items carry an ISBN, DOI, ...): not for a child."""
    items = [t for t in blocks if t.kind == "li"]
    cited = sum(1 for t in items if _may_cite(t.text) and _BIBLIOGRAPHIC.search(t.text))
    return cited >= 2 and cited * 2 >= len(items)


# One book or paper's line: an ISBN/ISSN/DOI/OCLC with its number (a citation, not prose).
_BIBLIOGRAPHY_LINE = re.compile(
    r"\b(?:ISBN(?:-1[03])?|ISSN|OCLC|DOI|doi)\s*:?\s*(?:\d[\d\- ]{3,}[\dXx]|10\.\d{4,})"
)


_ISBN = re.compile(r"\b(?:ISBN|ISSN|OCLC|DOI)\b")


def _is_book_table(t: Text) -> bool:
    """A table of books or papers (a cell names an ISBN, DOI, ...): a bibliography."""
    return t.table is not None and any(_may_cite(c.text.text) and _ISBN.search(c.text.text) for c in t.table.cells())


def without_bibliography_lines(blocks: tuple[Text, ...], ctx: ParseContext) -> tuple[Text, ...]:
    """The blocks less each line that cites a book or paper by its number (ISBN 978-...),
    and each table of books (a column of ISBNs)."""
    kept = tuple(t for t in blocks if not (_may_cite(t.text) and _BIBLIOGRAPHY_LINE.search(t.text)) and not _is_book_table(t))
    ctx.stats["bibliography_lines_dropped"] += len(blocks) - len(kept)
    return kept


def is_see_also(title: str, lang: str = "en") -> bool:
    """A See also heading in the page's language or English (``kidpedia.sections``)."""
    t = title.strip().lower()
    return t in _section_rules()["see_also"] or t in see_also_names(lang)


def is_link_list(blocks: tuple[Text, ...]) -> bool:
    """Only list items, each (nearly) all one internal link: a See also by its shape."""
    items = [t for t in blocks if t.text.strip()]
    if len(items) < 2:
        return False
    for t in items:
        linked = sum(span.end - span.start for span in t.links)
        if t.kind != "li" or not t.links or linked < 0.6 * len(t.text.strip()):
            return False
    return True


_REF_TAG = re.compile(r"<(/?)ref(?=[\s>/])([^<>]*?)(/?)\s*>", re.IGNORECASE)
_SWITCH = re.compile(r"__[A-Z]{3,}__")
_INCLUDE_ONLY = re.compile(r"<includeonly\s*>.*?(?:</includeonly\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_INCLUSION_TAG = re.compile(r"<\s*/?\s*(?:noinclude|onlyinclude|includeonly)\s*/?\s*>", re.IGNORECASE)


def strip_comments(text: str) -> str:
    """Remove ``<!-- ... -->``; an unclosed ``<!--`` is removed alone (it hides nothing)."""
    if "<!--" not in text:
        return text
    out: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        out.append(text[pos:start])
        end = text.find("-->", start + 4)
        pos = start + 4 if end < 0 else end + 3
    out.append(text[pos:])
    return "".join(out)


def strip_refs(text: str) -> str:
    """Remove ``<ref>``s, balance-aware: an opening tag pairs with the next closing tag
    only when no other ``<ref>`` opens (or heading starts) between them; an unclosed
    ``<ref>`` or a stray ``</ref>`` is removed alone, so it never swallows the text after it."""
    if "<ref" not in text and "<REF" not in text and "<Ref" not in text:
        return text
    cuts: list[tuple[int, int]] = []
    open_at: re.Match[str] | None = None
    for m in _REF_TAG.finditer(text):
        closing, self_closing = m.group(1) == "/", m.group(3) == "/"
        if closing and m.group(2).strip():  # "</ref name=x>": a broken tag, not a closing one
            cuts.append(m.span())
            continue
        if self_closing and not closing:
            if open_at is None:
                cuts.append(m.span())
            continue
        if not closing:
            if open_at is not None:
                cuts.append(open_at.span())  # the previous one never closed
            open_at = m
        elif open_at is not None and "\n=" not in text[open_at.end() : m.start()]:
            cuts.append((open_at.start(), m.end()))
            open_at = None
        else:
            if open_at is not None:
                cuts.append(open_at.span())
                open_at = None
            cuts.append(m.span())
    if open_at is not None:
        cuts.append(open_at.span())
    cuts.sort()
    out: list[str] = []
    pos = 0
    for start, end in cuts:
        out.append(text[pos:start])
        pos = max(pos, end)
    out.append(text[pos:])
    return "".join(out)


def strip_inclusion(text: str) -> str:
    """The page as its own readers see it, not as another page that includes it:
    ``<includeonly>...</includeonly>`` goes (an unclosed one to the end, as MediaWiki
    does), the ``<noinclude>`` and ``<onlyinclude>`` tags go and what they hold stays
    (vi "Chia cắt Ấn Độ" ended its lead with a stray "</onlyinclude>")."""
    if "include" not in text and "INCLUDE" not in text:
        return text
    return _INCLUSION_TAG.sub("", _INCLUDE_ONLY.sub("", text))


def preclean(wikitext: str) -> str:
    """Remove what never reaches a reader before the (slower) real parse: comments,
    inclusion tags, refs and behaviour switches (balance-aware: see strip_comments and
    strip_refs)."""
    text = strip_refs(strip_inclusion(strip_comments(wikitext)))
    if "__" in text:
        text = _SWITCH.sub("", text)
    return text


_TABLE_EDGE = re.compile(r"^[ \t:]*(\{\||\|\})", re.MULTILINE)
_TABLE_LINE = re.compile(r"[ \t:]*(?:[|!]|\{\|)")


def split_tables(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_table) in order. A table is ``{| ... |}`` at line
    starts with nested ones inside it; one that would cut a template in two stays in
    the text for the parser, and one inside a template's parameter or a link (a
    picture's caption holding a legend) is removed there
    (it cannot stand as a block). An unclosed ``{|`` takes only its own rows: the
    lines up to the first blank line followed by a line that is not table markup."""
    if "{|" not in text:
        return [(text, False)]
    pieces: list[tuple[str, bool]] = []
    kept: list[str] = []  # text since the last block table
    pos = depth = start = 0

    def cut(table_start: int, table_end: int) -> None:
        kept.append(text[pos:table_start])
        before = "".join(kept)
        paragraph = before[before.rfind("\n\n") + 1 :]  # a link never spans a blank line
        if before.count("{{") > before.count("}}") or paragraph.count("[[") > paragraph.count("]]"):
            return  # inside a template or a link (a picture's caption): removed in place
        pieces.append((before, False))
        pieces.append((text[table_start:table_end], True))
        kept.clear()

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
                    cut(start, m.end())
                    pos = m.end()
    if depth and start >= pos:
        end = _unclosed_table_end(text, start)
        cut(start, end)
        pos = end
    kept.append(text[pos:])
    pieces.append(("".join(kept), False))
    return [p for p in pieces if p[0]]


def _unclosed_table_end(text: str, start: int) -> int:
    lines = text[start:].split("\n")
    offset = start
    blank = False
    for i, line in enumerate(lines):
        if i and blank and line.strip() and not _TABLE_LINE.match(line):
            return offset
        blank = not line.strip()
        offset += len(line) + 1
    return len(text)


def drop_tables(text: str) -> str:
    """``text`` without its tables (see split_tables): for measures that read only prose."""
    return "".join(piece for piece, is_table in split_tables(text) if not is_table)


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
    ctx = new_context(lang=raw.lang, title=raw.title, site=raw.site, timestamp=raw.timestamp)
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
        ctx.in_lead = chunk.level == 0
        paragraphs = _section_blocks(chunk.body, ctx)
        if chunk.level and is_bibliography(paragraphs):
            ctx.stats["bibliographies_dropped"] += 1
            paragraphs = ()
        paragraphs = without_bibliography_lines(paragraphs, ctx)
        if chunk.level and is_see_also(title, raw.lang):
            see_also.extend(_links_of(paragraphs))
            continue
        paragraphs = _dedupe(paragraphs, seen, ctx)
        if chunk.level == 0:
            lead = paragraphs
        else:
            flat.append((chunk.level, title, paragraphs))
    if not see_also and flat and _trailing_link_list(flat):
        see_also.extend(_links_of(flat.pop()[2]))
        ctx.stats["see_also_by_shape"] += 1
    stats = dict(ctx.stats)
    stats["templates_unknown_names"] = len(ctx.unknown_templates)
    return guard(Article(
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
    )), ctx


def _trailing_link_list(flat: list[tuple[int, str, tuple[Text, ...]]]) -> bool:
    """The page's last section is a top-level one holding only a list of internal links."""
    level, _, paragraphs = flat[-1]
    return level == min(lv for lv, _, _ in flat) and is_link_list(paragraphs)


def _heading_text(title: str, ctx: ParseContext) -> str:
    if not any(c in title for c in "[{<'&"):
        return title.strip()
    return plain(mwparserfromhell.parse(title), ctx)


def _collect_prefixed_links(body: str, ctx: ParseContext) -> None:
    """Categories and language links in a section we do not parse."""
    for m in _PREFIXED_LINK.finditer(body):
        kind = names.namespace_kind(m.group(1), ctx.lang, ctx.site)
        if kind == "category":
            ctx.categories.append(normalise_title(m.group(2)))
        elif kind == "language":
            ctx.language_links.append(LanguageLink(m.group(1).strip().lower(), m.group(2).strip()))


_LIST_MARKUP = {"*": "li", "#": "li", ":": "p", ";": "p"}


def _section_blocks(body: str, ctx: ParseContext) -> tuple[Text, ...]:
    """Paragraphs, list items and tables of one section's body, in order."""
    out: list[Text] = []
    for piece, is_table in split_tables(body):
        if is_table:
            _add_table(out, table_blocks(piece, ctx), ctx)
        else:
            out.extend(_blocks(piece, ctx))
    _add_table(out, (), ctx)  # a colon at the end of a section leads into nothing
    return tuple(out)


def _add_table(out: list[Text], table: tuple[Text, ...], ctx: ParseContext) -> None:
    """Add a table's blocks; when it shows nothing, the sentence that led into it goes too."""
    if not table and out and out[-1].kind == "p" and out[-1].text.rstrip().endswith(":"):
        rest = without_last_sentence(out.pop())
        if rest is not None:
            out.append(rest)
        ctx.stats["lead_ins_dropped"] += 1
    out.extend(table)


def _blocks(body: str, ctx: ParseContext) -> tuple[Text, ...]:
    """Paragraphs and list items of one section's body. Its plain paragraphs
    (``prose.body_units``) are read from their text as the nodes they are made of."""
    if not body.strip():
        return ()
    units = body_units(body)
    nodes: list = units if units is not None else mwparserfromhell.parse(body, skip_style_tags=True).nodes
    out: list[Text] = []
    cur = TextBuilder()
    kind = "p"
    depth = 0  # list markers at the start of the current line, less one ("**": 1)
    after_marker = False
    line_mark = 0  # len(cur.pieces) at the start of the current line
    term = False  # the line is a ";" term: it ends at its line, not glued to the text under it

    def flush() -> None:
        nonlocal cur, line_mark
        if not cur.is_blank():
            t = cur.build(kind)
            if kind == "li" and depth:
                t = replace(t, depth=depth)
            if is_hatnote(t):
                ctx.stats["hatnotes_dropped"] += 1
            elif t.text and _HAS_WORD.search(t.text):
                out.append(t)
        cur = TextBuilder()
        line_mark = 0

    def text(value: str) -> None:
        """A run of text (as ``text_value`` reads it): one line at a time."""
        nonlocal kind, line_mark, term
        lines = value.split("\n")
        cur.add(lines[0])
        for line in lines[1:]:
            blank = cur.is_blank(line_mark)
            if kind == "li" or blank or term:
                flush()
                kind, term = "p", False
            else:
                cur.add(" ")
            line_mark = len(cur.pieces)
            cur.add(line)

    def list_marker(markup: str) -> None:
        """A list marker's node: a new item, or one level deeper right after another."""
        nonlocal kind, depth, after_marker, term
        if after_marker:  # "**", "*#": one level deeper
            depth += 1
            kind = _LIST_MARKUP[markup] if kind != "li" else kind
            return
        after_marker = True
        flush()
        kind, term = _LIST_MARKUP[markup], markup == ";"
        depth = 0

    for node in nodes:
        if type(node) is str or type(node) is Templated:  # a plain paragraph: the nodes plain_nodes would make
            templates = iter(node.templates) if isinstance(node, Templated) else None
            for what, value, label in plain_tokens(node.text if isinstance(node, Templated) else node):
                if what == "marks":
                    for mark in value:
                        list_marker(mark)
                    continue
                after_marker = False
                if what == "text":
                    text(strip_quotes(value))
                elif what == "link":
                    plain_link(value, label, cur)
                elif what == "template" and templates is not None:  # its node, rendered as below
                    render_nodes((next(templates),), cur, ctx)
                else:  # a link with ":" or an entity: rendered from its node, as below
                    render_nodes((wikilink(value, label) if what == "nslink" else entity(value),), cur, ctx)
            continue
        markup = str(node.wiki_markup) if isinstance(node, Tag) and node.wiki_markup else ""
        if markup in _LIST_MARKUP and isinstance(node, Tag) and str(node.tag) in ("li", "dt", "dd"):
            list_marker(markup)
            continue
        after_marker = False
        if isinstance(node, TextNode):
            text(text_value(node.value))
        elif isinstance(node, Tag) and str(node.tag) == "hr":
            flush()
        elif isinstance(node, Tag) and node.wiki_markup == "{|":
            flush()
            _add_table(out, table_blocks(str(node), ctx), ctx)
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
