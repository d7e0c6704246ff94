"""mwparserfromhell's tree builder without its per-node import cost.

Each node the builder makes (a link, a tag, a template parameter, ...) passes its parts
through ``mwparserfromhell.utils.parse_anything``, which runs four ``from . import``
statements on every call before it looks at its argument: about 1.3 million calls,
some 15% of a build's parse time on the ja/uk/vi/el 2023 dumps (``bench/percore.py``).
Almost every call is given a ``Wikicode`` or a ``Node`` (the builder's own parts);
``install`` puts a ``parse_anything`` into the modules that call it that answers
those two at once and hands anything else to the original, so the trees (and every
output built from them) are the same. The builder's handler for a run of text (the
commonest node, about 1.8 million a build) makes its ``Text`` node directly, as
``Text(value)`` would (``Text.__init__`` only sets the value, as a string).

``build`` is the builder's ``build`` for the tokens of the commonest nodes (text,
wikilinks, tags, templates and their parameters: 97% of the 3.3 million tokens of
those dumps): one loop per node with the token types compared at once, and each node
made with the attributes its constructor's setters would store from the builder's
arguments (``Wikicode`` values, stored as they are), instead of a method call and a
stack push per token and a setter per attribute. Every other token (entities,
external links, headings, comments, arguments, tag attributes) goes to the
builder's own handler, so the tree is the same node for node. Installed when
``kidpedia.wikitext`` is imported.
"""

from __future__ import annotations

import importlib
from typing import Any

from mwparserfromhell import utils as _utils
from mwparserfromhell.nodes import Node, Tag, Template, Text, Wikilink
from mwparserfromhell.nodes.extras import Attribute, Parameter
from mwparserfromhell.parser import ParserError
from mwparserfromhell.parser import builder as _builder
from mwparserfromhell.parser import tokens as _tokens
from mwparserfromhell.smart_list import SmartList
from mwparserfromhell.wikicode import Wikicode

# The modules of mwparserfromhell that call parse_anything (each imported it by name).
_CALLERS = (
    "wikicode",
    "nodes.argument",
    "nodes.external_link",
    "nodes.heading",
    "nodes.tag",
    "nodes.template",
    "nodes.wikilink",
    "nodes.extras.attribute",
    "nodes.extras.parameter",
    "utils",
)

_original = getattr(_utils.parse_anything, "__wrapped__", _utils.parse_anything)


def parse_anything(value: Any, context: int = 0, *, skip_style_tags: bool = False) -> Wikicode:
    """``mwparserfromhell.utils.parse_anything``, with its two common cases first."""
    if isinstance(value, Wikicode):
        return value
    if isinstance(value, Node):
        return _code([value])
    return _original(value, context, skip_style_tags=skip_style_tags)


parse_anything.__wrapped__ = _original  # type: ignore[attr-defined]


_new_node = object.__new__
_original_text_handler = _builder._HANDLERS[_tokens.Text]


def text_handler(builder: object, token: dict[str, Any]) -> Text:
    """The builder's handler for a text token: ``Text(token.text)`` without the calls."""
    node = _new_node(Text)
    node._value = str(token.get("text"))  # what Text.value's setter stores
    return node


_T = _tokens
_TEXT, _LINK_OPEN, _LINK_SEP, _LINK_CLOSE = _T.Text, _T.WikilinkOpen, _T.WikilinkSeparator, _T.WikilinkClose
_TAG_OPEN, _TAG_ATTR, _TAG_CLOSE_OPEN, _TAG_OPEN_CLOSE = _T.TagOpenOpen, _T.TagAttrStart, _T.TagCloseOpen, _T.TagOpenClose
_TAG_SELFCLOSE, _TAG_CLOSE_CLOSE = _T.TagCloseSelfclose, _T.TagCloseClose
_ATTR_EQUALS, _ATTR_QUOTE = _T.TagAttrEquals, _T.TagAttrQuote
_TPL_OPEN, _TPL_SEP, _TPL_EQUALS, _TPL_CLOSE = _T.TemplateOpen, _T.TemplateParamSeparator, _T.TemplateParamEquals, _T.TemplateClose
_original_build = _builder.Builder.build


_new_list, _fill_list = list.__new__, list.__init__


def _smart_list(nodes: list) -> SmartList:
    """``SmartList(nodes)`` without its Python ``__new__`` (which makes the list and sets
    ``_children`` to a new dict; its ``__init__`` is list's): a third of the time."""
    made = _new_list(SmartList)
    made._children = {}  # type: ignore[attr-defined]
    _fill_list(made, nodes)
    return made


if SmartList.__init__ is not list.__init__ or SmartList.__slots__ != ("_children",):  # not the SmartList above
    _smart_list = SmartList  # type: ignore[assignment]


def _code(nodes: list) -> Wikicode:
    """``Wikicode(SmartList(nodes))`` (``Wikicode.__init__`` only stores its list)."""
    code = _new_node(Wikicode)
    code._nodes = _smart_list(nodes)
    return code


