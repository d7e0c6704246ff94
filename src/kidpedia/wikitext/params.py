"""Template names and parameters: which template, its positional and named
parameters, and their text (rendered with ``inline``)."""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from kidpedia.wikitext.inline import ParseContext, TextBuilder, plain, render_nodes

_WS = re.compile(r"[\s_]+")


def template_name(tpl: Template) -> str:
    """Normalised template name: lower case, no "Template:" prefix, single spaces."""
    raw = str(tpl.name)
    if "<!--" in raw:
        raw = re.sub(r"<!--.*?-->", "", raw, flags=re.DOTALL)
    name = _WS.sub(" ", raw).strip().lower()
    if name.startswith("template:"):
        name = name[9:].strip()
    return name


def positional(tpl: Template) -> list[Wikicode]:
    """The unnamed parameters in order; "|2=b" counts as the second, as MediaWiki reads it."""
    numbered: dict[int, Wikicode] = {}
    n = 0
    for p in tpl.params:
        if not p.showkey:
            n += 1
            numbered[n] = p.value
        elif str(p.name).strip().isdigit():
            numbered[int(str(p.name).strip())] = p.value
    return [numbered[k] for k in sorted(numbered)]


def param(tpl: Template, *names: str) -> Wikicode | None:
    for n in names:
        if tpl.has(n):
            v = tpl.get(n).value
            if str(v).strip():
                return v
    return None


def param_text(tpl: Template, ctx: ParseContext, *names: str) -> str:
    return plain(param(tpl, *names), ctx)


def render(code: Wikicode | None, out: TextBuilder, ctx: ParseContext) -> None:
    if code is not None:
        render_nodes(code.nodes, out, ctx)


def param_int(code: Wikicode | None, ctx: ParseContext) -> int | None:
    if code is None:
        return None
    s = plain(code, ctx).strip()
    return int(s) if s.isdigit() else None
