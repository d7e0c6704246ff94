"""Templates a reader sees as (part of) their parameters' text: {{nowrap|x}},
{{lang|fr|texte}}, {{circa|1900}}, {{url|...}}, magic words, and the like."""

from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import Template

from kidpedia.titles import normalise_title
from kidpedia.wikitext import scripts
from kidpedia.wikitext.handlers.base import Handler
from kidpedia.wikitext.inline import ParseContext, TextBuilder, literal, plain
from kidpedia.wikitext.params import param, param_text, positional, render, template_name


def first_param(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    args = positional(tpl)
    if args:
        render(args[0], out, ctx)


def last_param(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    args = positional(tpl)
    if args:
        render(args[-1], out, ctx)


def second_param(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{native name|fr|texte}}: the text, not the language code."""
    args = positional(tpl)
    if len(args) > 1:
        render(args[1], out, ctx)


def lang(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{lang|fr|texte}} and {{lang-fr|texte}}: the text in the other language."""
    args = positional(tpl)
    name = template_name(tpl)
    text = args[1] if name == "lang" and len(args) > 1 else (args[0] if args and name != "lang" else None)
    render(text, out, ctx)


def magic(tpl: Template, name: str, out: TextBuilder, ctx: ParseContext) -> None:
    """Magic words and parser functions: render the few a reader sees, drop the rest."""
    head, _, rest = str(tpl.name).partition(":")
    fn = head.strip().lower()
    if fn == "formatnum" and "{{" in rest:  # "{{formatnum:{{Inflation|US|800|1861}}}}": what is inside says
        render(mwparserfromhell.parse(rest), out, ctx)  # what becomes of it
        return
    if fn in ("lc", "uc", "lcfirst", "ucfirst", "formatnum"):
        value = plain(mwparserfromhell.parse(rest), ctx)
        out.add({"lc": value.lower(), "uc": value.upper()}.get(fn, value))
        return
    if fn == "pagename":
        out.add(ctx.title)
        return
    if name.isupper() and name.strip() in ("PAGENAME", "FULLPAGENAME"):
        out.add(ctx.title)
        return
    ctx.stats["magic_dropped"] += 1


def circa(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    out.add("c. ")
    first_param(tpl, out, ctx)


def wrap(left: str, right: str) -> Handler:
    def handler(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
        args = positional(tpl)
        if args:
            out.add(left)
            render(args[0], out, ctx)
            out.add(right)

    return handler


_TAG_KINDS = {"o": "open", "open": "open", "c": "close", "close": "close", "s": "single", "single": "single",
              "v": "single", "void": "single", "e": "empty", "empty": "empty"}


def html_tag(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{tag|i}} -> "<i>...</i>", {{tag|p|o}} -> "<p>", {{tag|p|c}} -> "</p>", {{tag|br|s}}
    -> "<br />", {{tag|b|e}} -> "<b></b>"; ``content=`` in a pair, ``attribs=`` in the
    opening tag: the tag written as text, as a page on HTML shows it (``literal``)."""
    args = positional(tpl)
    name = plain(args[0], ctx).strip() if args else ""
    if not name:
        return
    kind = _TAG_KINDS.get(plain(args[1], ctx).strip().lower(), "pair") if len(args) > 1 else "pair"
    attribs = param_text(tpl, ctx, "attribs", "params")
    opening = f"<{name}{' ' + attribs if attribs else ''}"
    if kind == "close":
        out.add(literal(f"</{name}>", ctx))
    elif kind == "single":
        out.add(literal(opening + " />", ctx))
    else:
        out.add(literal(opening + ">", ctx))
        if kind == "open":
            return
        if kind == "pair":
            content = param(tpl, "content")
            if content is None:
                out.add("...")
            else:
                render(content, out, ctx)
        out.add(literal(f"</{name}>", ctx))


def url(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{url|http://www.example.org/}} -> "www.example.org" (the label, not a link)."""
    args = [str(a).strip() for a in positional(tpl)]
    if not args or not args[0]:
        return
    label = args[1] if len(args) > 1 and args[1] else args[0]
    out.add(re.sub(r"^[a-z]+://", "", label, flags=re.IGNORECASE).rstrip("/"))  # a label may be a URL too


def drop(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    ctx.stats["templates_dropped"] += 1


def based_on(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{based on|''Title''|Author}} -> "Title by Author"."""
    args = positional(tpl)
    if args:
        render(args[0], out, ctx)
        for i, a in enumerate(args[1:]):
            out.add(" by " if i == 0 else " and ")
            render(a, out, ctx)


def interlanguage_link(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{ill|Title|de|Titel}}, {{仮リンク|題名|en|Title}}: this edition's title, linked (its
    ``lt=``/``label=`` shown where given); the old {{ill|de|Titel}} form: the title."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if not args:
        return
    if len(args) > 1 and re.fullmatch(r"[a-z]{2,3}(-[a-z]+)?", args[0]):
        out.add(args[1])
        return
    label = param_text(tpl, ctx, "lt", "label", "表示名")
    out.add(label or args[0], normalise_title(args[0]))


def untranslated_link(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{нп|Назва|текст|en|Title}} (Ukrainian "not translated"): the text where given, else
    this edition's title, linked to that title."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if args and args[0]:
        out.add(args[1] if len(args) > 1 and args[1] else args[0], normalise_title(args[0]))


def emedicine(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{eMedicine2|med|3202}} -> "med/3202"."""
    args = [plain(a, ctx) for a in positional(tpl)][:2]
    out.add("/".join(a for a in args if a))


def icd10(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{ICD10|O|04||o|00}} -> "O04"; {{ICD10|F|84|0|f|80}} -> "F84.0"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if len(args) >= 2 and args[0] and args[1]:
        out.add(f"{args[0]}{args[1]}" + (f".{args[2]}" if len(args) > 2 and args[2] else ""))


def nuclide(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{SimpleNuclide2|Uranium|235}} -> "Uranium-235"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if len(args) >= 2:
        out.add(f"{args[0]}-{args[1]}", normalise_title(f"{args[0]}-{args[1]}"))
    elif args:
        out.add(args[0])


def superscript(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{sup|2}} -> "²" (the text as it is when it has no Unicode superscript)."""
    args = positional(tpl)
    if args:
        text = plain(args[0], ctx)
        out.add(scripts.superscript(text) or text)


def subscript(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{sub|2}} -> "₂"."""
    args = positional(tpl)
    if args:
        text = plain(args[0], ctx)
        out.add(scripts.subscript(text) or text)


def chem(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{chem|Ge|9|4-}} -> "Ge₉⁴⁻": elements and counts in turn, a last charge raised."""
    args = [plain(a, ctx) for a in positional(tpl)]
    for i, arg in enumerate(args):
        charge = i == len(args) - 1 and i > 0 and arg[-1:] in ("+", "-", "−")
        if charge:
            out.add(scripts.superscript(arg) or arg)
        elif i % 2:
            out.add(scripts.subscript(arg) or arg)
        else:
            out.add(arg)
