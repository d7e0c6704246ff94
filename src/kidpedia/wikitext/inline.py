"""Inline rendering: mwparserfromhell nodes -> plain text with links (model.Text).

``TextBuilder`` collects pieces of text and links; ``render_nodes`` walks nodes and
writes what a reader sees into it: bold/italics become plain text, wiki links stay
links, external links keep their label, references, comments and file markup go
(images are kept as metadata in the ParseContext), templates go to the renderer the
context carries (``ParseContext.render_template``; this module never imports
``templates``).
"""

from __future__ import annotations

import datetime
import html
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Wikilink,
)
from mwparserfromhell.nodes import (
    Text as TextNode,
)
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

from kidpedia.model import Image, LanguageLink, LinkSpan, QuickFacts, SiteInfo, Text, new_text
from kidpedia.titles import normalise_title
from kidpedia.wikitext import names
from kidpedia.wikitext.scripts import chem_text, math_text, subscript, superscript

_WS = re.compile(r"\s+")
_WS_NOT_SPACE = re.compile(r"[^\S ]")  # whitespace other than " "

# Marks TextBuilder.build acts on: the sentence holding DROP_SENTENCE goes (a formula
# a reader cannot follow without it); HOLE is where something unrendered was (a
# clause left empty by it goes, and the punctuation around it is mended); the
# parenthesis holding FIGURE goes, or, outside one, its sentence (a figure that cannot
# be known offline: an amount in today's money).
DROP_SENTENCE = "\ue000"
HOLE = "\ue001"
FIGURE = "\ue002"
# "<" that the page writes as text ("&lt;i&gt;", <nowiki><br></nowiki>, {{tag|i}}: a page
# on HTML names its tags): kept as this mark through the parse, so the guard, which
# removes stray tags, does not take "<i>" for one; ``guard.guard`` turns it back into "<".
LITERAL_LT = "\ue003"
_MARKS = re.compile(f"[{DROP_SENTENCE}{HOLE}]")
_DROP_MARK = re.compile(DROP_SENTENCE)
_MARK_AND_SPACE = re.compile(
    f"(?: (?=[{DROP_SENTENCE}{HOLE}]+(?:[\\s,.;:!?)]|$)))?[{DROP_SENTENCE}{HOLE}]+"
)
# Tags whose content a reader never sees in the article body.
DROP_TAGS = frozenset(
    {
        "ref", "references", "gallery", "timeline", "imagemap", "score",
        "syntaxhighlight", "source", "templatestyles", "graph", "mapframe", "maplink",
        "indicator", "categorytree", "inputbox", "hiero", "table",
        "style", "script", "section", "templatedata", "charinsert", "del", "s", "strike",
    }
)
# Tags that break a line when rendered.
BREAK_TAGS = frozenset({"br", "p", "div", "hr"})


TemplateRenderer = Callable[[Template, "TextBuilder", "ParseContext"], None]


@dataclass
class ParseContext:
    """What a parse collects besides text: images, categories, language links, counters."""

    lang: str = "en"
    title: str = ""
    site: SiteInfo | None = None  # the dump's <siteinfo>: its own namespace names
    in_lead: bool = True  # while parsing the part before the first heading
    # The day ages and "years ago" are counted to: the page's revision date, never the
    # clock (the same dump gives the same pages every year); None: not known, no age shown.
    today: datetime.date | None = None
    images: list[Image] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    language_links: list[LanguageLink] = field(default_factory=list)
    stats: Counter[str] = field(default_factory=Counter)
    unknown_templates: Counter[str] = field(default_factory=Counter)
    quick_facts: QuickFacts | None = None  # once an infobox was seen
    # Writes what a reader sees of a template (templates.render_template, given by the
    # caller: see templates.new_context); None drops every template.
    render_template: TemplateRenderer | None = None