def build(self: _builder.Builder, tokenlist: list) -> Wikicode:
    """``Builder.build``: the same tree from the same tokens (see the module's note)."""
    tokens = tokenlist
    tokens.reverse()
    self._tokens = tokens
    self._stacks = []
    pop = tokens.pop
    handlers = _builder._HANDLERS

    def node(token: Any) -> Any:
        kind = type(token)
        if kind is _TEXT:
            text = _new_node(Text)
            text._value = str(token.get("text"))
            return text
        if kind is _LINK_OPEN:
            return wikilink()
        if kind is _TAG_OPEN:
            return tag(token)
        if kind is _TPL_OPEN:
            return template()
        return handlers[kind](self, token) if kind in handlers else self._handle_token(token)

    def wikilink() -> Wikilink:
        title = None
        nodes: list = []
        while tokens:
            token = pop()
            kind = type(token)
            if kind is _LINK_SEP:
                title, nodes = _code(nodes), []
            elif kind is _LINK_CLOSE:
                link = _new_node(Wikilink)
                if title is not None:
                    link._title, link._text = title, _code(nodes)
                else:
                    link._title, link._text = _code(nodes), None
                return link
            elif kind is _TEXT:  # the commonest token, made here without a call
                text = _new_node(Text)
                text._value = str(token.get("text"))
                nodes.append(text)
            else:
                nodes.append(node(token))
        raise ParserError("_handle_wikilink() missed a close token")

    def parameter(default: int) -> Parameter:
        key = None
        showkey = False
        nodes: list = []
        while tokens:
            token = pop()
            kind = type(token)
            if kind is _TPL_EQUALS:
                key, nodes, showkey = _code(nodes), [], True
            elif kind is _TPL_SEP or kind is _TPL_CLOSE:
                tokens.append(token)
                if key is None:
                    number = _new_node(Text)
                    number._value = str(default)
                    key = _code([number])
                param = _new_node(Parameter)
                param._name, param._value, param._showkey = key, _code(nodes), showkey
                return param
            elif kind is _TEXT:  # the commonest token, made here without a call
                text = _new_node(Text)
                text._value = str(token.get("text"))
                nodes.append(text)
            else:
                nodes.append(node(token))
        raise ParserError("_handle_parameter() missed a close token")

    def template() -> Template:
        name: Wikicode | None = None
        params: list[Parameter] = []
        default = 1
        nodes: list = []
        while tokens:
            token = pop()
            kind = type(token)
            if kind is _TPL_SEP:
                if not params:
                    name = _code(nodes)
                param = parameter(default)
                params.append(param)
                if not param._showkey:
                    default += 1
            elif kind is _TPL_CLOSE:
                if not params:
                    name = _code(nodes)
                assert name is not None
                made = _new_node(Template)
                made._name, made._params = name, params
                return made
            elif kind is _TEXT:  # the commonest token, made here without a call
                text = _new_node(Text)
                text._value = str(token.get("text"))
                nodes.append(text)
            else:
                nodes.append(node(token))
        raise ParserError("_handle_template() missed a close token")

    def attribute(start: Any) -> Attribute:
        """The builder's ``_handle_attribute``: name, "=", quote, value, up to the next
        attribute or the tag's end (left for ``tag``)."""
        name = quotes = None
        nodes: list = []
        while tokens:
            token = pop()
            kind = type(token)
            if kind is _TEXT:
                text = _new_node(Text)
                text._value = str(token.get("text"))
                nodes.append(text)
            elif kind is _ATTR_EQUALS:
                name, nodes = _code(nodes), []
            elif kind is _ATTR_QUOTE:
                quotes = token.get("char")
            elif kind is _TAG_ATTR or kind is _TAG_CLOSE_OPEN or kind is _TAG_SELFCLOSE:
                tokens.append(token)
                if name:
                    value = _code(nodes)
                else:
                    name, value = _code(nodes), None
                return _attribute(name, value, quotes, start.get("pad_first"), start.get("pad_before_eq"),
                                  start.get("pad_after_eq"))
            else:
                nodes.append(node(token))
        raise ParserError("_handle_attribute() missed a close token")

    def tag(open_token: Any) -> Tag:
        name = contents = closing_tag = padding = separator = None
        attrs: list = []
        implicit = False
        wiki_markup = open_token.get("wiki_markup")
        invalid = open_token.get("invalid") or False
        closing_markup = wiki_markup
        nodes: list = []
        while tokens:
            token = pop()
            kind = type(token)
            if kind is _TAG_ATTR:
                attrs.append(attribute(token))
            elif kind is _TAG_CLOSE_OPEN:
                separator = token.get("wiki_markup")
                padding = token.get("padding") or ""
                name, nodes = _code(nodes), []
            elif kind is _TAG_OPEN_CLOSE:
                closing_markup = token.get("wiki_markup")
                contents, nodes = _code(nodes), []
            elif kind is _TAG_SELFCLOSE or kind is _TAG_CLOSE_CLOSE:
                if kind is _TAG_SELFCLOSE:
                    closing_markup = token.get("wiki_markup")
                    name = _code(nodes)
                    self_closing = True
                    padding = token.get("padding") or ""
                    implicit = token.get("implicit") or False
                else:
                    self_closing = False
                    closing_tag = _code(nodes)
                assert name is not None
                assert padding is not None
                return _tag(name, contents, attrs, wiki_markup, self_closing, invalid, implicit, padding,
                            closing_tag, separator, closing_markup)
            elif kind is _TEXT:  # the commonest token, made here without a call
                text = _new_node(Text)
                text._value = str(token.get("text"))
                nodes.append(text)
            else:
                nodes.append(node(token))
        raise ParserError("_handle_tag() missed a close token")

    out = []
    while tokens:
        token = pop()
        if type(token) is _TEXT:
            text = _new_node(Text)
            text._value = str(token.get("text"))
            out.append(text)
        else:
            out.append(node(token))
    return _code(out)


