"""Names of countries, people, ships and companies: {{flag|France}}, {{marriage}},
{{nihongo}}, {{sortname}}, {{USS|Hornet}}, {{NYSE|IBM}}, ..."""

from __future__ import annotations

from mwparserfromhell.nodes import Template

from kidpedia import lang
from kidpedia.titles import normalise_title
from kidpedia.wikitext.handlers.data import template_rules
from kidpedia.wikitext.inline import ParseContext, TextBuilder, plain
from kidpedia.wikitext.params import param_text, positional, render, template_name


def _country(code_or_name: str) -> str:
    return template_rules()["country_codes"].get(code_or_name.strip(), code_or_name.strip())


def flag(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{flag|France}}, {{flagcountry|France}}: the country's name, linked (the flag icon goes)."""
    args = positional(tpl)
    if not args:
        return
    country = _country(plain(args[0], ctx))
    label = param_text(tpl, ctx, "name") or country
    link = template_name(tpl) not in ("flagu",)
    out.add(label, normalise_title(country) if link and country else None)


_MARRIAGE_END = {"d": "died", "d.": "died", "died": "died", "div": "div.", "div.": "div.", "divorced": "div.",
                 "sep": "sep.", "sep.": "sep.", "separated": "sep.", "annulled": "ann.", "ann.": "ann."}


def marriage(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{marriage|Pat Smith|1950|1975|end=div.}} -> "Pat Smith (m. 1950; div. 1975)"."""
    args = positional(tpl)
    if not args:
        return
    render(args[0], out, ctx)
    start = plain(args[1], ctx) if len(args) > 1 else ""
    end = plain(args[2], ctx) if len(args) > 2 else ""
    reason = _MARRIAGE_END.get(param_text(tpl, ctx, "end", "reason").lower(), "")
    if not start:
        return
    if end and reason:
        out.add(f" (m. {start}; {reason} {end})")
    elif end:
        out.add(f" (m. {start}–{end})")
    else:
        out.add(f" (m. {start})")


def nihongo(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{nihongo|Tokyo|東京|Tōkyō}} -> "Tokyo (東京, Tōkyō)"."""
    args = positional(tpl)
    if not args:
        return
    render(args[0], out, ctx)
    extra = [t for t in (plain(a, ctx) for a in args[1:3]) if t]
    if extra:
        out.add(f" ({', '.join(extra)})")


def sortname(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{sortname|Ada|Lovelace}} -> "Ada Lovelace", linked unless nolink."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if len(args) < 2:
        return
    name = f"{args[0]} {args[1]}".strip()
    target = args[2] if len(args) > 2 and args[2] else name
    out.add(name, None if param_text(tpl, ctx, "nolink") else normalise_title(target))


def army(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{army|USA}} -> "United States Army" (linked)."""
    args = positional(tpl)
    if args:
        country = _country(plain(args[0], ctx))
        name = {"CSA": "Confederate States Army"}.get(country, f"{country} Army")
        out.add(name, normalise_title(name))


def country_name(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{USA}} -> "United States" (linked), as the flag-country templates show it; on a page
    of another edition in its language ({{JPN}} -> "日本"). A code is a country only
    written in capitals ({{JPN}}, not {{Jpn}}), but for the few in the rules' names."""
    name = template_name(tpl)
    code = name.upper()
    if code not in template_rules()["country_codes"] or (
            not str(tpl.name).strip().isupper() and name not in template_rules()["handlers"]["country_name"]["names"]):
        ctx.unknown_templates[name] += 1
        return
    region = template_rules()["country_regions"].get(code)
    country = (lang.territory_name(region, ctx.lang) if region and ctx.lang != "en" else None) or _country(code)
    out.add(country, normalise_title(country))


def ship(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{USS|Hornet|CV-12}} -> "USS Hornet (CV-12)", linked to the ship's article."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if not args:
        return
    prefix = template_name(tpl).upper()
    name = f"{prefix} {args[0]}"
    full = f"{name} ({args[1]})" if len(args) > 1 and args[1] else name
    out.add(full, normalise_title(full))


def ticker(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{NYSE|IBM}} -> "NYSE: IBM"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if args:
        out.add(f"{template_name(tpl).upper()}: {args[0]}")
