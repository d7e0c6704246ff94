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
from mwparserfromhell.nodes import HTMLEntity, Node, Text, Wikilink

from kidpedia.wikitext.mwfast import _code, _new_node, _tag

# A link mwparserfromhell reads as title and label, each one run of text (a title with
# ":", a namespace, a file or a language link, is rendered from its node: ``wikilink``).
_LINK = re.compile(r"\[\[([^\[\]{}<>|\n]+)(?:(\|)([^\[\]{}<>\n]*))?\]\]")
# List markers at a line's start; ";" among them (a term, whose line a ":" may cut) is not plain.
_MARKERS = re.compile(r"(?m)^[*#:]+")
# What the tokenizer may read as an entity: "&", "#" for a number, letters and digits, ";".
_ENTITY = re.compile(r"&#?[0-9A-Za-z]*;")
_LINK_OR_MARKERS = re.compile(_LINK.pattern + r"|(?m:^([*#:]+))|" + _ENTITY.pattern)
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


def plain_nodes(paragraph: str) -> list[Node]:
    """The nodes of a plain paragraph (``is_plain``), as mwparserfromhell makes them."""
    out: list[Node] = []
    for what, value, label in plain_tokens(paragraph):
        if what == "marks":
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
    ("entity", its wikitext, None), ("marks", the markers, None)."""
    pos = 0
    for m in _LINK_OR_MARKERS.finditer(paragraph):
        title = m.group(1)
        if title is None and m.group(4) is None and not is_entity(m.group()):
            continue  # an "&" the tokenizer reads as text: the run of text goes on
        if m.start() > pos:
            yield "text", paragraph[pos : m.start()], None
        if title is not None:
            yield ("nslink" if ":" in title else "link"), title, (m.group(3) if m.group(2) is not None else None)
        elif m.group(4) is not None:
            yield "marks", m.group(4), None
        else:
            yield "entity", m.group(), None
        pos = m.end()
    if pos < len(paragraph):
        yield "text", paragraph[pos:], None


def _parsed(paragraphs: list[str]) -> list[Node]:
    return list(mwparserfromhell.parse(_PARAGRAPH_BREAK.join(paragraphs), skip_style_tags=True).nodes)


def body_units(body: str) -> list[Node | str] | None:
    """``body`` as nodes and plain paragraphs (each a string, to be read as the nodes
    ``plain_nodes`` makes of it), or None when no paragraph of it is plain (the caller
    parses it whole, as before). See the module's note."""
    paragraphs = body.split(_PARAGRAPH_BREAK)
    plain = [is_plain(p) for p in paragraphs]
    if not any(plain):
        return None
    out: list[Node | str] = []
    pending: list[str] = []  # paragraphs parsed together by mwparserfromhell
    state = _Open()
    for i, (paragraph, simple) in enumerate(zip(paragraphs, plain, strict=True)):
        if simple and (not pending or state.closed()):
            if pending:
                out.extend(_parsed(pending))
                pending, state = [], _Open()
            if i:
                out.append(_text(_PARAGRAPH_BREAK))
            if paragraph:
                out.append(paragraph)
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
        if isinstance(unit, str):
            out.extend(plain_nodes(unit))
        else:
            out.append(unit)
    return out