class TextBuilder:
    """Accumulates (text, link target or None) pieces; ``build`` normalises whitespace."""

    __slots__ = ("pieces",)

    def __init__(self) -> None:
        self.pieces: list[tuple[str, str | None]] = []

    def add(self, text: str, target: str | None = None) -> None:
        if text:
            self.pieces.append((text, target))

    def add_text(self, built: Text) -> None:
        """Append an already built Text, keeping its links."""
        pos = 0
        for span in built.links:
            self.add(built.text[pos : span.start])
            self.add(built.text[span.start : span.end], span.target)
            pos = span.end
        self.add(built.text[pos:])

    def is_blank(self, start: int = 0) -> bool:
        """No text from piece ``start`` on (a hole left by an unrendered template is no text)."""
        pieces = self.pieces  # (a loop: no copy of the pieces, no generator)
        for i in range(start, len(pieces)):
            if pieces[i][0].strip().strip(HOLE):
                return False
        return True

    def build(self, kind: str = "p") -> Text:
        out: list[str] = []
        links: list[LinkSpan] = []
        length = 0
        pending_space = False
        for raw, target in self.pieces:
            if raw.isascii():
                plain_spaces = not ("\n" in raw or "\t" in raw or "  " in raw or "\r" in raw or "\x0b" in raw or "\x0c" in raw)
                piece = raw if plain_spaces else _WS.sub(" ", raw)
            else:
                # one_spaced(raw): its one scan of [^\S ]|"  " as a class and a substring
                piece = raw if "  " not in raw and _WS_NOT_SPACE.search(raw) is None else _WS.sub(" ", raw)
            if not piece:
                continue
            if piece[0] == " ":
                pending_space = True
                piece = piece.lstrip(" ")
            trailing = piece.endswith(" ")
            piece = piece.rstrip(" ")
            if piece:
                if pending_space and length:
                    out.append(" ")
                    length += 1
                pending_space = False
                if target and links and links[-1].end == length and links[-1].target == target:
                    links[-1] = LinkSpan(links[-1].start, length + len(piece), target)
                elif target:
                    links.append(LinkSpan(length, length + len(piece), target))
                out.append(piece)
                length += len(piece)
            if trailing:
                pending_space = True
        text = "".join(out)
        if FIGURE in text:
            text, links = _without_figures(text, links)
        if DROP_SENTENCE in text or HOLE in text:
            text, links = _fill_holes(text, links)
        if "<" in text and _STRAY_TAG.search(text):
            text, links = _cut(text, links, _STRAY_TAG)
        text, links = _tidy_punctuation(text, links)
        return new_text(text, tuple(links), kind)


# Tags the parser left as text (malformed, e.g. "<br/ >"): a browser would not show them.
_STRAY_TAG = re.compile(
    r"</?(?:br|span|div|small|big|sup|sub|center|font|p|i|b|u|s|abbr|ref|references|nowiki|poem"
    r"|blockquote|hr|code|tt|em|strong)\b[^<>]*>",
    re.IGNORECASE,
)


def _cut(text: str, links: list[LinkSpan], pattern: re.Pattern[str]) -> tuple[str, list[LinkSpan]]:
    """Remove every match of ``pattern`` outside links, shifting link offsets."""
    return _remove_matches(text, links, list(pattern.finditer(text)))


_SENTENCE = re.compile(r"(?s).+?(?:[.!?][\"”’)]*(?=\s+\S|\s*$)|[。！？]|$)\s*")
_EMPTY_LIST = re.compile(HOLE + r"(?:\s*[,;]\s*(?:(?:and|or)\s+)?" + HOLE + ")+")
_HOLE_RUN = re.compile(HOLE + r"(?:\s*" + HOLE + ")+")
# Holes opening a parenthesis ("(/eɪ/; /a/, born 1879)"), or filling it: they go with their separators.
_EMPTY_PARENS_HOLES = re.compile(
    r" ?\(\s*" + HOLE + r"(?:\s*[,;]\s*" + HOLE + r")*\s*\)"
    r"|(?<=\()\s*" + HOLE + r"(?:\s*[,;]\s*" + HOLE + r")*\s*[,;]\s*"
)
_EMPTY_CLAUSE = re.compile(
    r"(?<=\()\s*([^(),;" + HOLE + r"]{0,40}?)" + HOLE + r"\s*[,;]\s*"
    r"|(?<=[,;])\s*([^(),;" + HOLE + r"]{0,40}?)" + HOLE + r"\s*(?=[),;])"
)