def _padding(value: Any) -> str:
    """What ``Attribute``'s padding setters store."""
    if not value:
        return ""
    value = str(value)
    if not value.isspace():
        raise ValueError("padding must be entirely whitespace")
    return value


def _attribute(name: Wikicode, value: Wikicode | None, quotes: Any, pad_first: Any, pad_before_eq: Any,
               pad_after_eq: Any) -> Attribute:
    """``Attribute(name, value, quotes, pad_first, pad_before_eq, pad_after_eq)`` as the
    builder calls it: what its setters store, in their order (the quotes the value setter
    may choose are replaced by the quotes setter's at once, so only its check is made)."""
    node = _new_node(Attribute)
    node._name = name
    node._quotes = None
    node._value = value
    coerced = Attribute.coerce_quotes(quotes)
    if not coerced and Attribute._value_needs_quotes(value):
        raise ValueError("attribute value requires quotes")
    node._quotes = coerced
    node._pad_first = _padding(pad_first)
    node._pad_before_eq = _padding(pad_before_eq)
    node._pad_after_eq = _padding(pad_after_eq)
    return node


def _tag(name: Wikicode, contents: Wikicode | None, attrs: list, wiki_markup: Any, self_closing: bool,
         invalid: bool, implicit: bool, padding: str, closing_tag: Wikicode | None, separator: Any,
         closing_markup: Any) -> Tag:
    """``Tag(...)`` as the builder calls it: the attributes its setters store, in their order."""
    if padding and not str(padding).isspace():
        raise ValueError("padding must be entirely whitespace")
    node = _new_node(Tag)
    node._tag = node._closing_tag = name
    node._contents = _code([]) if contents is None else contents
    node._attrs = attrs if attrs else []
    node._closing_wiki_markup = None
    node._wiki_markup = str(wiki_markup) if wiki_markup else None
    node._closing_wiki_markup = node._wiki_markup
    node._self_closing = bool(self_closing)
    node._invalid = bool(invalid)
    node._implicit = bool(implicit)
    node._padding = str(padding) if padding else ""
    if closing_tag is not None:
        node._closing_tag = closing_tag
    node._wiki_style_separator = str(separator) if separator else None
    if closing_markup is not None:
        node._closing_wiki_markup = str(closing_markup) if closing_markup else None
    return node


def install() -> None:
    """Put the fast ``parse_anything`` into every module of mwparserfromhell that calls
    it, and the fast text handler and ``build`` into its builder."""
    for name in _CALLERS:
        module = importlib.import_module(f"mwparserfromhell.{name}")
        if getattr(module, "parse_anything", None) in (_original, parse_anything):
            module.parse_anything = parse_anything  # type: ignore[attr-defined]
    if _same_text_nodes():  # only while a Text node is what this handler makes
        _builder._HANDLERS[_tokens.Text] = text_handler
        _builder.Builder.build = build  # type: ignore[method-assign]


def _same_text_nodes() -> bool:
    token = _tokens.Text(text="x")
    ours, theirs = text_handler(None, token), _original_text_handler(None, token)
    return type(ours) is type(theirs) and getattr(ours, "__dict__", None) == getattr(theirs, "__dict__", 0)


def uninstall() -> None:
    """mwparserfromhell as it came (the tests compare its trees with ours)."""
    for name in _CALLERS:
        module = importlib.import_module(f"mwparserfromhell.{name}")
        if getattr(module, "parse_anything", None) is parse_anything:
            module.parse_anything = _original  # type: ignore[attr-defined]
    _builder._HANDLERS[_tokens.Text] = _original_text_handler
    _builder.Builder.build = _original_build  # type: ignore[method-assign]


def installed() -> bool:
    return _builder._HANDLERS[_tokens.Text] is text_handler and _builder.Builder.build is build and all(
        importlib.import_module(f"mwparserfromhell.{n}").parse_anything is parse_anything for n in _CALLERS
    )

