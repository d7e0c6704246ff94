"""Measures and amounts: {{convert}}, {{height}}, {{currency}}, {{frac}}, {{val}}, {{e}},
{{RailGauge}}, {{inflation}}."""

from __future__ import annotations

import re
from decimal import Decimal

from mwparserfromhell.nodes import Template

from kidpedia import lang
from kidpedia.wikitext import scripts
from kidpedia.wikitext.handlers.convert import convert_text
from kidpedia.wikitext.handlers.data import template_rules
from kidpedia.wikitext.inline import FIGURE, HOLE, ParseContext, TextBuilder, plain
from kidpedia.wikitext.params import param_text, positional, render, template_name


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


_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def number(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{nts|603700}}, {{num|440000}} (a number, written so tables sort it) -> "603,700" in
    English, "603 700" in Ukrainian: the number as the page's language groups digits,
    every decimal kept; anything else as it is written ("1 000 000 - 2 000 000")."""
    args = positional(tpl)
    if not args:
        return
    text = plain(args[0], ctx).strip()
    value = text.replace("−", "-")
    out.add(lang.format_number(Decimal(value), ctx.lang, exact=True) if _PLAIN_NUMBER.fullmatch(value) else text)


def sort_key(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{sort|key|text}}: the text a reader sees (the key where there is none)."""
    args = positional(tpl)
    if len(args) > 1 and plain(args[1], ctx).strip():
        render(args[1], out, ctx)
    elif args:
        render(args[0], out, ctx)


def times_ten(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{e|24}}, written after a number ("5.98{{e|24}}"), -> "×10²⁴": the number times that
    power of ten. Dropped, it would leave "5.98 kg" where the page means 5.98 × 10²⁴ kg."""
    args = [plain(a, ctx) for a in positional(tpl)]
    if args and args[0].strip():
        out.add(f"×{_power_of_ten(args[0])}")


# {{RailGauge|KEY}}: a gauge as millimetres ("1435mm") or feet and inches ("3ft6in",
# "2ft5.5in"), or one of the names editors use for the common ones.
_GAUGE_NAMES = {"sg": "1435mm", "standard": "1435mm", "ussg": "4ft8.5in", "mg": "1000mm", "metre": "1000mm",
                "meter": "1000mm", "cape": "3ft6in"}
_MM = re.compile(r"(\d{3,4}(?:\.\d+)?)\s*mm")
_FT_IN = re.compile(r"(\d)\s*ft\s*(?:(\d{1,2}(?:\.\d+)?)\s*in)?")
_EIGHTHS = ("", "⅛", "¼", "⅜", "½", "⅝", "¾", "⅞")


def _feet_inches(inches: float) -> str:
    """56.496 -> "4 ft 8½ in" (to the nearest eighth of an inch, as gauges are written)."""
    eighths = round(inches * 8)
    feet, rest = divmod(eighths, 96)
    whole, part = divmod(rest, 8)
    inch = (str(whole) if whole else "") + _EIGHTHS[part]
    return f"{feet} ft {inch} in" if inch else f"{feet} ft"


def rail_gauge(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{RailGauge|1435mm}} -> "1,435 mm (4 ft 8½ in)"; {{RailGauge|3ft6in}} -> "3 ft 6 in
    (1,067 mm)": the gauge in the unit it is defined in, then the other. A key it does not
    read leaves a hole (the clause around it is mended), never the key itself."""
    args = positional(tpl)
    key = plain(args[0], ctx).strip().lower() if args else ""
    key = _GAUGE_NAMES.get(key, key)
    if m := _MM.fullmatch(key):
        mm = float(m.group(1))
        out.add(f"{_number_text(m.group(1))} mm ({_feet_inches(mm / 25.4)})")
    elif m := _FT_IN.fullmatch(key):
        inches = int(m.group(1)) * 12 + float(m.group(2) or 0)
        out.add(f"{_feet_inches(inches)} ({_number_text(str(round(inches * 25.4)))} mm)")
    else:
        out.add(HOLE)
        ctx.stats["rail_gauge_unknown"] += 1


def format_price(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{Format price|3160384}} -> "3,160,384"; a template inside ({{inflation}}) renders as
    itself, so that what it marks reaches the sentence."""
    args = positional(tpl)
    if not args:
        return
    if args[0].filter_templates(recursive=False):
        render(args[0], out, ctx)
    else:
        out.add(_number_text(plain(args[0], ctx)))


def not_offline(tpl: Template, out: TextBuilder, ctx: ParseContext) -> None:
    """{{inflation|US|5|1929}}: an amount in today's money, which needs price data of the day
    the page is read. It is not the page's fact to keep: the parenthesis holding it goes
    ("$5 ($94 in 2023 dollars)" -> "$5"), or, outside one, its sentence (``FIGURE``)."""
    out.add(FIGURE)
    ctx.stats["figures_not_offline"] += 1
