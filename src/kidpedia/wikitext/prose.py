"""Paragraphs of plain prose read without mwparserfromhell: the nodes it would make.

``parse._blocks`` turns a section's body into paragraphs from the nodes of
``mwparserfromhell.parse(body, skip_style_tags=True)``. Most of the text of the
ja/uk/vi/el 2023 dumps' bodies is in paragraphs (runs between blank lines) holding
nothing but words, wiki links of one run of text (no markup inside), HTML entities
and list markers at line starts, where mwparserfromhell's tokenizer and tree builder
cost a third of ``_blocks``' time. ``body_nodes(body)`` makes those paragraphs' nodes
with one regex (``Text``, ``Wikilink``, ``HTMLEntity``, the ``Tag`` of each list marker,
as its builder makes them) and parses the rest with mwparserfromhell as before, run by
run between them.

A paragraph that would be plain but for its templates (``{{...}}`` outside its links,
each closed in it) is read the same way with each template parsed alone (``Templated``):
mwparserfromhell reads a template that opens where nothing else is open from its
``{{`` to its ``}}`` whatever stands around it, so where the template's wikitext alone
parses to that one node, the paragraph's parse holds the same node there.

An entity is what mwparserfromhell's tokenizer reads from an ``&`` up to the first
``;``: a name it knows or a number, in letters and digits only (any other character
before the ``;`` and it gives up, the ``&`` is text and it reads on from the next
character). So each ``&#?[0-9A-Za-z]*;`` is parsed alone (once per string: ``entity``),
and is an entity where it gives one; every other ``&`` is text, as there.

The same nodes, once adjacent runs of text are joined: a run of text is cut only at a
blank line between paragraphs, where ``_blocks`` reads it line by line either way. A
paragraph is cut from the text before it only when nothing there can still be open
(no ``<``, no table, its brackets ``[ ]`` and braces ``{ }`` closed in order), so no
template, tag or link reaches across the cut. Anything else plain prose could hold
(a tag, a heading or ``;`` line, ``----``, a bare external link or its scheme, an
``&`` inside a link) sends the paragraph to mwparserfromhell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import mwparserfromhell
from mwparserfromhell.definitions import URI_SCHEMES
from mwparserfromhell.nodes import HTMLEntity, Node, Template, Text, Wikilink

from kidpedia.wikitext.mwfast import _code, _new_node, _tag

# A link mwparserfromhell reads as title and label, each one run of text (a title with
# ":", a namespace, a file or a language link, is rendered from its node: ``wikilink``).
# (No HOLE inside: a template in a link is rendered from the link's node.)
_LINK = re.compile(r"\[\[([^\[\]{}<>|\n\x00]+)(?:(\|)([^\[\]{}<>\n\x00]*))?\]\]")
# List markers at a line's start; ";" among them (a term, whose line a ":" may cut) is not plain.
_MARKERS = re.compile(r"(?m)^[*#:]+")
# What the tokenizer may read as an entity: "&", "#" for a number, letters and digits, ";".
_ENTITY = re.compile(r"&#?[0-9A-Za-z]*;")
# Where a template stood in a Templated paragraph's text (NUL: never in a dump's XML text).
HOLE = "\x00"
_LINK_OR_MARKERS = re.compile(_LINK.pattern + r"|(?m:^([*#:]+))|" + _ENTITY.pattern + "|" + HOLE)
# What plain prose never holds outside its links (templates, tags, external links,
# tables), and at a line's start (a heading, a term, a rule). Each scan opens with a
# character or a class, which the regex engine looks for in C.
_NOT_PLAIN_CHAR = re.compile(r"[{}<>\[\]]")
_NOT_PLAIN_LINE = re.compile(r"\n(?:[*#:]*;|=|----)")
_NOT_PLAIN_FIRST_LINE = re.compile(r"[*#:]*;|=|----")
# What the wikitext of every external link holds, in a link's label too: "//", or a
# scheme written without slashes and its colon ("mailto:"), any case.
_SCHEME_COLON = re.compile(
    ":(?:" + "|".join(f"(?<=(?i:{re.escape(s)}):)" for s, slashes in sorted(URI_SCHEMES.items()) if not slashes) + ")"
)
_MARKER_TAG = {"*": "li", "#": "li", ":": "dd"}
_BRACKETS = re.compile(r"[\[\]{}]")
_PARAGRAPH_BREAK = "\n\n"


def is_plain(paragraph: str) -> bool:
    """Words, plain links, entities and list markers only (see the module's note)."""
    if "//" in paragraph or (":" in paragraph and _SCHEME_COLON.search(paragraph)):
        return False
    rest = _LINK.sub("", paragraph) if "[" in paragraph else paragraph
    if "&" in paragraph and rest.count("&") != paragraph.count("&"):
        return False  # an "&" in a link: its title or label may hold an entity's node
    return (_NOT_PLAIN_CHAR.search(rest) is None and _NOT_PLAIN_LINE.search(rest) is None
            and _NOT_PLAIN_FIRST_LINE.match(rest) is None)


class Templated:
    """A paragraph plain but for its templates (see the module's note): ``text``, the
    paragraph with each template's wikitext as one ``HOLE``, and ``templates``, the node
    mwparserfromhell makes of each, in order."""

    __slots__ = ("templates", "text")

    def __init__(self, text: str, templates: list[Template]) -> None:
        self.text = text
        self.templates = templates


_BRACES = re.compile(r"\{\{|\}\}")


def _template_spans(paragraph: str) -> list[tuple[int, int]] | None:
    """Where each outermost ``{{...}}`` of ``paragraph`` starts and ends, its braces
    counted in pairs; None when they do not close in order (or "{{{": an argument)."""
    if "{{{" in paragraph:
        return None
    spans: list[tuple[int, int]] = []
    depth = start = 0
    for m in _BRACES.finditer(paragraph):
        if m.group() == "{{":
            if not depth:
                start = m.start()
            depth += 1
        elif not depth:
            return None
        else:
            depth -= 1
            if not depth:
                spans.append((start, m.end()))
    return spans if spans and not depth else None


def _template(wikitext: str) -> Template | None:
    """The one Template node mwparserfromhell makes of ``wikitext``, or None."""
    nodes = mwparserfromhell.parse(wikitext, skip_style_tags=True).nodes
    return nodes[0] if len(nodes) == 1 and type(nodes[0]) is Template else None


def plain_unit(paragraph: str) -> str | Templated | None:
    """``paragraph`` when it is plain, a ``Templated`` when it is plain but for its
    templates, else None (the parser reads it)."""
    if is_plain(paragraph):
        return paragraph
    if "{{" not in paragraph or HOLE in paragraph:
        return None
    spans = _template_spans(paragraph)
    if spans is None:
        return None
    pieces, pos = [], 0
    for start, end in spans:
        pieces += [paragraph[pos:start], HOLE]
        pos = end
    text = "".join(pieces) + paragraph[pos:]
    if not is_plain(text):
        return None
    templates = []
    for start, end in spans:
        node = _template(paragraph[start:end])
        if node is None:
            return None
        templates.append(node)
    return Templated(text, templates)


@lru_cache(maxsize=1024)
def _entity_node(candidate: str) -> HTMLEntity | None:
    nodes = mwparserfromhell.parse(candidate).nodes
    return nodes[0] if len(nodes) == 1 and isinstance(nodes[0], HTMLEntity) else None


def entity(candidate: str) -> HTMLEntity | None:
    """A new copy of the entity node mwparserfromhell makes of ``candidate`` (an ``_ENTITY``
    match, "&" to ";"), or None where it reads it as text (see the module's note)."""
    node = _entity_node(candidate)
    if node is None:
        return None
    copy = _new_node(HTMLEntity)
    copy.__dict__.update(vars(node))
    return copy


def is_entity(candidate: str) -> bool:
    """``entity(candidate)`` is not None (asked of each ``_ENTITY`` match of a paragraph)."""
    return _entity_node(candidate) is not None


def _text(value: str) -> Text:
    node = _new_node(Text)
    node._value = value
    return node


def _marker(mark: str) -> Node:
    return _tag(_code([_text(_MARKER_TAG[mark])]), None, [], mark, True, False, False, "", None, None, mark)


def wikilink(title: str, label: str | None) -> Wikilink:
    """The node mwparserfromhell makes of a ``_LINK`` match: its title and label (None
    without a "|"), each one run of text."""
    link = _new_node(Wikilink)
    link._title = _code([_text(title)])
    link._text = None if label is None else _code([_text(label)] if label else [])
    return link


def plain_nodes(paragraph: str | Templated) -> list[Node]:
    """The nodes of a plain paragraph (``plain_unit``), as mwparserfromhell makes them."""
    out: list[Node] = []
    templates = iter(paragraph.templates) if isinstance(paragraph, Templated) else iter(())
    for what, value, label in plain_tokens(paragraph.text if isinstance(paragraph, Templated) else paragraph):
        if what == "template":
            out.append(next(templates))
        elif what == "marks":
            out.extend(_marker(c) for c in value)
        elif what == "text":
            out.append(_text(value))
        elif what == "entity":
            node = entity(value)
            assert node is not None
            out.append(node)
        else:
            out.append(wikilink(value, label))
    return out


class _Open:
    """Whether wikitext read so far may hold something still open: a ``<``, a table,
    or a bracket or brace not yet closed (or closed before it opened)."""

    __slots__ = ("curly", "spoilt", "square")

    def __init__(self) -> None:
        self.square = self.curly = 0
        self.spoilt = False

    def read(self, text: str) -> None:
        if self.spoilt:
            return
        if "<" in text or "{|" in text:
            self.spoilt = True
            return
        if "[" not in text and "]" not in text and "{" not in text and "}" not in text:
            return
        for m in _BRACKETS.finditer(text):
            c = m.group()
            if c == "[":
                self.square += 1
            elif c == "{":
                self.curly += 1
            elif c == "]":
                self.square -= 1
            else:
                self.curly -= 1
            if self.square < 0 or self.curly < 0:
                self.spoilt = True
                return

    def closed(self) -> bool:
        return not self.spoilt and self.square == 0 and self.curly == 0


def plain_tokens(paragraph: str) -> Iterator[tuple[str, str, str | None]]:
    """The nodes of a plain paragraph as (kind, value, label): ("text", run, None),
    ("link", title, label or None when it has no "|") of a title without ":",
    ("nslink", title, label) of one with ":" (a namespace, a file, another wiki),
    ("entity", its wikitext, None), ("marks", the markers, None), ("template", HOLE, None)."""
    pos = 0
    for m in _LINK_OR_MARKERS.finditer(paragraph):
        title, marks, found = m.group(1), m.group(4), m.group()
        if title is None and marks is None and found != HOLE and not is_entity(found):
            continue  # an "&" the tokenizer reads as text: the run of text goes on
        if m.start() > pos:
            yield "text", paragraph[pos : m.start()], None
        if title is not None:
            yield ("nslink" if ":" in title else "link"), title, (m.group(3) if m.group(2) is not None else None)
        elif marks is not None:
            yield "marks", marks, None
        elif found == HOLE:
            yield "template", found, None
        else:
            yield "entity", found, None
        pos = m.end()
    if pos < len(paragraph):
        yield "text", paragraph[pos:], None


def _parsed(paragraphs: list[str]) -> list[Node]:
    return list(mwparserfromhell.parse(_PARAGRAPH_BREAK.join(paragraphs), skip_style_tags=True).nodes)


def body_units(body: str) -> list[Node | str | Templated] | None:
    """``body`` as nodes and plain paragraphs (each a string or a ``Templated``, to be
    read as the nodes ``plain_nodes`` makes of it), or None when no paragraph of it is
    plain (the caller parses it whole, as before). See the module's note."""
    paragraphs = body.split(_PARAGRAPH_BREAK)
    plain = [plain_unit(p) for p in paragraphs]
    if all(unit is None for unit in plain):
        return None
    out: list[Node | str | Templated] = []
    pending: list[str] = []  # paragraphs parsed together by mwparserfromhell
    state = _Open()
    for i, (paragraph, unit) in enumerate(zip(paragraphs, plain, strict=True)):
        if unit is not None and (not pending or state.closed()):
            if pending:
                out.extend(_parsed(pending))
                pending, state = [], _Open()
            if i:
                out.append(_text(_PARAGRAPH_BREAK))
            if paragraph:
                out.append(unit)
        else:
            if i and not pending:
                out.append(_text(_PARAGRAPH_BREAK))
            pending.append(paragraph)
            state.read(paragraph)
    if pending:
        out.extend(_parsed(pending))
    return out


def body_nodes(body: str) -> list[Node] | None:
    """The nodes of ``body``: ``body_units`` with each plain paragraph's nodes made."""
    units = body_units(body)
    if units is None:
        return None
    out: list[Node] = []
    for unit in units:
        if isinstance(unit, str | Templated):
            out.extend(plain_nodes(unit))
        else:
            out.append(unit)
    return out