def _without_figures(text: str, links: list[LinkSpan]) -> tuple[str, list[LinkSpan]]:
    """Each FIGURE's parenthesis goes (with the space before it); a FIGURE outside any
    parenthesis becomes DROP_SENTENCE."""
    cuts: list[tuple[int, int]] = []
    for m in re.finditer(FIGURE, text):
        depth, start = 0, -1
        for i in range(m.start() - 1, -1, -1):
            if text[i] == ")":
                depth += 1
            elif text[i] == "(":
                if not depth:
                    start = i
                    break
                depth -= 1
        end = _closing(text, m.end()) if start >= 0 else -1
        if end < 0:
            continue
        cuts.append((start - 1 if start and text[start - 1] == " " else start, end + 1))
    if cuts:
        text, links = cut_ranges(text, links, _merge(cuts))
    return text.replace(FIGURE, DROP_SENTENCE), links


def _closing(text: str, at: int) -> int:
    """Where the parenthesis open at ``at`` closes, or -1."""
    depth = 0
    for i in range(at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            if not depth:
                return i
            depth -= 1
    return -1


def _sentences_holding(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    for m in _SENTENCE.finditer(text):
        if m.end() > m.start() and pattern.search(m.group()):
            spans.append((m.start(), m.end()))
    return spans


def _fill_holes(text: str, links: list[LinkSpan]) -> tuple[str, list[LinkSpan]]:
    """Act on the marks: drop sentences with an unreadable formula or an emptied list
    ("such as , , and"), drop a short clause left empty ("(named , plural As)"),
    then remove the marks."""
    if _HOLE_RUN.search(text):  # holes side by side are one hole
        text, links = cut_ranges(text, links, [(m.start() + 1, m.end()) for m in _HOLE_RUN.finditer(text)])
    if _EMPTY_PARENS_HOLES.search(text):
        text, links = cut_ranges(text, links, [m.span() for m in _EMPTY_PARENS_HOLES.finditer(text)])
    doomed = _sentences_holding(text, _DROP_MARK) + _sentences_holding(text, _EMPTY_LIST)
    if doomed:
        text, links = cut_ranges(text, links, _merge(doomed))
    clauses = []
    for m in _EMPTY_CLAUSE.finditer(text):
        before = (m.group(1) or m.group(2) or "").strip()
        lead_in = len(before.split()) <= 3 and before.isascii() and before == before.lower()  # "named", "drawing on"
        if lead_in or before.endswith(":"):
            clauses.append((m.start(), m.end()))
    if clauses:
        text, links = cut_ranges(text, links, _merge(clauses))
    return _remove_matches(text, links, list(_MARK_AND_SPACE.finditer(text)))


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def cut_ranges(text: str, links: list[LinkSpan] | tuple[LinkSpan, ...], ranges: list[tuple[int, int]]
               ) -> tuple[str, list[LinkSpan]]:
    """``text`` without the (sorted, disjoint) ranges; links inside them go, the others move."""
    pieces: list[str] = []
    pos = 0
    for start, end in ranges:
        pieces.append(text[pos:start])
        pos = end
    pieces.append(text[pos:])

    def moved(i: int) -> int:
        return i - sum(min(end, i) - start for start, end in ranges if start < i)

    kept = [s for s in links if not any(a < s.end and s.start < b for a, b in ranges)]
    return "".join(pieces), [LinkSpan(moved(s.start), moved(s.end), s.target) for s in kept]


_SPACE_BEFORE_PUNCT = re.compile(
    r"(?<=\.) *,+ *\.(?![.\w])|(?<=\()[\s,;:]+|(?<=\[) +| +(?=[,;:!?)\]]|\.(?![^\W_]))|(?<=\.) +(?=\.)|(?<=\w)[,;:]+(?=\))"
    r"|(?<=,)(?:\s*,)+|[\s,;]+(?=\))|(?<!\.),+ *(?=\.(?![.\w]))"
)
_EMPTY_PARENS = re.compile(r"\s*\((?:[\s,;:]|\bor\b)*\)")
# _EMPTY_PARENS without its leading spaces: it matches where _EMPTY_PARENS does, and its
# scan jumps from one "(" to the next (the spaces made it try every space of a text).
_MAYBE_EMPTY_PARENS = re.compile(r"\((?:[\s,;:]|\bor\b)*\)")
# What every match of _SPACE_BEFORE_PUNCT holds, alternative by alternative: "," between
# two "." ("Union. {{OCLC|…}},." -> "Union."); "(" then a space or , ; :; "[ "; a space
# before , . ; : ! ? ) ] (not before "." and a letter or digit: ".NET", ".79"); a space
# between two "." (". . .we"); , ; : or a space before ")"; ", ,"; "," before "." ("minutes,
# {{OCLC|…}}." -> "minutes.", not before "..." or ".NET"). One
# cheap scan: nearly every text (even with parentheses) has none.
# Written as one class of the punctuation each alternative holds, then what stands
# before or after it (a space or "(" "[" ","): a search true where the alternatives'
# is, and its scan stops only at punctuation (3x faster than at each position or space).
_MAYBE_SPACE_BEFORE_PUNCT = re.compile(
    r"[(\[,.;:!?)\]](?:(?<=\()[\s,;:]|(?<=\[) |(?<= [,.;:!?)\]])|(?<=[\s,;:]\))|(?<=,)\s*,|(?<=,)(?=\.))"
)


def _tidy_punctuation(text: str, links: list[LinkSpan]) -> tuple[str, list[LinkSpan]]:
    """Remove spaces left before punctuation and empty "( )" left by dropped templates."""
    if " " in text or "(" in text:
        if "(" in text and _MAYBE_EMPTY_PARENS.search(text):
            matches = list(_EMPTY_PARENS.finditer(text))
            if matches:
                text, links = _remove_matches(text, links, matches)
        if _MAYBE_SPACE_BEFORE_PUNCT.search(text):
            matches = list(_SPACE_BEFORE_PUNCT.finditer(text))
            if matches:
                text, links = _remove_matches(text, links, matches)
    lead = len(text) - len(text.lstrip())
    if lead:  # a cut at the start (a hole) can leave a space there
        links = [LinkSpan(s.start - lead, s.end - lead, s.target) for s in links]
    return text.strip(), links


def _remove_matches(
    text: str, links: list[LinkSpan], matches: list[re.Match[str]]
) -> tuple[str, list[LinkSpan]]:
    keep: list[str] = []
    removed: list[tuple[int, int]] = []  # (end of a cut, characters cut up to there)
    pos = total = 0
    for m in matches:
        if any(s.start < m.end() and m.start() < s.end for s in links):
            continue  # never cut into a link's text
        keep.append(text[pos : m.start()])
        total += m.end() - m.start()
        removed.append((m.end(), total))
        pos = m.end()
    if not removed:
        return text, links
    keep.append(text[pos:])

    def shift(i: int) -> int:
        d = 0
        for end, tot in removed:
            if end > i:
                break
            d = tot
        return i - d

    return "".join(keep), [LinkSpan(shift(s.start), shift(s.end), s.target) for s in links]


_QUOTES = re.compile(r"'{2,}")


def strip_quotes(text: str) -> str:
    """Drop bold/italic quote runs ('' '') left as text by a parse without style tags."""
    return _QUOTES.sub("", text) if "''" in text else text


def text_value(raw: str) -> str:
    """What a reader sees of a run of plain wikitext: no quote runs, bracketed links as their label."""
    value = strip_quotes(raw)
    return _BRACKET_LINK.sub(r"\1", value) if "[" in value else value


def code_text(code: Wikicode) -> str:
    """``str(code)``; at once for the commonest code, one run of text (a tag's name, a
    link's title: about 600,000 a build of the 2023 dumps)."""
    only = only_text(code.nodes)
    return only.value if only is not None else str(code)


_item = list.__getitem__


def only_text(nodes: list) -> TextNode | None:
    """The one node of ``nodes`` when it is a run of text, else None. A SmartList's item
    is read with list's own ``__getitem__`` (SmartList's, in Python, only adds slices:
    1.3% of a ja/uk/vi/el build's py-spy samples went to it from here)."""
    if len(nodes) != 1:
        return None
    first = _item(nodes, 0) if type(nodes) is SmartList else nodes[0]
    return first if type(first) is TextNode else None


def plain(code: Wikicode | str | None, ctx: ParseContext) -> str:
    """Render to plain text without links (labels, parameter names, captions)."""
    if code is None:
        return ""
    if isinstance(code, str):
        return _WS.sub(" ", code).strip()
    b = TextBuilder()
    render_nodes(code.nodes, b, ctx)
    return b.build().text


def rich(code: Wikicode | None, ctx: ParseContext) -> Text:
    """Render to a Text that keeps links."""
    b = TextBuilder()
    if code is not None:
        render_nodes(code.nodes, b, ctx)
    return b.build()


def render_nodes(nodes: Iterable[object], out: TextBuilder, ctx: ParseContext) -> None:
    for node in nodes:
        if isinstance(node, TextNode):
            out.add(text_value(node.value))
        elif isinstance(node, Wikilink):
            _render_wikilink(node, out, ctx)
        elif isinstance(node, Template):
            unknown = ctx.stats["templates_unknown"]
            if ctx.render_template is not None:
                ctx.render_template(node, out, ctx)
            else:
                ctx.stats["templates_unrendered"] += 1
            if ctx.stats["templates_unknown"] > unknown:
                out.add(HOLE)
        elif isinstance(node, Tag):
            _render_tag(node, out, ctx)
        elif isinstance(node, HTMLEntity):
            out.add(literal(_entity(node), ctx))
        elif isinstance(node, ExternalLink):
            if node.title is not None:
                render_nodes(node.title.nodes, out, ctx)
            ctx.stats["external_links"] += 1
        elif isinstance(node, Argument):
            if node.default is not None:
                render_nodes(node.default.nodes, out, ctx)
        elif isinstance(node, (Comment, Heading)):
            continue


_PARSOID_ID = re.compile(r"""<[^<>]*\s(?:id=["']?mw[\w-]*|data-mw|typeof=["']?mw:|about=["']?#mwt)""")


def literal(text: str, ctx: ParseContext) -> str:
    """``text`` as the page writes it, its "<" marked (``LITERAL_LT``) and counted."""
    if "<" not in text:
        return text
    ctx.stats["literal_lt"] += text.count("<")
    return text.replace("<", LITERAL_LT)


def _entity(node: HTMLEntity) -> str:
    try:
        value = node.normalize()
    except ValueError:
        return ""
    return " " if value in ("\xa0", "\u2009", "\u202f") else value


def _render_tag(node: Tag, out: TextBuilder, ctx: ParseContext) -> None:
    tag = code_text(node.tag).strip().lower()
    if tag in DROP_TAGS:
        if tag == "ref":
            ctx.stats["refs"] += 1
        return
    if tag in BREAK_TAGS:
        out.add(" ")
        if node.contents is not None and not node.self_closing:
            render_nodes(node.contents.nodes, out, ctx)
            out.add(" ")
        return
    if tag in ("math", "chem", "ce"):
        _render_formula(node, tag, out, ctx)
        return
    if tag in ("sup", "sub") and node.contents is not None and not node.self_closing:
        _render_script(node, tag, out, ctx)
        return
    if tag == "nowiki":
        if node.contents is not None:
            shown = html.unescape(str(node.contents))
            # tags pasted from a page's HTML (their Parsoid ids: el "Γαλλία"'s
            # <nowiki><i id="mwAiw">...</i></nowiki>) are no text to show: the guard takes them out
            out.add(shown if _PARSOID_ID.search(shown) else literal(shown, ctx))
        return
    if node.self_closing or node.contents is None:
        return
    render_nodes(node.contents.nodes, out, ctx)


# "[javascript:x label]", "[mailto:a@b label]": an external link the parser did not take
# (its scheme is not one it knows) shows its label, as MediaWiki shows any link.
_BRACKET_LINK = re.compile(r"\[(?:[a-z][a-z0-9+.\-]*:|//)[^\s\[\]]+\s+([^\[\]]+)\]", re.IGNORECASE)
_FOOTNOTE_SUP = re.compile(r"\s*\[?(?:[a-z]|\d+|note \d+)\]?\s*", re.IGNORECASE)


def _render_formula(node: Tag, tag: str, out: TextBuilder, ctx: ParseContext) -> None:
    """A simple formula as text; else the sentence that needs it goes (counted)."""
    source = str(node.contents) if node.contents is not None else ""
    text = math_text(source) if tag == "math" else chem_text(source)
    if text:
        out.add(text)
        ctx.stats["formulas_as_text"] += 1
    else:
        out.add(DROP_SENTENCE)
        ctx.stats["formula_sentences_dropped"] += 1


def _render_script(node: Tag, tag: str, out: TextBuilder, ctx: ParseContext) -> None:
    """<sup>2</sup> -> "²", <sub>2</sub> -> "₂" (a link that is the whole of it stays a link:
    "20<sub>[[hexadecimal|16]]</sub>" is "20₁₆", not "2016"); a footnote mark goes; other
    text stays as it is."""
    inner = TextBuilder()
    render_nodes(node.contents.nodes, inner, ctx)
    built = inner.build()
    mapped = superscript(built.text) if tag == "sup" else subscript(built.text)
    if mapped is not None and not built.links:
        out.add(mapped)
    elif mapped is not None and len(built.links) == 1 and built.links[0].start == 0 and \
            built.links[0].end == len(built.text):
        out.add(mapped, built.links[0].target)
    elif tag == "sup" and _FOOTNOTE_SUP.fullmatch(built.text) and not built.links:
        return
    else:
        out.add_text(built)


def _render_wikilink(node: Wikilink, out: TextBuilder, ctx: ParseContext) -> None:
    raw_title = code_text(node.title)
    if "{" in raw_title or "<" in raw_title:
        raw_title = plain(node.title, ctx)
    target = raw_title.strip()
    leading_colon = target.startswith(":")
    if leading_colon:
        target = target[1:].strip()
    prefix, sep, rest = target.partition(":")
    if sep:
        kind = names.namespace_kind(prefix, ctx.lang, ctx.site)
        if kind == "file" and not leading_colon:
            _record_image(node, rest, ctx)
            return
        if kind == "category":
            if not leading_colon:
                ctx.categories.append(normalise_title(rest))
                return
            label = plain(node.text, ctx) if node.text is not None else rest.strip()
            out.add(label)
            return
        if kind == "language" and not leading_colon:
            ctx.language_links.append(LanguageLink(prefix.strip().lower(), rest.strip()))
            return
        if kind in ("other", "file", "language"):
            # Links into other namespaces or wikis are not kids' pages: keep the label only.
            label = plain(node.text, ctx) if node.text is not None else rest.strip()
            out.add(label)
            return
    title = _link_title(target)
    if node.text is not None:
        label_nodes = node.text.nodes
        only = only_text(label_nodes)
        if only is not None:
            label = _label_of_text(only.value)  # the commonest label: one run of text
        else:
            label_builder = TextBuilder()
            render_nodes(label_nodes, label_builder, ctx)
            label = label_builder.build().text
    else:
        label = target.split("#", 1)[0] if not target.startswith("#") else target[1:]
        label = html.unescape(label).replace("_", " ")
    if not title:  # a link to a section of this page: keep the label as text
        out.add(label)
        return
    out.add(label, title)


def plain_link(raw_title: str, label: str | None, out: TextBuilder) -> None:
    """What ``_render_wikilink`` writes of a link whose title is one run of text without
    ":", "{" or "<", and whose label is one run of text, empty (""), or absent (None)."""
    target = raw_title.strip()
    title = _link_title(target)
    if label is None:
        label = target.split("#", 1)[0] if not target.startswith("#") else target[1:]
        label = html.unescape(label).replace("_", " ")
    elif label:
        label = _label_of_text(label)
    out.add(label, title or None)


# A link's target and its label of one run of text, each a pure function of its string: the
# same ones come again and again (a build of the 2023 dumps renders some 370,000 links).
_link_title = lru_cache(maxsize=8192)(normalise_title)


@lru_cache(maxsize=8192)
def _label_of_text(value: str) -> str:
    """What ``render_nodes`` of one text node ``value`` and ``TextBuilder.build`` make of it."""
    b = TextBuilder()
    b.add(text_value(value))
    return b.build().text


def _record_image(node: Wikilink, name: str, ctx: ParseContext) -> None:
    caption = ""
    if node.text is not None:
        # The caption is the last parameter that is not an image option.
        parts = _split_pipes(node.text)
        for part in reversed(parts):
            text = plain(part, ctx) if not isinstance(part, str) else part.strip()
            if text and not names.is_image_option(text, ctx.lang):
                caption = text
                break
    ctx.images.append(Image(normalise_title(name), caption))


def _split_pipes(code: Wikicode) -> list[Wikicode]:
    """Split a link's text at top-level pipes (file links carry options and a caption)."""
    parts: list[list[object]] = [[]]
    for n in code.nodes:
        if isinstance(n, TextNode) and "|" in n.value:
            chunks = n.value.split("|")
            parts[-1].append(TextNode(chunks[0]))
            for c in chunks[1:]:
                parts.append([TextNode(c)])
        else:
            parts[-1].append(n)
    return [Wikicode(SmartList(p)) for p in parts]
