"""The shape of a template handler: (template, where its text goes, the parse's context)."""

from __future__ import annotations

from collections.abc import Callable

from mwparserfromhell.nodes import Template

from kidpedia.wikitext.inline import ParseContext, TextBuilder

Handler = Callable[[Template, TextBuilder, ParseContext], None]
