"""Measures and amounts: {{convert}}, {{height}}, {{currency}}, {{frac}}, {{val}}, {{e}}."""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Template

from kidpedia.wikitext import scripts
from kidpedia.wikitext.handlers.convert import convert_text
from kidpedia.wikitext.handlers.data import template_rules
from kidpedia.wikitext.inline import ParseContext, TextBuilder, plain
from kidpedia.wikitext.params import param_text, positional, template_name


def convert(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{convert|4400|km2|sqmi|abbr=on}} -> "4,400 km2 (1,700 sq mi)"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    opts = {str(p.name).strip(): plain(p.value, ctx) for p in tpl.params if p.showkey}
    if template_name(tpl) == "cvt":
        opts.setdefault("abbr", "on")
    text = convert_text(args, opts)
    if text is None:  # unknown unit: the measurement as written
        text = " ".join(a for a in args[:4] if a and not re.fullmatch(r"-?\d", a) or a == args[0])
        ctx.stats["convert_unknown_unit"] += 1
    out.add(text)


def height(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{height|m=1.8}}, {{height|ft=6|in=1}}: a person's height and its conversion."""
    m, cm = param_text(tpl, ctx, "m", "meter", "meters", "metre", "metres"), param_text(tpl, ctx, "cm")
    ft, inch = param_text(tpl, ctx, "ft"), param_text(tpl, ctx, "in")
    if m or cm:
        text = convert_text([m or cm, "m" if m else "cm", "ftin"], {"abbr": "on"})
    elif ft or inch:
        text = convert_text([ft or "0", "ft", inch or "0", "in", "m"], {"abbr": "on"})
    else:
        text = None
    if text:
        out.add(text)


def _number_text(text: str) -> str:
    t = text.strip().replace(",", "")
    if re.fullmatch(r"\d{4,}(\.\d+)?", t):
        whole, _, frac = t.partition(".")
        return f"{int(whole):,}" + (f".{frac}" if frac else "")
    return text.strip()


def currency(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{currency|1000|USD}} -> "US$1,000"; {{US$|5}} -> "US$5"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if not args:
        return
    name = template_name(tpl)
    symbols = template_rules()["currency_symbols"]
    code = (args[1] if len(args) > 1 else "USD") if name == "currency" else name.upper()
    amount = _number_text(args[0])
    symbol = symbols.get(code.upper())
    out.add(f"{symbol}{amount}" if symbol else f"{amount} {code}")


def frac(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{frac|1|2}} -> "1/2"; {{frac|3|1|2}} -> "3 1/2"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if len(args) == 1:
        out.add(f"1/{args[0]}")
    elif len(args) == 2:
        out.add(f"{args[0]}/{args[1]}")
    elif len(args) >= 3:
        out.add(f"{args[0]} {args[1]}/{args[2]}")


def val(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{val|1.23|e=5|u=m}} -> "1.23 × 10⁵ m"."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if not args:
        return
    text = _number_text(args[0])
    if len(args) > 1 and args[1]:
        text += f" ± {args[1]}"
    exponent = param_text(tpl, ctx, "e")
    if exponent:
        text += f" × {_power_of_ten(exponent)}"
    unit = param_text(tpl, ctx, "u", "ul")
    out.add(f"{text} {unit}" if unit else text)


def _power_of_ten(exponent: str) -> str:
    """"24" -> "10²⁴"; an exponent with no Unicode superscript (a variable name) -> "10^x"."""
    raised = scripts.superscript(exponent)
    return f"10{raised}" if raised else f"10^{exponent.strip()}"


def times_ten(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{e|24}}, written after a number ("5.98{{e|24}}"), -> "×10²⁴": the number times that
    power of ten. Dropped, it would leave "5.98 kg" where the page means 5.98 × 10²⁴ kg."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if args and args[0].strip():
        out.add(f"×{_power_of_ten(args[0])}")
