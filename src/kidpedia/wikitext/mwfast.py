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
``Text(value)`` would (``Text.__init__`` only sets the value, as a string). Installed
when ``kidpedia.wikitext`` is imported.
"""

from __future__ import annotations

import importlib
from typing import Any

from mwparserfromhell import utils as _utils
from mwparserfromhell.nodes import Node, Text
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
        return Wikicode(SmartList([value]))
    return _original(value, context, skip_style_tags=skip_style_tags)


parse_anything.__wrapped__ = _original  # type: ignore[attr-defined]


_new_node = object.__new__
_original_text_handler = _builder._HANDLERS[_tokens.Text]


def text_handler(builder: object, token: dict[str, Any]) -> Text:
    """The builder's handler for a text token: ``Text(token.text)`` without the calls."""
    node = _new_node(Text)
    node._value = str(token.get("text"))  # what Text.value's setter stores
    return node


def install() -> None:
    """Put the fast ``parse_anything`` into every module of mwparserfromhell that calls
    it, and the fast text handler into its builder."""
    for name in _CALLERS:
        module = importlib.import_module(f"mwparserfromhell.{name}")
        if getattr(module, "parse_anything", None) in (_original, parse_anything):
            module.parse_anything = parse_anything  # type: ignore[attr-defined]
    if _same_text_nodes():  # only while a Text node is what this handler makes
        _builder._HANDLERS[_tokens.Text] = text_handler


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


def installed() -> bool:
    return _builder._HANDLERS[_tokens.Text] is text_handler and all(
        importlib.import_module(f"mwparserfromhell.{n}").parse_anything is parse_anything for n in _CALLERS
    )

